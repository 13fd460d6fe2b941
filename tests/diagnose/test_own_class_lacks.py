"""A pin's method reads ``self.X``, which its own class never binds: the release's own slip.

Pylons/waitress#331: waitress 2.0.0b0's ``MultiSocketServer.print_listen`` calls ``self.log_info(...)``; that class
defines no ``log_info`` (2.0.0b1 gave it one).
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/srv/app/main.py", line 3, in main
    serve(app)
  File "/venv/lib/python3.8/site-packages/waitressy/server.py", line 5, in print_listen
    self.log_info(format_str.format(1))
AttributeError: 'MultiSocketServer' object has no attribute 'log_info'
"""
SLIP = ("class MultiSocketServer:\n    def __init__(self, map):\n        self.map = map\n\n"
        "    def print_listen(self, format_str):\n        self.log_info(format_str.format(1))\n")
FIXED = ("class MultiSocketServer:\n    def __init__(self, map, log_info=None):\n        self.map = map\n"
         "        self.log_info = log_info\n\n"
         "    def print_listen(self, format_str):\n        self.log_info(format_str.format(1))\n")
OLD = "class MultiSocketServer:\n    def log_info(self, msg):\n        print(msg)\n\n    def print_listen(self, format_str):\n        self.log_info(format_str)\n"


def _moves(index_for, pinned=SLIP):
    universe = {"waitressy": [{"version": v, "files": {"waitressy/__init__.py": "", "waitressy/server.py": b}}
                              for v, b in (("1.4.4", OLD), ("2.0.0", pinned), ("2.0.1", FIXED))]}
    index, target = index_for(universe, python="3.8")
    d = diagnose_paste(index, target, "waitressy==2.0.0\n", PASTE)
    return d, sorted((c.name, c.constraint) for c in d.culprits)


def test_the_slip_moves_to_the_nearest_releases_whose_class_binds_it(index_for):
    d, moves = _moves(index_for)
    assert d.verdict == "direct", d.summary
    assert moves == [("waitressy", "<=1.4.4"), ("waitressy", ">=2.0.1")], d.summary


def test_a_base_from_elsewhere_may_bind_it(index_for):
    d, moves = _moves(index_for, pinned="import asyncore\n\n\n" + SLIP.replace("class MultiSocketServer:",
                                                                               "class MultiSocketServer(asyncore.dispatcher):"))
    assert ("waitressy", ">=2.0.1") not in moves, d.summary
