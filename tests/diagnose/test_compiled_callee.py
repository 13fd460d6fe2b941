"""A TypeError in words no family knows, raised inside another pin's compiled module.

python-happybase/happybase#154: happybase 0.9's generated ``Hbase.py`` calls
``fastbinary.encode_binary(...)``; thrift 0.10.0's rewritten C++ ``fastbinary`` says
"expecting 5 arguments for typeargs to map".  No Python source says what changed, so the
upload dates decide: thrift's 0.10 series began after happybase 0.9 was released.
"""
from tests.support.diagnose_crashes import diagnose_paste

HBASE = ("from thrifty.protocol import TBinaryProtocol\ntry:\n    from thrifty.protocol import fastbinary\n"
         "except ImportError:\n    fastbinary = None\n\n\nclass Args:\n    def write(self, oprot):\n"
         "        oprot.trans.write(fastbinary.encode_binary(self, (self.__class__, self.thrift_spec)))\n")
PASTE = """Traceback (most recent call last):
  File "/srv/app/persist.py", line 11, in save
    args.write(proto)
  File "/srv/venv/lib/python2.7/site-packages/hbasey/hbase/Hbase.py", line 10, in write
    oprot.trans.write(fastbinary.encode_binary(self, (self.__class__, self.thrift_spec)))
exceptions.TypeError: expecting 5 arguments for typeargs to map
"""


def _universe(compiled=True, older_callee=False):
    def thrifty(version, when):
        files = {"thrifty/__init__.py": "", "thrifty/protocol/__init__.py": "",
                 "thrifty/protocol/TBinaryProtocol.py": "class TBinaryProtocol:\n    pass\n"}
        if compiled:
            files["thrifty/protocol/fastbinary.so"] = "ELF"
        else:
            files["thrifty/protocol/fastbinary.py"] = "def encode_binary(obj, spec):\n    raise TypeError('x')\n"
        return {"version": version, "upload_time": when, "files": files}
    return {
        "thrifty": [thrifty("0.9.3", "2015-10-01T00:00:00Z"),
                    thrifty("0.10.0", "2014-01-01T00:00:00Z" if older_callee else "2016-12-20T00:00:00Z")],
        "hbasey": [{"version": "0.9", "upload_time": "2015-04-01T00:00:00Z", "requires_dist": ["thrifty"],
                    "files": {"hbasey/__init__.py": "", "hbasey/hbase/__init__.py": "", "hbasey/hbase/Hbase.py": HBASE}},
                   {"version": "1.0", "upload_time": "2017-01-05T00:00:00Z", "requires_dist": ["thrifty"],
                    "files": {"hbasey/__init__.py": "", "hbasey/hbase/__init__.py": "", "hbasey/hbase/Hbase.py": HBASE}}],
    }


def _diagnose(index_for, universe):
    index, target = index_for(universe, python="2.7")
    return diagnose_paste(index, target, "hbasey==0.9\nthrifty==0.10.0\n", PASTE)


def test_the_compiled_callee_newer_than_its_caller_is_held_below_its_series(index_for):
    d = _diagnose(index_for, _universe())
    assert d.verdict == "transitive", d.summary
    moves = [(c.name, c.constraint) for c in d.culprits]
    assert moves[0] == ("thrifty", "<0.10.0")
    assert ("hbasey", ">=1.0") in moves
    assert "without Python source" in d.summary


def test_a_callee_with_python_source_is_not_read_this_way(index_for):
    d = _diagnose(index_for, _universe(compiled=False))
    assert "without Python source" not in d.summary


def test_a_callee_series_older_than_the_caller_is_no_answer(index_for):
    d = _diagnose(index_for, _universe(older_callee=True))
    assert not any(c.name == "thrifty" for c in d.culprits), d.summary
