"""Reviewed (s4): a broad handler that reports the error *and falls back* is a guard, not a live use.

``users._live`` (b036211) stops counting ``except Exception as e:`` as a guard whenever ``_reports`` sees the
caught name used anywhere in the handler.  That was meant for pocsuite3's ``logger.error(ex);
traceback.print_exc()`` (the error reaches the user), but it equally hits the common fallback

    try:
        from collections import Mapping
    except Exception as exc:
        log.debug("collections.Mapping unavailable (%s)", exc)
        from collections.abc import Mapping

which never lets the ImportError out.  Such a pin is now read as a caller of the removed name: on a
frameless "cannot import name 'Mapping' from 'collections'" it is offered as a culprit beside the pin that
really imports it unguarded (before b036211 only that one was).
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.users import uses_in_source
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

FALLBACK = ("import logging\nlog = logging.getLogger(__name__)\ntry:\n    from collections import Mapping\n"
            "except Exception as exc:\n    log.debug('collections.Mapping unavailable (%s)', exc)\n"
            "    from collections.abc import Mapping\n")


def test_a_logging_fallback_handler_guards_the_import():
    assert uses_in_source(FALLBACK, "collections", "Mapping", "ImportError", (3, 10)) is None


def test_the_pin_that_falls_back_is_not_a_culprit(index_for):
    universe = {
        "fallbacky": [{"version": "1.0.0", "files": {"fallbacky/__init__.py": FALLBACK}},
                      {"version": "1.1.0", "files": {"fallbacky/__init__.py": "from collections.abc import Mapping\n"}}],
        "usery": [{"version": "2.0.0", "files": {"usery/__init__.py": "from collections import Mapping\n"}},
                  {"version": "2.1.0", "files": {"usery/__init__.py": "from collections.abc import Mapping\n"}}],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("fallbacky==1.0.0\nusery==2.0.0\n", target)
    paste = "ImportError: cannot import name 'Mapping' from 'collections' (/usr/lib/python3.10/collections/__init__.py)\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    names = [c.name for c in d.culprits]
    assert "usery" in names and "fallbacky" not in names, [(c.name, c.constraint) for c in d.culprits]
