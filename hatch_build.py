"""Build hook: compile listenwell's optional C accelerator (``src/listenwell/_speedups.c``) into the wheel.

The module holds the matcher's per-token loops; listenwell runs the same loops in Python when it is missing, so a
build without a C compiler (or with ``LISTENWELL_PURE_PYTHON=1``) still gives a working, pure-Python wheel. Only
the CPython C API and the compiler Python itself was built with are used: no Cython, no setuptools.

An editable install puts the module beside its source in ``src/listenwell/``; ``python hatch_build.py`` does the
same for a checkout run from ``src`` (tests, benchmarks).
"""

from __future__ import annotations

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


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # pragma: no cover - only ``python hatch_build.py`` runs without hatchling
    BuildHookInterface = object  # type: ignore[assignment,misc]


class SpeedupsHook(BuildHookInterface):  # type: ignore[misc,valid-type]
    """Adds the compiled accelerator to a wheel (a platform wheel then), or builds it in place for an editable one."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if version == "editable":  # the editable wheel points at src/: the module goes beside its source
            compile_speedups(SOURCE.parent)
            return
        self._tmp = tempfile.TemporaryDirectory()
        built = compile_speedups(Path(self._tmp.name))
        if built is None:
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"][str(built)] = f"listenwell/{built.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    built = compile_speedups(SOURCE.parent)
    print(built or "not built")
    sys.exit(0 if built else 1)
