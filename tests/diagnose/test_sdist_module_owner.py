"""Who ships a module, when the pin that does has no wheel: its sdist's members, as they install.

peewee-migrate 0.14.0 runs 'from playhouse.migrate import (...Clause...)' and Python 3.6 printed
only "cannot import name 'Clause'".  playhouse is peewee's, but peewee 3.0.8 is an sdist only, so
the wheel file lists never named it and the range read from peewee's releases was never asked.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

SITE = "/Users/v/.venv/lib/python3.6/site-packages"
PASTE = ("Traceback (most recent call last):\n"
         f'  File "{SITE}/peewee_migratey/migrator.py", line 2, in <module>\n'
         "    from playhouse.migrate import (\n"
         "ImportError: cannot import name 'Clause'\n")


def test_a_module_only_an_sdist_ships_is_owned_by_that_pin(index_for):
    universe = {
        "peeweey": [{"version": v, "sdist": True, "wheel": False,
                     "files": {"peeweey.py": "x = 1\n", "playhouse/__init__.py": "",
                               "playhouse/migrate.py": "class Clause:\n    pass\n" if v < "3" else "class Other:\n    pass\n"}}
                    for v in ("2.10.2", "3.0.8")],
        "peewee-migratey": [{"version": "0.14.0", "requires_dist": ["peeweey"],
                             "files": {"peewee_migratey/__init__.py": "",
                                       "peewee_migratey/migrator.py": "import os\nfrom playhouse.migrate import (\n    Clause,\n)\n"}}],
    }
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text("peewee-migratey==0.14.0\npeeweey==3.0.8\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.source) for c in d.culprits if c.name == "peeweey"] == [("peeweey", "api-probe")], d.summary
