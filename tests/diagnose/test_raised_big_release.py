"""A pin's own refusal in a release too big to read whole: its package folder decides.

lucabaldini/ixpeobssim#631: matplotlib 3.6.0's ``figure.py`` raises "Unable to determine Axes
to steal space for Colorbar. ..."; 3.5.3 did not.  matplotlib is over the whole-release read
limit, so the earlier release's silence was never trusted.  Its refusing module's own folder,
read whole, is enough.
"""
from pytest_depfix.diagnose import raised
from tests.support.diagnose_crashes import diagnose_paste

MSG = ("Unable to determine Axes to steal space for Colorbar. Either provide the *cax* argument to use as the "
       "Axes for the Colorbar, provide the *ax* argument to steal space from it, or add *mappable* to an Axes.")
RAISES = f"def colorbar(mappable, cax=None, ax=None):\n    if cax is None and ax is None:\n        raise ValueError(\n            {MSG!r})\n"
SILENT = "def colorbar(mappable, cax=None, ax=None):\n    return mappable\n"
PASTE = ('Traceback (most recent call last):\n  File "tests/test_plot.py", line 3, in test_plot\n    plt.colorbar()\n'
         '  File "/venv/lib/python3.9/site-packages/mplx/figure.py", line 4, in colorbar\n'
         f"    raise ValueError(\nValueError: {MSG}\n")


def _universe():
    def files(body):
        extra = {f"mplx/sub{k}/m.py": "x = 1\n" for k in range(4)}
        return {"mplx/__init__.py": "", "mplx/figure.py": body, "mplx/axes.py": "y = 2\n", **extra}
    return {"mplx": [{"version": v, "files": files(b)} for v, b in (("3.5.2", SILENT), ("3.5.3", SILENT), ("3.6.0", RAISES))]}


def test_the_refusing_modules_folder_read_whole_stands_for_a_release_too_big(index_for, monkeypatch):
    monkeypatch.setattr(raised, "MAX_FILES", 2)  # every release here is "too big to read whole"
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "mplx==3.6.0\n", PASTE)
    assert ("mplx", "<=3.5.3") in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_folder_that_cannot_be_read_whole_proves_nothing(index_for, monkeypatch):
    monkeypatch.setattr(raised, "MAX_FILES", 2)
    monkeypatch.setattr(raised, "MAX_PACKAGE_MODULES", 1)
    index, target = index_for(_universe(), python="3.9")
    d = diagnose_paste(index, target, "mplx==3.6.0\n", PASTE)
    assert ("mplx", "<=3.5.3") not in [(c.name, c.constraint) for c in d.culprits], d.summary


def test_a_raise_helper_call_is_a_raise():
    # SQLAlchemy 1.3.14 raises its text-coercion error through util.raise_(...), not a raise statement
    text = ('def _no_text_coercion(element, exc_cls=ArgumentError, extra=None, err=None):\n'
            '    util.raise_(\n        exc_cls(\n            "%(extra)sTextual SQL expression %(expr)r should be "\n'
            '            "explicitly declared as text(%(expr)r)"\n            % {"expr": element, "extra": ""}\n'
            '        ),\n        replace_context=err,\n    )\n')
    msg = "Textual SQL expression 'SELECT 1' should be explicitly declared as text('SELECT 1')"
    assert raised.message_raised(text, msg) is not None
    assert raised.message_raised(text.replace("util.raise_(", "util.log_("), msg) is None
    six = 'import six\nsix.reraise(ValueError, ValueError("the frobnicator refused the widget"), None)\n'
    assert raised.message_raised(six, "the frobnicator refused the widget") is not None
