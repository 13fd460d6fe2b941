"""Credentials in URLs never reach output: one function every writer of text uses."""

from __future__ import annotations

import re

# Anchored on "://" with a lookbehind, so each character is scanned a bounded
# number of times (a scheme pattern like ``\w+://`` rescans a long word from
# every start: quadratic).  Up to the host's last "@": passwords may hold "@".
_CREDENTIALS = re.compile(r"(?<=://)[^/\s]*@")


def redact(text: str) -> str:
    """``https://user:pw@host/x`` anywhere in ``text`` -> ``https://***@host/x``."""
    return _CREDENTIALS.sub("***@", text)


_NETLOC = re.compile(r"(?<=://)\S+")


def redact_netlocs(text: str) -> str:
    """Everything after ``://`` up to whitespace hidden: ``https://tok:secret`` -> ``https://***``.

    For text that failed to parse (a requirement line pip cannot read): there,
    what is a host and what is a token cut from its ``@host`` cannot be told,
    and a secret may hold a "/" (AWS keys), so the whole rest of the URL goes.
    """
    return _NETLOC.sub("***", redact(text))
