"""A pin's failing function is wholly new in its pinned release, and the pin calling it is older.

librosa/librosa#729: librosa 0.6.1 (May 2018) reads ``memory.cachedir``, a plain attribute in
joblib 0.11; joblib 0.12.0 (June 2018) made it a deprecated property whose warning fails on
Python 2 with ``TypeError: expected string or buffer``.  No module of joblib 0.11 defines
``cachedir``: the function came with the pinned release, under a caller written before it, so
the callee moved under the caller and the way back is the release before the function came.
"""
from tests.support.diagnose_crashes import diagnose_paste

LINE = "DeprecationWarning, stacklevel=2)"
PASTE = f"""Traceback (most recent call last):
  File "/usr/local/lib/python3.8/site-packages/librosy/cache.py", line 3, in wrapper
    if self.cachedir is not None and self.level >= level:
  File "/usr/local/lib/python3.8/site-packages/jobly/memory.py", line 6, in cachedir
    {LINE}
TypeError: expected string or buffer
"""
NEW = ("import warnings\n\nclass Memory:\n    @property\n    def cachedir(self):\n"
       f"        warnings.warn(self.msg,\n            {LINE}\n        return self.location\n")
OLD = "class Memory:\n    def __init__(self, cachedir=None):\n        self.cachedir = cachedir\n"
CALLER = ("def wrapper(self, level):\n    if self.cachedir is not None and self.level >= level:\n"
          "        return 1\n")


def _universe(old=OLD, caller_uploaded="2018-05-01T00:00:00Z", elsewhere=""):
    joblib = []
    for v, body, when in (("0.11", old, "2017-02-01T00:00:00Z"), ("0.12.0", NEW, "2018-06-01T00:00:00Z"),
                          ("0.12.1", NEW, "2018-07-01T00:00:00Z")):
        files = {"jobly/__init__.py": "", "jobly/memory.py": body}
        if elsewhere and v == "0.11":
            files["jobly/disk.py"] = elsewhere
        joblib.append({"version": v, "upload_time": when, "files": files})
    return {"jobly": joblib,
            "librosy": [{"version": "0.6.1", "upload_time": caller_uploaded, "requires_dist": ["jobly>=0.7.0"],
                         "files": {"librosy/__init__.py": "", "librosy/cache.py": CALLER}}]}


def _diagnose(index_for, **kw):
    index, target = index_for(_universe(**kw), python="3.8")
    return diagnose_paste(index, target, "librosy==0.6.1\njobly==0.12.0\n", PASTE)


def test_a_function_new_under_an_older_caller_goes_back_to_before_it_came(index_for):
    d = _diagnose(index_for)
    assert d.verdict == "transitive", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("jobly", "<=0.11")], d.summary


def test_a_caller_released_after_the_new_function_may_be_what_changed(index_for):
    d = _diagnose(index_for, caller_uploaded="2018-09-01T00:00:00Z")
    assert ("jobly", "<=0.11") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_function_that_only_moved_from_another_module_is_not_new(index_for):
    d = _diagnose(index_for, elsewhere="class Memory:\n    def cachedir(self):\n        return None\n")
    assert ("jobly", "<=0.11") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_function_older_than_the_release_just_before_is_no_new_function(index_for):
    # loris-imageserver/loris#230: requests 2.6.0's VendorAlias.load_module runs __import__(''); the hook
    # came in 2.5.x, long before 2.6.0, so the release without it (2.4.3) is no "before it came"
    from tests.diagnose.test_new_own_line import HOOK, HOOK_PASTE

    releases = [("2.4.3", "x = 1\n"), ("2.5.2", HOOK), ("2.5.3", HOOK), ("2.6.0", HOOK), ("2.6.1", "x = 1\n")]
    universe = {"requestsy": [{"version": v, "files": {"requestsy/__init__.py": "from .packages import x\n",
                                                       "requestsy/packages/__init__.py": body}} for v, body in releases]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "requestsy==2.6.0\n", HOOK_PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("requestsy", ">=2.6.1")], d.summary
