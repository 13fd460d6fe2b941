"""Reviewed (s3): STDLIB_KEYWORDS judges any callable *named* ``field``/``dataclass``, whoever defines it.

attrs' ``field()`` (``from attrs import field``, attrs >= 20.1) has taken ``kw_only`` on every Python 3;
pydantic 1.10's ``pydantic.dataclasses.dataclass`` also takes ``kw_only`` on 3.7+.  A release whose
module-level code calls them is not "code the target Python cannot evaluate".
"""
from pytest_depfix.diagnose.pyfeatures import too_new

ATTRS = ("from attrs import define, field\n\n"
         "@define\nclass Point:\n    x: int = field(kw_only=True, default=0)\n")

PYDANTIC = ("from pydantic.dataclasses import dataclass\n\n"
            "@dataclass(kw_only=True)\nclass Model:\n    x: int = 0\n")


def test_attrs_field_kw_only_is_not_a_python_3_10_feature():
    assert too_new(ATTRS, (3, 8)) is None


def test_a_third_party_dataclass_decorator_keyword_is_not_a_python_3_10_feature():
    assert too_new(PYDANTIC, (3, 8)) is None
