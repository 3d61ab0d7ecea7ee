"""Locales for crisis resources: normalise what a user or the environment says, and fall back clearly."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping

from ._errors import ArgumentTypeError, Errors

__all__ = ["GENERIC", "normalize_locale", "resolve_locale"]

GENERIC = "*"
_ENV_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
_NEUTRAL = frozenset({"", "c", "posix"})  # the environment says nothing about where the user is
_warned: set[str] = set()


def normalize_locale(locale: str) -> str:
    """``en-US``, ``en_us`` and ``en_US.UTF-8`` are all ``en_us``; the generic ``*`` stays ``*``."""
    if locale.strip() == GENERIC:
        return GENERIC
    base = locale.strip().split(".", 1)[0].split("@", 1)[0]
    return base.replace("-", "_").lower()


def _from_environment(environ: Mapping[str, str]) -> str | None:
    """The first locale set in LC_ALL, LC_MESSAGES or LANG, or None."""
    for name in _ENV_VARS:
        value = environ.get(name)
        if value:
            return value
    return None


def resolve_locale(requested: str | None, known: Iterable[str], *, environ: Mapping[str, str] | None = None) -> str:
    """The resource locale to use: ``requested``, else the environment's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).

    Matching ignores case and separators. A locale with no resources of its own warns once and gives the
    generic rows (``*``); so does an environment locale that names a place listenwell has no rows for.
    """
    from_env = requested is None
    raw = _from_environment(os.environ if environ is None else environ) if from_env else requested
    if raw is None:
        return GENERIC
    if not isinstance(raw, str):
        raise ArgumentTypeError(Errors.E036.format(type_name=type(raw).__name__))
    wanted = normalize_locale(raw)
    if wanted == GENERIC or (from_env and wanted in _NEUTRAL):
        return GENERIC
    table = {normalize_locale(k): k for k in known if k != GENERIC}
    if wanted in table:
        return table[wanted]
    if wanted not in _warned:
        _warned.add(wanted)
        source = "the environment's locale" if from_env else "locale"
        warnings.warn(
            f"{source} {raw!r} has no crisis resources of its own; showing the generic ones. "
            f"Known locales: {', '.join(sorted(table.values()))}. Add rows to resources.jsonl for yours.",
            UserWarning,
            stacklevel=3,
        )
    return GENERIC
