"""A message no pattern knows, raised by a pin in its own words: the releases that do not raise it.

Modelled on real breaks: xlrd 2.0 refusing xlsx ("Excel xlsx file; not supported", built from a table
and a raise), lxml 5.2 turning ``lxml.html.clean`` into a stub that raises, APScheduler 3.x refusing a
non-pytz timezone (pasted as the bare message, with no class).
"""
from __future__ import annotations

import json

import pytest

from pytest_depfix.cli import main
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.raised import message_raised, reworded
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

OPEN_OLD = "def open_workbook(path):\n    if path.endswith('.xlsx'):\n        return 'xlsx reader'\n    return 'xls reader'\n"
OPEN_NEW = ("FILE_FORMAT_DESCRIPTIONS = {'xls': 'Excel xls', 'xlsx': 'Excel xlsx file'}\n\n"
            "class XLRDError(Exception):\n    pass\n\n"
            "def open_workbook(path):\n    fmt = path.rsplit('.', 1)[-1]\n    if fmt != 'xls':\n"
            "        raise XLRDError(FILE_FORMAT_DESCRIPTIONS[fmt] + '; not supported')\n    return 'xls reader'\n")
UNIVERSE = {
    "xlrdy": [{"version": "1.1.0", "files": {"xlrdy/__init__.py": OPEN_OLD}},
              {"version": "1.2.0", "files": {"xlrdy/__init__.py": OPEN_OLD}},
              {"version": "2.0.0", "files": {"xlrdy/__init__.py": OPEN_NEW}},
              {"version": "2.0.1", "files": {"xlrdy/__init__.py": OPEN_NEW}}],
    "tzsched": [{"version": "3.3.0", "files": {"tzsched/util.py":
                 "def astimezone(obj):\n    if not hasattr(obj, 'localize'):\n"
                 "        raise TypeError('Only timezones from the pytz library are supported')\n    return obj\n"}},
                {"version": "3.7.0", "files": {"tzsched/util.py": "def astimezone(obj):\n    return obj\n"}}],
    "fussy": [{"version": "1.0", "files": {"fussy/core.py":
               "def check(x):\n    if x < 0:\n        raise ValueError(f'{x!r} must be a positive number of seconds')\n"}},
              {"version": "2.0", "files": {"fussy/core.py":
               "def check(x):\n    if x < 0:\n        raise ValueError(f'{x!r} must be a positive number of seconds')\n"}}],
    "wordy": [{"version": "1.0", "files": {"wordy/core.py":
               "def check(x):\n    if x < 0:\n        raise ValueError('negative seconds are not a positive number here')\n"}},
              {"version": "2.0", "files": {"wordy/core.py":
               "def check(x):\n    if x < 0:\n        raise ValueError(f'{x!r} must be a positive number of seconds')\n"}}],
}


def _diagnose(index_for, reqs: str, text: str):
    index, target = index_for(UNIVERSE, python="3.8")
    pins = parse_requirements_text(reqs, target)
    return diagnose(simple_parse(text, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_refusal_built_from_a_table_and_a_raise_is_found_and_the_release_before_it_offered(index_for):
    d = _diagnose(index_for, "xlrdy==2.0.1\n", "xlrdy.XLRDError: Excel xlsx file; not supported\n")
    assert [(c.name, c.constraint) for c in d.culprits] == [("xlrdy", "<=1.2.0")]
    assert "xlrdy/__init__.py" in d.summary


def test_a_check_every_release_makes_is_no_version_break(index_for):
    d = _diagnose(index_for, "fussy==2.0\n", "ValueError: -3 must be a positive number of seconds\n")
    assert d.verdict == "unknown" and d.culprits == []


def test_the_same_refusal_reworded_in_an_older_release_is_not_taken_for_its_absence(index_for):
    d = _diagnose(index_for, "wordy==2.0\n", "ValueError: -3 must be a positive number of seconds\n")
    assert d.culprits == []


def test_words_outside_a_raise_are_not_a_refusal():
    text = "# Excel xlsx file; not supported by this reader\nlog = 'Excel xlsx file; not supported'\n"
    assert message_raised(text, "Excel xlsx file; not supported") is None
    assert message_raised("raise IOError('Excel xlsx file; not supported')\n", "Excel xlsx file; not supported") == 1.0
    assert reworded("raise IOError('xlsx files are not supported, Excel')\n", "Excel xlsx file; not supported")


@pytest.fixture
def world(make_local_index, tmp_path, cache_dir, isolated_pip_config):
    index = make_local_index(UNIVERSE)
    (tmp_path / "requirements.txt").write_text("tzsched==3.3.0\n")
    (tmp_path / "crash.txt").write_text("Only timezones from the pytz library are supported\n")
    return index, tmp_path


def test_a_bare_message_a_pin_raises_is_read_as_that_raise_s_class(world, capsys):
    index, d = world
    code = main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--python", "3.9", "--platform", "linux", "--index-url", index.file_url, "--no-pip-config",
                 "--report", str(d / "r.json")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == "tzsched==3.7.0\n"
    report = json.loads((d / "r.json").read_text())
    assert any("read it as TypeError because tzsched==3.3.0 raises these words" in w for w in report["warnings"])


def test_a_bare_message_no_pin_raises_is_still_no_traceback(world, capsys):
    index, d = world
    (d / "crash.txt").write_text("Something went wrong somewhere else entirely\n")
    code = main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--python", "3.9", "--platform", "linux", "--index-url", index.file_url, "--no-pip-config"])
    assert code == 2 and "no traceback found" in capsys.readouterr().err


def test_the_nearest_silent_release_is_found_far_back_by_galloping(index_for):
    refuse = "def go():\n    raise RuntimeError('the legacy backend was removed from this release')\n"
    quiet = "def go():\n    return 'legacy backend'\n"
    universe = {"farback": [{"version": f"1.{i}.0", "files": {"farback/run.py": refuse if i >= 15 else quiet}}
                            for i in range(30)]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("farback==1.29.0\n", target)
    d = diagnose(simple_parse("RuntimeError: the legacy backend was removed from this release\n", pins), pins, target,
                 index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("farback", "<=1.14.0")]


def test_a_bare_message_with_the_raising_pin_kept_is_read_and_nothing_moves(world, capsys):
    # The class is the kept pin's to say; the keep-pin never moves (and a kept Pin is no string).
    index, d = world
    code = main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--python", "3.9", "--platform", "linux", "--index-url", index.file_url, "--no-pip-config",
                 "--keep", "tzsched==3.3.0"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == "tzsched==3.3.0\n"
    assert "read it as TypeError" in err


def test_a_message_built_into_a_variable_before_the_raise_is_still_the_raise_s():
    text = ("def check(v, m):\n    msg = (f'jaxlib is version {v}, but this version '\n"
            "           f'of jax requires version >= {m}.')\n    raise RuntimeError(msg)\n")
    assert message_raised(text, "jaxlib is version 0.1.2, but this version of jax requires version >= 0.4.14.") is not None


CHECKER = ("def check(jaxlib_version, jax_version):\n    if jaxlib_version > jax_version:\n"
           "        raise RuntimeError(f'jaxliby version {jaxlib_version} is newer than and '\n"
           "                           f'incompatible with jaxy version {jax_version}. Please update.')\n")


def test_a_kept_checker_refusing_another_pin_s_version_offers_the_range_it_declares(index_for):
    # octo-models/octo#125: jax 0.4.20 kept, its import-time check refuses jaxlib 0.4.31; its extras pin
    # jaxlib from 0.4.14 ('minimum-jaxlib') to 0.4.20 ('cpu').
    universe = {
        "jaxy": [{"version": "0.4.20", "requires_dist": ['jaxliby==0.4.14; extra == "minimum"', 'jaxliby==0.4.20; extra == "cpu"'],
                  "files": {"jaxy/__init__.py": "", "jaxy/_src/lib/__init__.py": CHECKER}}],
        "jaxliby": [{"version": v} for v in ("0.4.14", "0.4.20", "0.4.31")],
    }
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("jaxy==0.4.20\njaxliby==0.4.31\n", target)
    paste = "RuntimeError: jaxliby version 0.4.31 is newer than and incompatible with jaxy version 0.4.20\n"
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), keep={"jaxy"},
                 probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("jaxliby", ">=0.4.14,<=0.4.20")]


def test_a_message_logged_under_the_same_variable_name_elsewhere_is_not_raised():
    text = ("import logging\n\ndef report(v):\n    msg = f'jaxlib is version {v}, but this version of jax wants more'\n"
            "    logging.warning(msg)\n\ndef other():\n    msg = 'plain'\n    raise RuntimeError(msg)\n")
    assert message_raised(text, "jaxlib is version 0.1.2, but this version of jax wants more") is None


def test_a_sibling_refusal_in_the_older_release_is_not_the_same_refusal_reworded(index_for):
    # xlrd 1.2.0 already refused 'Excel 2007 xlsb file; not supported'; 2.0 added xlsx through a table.
    # Most words match, but not the ones the table filled in: 1.2.0 does not refuse xlsx.
    older = ("class XLRDError(Exception):\n    pass\n\ndef open_workbook(path):\n    if path.endswith('.xlsb'):\n"
             "        raise XLRDError('Excel 2007 xlsb file; not supported')\n    return 'reader'\n")
    universe = {"xlrdz": [{"version": "1.2.0", "files": {"xlrdz/__init__.py": older}},
                          {"version": "2.0.1", "files": {"xlrdz/__init__.py": OPEN_NEW}}]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("xlrdz==2.0.1\n", target)
    d = diagnose(simple_parse("xlrdz.XLRDError: Excel xlsx file; not supported\n", pins), pins, target, index,
                 load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("xlrdz", "<=1.2.0")]


def test_a_module_turned_into_a_refusal_offers_the_release_before_and_the_importer_that_stopped(index_for):
    # althonos/moclo#2: Biopython 1.78 replaced Bio/Alphabet/__init__.py with a raise; moclo 0.4.6
    # imports Bio.Alphabet, 0.4.7 does not.  The paste is the message alone.
    tomb = ('raise ImportError(\n    "Bio.Alphabet has been removed from Biopython. In many cases, the alphabet can simply "\n'
            '    "be ignored and removed from scripts."\n)\n')
    universe = {
        "bioish": [
            {"version": "1.77", "files": {"Bio/__init__.py": "", "Bio/Alphabet/__init__.py": "class Alphabet:\n    pass\n"}},
            {"version": "1.78", "files": {"Bio/__init__.py": "", "Bio/Alphabet/__init__.py": tomb}},
            {"version": "1.79", "files": {"Bio/__init__.py": "", "Bio/Alphabet/__init__.py": tomb}},
        ],
        "mocloish": [
            {"version": "0.4.6", "requires_dist": ["bioish"],
             "files": {"mocloish/__init__.py": "", "mocloish/core.py": "from Bio.Alphabet import IUPAC\n"}},
            {"version": "0.4.7", "requires_dist": ["bioish"],
             "files": {"mocloish/__init__.py": "", "mocloish/core.py": "from Bio.Seq import Seq\n"}},
        ],
    }
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("mocloish==0.4.6\nbioish==1.79\n", target)
    paste = ("ImportError: Bio.Alphabet has been removed from Biopython. In many cases, the alphabet can simply be "
             "ignored and removed from scripts.\n")
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert {(c.name, c.constraint) for c in d.culprits} == {("bioish", "<=1.77"), ("mocloish", ">=0.4.7")}
    assert d.verdict == "transitive"


def test_a_refusal_is_a_tombstone_only_when_the_message_names_its_own_module():
    from pytest_depfix.diagnose.raised import tombstone_module

    assert tombstone_module("Bio/Alphabet/__init__.py", "Bio.Alphabet has been removed from Biopython.") == "Bio.Alphabet"
    assert tombstone_module("lxml/html/clean.py", "lxml.html.clean module is now a separate project") == "lxml.html.clean"
    assert tombstone_module("xlrd/__init__.py", "Excel xlsx file; not supported") is None
    assert tombstone_module("Bio/Alphabet/__init__.py", "Bio.AlphabetX has been removed") is None


def test_an_old_refusal_an_outer_frame_of_the_pin_used_to_catch_moves_the_pin_back_to_that_release(index_for):
    # pypa/packaging#749-style: every release raises InvalidVersion in Version.__init__, but before 22.0
    # parse() caught it and returned a LegacyVersion.
    base = ("class InvalidVersion(ValueError):\n    pass\n\n\nclass LegacyVersion:\n    def __init__(self, v):\n        self.v = v\n\n\n"
            "class Version:\n    def __init__(self, version):\n        if '-' in version:\n"
            "            raise InvalidVersion(f\"Invalid version: '{version}'\")\n\n\n")
    old = base + ("def parse(version):\n    try:\n        return Version(version)\n    except InvalidVersion:\n"
                  "        return LegacyVersion(version)\n")
    new = base + "def parse(version):\n    return Version(version)\n"
    universe = {"packagingish": [
        {"version": "21.3", "files": {"packagingish/__init__.py": "", "packagingish/version.py": old}},
        {"version": "22.0", "files": {"packagingish/__init__.py": "", "packagingish/version.py": new}},
        {"version": "23.2", "files": {"packagingish/__init__.py": "", "packagingish/version.py": new}},
    ]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("packagingish==23.2\n", target)
    site = "/tmp/pp/lib/python3.11/site-packages/packagingish/version.py"
    paste = ("Traceback (most recent call last):\n"
             '  File "/tmp/pp/test.py", line 5, in <module>\n    print(parse("6.7.8.9-10.el7"))\n'
             f'  File "{site}", line 22, in parse\n    return Version(version)\n'
             f'  File "{site}", line 14, in __init__\n    raise InvalidVersion(f"Invalid version: \'{{version}}\'")\n'
             "packagingish.version.InvalidVersion: Invalid version: '6.7.8.9-10.el7'\n")
    d = diagnose(simple_parse(paste, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert [(c.name, c.constraint) for c in d.culprits] == [("packagingish", "<=21.3")]
    assert d.verdict == "project"


def _traity(index_for, releases):
    universe = {"traity": [{"version": v, "files": {"traity/core.py": body}} for v, body in releases]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("traity==4.3.2\n", target)
    return diagnose(simple_parse("XLRDError: Excel xlsx file; not supported\n", pins), pins, target, index,
                    load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_refusal_only_the_projects_first_release_lacked_is_not_what_changed(index_for):
    # traitlets' generic "The 'config' trait of a Map instance must be a Config" template is in every
    # release but its first (0.0.2) under a 4.3.2 pin: moving four majors back is no answer.
    d = _traity(index_for, [("0.0.2", OPEN_OLD)] + [(v, OPEN_NEW) for v in ("1.0.0", "2.0.0", "3.0.0", "4.3.2")])
    assert not any(c.constraint.startswith("<=") for c in d.culprits), d.summary
    # one major back is still a change worth offering
    d = _traity(index_for, [("3.9.0", OPEN_OLD), ("4.3.2", OPEN_NEW)])
    assert [(c.name, c.constraint) for c in d.culprits] == [("traity", "<=3.9.0")], d.summary


def test_a_raise_naming_a_module_constant_raises_that_constants_words():
    # facebookresearch/Kats#145: statsmodels 0.13.0's ARMA.__init__ raises NotImplementedError(ARIMA_DEPRECATION_ERROR)
    module = ('ARIMA_DEPRECATION_ERROR = """\nstatsmodels.tsa.arima_model.ARMA and statsmodels.tsa.arima_model.ARIMA have\n'
              'been removed in favor of statsmodels.tsa.arima.model.ARIMA.\n"""\n\n\nclass ARMA:\n'
              '    def __init__(self, *args, **kwargs):\n        raise NotImplementedError(ARIMA_DEPRECATION_ERROR)\n')
    message = "statsmodels.tsa.arima_model.ARMA and statsmodels.tsa.arima_model.ARIMA have"
    assert message_raised(module, message) is not None
    # the same words in a constant no raise names are only a mention
    assert message_raised(module.replace("raise NotImplementedError(ARIMA_DEPRECATION_ERROR)", "return None"), message) is None
