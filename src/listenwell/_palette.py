"""One colour per emotion family, shared by every face: the terminal, the web page and displaCy.

The colours are data: the ``colour`` column of ``rules/families.jsonl`` (a family without one is a neutral
grey). Negative families sit in reds, oranges, purples, blues and earth tones; positive ones in yellows and
greens; surprise and confusion in pale neutrals. Every colour is light enough to read dark text on (the web page
and displaCy use them as backgrounds) and bright enough to read on a dark terminal (the CLI uses them as text).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._loading import RuleSet

__all__ = ["family_colour", "family_colours"]  # and FAMILY_COLOURS, the shipped colours (module __getattr__)

_OTHER = "#e0e0e0"


def family_colours(rules: RuleSet | None = None) -> Mapping[str, str]:
    """Family id -> ``#rrggbb`` for the families of ``rules`` that have a colour (the shipped ones when None)."""
    if rules is None:
        return _shipped_colours()
    return MappingProxyType({f.id: f.colour for f in rules.rows("families") if f.colour})


@cache
def _shipped_colours() -> Mapping[str, str]:
    from ._loading import load_rules

    return family_colours(load_rules())


def family_colour(family: str, rules: RuleSet | None = None) -> str:
    """The family's colour as ``#rrggbb``; a family without a colour (a user's own, say) gets a neutral grey."""
    return family_colours(rules).get(family, _OTHER)


def __getattr__(name: str) -> Mapping[str, str]:
    if name == "FAMILY_COLOURS":  # the shipped families' colours, read from the tables on first use
        return _shipped_colours()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
