"""Names reached by strings, and imports that are only a fallback.

thundra/thundra-lambda-agent-python (issue of 2019-10-29): botocore 1.13 emptied
``botocore.vendored.requests``; thundra 2.3.8 patched it by name with
``wrapt.wrap_function_wrapper('botocore.vendored.requests', 'Session.send', ...)``
and 2.3.9 put that call under ``try``.  Its reporter's ``try: import requests`` /
``except ImportError: from botocore.vendored import requests`` runs with the real
requests (declared by thundra) and is no use of the vendored one.
"""
from pytest_depfix.diagnose.users import uses_in_source

MODULE = "botocore.vendored.requests"

PATCHES = """import wrapt


def patch():
    wrapt.wrap_function_wrapper(
        'botocore.vendored.requests',
        'Session.send',
        wrapper,
    )
"""
GUARDED = """import wrapt


def patch():
    try:
        wrapt.wrap_function_wrapper('botocore.vendored.requests', 'Session.send', wrapper)
    except Exception:
        pass  # Vendored version of requests is removed from botocore
"""
FALLBACK = """try:
    import requests
except ImportError:
    from botocore.vendored import requests


def report():
    return requests.Session()
"""


def test_a_patch_by_module_and_attribute_strings_uses_the_name():
    use = uses_in_source(PATCHES, MODULE, "Session", "AttributeError")
    assert use is not None and use.line == 5


def test_the_dotted_string_form_uses_it_too():
    text = "from unittest import mock\n\n\ndef t():\n    with mock.patch('botocore.vendored.requests.Session.send'):\n        pass\n"
    assert uses_in_source(text, MODULE, "Session", "AttributeError").line == 5
    assert uses_in_source(text, MODULE, "Sessions", "AttributeError") is None


def test_the_patch_under_a_try_that_catches_it_is_guarded():
    assert uses_in_source(GUARDED, MODULE, "Session", "AttributeError") is None


def test_an_import_error_fallback_from_another_package_is_not_the_binding_the_code_runs_with():
    assert uses_in_source(FALLBACK, MODULE, "Session", "AttributeError") is None
    plain = "from botocore.vendored import requests\n\n\ndef report():\n    return requests.Session()\n"
    assert uses_in_source(plain, MODULE, "Session", "AttributeError").line == 5


def test_a_fallback_within_the_same_package_is_left_to_the_callees_answers():
    import ast

    from pytest_depfix.diagnose.users import _fallback_imports

    same = ast.parse("try:\n    from pandas import NumericIndex as Index\nexcept ImportError:\n"
                     "    from pandas import Int64Index as Index\n")
    other = ast.parse(FALLBACK)
    assert _fallback_imports(same) == set()
    assert len(_fallback_imports(other)) == 1
