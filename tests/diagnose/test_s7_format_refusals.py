"""A refusal written as a format string is still the library's own words.

KerstenDoering/PubMedPortable#6: SQLAlchemy 1.3 raises "Textual SQL expression
'\\n SELECT ...' should be explicitly declared as text('\\n SELECT ...')" from
``"%(extra)sTextual SQL expression %(expr)r should be " "explicitly declared as
text(%(expr)r)" % {...}``; 1.2 only warned with the same words.  The pieces
between the fields spell the message; the filled-in SQL does not count.
"""
from pytest_depfix.diagnose.raised import message_raised
from pytest_depfix.diagnose.users import _shipped_modules

RAISES = '''
def _no_text_coercion(element, exc_cls=ArgumentError, extra=None):
    raise exc_cls(
        "%(extra)sTextual SQL expression %(expr)r should be "
        "explicitly declared as text(%(expr)r)"
        % {"expr": element, "extra": extra or ""}
    )
'''
WARNS = RAISES.replace("raise exc_cls(", "warn(")
MESSAGE = "Textual SQL expression '\\n SELECT \\n ...' should be explicitly declared as text('\\n SELECT \\n  ...')"


def test_the_pieces_between_the_fields_spell_the_message():
    assert message_raised(RAISES, MESSAGE) is not None
    assert message_raised(WARNS, MESSAGE) is None  # the same words, warned, are no refusal


def test_str_format_fields_split_the_same_way():
    text = 'def f(n):\n    raise ValueError("Unknown service: {name!r}. Valid service names are: {known}".format(name=n, known=1))\n'
    assert message_raised(text, "Unknown service: 'bedrock-runtime'. Valid service names are: s3, ec2") is not None


def test_a_message_the_constants_spell_too_little_of_is_not_theirs():
    text = 'def f(x):\n    raise ValueError("%s is %s" % (x, x))\n'
    assert message_raised(text, "the quick brown fox is a very quick brown fox indeed") is None


class _Tree:
    """A release listing as ReleaseTree gives it: an sdist's lib/ file under two import paths."""

    def __init__(self):
        self._map = {"sqlalchemy/sql/elements.py": "SQLAlchemy-1.2.19/lib/sqlalchemy/sql/elements.py",
                     "lib/sqlalchemy/sql/elements.py": "SQLAlchemy-1.2.19/lib/sqlalchemy/sql/elements.py",
                     "setup.py": "SQLAlchemy-1.2.19/setup.py",
                     "test/sql/test_text.py": "SQLAlchemy-1.2.19/test/sql/test_text.py"}

    def paths(self):
        return list(self._map)


def test_each_file_of_an_sdist_is_read_once_under_its_import_path():
    assert _shipped_modules(_Tree()) == ["sqlalchemy/sql/elements.py", "setup.py"]
