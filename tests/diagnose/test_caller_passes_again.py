"""A pin's own call left out an argument another pin's override requires: the caller's releases that pass it.

marshmallow#2152: marshmallow 3.20.0's ``SchemaMeta.__new__`` stopped passing ``dict_cls=`` to
``get_declared_fields``; marshmallow-sqlalchemy 0.29.0 overrides that classmethod and requires it
(1.2.0 no longer does).  marshmallow 3.19.0 passed it and 3.20.1 passes it again: a patch of the
caller is a fix beside a major of the override's owner.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

# marshmallow#2152, verbatim (pytest's short traceback); package names changed to the fixtures'.
TB = """/env/lib/python3.11/site-packages/marshy_sqla/schema.py:3: in <module>
    class SQLAlchemySchema(SchemaMeta):
/env/lib/python3.11/site-packages/marshy/schema.py:4: in __new__
    klass._declared_fields = mcs.get_declared_fields(
E   TypeError: SQLAlchemySchemaMeta.get_declared_fields() missing 1 required positional argument: 'dict_cls'
"""


def _schema(passes: bool) -> str:
    extra = "            dict_cls=dict,\n" if passes else ""
    return ("class SchemaMeta(type):\n"
            "    def __new__(mcs, name, bases, attrs):\n"
            "        klass = super().__new__(mcs, name, bases, attrs)\n"
            "        klass._declared_fields = mcs.get_declared_fields(\n"
            "            klass=klass,\n" + extra +
            "        )\n"
            "        return klass\n\n"
            "    @classmethod\n"
            "    def get_declared_fields(mcs, klass, dict_cls=dict):\n"
            "        return dict_cls()\n")


def _sqla(requires: bool) -> str:
    params = "mcs, klass, dict_cls" if requires else "mcs, klass, dict_cls=dict"
    return ("from marshy.schema import SchemaMeta\n"
            "class SQLAlchemySchemaMeta(SchemaMeta):\n"
            f"    @classmethod\n    def get_declared_fields({params}):\n        return dict_cls()\n")


def _universe(fixed_again: bool = True):
    passes = {"3.19.0": True, "3.20.0": False, "3.20.1": fixed_again, "3.21.0": fixed_again}
    return {
        "marshy": [{"version": v, "files": {"marshy/__init__.py": "", "marshy/schema.py": _schema(p)}}
                   for v, p in passes.items()],
        "marshy-sqla": [{"version": v, "requires_dist": ["marshy>=3.0.0"],
                         "files": {"marshy_sqla/__init__.py": "", "marshy_sqla/schema.py": _sqla(v < "1")}}
                        for v in ("0.29.0", "1.2.0")],
    }


def _diagnose(index_for, universe, reqs="marshy==3.20.0\nmarshy-sqla==0.29.0\n", tb=TB):
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text(reqs, target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_caller_that_stopped_passing_the_argument_may_move_either_way(index_for):
    d = _diagnose(index_for, _universe())
    got = {(c.name, c.constraint) for c in d.culprits}
    assert {("marshy", ">=3.20.1"), ("marshy", "<=3.19.0"), ("marshy-sqla", ">=1.2.0")} <= got, d.summary


def test_a_caller_that_never_passes_it_again_offers_only_the_way_back(index_for):
    d = _diagnose(index_for, _universe(fixed_again=False))
    got = {(c.name, c.constraint) for c in d.culprits if c.name == "marshy"}
    assert got == {("marshy", "<=3.19.0")}, d.summary


def test_a_kept_caller_is_never_offered(index_for):
    index, target = index_for(_universe(), python="3.11")
    pins = parse_requirements_text("marshy==3.20.0\nmarshy-sqla==0.29.0\n", target)
    crash = attribute(parse_traceback(TB)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index), keep=["marshy"])
    assert all(c.name != "marshy" for c in d.culprits), d.summary
