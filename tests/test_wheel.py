"""Build the wheel, install it in a fresh virtual environment, and analyse a message there.

This catches rule tables missing from the wheel. It needs the package index for the dependencies (pip's cache
makes later runs quick).
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_built_wheel_works_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)], check=True,
                   capture_output=True)  # fmt: skip
    wheel = next(dist.glob("listenwell-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    code = (
        'import listenwell, json; r = listenwell.listen("I\'m not angry, just tired"); '
        "print(json.dumps([r.analysis.dominant, len(r.suggestions), len(listenwell.default_listener().rules)]))"
    )
    out = subprocess.run([str(py), "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    dominant, n_suggestions, n_rules = __import__("json").loads(out)
    assert dominant == "exhaustion" and n_suggestions >= 3 and n_rules > 4000
    cli = env_dir / "bin" / "listenwell"
    assert subprocess.run([str(cli), "--json", "hello"], capture_output=True, cwd=tmp_path).returncode == 0
