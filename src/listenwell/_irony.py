"""Sarcasm and irony: "love that for us", "oh great, the car won't start", "really appreciate it 🙃".

A message is read as ironic when it carries a marker that is ironic on its own (``irony_markers``), or when a
sentence opens with a word of praise (``irony_openers``) and goes on to something going wrong
(``irony_turns``, or a painful feeling named in the same sentence), or is praise alone ("amazing.") after it. An
ironic message's positive feelings are not taken at face value: the reply names no cheerful feeling and
acknowledges the trouble instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._analysis import AnalyzedDoc, _Mention
from ._loading import RuleSet
from ._matching import PhraseSet, Runs, phrase_heads
from ._phrases import inflect

__all__ = ["Irony"]

# A sentence of at most this many words that opens with praise stands alone ("amazing.", "oh great."): it may
# be about the sentence before it.
_ALONE = 3
# Adverbs that may open a sentence before its praise: "fully thriving over here", "absolutely love that for me".
_PRAISE_ADVERBS = frozenset({"fully", "truly", "absolutely", "just", "simply", "totally", "really", "literally"})
# Marks that end a clause inside a sentence: praise after one may answer the clause before it.
_CLAUSE_MARKS = frozenset({",", "-", "\u2013", "\u2014", "..."})
# Auxiliaries whose "not" tells of something that failed ("will not start", "did not show", "is not working"); "can
# not" and "could not" are left out: "can't wait", "couldn't be happier" are praise.
_FAILED_AUX = frozenset({"will", "would", "did", "does", "do", "is", "was", "are", "were", "has", "have", "had"})


def _with_inflections(turns: frozenset[str], irregular: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """``turns`` and the other forms of each single-word verb of trouble said in the past: "spilled" also turns
    praise as "spilling" or "spills" ("nothing like spilling coffee into my own bag"). The bare base is not added
    ("nice, a break", "perfect, fall is here")."""
    past_of = {f: base for base, forms in irregular.items() for f in forms if f != base}
    found = set(turns)
    for word in turns:
        if " " in word:
            continue
        base = past_of.get(word)
        if base is None and word.endswith("ed") and len(word) > 4:
            stems = (word[:-2], word[:-1], word[:-3]) if word[-3] == word[-4] else (word[:-2], word[:-1])
            base = next((b for b in stems if word in inflect(b, irregular)), None)
        if base is not None:
            found.update(f for f in inflect(base, irregular) if f != base)
    return frozenset(found)


def _conditional(words: list[str], marker: str) -> bool:
    """Whether every place ``marker`` is said in ``words`` is followed by "if": "totally fine if not" is a
    condition said straight, not irony."""
    parts = marker.split(" ")
    n = len(parts)
    at = [i for i in range(len(words) - n + 1) if words[i : i + n] == parts]
    return bool(at) and all(words[i + n : i + n + 1] == ["if"] for i in at)


class Irony:
    """Tells whether a analyzed message says the opposite of its positive words."""

    def __init__(self, rules: RuleSet, valence: dict[str, float]) -> None:
        """``valence``: each family's valence, to tell a painful feeling named beside the praise."""
        self._markers = rules.word_class("irony_markers")
        self._longest = max((len(m.split()) for m in self._markers), default=1)
        # the markers by first word, as word tuples: a sentence is read once, not joined into every run of words
        self._marker_set = PhraseSet(self._markers, self._longest)
        self._openers = rules.word_class("irony_openers")
        self._opener_heads = phrase_heads(self._openers)  # the words an opener (of one or two words) starts with
        # a thing gone wrong of two words or more ("ate my", "power went out") turns praise too: "oh cool the washer
        # ate my sweater" (single mishap words such as "cracked" may be a win: "nice, i cracked it")
        self._turns = _with_inflections(
            rules.word_class("irony_turns") | {m for m in rules.word_class("mishaps") if " " in m},
            {r.base.lower(): tuple(f.lower() for f in r.forms) for r in rules.rows("inflections")},
        )
        self._tails = rules.word_class("praise_tails")  # "fully thriving over here": praise, then a filler
        self._praise_heads = rules.word_class("praise_meant_heads")  # "great news", "good thing i checked"
        self._repeats = rules.word_class("repeat_turns")  # "again", "for the 4th time", "yet again"
        self._turns_to_good = rules.word_class("turns_to_good")  # "broke down, but great, my dad fixed it"
        # turns too weak to hear irony in praise after a comma: "lost 10 pounds since march, amazing"
        self._strong_turns = self._turns - rules.word_class("irony_weak_turns")
        self._reporting = rules.word_class("said_told_me") | {"says", "tells", "told"}
        self._negations = rules.single_negators()  # "great news, the basement did not flood" is meant
        self._verdicts = rules.word_class("good_results")
        self._valence = valence
        self._tail_leads = rules.word_class("irony_tail_leads")  # "... so thats fun": praise said as the last words
        self._tail_praise = rules.word_class("irony_tail_praise")
        self._tail_sure = rules.word_class("irony_tail_sure")

    def _pained(self, m: _Mention) -> bool:
        """Whether a feeling mention is a painful feeling said, not denied ("not worried")."""
        return self._valence.get(m.emotion.family, 0.0) < 0 and not m.emotion.negated

    def _markers_in(self, words: list[str]) -> frozenset[str]:
        """The markers among the runs of ``words`` (``word_grams(words, longest) & markers``), read by first word."""
        return self._marker_set.found(words)

    def _tail(self, words: list[str], norms: list[str], analyzed: AnalyzedDoc, good_event: bool) -> bool:
        """Whether the last sentence ends on praise said flatly after trouble: "{lead} {praise}" ("the part costs
        more than a new one so thats fun", "they raised the rent again, which is great") or a sure tail on its own
        ("thanks i guess"). A sure tail needs no trouble told, only no good news; praise needs a thing gone wrong or a
        painful feeling somewhere in the message ("we're going to the beach saturday, so that's fun" is meant)."""
        for n in (1, 2):
            praise = " ".join(words[-n:])
            lead = words[:-n]
            led = any(" ".join(lead[-k:]) in self._tail_leads for k in (3, 2, 1) if len(lead) >= k)
            if led and praise in self._tail_sure and not good_event:
                return True
            if led and praise in self._tail_praise and (
                any(w in self._turns for w in norms)  # (weak turns count here: "officially dead ... so thats fun")
                or any(self._pained(m) for m in analyzed.mentions)
            ):  # fmt: skip
                return True
        # "my manager said i'm doing great and gave me six more tables. thanks i guess"
        return len(words) >= 3 and " ".join(words[-3:]) in self._tail_sure and not good_event

    def ironic(self, analyzed: AnalyzedDoc) -> bool:
        """True when a message says the opposite of its positive words: an ironic marker ("love that for us"),
        or a sentence that opens with praise and goes on to trouble ("oh great, the car won't start").
        """
        norms = [w.replace("\u2019", "'") for w in analyzed.norms]
        sentence_ids = analyzed.sentence_ids
        by_sentence: dict[int, list[str]] = {}  # each sentence's words, in one pass
        for w, s in zip(norms, sentence_ids, strict=True):
            words = by_sentence.setdefault(s, [])
            if w[:1].isalnum() or not w.isascii():
                words.append(w)
        # good news read from the events ("the lump is benign"): a verdict beside it is meant, not ironic
        good_event = any(
            m.emotion.source == "situation" and self._valence.get(m.emotion.family, 0.0) > 0 and not m.emotion.negated
            for m in analyzed.mentions
        )
        for words in by_sentence.values():
            said = {m for m in self._markers_in(words) if not _conditional(words, m)}
            if said and not ((good_event or set(words) & self._reporting) and said <= self._verdicts):
                return True  # ("the vet said she's totally fine", "the lump is benign, he's totally fine": a
                # verdict reported, or told beside good news, is no irony of the writer's)
        exclaimed = "!" in norms
        if by_sentence and not exclaimed and self._tail(list(by_sentence.values())[-1], norms, analyzed, good_event):
            return True
        # praise said last, after the trouble in its own sentence: "anxious for a whole extra week yay"
        for s, words in by_sentence.items():
            while len(words) > _ALONE and " ".join(words[-2:]) in self._tails:
                words = words[:-2]  # "fully thriving over here"
            while len(words) > _ALONE and words[-1] in self._tails:
                words = words[:-1]  # "thriving rn", "love that honestly"
            if not words:
                continue
            last = words[-1] if words[-1] in self._openers else " ".join(words[-2:])  # "... thanks mom love that"
            if len(words) > _ALONE and last in self._openers and last not in self._praise_heads and (
                any(w in self._strong_turns for w in words[: -len(last.split())]) or any(
                    self._pained(m) and sentence_ids[m.start] == s for m in analyzed.mentions
                )
            ):  # fmt: skip
                return True
        heads = self._opener_heads
        for i, w in enumerate(norms):
            if w not in heads:
                continue  # neither it nor it and the next word is an opener
            opens = i == 0 or sentence_ids[i] != sentence_ids[i - 1] or (i == 1 and norms[0] in {"oh", "wow"}) or (
                norms[i - 1] in _PRAISE_ADVERBS and (i == 1 or sentence_ids[i - 1] != sentence_ids[i - 2])
            )  # "fully thriving over here", "truly amazing"
            after_comma = not opens and norms[i - 1] in _CLAUSE_MARKS and not exclaimed
            if not (opens or after_comma):
                continue
            pair = f"{w} {norms[i + 1]}" if i + 1 < len(norms) else ""
            if w not in self._openers and pair not in self._openers:
                continue  # ("love when the coffee machine breaks on the one day i need it": a two-word opener)
            told = [k for k in range(i + 2, len(norms)) if sentence_ids[k] == sentence_ids[i]]
            if i + 1 < len(norms) and norms[i + 1] in self._praise_heads and not Runs(
                [norms[k] for k in told], 2
            ) & self._repeats and not any(  # "wonderful news the washing machine flooded": praise over a mishap
                norms[k] in self._strong_turns and norms[k] not in _FAILED_AUX and norms[k - 1] not in self._negations
                and not Runs([norms[j] for j in told], 3) & self._turns_to_good
                for k in told
            ):  # fmt: skip
                continue  # "great news, the vet says ...", "good thing i checked": the praise is meant (but "great
                # news, they want to circle back for the 4th time" says the same trouble again)
            rest = [k for k in range(i + 1, len(norms)) if sentence_ids[k] - sentence_ids[i] in (0, 1)]
            alone = [k for k in range(len(norms)) if sentence_ids[k] == sentence_ids[i] and norms[k][:1].isalnum()]
            if len(alone) <= _ALONE and sentence_ids[i] > 0:
                # praise said on its own after the mishap: "spilled coffee on my shirt. amazing."
                rest = [k for k in range(len(norms)) if sentence_ids[k] == sentence_ids[i] - 1] + rest
            if after_comma:
                if i > 1 and norms[i - 2] in self._turns_to_good:
                    continue  # "the car broke down, but great, my dad fixed it": the praise answers the trouble
                # praise after a comma, once the trouble is told: "the printer jammed again, truly the best day of
                # my life", "train delayed 40 min, amazing, thriving, never better"
                rest = [k for k in range(i) if sentence_ids[k] == sentence_ids[i]] + rest
            turns = self._strong_turns if after_comma else self._turns
            if any(norms[k] in turns for k in rest):
                return True
            if Runs([norms[k] for k in rest], 3) & turns:
                return True  # two-word turns: "on hold", "locked out"
            if any(
                norms[k] == "not" and k and norms[k - 1] in _FAILED_AUX and norms[k + 1 : k + 2] != ["bad"]
                and not any(norms[j] in self._openers for j in rest if j < k)
                for k in rest
            ):  # fmt: skip
                return True  # "won't start", "didn't show" (norms "will not", "did not"; but "can't wait" is real
                # excitement, "could not be happier" or "not bad" real praise, and "wow it turned out great, it did
                # not even stick" praised twice)
            if any(m.start in rest and self._pained(m) for m in analyzed.mentions):
                return True
        return False
