"""The rule tables travel with the package without a symlink: in a built wheel as package data, and in a source
checkout or an editable install from the top-level ``rules/`` folder.

The fresh-venv tests build without isolation (hatchling comes with the dev extra) and install with this
environment's pip (``pip --python``), so they need no package index and no pip inside the new venv.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from listenwell._loading import _iter_files, shipped_rules_root

ROOT = Path(__file__).resolve().parent.parent
CODE = (
    "import listenwell, json; from listenwell._shipped import shipped_rules_root; "
    'r = listenwell.listen("I\'m not angry, just tired"); '
    "print(json.dumps([r.analysis.dominant, len(r.suggestions), len(listenwell.default_listener().rules), "
    "str(shipped_rules_root()), listenwell.__file__]))"
)


def test_no_symlink_and_the_checkout_reads_the_top_level_rules() -> None:
    assert not (ROOT / "src" / "listenwell" / "rules").exists()
    assert not any(p.is_symlink() for p in (ROOT / "src").rglob("*"))
    root = Path(str(shipped_rules_root()))
    if Path(__import__("listenwell").__file__).parent == (ROOT / "src" / "listenwell"):  # running from this checkout
        assert root == ROOT / "rules"
    shipped = {"/".join(parts) for parts, _ in _iter_files(root)}
    on_disk = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.jsonl")}
    assert shipped == on_disk


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    build = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)]
    subprocess.run(build, check=True, capture_output=True)
    return next(dist.glob("listenwell-*.whl"))


@pytest.mark.slow
def test_the_wheel_carries_every_table_as_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"listenwell/rules/" + p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*")
                if p.is_file()}  # fmt: skip
    assert expected <= names
    assert "listenwell/rules/README.md" in names and "listenwell/_shipped.py" in names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = [
        line
        for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
        if line.startswith("Requires-Dist:")
    ]
    assert any("spacy" in r for r in requires) and any("vadersentiment" in r.lower() for r in requires)


def _fresh_venv(tmp_path: Path) -> Path:
    """A new virtual environment that sees this one's installed dependencies (spaCy, VADER, rich) through a .pth
    file, so listenwell itself is installed with --no-deps: what is tested is the package, not pip's resolver. It has no
    pip of its own: :func:`_pip_install` runs this environment's pip against it."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
    here = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "deps-from-test-runner.pth").write_text("\n".join(here) + "\n", encoding="utf-8")
    return py


def _pip_install(py: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps",
                    "--no-build-isolation", *args], check=True)  # fmt: skip


@pytest.mark.slow
def test_built_wheel_works_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    py = _fresh_venv(tmp_path)
    _pip_install(py, str(wheel))
    out = subprocess.run([str(py), "-c", CODE], check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    dominant, n_suggestions, n_rules, root, module = json.loads(out)
    assert dominant == "exhaustion" and n_suggestions >= 3 and n_rules > 4000
    assert Path(root) == Path(module).parent / "rules"  # package data, not this checkout
    cli = py.parent / "listenwell"
    assert subprocess.run([str(cli), "--json", "hello"], capture_output=True, cwd=tmp_path).returncode == 0
    carried = any(n.startswith("listenwell/_speedups.") for n in zipfile.ZipFile(wheel).namelist())
    assert carried or not _can_compile()
    assert _uses_speedups(py, tmp_path) == carried  # a wheel that carries the C loops uses them


@pytest.mark.slow
def test_an_editable_install_reads_the_checkout_rules(tmp_path: Path) -> None:
    """``pip install -e``: the package runs from src/listenwell and reads rules/ beside src/ (no link)."""
    py = _fresh_venv(tmp_path)
    _pip_install(py, "-e", str(ROOT))
    out = subprocess.run([str(py), "-c", CODE], check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    dominant, _n, n_rules, root, module = json.loads(out)
    assert Path(module) == ROOT / "src" / "listenwell" / "__init__.py"
    assert Path(root) == ROOT / "rules" and dominant == "exhaustion" and n_rules > 4000
    assert _uses_speedups(py, tmp_path) or not _can_compile()  # built beside its source by the build hook


def _can_compile() -> bool:
    """Whether the build hook can compile the C loops here (CPython on Linux or macOS with a C compiler)."""
    return (sys.implementation.name == "cpython" and sys.platform != "win32"
            and not os.environ.get("LISTENWELL_PURE_PYTHON") and shutil.which("cc") is not None
            and Path(sysconfig.get_paths()["include"], "Python.h").is_file())  # fmt: skip


def _uses_speedups(py: Path, cwd: Path) -> bool:
    code = "from listenwell import _accel; print(_accel.speedups is not None)"
    out = subprocess.run([str(py), "-c", code], check=True, capture_output=True, text=True, cwd=cwd).stdout
    return out.strip() == "True"
