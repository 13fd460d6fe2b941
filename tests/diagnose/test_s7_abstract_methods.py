"""``Can't instantiate abstract class UserCF with abstract methods load, save``: the release whose class defines them.

massquantity/LibRecommender (2021-04): 0.6.2's base class declared ``save`` and ``load``
abstract and ``UserCF`` defined neither; the maintainer: "Fixed in version 0.6.4".
"""
import pytest

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import ATTRIBUTE, classify
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

BASE = ("import abc\n\n\nclass Base(abc.ABC):\n    @abc.abstractmethod\n    def save(self):\n        pass\n\n"
        "    @abc.abstractmethod\n    def load(self):\n        pass\n")
USER_OLD = "from rec.base import Base\n\n\nclass UserCF(Base):\n    def fit(self):\n        pass\n"
USER_NEW = USER_OLD + "\n    def save(self):\n        pass\n\n    def load(self):\n        pass\n"
UNIVERSE = {"rec": [
    {"version": "0.6.2", "upload_time": "2021-03-01T00:00:00Z",
     "files": {"rec/__init__.py": "", "rec/base.py": BASE, "rec/user_cf.py": USER_OLD}},
    {"version": "0.6.3", "upload_time": "2021-03-20T00:00:00Z",
     "files": {"rec/__init__.py": "", "rec/base.py": BASE, "rec/user_cf.py": USER_OLD}},
    {"version": "0.6.4", "upload_time": "2021-04-20T00:00:00Z",
     "files": {"rec/__init__.py": "", "rec/base.py": BASE, "rec/user_cf.py": USER_NEW}},
]}


@pytest.mark.parametrize("message", [
    "Can't instantiate abstract class UserCF with abstract methods load, save",
    "Can't instantiate abstract class UserCF without an implementation for abstract methods 'load', 'save'",
])
def test_both_wordings_name_the_class_and_its_methods(message):
    found = infer_message(message + "\n")
    assert found is not None and found.exc_type == "TypeError"
    sig = classify(simple_parse(f"TypeError: {message}\n"))
    assert (sig.family, sig.cls, sig.detail["abstract"]) == (ATTRIBUTE, "UserCF", ["load", "save"])


def test_the_first_release_whose_class_defines_every_method_is_the_fix(index_for):
    index, target = index_for(UNIVERSE, python="3.6")
    pins = parse_requirements_text("rec==0.6.2\n", target)
    crash = infer_message("Can't instantiate abstract class UserCF with abstract methods load, save\n").to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("rec", ">=0.6.4")]
    assert "rec.user_cf.UserCF does not define load, save" in d.culprits[0].evidence[0]


def test_words_after_the_method_list_are_not_methods():
    sig = classify(simple_parse("TypeError: Can't instantiate abstract class A with abstract method bar when building\n"))
    assert sig.detail["abstract"] == ["bar"]
