"""Phrase syntax: turn a rule's phrase (``~word``, ``{class}``, ``...``) into token-norm sequences or patterns."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ._errors import Errors, PhraseError

__all__ = ["GAP_MAX", "Compiled", "Piece", "PhraseCompiler", "inflect", "occurs", "occurs_any", "phrase_problem"]

GAP_MAX = 3  # "..." stands for 0..GAP_MAX tokens ("... ..." for twice as many)
_PIECE_LIMIT = 400  # a run with more literal variants than this is split into pieces matched in sequence
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
class Piece:
    """A run of a phrase matched by the PhraseMatcher: its literal norm sequences, and how many tokens may
    stand between the previous piece and this one (0 for a split run, up to GAP_MAX after "...")."""

    literals: tuple[tuple[str, ...], ...]
    max_gap: int = 0


@dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled phrase: one or more pieces that must follow each other in order."""

    pieces: tuple[Piece, ...]


Alternatives = frozenset[tuple[str, ...]]
Steps = list[Alternatives | str]  # a compiled phrase: per word, its norm sequences or the gap marker
_GAP = "..."


def phrase_problem(phrase: str, classes: Collection[str], key: str = "phrase") -> str | None:
    """What is wrong with a phrase, as a coded message naming ``key`` (None when it compiles).

    The one syntax check: the loader runs it on every phrase, ``unless`` and ``with`` at load time, and the
    compiler runs it again before it tokenizes anything, so the two never disagree.
    """
    words = phrase.split()
    if not words:
        return Errors.E025.format(key=key, problem="empty phrase")
    if words[0] == _GAP or words[-1] == _GAP:
        return Errors.E025.format(key=key, problem=f"{phrase!r}: a phrase cannot start or end with '...'")
    for word in words:
        if word.startswith("{") and word.endswith("}"):
            name = word[1:-1]
            if name not in classes:
                near = difflib.get_close_matches(name, list(classes), n=3)
                hint = "did you mean " + ", ".join("{" + n + "}" for n in near) if near else "no class is close"
                return Errors.E026.format(key=key, name=name, known=hint)
        elif word == "~":
            return Errors.E025.format(key=key, problem=f"{phrase!r}: '~' must be followed by a word")
    return None


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
        # (phrase, key) -> its steps: the same exceptions ("sorry", "jk", "sounds like") are written under hundreds
        # of rows, and a phrase always compiles to the same steps. Callers only read them.
        self._steps: dict[tuple[str, str], Steps] = {}

    def _alternatives(self, word: str) -> Alternatives | str:
        """The token sequences one phrase word stands for: a gap, a word class's words, a word's inflections or the word
        itself, each as token norms (cached per word)."""
        if word in self._cache:
            return self._cache[word]
        alts: Alternatives | str
        if word == _GAP:
            alts = _GAP
        elif word.startswith("{") and word.endswith("}"):
            name = word[1:-1]
            alts = frozenset(
                self._norms(v) for w in self._classes[name] for v in self._entry_forms(w, frozenset((name,)))
            )
        elif word.startswith("~"):
            alts = frozenset(self._norms(f) for f in inflect(word[1:].lower(), self._irregular))
        else:
            alts = frozenset([self._norms(word.lower())])
        self._cache[word] = alts
        return alts

    def _entry_forms(self, entry: str, seen: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """A word class entry as written, or, when a word of it starts with ``~``, every inflection of that word
        ("~want to" is want to, wants to, wanted to, wanting to): one class row covers a verb in all its forms. A
        word ``{other}`` stands for every entry of that class, so concepts compose ("{abuser} ~hit {victim}" in a
        class of its own); a class that names itself, directly or through others, is read as the words written."""
        if "~" not in entry and "{" not in entry:
            return (entry,)
        options: list[tuple[str, ...]] = []
        for w in entry.split():
            name = w[1:-1]
            if w.startswith("{") and w.endswith("}") and name in self._classes and name not in seen:
                inner = seen | {name}
                options.append(tuple(f for e in self._classes[name] for f in self._entry_forms(e, inner)))
            elif w.startswith("~") and len(w) > 1:
                options.append(inflect(w[1:].lower(), self._irregular))
            else:
                options.append((w,))
        return tuple(" ".join(combo) for combo in itertools.product(*options))

    def _norms(self, word: str) -> tuple[str, ...]:
        norms = self._word_norms(word)
        if not norms:
            raise PhraseError(Errors.E025.format(key="phrase", problem=f"word {word!r} has no tokens"))
        return norms

    def steps(self, phrase: str, key: str = "phrase") -> Steps:
        """The phrase as a list of steps: a set of norm sequences per word, or the gap marker.

        A phrase that does not compile raises ``PhraseError`` with ``phrase_problem``'s coded message."""
        known = self._steps.get((phrase, key))
        if known is not None:
            return known
        problem = phrase_problem(phrase, self._classes, key)
        if problem:
            raise PhraseError(problem)
        steps = self._steps[(phrase, key)] = [self._alternatives(w) for w in phrase.split()]
        return steps

    def compiled_steps(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Steps]:
        """The steps compiled so far for each (phrase, key) of ``keys`` (plain data, for the start-up cache)."""
        return {k: self._steps[k] for k in keys if k in self._steps}

    def add_steps(self, steps: Mapping[tuple[str, str], Steps]) -> None:
        """Steps compiled earlier by a compiler with the same tokenizer and tables (read from the start-up cache):
        ``steps`` then gives them without compiling again."""
        for k, v in steps.items():
            self._steps.setdefault(k, v)

    def compile(self, phrase: str) -> Compiled:
        """Split the phrase at gaps, and long runs into pieces of at most _PIECE_LIMIT literal variants."""
        pieces: list[Piece] = []
        run: list[Alternatives] = []
        size, gap = 1, 0

        def flush() -> None:
            nonlocal run, size, gap
            if run:
                literals = {tuple(itertools.chain.from_iterable(c)) for c in itertools.product(*run)}
                pieces.append(Piece(tuple(sorted(literals)), gap))
            run, size, gap = [], 1, 0

        for step in self.steps(phrase):
            if step == _GAP:
                if run:
                    flush()
                gap += GAP_MAX  # "... ..." stands for up to twice as many tokens
                continue
            assert not isinstance(step, str)
            if run and size * len(step) > _PIECE_LIMIT:
                flush()
            run.append(step)
            size *= len(step)
        flush()
        return Compiled(tuple(pieces))


# id(step) -> (step, its alternatives by first norm): a class step ({media_words}) has hundreds of alternatives, and
# only those starting with the norm at hand can match there. The step is kept so that its id cannot be reused.
_BY_FIRST: dict[int, tuple[Alternatives, dict[str, tuple[tuple[str, ...], ...]]]] = {}
_BY_FIRST_SIZE = 20_000


def _by_first(step: Alternatives) -> dict[str, tuple[tuple[str, ...], ...]]:
    """One step's alternatives grouped by their first token, cached per step."""
    known = _BY_FIRST.get(id(step))
    if known is not None and known[0] is step:
        return known[1]
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for alt in step:
        grouped.setdefault(alt[0] if alt else "", []).append(alt)
    index = {first: tuple(alts) for first, alts in grouped.items()}
    if len(_BY_FIRST) >= _BY_FIRST_SIZE:
        _BY_FIRST.clear()
    _BY_FIRST[id(step)] = (step, index)
    return index


def _match_at(steps: Steps, norms: tuple[str, ...] | list[str], k: int, i: int, n: int) -> bool:
    """Whether ``steps[k:]`` match ``norms`` from token ``i`` on (``n``: the number of norms)."""
    if k == len(steps):
        return True
    step = steps[k]
    if isinstance(step, str):  # the gap marker
        return any(_match_at(steps, norms, k + 1, i + g, n) for g in range(GAP_MAX + 1) if i + g <= n)
    if i >= n:
        return False
    for alt in _by_first(step).get(norms[i], ()):
        size = len(alt)
        if (size == 1 or tuple(norms[i : i + size]) == alt) and _match_at(steps, norms, k + 1, i + size, n):
            return True
    return False


def occurs(steps: Steps, norms: tuple[str, ...] | list[str]) -> bool:
    """Whether a phrase (as steps) occurs anywhere in a sequence of norms; used for 'unless' checks."""
    n = len(norms)
    return any(_match_at(steps, norms, 0, i, n) for i in range(n))


# id(phrases) -> (phrases, {first norm: the phrases whose first word can start with it}): a row's exceptions are
# dozens of phrases, and at each token only those whose first word starts with its norm can match there. A phrase
# never starts with the gap marker (phrase_problem), so its first step always holds norm sequences.
_FIRST_INDEX: dict[int, tuple[Sequence[Steps], dict[str, tuple[Steps, ...]]]] = {}


def _first_index(phrases: Sequence[Steps]) -> dict[str, tuple[Steps, ...]]:
    """The phrases grouped by every token their first step may start with, cached per list of phrases."""
    known = _FIRST_INDEX.get(id(phrases))
    if known is not None and known[0] is phrases:
        return known[1]
    grouped: dict[str, list[Steps]] = {}
    for steps in phrases:
        first = steps[0]
        assert not isinstance(first, str)
        for norm in dict.fromkeys(alt[0] for alt in first if alt):
            grouped.setdefault(norm, []).append(steps)
    index = {norm: tuple(group) for norm, group in grouped.items()}
    if len(_FIRST_INDEX) >= _BY_FIRST_SIZE:
        _FIRST_INDEX.clear()
    _FIRST_INDEX[id(phrases)] = (phrases, index)
    return index


def occurs_any(phrases: Sequence[Steps], norms: tuple[str, ...] | list[str]) -> bool:
    """Whether any of ``phrases`` occurs in ``norms``: ``any(occurs(s, norms) for s in phrases)``, reading at each
    token only the phrases that can start there."""
    index = _first_index(phrases)
    n = len(norms)
    for i in range(n):
        candidates = index.get(norms[i])
        if candidates is not None:
            for steps in candidates:
                if _match_at(steps, norms, 0, i, n):
                    return True
    return False
