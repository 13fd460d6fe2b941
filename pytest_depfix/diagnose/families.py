"""Error patterns -> a :class:`Signal`: which family a crash belongs to and what it names.

Each family of dependency breaks prints a recognisable message; this module
reads the message (and, where the message is terse, the source line of the
frame that raised) and extracts what the later steps need: the module and the
name that went missing, the function whose signature changed, the two sides of
an ABI mismatch, the requirement that a declared check refused, or the reason
no pin can help.  It knows nothing about versions: that is for the verdict.
"""

from __future__ import annotations

import ast as _ast
import builtins
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from packaging.version import InvalidVersion, Version

from ..crash.stdlib import ADDED as _STDLIB_MODULES_ADDED
from ..crash.stdlib import is_stdlib_module
from ..models import Crash, ExceptionRecord

IMPORT_NAME = "import-name"
ATTRIBUTE = "attribute"
SIGNATURE = "signature"
ABI = "abi"
DECLARED = "declared"
PYTHON_VERSION = "python-version"
ENVIRONMENT = "environment"
BUILD = "build"
UNKNOWN = "unknown"


@dataclass
class Signal:
    """What the error message says, before any version is looked at."""

    family: str
    exc_type: str
    message: str  # first line of the root exception's message
    module: Optional[str] = None  # dotted module the name was looked up in
    name: Optional[str] = None  # the missing attribute / name / keyword
    function: Optional[str] = None  # for signature changes: the callee as printed
    cls: Optional[str] = None  # for class/instance attributes: the class name
    extension: Optional[str] = None  # ABI: path or module of the compiled extension
    requirement: Optional[str] = None  # declared: the requirement refused ("foo>=2")
    found: Optional[Tuple[str, str]] = None  # declared: (dist, version) actually present
    required_by: Optional[str] = None  # declared: who required it
    python_removed: Optional[str] = None  # python-version: X.Y that removed the stdlib name
    advice: str = ""  # environment: what would fix it
    direction: Optional[str] = None  # ABI: "base-too-old" | "base-too-new" when the message says so
    detail: Dict[str, Any] = field(default_factory=dict)


# -- stdlib names removed by a Python release (module, name or None for the module) -> X.Y
STDLIB_REMOVED: Dict[Tuple[str, Optional[str]], str] = {
    ("time", "clock"): "3.8",
    ("platform", "linux_distribution"): "3.8",
    ("platform", "dist"): "3.8",
    ("cgi", "escape"): "3.8",
    ("fractions", "gcd"): "3.9",
    ("base64", "encodestring"): "3.9",
    ("base64", "decodestring"): "3.9",
    ("xml.etree", "cElementTree"): "3.9",
    ("xml.etree.cElementTree", None): "3.9",
    ("json", "loads_encoding"): "3.9",
    ("collections", "Mapping"): "3.10",
    ("collections", "MutableMapping"): "3.10",
    ("collections", "Sequence"): "3.10",
    ("collections", "MutableSequence"): "3.10",
    ("collections", "Iterable"): "3.10",
    ("collections", "Iterator"): "3.10",
    ("collections", "Callable"): "3.10",
    ("collections", "Set"): "3.10",
    ("collections", "MutableSet"): "3.10",
    ("collections", "Hashable"): "3.10",
    ("collections", "Sized"): "3.10",
    ("collections", "Container"): "3.10",
    ("collections", "OrderedDict_"): "3.10",
    ("asyncio", "coroutine"): "3.11",
    ("inspect", "getargspec"): "3.11",
    ("inspect", "formatargspec"): "3.11",
    ("binascii", "b2a_hqx"): "3.11",
    ("gettext", "lgettext"): "3.11",
    ("distutils", None): "3.12",
    ("imp", None): "3.12",
    ("asynchat", None): "3.12",
    ("asyncore", None): "3.12",
    ("smtpd", None): "3.12",
    ("pkgutil", "ImpImporter"): "3.12",
    ("configparser", "SafeConfigParser"): "3.12",
    ("ssl", "wrap_socket"): "3.12",
    ("ssl", "match_hostname"): "3.12",
    ("locale", "format"): "3.12",
    # What's New in Python 3.12: "Remove many long-deprecated unittest features" (_TextTestResult among them);
    # 3.13: "Remove ... unittest.findTestCases(), makeSuite() and getTestCaseNames()".
    ("unittest", "_TextTestResult"): "3.12",
    ("unittest", "findTestCases"): "3.13",
    ("unittest", "makeSuite"): "3.13",
    ("unittest", "getTestCaseNames"): "3.13",
    ("cgi", None): "3.13",
    ("cgitb", None): "3.13",
    ("pipes", None): "3.13",
    ("crypt", None): "3.13",
    ("imghdr", None): "3.13",
    ("sndhdr", None): "3.13",
    ("telnetlib", None): "3.13",
    ("nntplib", None): "3.13",
    ("uu", None): "3.13",
    ("xdrlib", None): "3.13",
    ("aifc", None): "3.13",
    ("audioop", None): "3.13",
    ("chunk", None): "3.13",
    ("mailcap", None): "3.13",
    ("msilib", None): "3.13",
    ("nis", None): "3.13",
    ("ossaudiodev", None): "3.13",
    ("spwd", None): "3.13",
    ("sunau", None): "3.13",
    ("lib2to3", None): "3.13",
    # What's New in Python 3.14: "Remove the following classes from ast, deprecated since 3.8: Bytes, Ellipsis,
    # NameConstant, Num, Str"
    ("ast", "Num"): "3.14",
    ("ast", "Str"): "3.14",
    ("ast", "Bytes"): "3.14",
    ("ast", "NameConstant"): "3.14",
    ("ast", "Ellipsis"): "3.14",
    ("typing", "io"): "3.13",
    ("typing", "re"): "3.13",
}
# instance/class attributes removed from the stdlib: (class, name) -> X.Y
STDLIB_ATTR_REMOVED: Dict[Tuple[str, str], str] = {
    ("Thread", "isAlive"): "3.9",
    ("array.array", "tostring"): "3.9",
    ("array", "fromstring"): "3.9",
    ("ElementTree", "getiterator"): "3.9",
    ("Element", "getchildren"): "3.9",
    ("Element", "getiterator"): "3.9",
    ("HTMLParser", "unescape"): "3.9",
    # What's New in Python 3.12: "configparser.ConfigParser.readfp() removed (use read_file())"
    ("RawConfigParser", "readfp"): "3.12",
    # 3.12 also removed the TestCase method aliases deprecated since 3.2
    ("TestCase", "assertEquals"): "3.12",
    ("TestCase", "assertNotEquals"): "3.12",
    ("TestCase", "assertRegexpMatches"): "3.12",
    ("TestCase", "assertDictContainsSubset"): "3.12",
    ("TestCase", "failUnless"): "3.12",
    ("TestCase", "failIf"): "3.12",
    ("TestCase", "assert_"): "3.12",
    ("ConfigParser", "readfp"): "3.12",
}


def _stdlib_attr_removed(cls: str, name: str) -> Optional[str]:
    """The Python that removed ``cls.name``; a library's subclass named after the stdlib class counts.

    bugwarrior's ``BugwarriorConfigParser`` is a ``ConfigParser``: "'BugwarriorConfigParser'
    object has no attribute 'readfp'" on 3.12 is the stdlib's removal, not bugwarrior's.
    """
    if (cls, name) in STDLIB_ATTR_REMOVED:
        return STDLIB_ATTR_REMOVED[(cls, name)]
    if "." in cls and is_stdlib_module(cls):
        # Python 3.9+ prints the class's module: 'xml.etree.ElementTree.Element' object has no attribute 'getiterator'
        short = cls.rsplit(".", 1)[-1]
        if (short, name) in STDLIB_ATTR_REMOVED:
            return STDLIB_ATTR_REMOVED[(short, name)]
    for (base, attr), removed in STDLIB_ATTR_REMOVED.items():
        if attr == name and len(base) >= 8 and cls.endswith(base):
            return removed
    return None

# keyword arguments removed from stdlib callables: (top module of the raising frame, keyword) -> X.Y
# Sources: What's New in Python 3.9 ("encoding" of json.loads(), deprecated since 3.1, removed) and
# 3.10 (the "loop" parameter of asyncio's high-level API, removed).
STDLIB_KEYWORD_REMOVED: Dict[Tuple[str, str], str] = {
    ("json", "encoding"): "3.9",
    ("asyncio", "loop"): "3.10",
}
_STDLIB_FILE = re.compile(r"[\\/]lib[\\/]python\d+(?:\.\d+)?[\\/]([A-Za-z_]\w*)(?:[\\/]|\.py\b)|[\\/]Lib[\\/]([A-Za-z_]\w*)(?:[\\/]|\.py\b)")


# -- stdlib names added by a Python release (module, name or None for the module) -> X.Y ----
# A target older than that release cannot import them: the caller needs a release that
# supports the target (typing_extensions, a version branch) or the target a newer Python.
# Source: the "Added in version X.Y" notes of https://docs.python.org/3/library/ .
STDLIB_ADDED: Dict[Tuple[str, Optional[str]], str] = {
    **{("typing", n): "3.8" for n in ("Literal", "Final", "final", "Protocol", "TypedDict", "runtime_checkable",
                                       "SupportsIndex", "get_origin", "get_args")},
    ("typing", "OrderedDict"): "3.7.2",  # a micro release: 3.7.0 and 3.7.1 lack it
    ("typing", "Annotated"): "3.9",
    **{("typing", n): "3.10" for n in ("TypeAlias", "ParamSpec", "ParamSpecArgs", "ParamSpecKwargs", "Concatenate",
                                        "TypeGuard", "is_typeddict")},
    **{("typing", n): "3.11" for n in ("Self", "LiteralString", "Never", "assert_never", "assert_type", "reveal_type",
                                        "Required", "NotRequired", "Unpack", "TypeVarTuple", "dataclass_transform")},
    **{("typing", n): "3.12" for n in ("override", "TypeAliasType", "get_original_bases")},
    **{("typing", n): "3.13" for n in ("ReadOnly", "TypeIs", "NoDefault", "get_protocol_members", "is_protocol")},
    ("functools", "cached_property"): "3.8", ("functools", "cache"): "3.9",
    **{("math", n): "3.8" for n in ("prod", "isqrt", "dist", "comb", "perm")},
    ("math", "lcm"): "3.9", ("math", "nextafter"): "3.9",
    ("importlib", "metadata"): "3.8", ("importlib.metadata", None): "3.8", ("importlib.resources", "files"): "3.9",
    ("zoneinfo", None): "3.9", ("graphlib", None): "3.9", ("tomllib", None): "3.11",
    ("dataclasses", None): "3.7", ("contextvars", None): "3.7",
    ("contextlib", "nullcontext"): "3.7", ("contextlib", "asynccontextmanager"): "3.7",
    ("contextlib", "aclosing"): "3.10", ("contextlib", "chdir"): "3.11",
    ("itertools", "pairwise"): "3.10", ("itertools", "batched"): "3.12",
    ("statistics", "fmean"): "3.8", ("statistics", "correlation"): "3.10",
    ("asyncio", "run"): "3.7", ("asyncio", "create_task"): "3.7", ("asyncio", "to_thread"): "3.9",
    ("asyncio", "get_running_loop"): "3.7", ("asyncio", "current_task"): "3.7", ("asyncio", "all_tasks"): "3.7",
    ("importlib", "resources"): "3.7", ("importlib.resources", None): "3.7", ("time", "time_ns"): "3.7",
    ("time", "perf_counter_ns"): "3.7", ("math", "remainder"): "3.7",
    ("asyncio", "TaskGroup"): "3.11", ("asyncio", "timeout"): "3.11", ("asyncio", "Runner"): "3.11",
    ("enum", "StrEnum"): "3.11", ("datetime", "UTC"): "3.11", ("shlex", "join"): "3.8",
}
STDLIB_ATTR_ADDED: Dict[Tuple[str, str], str] = {
    ("str", "removeprefix"): "3.9", ("str", "removesuffix"): "3.9", ("bytes", "removeprefix"): "3.9",
    ("int", "bit_count"): "3.10",
}


# What's New in Python 3.8 (ast): "AST nodes now have end_lineno and end_col_offset attributes."
_AST_NODES = frozenset(n for n, o in vars(_ast).items() if isinstance(o, type) and issubclass(o, _ast.AST))


def _ast_position_added(cls: str, attr: str) -> Optional[str]:
    """"3.8" for an ast node's end position ('ImportFrom' object has no attribute 'end_lineno' on 3.7)."""
    short = cls.rsplit(".", 1)[-1]
    if attr in ("end_lineno", "end_col_offset") and short in _AST_NODES and (cls == short or cls.startswith(("ast.", "_ast."))):
        return "3.8"
    return None


def stdlib_added(module: str, name: Optional[str]) -> Optional[str]:
    """The Python X.Y that added ``module.name`` (or the module itself), if known."""
    if (module, name) in STDLIB_ADDED:
        return STDLIB_ADDED[(module, name)]
    if name is None or (module, None) in STDLIB_ADDED:
        found = STDLIB_ADDED.get((module, None))
        if found is None and name is None and module in _STDLIB_MODULES_ADDED:
            # a whole module (typing on 3.4): the standard library's own table of additions
            found = ".".join(map(str, _STDLIB_MODULES_ADDED[module]))
        return found
    return None


# -- environment: no pin of the set can fix these; advice says what would ------------------
# Extension modules of CPython's own standard library (their DLLs come with the Python installation).
STDLIB_DLL_MODULES = (r"(?:_ssl|_hashlib|_ctypes|_sqlite3|_socket|pyexpat|_bz2|_lzma|_tkinter|_decimal|_elementtree|"
                      r"_asyncio|_multiprocessing|_overlapped|_uuid|_queue|select|unicodedata|_zoneinfo)")
# Windows' ERROR_DLL_INIT_FAILED (1114): a DLL's start-up code refused to run, in the languages Windows prints it in.
DLL_INIT_FAILED = (r"\[WinError 1114\]|(?i:(?:dynamic link library \(DLL\)|DLL) initiali[sz]ation routine failed)|"
                   r"动态链接库\s*\(DLL\)\s*初始化例程失败|動態連結程式庫\s*\(DLL\)\s*初始化例行程序失敗|"
                   r"DLL-Initialisierungsroutine ist fehlgeschlagen|routine d'initialisation d'une biblioth[eè]que|"
                   r"rutina de inicializaci[oó]n de (?:la )?biblioteca|\(DLL\)\s*初期化ルーチン|"
                   r"инициализации библиотеки динамической компоновки|DLL\(동적 연결 라이브러리\) 초기화 루틴")
_ENV_PATTERNS: List[Tuple[str, str]] = [
    (r"CUDNN_STATUS_(NOT_INITIALIZED|ARCH_MISMATCH|EXECUTION_FAILED|INTERNAL_ERROR|NOT_SUPPORTED|ALLOC_FAILED|MAPPING_ERROR)",
     "cuDNN could not run on this GPU with this build: the installed wheel's CUDA/cuDNN build does not match the "
     "GPU or driver. Install a build made for your CUDA version (a local build label such as +cu111 from the "
     "vendor's wheel index still satisfies the same ==X.Y.Z pin under PEP 440), or update the driver."),
    (r"no kernel image is available for execution on the device",
     "the installed build was not compiled for this GPU's compute capability: install a build for your GPU "
     "(a local build label such as +cu118 keeps the same ==X.Y.Z pin under PEP 440)."),
    (r"(CUDA driver version is insufficient|NVIDIA driver on your system is too old|driver version is insufficient|"
     r"Found no NVIDIA driver|CUDA driver initialization failed|no CUDA-capable device is detected)",
     "the GPU driver is missing or older than the CUDA build of the installed wheel: update the driver or install "
     "a build for an older CUDA (a local build label keeps the same pin)."),
    (r"Torch not compiled with CUDA enabled|AssertionError: Torch not compiled with CUDA",
     "the installed torch is a CPU-only build: install the CUDA build of the same version (e.g. ==X.Y.Z+cu121 from "
     "the PyTorch wheel index; PEP 440 lets it satisfy the ==X.Y.Z pin)."),
    (r"(CUDA out of memory|OutOfMemoryError|out of memory|Cannot allocate memory|MemoryError|std::bad_alloc)",
     "the process ran out of memory: reduce the batch or input size or use a larger machine; versions are not the cause."),
    (r"Illegal instruction|illegal hardware instruction|SIGILL",
     "the binary uses CPU instructions this machine lacks (e.g. AVX): use a build for this CPU or another machine."),
    (r"GLIBC(XX)?_[\d.]+' not found|version `GLIBC",
     "a compiled library needs a newer C library than the system has: use a newer system image, or a build for the "
     "older glibc."),
    (r"(?<![\w.+-])(lib[\w.+-]*\.so(\.\d+)*|[\w.-]+\.dll): cannot open shared object file",
     "a system library is missing: install it with the system package manager (e.g. libGL.so.1 comes with "
     "libgl1 / mesa-libGL), or use a headless build where one exists."),
    (r"Library not loaded: ", "a system library is missing: install it (e.g. with Homebrew)."),
    (r"symbol not found in flat namespace '_(?!Py|_Py|_Z)",
     "a compiled module needs a symbol that the system library it was built against no longer provides (macOS "
     "dlopen): reinstall or rebuild that library (e.g. brew reinstall) or rebuild the package against it."),
    (r"DLL load failed(?: while importing \w+)?: The specified module could not be found",
     "a DLL that a compiled module needs could not be found on this machine: usually the Microsoft Visual C++ "
     "runtime, a partial or broken install, or a PATH/virtualenv problem. Reinstall in a fresh environment or "
     "install the VC++ redistributable; the pinned versions are not the cause unless a release is known to ship a "
     "broken DLL (those are in the knowledge base)."),
    (DLL_INIT_FAILED,
     "a DLL's start-up code failed on this machine (Windows error 1114): most often the Microsoft Visual C++ "
     "runtime is missing or older than the one the wheel was built with (a conda environment can carry an old "
     "one), or the CPU lacks instructions the build needs. Install the current VC++ redistributable (into the "
     "conda environment too). No pin is the cause; where the runtime cannot be updated, an earlier release built "
     "with an older toolchain may load (onnx 1.16.1 after 1.16.2, reported in CVHub520/X-AnyLabeling#564)."),
    (r"\[WinError 193\]|is not a valid Win32 application",
     "a DLL or extension module was built for another architecture (32- vs 64-bit) than this Python, usually "
     "because two installs mix (a user site-packages, another Python's folder on PATH): reinstall the package into "
     "this interpreter's own environment; the pinned versions are not the cause."),
    (r"DLL load failed while importing " + STDLIB_DLL_MODULES + r"\b",
     "a module of Python's own standard library could not load its DLL (e.g. OpenSSL's libssl/libcrypto for _ssl): "
     "the Python installation or a frozen app's bundle is incomplete, or another Python's DLLs come first on PATH. "
     "Repair or reinstall Python (or rebuild the bundle); no package pin is involved."),
    (r'no library called "[^"\n]+" was found|cannot load library \'[^\'\n]+\'',
     "cffi could not load a system library (e.g. cairo for cairocffi/cairosvg): install it with the system package "
     "manager, or on Windows a GTK/cairo build of the same bitness as Python, on the DLL search path."),
    (r"\b(\w+ )?library not found\b|[Cc]ould not find (the )?(\w+ )?library|[Uu]nable to (find|load) (the )?(\w+ )?library",
     "a system library that a package loads at run time is missing: install it with the system package manager "
     "(e.g. libsndfile1 for soundfile)."),
    (r"(Microsoft Visual C\+\+ [\d.]+ or greater is required|error: command '.*(gcc|cl\.exe|clang)' failed|"
     r"Python\.h: No such file or directory|nvcc (was )?not found|CUDA_HOME environment variable is not set)",
     "a build tool or header is missing on this machine: install the compiler/headers, or choose versions that "
     "ship a wheel for the target."),
    (r"CUDA error: (device-side assert triggered|an illegal memory access|unspecified launch failure|misaligned address)",
     "a GPU kernel failed at run time (usually a bug or bad input such as an out-of-range index), not a version "
     "mismatch: rerun with CUDA_LAUNCH_BLOCKING=1 to find the operation."),
    (r"bad magic number in '[\w.]+'|RuntimeError: Bad magic number in \.pyc file",
     "a .pyc compiled by another Python version is imported instead of the module (a stray .pyc in the working "
     "directory, or a stale __pycache__ after a Python upgrade): delete it; no package pin is involved."),
    (r"\[E050\] Can't find model '[^'\n]+'\. It doesn't seem to be a shortcut link, a Python package or a valid path"
     r"|Resource\s+\S+\s+not found\.\s+Please use the NLTK Downloader",
     "a model or data package the library loads at run time is not installed (spaCy models such as en_core_web_sm "
     "are installed with 'python -m spacy download', NLTK data with nltk.download()): install it; no pin is the "
     "cause. spaCy 3 no longer resolves shortcut names such as 'en' (error E941): load the full package name."),
    (r"SSL: CERTIFICATE_VERIFY_FAILED|certificate verify failed",
     "the machine's certificate store cannot verify the server: fix the certificates or proxy settings."),
    # Redis answers a command it does not know (XREVRANGE before Redis 5.0, GETDEL before 6.2) with
    # "ERR unknown command 'X'": the client library's version is not at fault, the server's is.
    (r"unknown command '[A-Z][A-Z_]{2,40}'",
     "the Redis server does not accept this command: it is older than the command (see the command's 'Available "
     "since' on redis.io), or a managed server disabled or renamed it; no pin of the Python set changes the server."),
    (r"Killed\s*$|Segmentation fault|core dumped",
     "the process was killed by the system (memory or a crash in native code); nothing in the message points at a pin."),
]

# -- ABI messages -----------------------------------------------------------------------------
_TORCH_OPERATOR = re.compile(r"operator (torchvision|torchaudio)::(\w+) does not exist")
_ABI_NUMPY2 = re.compile(r"compiled using NumPy 1\.x cannot be run in\s+NumPy 2|_ARRAY_API not found|"
                         r"numpy\.core\.multiarray failed to import|numpy\.core\._multiarray_umath failed to import")
_ABI_API_VERSION = re.compile(r"module compiled against (?:ABI|API) version (0x[0-9a-fA-F]+) but this version of numpy is (0x[0-9a-fA-F]+)")
# Cython's struct-size check; before Cython 0.28 it said "X has the wrong size, try recompiling. Expected 80, got 72".
_ABI_SIZE = re.compile(r"(?<![\w.])([\w.]+) (?:size changed, may indicate binary incompatibility\. Expected (\d+) from C header, "
                       r"got (\d+) from PyObject|has the wrong size, try recompiling\. Expected (\d+), got (\d+))")
_ABI_SYMBOL = re.compile(r"(?:(?<!\S)(/[^\s:]+|[A-Za-z]:\\[^:]+\.pyd|\S+\.so[\w.]*)\s*:\s*)?undefined symbol: (\S+)")
# macOS: "dlopen(/x/_message.cpython-310-darwin.so, 0x0002): symbol not found in flat namespace (__ZN6google...)"
_ABI_SYMBOL_MAC = re.compile(r"dlopen\(([^,()]{1,1000}), [\dx]+\): (?:[Ss]ymbol not found: |symbol not found in flat "
                             r"namespace \(?'?)([\w$.]{2,500})")
# xFormers' own warning when its C++/CUDA extensions do not load: the torch it was built for, and the one running.
_ABI_BUILT_FOR = re.compile(r"\b(\w+) was built for:\s+PyTorch ([\w.+]+)[^\n(]*\(you have ([\w.+]+)\)")
_ABI_DLL = re.compile(r"DLL load failed|The specified procedure could not be found")

_BUILD = re.compile(r"Failed building wheel for|Could not build wheels for|Failed to build|"
                    r"Microsoft Visual C\+\+ [\d.]+ or greater is required|Python\.h: No such file|"
                    r"error: command '.*(gcc|cl\.exe|clang)' failed|subprocess-exited-with-error|metadata-generation-failed|"
                    r"Command errored out with exit status \d+")
_IN_BUILD_ENV = re.compile(r"[/\\]pip-build-env-[^/\\]+[/\\]|[/\\]pip-install-[^/\\]+[/\\]|[/\\]pip-req-build-[^/\\]+[/\\]")
# Which source distribution pip was building: "Using cached setoptconf-0.2.0.tar.gz (13 kB)",
# "Downloading https://.../PyYAML-5.4.1.tar.gz", "Building wheel for pyyaml (pyproject.toml)".
_SDIST_FILE = re.compile(r"(?:Using cached|Downloading|Processing)\s+(?:\S*/)?([A-Za-z0-9][A-Za-z0-9._]*?)-(\d[\w.!+]*?)\.(?:tar\.gz|zip|tar\.bz2)\b")
_SDIST_BUILDING = re.compile(r"(?:Failed building wheel for|Building wheel for|Getting requirements to build wheel for|"
                             r"Preparing metadata \(setup\.py\) for) ([A-Za-z0-9][\w.-]*)")
# A library's own ImportError for a name it gave away: "`BaseSettings` has been moved to the `pydantic-settings`
# package", "`pydantic.generics:GenericModel` has been moved to `pydantic.BaseModel`" (pydantic 2's migration errors).
_MOVED_OUT = re.compile(r"`?([A-Za-z_][\w.]{0,200}(?::[A-Za-z_]\w{0,100})?)`? has been (?:moved|renamed) to "
                        r"(?:the )?`?([\w.:-]{1,200})`?")
_IMPORT_FROM = re.compile(r"cannot import name '?([\w.]+)'? from '([\w.]+)'(?: \(([^)]*)\))?")
_IMPORT_FROM_PARTIAL = re.compile(r"cannot import name '?([\w.]+)'? from partially initialized module '([\w.]+)'")
# Retyped or OCR'd from a screenshot: curly or mismatched quotes, a line break after "name",
# an underscore read as a space ("parse rule" for parse_rule), no space before the path.
_Q = "[\"'\u2018\u2019\u201c\u201d`]"
_IMPORT_FROM_LOOSE = re.compile(rf"cannot import name\s*{_Q}?(\w{{1,80}}(?: \w{{1,80}}){{0,2}}){_Q}?\s+from\s+{_Q}?"
                                rf"(\w{{1,80}}(?:\. ?\w{{1,80}}){{0,8}}){_Q}?\s*(?:\(([^)]{{0,1000}})\))?\s*$")
_IMPORT_BARE = re.compile(r"cannot import name '?([\w.]+)'?")
_NO_MODULE = re.compile(r"No module named '?([\w.]+)'?")
_MODULE_ATTR = re.compile(r"[Mm]odule '([\w.]+)' has no attribute '(\w+)(?:'|\s*$)")  # a paste may lose the last quote  # "Module": a retyped message
# CPython 3.10's asyncio refusing a removed parameter: "As of 3.10, the *loop* parameter was removed
# from Event() since it is no longer necessary" (asyncio/mixins.py).
ASYNCIO_LOOP_REMOVED = re.compile(r"As of 3\.10, the \*loop\* parameter was removed from (\w+)\(\)")
# OmegaConf's refusal of a key its structured config's dataclass does not declare (raised as
# ConfigAttributeError, an AttributeError, or ConfigKeyError): "Key 'chdir' not in 'JobConf'".
OMEGACONF_KEY = re.compile(r"^Key '(\w+)' not in '([A-Za-z_]\w*)'")
# Bokeh's HasProps.__setattr__: "unexpected attribute 'plot_width' to figure, similar attributes are ..."
BOKEH_ATTR = re.compile(r"^unexpected attribute '(\w+)' to ([A-Za-z_]\w*)\b")
# Jinja2's Undefined: a template read an attribute the object lacks; a non-builtin object is named by
# module and class ("'Crypto.PublicKey.RSA.RsaKey object' has no attribute 'dq'"), a builtin bare ('dict object').
JINJA_UNDEFINED_ATTR = re.compile(r"'((?:[A-Za-z_]\w{0,100}\.){1,10})([A-Za-z_]\w{0,100}) object' has no attribute '(\w+)'")
_TYPE_ATTR = re.compile(r"type object '([\w.]+)' has no attribute '(\w+)(?:'|\s*$)")  # (a lost last quote, as _MODULE_ATTR)
# Python 2 said "Values instance has no attribute 'tab_width'" of an old-style class's instance
_OBJ_ATTR = re.compile(r"'([\w.]+)' object has no attribute '(\w+)(?:'|\s*$)|^([\w.]+) instance has no attribute '(\w+)'"
                       # a library's own __getattr__ without quotes: "RobertaTokenizerFast has no attribute _bos_token"
                       r"|^([A-Z]\w*) has no attribute (_*[a-z]\w*)$")
# Type syntax evaluated on a Python that lacks it: 'X | None' before 3.10, 'list[int]' before 3.9.
_TYPE_OPERANDS = (r"(?:type|NoneType|types\.GenericAlias|types\.UnionType|(?:typing\.)?_\w*(?:GenericAlias|SpecialForm|Union\w*)"
                  r"|ForwardRef|TypeVar|\w{0,60}Meta(?:class)?)")  # ABCMeta, EnumMeta, ModelMetaclass: classes are types
_PEP604 = re.compile(rf"unsupported operand type\(s\) for \|: '{_TYPE_OPERANDS}' and '(?:{_TYPE_OPERANDS}|str)'"
                     rf"|unsupported operand type\(s\) for \|: 'str' and '{_TYPE_OPERANDS}'")
_PEP585 = re.compile(r"'(?:type|ABCMeta)' object is not subscriptable")
# "with abstract methods load, save" (Python <= 3.11), "without an implementation for abstract
# methods 'load', 'save'" (3.12+).
_ABSTRACT = re.compile(r"Can't instantiate abstract class (\w+) (?:with abstract methods? (\w+(?:, \w+){0,40})"
                       r"|without an implementation for abstract methods? ('\w+'(?:, '\w+'){0,40}))")
_FUTURE_ANNOTATIONS = re.compile(r"\bfuture feature annotations is not defined")
# (a paste may lose the closing quote at its very end: "... keyword argument 'proxies")
_SIG_KW = re.compile(r"(?<![\w.<>])([\w.<>]+)\(\) got an unexpected keyword argument '(\w+)(?:'|(?=\s*\Z))")
_SIG_KW_BARE = re.compile(r"(?:TypeError: )?got an unexpected keyword argument '(\w+)'")
_SIG_MISSING = re.compile(r"(?<![\w.<>])([\w.<>]+)\(\) missing (\d+) required (?:positional|keyword-only) arguments?: (.+)")
_SIG_TAKES = re.compile(r"(?<![\w.<>])([\w.<>]+)\(\) takes (?:from \d+ to )?(\d+) positional arguments? but (\d+) "
                        r"(?:positional arguments? )?(?:\(and \d+ keyword-only arguments?\) )?(?:were|was) given")
_SIG_MULTI = re.compile(r"(?<![\w.<>])([\w.<>]+)\(\) got multiple values for argument '(\w+)'")
# Python 2: "_convert_to_request_dict() takes exactly 3 arguments (4 given)" (self counted on both sides)
_SIG_TORCHSCRIPT = re.compile(r"(?<![\w.])([\w.]+)\(\) expected at most (\d+) argument\(s\) but received (\d+) argument\(s\)")
_SIG_TAKES_PY2 = re.compile(r"(?<![\w.<>])([\w.<>]+)\(\) takes (?:exactly|at most) (\d+) (?:positional )?arguments? \((\d+) given\)")
def _call_arguments(source: Optional[str], name: str) -> Tuple[int, List[str]]:
    """(positional count, keyword names) of the call to ``name`` on a printed line, (0, []) when unreadable."""
    import ast

    text = (source or "").strip()
    if not text or len(text) > 2000:
        return 0, []
    for candidate in (text, text.split("=", 1)[-1].strip() if "=" in text.split("(", 1)[0] else text,
                      text[len("return "):] if text.startswith("return ") else text):
        try:
            tree = ast.parse(candidate)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (getattr(node.func, "attr", None) or getattr(node.func, "id", None)) == name.split(".")[-1]:
                return len(node.args), [k.arg for k in node.keywords if k.arg]
    return 0, []


_SIG_NO_ARGS = re.compile(r"(?<![\w.<>])([A-Za-z_][\w.]{0,200})\(\) takes no arguments\s*$")
_SIG_NOKW = re.compile(r"(?<![\w.<>])([\w.<>]+)\(\) (?:takes no keyword arguments|got some positional-only arguments passed as keyword)")
# NumPy 2 (and others copying its wording) name the release that removed an attribute:
# "`np.sctypes` was removed in the NumPy 2.0 release. Access dtypes explicitly instead."
# JAX says it without "the ... release": "jax.tree_map was removed in JAX v0.6.0: use jax.tree.map".
_REMOVED_IN_RELEASE = re.compile(r"(?<![\w.`])`?([A-Za-z_][\w.]*)\.(\w+)`? (?:was|has been) removed in "
                                 r"(?:the ([A-Za-z][\w-]*) (\d+(?:\.\d+)*) release|([A-Za-z][\w-]*) v(\d+(?:\.\d+)*)\b)")
# gensim 4: "The vocab attribute was removed from KeyedVector in Gensim 4.0.0."
_ATTR_REMOVED_FROM = re.compile(r"The (\w+) attribute was removed from (\w+) in ([A-Za-z][\w-]*) (\d+(?:\.\d+)*)"
                                # NumPy 2: "`ptp` was removed from the ndarray class in NumPy 2.0. Use np.ptp(arr, ...) instead."
                                r"|(?<![\w`])`?(?P<attr2>\w+)`? was removed from the (?P<cls2>\w+) class in (?P<lib2>[A-Za-z][\w-]*) (?P<ver2>\d+(?:\.\d+)*)")
_MODULE_SHORTHANDS = {"np": "numpy", "pd": "pandas", "tf": "tensorflow", "plt": "matplotlib.pyplot", "sp": "scipy"}
_VERSION_CONFLICT = re.compile(r"\((\S{1,200}) ([^\s()]{1,200}) \([^)]{0,2000}\), Requirement\.parse\('([^']{1,500})'\)"
                               r"(?:, \{([^}]{0,2000})\})?\)")
_DIST_NOT_FOUND = re.compile(r"The '([^']+)' distribution was not found and is required by (.+)")
_REQUIRED_BUT_FOUND = re.compile(r"(?<![\w.-])([\w.-]+)\s*([<>=!~][^ ,]*(?:,[<>=!~][^ ,]*)*) is required for a normal functioning of this module, but found ([\w.-]+)==([\w+-]+(?:\.[\w+-]+)*)")
# pip refusing a release whose Requires-Python excludes the running interpreter.
_REQUIRES_OTHER_PYTHON = re.compile(r"Package u?'([\w.-]+)' requires a different Python: ([\d.]+\+?) not in '([^'\n]+)'")
# A library's import-time check of another: "Keras requires TensorFlow 2.2 or higher", "This version of
# TensorFlow Probability requires TensorFlow version >= 2.5; Detected an installation of version 2.4.1".
_RUNTIME_REQUIRES = re.compile(
    r"(?:This version of )?(?<![\w.-])(?P<by>[A-Z][\w.-]{0,40}(?: [A-Z][\w.-]{0,40}){0,2}) requires "
    r"(?P<what>(?!Python\b)[A-Z][\w.-]{0,40}(?: [A-Z][\w.-]{0,40})?) "
    r"(?:version )?(?P<op>>=|>)?\s*(?P<ver>\d+(?:\.\d+){0,3})(?P<more> or (?:higher|newer|later|above))?"
    r"(?:[^;.]{0,40}[;.,]\s*Detected an installation of version (?P<found>\d[\w.+-]*))?")
# pandas' optional-dependency check (import_optional_dependency): an ImportError naming both versions.
# A loader that replaced an ImportError's message with its own, naming only the module it was
# importing: Markdown's build_extension (3.x: 'Failed loading extension "x".'; 2.x: "... 'x' from ...").
LOADER_LOST = re.compile(r"Failed loading extension [\"']([A-Za-z_][\w.]*)[\"']")
# Django REST framework's settings loader replaces the import's message with its own: "Could not import
# 'drf_yasg.generators.OpenAPISchemaGenerator' for API setting 'DEFAULT_GENERATOR_CLASS'. ImportError: ..."
# (a paste may keep only the first sentence).  Group 1 is the module it was importing.
SETTING_IMPORT = re.compile(r"Could not import '([A-Za-z_][\w.]{0,200})\.[A-Za-z_]\w*' for API setting '\w+'")
_OPTIONAL_TOO_OLD = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]*) requires version '([\w.+!-]+)' or newer of '([\w.-]+)' "
                               r"\(version '([\w.+!-]+)' currently installed\)")
# pip's legacy resolver said "you'll have": "babel 2.7.0 has requirement pytz>=2015.7, but you'll have pytz 2015.6 which is incompatible."
_REQUIRES_BUT_HAVE = re.compile(r"(?<![\w.-])([\w.-]+) [\w.+-]+ (?:requires|has requirement) ([\w.-]+)([<>=!~][^,\s]*(?:,\s*[<>=!~][^,\s]*)*), but you(?:'ll)? have ([\w.-]+) ([\w+-]+(?:\.[\w+-]+)*)")
# setuptools' easy_install / pkg_resources at install time: "error: protobuf 3.20.2 is installed but
# protobuf>=4.21.3 is required by {'grpcio-status'}".  Read as a VersionConflict; which side moves is
# the set's declarations' to say (the matrix), as the line names only one of the ways out.
INSTALLED_BUT_REQUIRED = re.compile(r"(?<![\w.-])([A-Za-z0-9][\w.-]{0,100}) ([\w.+!-]{1,60}) is installed but "
                                    r"([A-Za-z0-9][\w.-]{0,100}[<>=!~][^\s]{0,100}) is required by \{'([\w.-]{1,100})'")
# pip's resolver (20.3+): "transformers 4.32.0 depends on tokenizers!=0.11.3, <0.14 and >=0.11.1"
# under "The conflict is caused by:"; "The user requested tokenizers==0.10.3" names what was asked.
PIP_CONFLICT = re.compile(r"conflicting dependencies|The conflict is caused by:|ResolutionImpossible")
_PIP_DEPENDS = re.compile(r"^[ \t]*([\w.-]+) ([\w.!+-]+) depends on ([\w.-]+(?:\[[^\]\n]*\])?)[ \t]*([<>=!~][^;\n]*)?$", re.M)
_PIP_REQUESTED = re.compile(r"^[ \t]*The user requested ([\w.-]+)==([\w.!+-]+)[ \t]*$", re.M)
# kombu's import-time check: "Redis transport requires redis-py versions 3.2.0 or later. You have 2.10.6"
# (kombu.exceptions.VersionMismatch); the raiser is the exception's package.
_VERSIONS_OR_LATER = re.compile(r"(?<![\w.-])requires (?!python(?![\w.-])|versions?\b)(?P<what>[A-Za-z][\w.-]{0,60}) (?:versions? )?(?P<ver>\d+(?:\.\d+){0,3}) "
                                r"or (?:later|newer|higher|above)[.,;]? {0,3}(?:You have|found|but found|installed:?) "
                                r"{0,3}v?(?P<found>\d[\w.+-]{0,60})", re.I)
# Import-time checks in the checker's own words (whitespace folded to single spaces first):
# jax: "jaxlib is version 0.1.69, but this version of jax requires version >= 0.1.74."
_IS_VERSION_BUT_REQUIRES = re.compile(r"(?<![\w.-])(?!(?i:python)(?![\w.-]))(?P<what>[A-Za-z][\w.-]{0,60}) is version (?P<found>\d[\w.+-]{0,60}?),? "
                                      r"but this version of (?P<by>[A-Za-z][\w.-]{0,60}) requires version "
                                      r"(?:>= ?)?(?P<ver>\d+(?:\.\d+){0,3})")
# pandas: "this version of pandas is incompatible with numpy < 1.20.3 your numpy version is 1.19.5."
# (0.x: "pandas 0.16.2 is incompatible with numpy < 1.7.0, your numpy version is 1.6.2.")
_INCOMPATIBLE_BELOW = re.compile(r"(?:this version of (?P<by>[A-Za-z][\w.-]{0,60})|(?P<by2>[A-Za-z][\w.-]{0,60}) \d[\w.+-]{0,60}) "
                                 r"is incompatible with (?!(?i:python)(?![\w.-]))(?P<what>[A-Za-z][\w.-]{0,60}) < (?P<ver>\d+(?:\.\d+){0,3}),? "
                                 r"your [\w.-]{1,60} version is (?P<found>\d[\w.+-]{0,60}?)\.?(?: |$)")
# transformers: "Using the `Trainer` with `PyTorch` requires `accelerate>=0.20.1`: Please run ..."
_REQUIRES_TICKED = re.compile(r"requires `(?P<req>[A-Za-z][\w.-]{0,60} ?(?:[<>=!~]=?|==) ?\d[\w.]{0,30}"
                              r"(?:, ?(?:[<>=!~]=?|==) ?\d[\w.]{0,30}){0,3})`")
# "numexpr>=2.7.3 is required, found 2.6.1"; "cryptography>=3.3 is required, you have 2.8".
# (Not "Python>=3.7 is required", nor an argument check: "batch_size>=1 is required, got 0" has no
# dotted version on either side.)
# grpcio-tools' generated code: "The grpc package installed is at version 1.75.1, but the generated code in
# x_pb2_grpc.py depends on grpcio>=1.78.0."
_GENERATED_DEPENDS = re.compile(r"installed is at version (?P<found>\d[\w.]{0,40}),? but the generated code in [\w./\\-]{1,300} "
                                r"depends on (?P<what>[A-Za-z][\w.-]{0,100}?)(?P<spec>(?:>=|==|~=|>)\s?\d[\w.]{0,40}?)\.?(?:\s|$)")
_SPEC_REQUIRED_FOUND = re.compile(r"(?<![\w.-])(?!(?i:python)(?![\w.-]))(?P<what>[A-Za-z][\w.-]{0,60}) ?"
                                  r"(?P<spec>(?:[<>=!~]=?|==) ?\d[\w.]{0,30}"
                                  r"(?:, ?(?:[<>=!~]=?|==) ?\d[\w.]{0,30}){0,3}) is required[,;.]? (?:but )?"
                                  r"(?:found|you have|got|installed(?: version)?(?: is)?:?) (?:[A-Za-z][\w.-]{0,60} ?(?:==)? ?)?"
                                  r"v?(?P<found>\d[\w.+-]{0,60}?)[.,;]?(?: |$)")
_NEEDS_VERSION = re.compile(r"(?:requires|needs|need) ([\w.-]+) ?(?:version )?([<>=!~]=?\s*[\d][\w.]*)[^;]{0,200}?(?:but|;|,)\s*(?:found|got|you have|installed(?: version)?(?: is)?)\s*(?:[A-Za-z]\w*(?:[.-][A-Za-z]\w*)*\s*(?:==|-|version)?\s*)?v?([\d][\w.+-]*)", re.I)


def _first_line(message: str) -> str:
    return message.strip().split("\n", 1)[0].strip()


def stdlib_removal(module: str, name: Optional[str]) -> Optional[str]:
    """The Python X.Y that removed ``module.name`` (or the module itself), if known."""
    if (module, name) in STDLIB_REMOVED:
        return STDLIB_REMOVED[(module, name)]
    top = module.split(".")[0]
    if name is None and (top, None) in STDLIB_REMOVED:
        return STDLIB_REMOVED[(top, None)]
    if (module, None) in STDLIB_REMOVED or (top, None) in STDLIB_REMOVED:
        return STDLIB_REMOVED.get((module, None)) or STDLIB_REMOVED.get((top, None))
    return None


def environment_advice(text: str) -> Optional[str]:
    """Advice when ``text`` (a message) is a runtime/build failure no pin can fix."""
    for pattern, advice in _ENV_PATTERNS:
        if re.search(pattern, text, re.M):
            return advice
    return None


def classify(crash: Crash) -> Signal:
    """Read the crash's informative exception (and its chain) into a :class:`Signal`."""
    # The root is the informative one for re-raises; scan the whole chain for an
    # environment signal too (a cuDNN error may be wrapped in a generic re-raise).
    root = crash.root
    for exc in [root] + [e for e in reversed(crash.exceptions) if e is not root]:
        sig = _classify_one(exc)
        if sig.family != UNKNOWN:
            return sig
        inner = _wrapped_builtin(exc)
        if inner is not None:
            sig = _classify_one(inner)
            if sig.family != UNKNOWN:
                return sig
    return _classify_one(root)


# CPython's signature wording inside a library's message, up to the quote that closes the keyword.
_SIGNATURE_WORDING = re.compile(r"(?<![\w.])([A-Za-z_][\w.]{0,200}\(\) got an unexpected keyword argument '\w+')")
# A library's own exception whose message is the builtin error it caught, as ``f"{type(e).__name__}: {e}"``.
_WRAPPED_BUILTIN = re.compile(r"(ImportError|ModuleNotFoundError|AttributeError|TypeError|NameError): (\S.{0,2000})", re.S)


# A wrapper that appends the error it caught, untyped: Sphinx's ExtensionError.__str__.
_CAUGHT_AT_END = re.compile(r"\(exception: ([^\n]{1,1000})\)\s*\Z")
_CAUGHT_TYPES = {"AttributeError", "ImportError", "ModuleNotFoundError", "TypeError", "NameError"}
_REMOTE_TYPE = re.compile(r"(?i)remote|response|rpc|fault|server|warning")
MAX_WRAPPED_LINES = 12  # later lines of a wrapper's message read for a caught error's wording


def _wrapped_builtin(exc: ExceptionRecord) -> Optional[ExceptionRecord]:
    """The builtin exception a library's exception carries in its message, or None.

    huey 1.10's scheduler re-raises what reading the schedule raised as
    ``ScheduleReadException("TypeError: __init__() got an unexpected keyword argument
    'decode_components'.")``: the TypeError is the signal.  Only a message that starts
    with the builtin's name, on an exception that is not itself a builtin.
    """
    if "." not in exc.type and exc.type in dir(builtins):
        return None
    m = _WRAPPED_BUILTIN.match(exc.message.strip()[:2100])
    if not m:
        from .message_only import infer_message

        caught = _CAUGHT_AT_END.search(exc.message[:2100])
        # Sphinx's ExtensionError: "Handler <function html_collect_pages ...> for event
        # 'html-collect-pages' threw an exception (exception: module 'sphinx.util' has no
        # attribute 'console')"; graphql-core's GraphQLLocatedError carries the resolver's error
        # message as its own ("'str' object has no attribute 'decode'"): the caught error's
        # wording says its class.
        said = caught.group(1) if caught else exc.message.strip()
        found = infer_message(said) if said and "\n" not in said[:2100].strip() else None
        # A caught error's text may lead in with the handler's words ("Could not load theme: module ...");
        # a whole message taken for a builtin must be only its wording, and not an error another process
        # sent back (an RPC client's "ReceivedErrorResponseError" carries the server's AttributeError).
        whole = found is not None and found.message.strip() == said.strip() and not _REMOTE_TYPE.search(exc.type)
        if found is not None and found.exc_type in _CAUGHT_TYPES and (caught or whole):
            return ExceptionRecord(type=found.exc_type, message=found.message, frames=list(exc.frames))
        if found is None and not caught and "\n" in exc.message.strip()[:2100] and not _REMOTE_TYPE.search(exc.type):
            # A wrapper listing what each attempt raised, one per line (azure-identity's
            # DefaultAzureCredential: "EnvironmentCredential: Authentication failed: 'MsalResponse'
            # object has no attribute 'headers'"): the first line in CPython's own wording is the signal.
            for line in exc.message.strip()[:2100].splitlines()[1:MAX_WRAPPED_LINES + 1]:
                said_line = infer_message(line) if len(line) < 500 else None
                if said_line is not None and said_line.exc_type in _CAUGHT_TYPES and "CPython" in (said_line.reason or ""):
                    return ExceptionRecord(type=said_line.exc_type, message=said_line.message, frames=list(exc.frames))
        inside = _SIGNATURE_WORDING.search(exc.message[:2100])
        if inside:
            # flake8's FailedToLoadPlugin: 'Flake8 failed to load plugin "BLK" due to __init__() got ...'
            return ExceptionRecord(type="TypeError", message=inside.group(1), frames=list(exc.frames))
        return None
    message = m.group(2).strip()
    if message.endswith("'."):
        message = message[:-1]  # the wrapper's own full stop after the quoted name
    return ExceptionRecord(type=m.group(1), message=message, frames=list(exc.frames))


def _full_module(named: str, source: str) -> str:
    """The dotted module Python 2 cut to its last part: "No module named web" of ``from twisted.web import http``."""
    if "." in named:
        return named
    m = re.match(r"\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))", source)
    dotted = (m.group(1) or m.group(2)) if m else ""
    parts = dotted.split(".")
    if len(parts) > 1 and named in parts[1:]:
        return ".".join(parts[:parts.index(named, 1) + 1])
    return named


def _source_of_raise(exc: ExceptionRecord) -> str:
    return exc.frames[-1].source if exc.frames else ""


_SITE_MODULE = re.compile(r"(?:site|dist)-packages[\\/]+((?:[A-Za-z_]\w*[\\/]+)*[A-Za-z_]\w*)\.py\b")


def _absolute(module: str, exc: ExceptionRecord) -> str:
    """``from . import _representation`` in statsmodels/tsa/statespace/tools.py imports from
    ``statsmodels.tsa.statespace``: a relative module made absolute by the raising frame's file."""
    if not module.startswith(".") or not exc.frames:
        return module
    frame = exc.frames[-1]
    here = frame.module
    is_package = frame.file.replace("\\", "/").endswith("/__init__.py")
    if not here:
        m = _SITE_MODULE.search(frame.file)
        if not m:
            return module
        parts = re.split(r"[\\/]+", m.group(1))
        here = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    level = len(module) - len(module.lstrip("."))
    parts = here.split(".")
    base = parts if is_package else parts[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    rest = module.lstrip(".")
    return ".".join(base + ([rest] if rest else [])) or module


_TYPOGRAPHIC = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _classify_one(exc: ExceptionRecord) -> Signal:
    etype = exc.short_type
    # A forum's typographic quotes (‘progress_bar_refresh_rate’) are the message's plain ones.
    full = exc.message.strip().translate(_TYPOGRAPHIC)
    msg = _first_line(full)
    sig = Signal(UNKNOWN, exc.type, msg)

    # Declared conflicts first: their messages contain requirement text that
    # other patterns could misread.
    m = _VERSION_CONFLICT.search(full)
    if m:
        # A VersionConflict's repr, whatever exception carries it: pluggy's "Plugin 'xdist' could not
        # be loaded: (pytest 3.2.5 (...), Requirement.parse('pytest>=3.4'))!"
        sig.family, sig.found, sig.requirement = DECLARED, (m.group(1), m.group(2)), m.group(3)
        if m.group(4):
            sig.required_by = m.group(4).strip().strip("'\"").split("'")[0]
        return sig
    m = _DIST_NOT_FOUND.search(full)
    if m:
        sig.family, sig.requirement, sig.required_by = DECLARED, m.group(1), m.group(2).strip().rstrip(".")
        return sig
    for rx in (_REQUIRED_BUT_FOUND,):
        m = rx.search(full)
        if m:
            sig.family, sig.requirement, sig.found = DECLARED, f"{m.group(1)}{m.group(2)}", (m.group(3), m.group(4))
            return sig
    m = _REQUIRES_OTHER_PYTHON.search(full)
    if m:
        sig.family, sig.requirement = DECLARED, m.group(1)
        sig.detail["requires_python"] = (m.group(1), m.group(2), m.group(3))
        return sig
    m = _OPTIONAL_TOO_OLD.search(full)
    if m:
        sig.family, sig.requirement, sig.found = DECLARED, f"{m.group(3)}>={m.group(2)}", (m.group(3), m.group(4))
        sig.required_by = m.group(1).lower()
        sig.detail["import_name"] = True  # pandas prints the import name ('bs4' for beautifulsoup4)
        return sig
    if PIP_CONFLICT.search(full):
        sig.family = DECLARED
        m = _PIP_DEPENDS.search(full)
        if m and m.group(4):
            spec = ",".join(part.strip() for part in m.group(4).strip().replace(" and ", ",").split(",") if part.strip())
            sig.required_by, sig.requirement = f"{m.group(1)} {m.group(2)}", f"{m.group(3)}{spec}"
            asked = [r for r in _PIP_REQUESTED.findall(full) if r[0].lower() == m.group(3).lower()]
            if asked:
                sig.found = asked[0]
        return sig
    m = _REQUIRES_BUT_HAVE.search(full)
    if m:
        sig.family, sig.required_by = DECLARED, m.group(1)
        sig.requirement, sig.found = f"{m.group(2)}{m.group(3).replace(' ', '')}", (m.group(4), m.group(5))
        return sig

    # ABI before import-name: undefined symbols arrive as ImportError/OSError.
    m = _ABI_API_VERSION.search(full)
    if m:
        built, runtime = int(m.group(1), 16), int(m.group(2), 16)
        sig.family, sig.module = ABI, "numpy"
        sig.direction = "base-too-old" if built > runtime else "base-too-new"
        sig.detail = {"built_api": m.group(1), "runtime_api": m.group(2)}
        return sig
    if _ABI_NUMPY2.search(full):
        sig.family, sig.module, sig.direction = ABI, "numpy", "base-too-new"
        return sig
    m = _ABI_SIZE.search(full)
    if m:
        # Both wordings as (compiled header's size, runtime type's size): the older one prints them the
        # other way round ("Expected <the running type's basicsize>, got <sizeof at compile time>").
        expected, got = (int(m.group(2)), int(m.group(3))) if m.group(2) else (int(m.group(5)), int(m.group(4)))
        sig.family, sig.module, sig.cls = ABI, m.group(1).rsplit(".", 1)[0], m.group(1)
        # The extension was built against a header whose struct is bigger than the runtime's: runtime too old.
        sig.direction = "base-too-old" if expected > got else "base-too-new"
        sig.detail = {"expected": expected, "got": got}
        return sig
    m = _ABI_SYMBOL.search(full)
    if m:
        sig.family, sig.extension, sig.name = ABI, m.group(1), m.group(2)
        return sig
    m = _ABI_SYMBOL_MAC.search(full)
    if m and m.group(2).startswith("__Z") and not m.group(2).startswith(("__ZNSt", "__ZNKSt", "__ZSt")):
        # (the C++ standard library's own symbols are the system's libc++ being too old: not a pin's)
        # macOS names a C++ symbol with one more underscore: "__ZN6google8protobuf..." is _ZN6google8protobuf...
        # (a plain C name goes on to the missing-library reading below)
        sig.family, sig.extension, sig.name = ABI, m.group(1), m.group(2)[1:]
        return sig
    m = _TORCH_OPERATOR.search(full)
    if m:
        # torchvision's compiled operators did not register with the running torch: its binary
        # was built for another torch release, or another build of the same one (CPU vs CUDA).
        sig.family, sig.module, sig.extension, sig.name = ABI, "torch", m.group(1), m.group(2)
        sig.detail = {"operator": f"{m.group(1)}::{m.group(2)}"}
        return sig
    m = _ABI_BUILT_FOR.search(full)
    if m:
        sig.family, sig.module, sig.extension = ABI, "torch", m.group(1).lower()
        sig.detail = {"built_for": m.group(2), "runtime": m.group(3)}
        try:
            built, running = Version(m.group(2)).release, Version(m.group(3)).release
            sig.direction = "base-too-new" if built < running else "base-too-old" if built > running else None
        except InvalidVersion:
            pass
        return sig

    inner = exc.frames[-1] if exc.frames else None
    own_script = inner is not None and inner.dist is not None and "pip-build-env-" not in inner.file \
        and _IN_BUILD_ENV.search(inner.file) is not None and etype in ("AttributeError", "ImportError", "ModuleNotFoundError")
    if any(_IN_BUILD_ENV.search(f.file) for f in exc.frames) and not own_script:
        # (A pin's own setup.py failing on a name another pin dropped -- pyhrf's pip.req under
        # pip 10 -- is read like any removed name: its frame is that pin's, the build env is not.)
        # The crash ran inside pip's isolated build environment: pip was building a source
        # distribution (numpy 1.25.1 on Python 3.12, whose setuptools imports distutils).
        sig.family, sig.advice = BUILD, "pip was building a source distribution in an isolated build environment and the build failed."
        _building(sig, full)
        return sig
    advice = environment_advice(full) if etype not in ("ImportError", "ModuleNotFoundError", "AttributeError", "TypeError") else None
    if advice is None and etype == "ImportError" and re.search(r"bad magic number in '[\w.]+'", full):
        advice = environment_advice(full)
    if advice is None and etype in ("ImportError", "OSError") and re.search(
            r"DLL load failed while importing " + STDLIB_DLL_MODULES + r"\b|" + DLL_INIT_FAILED + r"|"
            r"cannot open shared object file|Library not loaded|library not found|DLL load failed(?: while importing \w+)?: "
            r"The specified module could not be found|version `(?:GLIBC|GLIBCXX|CXXABI)_[\d.]+' not found|"
            r"symbol not found in flat namespace '_(?!Py|_Py|_Z)", full):
        advice = environment_advice(full)
    if advice is None and re.search(r"OutOfMemoryError|MemoryError", etype):
        advice = environment_advice("out of memory")
    if advice:
        sig.family, sig.advice = ENVIRONMENT, advice
        if _BUILD.search(full):
            sig.family = BUILD
            _building(sig, full)
        return sig
    m = _BUILD.search(full)
    if m:
        sig.family, sig.advice = BUILD, "a package had to be built from source on this machine and the build failed."
        _building(sig, full)
        return sig

    m = _ATTR_REMOVED_FROM.search(full)
    if m and etype == "AttributeError":
        if m.group("attr2"):
            sig.family, sig.name, sig.cls = ATTRIBUTE, m.group("attr2"), m.group("cls2")
            sig.detail["removed_in"] = (m.group("lib2"), m.group("ver2"))
        else:
            sig.family, sig.name, sig.cls = ATTRIBUTE, m.group(1), m.group(2)
            sig.detail["removed_in"] = (m.group(3), m.group(4))
        return sig
    m = _REMOVED_IN_RELEASE.search(full)
    if m and etype not in ("ImportError", "ModuleNotFoundError", "TypeError"):
        module = m.group(1)
        top, _, rest = module.partition(".")
        module = _MODULE_SHORTHANDS.get(top, top) + (f".{rest}" if rest else "")
        sig.family, sig.module, sig.name = ATTRIBUTE, module, m.group(2)
        sig.detail["removed_in"] = (m.group(3), m.group(4)) if m.group(3) else (m.group(5), m.group(6))
        return sig
    m = _MOVED_OUT.match(msg) if etype.endswith("ImportError") and "." in exc.type else None
    if m and (":" in m.group(1) or m.group(1).isidentifier()):
        # pydantic 2's own PydanticImportError: "`BaseSettings` has been moved to the `pydantic-settings`
        # package" -- a name the raising package dropped, the same break as "cannot import name".
        where, _, name = m.group(1).rpartition(":")
        module = where or exc.type.split(".", 1)[0]
        if name.isidentifier() and all(p.isidentifier() for p in module.split(".")):
            sig.family, sig.name, sig.module = IMPORT_NAME, name, module
            sig.detail["moved_to"] = m.group(2)
            return sig
    if etype in ("ImportError", "ModuleNotFoundError"):
        m = _IMPORT_FROM_PARTIAL.search(msg)
        if m:
            sig.family, sig.name, sig.module = IMPORT_NAME, m.group(1), m.group(2)
            sig.detail["circular"] = True
            return _maybe_stdlib(sig)
        m = _IMPORT_FROM.search(msg)
        if m:
            sig.family, sig.name, sig.module = IMPORT_NAME, m.group(1), m.group(2)
            if m.group(3):
                sig.detail["path"] = m.group(3)
            return _maybe_stdlib(sig)
        m = _IMPORT_FROM_LOOSE.search(" ".join("\n".join(full.splitlines()[:2])[:2000].split()))
        if m:
            name, module = m.group(1).strip(), m.group(2).replace(" ", "")
            if " " in name:
                name = "_".join(name.split())  # no identifier has a space: a lost underscore
            if name.isidentifier() and all(p.isidentifier() for p in module.split(".")):
                sig.family, sig.name, sig.module = IMPORT_NAME, name, module
                sig.detail["retyped"] = True
                if m.group(3):
                    sig.detail["path"] = m.group(3)
                return _maybe_stdlib(sig)
        m = _IMPORT_BARE.search(msg)
        if m:  # Python <= 3.6: the module is only in the source line
            sig.family, sig.name = IMPORT_NAME, m.group(1)
            src = re.match(r"\s*from\s+([\w.]+)\s+import\b", _source_of_raise(exc) or exc.source_hint or "")
            if src:
                sig.module = _absolute(src.group(1), exc)
            return _maybe_stdlib(sig)
        m = _NO_MODULE.search(msg)
        if m:
            sig.family, sig.module = IMPORT_NAME, _full_module(m.group(1), _source_of_raise(exc) or exc.source_hint or "")
            sig.detail["no_module"] = True
            return _maybe_stdlib(sig)
    if etype == "AttributeError":
        m = BOKEH_ATTR.search(msg)
        if m:
            # Bokeh's models refuse a property they do not declare: "unexpected attribute 'value' to
            # Dropdown" is Dropdown having no attribute 'value' (a class property, read off the class).
            sig.family, sig.name, sig.cls = ATTRIBUTE, m.group(1), m.group(2)
            return sig
    if etype in ("ConfigAttributeError", "ConfigKeyError"):
        m = OMEGACONF_KEY.search(msg)
        if m:
            # A structured config's keys are its dataclass's fields: hydra-core 1.1's JobConf has no chdir.
            sig.family, sig.name, sig.cls = ATTRIBUTE, m.group(1), m.group(2)
            return sig
    if etype == "UndefinedError":
        m = JINJA_UNDEFINED_ATTR.match(msg.strip())
        home = m.group(1).rstrip(".") if m else ""
        if m and not is_stdlib_module(home) and home.split(".")[0] not in ("__main__", "builtins", "__builtin__"):
            # (collections.OrderedDict is the standard library's: a pin's class of that name is another)
            # the template's object is a pin's class: read as that class's missing attribute
            sig.family, sig.cls, sig.name = ATTRIBUTE, m.group(2), m.group(3)
            sig.detail["template_of"] = m.group(1).rstrip(".")
            return sig
    if etype == "AttributeError":
        m = _MODULE_ATTR.search(msg)
        if m:
            sig.family, sig.module, sig.name = ATTRIBUTE, m.group(1), m.group(2)
            if "partially initialized module" in msg:
                sig.detail["circular"] = True  # the module was still importing: a cycle, or two installs of it
            return _maybe_stdlib(sig)
        m = _OBJ_ATTR.search(msg)
        if m and m.group(1) == "module":
            # Python 2's wording names no module ("'module' object has no attribute 'placeholder'");
            # the failing line does: 'tf.placeholder(...)' is tensorflow's (tf, np, pd read as usual).
            src = re.search(rf"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.{re.escape(m.group(2))}\b",
                            _source_of_raise(exc) or exc.source_hint or "")
            if src:
                top, _, rest = src.group(1).partition(".")
                sig.family, sig.name = ATTRIBUTE, m.group(2)
                sig.module = _MODULE_SHORTHANDS.get(top, top) + (f".{rest}" if rest else "")
                return _maybe_stdlib(sig)
        m = _TYPE_ATTR.search(msg) or _OBJ_ATTR.search(msg)
        if m:
            pairs = [(m.group(i), m.group(i + 1)) for i in range(1, (m.lastindex or 2) + 1, 2) if m.group(i)]
            cls, attr = pairs[0] if pairs else (m.group(1), m.group(2))
            sig.family, sig.cls, sig.name = ATTRIBUTE, cls, attr
            if m.re is _TYPE_ATTR:
                sig.detail["on_type"] = True  # read off the class object: an instance's self.x does not count
            removed = _stdlib_attr_removed(cls, attr)
            if removed:
                sig.family, sig.python_removed = PYTHON_VERSION, removed
            elif (cls, attr) in STDLIB_ATTR_ADDED or _ast_position_added(cls, attr):
                sig.family = PYTHON_VERSION
                sig.detail["python_added"] = STDLIB_ATTR_ADDED.get((cls, attr)) or _ast_position_added(cls, attr)
                if (cls, attr) not in STDLIB_ATTR_ADDED:
                    # astroid's nodes share ast's class names: on a target with end positions this is
                    # an attribute break like any other (diagnose() sends it back; the target is known there)
                    sig.detail["ast_position"] = True
            return sig
        if re.fullmatch(r"[A-Za-z_]\w{0,100}", msg.strip()) and len(exc.frames) >= 2 \
                and exc.frames[-1].function == "__getattr__":
            # A class's own __getattr__ raising AttributeError(key): the message is only the name
            # (kombu 4.4's transport.implements.async, renamed asynchronous); the caller read it.
            sig.family, sig.name = ATTRIBUTE, msg.strip()
            sig.detail["getattr_key"] = True
            return sig
    if etype == "SyntaxError" and _FUTURE_ANNOTATIONS.search(msg):
        # The compiler of Python 3.6 and older refuses PEP 563's future import of a library's module.
        sig.family = PYTHON_VERSION
        sig.detail.update(python_added="3.7", feature="`from __future__ import annotations` (PEP 563)")
        return sig
    m = _SIG_TORCHSCRIPT.search(msg) if etype == "RuntimeError" else None
    if m and int(m.group(3)) > int(m.group(2)):
        # TorchScript's own wording of a call with too many arguments (torch_scatter's scripted
        # scatter_mean under torch-geometric 1.3.0's six-argument call): the positional count changed.
        sig.family, sig.function = SIGNATURE, m.group(1)
        sig.detail["positional"] = int(m.group(3))
        return sig
    if etype == "TypeError" and ASYNCIO_LOOP_REMOVED.match(msg):
        # asyncio's own refusal on 3.10+: a caller still passes loop= to Event(), Lock(), Queue() ...
        m = ASYNCIO_LOOP_REMOVED.match(msg)
        sig.family, sig.module, sig.function, sig.python_removed = PYTHON_VERSION, "asyncio", m.group(1), "3.10"
        sig.detail["removed_keyword"] = "loop"
        sig.detail["feature"] = f"the loop= parameter of asyncio.{m.group(1)}()"
        return sig
    if etype == "TypeError":
        msg = re.sub(r"(\w) (__\(\))", r"\1\2", msg)  # "OneHotEncoder.__init __()" as a forum pasted it
        m = _ABSTRACT.search(msg)
        if m:
            # A class of a pin does not implement what its base now declares abstract.
            names = re.findall(r"\w+", m.group(2) or m.group(3))
            if names:
                sig.family, sig.cls, sig.name = ATTRIBUTE, m.group(1), names[0]
                sig.detail["abstract"] = names
                return sig
        if _PEP604.search(msg):
            sig.family = PYTHON_VERSION
            sig.detail.update(python_added="3.10", feature="an `X | Y` union (PEP 604)")
            return sig
        if _PEP585.search(msg):
            sig.family = PYTHON_VERSION
            sig.detail.update(python_added="3.9", feature="a `list[...]`-style generic (PEP 585)")
            return sig
        refused = _stdlib_refusal(msg, exc)
        if refused is not None:
            # The standard library of the target refused a use a later Python accepts
            # (a bare @lru_cache on 3.7): the code that called it was written for that Python.
            sig.family = PYTHON_VERSION
            sig.detail.update(python_added=refused[0], feature=refused[1])
            return sig
        m = _SIG_KW.search(msg)
        if m:
            from .pyfeatures import stdlib_keyword

            needs = stdlib_keyword(m.group(1), m.group(2)) if m.lastindex and m.lastindex >= 2 else None
            if needs is not None:
                # dataclass(slots=True) on Python 3.7: the keyword is the standard library's, new in 3.10
                sig.family, sig.name, sig.function = PYTHON_VERSION, m.group(2), m.group(1)
                fn = m.group(1).rsplit(".", 1)[-1]
                sig.detail.update(python_added=f"{needs[0]}.{needs[1]}", feature=f"{fn}({m.group(2)}=...)",
                                  stdlib_keyword=True)
                return sig
        for rx in (_SIG_KW, _SIG_MULTI):
            m = rx.search(msg)
            if m:
                sig.family, sig.function, sig.name = SIGNATURE, m.group(1), m.group(2)
                if rx is _SIG_MULTI:
                    sig.detail["multiple"] = True  # a positional landed on the keyword's parameter
                return _maybe_stdlib_keyword(sig, exc)
        m = _SIG_KW_BARE.match(msg)
        if m:
            # "got an unexpected keyword argument 'extra_headers'." retold without the callable
            # (deepgram-sdk under websockets 14): the calls passing it are read instead.
            sig.family, sig.name = SIGNATURE, m.group(1)
            sig.detail["no_function"] = True
            return sig
        m = _SIG_MISSING.search(msg)
        if m:
            names = re.findall(r"'(\w+)'", m.group(3))
            sig.family, sig.function, sig.name = SIGNATURE, m.group(1), names[0] if names else None
            sig.detail["missing"] = names
            return sig
        m = _SIG_NO_ARGS.search(msg)
        if m and m.group(1)[:1].isupper():
            # "SparseDataFrame() takes no arguments": a class whose constructor takes nothing now (pandas 1.0's
            # stub); the releases whose constructor takes a first argument are the ones to ask for.
            sig.family, sig.function = SIGNATURE, m.group(1)
            positional, keywords = _call_arguments(exc.frames[-1].source if exc.frames else "", m.group(1))
            # (a constructor's count includes self, as CPython's "takes 2 positional arguments" does)
            if positional:
                sig.detail["positional"] = positional + 1  # 'Frame(X, cols)': the releases taking two
            elif keywords:
                sig.name = keywords[0]  # 'SparseDataFrame(data=...)': the releases taking data=
            else:
                sig.detail["positional"] = 2
            return sig
        m = _SIG_TAKES.search(msg) or _SIG_TAKES_PY2.search(msg) or _SIG_NOKW.search(msg)
        if m:
            sig.family, sig.function = SIGNATURE, m.group(1)
            if m.re in (_SIG_TAKES, _SIG_TAKES_PY2) and int(m.group(3)) > int(m.group(2)):
                # "barplot() takes from 0 to 1 positional arguments but 2 ... were given": the
                # releases whose callable takes that many are the ones to ask for (seaborn 0.12).
                sig.detail["positional"] = int(m.group(3))
            return sig
    if "VersionConflict" in etype or "DistributionNotFound" in etype or etype == "PackageNotFoundError":
        sig.family = DECLARED
        m = re.search(r"No package metadata was found for ([\w.-]+)", full)
        if m:
            sig.requirement = m.group(1)
        return sig
    m = _RUNTIME_REQUIRES.search(re.sub(r"\s+", " ", full)) \
        if etype in ("ImportError", "RuntimeError", "ValueError", "Exception") and " requires " in full else None
    if m:
        # A library's own import-time check: "Keras requires TensorFlow 2.2 or higher",
        # "This version of TensorFlow Probability requires TensorFlow version >= 2.5; Detected ... 2.4.1".
        what = m.group("what").replace(" ", "-")
        op = m.group("op") or (">=" if m.group("more") else "")
        if op:
            sig.family, sig.requirement = DECLARED, f"{what}{op}{m.group('ver')}"
            sig.required_by = m.group("by").replace(" ", "-")
            sig.found = (what, m.group("found") or "")
            sig.detail["runtime_check"] = True
            return sig
    m = _VERSIONS_OR_LATER.search(re.sub(r"\s+", " ", full)) if " or " in full else None
    if m and (etype.rsplit(".", 1)[-1] in ("ImportError", "RuntimeError", "ValueError", "Exception")
              or "Version" in etype.rsplit(".", 1)[-1]):
        sig.family, sig.requirement = DECLARED, f"{m.group('what')}>={m.group('ver')}"
        sig.found = (m.group("what"), m.group("found").rstrip("."))
        sig.detail["runtime_check"] = True
        if "." in (exc.type or ""):
            sig.required_by = exc.type.split(".", 1)[0]  # kombu.exceptions.VersionMismatch: kombu checked
        return sig
    if etype in ("ImportError", "RuntimeError", "ValueError", "Exception") and (" version" in full or " required" in full
                                                                                  or "requires `" in full):
        flat = re.sub(r"\s+", " ", full)
        m = _IS_VERSION_BUT_REQUIRES.search(flat) or _INCOMPATIBLE_BELOW.search(flat)
        if m:
            by = m.group("by") or (m.groupdict().get("by2") or "")
            sig.family, sig.requirement = DECLARED, f"{m.group('what')}>={m.group('ver')}"
            sig.found = (m.group("what"), m.group("found").rstrip("."))
            sig.required_by = by
            sig.detail["runtime_check"] = True
            return sig
        m = _GENERATED_DEPENDS.search(flat)
        if m:
            # grpc's generated *_pb2_grpc.py checks the installed grpcio against the grpcio it was generated with
            sig.family, sig.requirement = DECLARED, m.group("what") + m.group("spec").replace(" ", "")
            sig.found = (m.group("what"), m.group("found").rstrip("."))
            sig.detail["runtime_check"] = True
            return sig
        m = _SPEC_REQUIRED_FOUND.search(flat)
        if m and "." not in m.group("spec") + m.group("found"):
            m = None  # "batch_size>=1 is required, got 0": a count, not a release
        if m:
            sig.family, sig.requirement = DECLARED, m.group("what") + m.group("spec").replace(" ", "")
            sig.found = (m.group("what"), m.group("found").rstrip("."))
            sig.detail["runtime_check"] = True
            return sig
        m = _REQUIRES_TICKED.search(flat)
        if m:
            sig.family, sig.requirement = DECLARED, m.group("req").replace(" ", "")
            sig.detail["runtime_check"] = True
            return sig
    m = _NEEDS_VERSION.search(full)
    if m and etype in ("ImportError", "RuntimeError", "ValueError", "Exception", "VersionConflict"):
        sig.family, sig.requirement = DECLARED, f"{m.group(1)}{m.group(2).replace(' ', '')}"
        sig.found = (m.group(1), m.group(3))
        return sig
    return sig


def _building(sig: Signal, text: str) -> None:
    """Note which source distribution was being built (``detail["sdist"] = (name, version or "")``)."""
    m = _SDIST_FILE.search(text)
    if m:
        sig.detail["sdist"] = (m.group(1), m.group(2))
        return
    m = _SDIST_BUILDING.search(text)
    if m:
        sig.detail["sdist"] = (m.group(1), "")


# Refusals a standard-library function raised that a later Python no longer raises for the same
# call: (its module, the message) -> (the Python that accepts it, what the caller wrote).
# functools.lru_cache took a function as maxsize from 3.8 (bpo-36772).
STDLIB_REFUSALS = {
    ("functools", "Expected maxsize to be an integer or None"): ("3.8", "a bare `@lru_cache` decorator"),
}


def _stdlib_refusal(msg: str, exc: ExceptionRecord) -> Optional[Tuple[str, str]]:
    """A refusal of :data:`STDLIB_REFUSALS`, raised by the standard library's own frame (or frameless)."""
    for (module, text), found in STDLIB_REFUSALS.items():
        if msg.strip() != text:
            continue
        if exc.frames:
            m = _STDLIB_FILE.search(exc.frames[-1].file)
            top = (m.group(1) or m.group(2)) if m else None
            if top != module:
                continue
        return found
    return None


def _maybe_stdlib_keyword(sig: Signal, exc: ExceptionRecord) -> Signal:
    """A keyword the standard library dropped (json.loads(encoding=) in 3.9), told by the raising frame's path."""
    if not exc.frames or not sig.name or "site-packages" in exc.frames[-1].file or "dist-packages" in exc.frames[-1].file:
        return sig
    m = _STDLIB_FILE.search(exc.frames[-1].file)
    top = (m.group(1) or m.group(2)) if m else None
    removed = STDLIB_KEYWORD_REMOVED.get((top or "", sig.name))
    if removed:
        sig.family, sig.python_removed, sig.module = PYTHON_VERSION, removed, top
        sig.detail["keyword"] = True
    return sig


def _maybe_stdlib(sig: Signal) -> Signal:
    """A name missing from the standard library is a Python-version break, not a pin's."""
    if sig.module:
        removed = stdlib_removal(sig.module, sig.name)
        if removed is None and sig.detail.get("no_module"):
            removed = stdlib_removal(sig.module, None)
        if removed:
            sig.family, sig.python_removed = PYTHON_VERSION, removed
            return sig
        added = stdlib_added(sig.module, None if sig.detail.get("no_module") else sig.name)
        if added is None and sig.detail.get("no_module"):
            added = stdlib_added(sig.module.split(".")[0], None)
        if added:
            sig.detail["family_before"] = sig.family  # for a pin or a shim shipping the module after all
            sig.family = PYTHON_VERSION
            sig.detail["python_added"] = added
    return sig
