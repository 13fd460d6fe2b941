"""A refusal that names the caller's own class keeps refusing when a later release rewords it.

Lightning 2.0's ``f"Support for `validation_epoch_end` has been removed in v2.0.0.
`{type(model).__name__}` implements this method. ..."`` filled in ``RAVE``
(acids-rave, RAVE#219).  2.5.2 changed only the URL at its end; the user's
class name is no word of the module, so it is not required of the reworded
raise, and 2.5.2 is not offered as the release that stopped refusing.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse


def validator(url):
    return ("def verify(model):\n"
            "    if callable(getattr(model, 'validation_epoch_end', None)):\n"
            "        raise NotImplementedError(\n"
            "            f'Support for `validation_epoch_end` has been removed in v2.0.0. `{type(model).__name__}` implements this'\n"
            "            ' method. You can use the `on_validation_epoch_end` hook instead.'\n"
            f"            ' You can find migration examples in {url}.'\n"
            "        )\n")


OLD = "def verify(model):\n    return None\n"
PL = {"pl": [{"version": "1.9.5", "upload_time": "2023-03-01T00:00:00Z", "files": {"pl/__init__.py": "", "pl/check.py": OLD}},
             {"version": "2.0.0", "upload_time": "2023-03-15T00:00:00Z",
              "files": {"pl/__init__.py": "", "pl/check.py": validator("https://x.invalid/lightning/pull/16520")}},
             {"version": "2.5.2", "upload_time": "2025-06-20T00:00:00Z",
              "files": {"pl/__init__.py": "", "pl/check.py": validator("https://x.invalid/pytorch-lightning/pull/16520")}}]}
PASTE = ("NotImplementedError: Support for `validation_epoch_end` has been removed in v2.0.0. `RAVE` implements this "
         "method. You can use the `on_validation_epoch_end` hook instead. You can find migration examples in "
         "https://x.invalid/lightning/pull/16520.\n")


def test_a_later_release_that_only_changed_a_link_still_refuses_the_caller_s_class(index_for):
    index, target = index_for(PL, python="3.9")
    pins = parse_requirements_text("pl==2.0.0\n", target)
    d = diagnose(simple_parse(PASTE, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert {(c.name, c.constraint) for c in d.culprits} == {("pl", "<=1.9.5")}
