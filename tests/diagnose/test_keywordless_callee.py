"""A frameless "f() takes no keyword arguments": the one pin calling another pin's ``f`` with keywords.

python-zeep#197: zeep 0.27.0 calls ``etree.cleanup_namespaces(header, keep_ns_prefixes=...)`` on
both sides of its ``if etree.LXML_VERSION[:2] >= (3, 5)`` test, and lxml 3.3.5 (kept: the reporter's
system pins it) takes no keywords there; zeep 1.0.0's older-lxml side passes none.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

GUARDED = ("from lxmly import etree\n\n"
           "def egress(header, nsmap):\n"
           "    if etree.LXML_VERSION[:2] >= (3, 5):\n"
           "        etree.cleanup_namespaces(header, keep_ns_prefixes=header.nsmap, top_nsmap=nsmap)\n"
           "    else:\n"
           "        etree.cleanup_namespaces(header{older})\n")


def _diagnose(index_for, keep, message="TypeError: cleanup_namespaces() takes no keyword arguments\n", pinned="0.27.0"):
    older = {"0.26.0": ", keep_ns_prefixes=header.nsmap", "0.27.0": ", keep_ns_prefixes=header.nsmap", "1.0.0": "",
             "1.1.0": ""}
    universe = {"zeepy": [{"version": v, "requires_dist": ["lxmly>=3.0"],
                           "files": {"zeepy/__init__.py": "", "zeepy/wsa.py": GUARDED.format(older=o)}}
                          for v, o in older.items()],
                "lxmly": [{"version": "3.3.5", "files": {"lxmly/__init__.py": "",
                                                         "lxmly/etree.cpython-311-x86_64-linux-gnu.so":
                                                             "\x7fELF\x00cleanup_namespaces\x00strip_tags\x00"}}]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text(f"zeepy=={pinned}\nlxmly==3.3.5\n", target)
    return diagnose(simple_parse(message, pins), pins, target, index, load_knowledge(bundled=False),
                    keep={"lxmly"} if keep else (), probe=ApiProbe(index))


def test_the_caller_moves_to_its_first_release_whose_older_callee_side_passes_no_keyword(index_for):
    d = _diagnose(index_for, keep=True)
    assert [(c.name, c.constraint) for c in d.culprits] == [("zeepy", ">=1.0.0")], d.summary
    assert d.verdict == "transitive"


def test_a_callable_no_pin_calls_with_keywords_is_left_open(index_for):
    d = _diagnose(index_for, keep=True, message="TypeError: strip_tags() takes no keyword arguments\n")
    assert not any(c.name == "zeepy" for c in d.culprits), d.summary


def test_a_builtins_method_is_not_a_pins_callable(index_for):
    # Review: "dict.get() takes no keyword arguments" blamed a pin calling another pin's get(url, timeout=5).
    d = _diagnose(index_for, keep=True, message="TypeError: dict.cleanup_namespaces() takes no keyword arguments\n")
    assert not any(c.name == "zeepy" for c in d.culprits), d.summary


def test_a_python_callee_takes_keywords_so_its_callers_are_not_the_failing_call(index_for):
    from pytest_depfix.diagnose.probe import ApiProbe as _Probe

    universe = {"clienty": [{"version": v, "requires_dist": ["requestsy"],
                             "files": {"clienty/__init__.py": "", "clienty/net.py":
                                       "import requestsy\ndef fetch(url):\n    return requestsy.get(url%s)\n"
                                       % (", timeout=5" if v != "2.0" else "")}} for v in ("1.0", "1.1", "2.0")],
                "requestsy": [{"version": "2.31.0", "files": {"requestsy/__init__.py": "def get(url, **kw):\n    pass\n"}}]}
    index, target = index_for(universe, python="3.11")
    pins = parse_requirements_text("clienty==1.1\nrequestsy==2.31.0\n", target)
    d = diagnose(simple_parse("TypeError: get() takes no keyword arguments\n", pins), pins, target, index,
                 load_knowledge(bundled=False), probe=_Probe(index))
    assert not any(c.name == "clienty" for c in d.culprits), d.summary


def test_a_pinned_release_whose_older_side_passes_no_keyword_is_not_moved(index_for):
    # Review: zeep 1.0.0 already calls cleanup_namespaces(header) on the older-lxml side.
    d = _diagnose(index_for, keep=True, pinned="1.0.0")
    assert not any(c.name == "zeepy" for c in d.culprits), d.summary


def _handler(v):
    arg = "fallback" if v == "21.9.0" else "fallback='auto'"
    return f"class ErrorHandler:\n    def __init__(self, {arg}):\n        self.fallback = fallback\n"


def _sanic_diagnose(index_for, message):
    universe = {"sanicy": [{"version": v, "files": {"sanicy/__init__.py": "", "sanicy/handlers.py": _handler(v)}}
                           for v in ("21.3.4", "21.6.2", "21.9.0", "21.9.1")],
                "sanicy-cors": [{"version": "1.0.0", "requires_dist": ["sanicy>=21"],
                                 "files": {"sanicy_cors/__init__.py": "from sanicy.handlers import ErrorHandler\n"
                                                                      "class CORSErrorHandler(ErrorHandler):\n"
                                                                      "    def __init__(self):\n        super().__init__()\n"}}]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("sanicy==21.9.0\nsanicy-cors==1.0.0\n", target)
    return diagnose(simple_parse(message, pins), pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def test_a_frameless_missing_constructor_argument_moves_the_one_class_that_requires_it(index_for):
    # sanic-cors#60: sanic 21.9.0's ErrorHandler required 'fallback'; 21.9.1 gave it a default again.
    d = _sanic_diagnose(index_for, "TypeError: __init__() missing 1 required positional argument: 'fallback'\n")
    assert [c.name for c in d.culprits][:1] == ["sanicy"] and "21.9.0" in d.culprits[0].constraint, d.summary


def test_a_missing_argument_no_pin_class_takes_is_left_open(index_for):
    d = _sanic_diagnose(index_for, "TypeError: __init__() missing 1 required positional argument: 'verbosity'\n")
    assert not any(c.name == "sanicy" for c in d.culprits), d.summary


def test_a_required_constructor_argument_no_other_pin_passes_is_left_to_the_caller(index_for):
    # Review: with only the class's own pin in the set, no pin is known to have called it.
    universe = {"sanicy": [{"version": v, "files": {"sanicy/__init__.py": "", "sanicy/handlers.py": _handler(v)}}
                           for v in ("21.3.4", "21.6.2", "21.9.0", "21.9.1")]}
    index, target = index_for(universe, python="3.9")
    pins = parse_requirements_text("sanicy==21.9.0\n", target)
    d = diagnose(simple_parse("TypeError: __init__() missing 1 required positional argument: 'fallback'\n", pins),
                 pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert not any(c.name == "sanicy" and c.source == "api-probe" for c in d.culprits), d.summary


def test_python_310s_qualified_constructor_names_the_class(index_for):
    d = _sanic_diagnose(index_for, "TypeError: ErrorHandler.__init__() missing 1 required positional argument: 'fallback'\n")
    assert [c.name for c in d.culprits][:1] == ["sanicy"], d.summary
