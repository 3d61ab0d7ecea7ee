"""The optional C loops (``_speedups.c``, compiled into the wheel by ``hatch_build.py``), or None.

Each loop there mirrors a Python loop of ``_matching`` or ``_learned``, which read ``speedups`` at each call and run
their own loop when it is None: a build without a C compiler, or a stale build whose ABI number is not ``ABI``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ABI", "speedups"]

ABI = 7  # the ABI number of the C loops this code calls

try:
    from . import _speedups as _compiled  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a build without a C compiler
    _compiled = None

speedups: Any = _compiled if getattr(_compiled, "ABI", None) == ABI else None
