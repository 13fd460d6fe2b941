"""A pin's line on the failing path, new in its pinned release, exposed an old failure further in.

spulec/freezegun#68: freezegun 0.2.3's ``start()`` began comparing each module attribute
with ``attribute_value == real_datetime``; on SQLAlchemy 0.9.8's ``PathRegistry`` that runs
``__eq__``, which fails with ``AttributeError: ... has no attribute 'path'``.  SQLAlchemy's
line is old; freezegun's is what changed.
"""
from tests.support.diagnose_crashes import diagnose_paste

LINE = "if attribute_value == real_datetime:"
PASTE = f"""Traceback (most recent call last):
  File "/app/tests/test_notifications.py", line 20, in test_start
    freez.start()
  File "/env/lib/python3.8/site-packages/freezex/api.py", line 5, in start
    {LINE}
  File "/env/lib/python3.8/site-packages/sqlx/path_registry.py", line 3, in __eq__
    return self.path == other.path
AttributeError: type object 'datetime.datetime' has no attribute 'path'
"""
NEW = ("import sys\nclass Freezer:\n    def start(self):\n        for attribute_value in list(vars(sys)):\n"
       f"            {LINE}\n                pass\n")
OLD = "import sys\nclass Freezer:\n    def start(self):\n        self.started = True\n"
SQLX = "class PathRegistry:\n    def __eq__(self, other):\n        return self.path == other.path\n"


def _diagnose(index_for, bodies, paste=PASTE, extra=None):
    universe = {"freezex": [{"version": v, "files": {"freezex/__init__.py": "", "freezex/api.py": b}} for v, b in bodies],
                "sqlx": [{"version": "0.9.8", "files": {"sqlx/__init__.py": "", "sqlx/path_registry.py": SQLX}}]}
    universe.update(extra or {})
    index, target = index_for(universe, python="3.8")
    reqs = "freezex==0.2.3\nsqlx==0.9.8\n" + "".join(f"{n}=={r[0]['version']}\n" for n, r in (extra or {}).items())
    return diagnose_paste(index, target, reqs, paste)


def test_the_release_before_the_calling_line_came_is_the_way_back(index_for):
    d = _diagnose(index_for, [("0.2.1", OLD), ("0.2.2", OLD), ("0.2.3", NEW)])
    assert d.verdict == "direct", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("freezex", "<=0.2.2")], d.summary
    assert "new in its release" in d.summary


def test_an_old_calling_line_is_no_sign_of_what_changed(index_for):
    d = _diagnose(index_for, [("0.1.0", OLD), ("0.2.0", NEW), ("0.2.1", NEW), ("0.2.2", NEW), ("0.2.3", NEW)])
    assert d.verdict == "unknown" and not d.culprits, d.summary


def test_a_failure_in_the_projects_own_code_is_not_read_back_through_a_pin(index_for):
    paste = PASTE.replace("/env/lib/python3.8/site-packages/sqlx/path_registry.py", "/app/app/models.py")
    d = _diagnose(index_for, [("0.2.2", OLD), ("0.2.3", NEW)], paste=paste)
    assert not d.culprits, d.summary


def test_a_new_line_another_pin_calls_into_counts_only_when_it_went_again(index_for):
    # The calling pin may be what changed: only a line that came and went is the pin's regression.
    paste = PASTE.replace("/app/tests/test_notifications.py", "/env/lib/python3.8/site-packages/pluginx/hooks.py")
    plugin = {"pluginx": [{"version": "1.0.0", "files": {"pluginx/__init__.py": "", "pluginx/hooks.py": "x = 1\n"}}]}
    d = _diagnose(index_for, [("0.2.2", OLD), ("0.2.3", NEW)], paste=paste, extra=plugin)
    assert not d.culprits, d.summary
    d = _diagnose(index_for, [("0.2.2", OLD), ("0.2.3", NEW), ("0.2.4", OLD)], paste=paste, extra=plugin)
    assert d.verdict == "transitive", d.summary
    assert sorted(c.constraint for c in d.culprits if c.name == "freezex") == ["<=0.2.2", ">=0.2.4"], d.summary
