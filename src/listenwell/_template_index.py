"""The templates of one RuleSet indexed at load, so that picking a suggestion does near-constant work per message.

A pick asks: of the templates of this (mode, kind), which fit the message, how specific is each, and which comes
first? ``TemplateIndex`` answers it in three steps, each read from tables built once:

1. ``candidates``: only the templates whose most selective requirement the message meets (a template for the family
   "anger" is never looked at for a message about joy), by the keys the Suggester gives each template;
2. ``asked``: per (mode, kind), the cues, topics and needs some template there asks for. The Suggester's signature of
   a message keeps only those, so messages that differ in nothing a template reads share one ranking;
3. ``ranked``: per signature, the eligible templates best first *and* their tiers of near-equal specificity (what
   a pick rotates through), computed once and then reused by every message with that signature.

Nothing here knows a template column by name beyond what a ``Template`` row carries for the index keys and the
asked sets (``cue``, ``topic``, ``need``); eligibility and scoring stay the Suggester's (``_suggest.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import NamedTuple

from ._rules import Template

__all__ = ["Ranked", "TemplateIndex", "tiers_of"]

Key = tuple[str, str] | None
Entry = tuple[int, str, Template]  # (score, template id, template)

# How many signatures are kept: a flood of rare signatures cannot grow the cache forever.
CACHE_LIMIT = 20_000


def tiers_of(scored: Sequence[Entry]) -> tuple[tuple[Template, ...], ...]:
    """Entries sorted best first, cut into tiers: each tier holds every entry within one point of its best."""
    tiers: list[tuple[Template, ...]] = []
    i, n = 0, len(scored)
    while i < n:
        floor = scored[i][0] - 1
        j = i
        while j < n and scored[j][0] >= floor:
            j += 1
        tiers.append(tuple(t for _sc, _id, t in scored[i:j]))
        i = j
    return tuple(tiers)


class Ranked(NamedTuple):
    """The eligible templates of one signature: ``entries`` best first, the set of their ``ids``, and ``tiers``."""

    entries: tuple[Entry, ...]
    ids: frozenset[str]
    tiers: tuple[tuple[Template, ...], ...]

    def without(self, taken: set[str]) -> tuple[tuple[Template, ...], ...]:
        """The tiers once the templates in ``taken`` are set aside (recomputed only when one of them is here)."""
        if not taken or self.ids.isdisjoint(taken):
            return self.tiers
        return tiers_of([e for e in self.entries if e[1] not in taken])


class TemplateIndex:
    """Templates by (mode, kind) and by requirement, what each (mode, kind) asks of a message, and a bounded cache of
    rankings by signature."""

    def __init__(self, rows: Iterable[Template], keys: Callable[[Template], Sequence[Key]]) -> None:
        """``rows``: the loaded templates; ``keys``: a template's index keys (its most selective requirement, or
        ``[None]`` for a template every message may use)."""
        self._by_step: dict[tuple[str, str], dict[Key, list[Template]]] = {}
        for t in rows:
            index = self._by_step.setdefault((t.mode, t.kind), {})
            for key in keys(t):
                index.setdefault(key, []).append(t)
        self._asked: dict[tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        for step, index in self._by_step.items():
            templates = [t for ts in index.values() for t in ts]
            self._asked[step] = (
                frozenset(t.cue for t in templates if t.cue),
                frozenset(t.topic for t in templates if t.topic),
                frozenset(t.need for t in templates if t.need),
            )
        self.cache: dict[Hashable, Ranked] = {}

    _NOTHING: tuple[frozenset[str], frozenset[str], frozenset[str]] = (frozenset(), frozenset(), frozenset())

    def asked(self, mode: str, kind: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The cues, topics and needs some template of (mode, kind) asks for."""
        return self._asked.get((mode, kind), self._NOTHING)

    def candidates(self, mode: str, kind: str, keys: Iterable[Key]) -> Iterable[Template]:
        """The templates of (mode, kind) filed under any of ``keys``, in key order, then file order."""
        index = self._by_step.get((mode, kind))
        if not index:
            return ()
        return (t for key in keys for t in index.get(key, ()))

    def ranked(self, signature: Hashable, rank: Callable[[], list[Entry]]) -> Ranked:
        """The ranking of ``signature``: from the cache, else ``rank()`` (sorted best first) made into a Ranked."""
        found = self.cache.get(signature)
        if found is None:
            entries = tuple(rank())
            found = Ranked(entries, frozenset(e[1] for e in entries), tiers_of(entries))
            if len(self.cache) >= CACHE_LIMIT:
                self.cache.clear()
            self.cache[signature] = found
        return found
