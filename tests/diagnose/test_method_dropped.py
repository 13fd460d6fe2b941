"""A frameless missing method on the project's own class, which builds on a pin's.

bdhammel/chatgpt-tui#7: "'Prompt' object has no attribute 'post_message_no_wait'".  The
project's ``Prompt`` widget calls a method textual 0.14 removed from its message pump;
textual's own ``messages.Prompt`` never had it.  The one pin whose earlier release defined
a method of that distinctive name goes back to the newest release defining it.
"""
from tests.support.diagnose_crashes import diagnose_paste

PUMP = "class MessagePump:\n    def post_message(self, m):\n        return m\n{extra}"
EXTRA = "\n    def post_message_no_wait(self, m):\n        return m\n\n    def post(self, m):\n        return m\n"
MESSAGES = "class Message:\n    pass\n\n\nclass Prompt(Message):\n    pass\n"


def _universe(kept_in_new=False):
    def texty(version, has):
        return {"version": version, "files": {"texty/__init__.py": "", "texty/messages.py": MESSAGES,
                                              "texty/pump.py": PUMP.format(extra=EXTRA if has else "")}}
    return {"texty": [texty("0.12.0", True), texty("0.13.0", True), texty("0.14.0", kept_in_new),
                      texty("0.15.1", kept_in_new)]}


def _diagnose(index_for, universe, name="post_message_no_wait"):
    index, target = index_for(universe, python="3.10")
    return diagnose_paste(index, target, "texty==0.15.1\n",
                          f"AttributeError: 'Prompt' object has no attribute '{name}'\n")


def test_the_pin_that_dropped_a_method_of_that_name_goes_back_to_the_last_release_with_it(index_for):
    d = _diagnose(index_for, _universe())
    assert [(c.name, c.constraint) for c in d.culprits] == [("texty", "<=0.13.0")], d.summary
    assert "no longer defines 'post_message_no_wait'" in d.summary and "defines no method" in d.culprits[0].evidence[0]


def test_a_pin_that_still_defines_it_is_not_moved(index_for):
    d = _diagnose(index_for, _universe(kept_in_new=True))
    assert not d.culprits


def test_a_common_method_name_is_not_searched(index_for):
    # (the older releases do define a "post" the pinned one lacks: only the name's length stops it)
    d = _diagnose(index_for, _universe(), name="post")
    assert not d.culprits
