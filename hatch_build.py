"""Build hook: compile listenwell's optional C accelerator (``src/listenwell/_speedups.c``) into the wheel.

The module holds the matcher's per-token loops; listenwell runs the same loops in Python when it is missing, so a
build without a C compiler (or with ``LISTENWELL_PURE_PYTHON=1``) still gives a working, pure-Python wheel. Only
the CPython C API and the compiler Python itself was built with are used: no Cython, no setuptools.

An editable install puts the module beside its source in ``src/listenwell/``; ``python hatch_build.py`` does the
same for a checkout run from ``src`` (tests, benchmarks).

Opt-in: with ``LISTENWELL_MYPYC=1`` the build also compiles the hot modules listed in ``_compiled.MODULES`` with
mypyc (it then needs mypy and setuptools, which the hook asks for, and a few minutes), and writes
``_compiled.json``, the hash of each compiled module's source: ``listenwell._compiled`` loads them all from their
``.py`` files instead as soon as one source differs from its build, so an edit never runs beside a stale build.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shlex
import subprocess
import sys
import sysconfig
import tempfile
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "src" / "listenwell" / "_speedups.c"
NAME = "_speedups"


def compile_speedups(out_dir: Path) -> Path | None:
    """Compile the accelerator into ``out_dir``; its path, or None (with a warning) when it cannot be built."""
    if os.environ.get("LISTENWELL_PURE_PYTHON") or sys.platform == "win32" or sys.implementation.name != "cpython":
        return None
    config = sysconfig.get_config_vars()
    suffix = config.get("EXT_SUFFIX") or ".so"
    target = out_dir / f"{NAME}{suffix}"
    # LDSHARED is the compiler and the flags that link an extension on this platform ("gcc -shared" on Linux,
    # "-bundle -undefined dynamic_lookup" on macOS)
    linker = shlex.split(config.get("LDSHARED") or f"{config.get('CC') or 'cc'} -shared")
    flags = ["-O2", "-fPIC", "-Wall", "-Werror=implicit-function-declaration", f"-I{sysconfig.get_paths()['include']}"]
    command = [*linker, *flags, str(SOURCE), "-o", str(target)]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        warnings.warn(f"listenwell: C accelerator not built, the pure-Python matcher will be used ({detail})",
                      stacklevel=2)  # fmt: skip
        return None
    return target


def mypyc_modules() -> tuple[str, ...]:
    """``MODULES`` of ``src/listenwell/_compiled.py``, read without importing the package."""
    tree = ast.parse((SOURCE.parent / "_compiled.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MODULES" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise LookupError("MODULES not found in _compiled.py")


def compile_mypyc(out_dir: Path) -> list[Path]:
    """With ``LISTENWELL_MYPYC=1``: compile the hot modules with mypyc into ``out_dir/listenwell/`` and write their
    manifest there; the files made (none, with a warning, when mypyc or the compiler fails)."""
    if os.environ.get("LISTENWELL_MYPYC") != "1" or os.environ.get("LISTENWELL_PURE_PYTHON"):
        return []
    modules = mypyc_modules()
    package = SOURCE.parent
    hashes = {m: hashlib.sha256((package / f"{m}.py").read_bytes()).hexdigest() for m in modules}
    here = Path.cwd()
    try:
        from mypyc.build import mypycify
        from setuptools import Distribution
        from setuptools.command.build_ext import build_ext

        with tempfile.TemporaryDirectory() as tmp:
            os.chdir(package.parent)  # module names come from the paths: listenwell/_suggest.py -> listenwell._suggest
            extensions = mypycify(
                [f"listenwell/{m}.py" for m in modules], opt_level="3", group_name="listenwell._native",
                target_dir=str(Path(tmp) / "c"),
            )  # fmt: skip
            command = build_ext(Distribution({"ext_modules": extensions}))
            command.build_lib, command.build_temp = str(out_dir), str(Path(tmp) / "o")
            command.ensure_finalized()
            command.run()
            built = [Path(p) for p in command.get_outputs()]
    except Exception as exc:  # noqa: BLE001 - any failure leaves the pure-Python modules in charge
        warnings.warn(f"listenwell: mypyc modules not built, the Python ones will run ({exc})", stacklevel=2)
        return []
    finally:
        os.chdir(here)
    manifest = out_dir / "listenwell" / "_compiled.json"
    manifest.write_text(json.dumps({"modules": hashes}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [*built, manifest]


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # pragma: no cover - only ``python hatch_build.py`` runs without hatchling
    BuildHookInterface = object  # type: ignore[assignment,misc]


class SpeedupsHook(BuildHookInterface):  # type: ignore[misc,valid-type]
    """Adds the compiled accelerator to a wheel (a platform wheel then), or builds it in place for an editable one."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return ["mypy>=1.10", "setuptools>=61"] if os.environ.get("LISTENWELL_MYPYC") == "1" else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if version == "editable":  # the editable wheel points at src/: the modules go beside their source
            compile_speedups(SOURCE.parent)
            compile_mypyc(SOURCE.parent.parent)
            return
        self._tmp = tempfile.TemporaryDirectory()
        out = Path(self._tmp.name)
        speedups = compile_speedups(out)
        made = ([speedups] if speedups is not None else []) + compile_mypyc(out)
        if not made:
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path in made:
            build_data["force_include"][str(path)] = f"listenwell/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    built = compile_speedups(SOURCE.parent)
    print(built or "not built")
    for path in compile_mypyc(SOURCE.parent.parent):
        print(path)
    sys.exit(0 if built else 1)
