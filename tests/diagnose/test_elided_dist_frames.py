"""A pin's frame whose path was elided ("....\\django_messages_drf\\signals.py") is read in later releases too.

tarsil/django-messages-drf#12: Django 4.0 dropped ``Signal(providing_args=...)``; the paste's frame
path was shortened by the reporter, so no release path was known and only Django could move back a
major.  The tail from the pin's top-level package has the same line in the pinned release, and 1.0.6
stopped passing the keyword: a micro move, the maintainer's fix.
"""
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text
from tests.support.diagnose_crashes import simple_parse

SIGNAL_OLD = "class Signal:\n    def __init__(self, providing_args=None, use_caching=False):\n        pass\n"
SIGNAL_NEW = "class Signal:\n    def __init__(self, use_caching=False):\n        pass\n"
UNIVERSE = {
    "djangy": [{"version": "3.2.25", "upload_time": "2024-03-04T00:00:00Z",
                "files": {"djangy/__init__.py": "", "djangy/dispatch.py": SIGNAL_OLD}},
               {"version": "4.0.3", "upload_time": "2022-03-01T00:00:00Z",
                "files": {"djangy/__init__.py": "", "djangy/dispatch.py": SIGNAL_NEW}}],
    "msgdrf": [{"version": "1.0.5", "upload_time": "2021-06-01T00:00:00Z", "requires_dist": ["djangy>=3"],
                "files": {"msgdrf/__init__.py": "", "msgdrf/signals.py":
                          "from djangy.dispatch import Signal\n\nmessage_sent = Signal(providing_args=['message'])\n"}},
               {"version": "1.0.6", "upload_time": "2022-03-20T00:00:00Z", "requires_dist": ["djangy>=3"],
                "files": {"msgdrf/__init__.py": "", "msgdrf/signals.py":
                          "from djangy.dispatch import Signal\n\nmessage_sent = Signal()\n"}}],
}
TB = ('File "....\\msgdrf\\signals.py", line 3, in <module>\n'
      "    message_sent = Signal(providing_args=['message'])\n"
      "TypeError: __init__() got an unexpected keyword argument 'providing_args'\n")


def test_the_caller_release_that_stopped_passing_the_keyword_is_offered(index_for):
    index, target = index_for(UNIVERSE, python="3.9", platform="win_amd64")
    pins = parse_requirements_text("djangy==4.0.3\nmsgdrf==1.0.5\n", target)
    crash = simple_parse(TB, pins)
    for fr in crash.final.frames:  # as attribution reads it: the module names the pin, the path gives no release path
        fr.owner, fr.dist, fr.version = "dist", "msgdrf", "1.0.5"
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("msgdrf", ">=1.0.6") in [(c.name, c.constraint) for c in d.culprits], [(c.name, c.constraint) for c in d.culprits]
