"""A Python 2 release's refusal, under a wrapper's lead-in line (MongoEngine#935, openelections#257).

mongoengine 0.9.0 wraps whatever ``MongoClient`` raises as "Cannot connect to database %s :\\n%s";
pymongo 3.0 refuses mongoengine's default ``read_preference=False`` with "False is not a read
preference.", which pymongo 2.x (Python 2 code: ``except X, e``, ``raise E, msg``) never said.
The wrapped line is the refusal to trace; the wrapper's own words are not what changed.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

WRAPPER = ('import pymongy\n\n\nclass ConnectionError(Exception):\n    pass\n\n\n'
           'def connect(alias, **settings):\n    try:\n        return pymongy.MongoClient(**settings)\n'
           '    except Exception, e:\n'
           '        raise ConnectionError("Cannot connect to database %s :\\n%s" % (alias, e))\n')
OLD_WRAPPER = ('import pymongy\n\n\ndef connect(alias, **settings):\n    print "connecting", alias\n'
               '    return pymongy.MongoClient(**settings)\n')
COMMON_3 = ('def validate_read_preference(dummy, value):\n    if value not in (0, 1, 2):\n'
            '        raise TypeError, "%r is not a read preference." % (value,)\n    return value\n')
COMMON_2 = ('class ConfigurationError(Exception):\n    pass\n\n\n'
            'def validate_read_preference(dummy, value):\n    if value in (0, 1, 2):\n        return value\n'
            '    raise ConfigurationError, "unknown mode"\n')
PASTE = ("mongoy.connection.ConnectionError: Cannot connect to database default :\n"
         "False is not a read preference.\n")


def _universe():
    def mongoy(v, text):
        return {"version": v, "tag": "py2-none-any", "requires_dist": ["pymongy>=2.5"], "files": {"mongoy/__init__.py": "",
                                                                         "mongoy/connection.py": text}}

    def pymongy(v, text):
        return {"version": v, "tag": "py2-none-any", "files": {"pymongy/__init__.py": "from pymongy.common import *\n",
                                        "pymongy/common.py": text}}
    return {"mongoy": [mongoy("0.5.2", OLD_WRAPPER), mongoy("0.8.4", WRAPPER)],
            "pymongy": [pymongy("2.7", COMMON_2), pymongy("2.8", COMMON_2), pymongy("3.0", COMMON_3),
                        pymongy("3.3.1", COMMON_3)]}


def _diagnose(index_for):
    index, target = index_for(_universe(), python="2.7")
    pins = parse_requirements_text("mongoy==0.8.4\npymongy==3.3.1\n", target)
    return diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_the_wrapped_refusal_in_python2_code_moves_the_refusing_pin_back(index_for):
    d = _diagnose(index_for)
    assert [(c.name, c.constraint) for c in d.culprits] == [("pymongy", "<=2.8")], d.summary


def test_the_wrapper_is_not_moved_away_from_its_own_words(index_for):
    d = _diagnose(index_for)
    assert "mongoy" not in [c.name for c in d.culprits], d.summary


# -- a value the message quotes, known to a later release, before a release with no such module at all

THEMING = ('import os\n\n\nclass ThemeError(Exception):\n    pass\n\n\n'
           'def load(name, names):\n    if name not in names:\n'
           '        raise ThemeError, "no theme named %r found (missing theme.conf?)" % name\n    return name\n')


def test_a_quoted_value_a_later_release_ships_wins_over_an_older_release_without_the_module(index_for):
    # sphinx 1.2.3 under a docs conf asking for 'classic' (shipped from 1.3); sphinx 0.5.2 had no themes
    def themey(v, files):
        return {"version": v, "tag": "py2-none-any", "files": {"themey/__init__.py": "", **files}}
    universe = {"themey": [themey("0.5.2", {"themey/builder.py": "x = 1\n"}),
                           themey("1.2.3", {"themey/theming.py": THEMING, "themey/themes/default/theme.conf": "[theme]\n"}),
                           themey("1.3", {"themey/theming.py": THEMING, "themey/themes/default/theme.conf": "[theme]\n",
                                          "themey/themes/classic/theme.conf": "[theme]\n"})]}
    index, target = index_for(universe, python="2.7")
    pins = parse_requirements_text("themey==1.2.3\n", target)
    paste = "themey.theming.ThemeError: no theme named 'classic' found (missing theme.conf?)\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("themey", ">=1.3")], d.summary
