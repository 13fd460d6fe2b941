"""Atomic file writes: readers see the old file or the new one, never a part of one.

Used by the artifacts (a CI job keeps the folder), the metadata cache and the
API-probe answers (shared by parallel processes): write a temporary file in
the same folder, then ``os.replace`` it into place.
"""

from __future__ import annotations

import os
import tempfile
from typing import Union

PathLike = Union[str, "os.PathLike[str]"]


def write_bytes_atomic(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating the folder; a failure leaves no temporary file."""
    path = os.fspath(path)
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text_atomic(path: PathLike, text: str) -> None:
    """UTF-8 text with ``\\n`` line ends, written atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))
