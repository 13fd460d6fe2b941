"""A ``with`` over an object that is no context manager: the pin whose class became one.

api4jenkins#51: api4jenkins 1.9.1 writes ``with self.handle_req('GET', '') as resp:`` over a
requests ``Response``; requests gained ``Response.__enter__`` in 2.18.0, and under 2.10.0
Python 3.8 says only "AttributeError: __enter__" (the reporter quoted that line and nothing
else).  Python 3.11 says "'Response' object does not support the context manager protocol".
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.message_only import infer_message
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

# api4jenkins#51, verbatim.
PASTE = "\"with self.handle_req('GET', '') as resp: AttributeError: __enter__\"\n"
TB_311 = """Traceback (most recent call last):
  File "/usr/lib/python3.11/site-packages/jenkinsy/artifact.py", line 3, in save
    with self.handle_req('GET', '') as resp:
TypeError: 'Response' object does not support the context manager protocol
"""
RESPONSE = "class Response:\n    def json(self):\n        return {}\n"
CM = "    def __enter__(self):\n        return self\n    def __exit__(self, *args):\n        self.close()\n"
SESSION = "class Session:\n    def __enter__(self):\n        return self\n    def __exit__(self, *args):\n        pass\n"


def _requesty(v, cm_from="2.18.0"):
    response = RESPONSE + (CM if tuple(map(int, v.split("."))) >= tuple(map(int, cm_from.split("."))) else "")
    return {"version": v, "files": {"requesty/__init__.py": "", "requesty/models.py": response,
                                    "requesty/sessions.py": SESSION}}


def _universe(other_cm=False):
    artifact = "class Artifact:\n    def save(self):\n        with self.handle_req('GET', '') as resp:\n            return resp\n"
    jenkins = [{"version": "1.9.1", "requires_dist": ["requesty"],
                "files": {"jenkinsy/__init__.py": "", "jenkinsy/artifact.py": artifact}}]
    if other_cm:  # a later jenkinsy whose own class became a context manager as well
        jenkins.append({"version": "1.10.0", "requires_dist": ["requesty"],
                        "files": {"jenkinsy/__init__.py": "", "jenkinsy/artifact.py": artifact + CM}})
    return {"requesty": [_requesty(v) for v in ("2.10.0", "2.17.3", "2.18.0", "2.21.0")], "jenkinsy": jenkins}


def _diagnose(index_for, crash_of, universe=None, python="3.8"):
    index, target = index_for(universe or _universe(), python=python)
    pins = parse_requirements_text("jenkinsy==1.9.1\nrequesty==2.10.0\n", target)
    crash = attribute(crash_of(), pins, target=target, installed=False, index=index)
    return diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))


def _from_message():
    found = infer_message(PASTE)
    assert found is not None and found.exc_type == "AttributeError"
    return found.to_crash()


def test_a_bare_enter_error_moves_the_one_pin_whose_class_became_a_context_manager(index_for):
    d = _diagnose(index_for, _from_message)
    assert [(c.name, c.constraint) for c in d.culprits] == [("requesty", ">=2.18.0")], d.summary
    assert d.verdict == "transitive"
    assert "Response" in d.summary


def test_python_311_names_the_class_and_only_that_class_counts(index_for):
    d = _diagnose(index_for, lambda: parse_traceback(TB_311)[0], python="3.11")
    assert [(c.name, c.constraint) for c in d.culprits] == [("requesty", ">=2.18.0")], d.summary
    other = TB_311.replace("'Response' object", "'Artifact' object")
    d = _diagnose(index_for, lambda: parse_traceback(other)[0], python="3.11")
    assert not d.culprits, d.summary


def test_two_pins_whose_classes_became_context_managers_leave_it_open(index_for):
    d = _diagnose(index_for, _from_message, universe=_universe(other_cm=True))
    assert not d.culprits, d.summary


def test_a_class_that_already_was_a_context_manager_is_no_answer(index_for):
    universe = _universe()
    universe["requesty"] = [_requesty(v, cm_from="1.0.0") for v in ("2.10.0", "2.17.3", "2.18.0", "2.21.0")]
    d = _diagnose(index_for, _from_message, universe=universe)
    assert not d.culprits, d.summary


def test_python_310s_did_you_mean_suffix_is_the_same_message(index_for):
    def crash():
        found = infer_message("AttributeError: __enter__. Did you mean: '_content'?\n")
        assert found is not None
        return found.to_crash()
    d = _diagnose(index_for, crash, python="3.10")
    assert [(c.name, c.constraint) for c in d.culprits] == [("requesty", ">=2.18.0")], d.summary


def test_a_class_that_inherited_the_method_before_did_not_become_a_context_manager(index_for):
    # review of session 14: Response(Base) where Base already had __enter__, and a later release
    # defines it on Response itself, is no change
    universe = _universe()
    base = "class Base:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        pass\n"
    universe["requesty"] = [{"version": v, "files": {
        "requesty/__init__.py": "", "requesty/sessions.py": SESSION,
        "requesty/models.py": base + "class Response(Base):\n    def json(self):\n        return {}\n"
        + (CM if v >= "2.18.0" else "")}} for v in ("2.10.0", "2.17.3", "2.18.0", "2.21.0")]
    d = _diagnose(index_for, _from_message, universe=universe)
    assert not d.culprits, d.summary


def test_a_with_over_an_uncalled_name_is_the_codes_own_mistake(index_for):
    # "with tf.Session as sess:" (no parentheses): whatever release, the class itself is no context manager
    tb = TB_311.replace("with self.handle_req('GET', '') as resp:", "with requesty.Response as resp:") \
        .replace("TypeError: 'Response' object does not support the context manager protocol", "AttributeError: __enter__")
    d = _diagnose(index_for, lambda: parse_traceback(tb)[0], python="3.8")
    assert not d.culprits, d.summary


def test_a_missing_exit_is_looked_for_as_exit(index_for):
    # Python 3.7-3.10 "AttributeError: __exit__": __enter__ may be there, __exit__ is what is missing
    universe = _universe()
    enter_only = "    def __enter__(self):\n        return self\n"
    exit_too = enter_only + "    def __exit__(self, *a):\n        pass\n"
    universe["requesty"] = [{"version": v, "files": {
        "requesty/__init__.py": "", "requesty/sessions.py": SESSION,
        "requesty/models.py": RESPONSE + (exit_too if v >= "2.18.0" else enter_only)}}
        for v in ("2.10.0", "2.17.3", "2.18.0", "2.21.0")]

    def crash():
        found = infer_message("AttributeError: __exit__\n")
        assert found is not None
        return found.to_crash()
    d = _diagnose(index_for, crash, universe=universe)
    assert [(c.name, c.constraint) for c in d.culprits] == [("requesty", ">=2.18.0")], d.summary


def test_a_with_over_a_variable_or_attribute_holds_an_instance_and_is_read_on(index_for):
    # review of session 14: 'with resp:' and 'with self.conn as c:' are the commonest forms
    for line in ("with resp:", "with self.conn as c:"):
        tb = TB_311.replace("with self.handle_req('GET', '') as resp:", line)
        d = _diagnose(index_for, lambda: parse_traceback(tb)[0], python="3.11")
        assert [(c.name, c.constraint) for c in d.culprits] == [("requesty", ">=2.18.0")], (line, d.summary)
