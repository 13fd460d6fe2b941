"""Review (session 6): a bare message read by ``raised.infer_raiser`` from ``depfix analyze`` with ``--keep``.

``commands/analyze._raised_by_a_pin`` hands ``infer_raiser`` the keep list as ``parse_keep`` returns it,
a list of ``Pin`` records, and ``infer_raiser`` does ``{k.lower() for k in keep}``: every bare-message
paste that no wording identifies crashes the CLI with ``AttributeError: 'Pin' object has no attribute
'lower'`` as soon as the user names a keep-pin.  ``--keep`` is the normal way to run ``analyze`` (the
primary package must not move), so the new path is unusable exactly where it is meant to be used, and
the failure escapes as a Python traceback instead of an answer or a ``BadInput`` exit status.
"""
from __future__ import annotations

import pytest

from pytest_depfix.cli import main
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.diagnose.raised import infer_raiser
from pytest_depfix.engine import parse_keep
from pytest_depfix.requirements import parse_requirements_text
from tests.diagnose.test_raised_messages import UNIVERSE


@pytest.fixture
def world(make_local_index, tmp_path, cache_dir, isolated_pip_config):
    index = make_local_index(UNIVERSE)
    (tmp_path / "requirements.txt").write_text("tzsched==3.3.0\nfussy==2.0\n")
    (tmp_path / "crash.txt").write_text("Only timezones from the pytz library are supported\n")
    return index, tmp_path


def test_a_bare_message_with_a_keep_pin_is_still_read_as_the_pin_s_raise(world, capsys):
    index, d = world
    code = main(["analyze", "--requirements", str(d / "requirements.txt"), "--traceback", str(d / "crash.txt"),
                 "--keep", "fussy==2.0", "--python", "3.9", "--platform", "linux", "--index-url", index.file_url,
                 "--no-pip-config"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out == "tzsched==3.7.0\nfussy==2.0\n"


def test_infer_raiser_takes_the_keep_pins_analyze_passes(index_for):
    index, target = index_for(UNIVERSE, python="3.9")
    pins = parse_requirements_text("tzsched==3.3.0\nfussy==2.0\n", target)
    got = infer_raiser(ApiProbe(index), pins, "Only timezones from the pytz library are supported\n",
                       parse_keep(["fussy==2.0"]))
    assert got is not None and got[0] == "TypeError"


def test_a_long_bare_refusal_line_is_still_read_as_the_pins_raise(index_for):
    # mljar-supervised#713: optuna 3.6's migration notice, printed after "Exception in LightgbmObjective ",
    # is 330 characters on one line.
    notice = ("Optuna's integration modules for third-party libraries have started migrating from Optuna itself to a "
              "package called `optuna-integration`. The module you are trying to use has already been migrated to "
              "`optuna-integration`. Please install the package by running `pip install optuna-integration`.")
    universe = {"optunay": [{"version": "3.6.1", "files": {"optunay/__init__.py": "",
                                                          "optunay/integration.py": f"def load(name):\n    raise ModuleNotFoundError({notice!r})\n"}}]}
    index, target = index_for(universe, python="3.10")
    pins = parse_requirements_text("optunay==3.6.1\n", target)
    line = "Exception in LightgbmObjective " + notice
    assert len(line) > 300
    got = infer_raiser(ApiProbe(index), pins, line + "\n")
    assert got is not None and got[0] == "ModuleNotFoundError"
