"""A frameless "Group.create_array() got an unexpected keyword argument 'exists_ok'": the one pin that spells it.

zarr-developers/zarr-python#3430: zarr 3's ``Group.create_array`` takes ``overwrite`` and never took
``exists_ok``; xarray 2024.11.0 builds ``encoding["exists_ok"]`` and passes it on, 2025.1.0 passes
``overwrite``.  The class's pin never took the keyword, so the one other pin spelling it is the caller.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = "TypeError: Group.create_array() got an unexpected keyword argument 'exists_ok'\n"
GROUP = "class Group:\n    def create_array(self, name, *, shape=None, overwrite=False):\n        return name\n"
SPELLS = ("def to_store(group, name):\n    encoding = {}\n    encoding['exists_ok'] = True\n"
          "    return group.create_array(name, **encoding)\n")
FIXED = SPELLS.replace("'exists_ok'", "'overwrite'")
REQS = "xarry==2024.11.0\nzarry==3.1.2\n"


def _universe(group=GROUP, fixed=FIXED):
    return {"zarry": [{"version": v, "files": {"zarry/__init__.py": "from zarry.group import Group\n",
                                               "zarry/group.py": group}} for v in ("3.0.0", "3.1.2")],
            "xarry": [{"version": v, "requires_dist": ["zarry"], "files": {"xarry/__init__.py": "", "xarry/zarr.py": text}}
                      for v, text in (("2024.10.0", FIXED.replace("overwrite", "mode")), ("2024.11.0", SPELLS),
                                      ("2025.1.0", fixed))]}


def test_the_one_pin_spelling_the_keyword_moves_to_its_release_that_stopped(index_for):
    index, target = index_for(_universe(), python="3.12")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert [(c.name, c.constraint) for c in d.culprits] == [("xarry", ">=2025.1.0")], d.summary


def test_a_callee_that_takes_the_keyword_is_not_this_reading(index_for):
    group = GROUP.replace("overwrite=False", "overwrite=False, exists_ok=False")
    index, target = index_for(_universe(group=group), python="3.12")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not any(c.name == "xarry" for c in d.culprits), d.summary


def test_a_caller_still_spelling_it_in_every_later_release_gives_no_way_out(index_for):
    index, target = index_for(_universe(fixed=SPELLS), python="3.12")
    d = diagnose_paste(index, target, REQS, PASTE)
    assert not d.culprits, d.summary
