"""pytest-depfix: from a crash caused by incompatible dependency versions to exact pins that fix it."""

__version__ = "0.1.0"
