"""Compose the one reply a chat app shows first from the chosen suggestions.

An acknowledgement (a reflection, validation, boundary or safety line) comes first, then at most one open
question. The reply stays near ``MAX_WORDS`` words: a longer acknowledgement gives way to a shorter one of the
same mode, and a question is added only while it fits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._results import Suggestion

__all__ = ["ECHO_LIMIT", "MAX_WORDS", "compose_reply", "echo_run"]

MAX_WORDS = 35


_WORD = re.compile(r"[a-z0-9']+")
# A reply never repeats this many of the writer's words in a row ("robotic echo").
ECHO_LIMIT = 6


def echo_run(reply: str, message: str) -> int:
    """The longest run of the message's words that ``reply`` repeats in order."""
    a, b = _WORD.findall(reply.lower()), _WORD.findall(message.lower())
    best, prev = 0, [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _runs(message: str) -> frozenset[tuple[str, ...]]:
    """Every run of ``ECHO_LIMIT`` words in the message."""
    w = _WORD.findall(message.lower())
    return frozenset(tuple(w[i : i + ECHO_LIMIT]) for i in range(len(w) - ECHO_LIMIT + 1))


# A reply line's own runs of ECHO_LIMIT words, by its text: most lines are a template's fixed words, met again and
# again, so each is read once (bounded: a flood of new texts starts the memory again).
_LINE_RUNS: dict[str, frozenset[tuple[str, ...]]] = {}
_LINE_RUNS_KEPT = 4096


def _echoes(text: str, runs: frozenset[tuple[str, ...]]) -> bool:
    """True when ``text`` repeats ``ECHO_LIMIT`` of the message's words in a row (linear, unlike echo_run): some run
    of ``ECHO_LIMIT`` words of ``text`` is one of the message's."""
    if not runs:
        return False
    own = _LINE_RUNS.get(text)
    if own is None:
        if len(_LINE_RUNS) >= _LINE_RUNS_KEPT:
            _LINE_RUNS.clear()
        own = _LINE_RUNS[text] = _runs(text)
    return not own.isdisjoint(runs)


def _words(text: str) -> int:
    return len(text.split())


_CONDOLENCE = re.compile(r"\bsorry\b", re.IGNORECASE)


def _asks(text: str) -> bool:
    return text.rstrip().endswith("?")


def compose_reply(
    mode: str, suggestions: Sequence[Suggestion], *, ask: bool = True, message: str = "", condole: bool = False
) -> str:
    """The acknowledgement that fits first, then the first question if the two stay within ``MAX_WORDS``.

    In safety mode the second line is the direct question about safety, so both are kept whatever their length.
    ``ask=False`` leaves the question out: plain news ("package came") is thanked for, not probed. An
    acknowledgement that repeats ``ECHO_LIMIT`` of the ``message``'s words in a row gives way to the next one.
    """
    if not suggestions:
        return ""
    if mode == "safety":
        first = suggestions[0].text
        direct = next((s.text for s in suggestions[1:] if "?" in s.text), None)
        return f"{first} {direct}" if direct else first
    runs = _runs(message)
    # a disclosure or an apology is thanked first ("Thank you for trusting me with that.")
    acks = [s.text for s in suggestions if s.kind == "appreciation"]
    acks += [s.text for s in suggestions if s.kind not in ("question", "appreciation")]
    acks = [a for a in acks if not _echoes(a, runs)] or acks
    if condole and acks and not _CONDOLENCE.search(acks[0]):
        acks = [f"I'm so sorry. {acks[0]}", *acks[1:]]  # a loss is met with sorry first (judged "cold" without it)
    question = next((s.text for s in suggestions if s.kind == "question"), None)
    if question is not None and _echoes(question, runs):
        question = None
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
