"""'No module named a.b.c' asks for a submodule, not an attribute of a.b that happens to be called c.

sunpy/sunpy (astropy 4.2): ``from astropy._erfa.core import ErfaWarning`` fails; astropy 4.2's
``_erfa/__init__.py`` binds ``core`` (``from erfa import core``) but ships no ``core.py``; 4.1 did.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/opt/lib/python3.7/site-packages/sunpyx/ephemeris.py", line 1, in <module>
    from astropyx._erfa.core import ErfaWarning
ModuleNotFoundError: No module named 'astropyx._erfa.core'
"""


def test_the_release_that_shipped_the_submodule_is_the_way_back(index_for):
    universe = {
        "astropyx": [
            {"version": "4.1", "files": {"astropyx/__init__.py": "", "astropyx/_erfa/__init__.py": "",
                                         "astropyx/_erfa/core.py": "class ErfaWarning(Warning):\n    pass\n"}},
            {"version": "4.2", "files": {"astropyx/__init__.py": "",
                                         "astropyx/_erfa/__init__.py": "from erfax import core\n"}}],
        "erfax": [{"version": "1.7.1", "files": {"erfax/__init__.py": "", "erfax/core.py": "class ErfaWarning(Warning):\n    pass\n"}}],
        "sunpyx": [{"version": "1.0.11", "requires_dist": ["astropyx"],
                    "files": {"sunpyx/__init__.py": "", "sunpyx/ephemeris.py": "from astropyx._erfa.core import ErfaWarning\n"}}],
    }
    index, target = index_for(universe, python="3.7")
    d = diagnose_paste(index, target, "sunpyx==1.0.11\nastropyx==4.2\nerfax==1.7.1\n", PASTE)
    assert d.verdict != "environment", d.summary
    assert any(c.name == "astropyx" and "<4.2" in c.constraint for c in d.culprits), d.summary
