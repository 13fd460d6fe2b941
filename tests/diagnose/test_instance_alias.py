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


def test_an_instance_built_only_under_a_branch_is_not_followed(index_for):
    text = ("import os\n\n\nclass PyJWT:\n    def decode(self, jwt, verify=True):\n        return jwt\n\n\n"
            "if os.environ.get('X'):\n    _obj = PyJWT()\n    decode = _obj.decode\n")
    files = {"jwty/__init__.py": "from .api_jwt import decode\n", "jwty/api_jwt.py": text}
    index, target = index_for({"jwty": [{"version": "2.1.0", "files": files}]}, python="3.9")
    answer = ApiProbe(index).ask("jwty", "2.1.0", Question.parse("jwty:decode(verify)"))
    assert answer.value != "no"
