"""A move is narrowed into the range a pin of the stack declares for the moved pin under an extra.

Kludex/uvicorn#1275: uvicorn 0.14.0 calls ``websockets.legacy``, which websockets 8.1 lacks;
websockets 9.0 already has the module, but uvicorn's ``standard`` extra says ``websockets>=9.1``,
the range its authors tested.  pip never checked that extra (nobody asked for it), yet it is the
caller's own word on what works, so the move lands inside it.
"""
from tests.support.diagnose_crashes import diagnose_paste

PASTE = """Traceback (most recent call last):
  File "/venv/lib/python3.8/site-packages/uvicornx/protocols/ws.py", line 2, in process_request
    websocketsx.legacy.handshake.check_request(headers)
AttributeError: module 'websocketsx' has no attribute 'legacy'
"""
CALLER = "import websocketsx\ndef process_request(headers):\n    websocketsx.legacy.handshake.check_request(headers)\n"


def _universe(extra="standard", spec=">=9.1"):
    ws = []
    for v in ("8.1", "9.0", "9.1", "10.0"):
        files = {"websocketsx/__init__.py": "from . import legacy\n" if v >= "9" or v == "10.0" else ""}
        if v != "8.1":
            files["websocketsx/legacy/__init__.py"] = "from . import handshake\n"
            files["websocketsx/legacy/handshake.py"] = "def check_request(headers):\n    return headers\n"
        ws.append({"version": v, "files": files})
    return {"websocketsx": ws,
            "uvicornx": [{"version": "0.14.0", "requires_dist": [f'websocketsx{spec}; extra == "{extra}"'],
                          "files": {"uvicornx/__init__.py": "", "uvicornx/protocols/__init__.py": "",
                                    "uvicornx/protocols/ws.py": CALLER}}]}


def _moves(index_for, **kw):
    index, target = index_for(_universe(**kw), python="3.8")
    d = diagnose_paste(index, target, "uvicornx==0.14.0\nwebsocketsx==8.1\n", PASTE, keep=["uvicornx"])
    return d, [(c.name, c.constraint) for c in d.culprits if c.name == "websocketsx"]


def _admits(constraint, version):
    from packaging.specifiers import SpecifierSet

    return SpecifierSet(constraint).contains(version)


def test_the_move_lands_inside_the_callers_extra_range(index_for):
    d, moves = _moves(index_for)
    assert moves, d.summary
    assert all(not _admits(c, "9.0") and _admits(c, "9.1") for _, c in moves), moves
    assert any("'standard' extra" in e for c in d.culprits for e in c.evidence), d.culprits


def test_a_test_extra_says_nothing_of_what_users_run(index_for):
    d, moves = _moves(index_for, extra="test")
    assert moves and any(_admits(c, "9.0") for _, c in moves), moves


def test_an_extra_range_the_fix_cannot_meet_leaves_the_move_alone(index_for):
    # the extra asks for releases that do not exist: no narrowing into nothing
    d, moves = _moves(index_for, spec=">=11")
    assert moves and any(_admits(c, "9.0") for _, c in moves), moves
