"""Where packages come from: pip's configuration, read the way pip reads it.

depfix must look at the same indexes the user's ``pip install`` would, so the
sources are built from pip's config files (global, user, site, then
``PIP_CONFIG_FILE``), its ``[global]`` and ``[install]`` sections, and the
``PIP_*`` environment variables, in pip's override order.  Explicit arguments
replace the index URL and extend the extra indexes and find-links.
"""

from __future__ import annotations

import configparser
import os
import sys
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence
from urllib.parse import urlsplit, urlunsplit

DEFAULT_INDEX = "https://pypi.org/simple/"


def redact(url: str) -> str:
    """``https://user:pw@host/x`` -> ``https://***@host/x``: credentials never reach output."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable url>"
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, "***@" + host, parts.path, parts.query, parts.fragment))


def _config_files(env: Mapping[str, str]) -> List[str]:
    """pip's file list, lowest priority first (pip: global, user, site, then PIP_CONFIG_FILE)."""
    explicit = env.get("PIP_CONFIG_FILE")
    if explicit == os.devnull:
        return []  # pip: "PIP_CONFIG_FILE=os.devnull" loads no configuration at all
    home = os.path.expanduser("~")
    files: List[str] = []
    if sys.platform == "win32":
        files.append(os.path.join(env.get("PROGRAMDATA", r"C:\ProgramData"), "pip", "pip.ini"))
        user = [os.path.join(home, "pip", "pip.ini"),
                os.path.join(env.get("APPDATA", os.path.join(home, "AppData", "Roaming")), "pip", "pip.ini")]
        site_name = "pip.ini"
    else:
        xdg_dirs = env.get("XDG_CONFIG_DIRS") or "/etc/xdg"
        files += [os.path.join(d, "pip", "pip.conf") for d in xdg_dirs.split(os.pathsep) if d]
        files.append("/etc/pip.conf")
        user = [os.path.join(home, ".pip", "pip.conf")]
        if sys.platform == "darwin":
            user.append(os.path.join(home, "Library", "Application Support", "pip", "pip.conf"))
        user.append(os.path.join(env.get("XDG_CONFIG_HOME") or os.path.join(home, ".config"), "pip", "pip.conf"))
        site_name = "pip.conf"
    if not (explicit and os.path.exists(explicit)):
        files += user  # pip skips user files when PIP_CONFIG_FILE names an existing file
    files.append(os.path.join(sys.prefix, site_name))
    if explicit:
        files.append(explicit)
    return files


def _read_pip_files(files: Sequence[str]) -> Dict[str, str]:
    values: Dict[str, str] = {}
    for path in files:
        if not os.path.isfile(path):
            continue
        parser = configparser.RawConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue  # pip errors out here; for a diagnosis tool a broken file is no reason to stop
        for section in ("global", "download", "install"):  # later sections win, as for `pip install`
            if parser.has_section(section):
                for key, value in parser.items(section):
                    values[key.replace("_", "-")] = value
    return values


def _env_values(env: Mapping[str, str]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for var, value in env.items():
        if var.startswith("PIP_") and var != "PIP_CONFIG_FILE":
            out[var[4:].lower().replace("_", "-")] = value
    return out


def _truthy(value: Optional[str]) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass
class SourceConfig:
    """The resolved list of places to look, plus how to reach them."""

    index_urls: List[str] = field(default_factory=list)  # primary first, then extras
    find_links: List[str] = field(default_factory=list)
    cert: Optional[str] = None
    client_cert: Optional[str] = None
    proxy: Optional[str] = None  # pip's --proxy (applies to every scheme)
    trusted_hosts: List[str] = field(default_factory=list)


def load_sources(
    *,
    index_url: Optional[str] = None,
    extra_index_urls: Sequence[str] = (),
    find_links: Sequence[str] = (),
    use_pip_config: bool = True,
    no_index: bool = False,
    env: Optional[Mapping[str, str]] = None,
) -> SourceConfig:
    """Merge pip's configuration with explicit arguments (arguments win / extend)."""
    env = os.environ if env is None else env
    values: Dict[str, str] = {}
    if use_pip_config:
        values.update(_read_pip_files(_config_files(env)))
        values.update(_env_values(env))
    primary = index_url or values.get("index-url") or DEFAULT_INDEX
    extras = values.get("extra-index-url", "").split() + list(extra_index_urls)
    links = values.get("find-links", "").split() + list(find_links)
    no_index = no_index or (_truthy(values.get("no-index")) and not index_url)
    urls = [] if no_index else [primary] + extras
    return SourceConfig(
        index_urls=list(dict.fromkeys(u.strip() for u in urls if u.strip())),
        find_links=list(dict.fromkeys(x.strip() for x in links if x.strip())),
        cert=values.get("cert") or None,
        client_cert=values.get("client-cert") or None,
        proxy=values.get("proxy") or None,
        trusted_hosts=values.get("trusted-host", "").split(),
    )


def default_cache_dir(env: Optional[Mapping[str, str]] = None) -> str:
    """platformdirs' user cache dir for "pytest-depfix", without depending on platformdirs."""
    env = os.environ if env is None else env
    if env.get("DEPFIX_CACHE_DIR"):
        return env["DEPFIX_CACHE_DIR"]
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = env.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return os.path.join(base, "pytest-depfix", "Cache")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "pytest-depfix")
    return os.path.join(env.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "pytest-depfix")
