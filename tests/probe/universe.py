"""A distribution whose interface changes release by release, as fixture wheels.

``shapes`` 1.0 ... 1.7 (eight releases).  What changes, and where:

- ``shapes.legacy`` (submodule): 1.0-1.3, gone in 1.4
- ``shapes:circle`` (re-exported through ``from .core import *`` and core's ``__all__``): 1.2-1.5
- ``shapes:Square`` (class): 1.0-1.4; from 1.5 listed in ``__former_attrs__``, for which
  the module ``__getattr__`` raises
- ``shapes:area(units)``: keyword 1.0-1.4; 1.5 drops it (``area(shape, *, precision=2)``)
- ``shapes:Canvas.draw`` (method): appears in 1.3
- ``shapes:render(antialias)``: ``render(**kwargs)`` forwards to ``Renderer(...)``, whose
  ``antialias`` keyword goes away in 1.7
- ``shapes:fast``: defined in both branches of a try/except ImportError (so certainly) in every release
- ``shapes.CONSTANTS`` alias ``PI = _PI``: always
"""

from __future__ import annotations

from typing import Dict, List

VERSIONS = [f"1.{i}" for i in range(8)]


def _vt(v: str) -> int:
    return int(v.split(".")[1])


def shapes_files(version: str) -> Dict[str, str]:
    m = _vt(version)
    core_all = ["area", "render", "Renderer", "Canvas"]
    core = ["import math\n", "_PI = math.pi\n"]
    if m <= 4:
        core.append("def area(shape, units=None):\n    return 0\n")
        core_all.append("Square")
        core.append("class Square:\n    sides = 4\n")
    else:
        core.append("def area(shape, *, precision=2):\n    return 0\n")
    if 2 <= m <= 5:
        core_all.append("circle")
        core.append("def circle(r):\n    return _PI * r * r\n")
    core.append("class Canvas:\n    def __init__(self, w, h):\n        self.size = (w, h)\n")
    if m >= 3:
        core.append("    def draw(self, shape):\n        return shape\n")
    renderer_args = "self, dpi=72" + (", antialias=True" if m < 7 else "")
    core.append(f"class Renderer:\n    def __init__({renderer_args}):\n        self.dpi = dpi\n")
    core.append("def render(shape, **kwargs):\n    return Renderer(**kwargs)\n")
    core.insert(0, f"__all__ = {core_all!r}\n")
    init = [
        f"__version__ = {version!r}\n",
        "from .core import *\n",
        "from .core import _PI\n",
        "PI = _PI\n",
        "try:\n    from ._speed import fast\nexcept ImportError:\n    def fast(x):\n        return x\n",
    ]
    if m >= 5:
        init.append(
            "__former_attrs__ = {\n    'Square': 'shapes.Square was removed in 1.5; use shapes.Polygon(4)',\n}\n"
            "def __getattr__(attr):\n"
            "    if attr in __former_attrs__:\n"
            "        raise AttributeError(__former_attrs__[attr])\n"
            "    raise AttributeError(f'module shapes has no attribute {attr!r}')\n"
        )
    files = {
        "shapes/__init__.py": "".join(init),
        "shapes/core.py": "".join(core),
        # a compiled module: its names are not parsed, but the C strings it defines them by can be searched
        "shapes/_speed.cpython-311-x86_64-linux-gnu.so": "\x7fELF\x00PyInit__speed\x00fast\x00",
    }
    if m <= 3:
        files["shapes/legacy.py"] = "def old():\n    return 1\n"
    return files


def shapes_universe(padding: int = 0, versions: List[str] = VERSIONS) -> Dict[str, List[dict]]:
    return {"shapes": [{"version": v, "files": shapes_files(v), "padding": padding} for v in versions]}
