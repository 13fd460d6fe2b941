"""Knowledge entries added in session 18, each against fixture wheels.

societe-generale/aikit#76: SciPy 1.6.0 made L-BFGS-B's ``OptimizeResult.message`` a str;
scikit-learn 0.23's ``_check_optimize_result`` still calls ``.decode('latin1')``.  The paste is
cut to the last line of the multi-line call and the exception, indentation gone.
dagster-io/dagster#11880: SQLAlchemy 2.0 refuses ``select([...])`` with a list.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

LBFGS = """in _check_optimize_result
).format(solver, result.status, result.message.decode("latin1"))
AttributeError: 'str' object has no attribute 'decode'
"""
SELECT = ("sqlalchemy.exc.ArgumentError: Column expression, FROM clause, or other columns clause element expected, "
          "got [Column('run_body', Text(), table=<runs>)]. Did you mean to say select(Column('run_body', Text(), "
          "table=<runs>))?\n")


def _diagnose(index_for, universe, reqs, text):
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text(reqs, target)
    crash = attribute(parse_traceback(text)[0], pins, target=target, installed=False)
    return diagnose(crash, pins, target, index, load_knowledge(), probe=ApiProbe(index))


def test_scipy_16s_str_message_under_an_old_scikit_learn_is_the_known_break(index_for):
    universe = {"scipy": [{"version": v, "files": {"scipy/__init__.py": ""}} for v in ("1.5.4", "1.6.0")],
                "scikit-learn": [{"version": v, "requires_dist": ["scipy>=0.19.1"], "files": {"sklearn/__init__.py": ""}}
                                 for v in ("0.23.2", "0.24.0")]}
    d = _diagnose(index_for, universe, "scikit-learn==0.23.2\nscipy==1.6.0\n", LBFGS)
    assert d.details.get("knowledge") == "scipy-16-lbfgs-message-str", d.summary
    assert {("scipy", "<1.6"), ("scikit-learn", ">=0.24.0")} <= {(c.name, c.constraint) for c in d.culprits}


def test_the_same_words_from_another_decode_are_not_scipys(index_for):
    universe = {"scipy": [{"version": v, "files": {"scipy/__init__.py": ""}} for v in ("1.5.4", "1.6.0")]}
    d = _diagnose(index_for, universe, "scipy==1.6.0\n",
                  "    token = jwt_token.decode('utf-8')\nAttributeError: 'str' object has no attribute 'decode'\n")
    assert d.details.get("knowledge") != "scipy-16-lbfgs-message-str"


def test_sqlalchemy_2s_list_select_is_held_below_2(index_for):
    universe = {"sqlalchemy": [{"version": v, "files": {"sqlalchemy/__init__.py": ""}} for v in ("1.4.46", "2.0.0")]}
    d = _diagnose(index_for, universe, "sqlalchemy==2.0.0\n", SELECT)
    assert d.details.get("knowledge") == "sqlalchemy-2-removed-select-list", d.summary
    assert ("SQLAlchemy", "<2") in [(c.name, c.constraint) for c in d.culprits] or \
        ("sqlalchemy", "<2") in [(c.name, c.constraint) for c in d.culprits]
