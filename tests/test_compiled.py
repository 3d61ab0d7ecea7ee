"""The guard over mypyc-compiled modules (``listenwell._compiled``): a compiled module runs only while every compiled
module's source still has the hash its build recorded; otherwise all of them load from their ``.py`` files.

The guard is tested on folders made here (a real mypyc build takes minutes; ``LISTENWELL_MYPYC=1 python
hatch_build.py`` makes one). The last test checks this checkout: whatever is built in it, no compiled module is
loaded unless the guard let it be.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import sys
from pathlib import Path

import pytest

import listenwell  # noqa: F401  (imports the package's modules, through the guard)
from listenwell import _compiled

SO = importlib.machinery.EXTENSION_SUFFIXES[0]


def _folder(tmp_path: Path, *, manifest: bool = True, edit: str | None = None, so: bool = False) -> Path:
    """A package folder holding each compiled module's source, its manifest, and ``edit``ed after the build."""
    for m in _compiled.MODULES:
        (tmp_path / f"{m}.py").write_text(f"NAME = {m!r}\n", encoding="utf-8")
        if so:
            (tmp_path / f"{m}{SO}").write_bytes(b"")
    if manifest:
        hashes = {m: hashlib.sha256((tmp_path / f"{m}.py").read_bytes()).hexdigest() for m in _compiled.MODULES}
        (tmp_path / _compiled.MANIFEST).write_text(json.dumps({"modules": hashes}), encoding="utf-8")
    if edit is not None:
        with open(tmp_path / f"{edit}.py", "a", encoding="utf-8") as f:
            f.write("# edited\n")
    return tmp_path


@pytest.fixture
def clean_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard may put a finder on sys.meta_path and set ``state``: both are restored after each test."""
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setattr(_compiled, "state", _compiled.state)
    monkeypatch.delenv("LISTENWELL_COMPILED", raising=False)


def _from_source(name: str) -> Path | None:
    """Where the guard's finder, if one is first on sys.meta_path, loads ``listenwell.<name>`` from."""
    spec = sys.meta_path[0].find_spec(f"listenwell.{name}", None)
    return Path(spec.origin) if spec is not None and spec.origin is not None else None


@pytest.mark.parametrize(
    ("edit", "manifest", "so", "env", "state"),
    [
        (None, True, True, None, "compiled"),
        ("_suggest", True, True, None, "source: _suggest changed since the build"),
        ("_analysis", True, True, None, "source: _analysis changed since the build"),
        (None, True, True, "0", "source: LISTENWELL_COMPILED=0"),
        (None, False, True, None, "source: compiled modules without _compiled.json"),
        (None, False, False, None, "not built"),
    ],
)
def test_guard_states(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_path: None,
    edit: str | None, manifest: bool, so: bool, env: str | None, state: str,
) -> None:  # fmt: skip
    folder = _folder(tmp_path, manifest=manifest, edit=edit, so=so)
    if env is not None:
        monkeypatch.setenv("LISTENWELL_COMPILED", env)
    before = [f for f in sys.meta_path if not isinstance(f, _compiled._FromSource)]  # (this process's own guard's)
    assert _compiled.guard(folder) == state == _compiled.state
    if state.startswith("source"):  # every compiled module, not only the edited one, comes from its .py
        assert sys.meta_path[1:] == before
        assert {m: _from_source(m) for m in _compiled.MODULES} == {m: folder / f"{m}.py" for m in _compiled.MODULES}
        assert _from_source("_listener") is None  # modules never compiled are left to the usual finders
    else:
        assert [f for f in sys.meta_path if not isinstance(f, _compiled._FromSource)] == before


@pytest.mark.parametrize("content", ["", "{", '{"modules": 3}', '{"other": {}}', "[]"])
def test_an_unreadable_manifest_means_source(tmp_path: Path, clean_path: None, content: str) -> None:
    folder = _folder(tmp_path, so=True)
    (folder / _compiled.MANIFEST).write_text(content, encoding="utf-8")
    assert _compiled.guard(folder).startswith("source: unreadable _compiled.json")
    assert _from_source("_suggest") == folder / "_suggest.py"


@pytest.mark.parametrize(
    ("written", "changed"),
    [({}, []), ({"_gist": "x"}, ["_gist"]), ({"_gist": "x", "_reply": "y"}, ["_gist", "_reply"])],
)
def test_stale_names_each_source_that_differs(tmp_path: Path, written: dict[str, str], changed: list[str]) -> None:
    folder = _folder(tmp_path)
    for name, text in written.items():
        (folder / f"{name}.py").write_text(text, encoding="utf-8")
    hashes = json.loads((folder / _compiled.MANIFEST).read_text(encoding="utf-8"))["modules"]
    assert _compiled.stale(folder, hashes) == changed
    (folder / "_irony.py").unlink()  # a source gone is stale too
    assert _compiled.stale(folder, hashes) == sorted([*changed, "_irony"])


def test_this_checkout_runs_compiled_modules_only_when_the_guard_allows() -> None:
    loaded = {m: sys.modules[f"listenwell.{m}"].__spec__ for m in _compiled.MODULES if f"listenwell.{m}" in sys.modules}
    assert loaded, "listenwell imported none of the modules a build may compile"
    extension = {m: spec is not None and str(spec.origin).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
                 for m, spec in loaded.items()}  # fmt: skip
    if _compiled.state == "compiled":
        assert all(extension.values()), extension
    else:
        assert not any(extension.values()), (_compiled.state, extension)
