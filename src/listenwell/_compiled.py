"""The hot modules compiled with mypyc, when a build made them, and the guard that never lets a stale one run.

A build with ``LISTENWELL_MYPYC=1`` (``hatch_build.py``) compiles the modules of ``MODULES`` with mypyc: the same
code, run as C (about a fifth fewer instructions in ``listen_many``, identical output). A compiled module sits beside
its ``.py`` and Python's import prefers it, so after an edit of the ``.py`` the old build would silently run. The
build therefore writes ``_compiled.json`` beside them: the SHA-256 of each compiled module's source.

``guard()`` runs when ``listenwell`` is imported, before any of these modules is: unless every listed source still
has its hash (and ``LISTENWELL_COMPILED`` is not ``0``), a finder first on ``sys.meta_path`` loads *all* of them
from their ``.py`` files. All or none, because mypyc calls from one compiled module into another natively: one
module loaded from source would leave the others calling its old code.

This module is never compiled itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Mapping, Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

__all__ = ["MANIFEST", "MODULES", "guard", "source_hash", "stale", "state"]

# The modules a mypyc build compiles: the per-message Python of analysis and suggestion (``_learned`` stops mypyc
# with an internal error; ``_matching``'s loops are in ``_speedups.c``).
MODULES = (
    "_analysis", "_gist", "_irony", "_perspective", "_phrases", "_reply", "_suggest", "_template_index",
)  # fmt: skip
MANIFEST = "_compiled.json"  # {"modules": {name: sha256 of name.py}}, written by the build beside the modules
PACKAGE = __name__.rpartition(".")[0]

state = "not built"  # "compiled", "not built", or "source: <why>" (set by ``guard``)


def source_hash(path: Path) -> str:
    """The SHA-256 of a source file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stale(folder: Path, hashes: Mapping[str, str]) -> list[str]:
    """The modules of ``hashes`` whose ``.py`` in ``folder`` is missing or no longer has its recorded hash."""
    out = []
    for name, digest in sorted(hashes.items()):
        path = folder / f"{name}.py"
        if not path.is_file() or source_hash(path) != digest:
            out.append(name)
    return out


class _FromSource(MetaPathFinder):
    """Finds the named modules as their ``.py`` files, ahead of the compiled ones beside them."""

    def __init__(self, sources: Mapping[str, Path]) -> None:
        self.sources = dict(sources)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source is not None else None


def guard(folder: Path | None = None) -> str:
    """Let the compiled modules run only when all of them match their sources; returns (and sets) ``state``."""
    global state
    folder = Path(__file__).resolve().parent if folder is None else folder
    manifest = folder / MANIFEST
    if not manifest.is_file():
        if not any((folder / f"{m}{suffix}").exists() for m in MODULES for suffix in EXTENSION_SUFFIXES):
            state = "not built"
            return state
        hashes, changed = {}, [f"compiled modules without {MANIFEST}"]  # built by hand: unguarded, so not used
    else:
        try:
            hashes = {str(k): str(v) for k, v in json.loads(manifest.read_text(encoding="utf-8"))["modules"].items()}
            changed = stale(folder, hashes)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            hashes, changed = {}, [f"unreadable {MANIFEST} ({type(exc).__name__})"]
    if os.environ.get("LISTENWELL_COMPILED") == "0":
        changed = ["LISTENWELL_COMPILED=0"]
    if not changed:
        state = "compiled"
        return state
    sources = {f"{PACKAGE}.{m}": folder / f"{m}.py" for m in sorted(set(hashes) | set(MODULES))}
    sys.meta_path[:] = [_FromSource(sources), *(f for f in sys.meta_path if not isinstance(f, _FromSource))]
    state = f"source: {', '.join(changed)} changed since the build" if changed[0] in hashes else f"source: {changed[0]}"
    return state


guard()  # on import: ``listenwell/__init__.py`` imports this module before any other of its own
