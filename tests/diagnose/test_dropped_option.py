"""A frameless "'Values' object has no attribute 'x'": a command line option another pin dropped.

suutari/prequ#32 (benchmarks/cases/pip190-process-dependency-links-removed-prequ143-py37): pip 19.0
removed ``--process-dependency-links``; prequ 1.4.3 still read ``pip_options.process_dependency_links``
from pip's parsed options (optparse's ``Values``).  The option is declared by its ``dest`` (or a flag
given to ``add_option``/``add_argument``); pip 19's freeze.py still lists the flag as text, which is
no declaration.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "AttributeError: 'Values' object has no attribute 'process_dependency_links'\n"

OPTIONS_18 = ('from optparse import Option\n'
              'process_dependency_links = Option("--process-dependency-links", dest="process_dependency_links",\n'
              '                                  action="store_true", default=False)\n')
FREEZE_19 = "SKIP = ('--pre', '--process-dependency-links')\n"


def _universe():
    return {
        "piptool": [{"version": "18.1", "files": {"piptool/__init__.py": "", "piptool/cmdoptions.py": OPTIONS_18}},
                    {"version": "19.0.1", "files": {"piptool/__init__.py": "", "piptool/cmdoptions.py": "",
                                                    "piptool/freeze.py": FREEZE_19}}],
        "prequ": [{"version": "1.4.3", "files": {"prequ/__init__.py": "", "prequ/repo.py":
                   "def finder(pip_options):\n    return dict(links=pip_options.process_dependency_links)\n"}},
                  {"version": "1.4.4", "files": {"prequ/__init__.py": "", "prequ/repo.py":
                   "def finder(pip_options):\n    return dict()\n"}}],
    }


def test_the_pin_that_dropped_the_option_and_the_one_still_reading_it_are_the_two_ways(index_for):
    index, target = index_for(_universe(), python="3.7")
    d = diagnose_paste(index, target, "prequ==1.4.3\npiptool==19.0.1\n", PASTE)
    assert d.verdict == "transitive", d.summary
    assert {("piptool", "<=18.1"), ("prequ", ">=1.4.4")} <= {(c.name, c.constraint) for c in d.culprits}
    assert "no longer defines 'process_dependency_links'" in d.summary


def test_a_method_is_still_looked_for_as_a_def_on_other_classes(index_for):
    # (the option reading is for option namespaces only: a 'Prompt' object's missing name is a method)
    index, target = index_for(_universe(), python="3.7")
    d = diagnose_paste(index, target, "prequ==1.4.3\npiptool==19.0.1\n",
                       "AttributeError: 'Prompt' object has no attribute 'process_dependency_links'\n")
    assert not any(c.name == "piptool" for c in d.culprits), (d.summary, d.culprits)
