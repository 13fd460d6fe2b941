"""A SyntaxError in the setup.py pip runs from a pin's sdist: the first release whose build the target parses.

donnemartin/haxor#3: haxor 0.3's sdist ``setup.py`` says ``print long_description``; pip on Python 3.4
ran it ("Missing parentheses in call to 'print'"), and haxor 0.3.1, uploaded the same day, builds.
The release's wheel (Python 2 only) has no setup.py: the sdist is what pip built, and what is read.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Collecting haxory
  Using cached haxory-0.3.tar.gz
    Complete output from command python setup.py egg_info:
    Traceback (most recent call last):
      File "<string>", line 20, in <module>
      File "/private/var/folders/rp/T/pip-build-yuswawpl/haxory/setup.py", line 4
        print long_description
                             ^
    SyntaxError: Missing parentheses in call to 'print'
"""
OLD = "from setuptools import setup\n\nlong_description = 'x'\nprint long_description\n\nsetup(name='haxory')\n"
NEW = "from setuptools import setup\n\nlong_description = 'x'\nprint(long_description)\n\nsetup(name='haxory')\n"


def _universe(fixed=NEW, fixed_wheel=False):
    def release(v, setup, wheel):
        return {"version": v, "wheel": wheel, "sdist": True, "files": {"setup.py": setup, "haxory/__init__.py": ""}}

    return {"haxory": [release("0.2", OLD, False), release("0.3", OLD, False), release("0.3.1", fixed, fixed_wheel)]}


def test_the_first_release_whose_setup_py_parses_on_the_target(index_for):
    index, target = index_for(_universe(), python="3.4")
    d = diagnose_paste(index, target, "haxory==0.3\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("haxory", ">=0.3.1")], d.summary


def test_a_later_release_with_a_wheel_for_the_target_builds_nothing(index_for):
    # its setup.py is never run on install, whatever it says
    index, target = index_for(_universe(fixed=OLD, fixed_wheel=True), python="3.4")
    d = diagnose_paste(index, target, "haxory==0.3\n", PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("haxory", ">=0.3.1")], d.summary


def test_no_later_release_that_builds_moves_nothing(index_for):
    index, target = index_for(_universe(fixed=OLD), python="3.4")
    d = diagnose_paste(index, target, "haxory==0.3\n", PASTE)
    assert d.culprits == [], d.summary
