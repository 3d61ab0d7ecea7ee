"""Phrase syntax: turn a rule's phrase (``~word``, ``{class}``, ``...``) into token-norm sequences or patterns."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["GAP_MAX", "Compiled", "PhraseCompiler", "inflect", "occurs"]

GAP_MAX = 3  # "..." stands for 0..GAP_MAX tokens
_EXPAND_LIMIT = 256  # more literal variants than this go to the Matcher as one pattern with IN-sets
_VOWELS = set("aeiou")


def inflect(base: str, irregular: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every form of ``base`` a phrase should match: regular -s/-ed/-ing forms plus irregular ones.

    Over-generation is harmless (a form nobody writes never matches), so both the doubled and the plain
    consonant forms are produced ("stop" -> stopped, "visit" -> visited).
    """
    forms = {base}
    forms.update(irregular.get(base, ()))
    if not base.isalpha() or len(base) < 2:
        return tuple(sorted(forms))
    last, before = base[-1], base[-2]
    # third person / plural
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(base + "es")
    elif last == "y" and before not in _VOWELS:
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    # past and -ing
    stems = [base]
    if len(base) >= 3 and last not in _VOWELS | {"w", "x", "y"} and before in _VOWELS and base[-3] not in _VOWELS:
        stems.append(base + last)  # doubling: stop -> stopp-
    if last == "e":
        forms.add(base + "d")
        if base.endswith("ie"):
            forms.add(base[:-2] + "ying")
        elif base.endswith(("ee", "ye", "oe")):
            forms.add(base + "ing")
        else:
            forms.add(base[:-1] + "ing")
    elif last == "y" and before not in _VOWELS:
        forms.add(base[:-1] + "ied")
        forms.add(base + "ing")
    else:
        for stem in stems:
            forms.add(stem + "ed")
            forms.add(stem + "ing")
    return tuple(sorted(forms))


@dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled phrase: literal norm tuples for the PhraseMatcher, or token patterns for the Matcher."""

    literals: tuple[tuple[str, ...], ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()


Alternatives = frozenset[tuple[str, ...]]
_GAP = "..."


class PhraseCompiler:
    """Compiles phrases against one tokenizer, so rules and messages are split into tokens the same way."""

    def __init__(
        self,
        word_norms: Callable[[str], tuple[str, ...]],
        irregular: Mapping[str, tuple[str, ...]],
        classes: Mapping[str, tuple[str, ...]],
    ) -> None:
        self._word_norms = word_norms
        self._irregular = irregular
        self._classes = classes
        self._cache: dict[str, Alternatives | str] = {}

    def _alternatives(self, word: str) -> Alternatives | str:
        if word in self._cache:
            return self._cache[word]
        alts: Alternatives | str
        if word == _GAP:
            alts = _GAP
        elif word.startswith("{") and word.endswith("}"):
            name = word[1:-1]
            if name not in self._classes:
                raise ValueError(f"unknown word class {word}; known: {', '.join(sorted(self._classes)) or 'none'}")
            alts = frozenset(self._norms(w) for w in self._classes[name])
        elif word.startswith("~"):
            base = word[1:].lower()
            if not base:
                raise ValueError("'~' must be followed by a word")
            alts = frozenset(self._norms(f) for f in inflect(base, self._irregular))
        else:
            alts = frozenset([self._norms(word.lower())])
        self._cache[word] = alts
        return alts

    def _norms(self, word: str) -> tuple[str, ...]:
        norms = self._word_norms(word)
        if not norms:
            raise ValueError(f"word {word!r} has no tokens")
        return norms

    def slots(self, phrase: str) -> list[Alternatives | str]:
        """The phrase as a list of slots: a set of norm sequences per word, or the gap marker."""
        words = phrase.split()
        if not words:
            raise ValueError("empty phrase")
        if words[0] == _GAP or words[-1] == _GAP:
            raise ValueError("a phrase cannot start or end with '...'")
        return [self._alternatives(w) for w in words]

    def compile(self, phrase: str) -> Compiled:
        slots = self.slots(phrase)
        has_gap = any(s == _GAP for s in slots)
        size = 1
        for s in slots:
            if s != _GAP:
                size *= len(s)
        if not has_gap and size <= _EXPAND_LIMIT:
            literals = []
            for combo in itertools.product(*slots):
                literals.append(tuple(itertools.chain.from_iterable(combo)))
            return Compiled(literals=tuple(sorted(set(literals))))
        return Compiled(patterns=self._patterns(slots))

    @staticmethod
    def _patterns(slots: list[Alternatives | str]) -> tuple[tuple[dict[str, Any], ...], ...]:
        # Group each slot's alternatives by length; one pattern per combination of lengths.
        grouped: list[list[list[dict[str, Any]]]] = []
        for slot in slots:
            if slot == _GAP:
                grouped.append([[{"OP": f"{{0,{GAP_MAX}}}"}]])
                continue
            by_len: dict[int, list[tuple[str, ...]]] = {}
            for alt in slot:
                by_len.setdefault(len(alt), []).append(alt)
            options = []
            for length, alts in sorted(by_len.items()):
                options.append([{"NORM": {"IN": sorted({a[i] for a in alts})}} for i in range(length)])
            grouped.append(options)
        patterns = []
        for combo in itertools.product(*grouped):
            patterns.append(tuple(itertools.chain.from_iterable(combo)))
        return tuple(patterns)


def occurs(slots: list[Alternatives | str], norms: tuple[str, ...] | list[str]) -> bool:
    """Whether a phrase (as slots) occurs anywhere in a sequence of norms; used for 'unless' checks."""

    def match_at(k: int, i: int) -> bool:
        if k == len(slots):
            return True
        slot = slots[k]
        if slot == _GAP:
            return any(match_at(k + 1, i + g) for g in range(GAP_MAX + 1) if i + g <= len(norms))
        return any(tuple(norms[i : i + len(alt)]) == alt and match_at(k + 1, i + len(alt)) for alt in slot)

    return any(match_at(0, i) for i in range(len(norms)))
