"""VADER's ``polarity_scores``, computed the same way in linear time.

The algorithm is VADER's (Hutto & Gilbert, 2014) as the vaderSentiment package implements it, output for output,
quirks included: the same lexicon, emoji table and constants are read from the installed package at run time;
nothing of it is copied here. What differs is the cost:

- emoji are replaced in one regex pass instead of growing a string character by character (quadratic on
  floods of text);
- each word is lower-cased once, instead of the whole message being lower-cased again for every negation,
  idiom and "but" check (quadratic in the number of words);
- the negation list is a set, and idiom checks run only where an idiom word is near.

The package's own rule for "but" finds each sentiment's position with ``list.index`` (the first equal value,
which need not be the item itself); that exact behaviour is kept, with a heap per value instead of a linear
scan. It mirrors vaderSentiment ``MIRRORED_VERSION``; with any other installed version, or if a self-check
on sample sentences disagrees, :func:`make_analyzer` returns the package's own analyser instead.
"""

from __future__ import annotations

import heapq
import math
import re
import string
from collections.abc import Mapping
from importlib import metadata
from typing import Any

__all__ = ["MIRRORED_VERSION", "FastVader", "make_analyzer"]

MIRRORED_VERSION = "3.3.2"

# Sentences whose scores a FastVader must reproduce before it is used: one per rule of the algorithm.
_SELF_CHECK = (
    "VADER is smart, handsome, and funny!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Without a doubt, an excellent idea.",
    "no good, no bad, no or nor sad??",
    "good good but good bad but bad",
)


class FastVader:
    """``polarity_scores(text)`` equal to ``SentimentIntensityAnalyzer().polarity_scores(text)``, in linear time.

    Built from a loaded ``SentimentIntensityAnalyzer`` (its ``lexicon`` and ``emojis``) and the constants of its
    module. ``lexicon`` is exposed as on the package's analyser.
    """

    def __init__(self, analyzer: Any, module: Any) -> None:
        """``analyzer``: a loaded ``SentimentIntensityAnalyzer``; ``module``: its module, for the constants."""
        self.lexicon: dict[str, float] = analyzer.lexicon
        self.emojis: dict[str, str] = analyzer.emojis
        self._boosters: Mapping[str, float] = module.BOOSTER_DICT
        self._special: Mapping[str, float] = module.SPECIAL_CASES
        self._negate = frozenset(module.NEGATE)
        self._n_scalar: float = module.N_SCALAR
        self._c_incr: float = module.C_INCR
        # Only single characters can match: the package looks emoji up one character at a time. A regex
        # over the whole table is slow (astral ranges are scanned one by one), so a coarse class finds the
        # candidates (two Latin-1 signs, then everything from the first other emoji up) and the table decides.
        singles = sorted(k for k in self.emojis if len(k) == 1)
        low = [c for c in singles if ord(c) < 0x100]
        high = [c for c in singles if ord(c) >= 0x100]
        coarse = "".join(re.escape(c) for c in low) + (f"{re.escape(high[0])}-\U0010ffff" if high else "")
        self._emoji_class = f"[{coarse}]" if coarse else None
        self._emoji_re: re.Pattern[str] | None = None  # compiled for the first text that could hold one
        # With no ASCII emoji (the package's table has none), an ASCII text holds none: no regex pass at all.
        self._ascii_free = all(ord(c) >= 0x80 for c in singles)
        # Words that can start or end a special case or a multi-word booster ("kind of", "the shit").
        multi = [k for k in self._special if " " in k] + [k for k in self._boosters if " " in k]
        self._idiom_words = frozenset(w for k in multi for w in k.split(" "))
        self._punct = string.punctuation

    # --- text ------------------------------------------------------------------------------------------
    def _replace_emoji(self, text: str) -> str:
        """The text with each emoji VADER knows replaced by its description (as VADER does), skipped for plain ASCII
        text."""
        if self._emoji_class is None or (self._ascii_free and text.isascii()):
            return text
        pattern = self._emoji_re
        if pattern is None:  # threads that race compile equal patterns
            pattern = self._emoji_re = re.compile(self._emoji_class)
        emojis = self.emojis
        parts: list[str] = []
        last = 0
        for m in pattern.finditer(text):
            p = m.start()
            char = m.group()
            if char not in emojis:
                continue
            parts.append(text[last:p])
            # The package adds a space before the description unless the character before was a space
            # (an emoji before counts as no space).
            if p > 0 and text[p - 1] != " ":
                parts.append(" ")
            parts.append(emojis[char])
            last = p + 1
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)

    def _words(self, text: str) -> list[str]:
        """VADER's words of a text: split on whitespace, punctuation stripped from words longer than two characters."""
        punct = self._punct
        out = []
        for token in text.split():
            stripped = token.strip(punct)
            out.append(token if len(stripped) <= 2 else stripped)
        return out

    # --- scoring ---------------------------------------------------------------------------------------
    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's ``compound``, ``pos``, ``neu`` and ``neg`` for ``text``, as the package computes them."""
        text = self._replace_emoji(text).strip()
        words = self._words(text)
        lowers = [w.lower() for w in words]
        n = len(words)
        upper = [w.isupper() for w in words]
        n_upper = sum(upper)
        cap_diff = 0 < n - n_upper < n
        lexicon = self.lexicon
        boosters = self._boosters
        sentiments: list[float] = []
        append = sentiments.append
        for i in range(n):
            low = lowers[i]
            if low in boosters or (low == "kind" and i < n - 1 and lowers[i + 1] == "of"):
                append(0)  # a modifier scores nothing itself; it acts on the next sentiment word
            elif low in lexicon:
                append(self._valence(i, lowers, upper, cap_diff))
            else:
                append(0)
        if "but" in lowers:
            self._but(sentiments, lowers.index("but"))
        return self._score(sentiments, text)

    def _negated(self, low: str) -> bool:
        return low in self._negate or "n't" in low

    def _scalar(self, j: int, lowers: list[str], upper: list[bool], valence: float, cap: bool) -> float:
        """The booster or dampener effect of word ``j`` on a following sentiment word."""
        scalar = 0.0
        low = lowers[j]
        if low in self._boosters:
            scalar = self._boosters[low]
            if valence < 0:
                scalar *= -1
            if upper[j] and cap:
                if valence > 0:
                    scalar += self._c_incr
                else:
                    scalar -= self._c_incr
        return scalar

    def _valence(self, i: int, lowers: list[str], upper: list[bool], cap: bool) -> float:
        """The valence of word ``i`` with VADER's rules for it: "no" before it, capitals, boosters and negations in the
        three words before, VADER's idioms and "least"."""
        lexicon = self.lexicon
        n_scalar = self._n_scalar
        low = lowers[i]
        n = len(lowers)
        valence = lexicon[low]
        if low == "no" and i != n - 1 and lowers[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next sentiment word instead of counting itself
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * n_scalar
        if upper[i] and cap:
            if valence > 0:
                valence += self._c_incr
            else:
                valence -= self._c_incr
        for k in range(3):
            if i > k and lowers[i - (k + 1)] not in lexicon:
                s = self._scalar(i - (k + 1), lowers, upper, valence, cap)
                if k == 1 and s != 0:
                    s = s * 0.95
                if k == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation(valence, lowers, k, i)
                if k == 2:
                    valence = self._idioms(valence, lowers, i)
        # "least" negates, except in "at least" and "very least"
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * n_scalar
        return valence

    def _negation(self, valence: float, lowers: list[str], k: int, i: int) -> float:
        """VADER's negation check for the word ``k`` + 1 places before word ``i``: a negation flips and damps the
        valence, "never so/this" strengthens it."""
        n_scalar = self._n_scalar
        if k == 0:
            if self._negated(lowers[i - 1]):
                valence = valence * n_scalar
        elif k == 1:
            if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                valence = valence * 1.25
            elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
                pass
            elif self._negated(lowers[i - 2]):
                valence = valence * n_scalar
        else:
            if (lowers[i - 3] == "never" and (lowers[i - 2] == "so" or lowers[i - 2] == "this")) or (
                lowers[i - 1] == "so" or lowers[i - 1] == "this"
            ):
                valence = valence * 1.25
            elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
                pass
            elif self._negated(lowers[i - 3]):
                valence = valence * n_scalar
        return valence

    def _idioms(self, valence: float, lowers: list[str], i: int) -> float:
        """Special-case phrases around word ``i`` (3 words back, 2 ahead) and multi-word boosters before it."""
        near = self._idiom_words
        n = len(lowers)
        if not any(lowers[j] in near for j in range(i - 3, min(n, i + 3))):
            return valence  # no word of any special phrase is near: nothing below can match
        special = self._special
        w3, w2, w1, w0 = lowers[i - 3], lowers[i - 2], lowers[i - 1], lowers[i]
        three_two_one = f"{w3} {w2} {w1}"
        three_two = f"{w3} {w2}"
        two_one = f"{w2} {w1}"
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", two_one, three_two_one, three_two):
            if seq in special:
                valence = special[seq]
                break
        if n - 1 > i:
            seq = f"{w0} {lowers[i + 1]}"
            if seq in special:
                valence = special[seq]
        if n - 1 > i + 1:
            seq = f"{w0} {lowers[i + 1]} {lowers[i + 2]}"
            if seq in special:
                valence = special[seq]
        for gram in (three_two_one, three_two, two_one):
            if gram in self._boosters:
                valence = valence + self._boosters[gram]
        return valence

    @staticmethod
    def _but(sentiments: list[float], bi: int) -> None:
        """Halve sentiments before the first "but", raise those after by half, exactly as the package does.

        The package walks the list and, for each current value, rescales the *first* position holding an equal
        value (``list.index``). A heap of positions per value gives that first position without a scan.
        """
        where: dict[float, list[int]] = {}
        for pos, value in enumerate(sentiments):
            where.setdefault(value, []).append(pos)  # positions ascending: each list is already a heap
        for k in range(len(sentiments)):
            value = sentiments[k]
            heap = where[value]
            si = heap[0]
            if si < bi:
                new = value * 0.5
            elif si > bi:
                new = value * 1.5
            else:
                continue
            sentiments[si] = new
            if new != value:  # only zeros keep their value (and their bucket)
                heapq.heappop(heap)
                if not heap:
                    del where[value]
                heapq.heappush(where.setdefault(new, []), si)

    def _score(self, sentiments: list[float], text: str) -> dict[str, float]:
        """VADER's scores from the words' valences: the compound (with the weight of "!" and "?") and the positive,
        negative and neutral shares."""
        if not sentiments:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(sentiments))
        ep = min(text.count("!"), 4) * 0.292
        qm_count = text.count("?")
        qm: float = 0
        if qm_count > 1:
            qm = qm_count * 0.18 if qm_count <= 3 else 0.96
        amplifier = ep + qm
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        if compound < -1.0:
            compound = -1.0
        elif compound > 1.0:
            compound = 1.0
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = 0
        for score in sentiments:
            if score > 0:
                pos_sum += float(score) + 1
            if score < 0:
                neg_sum += float(score) - 1
            if score == 0:
                neu_count += 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {
            "neg": round(math.fabs(neg_sum / total), 3),
            "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3),
            "compound": round(compound, 4),
        }


def installed_version() -> str | None:
    """The version of the vaderSentiment package installed, or None when it is not installed."""
    try:
        return metadata.version("vaderSentiment")
    except metadata.PackageNotFoundError:
        return None


def _package_analyzer(module: Any) -> Any:
    """The mirrored package's ``SentimentIntensityAnalyzer()``, its lexicon and emoji table read from the start-up
    cache (``_cache``) when the package's two files are the ones parsed before, else parsed by the package's own
    ``make_lex_dict`` and ``make_emoji_dict`` as its ``__init__`` does, and kept."""
    import os

    from . import _cache

    cls = module.SentimentIntensityAnalyzer
    folder = os.path.dirname(os.path.abspath(module.__file__))
    try:
        with open(os.path.join(folder, "vader_lexicon.txt"), "rb") as f:
            lexicon = f.read()
        with open(os.path.join(folder, "emoji_utf8_lexicon.txt"), "rb") as f:
            emoji = f.read()
    except OSError:
        return cls()
    analyzer = cls.__new__(cls)  # what __init__ sets: the files' text, and the two tables parsed from it
    analyzer.lexicon_full_filepath = lexicon.decode("utf-8")
    analyzer.emoji_full_filepath = emoji.decode("utf-8")
    key = _cache.fingerprint("vader", MIRRORED_VERSION, lexicon, emoji)
    stored = _cache.read("vader", key)
    if isinstance(stored, tuple) and len(stored) == 2 and all(isinstance(t, dict) for t in stored):
        analyzer.lexicon, analyzer.emojis = stored
    else:
        analyzer.lexicon = analyzer.make_lex_dict()
        analyzer.emojis = analyzer.make_emoji_dict()
        _cache.write("vader", key, (analyzer.lexicon, analyzer.emojis))
    return analyzer


def make_analyzer(*, fast: bool = True) -> Any:
    """A FastVader when the installed vaderSentiment is the mirrored version, else the package's analyser.

    Either way ``polarity_scores`` gives the package's output; the fast one also passes a self-check against
    the package on sample sentences before it is returned.
    """
    from vaderSentiment import vaderSentiment as module

    mirrored = installed_version() == MIRRORED_VERSION
    analyzer = _package_analyzer(module) if mirrored else module.SentimentIntensityAnalyzer()
    if not fast or not mirrored:
        return analyzer
    candidate = FastVader(analyzer, module)
    if any(candidate.polarity_scores(s) != analyzer.polarity_scores(s) for s in _SELF_CHECK):
        return analyzer  # pragma: no cover - a patched package: trust its own code
    return candidate
