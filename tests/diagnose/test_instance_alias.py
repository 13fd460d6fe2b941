"""A module-level name bound to a method of a module-level instance: ``decode = _jwt_global_obj.decode``.

PyJWT builds ``_jwt_global_obj = PyJWT()`` and re-exports its methods; ``jwt.decode`` is
``PyJWT.decode``.  2.1.0's took ``**kwargs`` and forwarded them to ``self.decode_complete``
(which ignored them), so ``jwt.decode(..., verify=False)`` ran; 2.2.0 dropped ``**kwargs``.
"""
import pytest

from pytest_depfix.diagnose.probe import ApiProbe, Question

API_JWT = ("class PyJWT:\n    def decode_complete(self, jwt, key='', algorithms=None, options=None, **kwargs):\n"
           "        return {{}}\n\n    def decode(self, jwt, key='', algorithms=None, options=None{extra}):\n"
           "        return self.decode_complete(jwt, key, algorithms, options{forward})\n\n\n"
           "_jwt_global_obj = PyJWT()\n"
           "decode_complete = _jwt_global_obj.decode_complete\ndecode = _jwt_global_obj.decode\n")


@pytest.mark.parametrize("extra, forward, expected", [
    (", **kwargs", ", **kwargs", "yes"),   # 2.1.0: forwarded to a method that takes **kwargs
    ("", "", "no"),                        # 2.2.0: no such parameter
])
def test_a_name_bound_to_an_instances_method_is_that_method(index_for, extra, forward, expected):
    files = {"jwty/__init__.py": "from .api_jwt import decode\n",
             "jwty/api_jwt.py": API_JWT.format(extra=extra, forward=forward)}
    index, target = index_for({"jwty": [{"version": "2.1.0", "files": files}]}, python="3.9")
    answer = ApiProbe(index).ask("jwty", "2.1.0", Question.parse("jwty:decode(verify)"))
    assert answer.value == expected, answer


def _ask(index_for, text: str, question: str = "jwty:decode(verify)") -> str:
    files = {"jwty/__init__.py": "from .api_jwt import *\n", "jwty/api_jwt.py": text}
    index, target = index_for({"jwty": [{"version": "2.1.0", "files": files}]}, python="3.9")
    return ApiProbe(index).ask("jwty", "2.1.0", Question.parse(question)).value


def test_an_instance_built_only_under_a_branch_is_not_followed(index_for):
    # (a class without verify: following the alias would say no)
    text = ("import os\n\n\nclass PyJWT:\n    def decode(self, jwt):\n        return jwt\n\n\n"
            "if os.environ.get('X'):\n    _obj = PyJWT()\n    decode = _obj.decode\n")
    assert _ask(index_for, text) == "unknown"


def test_a_name_bound_twice_is_not_followed(index_for):
    # (the second review's input: _obj = A() then _obj = make(), which returns another class)
    text = ("class A:\n    def decode(self, jwt):\n        return jwt\n\n\ndef make():\n    return A()\n\n\n"
            "_obj = A()\n_obj = make()\ndecode = _obj.decode\n")
    assert _ask(index_for, text) == "unknown"


def test_a_property_is_not_read_as_the_method_called(index_for):
    text = ("def _decode(jwt, verify=True):\n    return jwt\n\n\nclass A:\n    @property\n    def decode(self):\n"
            "        return _decode\n\n\n_obj = A()\ndecode = _obj.decode\n")
    assert _ask(index_for, text) == "unknown"


def test_a_method_found_on_a_base_does_not_read_self_on_the_base(index_for):
    # (the second review's input: Sub overrides the _impl that Base.decode forwards **kw to)
    text = ("class Base:\n    def decode(self, jwt, **kw):\n        return self._impl(jwt, **kw)\n\n"
            "    def _impl(self, jwt, **kw):\n        return jwt\n\n\nclass Sub(Base):\n    def _impl(self, jwt):\n"
            "        return jwt\n\n\n_obj = Sub()\ndecode = _obj.decode\n")
    assert _ask(index_for, text) != "yes"
    assert _ask(index_for, text, "jwty.api_jwt:Sub.decode(verify)") != "yes"
