"""Python 2 release files are read through a line-keeping rewrite (pymongo 2.9.5, mongoengine 0.9.0).

A target of Python 2.7 runs Python 2 code; the reader parses with today's grammar, so the
common Python 2 statements are rewritten into Python 3 ones with the same names, raises and
messages, and every line where it was.
"""
import ast

import pytest

from pytest_depfix.diagnose import pysource
from pytest_depfix.diagnose.pysource import parse_exact
from pytest_depfix.diagnose.py2syntax import reading_python2, without_python2


def parse_quietly(text):
    """The reader's parse with a Python 2 target (the rewrite is on only for one)."""
    with reading_python2(True):
        return pysource.parse_quietly(text)

PY2 = '''"""Docs: print this, 0777 and except A, e: stay as written."""
import os


class ConfigurationError(Exception):
    pass


def validate(value):
    if value is None:
\treturn 0777L
    try:
        os.chmod("x", 0644)
    except (OSError, IOError), exc:
        print "cannot chmod", `exc`
    except ValueError, (errno, msg):
        print >>sys.stderr, msg
    if value <> 1:
        raise ConfigurationError, "%r is not a read preference." % (value,)
    exec "x = 1" in {}
    return ur"\\d+"


def handler(self, (interface, avatar), other):
    return sorted(pairs, key=lambda (k, v): v)


def flush(async=False):
    return fsync(async=async)
'''


def test_python2_text_is_refused_as_it_is_and_read_through_the_rewrite():
    with pytest.raises(SyntaxError):
        parse_exact(PY2)
    tree = parse_quietly(PY2)
    names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert names == {"ConfigurationError", "validate", "handler", "flush"}


def test_every_line_stays_where_it_was():
    out = without_python2(PY2)
    assert out.count("\n") == PY2.count("\n")
    tree = parse_quietly(PY2)
    [raise_] = [n for n in ast.walk(tree) if isinstance(n, ast.Raise)]
    assert raise_.lineno == PY2.splitlines().index('        raise ConfigurationError, "%r is not a read preference." % (value,)') + 1


def test_a_python2_raise_keeps_its_class_and_message():
    [raise_] = [n for n in ast.walk(parse_quietly(PY2)) if isinstance(n, ast.Raise)]
    assert isinstance(raise_.exc, ast.Call) and raise_.exc.func.id == "ConfigurationError"
    assert raise_.exc.args[0].left.value == "%r is not a read preference."


def test_strings_and_comments_are_never_rewritten():
    out = without_python2(PY2)
    assert out.splitlines()[0] == PY2.splitlines()[0]  # the docstring's "print this, 0777 and except A, e:"
    text = 'x = "except A, e: print y 0777 <> `z`"  # print q, 0777\nprint x\n'
    assert without_python2(text) == 'x = "except A, e: print y 0777 <> `z`"  # print q, 0777\nprint, x\n'


@pytest.mark.parametrize("line, expected", [
    ("except KeyError, k:", "except KeyError as k:"),
    ("except (A, B), e:", "except (A, B) as e:"),
    ("except socket.error, (errno, msg):", "except socket.error as errno_msg:"),
    ("print 'x' % y", "print, 'x' % y"),
    ("print", "print"),
    ("print >>f, x", "print >>f, x"),
    ("if x: print x", "if x: print, x"),
    ("print in seq", "print in seq"),
    ("raise E, msg", "raise E(msg)"),
    ("raise exc_info[1], None, exc_info[2]", "raise exc_info[1](None, exc_info[2])"),
    ("mode = 0755", "mode = 0o755"),
    ("zero = 00", "zero = 00"),
    ("tiny = 1e-06", "tiny = 1e-06"),
    ("big = 10L + 0xFFL", "big = 10 + 0xFF"),
    ("s = `x`", "s = repr(x)"),
    ("if a <> b: pass", "if a != b: pass"),
    ("p = ur'\\d'", "p = r'\\d'"),
    ("def f(self, (a, b)): pass", "def f(self, a_b): pass"),
    ("def f((s, end), x): pass", "def f(s_end, x): pass"),
    ("f = lambda (k, v): v", "f = lambda k_v: v"),
    ("c.fsync(async=True)", "c.fsync(async_=True)"),
    ("async def go(): pass", "async def go(): pass"),
])
def test_each_python2_statement_reads_as_its_python3_spelling(line, expected):
    assert without_python2(line + "\n") == expected + "\n"


def test_a_raise_over_several_lines_is_closed_where_its_statement_ends():
    text = 'def f():\n    raise ValueError, ("a long "\n                       "message")\n    return 1\n'
    out = without_python2(text)
    assert out.count("\n") == text.count("\n")
    [raise_] = [n for n in ast.walk(ast.parse(out)) if isinstance(n, ast.Raise)]
    assert raise_.exc.func.id == "ValueError" and raise_.exc.args[0].value == "a long message"


def test_mixed_tab_indentation_reads_as_python2_did():
    text = "def f():\n        x = 1\n\treturn x\n"  # eight spaces, then a tab: one block to Python 2
    with pytest.raises(SyntaxError):
        parse_exact(text)
    assert [type(n).__name__ for n in parse_quietly(text).body[0].body] == ["Assign", "Return"]


def test_text_no_python_reads_is_still_refused():
    with pytest.raises(SyntaxError):
        parse_quietly("if True print('x')\n")
    assert without_python2('x = "never closed\n') == 'x = "never closed\n'


def test_for_a_python3_target_python2_text_stays_refused():
    # a module Python 3 refuses never imported on a Python 3 target: readers rely on that
    with pytest.raises(SyntaxError):
        pysource.parse_quietly(PY2)


def test_a_python2_async_parameter_keeps_its_name_in_the_tree():
    [flush] = [n for n in parse_quietly(PY2).body if isinstance(n, ast.FunctionDef) and n.name == "flush"]
    assert [a.arg for a in flush.args.args] == ["async"]


def test_a_tab_inside_a_string_is_not_indentation():
    text = 'def f():\n    print """usage:\n\tf x\n"""\n'
    [expr] = [n for n in ast.walk(parse_quietly(text)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert expr.value == "usage:\n\tf x\n"
