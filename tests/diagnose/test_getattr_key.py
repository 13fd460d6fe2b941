"""A class's own ``__getattr__`` raising ``AttributeError(key)``: the message is only the name.

DefectDojo (celery#4849 shape): kombu 4.4 renamed ``transport.implements.async`` to ``asynchronous``;
celery 4.1.0's worker reads ``.async`` (Python 2 code today's parser cannot read, so its failing
line is compared as text) and celery 4.1.1 reads ``.asynchronous``.  The paste is a markdown quote
with no header line.
"""
from pytest_depfix.crash import attribute, parse_traceback
from pytest_depfix.diagnose import diagnose, load_knowledge
from pytest_depfix.diagnose.families import ATTRIBUTE, classify
from pytest_depfix.diagnose.probe import ApiProbe
from pytest_depfix.requirements import parse_requirements_text

SITE = "/usr/lib/python2.7/site-packages"
TB = (f'>   File "{SITE}/celeryy/worker.py", line 3, in should_use_eventloop\n'
      ">     return (self._conninfo.transport.implements.async and\n"
      f'>   File "{SITE}/kombuy/base.py", line 4, in __getattr__\n'
      ">     raise AttributeError(key)\n"
      "> AttributeError: async\n")
WORKER = ("class Worker(object):\n    def should_use_eventloop(self):\n"
          "        return (self._conninfo.transport.implements.{attr} and\n                self.pool)\n")
BASE = "class Implements(dict):\n    def __getattr__(self, key):\n        try:\n            return self[key]\n        except KeyError:\n            raise AttributeError(key)\n"


def _universe():
    return {"celeryy": [{"version": v, "sdist": True, "wheel": False, "requires_dist": ["kombuy>=4.0"],
                         "files": {"celeryy/__init__.py": "", "celeryy/worker.py": WORKER.format(attr=a)}}
                        for v, a in (("4.0.2", "async"), ("4.1.0", "async"), ("4.1.1", "asynchronous"))],
            "kombuy": [{"version": "4.4.0", "sdist": True, "wheel": False, "requires_dist": ["depy"],
                        "upload_time": "2019-01-01T00:00:00Z",
                        "files": {"kombuy/__init__.py": "", "kombuy/base.py": "import os\n" + BASE}}],
            # a dependency whose newer series came after kombuy's release: upload dates would suspect it
            "depy": [{"version": v, "sdist": True, "wheel": False, "upload_time": t, "files": {"depy/__init__.py": ""}}
                     for v, t in (("1.0", "2018-01-01T00:00:00Z"), ("2.0", "2019-06-01T00:00:00Z"))]}


def test_a_quoted_headerless_traceback_is_parsed_and_its_bare_name_is_an_attribute():
    [crash] = parse_traceback(TB)
    assert (crash.root.type, crash.root.message, len(crash.root.frames)) == ("AttributeError", "async", 2)
    sig = classify(crash)
    assert (sig.family, sig.name) == (ATTRIBUTE, "async")


def test_the_frame_that_read_the_name_moves_to_its_release_that_changed_the_read(index_for):
    index, target = index_for(_universe(), python="2.7")
    pins = parse_requirements_text("celeryy==4.1.0\nkombuy==4.4.0\n", target)
    crash = attribute(parse_traceback(TB)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert ("celeryy", ">=4.1.1") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_projects_own_read_of_a_bunch_like_object_is_no_pins_change(index_for):
    # Review: cfg.learning_rate (a typo) on a pin's Bunch was blamed on the Bunch pin's dependency by dates.
    tb = ('Traceback (most recent call last):\n'
          '  File "train.py", line 3, in <module>\n'
          '    print(cfg.learning_rate)\n'
          f'  File "{SITE}/kombuy/base.py", line 4, in __getattr__\n'
          '    raise AttributeError(key)\n'
          'AttributeError: learning_rate\n')
    index, target = index_for(_universe(), python="2.7")
    pins = parse_requirements_text("celeryy==4.1.0\nkombuy==4.4.0\ndepy==2.0\n", target)
    crash = attribute(parse_traceback(tb)[0], pins, target=target, installed=False, index=index)
    d = diagnose(crash, pins, target, index, load_knowledge(bundled=False), probe=ApiProbe(index))
    assert d.verdict == "unknown" and not d.culprits, d.summary


def test_code_the_target_could_not_parse_either_is_not_compared_as_text(index_for):
    # Review: a module unparsable on a 3.7+ target never ran; its line edits are no evidence of adapting.
    from pytest_depfix.diagnose import adapted

    index, target = index_for(_universe(), python="3.8")
    pins = parse_requirements_text("celeryy==4.1.0\nkombuy==4.4.0\n", target)
    crash = attribute(parse_traceback(TB.replace("python2.7", "python3.8"))[0], pins, target=target,
                      installed=False, index=index)
    frames = [f for f in crash.root.frames if f.dist == "celeryy"]
    assert adapted.first_adapted(ApiProbe(index), index, "celeryy", "4.1.0", frames) is None
