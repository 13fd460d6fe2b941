"""A pin's own setup.py, run by pip from the folder it unpacked the sdist into, failing on a name another pin dropped.

pyhrf#174: ``/tmp/pip-install-dos34K/pyhrf/setup.py`` called
``pip.req.parse_requirements`` under pip 10.0.1 (Python 2 wording: "'module'
object has no attribute 'req'").  The frame is pyhrf's, not "a build step
that failed on this machine"; the break is pip's removal of ``pip.req``.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = """\
Traceback (most recent call last):
      File "<string>", line 1, in <module>
      File "/tmp/pip-install-dos34K/hrf/setup.py", line 117, in <module>
        setup_package()
      File "/tmp/pip-install-dos34K/hrf/setup.py", line 47, in setup_package
        dependencies = list(pp.req.parse_requirements('requirements.txt'))
AttributeError: 'module' object has no attribute 'req'
"""
WORLD = {
    "pp": [{"version": "9.0.3", "upload_time": "2018-03-21T00:00:00Z",
            "files": {"pp/__init__.py": "from pp import req\n", "pp/req.py": "def parse_requirements(f):\n    return []\n"}},
           {"version": "10.0.1", "upload_time": "2018-04-19T00:00:00Z", "files": {"pp/__init__.py": "", "pp/_internal.py": ""}}],
    "hrf": [{"version": "0.5.0.post1", "upload_time": "2017-10-01T00:00:00Z", "sdist": True, "wheel": False,
             "files": {"setup.py": "import pp\n\n\ndef setup_package():\n    return list(pp.req.parse_requirements('r'))\n",
                       "hrf/__init__.py": ""}}],
}


def test_the_unpacked_sdist_frame_belongs_to_the_pin_being_built(index_for):
    index, target = index_for(WORLD, python="2.7")
    pins = parse_requirements_text("hrf==0.5.0.post1\npp==10.0.1\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False)
    inner = crash.final.frames[-1]
    assert (inner.dist, inner.version, inner.relpath) == ("hrf", "0.5.0.post1", "setup.py")


def test_a_pin_s_setup_script_failing_on_a_removed_name_is_that_removal_not_an_environment(index_for):
    index, target = index_for(WORLD, python="2.7")
    pins = parse_requirements_text("hrf==0.5.0.post1\npp==10.0.1\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "transitive"
    assert any(c.name == "pp" and "<10" in c.constraint for c in d.culprits)


def test_a_build_folder_of_a_package_outside_the_set_stays_a_build_failure(index_for):
    index, target = index_for(WORLD, python="2.7")
    pins = parse_requirements_text("pp==10.0.1\n", target)
    crash = attribute(parse_traceback(PASTE)[0], pins, target=target, installed=False)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.family == "build"
