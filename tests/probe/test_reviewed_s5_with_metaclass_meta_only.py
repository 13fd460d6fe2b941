"""``six.with_metaclass(Meta)`` with no base is a class based on ``object``, not an unreadable base.

Defect: ``pysource._class_bases`` follows ``with_metaclass(Meta, Base)`` only
when there are at least two arguments; ``with_metaclass(ABCMeta)`` (metaclass
only) falls through to ``UNREADABLE_BASE``.  Before the change such a base was
simply dropped and the class read as based on ``object``; now every question
about a member the class lacks answers "unknown" ("base <expression> of X could
not be read"), and a class without ``__init__`` is no longer known to take no
arguments.

Realistic scenario: ``class Base(six.with_metaclass(abc.ABCMeta))`` is the
standard py2/py3 abstract base (six's docs show it; e.g. many plugin base
classes in scientific libraries are written this way).  ``six.with_metaclass``
with only a metaclass creates a temporary class whose single base is
``object``: nothing is inherited.  A removed method of such a class
(``'Plugin' object has no attribute 'run_legacy'``) must read as absent, as
it does for ``with_metaclass(ABCMeta, object)`` and for a plain class.

Expected: the same answers as ``with_metaclass(abc.ABCMeta, object)``.
"""

from __future__ import annotations

from pytest_depfix.diagnose.pysource import NO, DictTree, Resolver

SRC = '''import abc
import six


class Plugin(six.with_metaclass(abc.ABCMeta{extra})):
    def __init__(self, name=None):
        self.name = name

    @abc.abstractmethod
    def run(self):
        pass


class Marker(six.with_metaclass(abc.ABCMeta{extra})):
    pass
'''


def _resolver(extra: str) -> Resolver:
    return Resolver(DictTree({"plug/__init__.py": "", "plug/base.py": SRC.format(extra=extra)}))


def test_a_metaclass_only_base_leaves_absent_members_absent():
    control = _resolver(", object")  # the same class with object named explicitly reads fine
    assert control.class_attr(control.lookup("plug.base", "Plugin").refs[0], "run_legacy").value == NO
    r = _resolver("")
    plugin = r.lookup("plug.base", "Plugin").refs[0]
    assert r.class_attr(plugin, "run").value != NO
    assert r.class_attr(plugin, "run_legacy").value == NO, r.class_attr(plugin, "run_legacy").evidence


def test_a_metaclass_only_class_without_init_takes_no_keyword():
    r = _resolver("")
    marker = r.lookup("plug.base", "Marker").refs[0]
    assert r.accepts(marker, "strict").value == NO, r.accepts(marker, "strict").evidence
