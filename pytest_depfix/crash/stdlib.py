"""Which top-level module names belong to the standard library of a TARGET Python.

A 3.7 traceback's ``distutils`` or ``imp`` frame is stdlib even though those
modules are gone from the Python running depfix, and ``tomllib`` is not stdlib
on 3.7 even though it is here.  ``sys.stdlib_module_names`` only exists on
3.10+ and only describes the running interpreter, so this module ships the
3.11 list plus what was removed and added around it.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Optional, Tuple

# sys.stdlib_module_names of CPython 3.11 (generated once; stable data).
_BASE_311 = frozenset(
    """
__future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootsubprocess _bz2 _codecs
_codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections
_collections_abc _compat_pickle _compression _contextvars _crypt _csv _ctypes _curses
_curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib _frozen_importlib_external
_functools _gdbm _hashlib _heapq _imp _io _json _locale _lsprof _lzma _markupbase _md5 _msi
_multibytecodec _multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem
_posixsubprocess _py_abc _pydecimal _pyio _queue _random _scproxy _sha1 _sha256 _sha3 _sha512
_signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string _strptime _struct
_symtable _thread _threading_local _tkinter _tokenize _tracemalloc _typing _uuid _warnings
_weakref _weakrefset _winapi _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio
asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb
chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser
contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal
difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp
fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib
grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress
itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math
mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path
numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil
platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc
pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched
secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket
socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string
stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib
tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace
traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid
venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile
zipimport zlib zoneinfo
    """.split()
)

# Removed from the standard library: name -> first version WITHOUT it.
# Python 3's renames of Python 2 modules (ConfigParser, Queue, SocketServer, ...).  The stdlib list keeps
# them for 2.7 targets as before (other readings rely on it); a reading asking whether a 2.7 install could
# have had the name from the standard library at all asks this set (future 0.15 installed a configparser).
PY3_RENAMES = frozenset({"configparser", "queue", "socketserver", "copyreg", "reprlib", "winreg", "_thread",
                         "builtins", "tkinter", "_dummy_thread", "_markupbase", "html", "http", "xmlrpc"})

REMOVED: Dict[str, Tuple[int, int]] = {
    # 3.13 (PEP 594)
    "aifc": (3, 13), "audioop": (3, 13), "cgi": (3, 13), "cgitb": (3, 13), "chunk": (3, 13),
    "crypt": (3, 13), "imghdr": (3, 13), "mailcap": (3, 13), "msilib": (3, 13), "nis": (3, 13),
    "nntplib": (3, 13), "ossaudiodev": (3, 13), "pipes": (3, 13), "sndhdr": (3, 13), "spwd": (3, 13),
    "sunau": (3, 13), "telnetlib": (3, 13), "uu": (3, 13), "xdrlib": (3, 13), "lib2to3": (3, 13),
    "_crypt": (3, 13), "_msi": (3, 13), "_bootsubprocess": (3, 12),
    # 3.12
    "asynchat": (3, 12), "asyncore": (3, 12), "distutils": (3, 12), "imp": (3, 12), "smtpd": (3, 12),
    # 3.11 and earlier
    "binhex": (3, 11), "formatter": (3, 10), "parser": (3, 10), "symbol": (3, 10),
    "_dummy_thread": (3, 9), "dummy_threading": (3, 9), "macpath": (3, 8),
    "_bootlocale": (3, 10), "macurl2path": (3, 7),
}

# Added to the standard library: name -> first version WITH it.
ADDED: Dict[str, Tuple[int, int]] = {
    "tomllib": (3, 11), "_tokenize": (3, 12), "_typing": (3, 9), "graphlib": (3, 9),
    "zoneinfo": (3, 9), "_zoneinfo": (3, 9), "contextvars": (3, 7), "_contextvars": (3, 7),
    "dataclasses": (3, 7), "importlib.resources": (3, 7), "_xxsubinterpreters": (3, 8),
    "_posixshmem": (3, 8), "_pydatetime": (3, 12), "_pylong": (3, 12), "_wmi": (3, 12),
    "secrets": (3, 6), "typing": (3, 5), "asyncio": (3, 4), "enum": (3, 4), "pathlib": (3, 4),
    "statistics": (3, 4), "selectors": (3, 4), "tracemalloc": (3, 4), "ensurepip": (3, 4),
    "ipaddress": (3, 3), "lzma": (3, 3), "venv": (3, 3), "faulthandler": (3, 3),
    "concurrent": (3, 2), "zipapp": (3, 5), "_opcode": (3, 4), "_interpreters": (3, 13),
    # Python 3 submodules of packages Python 2 also has (its "No module named mock" of
    # ``from unittest.mock import *`` on 2.7): the Python 3 layout, none of them in 2.7.
    "unittest.mock": (3, 3), "concurrent.futures": (3, 2), "urllib.parse": (3, 0), "urllib.request": (3, 0),
    "urllib.error": (3, 0), "urllib.response": (3, 0), "http.client": (3, 0), "http.server": (3, 0),
    "http.cookies": (3, 0), "http.cookiejar": (3, 0), "html.parser": (3, 0), "html.entities": (3, 0),
    "xmlrpc.client": (3, 0), "xmlrpc.server": (3, 0), "importlib.machinery": (3, 3), "importlib.util": (3, 3),
    "importlib.abc": (3, 1), "email.policy": (3, 3),
}

# Python 2 names that are not in the Python 3 library (renamed or dropped).
PY2_ONLY = frozenset(
    """
    __builtin__ exceptions SocketServer ConfigParser Queue urllib2 urlparse httplib cPickle StringIO
    cStringIO HTMLParser Tkinter tkMessageBox ttk commands sets md5 sha thread dummy_thread copy_reg
    repr UserDict UserList UserString SimpleHTTPServer BaseHTTPServer CGIHTTPServer Cookie cookielib
    htmlentitydefs robotparser xmlrpclib SimpleXMLRPCServer DocXMLRPCServer anydbm dbhash whichdb
    dumbdbm gdbm dbm mimetools rfc822 multifile popen2 new user hotshot markupbase sgmllib htmllib
    mhlib mimify MimeWriter imputil compiler statvfs fpformat dircache ihooks mutex posixfile
    rexec Bastion cPickle cProfile future_builtins imageop sunaudio toaiff audiodev bsddb dl
    """.split()
)


def stdlib_names(python: Optional[Tuple[int, ...]] = None) -> FrozenSet[str]:
    """Top-level stdlib module names for Python ``python`` (default: 3.11's list)."""
    version = tuple(python[:2]) if python else (3, 11)
    return _cached(version)  # type: ignore[arg-type]


_CACHE: Dict[Tuple[int, int], FrozenSet[str]] = {}


def _cached(version: Tuple[int, int]) -> FrozenSet[str]:
    hit = _CACHE.get(version)
    if hit is not None:
        return hit
    names = set(_BASE_311) | set(REMOVED)
    for name, gone in REMOVED.items():
        if version >= gone:
            names.discard(name)
    for name, since in ADDED.items():
        if version < since:
            names.discard(name.split(".")[0] if "." not in name else name)
        else:
            names.add(name.split(".")[0])
    if version[0] == 2:
        names |= PY2_ONLY
    _CACHE[version] = frozenset(names)
    return _CACHE[version]


def is_stdlib_module(module: str, python: Optional[Tuple[int, ...]] = None) -> bool:
    """Whether the dotted ``module`` is part of the standard library of ``python``."""
    top = module.split(".", 1)[0]
    return bool(top) and top in stdlib_names(python)
