"""A type of the pin's own module has the wrong size and nothing else is compiled against it: a broken build.

locustio/locust#809: gevent 1.3.2's first manylinux wheels raised "ValueError: gevent._queue.Queue has
the wrong size, try recompiling. Expected 80, got 72" (Cython's wording before 0.28); gevent
1.3.2.post0 re-released the version ("Fix a packaging error in manylinux binary wheels"), and the
reporter went back to 1.3.1.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import classify
from pytest_depfix.models import Crash, ExceptionRecord
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

MESSAGE = "ValueError: geventy._queue.Queue has the wrong size, try recompiling. Expected 80, got 72\n"


def _universe(post=True, dependant=False):
    def gevent(v):
        return {"version": v, "files": {"geventy/__init__.py": "", "geventy/_queue.so": ""}}

    universe = {
        "geventy": [gevent("1.3.1"), gevent("1.3.2")] + ([gevent("1.3.2.post0")] if post else []) + [gevent("1.3.3")],
        "locusty": [{"version": "0.8.1", "requires_dist": ["geventy>=1.2.2"], "files": {"locusty/__init__.py": ""}}],
    }
    if dependant:
        universe["compiledy"] = [{"version": "1.0", "requires_dist": ["geventy"],
                                  "files": {"compiledy/__init__.py": "", "compiledy/_speedups.so": ""}}]
    return universe


def _diagnose(index_for, universe, reqs="locusty==0.8.1\ngeventy==1.3.2\n", text=MESSAGE):
    index, target = index_for(universe, python="3.6")
    pins = parse_requirements_text(reqs, target)
    d = diagnose(simple_parse(text, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    return d, [(c.name, c.constraint) for c in d.culprits]


def test_cythons_older_wording_is_a_struct_size_break():
    sig = classify(Crash([ExceptionRecord("ValueError", "geventy._queue.Queue has the wrong size, try recompiling. "
                                                        "Expected 80, got 72", [])]))
    assert (sig.family, sig.module, sig.cls, sig.detail) == ("abi", "geventy._queue", "geventy._queue.Queue",
                                                             {"expected": 72, "got": 80})
    # (that wording prints the running type's size first: 80 bytes at run time, 72 when compiled)


def test_the_post_release_and_the_release_before_are_the_ways_out(index_for):
    d, culprits = _diagnose(index_for, _universe())
    assert culprits == [("geventy", "==1.3.2.post0"), ("geventy", "<1.3.2")], d.summary
    assert d.verdict == "transitive"


def test_without_a_post_release_the_release_before_remains(index_for):
    d, culprits = _diagnose(index_for, _universe(post=False))
    assert culprits == [("geventy", "<1.3.2")], d.summary


def test_another_compiled_pin_built_on_it_is_not_read_as_a_broken_build(index_for):
    d, culprits = _diagnose(index_for, _universe(dependant=True), reqs="compiledy==1.0\ngeventy==1.3.2\n")
    assert ("geventy", "==1.3.2.post0") not in culprits, d.summary
