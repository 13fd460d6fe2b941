"""A pin outside the range another pin declares for it under an extra nobody asked for.

City-of-Helsinki/linkedevents#510: django-haystack 3.2.1 declares ``elasticsearch<8,>=5`` only for its
``elasticsearch`` extra; the project installed elasticsearch 8.6.0 on its own and haystack's
``bulk(..., doc_type=...)`` was refused.  pip never checks an extra that was not asked for, so the
conflict is only read when nothing else explains the crash, and only for a pin the crash shows.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "TypeError: bulk() got an unexpected keyword argument 'doc_type'\n"
HELPERS = "def bulk(client, actions, stats_only=False, **kwargs):\n    return client.bulk(operations=actions, **kwargs)\n"
REQS = "haystacky==3.2.1\nelasticy==8.6.0\n"


CLIENT7 = "class Elasticsearch:\n    def bulk(self, body, index=None, doc_type=None, params=None):\n        return body\n"
CLIENT8 = "class Elasticsearch:\n    def bulk(self, *, operations=None, index=None):\n        return operations\n"


def _universe(extra="elasticsearch", helpers=HELPERS, spec="<8,>=5"):
    return {"elasticy": [{"version": v, "files": {"elasticy/__init__.py": "", "elasticy/helpers.py": helpers,
                                                  "elasticy/client.py": CLIENT7 if v < "8" else CLIENT8}}
                         for v in ("7.17.0", "7.17.9", "8.0.0", "8.6.0")],
            "haystacky": [{"version": "3.2.1", "requires_dist": [f'elasticy{spec}; extra == "{extra}"'],
                           "files": {"haystacky/__init__.py": "import elasticy.helpers\n"}}]}


def test_the_pin_outside_the_extras_range_moves_into_it(index_for):
    index, target = index_for(_universe(), python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert d.verdict == "transitive", d.summary
    assert [(c.name, c.constraint) for c in d.culprits] == [("elasticy", "<8,>=5")], d.summary
    assert "'elasticsearch' extra" in d.culprits[0].evidence[0]


def test_a_test_or_docs_extra_says_nothing_of_what_users_run(index_for):
    for extra in ("test", "docs", "dev", "minimum-jaxlib"):
        index, target = index_for(_universe(extra=extra), python="3.7")
        d = diagnose_paste(index, target, REQS, PASTE)
        assert not d.culprits, (extra, d.summary)


def test_a_pin_the_crash_does_not_show_is_left_alone(index_for):
    # the refused keyword is no parameter of elasticy's bulk() in the extra's range: not this crash
    universe = _universe()
    for r in universe["elasticy"]:
        r["files"]["elasticy/client.py"] = CLIENT8
    index, target = index_for(universe, python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary


def test_a_pin_inside_the_extras_range_is_no_conflict(index_for):
    index, target = index_for(_universe(spec=">=5"), python="3.7")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary
