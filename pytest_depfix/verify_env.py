"""Isolated environments for verification, cached by what they hold.

An environment is a virtual environment of the *running* interpreter holding
exactly a pin set, the running pytest and (optionally) the project under test.
It lives in ``<cache>/envs/<key>`` where the key is the sha256 of the sorted
pins, the interpreter and the host wheels, so a second verification of the
same set pays only for the test run.  Building happens in a temporary folder
renamed into place when complete: an install that fails or is interrupted
leaves nothing a later run could mistake for a good environment.  The cache
keeps the ``max_envs`` most recently used environments.

``uv`` is used when it is on PATH (``uv venv`` + ``uv pip install``; it does not
read pip's configuration, so the index settings are translated into flags),
else ``python -m venv --without-pip`` and the running pip with ``--python``
(no bundled-pip bootstrap).  The user's own environment is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence

from .redaction import redact
from packaging.utils import canonicalize_name

from .verify_project import ProjectInstall, host_pins, host_requirements, repack

ENV_MARKER = "depfix-env.json"
_BUILD_PREFIX = ".build-"


class EnvironmentError_(Exception):
    """Building an environment failed; the message is one clear line plus output."""

    def __init__(self, message: str, output: str = "") -> None:
        super().__init__(message)
        self.output = output


def environments_dir(cache_root: Optional[Path] = None) -> Path:
    """Where verification environments live (``depfix cache`` shows and cleans it)."""
    if cache_root is None:
        from .index.config import default_cache_dir

        cache_root = Path(default_cache_dir())
    return Path(cache_root) / "envs"


def clean_environments(cache_root: Optional[Path] = None) -> int:
    """Remove every cached environment (and leftover builds); returns how many went."""
    root = environments_dir(cache_root)
    if not root.is_dir():
        return 0
    count = 0
    for child in list(root.iterdir()):
        if child.is_dir():
            if (child / ENV_MARKER).exists() or child.name.startswith(_BUILD_PREFIX):
                count += 1
            shutil.rmtree(child, ignore_errors=True)
        elif child.suffix == ".lock":
            try:
                child.unlink()
            except OSError:
                pass
    return count


redact_text = redact  # the name the verify modules use


def env_python(env_dir: Path) -> Path:
    if sys.platform == "win32":
        return env_dir / "Scripts" / "python.exe"
    return env_dir / "bin" / "python"


class EnvironmentBuilder:
    """Builds and caches verification environments (see the module docstring)."""

    def __init__(
        self,
        cache_root: Optional[Path] = None,
        *,
        index_url: Optional[str] = None,
        extra_index_urls: Sequence[str] = (),
        find_links: Sequence[str] = (),
        no_index: bool = False,
        timeout: float = 600,
        max_envs: int = 5,
        installer: str = "auto",
    ) -> None:
        if installer not in ("auto", "uv", "pip"):
            raise ValueError(f"installer must be auto, uv or pip, not {installer!r}")
        self.root = environments_dir(cache_root)
        self.index_url = index_url
        self.extra_index_urls = list(extra_index_urls)
        self.find_links = [str(f) for f in find_links]
        self.no_index = no_index
        self.timeout = timeout
        self.max_envs = max(1, int(max_envs))
        self.uv = shutil.which("uv") if installer in ("auto", "uv") else None
        if installer == "uv" and not self.uv:
            raise EnvironmentError_("uv was asked for but is not on PATH")
        self.installer = "uv" if self.uv else "pip"
        self.last_cache_hit = False
        self.last_install_seconds = 0.0

    # -- public ---------------------------------------------------------
    @property
    def wheelhouse(self) -> Path:
        return self.root / ".wheelhouse"

    def env_key(self, pins: Mapping[str, str], project: Optional[ProjectInstall] = None) -> str:
        """sha256 of what the environment holds: sorted pins, interpreter, host pytest, project."""
        ident = {
            "pins": sorted((canonicalize_name(k), str(v)) for k, v in pins.items()),
            "python": [sys.implementation.name, list(sys.version_info[:3]), os.path.realpath(sys.executable)],
            "host": sorted(self._host_pins().items()),
            "project": project.key() if project and project.wheel else None,
        }
        return hashlib.sha256(json.dumps(ident, sort_keys=True).encode()).hexdigest()

    def ensure(self, pins: Mapping[str, str], project: Optional[ProjectInstall] = None) -> Path:
        """The environment for ``pins`` (+ project): reused when cached, else built atomically.

        Raises :class:`EnvironmentError_` when the environment cannot be built.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        self._sweep_dead_builds()
        key = self.env_key(pins, project)
        final = self.root / key[:32]
        from filelock import FileLock

        with FileLock(str(self.root / f"{key[:32]}.lock"), timeout=max(self.timeout, 1) * 2):
            if (final / ENV_MARKER).is_file() and env_python(final).exists():
                self.last_cache_hit = True
                self.last_install_seconds = 0.0
                os.utime(final / ENV_MARKER)  # LRU: most recently used
                return final
            if final.exists():  # a folder without its marker is not ours to trust
                shutil.rmtree(final, ignore_errors=True)
            self.last_cache_hit = False
            start = time.monotonic()
            tmp = self.root / f"{_BUILD_PREFIX}{key[:12]}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
            try:
                self._build(tmp, pins, project)
                marker = {"pins": dict(sorted(pins.items())), "python": sys.version.split()[0],
                          "installer": self.installer, "project": project.dist if project else None,
                          "created": time.time()}
                (tmp / ENV_MARKER).write_text(json.dumps(marker, indent=1))
                os.replace(tmp, final)
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
            self.last_install_seconds = time.monotonic() - start
        self._evict(keep=final)
        return final

    def cached(self) -> List[Path]:
        """Complete environments, most recently used first."""
        if not self.root.is_dir():
            return []
        envs = [p for p in self.root.iterdir() if p.is_dir() and (p / ENV_MARKER).is_file()]
        return sorted(envs, key=lambda p: (p / ENV_MARKER).stat().st_mtime, reverse=True)

    # -- building -------------------------------------------------------
    def _host_pins(self) -> Dict[str, str]:
        return host_pins(host_requirements("pytest"))

    def _requirements(self, pins: Mapping[str, str]) -> List[str]:
        """The pins, plus the running pytest and its needs where the pins do not name them."""
        reqs = [f"{name}=={version}" for name, version in pins.items()]
        named = {canonicalize_name(n) for n in pins}
        for name, version in sorted(self._host_pins().items()):
            if name not in named:
                reqs.append(f"{name}=={version}")
        return reqs

    def _host_wheel_dirs(self) -> List[str]:
        """Repack pytest and its dependencies into the wheelhouse (once per install of each)."""
        dirs = []
        for dist in host_requirements("pytest"):
            wheel = repack(dist, self.wheelhouse)
            if wheel is not None:
                dirs.append(str(wheel.parent))
        return list(dict.fromkeys(dirs))

    def _index_flags(self) -> List[str]:
        flags: List[str] = []
        index_url, extras, links, no_index = self.index_url, list(self.extra_index_urls), list(self.find_links), self.no_index
        explicit = bool(index_url or extras or links or no_index)
        if self.installer == "uv" and not explicit:
            # uv does not read pip's configuration: hand it the same sources pip would use.
            from .index.config import load_sources

            src = load_sources()
            if src.index_urls:
                index_url, extras = src.index_urls[0], src.index_urls[1:]
            else:
                no_index = True
            links = src.find_links
        if no_index:
            flags.append("--no-index")
        elif index_url:
            flags += ["--index-url", index_url]
        for url in extras:
            if not no_index:
                flags += ["--extra-index-url", url]
        for link in links:
            flags += ["--find-links", link]
        return flags

    def _build(self, tmp: Path, pins: Mapping[str, str], project: Optional[ProjectInstall]) -> None:
        python = env_python(tmp)
        if self.uv:
            self._run([self.uv, "venv", "--quiet", "--python", sys.executable, str(tmp)], "create the environment")
        else:
            self._run([sys.executable, "-m", "venv", "--without-pip", str(tmp)], "create the environment")
        reqs = self._requirements(pins)
        flags = self._index_flags()
        for folder in self._host_wheel_dirs():
            flags += ["--find-links", folder]
        self._run(self._install_cmd(python, flags) + reqs, "install the pins")
        if project is not None and project.wheel is not None:
            self._run(self._install_cmd(python, ["--no-index", "--no-deps"]) + [str(project.wheel)],
                      f"install the project {project.dist}")

    def _install_cmd(self, python: Path, flags: List[str]) -> List[str]:
        if self.uv:
            # Byte-compile at install time (pip does by default): else every cached run recompiles pytest.
            return [self.uv, "pip", "install", "--quiet", "--compile-bytecode", "--python", str(python)] + flags
        return [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                "--disable-pip-version-check", "--no-input"] + flags

    def _run(self, cmd: List[str], what: str) -> None:
        env = _clean_env(os.environ)
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                    start_new_session=True)
        except OSError as exc:
            raise EnvironmentError_(f"cannot {what}: {exc.strerror or exc}")
        try:
            out, _ = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            out = proc.communicate()[0]
            raise EnvironmentError_(f"cannot {what}: timed out after {self.timeout:g} s", _decode(out))
        except BaseException:
            kill_group(proc)
            raise
        if proc.returncode != 0:
            text = _decode(out)
            raise EnvironmentError_(f"cannot {what} ({self.installer}): {_first_error(text)}", text)

    # -- housekeeping ---------------------------------------------------
    def _evict(self, keep: Path) -> None:
        for env in self.cached()[self.max_envs:]:
            if env != keep:
                shutil.rmtree(env, ignore_errors=True)
                try:
                    (self.root / f"{env.name}.lock").unlink()
                except OSError:
                    pass

    def _sweep_dead_builds(self) -> None:
        """Remove temporary build folders whose builder process is gone (killed mid-install)."""
        for child in self.root.glob(f"{_BUILD_PREFIX}*"):
            m = re.match(rf"{re.escape(_BUILD_PREFIX)}\w+-(\d+)-", child.name)
            if m and not _pid_alive(int(m.group(1))):
                shutil.rmtree(child, ignore_errors=True)


# -- process helpers ----------------------------------------------------------

def _clean_env(base: Mapping[str, str]) -> Dict[str, str]:
    """The caller's environment minus what would leak the running env into the new one."""
    env = {k: v for k, v in base.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "CONDA_PREFIX",
                                                          "PYTEST_ADDOPTS", "PIP_REQUIRE_VIRTUALENV", "PIP_USER")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def kill_group(proc: subprocess.Popen) -> None:
    """Stop a child started with ``start_new_session`` and everything it started."""
    try:
        if sys.platform == "win32":
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, ProcessLookupError):
        pass
    try:
        proc.wait(timeout=10)
    except Exception:
        pass


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _decode(data: Optional[bytes]) -> str:
    return redact_text((data or b"").decode("utf-8", errors="replace"))


def _first_error(text: str) -> str:
    """The line of installer output that says what went wrong."""
    lines = [ln.strip().lstrip("╰─▶ ").strip() for ln in text.splitlines() if ln.strip()]
    for i, ln in enumerate(lines):
        low = ln.lower()
        if "no solution found" in low and i + 1 < len(lines):
            return f"{ln} {lines[i + 1]}"[:400]  # uv: the reason is on the next line
        if low.startswith("error:") or "no matching distribution" in low or "could not find a version" in low \
                or low.startswith("because") or "not found" in low:
            return ln[:400]
    return (lines[-1][:400] if lines else "no output")
