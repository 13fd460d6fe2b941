"""Reading wheels and sdists without downloading (or executing) them whole.

A wheel is a zip whose central directory sits at the end, so one suffix-range
GET of the last 64 KiB usually holds both the directory and the small
``.dist-info`` members; a second GET fetches a member that lies further in.
When the host does not honour ranges, the transport hands back the whole file
(capped) and the same code reads it from memory.  Sdists have no index, so
they are downloaded (capped) and only PKG-INFO / egg-info files are read out.
Nothing from an archive is ever extracted to disk, imported or run.
"""

from __future__ import annotations

import hashlib
import io
import struct
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .transport import Transport

TAIL = 64 * 1024
MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024
MAX_ENTRIES = 200_000
COALESCE_GAP = 256 * 1024
INFLATE_SLICE = 256 * 1024  # compressed bytes fed to zlib at a time

_EOCD = struct.Struct("<4s4H2LH")
_EOCD64_LOC = struct.Struct("<4sLQL")
_EOCD64 = struct.Struct("<4sQ2H2L4Q")
_CDIR = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")


class BadArchive(Exception):
    """The file is not a readable wheel/sdist (corrupt, truncated, unexpected layout)."""


@dataclass
class Entry:
    name: str
    offset: int  # of the local header
    csize: int
    usize: int
    method: int
    crc: int
    flags: int
    extra_len: int


class RemoteZip:
    """A zip file at a URL, read in as few range requests as possible."""

    def __init__(self, transport: Transport, url: str, label: str, *, full_cap: int, sha256: Optional[str] = None, tail: Optional[int] = None):
        self.transport = transport
        self.url = url
        self.label = label  # filename, for messages
        self.full_cap = full_cap
        self.sha256 = sha256
        self.tail = tail or TAIL
        self.total = 0
        self._spans: List[Tuple[int, bytes]] = []
        self._entries: Optional[List[Entry]] = None

    # -- byte access ---------------------------------------------------
    def _accept(self, data: bytes, offset: int, total: int, ranged: bool) -> None:
        if not ranged:
            if self.sha256 and hashlib.sha256(data).hexdigest() != self.sha256:
                raise BadArchive(f"{self.label}: downloaded file does not match its sha256 (truncated or altered)")
            self._spans = [(0, data)]
        else:
            self._spans.append((offset, data))
        self.total = total

    def _have(self, start: int, length: int) -> Optional[bytes]:
        for off, data in self._spans:
            if off <= start and start + length <= off + len(data):
                return data[start - off : start - off + length]
        return None

    def read(self, start: int, length: int) -> bytes:
        if length <= 0:
            return b""
        got = self._have(start, length)
        if got is None:
            if start + length > self.total:
                raise BadArchive(f"{self.label}: zip structure points past the end of the file (corrupt)")
            self._accept(*self.transport.get_range(self.url, start, length, full_cap=self.full_cap))
            got = self._have(start, length)
            if got is None:
                raise BadArchive(f"{self.label}: could not read bytes {start}-{start + length - 1}")
        return got

    # -- central directory --------------------------------------------
    def entries(self) -> List[Entry]:
        if self._entries is None:
            self._entries = self._load_entries()
        return self._entries

    def _load_entries(self) -> List[Entry]:
        self._accept(*self.transport.get_range(self.url, None, self.tail, full_cap=self.full_cap))
        tail_off, tail = max(self._spans, key=lambda s: s[0] + len(s[1]))
        pos = tail.rfind(b"PK\x05\x06")
        while pos >= 0 and (pos + _EOCD.size > len(tail) or pos + _EOCD.size + _EOCD.unpack_from(tail, pos)[7] != len(tail)):
            pos = tail.rfind(b"PK\x05\x06", 0, pos)  # a signature inside the comment; keep looking
        if pos < 0:
            raise BadArchive(f"{self.label}: not a zip file (no end-of-central-directory record)")
        _, _, _, _, count, cd_size, cd_offset, _ = _EOCD.unpack_from(tail, pos)
        eocd_abs = tail_off + pos
        if count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
            loc = self.read(eocd_abs - _EOCD64_LOC.size, _EOCD64_LOC.size)
            sig, _, rec_off, _ = _EOCD64_LOC.unpack(loc)
            if sig != b"PK\x06\x07":
                raise BadArchive(f"{self.label}: broken zip64 locator")
            rec = _EOCD64.unpack(self.read(rec_off, _EOCD64.size))
            if rec[0] != b"PK\x06\x06":
                raise BadArchive(f"{self.label}: broken zip64 end record")
            count, cd_size, cd_offset = rec[7], rec[8], rec[9]
        if cd_size > MAX_CENTRAL_DIRECTORY or count > MAX_ENTRIES:
            raise BadArchive(
                f"{self.label}: central directory too large ({cd_size} bytes, {count} entries; limit "
                f"{MAX_CENTRAL_DIRECTORY} bytes, {MAX_ENTRIES} entries)"
            )
        if cd_offset + cd_size > eocd_abs:
            raise BadArchive(f"{self.label}: central directory overlaps its end record (corrupt or truncated)")
        cd = self.read(cd_offset, cd_size)
        return _parse_central_directory(cd, count, self.label)

    def names(self) -> List[str]:
        return [e.name for e in self.entries()]

    # -- members -------------------------------------------------------
    def read_entries(self, wanted: List[Entry], max_bytes: int) -> Dict[str, bytes]:
        """Read several members, coalescing nearby ones into one range request."""
        budget = max_bytes
        chosen = []
        for e in sorted(wanted, key=lambda e: e.offset):
            if e.usize > budget:
                continue
            budget -= e.usize
            chosen.append(e)
        # Prefetch groups of neighbouring members in one request each.
        group: List[Entry] = []
        for e in chosen + [None]:  # type: ignore[list-item]
            if group and (e is None or e.offset - _end(group[-1]) > COALESCE_GAP):
                start, end = group[0].offset, _end(group[-1])
                if self._have(start, end - start) is None and end <= self.total:
                    self._accept(*self.transport.get_range(self.url, start, end - start, full_cap=self.full_cap))
                group = []
            if e is not None:
                group.append(e)
        return {e.name: self.read_entry(e, max_bytes) for e in chosen}

    def read_entry(self, e: Entry, cap: int) -> bytes:
        """One member's bytes, refused when it would inflate past ``cap`` (a zip bomb costs nothing).

        The declared size is checked before anything is fetched; the data is
        inflated in slices with ``max_length`` so that a member lying about its
        size stops at the declared size, never at what the bomb would give.
        """
        if e.flags & 0x1:
            raise BadArchive(f"{self.label}: member {e.name} is encrypted")
        if e.usize > cap:
            raise BadArchive(f"{self.label}: member {e.name} inflates to {e.usize} bytes, over the {cap} byte cap")
        span = min(_end(e), self.total) - e.offset  # header, name, extra and data in one request
        if self._have(e.offset, span) is None and span > 0:
            self._accept(*self.transport.get_range(self.url, e.offset, span, full_cap=self.full_cap))
        head = self.read(e.offset, _LOCAL.size)
        sig, _, _, _, _, _, _, _, _, name_len, extra_len = _LOCAL.unpack(head)
        if sig != b"PK\x03\x04":
            raise BadArchive(f"{self.label}: bad local header for {e.name} (corrupt zip)")
        raw = self.read(e.offset + _LOCAL.size + name_len + extra_len, e.csize)
        if e.method == 0:
            data = raw
        elif e.method == 8:
            data = self._inflate(raw, e)
        else:
            raise BadArchive(f"{self.label}: member {e.name} uses unsupported compression {e.method}")
        if len(data) != e.usize or (zlib.crc32(data) & 0xFFFFFFFF) != e.crc:
            raise BadArchive(f"{self.label}: member {e.name} fails its CRC check (corrupt zip)")
        return data

    def _inflate(self, raw: bytes, e: Entry) -> bytes:
        d = zlib.decompressobj(-15)
        out: List[bytes] = []
        size = 0
        view = memoryview(raw)
        try:
            for i in range(0, len(raw), INFLATE_SLICE):
                pending: bytes = view[i : i + INFLATE_SLICE]  # type: ignore[assignment]
                while pending:
                    chunk = d.decompress(pending, e.usize + 1 - size)
                    size += len(chunk)
                    out.append(chunk)
                    if size > e.usize:
                        raise BadArchive(f"{self.label}: member {e.name} inflates past its declared {e.usize} bytes (corrupt or hostile zip)")
                    pending = d.unconsumed_tail
                if d.eof:
                    break
        except zlib.error:
            raise BadArchive(f"{self.label}: member {e.name} does not decompress (corrupt zip)") from None
        return b"".join(out)


def _end(e: Entry) -> int:
    # local header + name + extra (assume the central extra length) + data, plus slack for a longer local extra
    return e.offset + _LOCAL.size + len(e.name.encode("utf-8")) + e.extra_len + e.csize + 64


def _parse_central_directory(cd: bytes, count: int, label: str) -> List[Entry]:
    out: List[Entry] = []
    pos = 0
    while pos + _CDIR.size <= len(cd):
        (sig, _, _, flags, method, _, _, crc, csize, usize, name_len, extra_len, comment_len, _, _, _, offset) = _CDIR.unpack_from(cd, pos)
        if sig != b"PK\x01\x02":
            raise BadArchive(f"{label}: bad central directory entry (corrupt zip)")
        raw_name = cd[pos + _CDIR.size : pos + _CDIR.size + name_len]
        extra = cd[pos + _CDIR.size + name_len : pos + _CDIR.size + name_len + extra_len]
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        if 0xFFFFFFFF in (csize, usize, offset):
            usize, csize, offset = _zip64_extra(extra, usize, csize, offset)
        out.append(Entry(name, offset, csize, usize, method, crc, flags, extra_len))
        pos += _CDIR.size + name_len + extra_len + comment_len
    if len(out) != count and count != 0xFFFF:
        raise BadArchive(f"{label}: central directory lists {len(out)} of {count} entries (corrupt or truncated)")
    return out


def _zip64_extra(extra: bytes, usize: int, csize: int, offset: int) -> Tuple[int, int, int]:
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        if tag == 1:
            vals = list(struct.unpack_from(f"<{size // 8}Q", extra, i + 4))
            if usize == 0xFFFFFFFF and vals:
                usize = vals.pop(0)
            if csize == 0xFFFFFFFF and vals:
                csize = vals.pop(0)
            if offset == 0xFFFFFFFF and vals:
                offset = vals.pop(0)
            break
        i += 4 + size
    return usize, csize, offset


# -- wheel / sdist specifics ---------------------------------------------

def pick_metadata_member(names: List[str], project: str) -> Optional[str]:
    """The top-level ``*.dist-info/METADATA``; the one named after the project if several."""
    from packaging.utils import canonicalize_name

    cands = [n for n in names if n.count("/") == 1 and n.endswith(".dist-info/METADATA")]
    if not cands:
        return None
    want = canonicalize_name(project)
    for n in cands:
        stem = n.split("/")[0][: -len(".dist-info")]
        if canonicalize_name(stem.rsplit("-", 1)[0]) == want:
            return n
    return cands[0]


class SdistReader:
    """A downloaded sdist (bytes in memory): list and read members without extracting."""

    def __init__(self, data: bytes, filename: str):
        self.filename = filename
        self._zip: Optional[zipfile.ZipFile] = None
        self._tar: Optional[tarfile.TarFile] = None
        try:
            if filename.lower().endswith(".zip"):
                self._zip = zipfile.ZipFile(io.BytesIO(data))
            else:
                self._tar = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
                self._members = {m.name: m for m in self._tar.getmembers() if m.isfile()}
        except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, zlib.error) as exc:
            raise BadArchive(f"{filename}: not a readable archive ({type(exc).__name__})") from None

    def names(self) -> List[str]:
        if self._zip is not None:
            return [n for n in self._zip.namelist() if not n.endswith("/")]
        return list(self._members)

    def read(self, name: str, cap: int = 50 * 1024 * 1024) -> bytes:
        try:
            if self._zip is not None:
                with self._zip.open(name) as fh:
                    return fh.read(cap)
            fh = self._tar.extractfile(self._members[name])  # type: ignore[union-attr]
            return fh.read(cap) if fh else b""
        except (KeyError, zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, zlib.error) as exc:
            raise BadArchive(f"{self.filename}: cannot read {name} ({type(exc).__name__})") from None

    def read_selected(self, select: Callable[[str], bool], max_bytes: int) -> Dict[str, bytes]:
        out: Dict[str, bytes] = {}
        budget = max_bytes
        for n in self.names():
            if not select(n):
                continue
            data = self.read(n, budget + 1)
            if len(data) > budget:
                continue
            budget -= len(data)
            out[n] = data
        return out
