"""Compose the one reply a chat app shows first from the chosen suggestions.

An acknowledgement (a reflection, validation, boundary or safety line) comes first, then at most one open
question. The reply stays near ``MAX_WORDS`` words: a longer acknowledgement gives way to a shorter one of the
same mode, and a question is added only while it fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._results import Suggestion

__all__ = ["MAX_WORDS", "compose_reply"]

MAX_WORDS = 35


def _words(text: str) -> int:
    return len(text.split())


def _asks(text: str) -> bool:
    return text.rstrip().endswith("?")


def compose_reply(mode: str, suggestions: Sequence[Suggestion], *, ask: bool = True) -> str:
    """The acknowledgement that fits first, then the first question if the two stay within ``MAX_WORDS``.

    In safety mode the second line is the direct question about safety, so both are kept whatever their length.
    ``ask=False`` leaves the question out: plain news ("package came") is thanked for, not probed.
    """
    if not suggestions:
        return ""
    if mode == "safety":
        first = suggestions[0].text
        ask = next((s.text for s in suggestions[1:] if "?" in s.text), None)
        return f"{first} {ask}" if ask else first
    acks = [s.text for s in suggestions if s.kind != "question"]
    question = next((s.text for s in suggestions if s.kind == "question"), None)
    if not acks:
        return question or ""
    ack = acks[0]
    if question is None or _asks(ack) or not ask:
        return ack
    if _words(ack) + _words(question) <= MAX_WORDS:
        return f"{ack} {question}"
    shorter = [a for a in acks if not _asks(a) and _words(a) + _words(question) <= MAX_WORDS]
    if shorter:
        return f"{shorter[0]} {question}"
    return ack
