"""One colour per emotion family, shared by every face: the terminal, the web page and displaCy.

Negative families sit in reds, oranges, purples, blues and earth tones; positive ones in yellows and greens;
surprise and confusion in pale neutrals. Every colour is light enough to read dark text on (the web page and
displaCy use them as backgrounds) and bright enough to read on a dark terminal (the CLI uses them as text).
"""

from __future__ import annotations

__all__ = ["FAMILY_COLOURS", "family_colour"]

FAMILY_COLOURS: dict[str, str] = {
    "anger": "#ff4d4d", "frustration": "#ff8c42", "hurt": "#ff7eb9", "sadness": "#4d9dff",
    "loneliness": "#8c8cff", "unseen": "#c77dff", "fear": "#ff4fd8", "anxiety": "#ffb000",
    "overwhelm": "#d9a066", "exhaustion": "#9aa5b1", "shame": "#c9848f", "guilt": "#8fb8d0",
    "disappointment": "#6f8fc0", "jealousy": "#a8d530", "disgust": "#9aa860",
    "joy": "#ffe14d", "love": "#ff5c8a", "gratitude": "#6ee7b7", "pride": "#e0c000", "hope": "#7fdbff",
    "calm": "#4dd0c4", "excitement": "#2ee86a",
    "surprise": "#ffd6a5", "confusion": "#d0d0d0",
}  # fmt: skip

_OTHER = "#e0e0e0"


def family_colour(family: str) -> str:
    """The family's colour as ``#rrggbb``; a user's own sub-family gets a neutral grey."""
    return FAMILY_COLOURS.get(family, _OTHER)
