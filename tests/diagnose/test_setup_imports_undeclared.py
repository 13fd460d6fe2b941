"""A pin's setup.py imports a module its build never declared: the releases that build without it.

SAML-Toolkits/python3-saml#47: pip built xmlsec 1.0.1 from its sdist; its setup.py runs ``import pkgconfig``
at the top, and nothing installs pkgconfig first.  1.0.3 imports it inside the build step and declares it
in pyproject.toml's build requirements.  The frame is the pin's setup.py in pip's build folder.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Collecting xmlsecy>=0.6.0 (from samly==1.2.3)
  Using cached xmlsecy-1.0.1.tar.gz
    Complete output from command python setup.py egg_info:
    Traceback (most recent call last):
      File "<string>", line 1, in <module>
      File "/tmp/pip-build-jqqwzjnw/xmlsecy/setup.py", line 3, in <module>
        import pkgconfig
    ImportError: No module named 'pkgconfig'
"""
TOP = "from setuptools import setup\n\nimport pkgconfig\n\nsetup(name='xmlsecy')\n"
INSIDE = "from setuptools import setup\n\n\ndef flags():\n    import pkgconfig\n    return pkgconfig.cflags('x')\n\nsetup(name='xmlsecy')\n"
DECLARED = '[build-system]\nrequires = ["setuptools", "wheel", "pkgconfig>=1.5.1", "lxml>=3.8"]\n'
REQS = "samly==1.2.3\nxmlsecy==1.0.1\n"


def _universe(fixed_setup=INSIDE, pyproject=DECLARED):
    def release(v, setup, extra=None):
        files = {"setup.py": setup, "xmlsecy/__init__.py": ""}
        files.update(extra or {})
        return {"version": v, "wheel": False, "sdist": True, "files": files}
    return {"xmlsecy": [release("0.6.0", INSIDE), release("1.0.0", TOP), release("1.0.1", TOP),
                        release("1.0.3", fixed_setup, {"pyproject.toml": pyproject} if pyproject else None)],
            "samly": [{"version": "1.2.3", "requires_dist": ["xmlsecy>=0.6.0"], "files": {"samly/__init__.py": ""}}]}


def test_the_release_whose_build_no_longer_imports_it_at_the_top(index_for):
    index, target = index_for(_universe(), python="3.5")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert d.verdict == "transitive", d.summary
    assert sorted((c.name, c.constraint) for c in d.culprits) == [("xmlsecy", "<=0.6.0"), ("xmlsecy", ">=1.0.3")], d.summary


def test_a_top_level_import_the_build_requirements_declare_builds(index_for):
    index, target = index_for(_universe(fixed_setup=TOP), python="3.5")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert (("xmlsecy", ">=1.0.3") in [(c.name, c.constraint) for c in d.culprits]), d.summary


def test_a_later_release_importing_it_at_the_top_undeclared_is_no_way_forward(index_for):
    index, target = index_for(_universe(fixed_setup=TOP, pyproject=None), python="3.5")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not any(c.constraint.startswith(">=") for c in d.culprits), d.summary
