"""The kept callee is older than a name its caller uses, and the caller's release without it is far back.

cfpb/curriculum-review-tool#371: wagtail 2.8 beside the kept Django 1.11.28 imports ``django.urls.URLResolver``
(Django 2.0+); wagtail 2.4 to 2.7.4 (13 releases) all import it too, and 2.3 is the newest that does not.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.6/site-packages/wagtaily/routable/models.py", line 1, in <module>
    from djangoy.urls import URLResolver
ImportError: cannot import name 'URLResolver'
"""
USES = "from djangoy.urls import URLResolver\n"
OLD = "from djangoy.urls import RegexURLResolver\n"
VERSIONS = ["2.2", "2.3"] + [f"2.{m}.{p}" for m in (4, 5, 6, 7) for p in range(4)] + ["2.8"]


def _universe(first_user="2.4.0"):
    from packaging.version import Version

    def body(v):
        return USES if Version(v) >= Version(first_user) else OLD
    return {"djangoy": [{"version": v, "files": {"djangoy/__init__.py": "", "djangoy/urls.py": text}}
                        for v, text in (("1.11.28", "RegexURLResolver = object\n"),
                                        ("2.0", "RegexURLResolver = object\nURLResolver = object\n"))],
            "wagtaily": [{"version": v, "files": {"wagtaily/__init__.py": "", "wagtaily/routable/__init__.py": "",
                                                  "wagtaily/routable/models.py": body(v)}} for v in VERSIONS]}


def _moves(index_for, **kw):
    index, target = index_for(_universe(**kw), python="3.6")
    d = diagnose_paste(index, target, "wagtaily==2.8\ndjangoy==1.11.28\n", PASTE, keep=["djangoy"])
    return d, [(c.name, c.constraint) for c in d.culprits if c.name == "wagtaily"]


def test_a_caller_whose_nearest_ten_releases_all_use_the_name_goes_back_further(index_for):
    d, moves = _moves(index_for)
    assert ("wagtaily", "==2.3") in moves, d.summary


def test_a_caller_that_always_used_the_name_has_no_way_back(index_for):
    d, moves = _moves(index_for, first_user="2.0")
    assert not any(c.startswith("==") for _, c in moves), d.summary
