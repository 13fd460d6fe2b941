"""A frameless search for the pin that uses a name reads a large release whole (within twice the probe's cap).

man-group/dtale#656 pasted only ``cannot import name '_centered' from
'scipy.signal.signaltools'``.  statsmodels 0.13.0 imports it in
``statsmodels/tsa/filters/filtertools.py``, 5.6 MB into its modules when they are
read shallow-first: past the probe's 4 MB cap, so the search gave up on
statsmodels and only SciPy could move back, where statsmodels 0.13.1 (a micro
move) had adapted.  With no frame to say which module to read, the search and
its walk over later releases read up to twice the cap; a release even larger
than that still stops, at the same member on a cold and a warm cache.
"""

from __future__ import annotations

from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

CAP = 20_000
FILLER = "# " + "x" * 997 + "\n"  # 1000 bytes a line


def _stats(version: str, uses: bool, filler_kb: int):
    files = {"statsish/__init__.py": "", "statsish/a_big.py": FILLER * filler_kb,
             "statsish/tsa/__init__.py": "",
             "statsish/tsa/filters/filtertools.py": ("from scipyish.signal.signaltools import _centered as trim_centered\n"
                                                     if uses else "from scipyish.signal._signaltools import _centered\n")}
    return {"version": version, "upload_time": f"2021-{'10-01' if version.endswith('0') else '11-12'}T00:00:00Z",
            "requires_dist": ["scipyish>=1.3"], "files": files}


def universe(filler_kb: int):
    sig = "def convolve(): pass\n"
    return {
        "scipyish": [
            {"version": "1.7.3", "upload_time": "2021-11-24T00:00:00Z",
             "files": {"scipyish/__init__.py": "", "scipyish/signal/__init__.py": "",
                       "scipyish/signal/signaltools.py": sig + "def _centered(a, s): pass\n"}},
            {"version": "1.8.0", "upload_time": "2022-02-05T00:00:00Z",
             "files": {"scipyish/__init__.py": "", "scipyish/signal/__init__.py": "",
                       "scipyish/signal/signaltools.py": sig,
                       "scipyish/signal/_signaltools.py": sig + "def _centered(a, s): pass\n"}},
        ],
        "statsish": [_stats("0.13.0", True, filler_kb), _stats("0.13.1", False, filler_kb)],
    }


def _culprits(index, target):
    pins = parse_requirements_text("statsish==0.13.0\nscipyish==1.8.0\n", target)
    crash = infer_message("cannot import name '_centered' from 'scipyish.signal.signaltools'\n", load_knowledge()).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index, max_bytes=CAP))
    return {(c.name, c.constraint): c for c in d.culprits}, d


def test_the_user_deep_in_a_release_over_the_probe_cap_is_found_and_its_adapted_release_read_whole(index_for):
    index, target = index_for(universe(filler_kb=30), python="3.8")  # 30 kB: over the cap, under twice it
    found, d = _culprits(index, target)
    moved = found.get(("statsish", ">=0.13.1"))
    assert moved is not None, (found, d.details.get("notes"))
    assert moved.source == "release-files" and "over the read cap" not in moved.evidence[0]


def test_a_release_over_twice_the_cap_is_still_not_read_whole(index_for):
    index, target = index_for(universe(filler_kb=50), python="3.8")
    found, d = _culprits(index, target)
    assert ("statsish", ">=0.13.1") not in found
    assert any(c.name == "scipyish" for c in d.culprits)
