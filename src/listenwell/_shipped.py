"""Where the shipped rule tables are, and the ids the shipped taxonomy tables define.

An installed wheel carries the tables as package data (``listenwell/rules``, mapped from the top-level ``rules/``
folder at build time, see ``pyproject.toml``). A source checkout or an editable install runs the package from
``src/listenwell`` and finds the tables in the checkout's ``rules/`` folder beside ``src/``: no link needed.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from ._errors import Errors, RulesNotFound

__all__ = ["shipped_rules_root", "shipped_ids", "TAXONOMY_FILES"]

# The tables that define the ids of a taxonomy, and the key holding the id.
TAXONOMY_FILES = {
    "families": (("families.jsonl",), "id"),
    "cue_kinds": (("cue_kinds.jsonl",), "kind"),
    "review_kinds": (("review", "kinds.jsonl"), "kind"),
}


def shipped_rules_root() -> Traversable:
    """The folder holding the shipped rule tables (see the module docstring)."""
    package = resources.files("listenwell")
    inside = package.joinpath("rules")
    if inside.is_dir():
        return inside
    checkout = Path(str(package)).parent.parent / "rules"
    if (checkout / "families.jsonl").is_file():
        return checkout
    raise RulesNotFound(Errors.E016.format(package=package, checkout=checkout))


@cache
def shipped_ids(taxonomy: str) -> tuple[str, ...]:
    """The ids a shipped taxonomy table defines, in file order: ``shipped_ids("families")``."""
    parts, key = TAXONOMY_FILES[taxonomy]
    entry = shipped_rules_root().joinpath(*parts)
    ids = []
    for line in entry.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ids.append(json.loads(line)[key])
    return tuple(ids)
