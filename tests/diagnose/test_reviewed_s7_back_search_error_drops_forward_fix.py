"""Reviewed (s7): a failure while reading *earlier* releases now throws away the later fix (verdict.py, 7068bf2).

``_feature_users`` computes ``later`` (first later release free of the too-new code) and then,
inside the same ``try``, ``back = users.last_where_before(...)``.  ``last_where_before`` calls
``first_too_new`` on older releases with no protection, and a release over the probe's read
cap raises ``_ByteCap`` (probe.py) - old releases are often sdists or monoliths.  The
``except Exception`` then logs "could not read ...'s releases" and ``continue``s, so the
``>=later`` culprit that was already found (and that 7068bf2's own commit message calls the
primary move, "beside" which the earlier release is offered) is lost: the diagnosis ends
with no fix at all where before 7068bf2 it offered ``sw>=2021.7.0``.

Suggested fix: compute ``back`` in its own ``try`` (or catch inside ``last_where_before``,
treating an unreadable release as "not known ok"), so the optional backward search can only
add an alternative, never remove the forward one.
"""

from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import PYTHON_VERSION
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = """Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/tmp/venv36/lib/python3.6/site-packages/sw/__init__.py", line 2, in <module>
    from sw.bic import BIC
  File "/tmp/venv36/lib/python3.6/site-packages/sw/bic.py", line 1
    from __future__ import annotations
    ^
SyntaxError: future feature annotations is not defined
"""


def universe():
    future = "from __future__ import annotations\nclass BIC:\n    pass\n"
    plain = "class BIC:\n    pass\n"
    big_old = "class BIC:\n    pass\n" + "# an old, large module\n" * 2_000  # ~46 kB, over the cap below
    init = "X = 0\nfrom sw.bic import BIC\n"
    return {"sw": [
        {"version": "2020.1.0", "upload_time": "2020-01-01T00:00:00Z",
         "files": {"sw/__init__.py": init, "sw/bic.py": big_old}},
        {"version": "2021.4.0", "upload_time": "2021-04-01T00:00:00Z",
         "files": {"sw/__init__.py": init, "sw/bic.py": future}},
        {"version": "2021.6.1", "upload_time": "2021-06-01T00:00:00Z",
         "files": {"sw/__init__.py": init, "sw/bic.py": future}},
        {"version": "2021.7.0", "upload_time": "2021-07-01T00:00:00Z",
         "files": {"sw/__init__.py": init, "sw/bic.py": plain}},
    ]}


def test_an_unreadable_earlier_release_keeps_the_later_fix(index_for):
    from pytest_depfix.crash import parse_traceback

    index, target = index_for(universe(), python="3.6")
    pins = parse_requirements_text("sw==2021.6.1\n", target)
    (crash,) = parse_traceback(PASTE)
    d = diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index, max_bytes=20_000))
    assert d.family == PYTHON_VERSION
    assert ("sw", ">=2021.7.0") in [(c.name, c.constraint) for c in d.culprits], (d.verdict, d.summary, d.details.get("notes"))
