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


def test_the_pages_heading_copied_without_labels_is_read_with_its_exception_location():
    # alsoicode/django-maintenancemode-2#14: the page's class, message and Exception Location as plain lines
    from pytest_depfix.diagnose.message_only import infer_message

    paste = ("Django Version: | 3.2\n\nTypeError\ncannot unpack non-iterable function object\n"
             "/usr/local/lib/python3.8/dist-packages/maintenancemode/middleware.py, line 71, in process_request\n"
             "/usr/bin/python3\n3.8.5\n")
    found = infer_message(paste)
    assert (found.exc_type, found.message) == ("TypeError", "cannot unpack non-iterable function object")
    assert [(f.file.rsplit("/", 1)[-1], f.line, f.function) for f in found.frames] == \
        [("middleware.py", 71, "process_request")]


def test_a_class_name_alone_with_no_location_under_its_message_is_not_the_heading():
    from pytest_depfix.diagnose.message_only import infer_message

    found = infer_message("ValueError\nsomething went wrong\nand more words here\n")
    assert found is None or not found.frames


COPY_AND_PASTE_VIEW = """Traceback:
File "/usr/local/lib/python2.7/dist-packages/django/core/handlers/base.py" in get_response
  223.                 response = middleware_method(request, response)
File "/usr/local/lib/python2.7/dist-packages/sqlparse/engine/filter_stack.py" in run
  29.             stream = filter_.process(stream)

Exception Type: TypeError at /admin/mediasources/document/
Exception Value: process() takes exactly 3 arguments (2 given)
"""


def test_the_copy_and_paste_view_names_the_url_and_prints_its_frames():
    # jazzband/django-debug-toolbar#852: Django's "copy-and-paste view" of its debug page
    inferred = infer_message(COPY_AND_PASTE_VIEW, None)
    assert (inferred.exc_type, inferred.message) == ("TypeError", "process() takes exactly 3 arguments (2 given)")
    assert [(f.file.rsplit("/", 1)[-1], f.line, f.function, f.source) for f in inferred.frames] == [
        ("base.py", 223, "get_response", "response = middleware_method(request, response)"),
        ("filter_stack.py", 29, "run", "stream = filter_.process(stream)")]
