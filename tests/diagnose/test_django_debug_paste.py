"""Django's debug page copied as text, and a wrapper's message over the wrapped one.

MongoEngine/mongoengine#935: "Exception Type: ConnectionError" / "Exception Value:" /
"Cannot connect to database dashboard :" / "False is not a read preference." (pymongo 3.0).
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

PASTE = ("Exception Type:\tConnectionError\nException Value:\t\nCannot connect to database dashboard :\n"
         "False is not a read preference.\n\n# local variables from django output\n"
         "conn_settings = {'host': '10.6.2.41', 'port': 27017, 'read_preference': False}\n")
NEW = ("class ConfigurationError(Exception):\n    pass\n\n\ndef validate_read_preference(dummy, value):\n"
       "    if not hasattr(value, 'document'):\n        raise ConfigurationError('%r is not a read preference.' % (value,))\n"
       "    return value\n")
OLD = "def validate_read_preference(dummy, value):\n    return value\n"
WRAP = ("class ConnectionError(Exception):\n    pass\n\n\ndef connect(alias, settings):\n    try:\n        return settings\n"
        "    except Exception as e:\n        raise ConnectionError('Cannot connect to database %s :\\n%s' % (alias, e))\n")


def test_the_debug_page_names_the_class_and_the_message_runs_to_the_blank_line():
    inferred = infer_message(PASTE, None)
    assert inferred is not None
    assert inferred.exc_type == "ConnectionError"
    assert inferred.message == "Cannot connect to database dashboard :\nFalse is not a read preference."


def test_the_wrapped_message_on_the_next_line_is_searched_for_its_raiser(index_for):
    universe = {"pymongy": [{"version": v, "files": {"pymongy/__init__.py": "", "pymongy/common.py": src}}
                            for v, src in (("2.7.2", OLD), ("2.8", OLD), ("3.0", NEW))],
                "mongoeng": [{"version": "0.9.0", "requires_dist": ["pymongy>=2.7.1"],
                              "files": {"mongoeng/__init__.py": "", "mongoeng/connection.py": WRAP}}]}
    index, target = index_for(universe, python="3.8")
    pins = parse_requirements_text("mongoeng==0.9.0\npymongy==3.0\n", target)
    crash = infer_message(PASTE, None).to_crash()
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert any(c.name == "pymongy" and c.constraint.startswith("<") for c in d.culprits), d.culprits
