"""A start-up cache: the loaded rule tables and the compiled phrase patterns, kept in a user cache folder.

Building a Listener means reading about 20,000 rule rows and compiling about 14,000 phrases into 60,000 literal
token sequences with the pipeline's tokenizer: seconds of work whose result depends only on the rule files, the
code that reads them and the tokenizer. Each entry is stored under a key that hashes all of these, so a change
to any of them (a rule edited, listenwell or spaCy upgraded, another tokenizer) misses the cache and rebuilds:
an entry is never used for inputs other than its own.

- Where: ``$LISTENWELL_CACHE_DIR``, else ``$XDG_CACHE_HOME/listenwell``, else ``~/.cache/listenwell``.
  ``LISTENWELL_CACHE_DIR=off`` turns the cache off.
- Format: ``marshal`` of plain data (str, int, float, bool, None, tuples, lists, dicts), which loads fast and runs
  no code. A file that does not read back as the expected shape, or holds another key, is ignored and rebuilt.
- Writes go to a temporary file renamed into place, so a reader never sees half a file; a folder that cannot be
  written just means no cache. Nothing here touches the network.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "code_fingerprint", "fingerprint", "read", "write"]

FORMAT = 1  # bump when the shape of an entry changes
_KEEP = 8  # entries of one kind kept (older ones are removed when a new one is written)


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    chosen = os.environ.get("LISTENWELL_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in {"", "0", "off", "no", "false"} else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "listenwell"


def fingerprint(*parts: str | bytes) -> str:
    """A hex digest of the parts, each length-prefixed so that no two lists of parts give the same bytes."""
    h = hashlib.sha256(str(FORMAT).encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def code_fingerprint(*modules: str) -> str:
    """A digest of the source of listenwell modules (``"_rules"``, ``"_matching"``, ...) whose code shapes an entry."""
    package = resources.files("listenwell")
    return fingerprint(*(package.joinpath(f"{m}.py").read_bytes() for m in modules))


def _path(kind: str, key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{kind}-{key[:32]}.marshal"


def read(kind: str, key: str) -> Any | None:
    """The payload stored for ``key``, or None (no cache, no entry, or an entry that does not read back)."""
    path = _path(kind, key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
        stored = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        return None
    return stored[1]


def write(kind: str, key: str, payload: Any) -> None:
    """Store ``payload`` (plain data) for ``key``; any OS error leaves the cache as it was."""
    path = _path(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps((key, payload)))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        old = sorted(path.parent.glob(f"{kind}-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_KEEP:]:
            stale.unlink(missing_ok=True)
    except (OSError, ValueError):
        return
