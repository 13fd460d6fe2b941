"""A SyntaxError whose file line was cut: the one pin holding the refused line.

hooram/ownphotos (Docker on Python 3.7): only ``from gunicorn.workers.async import AsyncWorker``
and its caret survived.  ``async`` is a keyword from 3.7; gunicorn 19.9.0 renamed the module.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = ("<snip>\n    from gunicorny.workers.async import AsyncWorker\n"
         "                              ^\nSyntaxError: invalid syntax\n]\n")
OLD = ("from gunicorny.workers.async import AsyncWorker\nfrom gunicorny.workers.sync import AsyncWorker\n\n\n"
       "def f(value):\n    if value:\n        pass\n    elif value is None:\n        pass\n")
NEW = "from gunicorny.workers.base_async import AsyncWorker\n"


def _universe():
    def g(v, body):
        return {"version": v, "files": {"gunicorny/__init__.py": "", "gunicorny/workers/__init__.py": "",
                                        "gunicorny/workers/ggevent.py": body}}

    return {"gunicorny": [g("19.7.0", NEW.replace("base_async", "sync")), g("19.8.1", OLD), g("19.9.0", NEW)],
            "geventy": [{"version": "1.4.0", "files": {"geventy/__init__.py": ""}}]}


def _diagnose(index_for, paste=PASTE):
    index, target = index_for(_universe(), python="3.7")
    return diagnose_paste(index, target, "gunicorny==19.8.1\ngeventy==1.4.0\n", paste)


def test_the_pin_holding_the_refused_line_moves_to_its_releases_without_it(index_for):
    d = _diagnose(index_for)
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("gunicorny", "<=19.7.0"), ("gunicorny", ">=19.9.0")], d.summary


def test_a_shown_line_that_parses_is_not_the_refused_one(index_for):
    # (19.8.1 holds these lines too, 19.9.0 does not: only the parse check keeps them out)
    d = _diagnose(index_for, PASTE.replace("from gunicorny.workers.async import AsyncWorker",
                                           "from gunicorny.workers.sync import AsyncWorker"))
    assert not d.culprits, d.summary
    # a clause parses in its place: Python 3.8 points at it when the line above left a bracket open
    d = _diagnose(index_for, PASTE.replace("from gunicorny.workers.async import AsyncWorker", "elif value is None:"))
    assert not d.culprits, d.summary
