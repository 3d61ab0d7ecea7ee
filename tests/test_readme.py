"""README.md's Python examples are real: they run here as doctests, outputs and all."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


def test_readme_opens_with_install_and_test_commands() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = text.split("```bash\n")[1:3]
    assert blocks[0].startswith("pip install . && listenwell ")
    assert blocks[1].startswith('pip install -e ".[server,dev]" && python -m pytest')
