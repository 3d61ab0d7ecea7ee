"""Learned models: safety nets for crises and boundaries no phrase names (term weights from ``crisis_terms.jsonl``
and ``boundary_terms.jsonl``), the register of a message (``register_terms.jsonl``) and roadblocks in a draft
sentence no rule read (``review/terms.jsonl``).

The weights are logistic models (crisis: ``none`` and the four crisis kinds; boundary: ``none`` and ``boundary``)
over the words and word pairs of a message, trained by ``benchmarks/train_learned_terms.py`` on the project's own
written suites. They are consulted only when no phrase fired, and every cue they make names the terms it rests on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import add
from typing import cast

from . import _accel

__all__ = [
    "BIAS", "BOUNDARY_CLASSES", "CLASSES", "MARK", "REGISTER_CLASSES", "REVIEW_CLASSES", "LearnedTerms",
    "MARGINS", "RegisterNet", "RegisterReading", "ReviewNet", "ReviewReading", "Verdict", "features", "learned_marks",
    "register_features",
]

CLASSES = ("none", "self_harm", "abuse", "harm_to_others", "other_at_risk")
BOUNDARY_CLASSES = ("none", "boundary")
BIAS = "<bias>"
_SKIP = frozenset(".,!?;:…\"'()[]-–—*/")
# Function words count only inside word pairs ("he hit", "i want"): alone they say nothing a reader could check.
_FUNCTION_WORDS = (
    "i me my mine myself you your yours he him his she her hers it its we us our they them their a an the "
    "and or but so to of in on at for with from by about as is am are was were be been being 's 're 'm "
    "'ve 'd 'll do does did not that this these those there here what which who when where how if then "
    "than just like really very too also have has had will would can could should might must up out over "
    "again all any some no yes ok okay oh um lol"
)
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
MARK = "@"  # a term that starts with it is a mark: a concept class of the word ("@means_r11"), a negation, a laugh
# Marks of the message's manner, whatever the concept: a denial, a laugh or a joke (the word alone is no term).
_MANNER = {
    "@neg": "not never no nothing nobody nowhere none without",
    "@laugh": "lol lmao lmfao haha hahaha jk jking kidding 😂 🤣 💀 😭",
}
_BOUND_MARGIN = 1e-6  # room left by the quick bound of LearnedTerms.verdict for the rounding of its sums


def learned_marks(word_classes: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """norm -> the marks it carries: ``@`` + the id of each class given that holds it as a single content word, and
    the manner marks (``@neg``, ``@laugh``)."""
    out: dict[str, list[str]] = {}
    for mark, spaced in _MANNER.items():
        for w in spaced.split():
            out.setdefault(w, []).append(mark)
    for name, words in word_classes.items():
        # a class marks its single content words ("~hurt" counts as "hurt"), and only a class of three or more: a
        # function word ("her", "it") or a class of one word says nothing the word itself does not
        single = {w.lstrip("~") for w in words if " " not in w and "{" not in w}
        single = {w for w in single if w and w not in _SKIP and w not in _FUNCTION}
        if len(single) < 3:
            continue
        for w in single:
            out.setdefault(w, []).append(f"{MARK}{name}")
    return {w: tuple(sorted(m)) for w, m in out.items()}


def features(norms: Sequence[str], marks: Mapping[str, tuple[str, ...]] | None = None) -> set[str]:
    """The content words of a message, its adjacent word pairs (punctuation dropped; pairs never cross it) and, with
    ``marks`` (see ``learned_marks``), the marks of its words."""
    words: list[str | None] = [None if (n in _SKIP or not n.strip()) else n for n in norms]
    out = {w for w in words if w and w not in _FUNCTION}
    if marks:
        for w in words:
            if w is not None:
                out.update(marks.get(w, ()))
    out.update(
        f"{a} {b}"
        for a, b in zip(words, words[1:], strict=False)
        if a and b and not (a in _FUNCTION and b in _FUNCTION)  # "i have", "do not": no evidence of anything
    )
    return out


@dataclass(frozen=True)
class Verdict:
    """The learned model's reading: the crisis kind, its probability, and the terms that weigh most for it."""

    about: str
    probability: float
    terms: tuple[str, ...]
    start: int  # tokens of the first term in the message
    end: int
    p_none: float = 0.0  # the model's probability of none, unrounded


class LearnedTerms:
    """Scores a message's features against term weights; speaks when the first class (``none``) falls below
    ``threshold`` in probability. ``classes`` are the row fields holding each class's weight."""

    def __init__(
        self,
        rows: Iterable[object],
        threshold: float,
        classes: Sequence[str] = CLASSES,
        marks: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """``rows``: objects with a ``term`` and a weight attribute per class (the rows of a terms table);
        ``marks``: norm -> its marks (``learned_marks``), for a table that has mark terms."""
        self._init(
            ((str(row.term), *(float(getattr(row, c)) for c in classes)) for row in rows),  # type: ignore[attr-defined]
            threshold,
            classes,
            marks,
        )

    @classmethod
    def from_columns(
        cls,
        columns: Iterable[Sequence[object]],
        threshold: float,
        classes: Sequence[str] = CLASSES,
        marks: Mapping[str, tuple[str, ...]] | None = None,
    ) -> LearnedTerms:
        """The same model from (term, weight per class) tuples: ``rules.columns("crisis_terms", ("term", *CLASSES))``
        gives them without making a row object per term."""
        model = cls.__new__(cls)
        model._init(columns, threshold, classes, marks)
        return model

    def _init(
        self,
        columns: Iterable[Sequence[object]],
        threshold: float,
        classes: Sequence[str],
        marks: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """Store the weights per term (the ``<bias>`` row apart) and index the terms by their first word, so that
        reading a message looks each token up once."""
        weights: dict[str, tuple[float, ...]] = {}
        for column in columns:
            weights[str(column[0])] = tuple(map(float, column[1:]))  # type: ignore[arg-type]
        self._classes = tuple(classes)
        self._bias = weights.pop(BIAS, (0.0,) * len(classes))
        self._weights: Mapping[str, tuple[float, ...]] = weights
        self._words = frozenset(weights).difference(_FUNCTION)  # the terms a token alone can be
        # Per norm that matters, in one lookup: whether it is a term alone, and the words that can follow it in a pair
        # (None when no pair starts with it), so a pair's string is made only for a pair in the table. Punctuation is
        # neither (a pair never spans it), nor is a space the first word of a pair.
        seconds: dict[str, set[str]] = {}
        for t in weights:
            if " " in t:
                first, rest = t.split(" ", 1)
                if first.strip() and first not in _SKIP and rest not in _SKIP:
                    seconds.setdefault(first, set()).add(rest)
        # A word with marks the table weighs is looked up as if it were a term alone; ``_present`` turns it into its
        # marks (and drops it when it is no term itself).
        self._marks: Mapping[str, tuple[str, ...]] = {
            n: kept for n, ms in (marks or {}).items() if (kept := tuple(m for m in ms if m in weights))
        }
        self._entries: Mapping[str, tuple[bool, frozenset[str] | None]] = {
            n: (n in self._words or n in self._marks, frozenset(seconds[n]) if n in seconds else None)
            for n in self._words.union(seconds, self._marks)
            if n not in _SKIP
        }
        # A bound that settles most messages without the softmax: P(none) = 1 / (1 + sum over the other classes k of
        # exp(s_k - s_none)), and s_k - s_none is at most the bias's largest lead of a class over none plus, per term
        # present, its own largest lead (``_lead``). When K classes times exp(that bound) cannot reach
        # 1/threshold - 1, P(none) stays at or above the threshold and the verdict is None, as the full reckoning
        # would find. The margin dwarfs any rounding of the sums.
        self._lead: Mapping[str, float] = {
            t: max(w[k] - w[0] for k in range(1, len(w))) if len(w) > 1 else 0.0 for t, w in weights.items()
        }
        bias = self._bias
        self._bias_lead = max((bias[k] - bias[0] for k in range(1, len(bias))), default=0.0)
        self.threshold = threshold

    @property
    def threshold(self) -> float:
        """P(none) below which the model speaks."""
        return self._threshold

    @threshold.setter
    def threshold(self, value: float) -> None:
        self._threshold = value
        self._quiet_below = self._bound(value)

    def _bound(self, value: float) -> float:
        """The lead of any class over none below which P(none) stays at or above ``value`` (see ``_init``)."""
        others = len(self._classes) - 1
        if 0.0 < value < 1.0 and others > 0:  # below this bound on the lead of any class, no verdict
            return math.log((1.0 / value - 1.0) / others) - _BOUND_MARGIN
        return -math.inf  # (a threshold of 0 never speaks anyway; at 1 or more, always reckon)

    def __bool__(self) -> bool:
        return bool(self._weights)

    def _present(self, norms: Sequence[str]) -> dict[str, int]:
        """The table's terms among ``features(norms)``, each with the token where it first starts (found without
        building every word pair)."""
        entries = self._entries
        speedups = _accel.speedups
        if speedups is not None and type(entries) is dict:  # the same loop in C
            found = cast("dict[str, int]", speedups.present(norms, entries))
        else:
            found = self._present_py(norms)
        marks = self._marks
        if marks and not marks.keys().isdisjoint(found):
            words = self._words
            for t, i in sorted(found.items(), key=lambda item: item[1]):
                ms = marks.get(t)
                if ms is not None:
                    for m in ms:
                        found.setdefault(m, i)
                    if t not in words:
                        del found[t]
        return found

    def _present_py(self, norms: Sequence[str]) -> dict[str, int]:
        """``_present`` without marks, in Python (the C module's ``present`` mirrors it)."""
        entries = self._entries
        found: dict[str, int] = {}
        follow: frozenset[str] | None = None  # the words that can follow the token before (some pair starts there)
        for i, n in enumerate(norms):
            entry = entries.get(n)
            if entry is not None and entry[0]:
                found.setdefault(n, i)
            if follow is not None and n in follow:
                found.setdefault(f"{norms[i - 1]} {n}", i - 1)  # a pair is always two adjacent tokens
            follow = entry[1] if entry is not None else None
        return found

    def verdict(self, norms: Sequence[str], threshold: float | None = None) -> Verdict | None:
        """A Verdict when the message reads as a crisis (P(none) below the threshold, or below ``threshold`` when one
        is given), else None."""
        present = self._present(norms)
        if not present:
            return None
        if threshold is None:
            threshold, quiet_below = self._threshold, self._quiet_below
        else:
            quiet_below = self._bound(threshold)
        if self._bias_lead + sum(map(self._lead.__getitem__, present)) < quiet_below:
            return None  # no class can lead none by enough: P(none) >= threshold (see _init)
        weights = self._weights
        scores = [sum(column) for column in zip(self._bias, *map(weights.__getitem__, present), strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        p_none = exps[0] / total
        if p_none >= threshold:
            return None
        k = max(range(1, len(self._classes)), key=lambda i: scores[i])
        lead = sorted(present, key=lambda t: self._weights[t][0] - self._weights[t][k])[:3]
        start = present[lead[0]]
        return Verdict(
            about=self._classes[k], probability=round(1.0 - p_none, 3), terms=tuple(lead),
            start=start, end=start + len(lead[0].split()), p_none=p_none,
        )  # fmt: skip


# --- the learned register: what kind of message it is, when no feeling or event was found ----------------------

REGISTER_CLASSES = (
    "other", "good_news", "bad_news", "funny", "annoyed", "gossip", "worry", "low", "logistics",
)
_LAUGHS = frozenset(
    {"lol", "lmao", "lmfao", "haha", "hahaha", "hehe", "rofl", "\U0001f602", "\U0001f923", "\U0001f480"}
)
_YOU = frozenset({"you", "u", "your", "ur", "yours"})
_WE = frozenset({"we", "our", "us"})
_VALENCE_MARK = 0.3  # VADER's compound beyond which a message is marked warm (``@v+``) or gloomy (``@v-``)
_SHORT, _LONG = 6, 30  # words
_LETTER_RUNS = re.compile(r"[A-Za-z]{3,}")


def register_features(
    norms: Sequence[str], text: str, valence: float, families: Iterable[str], cues: Iterable[str]
) -> set[str]:
    """The features the register model reads: ``features(norms)`` and marks of how the message is said: "!" and
    "!!", a word in capitals, a question, a laugh, "you", "we", the sign of VADER's tone, the families of the
    feelings and events the rules found (``@fam:...``), the kinds of its cues and its length."""
    out = features(norms)
    if "!" in text:
        out.add("@excl")
        if "!!" in text:
            out.add("@excl2")
    if any(w.isupper() for w in _LETTER_RUNS.findall(text)):  # "WON!!", "CAR IS FIXED"
        out.add("@caps")
    if "?" in text:
        out.add("@q")
    said = set(norms)
    if said & _LAUGHS:
        out.add("@laugh")
    if said & _YOU:
        out.add("@you")
    if said & _WE:
        out.add("@we")
    out.add("@v+" if valence >= _VALENCE_MARK else "@v-" if valence <= -_VALENCE_MARK else "@v0")
    out.update(f"@fam:{f}" for f in families)
    out.update(f"@cue:{c}" for c in cues)
    words = sum(1 for w in norms if w.isalnum())
    out.add("@short" if words <= _SHORT else "@long" if words >= _LONG else "@mid")
    return out


@dataclass(frozen=True)
class RegisterReading:
    """The register model's reading: the kind of message, its probability, and the features that weigh most."""

    kind: str
    probability: float
    terms: tuple[str, ...]


class RegisterNet:
    """A logistic model over ``register_features``: names the kind of a message (``REGISTER_CLASSES`` but
    ``other``) when that kind's probability reaches the threshold, else nothing."""

    def __init__(self, columns: Iterable[Sequence[object]], threshold: float) -> None:
        """``columns``: (term, weight per class of ``REGISTER_CLASSES``) tuples; the ``<bias>`` row among them."""
        weights = {str(c[0]): tuple(float(x) for x in c[1:]) for c in columns}  # type: ignore[arg-type]
        self._bias = weights.pop(BIAS, (0.0,) * len(REGISTER_CLASSES))
        self._weights: Mapping[str, tuple[float, ...]] = weights
        self.threshold = threshold
        # the features last scored and their scores: a message's one set of features is read up to four times
        # (the reading at each threshold, the probability of one kind), and is scored once
        self._last: tuple[frozenset[str], tuple[list[str], list[float]]] | None = None

    def __bool__(self) -> bool:
        return bool(self._weights)

    def _scores(self, feats: Iterable[str]) -> tuple[list[str], list[float]]:
        """The features the model knows, in sorted order (the sums and the terms named do not depend on the order a
        set is iterated in, which varies with the hash seed), and each kind's probability."""
        key = frozenset(feats)
        last = self._last
        if last is not None and last[0] == key:
            return last[1]
        weights = self._weights
        present = sorted(f for f in key if f in weights)
        scores = list(self._bias)
        for f in present:  # each kind's sum in the same order as term by term, one C-level pass per feature
            scores = list(map(add, scores, weights[f]))
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        scored = present, [e / total for e in exps]
        self._last = (key, scored)
        return scored

    def probability(self, feats: Iterable[str], kind: str) -> float:
        """The model's probability that the message is of ``kind`` (one of ``REGISTER_CLASSES``)."""
        return self._scores(feats)[1][REGISTER_CLASSES.index(kind)]

    def read(self, feats: Iterable[str], threshold: float | None = None) -> RegisterReading | None:
        """The kind of message these features say, when the model is sure enough (``threshold``, by default the
        table's); else None."""
        present, probs = self._scores(feats)
        k = max(range(len(probs)), key=probs.__getitem__)
        p = probs[k]
        if k == 0 or p < (self.threshold if threshold is None else threshold):
            return None
        lead = sorted(present, key=lambda f: self._weights[f][k] - sum(self._weights[f]) / len(probs), reverse=True)
        return RegisterReading(kind=REGISTER_CLASSES[k], probability=round(p, 3), terms=tuple(lead[:3]))


# --- the learned review: a roadblock in a draft sentence that no rule read ---------------------------------------

REVIEW_CLASSES = (
    "none", "advice", "minimizing", "contempt", "defensive", "absolute", "judging", "self_focus", "dismissive",
)


@dataclass(frozen=True)
class ReviewReading:
    """The review model's reading of one sentence: the roadblock kind, how far its terms lead ``none``, and the terms
    that weigh most for it."""

    kind: str
    lead: float
    terms: tuple[str, ...]


MARGINS = "<margin>"  # the review table's row of margins, one per kind (its ``none`` column unused)


class ReviewNet:
    """A logistic model over the words and word pairs of a draft sentence (``features``): names a roadblock kind
    (``REVIEW_CLASSES`` but ``none``) when the sentence's terms alone, without the intercepts, lead ``none`` by at
    least that kind's margin. The intercepts are left out so that only what the sentence says counts: a sentence with
    no telling term is never flagged for the base rate of a kind."""

    def __init__(self, columns: Iterable[Sequence[object]], margin: float = math.inf) -> None:
        """``columns``: (term, weight per class of ``REVIEW_CLASSES``) tuples; a ``<bias>`` row among them is set
        aside, and a ``<margin>`` row gives each kind's margin (without it, every kind has ``margin``)."""
        weights = {str(c[0]): tuple(float(x) for x in c[1:]) for c in columns}  # type: ignore[arg-type]
        weights.pop(BIAS, None)
        margins = weights.pop(MARGINS, None)
        self.margins: tuple[float, ...] = margins[1:] if margins else (margin,) * (len(REVIEW_CLASSES) - 1)
        # Each term's lead of every kind over none: the only sums the model takes.
        self._leads: Mapping[str, tuple[float, ...]] = {t: tuple(x - w[0] for x in w[1:]) for t, w in weights.items()}

    def __bool__(self) -> bool:
        return bool(self._leads)

    def read(self, feats: Iterable[str], off: Container[str] = ()) -> ReviewReading | None:
        """The roadblock these features say, when their lead over ``none`` reaches its kind's margin; else None (of
        several kinds that do, the one that passes its margin by most; kinds in ``off`` are not read)."""
        present = sorted(f for f in feats if f in self._leads)  # sorted: sums and terms do not depend on hash order
        if not present:
            return None
        sums = [0.0] * (len(REVIEW_CLASSES) - 1)
        for f in present:
            for k, x in enumerate(self._leads[f]):
                sums[k] += x
        kinds = [i for i in range(len(sums)) if REVIEW_CLASSES[i + 1] not in off]
        if not kinds:
            return None
        k = max(kinds, key=lambda i: sums[i] - self.margins[i])
        if sums[k] < self.margins[k]:
            return None
        lead = sorted(present, key=lambda f: self._leads[f][k], reverse=True)
        return ReviewReading(kind=REVIEW_CLASSES[k + 1], lead=round(sums[k], 3), terms=tuple(lead[:3]))
