"""A caller that began using a removed name in a patch release: the release before is a way out.

sebleier/django-redis-cache#195: django-redis-cache 2.1.3 went back to ``from django.utils import six``,
which Django 3.0 removed; 2.1.1 did not use it.  Beside holding Django back a major and moving the cache
forward to 3.0, the patch back within its series is offered, and the resolver takes the smallest.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.6/site-packages/redisy_cache/utils.py", line 1, in <module>
    from djangoy.utils import six
ImportError: cannot import name 'six'
"""
USES = "from djangoy.utils import six\n"
CLEAN = "import six\n"
REQS = "redisy-cache==2.1.3\ndjangoy==3.1.1\n"


def _universe(before=CLEAN):
    return {"djangoy": [{"version": v, "files": {"djangoy/__init__.py": "", "djangoy/utils/__init__.py": text}}
                        for v, text in (("2.2.0", "six = None\n"), ("3.0.0", ""), ("3.1.1", ""))],
            "redisy-cache": [{"version": v, "requires_dist": ["djangoy"],
                              "files": {"redisy_cache/__init__.py": "", "redisy_cache/utils.py": text}}
                             for v, text in (("2.0.0", USES), ("2.1.0", before), ("2.1.1", before), ("2.1.3", USES),
                                             ("3.0.0", CLEAN))]}


def test_the_patch_release_before_the_use_is_offered_and_taken(index_for):
    index, target = index_for(_universe(), python="3.6")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert ("redisy-cache", "<=2.1.1") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_use_as_old_as_the_series_offers_no_patch_back(index_for):
    index, target = index_for(_universe(before=USES), python="3.6")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not any(c.name == "redisy-cache" and c.constraint.startswith("<=2.1") for c in d.culprits), d.summary
