"""The analysis layer: feelings with their modifiers and experiencer, cues, topics, needs, dominant family."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from spacy.tokens import Doc

from ._learned import BOUNDARY_CLASSES, CLASSES, MARK, LearnedTerms, learned_marks
from ._loading import RuleSet
from ._matching import Hit, Hits, Matched, RuleMatcher, first_fit, sentence_of, sentence_spans, sentences_around
from ._phrases import Steps
from ._results import Analysis, Cue, EmotionMention, Sentiment, stored_directly
from ._rules import EmotionRule, ExperiencerRule, Family, Modifier, SignalRule
from ._sentiment import corrected_valence

__all__ = ["Analyzer", "AnalyzedDoc"]

# Words that open a sentence going on about the one before: an event may run across into it
_REFERRING = frozenset({"he", "she", "they", "it", "we", "his", "her", "their", "its", "him", "them"})
# Words of a phrase that hold a "not" in their norms ("cant" is "can not"): a negator there is the phrase's own.
_NOT_WORDS = frozenset({
    "cannot", "cant", "wont", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "couldnt", "wouldnt",
    "shouldnt", "havent", "hasnt", "hadnt", "aint",
})
# Verbs of how someone seems: a feeling after one with no subject word before is seen on someone else.
_APPEARANCE = frozenset(
    {"look", "looking", "looked", "looks", "seem", "seemed", "seems", "seeming", "acting", "acted", "acts"}
)
# Modals before "not" that judge a feeling rather than deny it ("i shouldn't be upset about it").
_OUGHT = frozenset({"should", "ought"})
_NEGATED_WEIGHT = 0.7  # a negated positive ("not happy") implies its opposite, less strongly than a named one
_OTHER_WEIGHT = 0.5  # someone else's feeling says less about the writer than their own
_CAPS_FACTOR = 1.2  # a feeling word in capitals ("I'm SO DONE") reads as stronger
# When no feeling is found at all, a VADER score at least this far from 0 is weak evidence of the family whose
# ``from_tone`` (families.jsonl) is its sign, joy or sadness as shipped (tuned on the EmpatheticDialogues dev
# split; see benchmarks/eval_emotions.py).
SENTIMENT_FALLBACK = 0.3
SENTIMENT_CONFIDENCE = 0.3
# A feeling the writer names outweighs one implied by what happened (tuned on EmpatheticDialogues dev).
SOURCE_WEIGHT = {"lexicon": 1.0, "situation": 0.6, "sentiment": 1.0}
# Cue kinds whose subject matters: a boundary someone else set is only reported, and a third person's
# wish to die puts them at risk (``other_at_risk``), not the writer.
_WHOSE_CUE = frozenset({"crisis", "boundary"})
_SIGNALS_PER_SENTENCE = 8  # crisis signals of one group kept per sentence when looking for combinations
# Signals of a combination meet when they are in the same or next sentence, or, in chat written as short
# fragments ("pills. counted. tonight."), when they are at most this many tokens apart.
COMBINATION_REACH = 12
# A message this short (in tokens) is one unit: its signals meet wherever they are ("thank you for everything. you've
# been the best. take care of mom for me": three short sentences, one goodbye).
SHORT_MESSAGE = 40


def _same_signal(a: Hit[SignalRule], b: Hit[SignalRule], norms: Sequence[str]) -> bool:
    """Whether two signal hits are one signal said twice ("scared ... scared"): the same row over the same words. One
    row over a class of distinct phrases ("in my name" and "says i owe him") gives distinct signals."""
    return a.rule.id == b.rule.id and norms[a.start : a.end] == norms[b.start : b.end]


@stored_directly
@dataclass(frozen=True, slots=True)
class _Mention:
    """A mention with its token span, kept for the suggestion and review layers."""

    emotion: EmotionMention
    start: int
    end: int
    sentence: int
    rule: EmotionRule


@stored_directly
@dataclass(frozen=True, slots=True)
class AnalyzedDoc:
    """Internal view of one analysed doc: what later layers need beyond the public Analysis."""

    doc: Doc
    norms: tuple[str, ...]
    sentence_ids: tuple[int, ...]
    boundaries: frozenset[int]
    mentions: tuple[_Mention, ...]
    hits: Hits
    said: frozenset[int] = frozenset()  # tokens of set phrases said ("he said love you too"): words, not feelings


class _CueSpan(NamedTuple):
    """A cue found over tokens ``start:end``, before overlapping ones of its kind are dropped."""

    start: int
    end: int
    kind: str
    rule: str


class _MessageText(NamedTuple):
    """The message text and its token offsets: spans are cut from the text, never from Token objects."""

    text: str
    matched: Matched

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """Character offsets and text of tokens ``start:end``."""
        a, b = self.matched.char_span(start, end)
        return a, b, self.text[a:b]


_NAME_CLASSES = frozenset({"name_like", "someone_w", "someone_r3"})  # classes that list first names


# The words that may come right before a name that opens a clause.
_CLAUSE_LEADS = frozenset({
    ",", "and", "but", "so", "omg", "apparently", "hear", "heard", "think", "guess", "know", "like", "lol", "ok",
    "okay", "well", "then", "because", "bc", "cause", "cuz", "when", "that", "if", ":", "-", "\u2014", "honestly",
    "ugh", "wow", "also", "btw", "anyway", "now",
    "aunt", "auntie", "uncle", "cousin", "mr", "mrs", "ms", "miss", "dr", "coach", "nana", "grandma", "grandpa",
})
_SCARE_QUOTE = 3  # words at most in a scare quote
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


# Cue kinds read inside quotes too: a crisis or a boundary quoted is still told ("he texted me 'i want to die'").
_QUOTE_BLIND_CUES = frozenset({"crisis", "boundary"})
_QUOTED_CUE = 12  # words a quote holds and is still read as words said by someone else, for the other cue kinds


def _quoted(norms: Sequence[str], sentence_ids: Sequence[int], longest: int = _SCARE_QUOTE) -> frozenset[int]:
    """The tokens between a pair of double quotes at most ``longest`` words apart, in one sentence (scare quotes: 'the
    "quick sync" is now 90 minutes'); a longer quote is words said ('she said "i'm so proud of you"'), and read for
    its feelings (a cue quoted at any length is someone else's: ``_QUOTED_CUE``)."""
    inside: set[int] = set()
    opened = -1
    for k, w in enumerate(norms):
        if w in _QUOTES:
            if opened >= 0 and sentence_ids[opened] == sentence_ids[k]:
                if k - opened - 1 <= longest:
                    inside.update(range(opened + 1, k))
                opened = -1
            else:
                opened = k
    return frozenset(inside)


_TALK_OF = frozenset({"talk", "chat", "discuss", "talking", "chatting"})
_TALK_SPAN = 5  # words after "talk about" that name the topic


def _talked_of(norms: Sequence[str], sentence_ids: Sequence[int]) -> frozenset[int]:
    """The tokens of a topic put up for talk, "talk about | the holidays" or "discuss | the wedding", up to the end of
    the clause and at most five words: an event named there is what to talk about, not what happened."""
    inside: set[int] = set()
    for k, w in enumerate(norms):
        if w not in _TALK_OF:
            continue
        j = k + 1 + (k + 1 < len(norms) and norms[k + 1] in ("about", "abt"))
        if w != "discuss" and j == k + 1:
            continue  # "talk" with no "about": no topic named ("discuss" takes its topic directly)
        end = j
        while end < len(norms) and end - j < _TALK_SPAN and sentence_ids[end] == sentence_ids[k] and (
            norms[end][:1].isalnum() or "'" in norms[end]
        ):
            end += 1
        inside.update(range(j, end))
    return frozenset(inside)


def _single_quoted(
    msg: _MessageText, norms: Sequence[str], sentence_ids: Sequence[int], longest: int = _SCARE_QUOTE
) -> frozenset[int]:
    """The tokens between single quotes at most ``longest`` words apart in one sentence ("typed 'love you' to my
    manager", "the bouncer said 'ID please'"): the opening quote follows a space, the closing one a word, so the
    apostrophe of a plural possessive ("the neighbors' rooster") opens nothing."""
    text, opened = msg.text, -1
    inside: set[int] = set()
    for k, w in enumerate(norms):
        if w != "'":
            continue
        a, b, _ = msg.span(k, k + 1)
        opens = a == 0 or text[a - 1].isspace() or text[a - 1] in "([{"
        closes = a > 0 and not text[a - 1].isspace() and (b >= len(text) or not text[b].isalnum())
        if opened >= 0 and closes and sentence_ids[opened] == sentence_ids[k]:
            if 0 < sum(1 for x in norms[opened + 1 : k] if x[:1].isalnum()) <= longest:
                inside.update(range(opened + 1, k))
            opened = -1
        elif opens:
            opened = k
    return frozenset(inside)


def _all_quoted(
    msg: _MessageText, norms: Sequence[str], sentence_ids: Sequence[int], longest: int = _SCARE_QUOTE
) -> frozenset[int]:
    """The tokens inside double or single quotes at most ``longest`` words long (``_quoted``, ``_single_quoted``)."""
    quoted = _quoted(norms, sentence_ids, longest)
    return quoted | _single_quoted(msg, norms, sentence_ids, longest) if "'" in norms else quoted


_WONDER_OPENERS = frozenset({"should", "could", "would", "shall", "if"})
_WONDER_LEADS = frozenset(
    {"do", "you", "u", "think", "we", "i", "maybe", "honestly", "so", "ok", "okay", "hmm", "like"}
)
_CLAUSE_ENDS = frozenset({",", ";", "because", "bc", "cause", "cuz", "since", "-", "\u2014"})


def _wondered(norms: Sequence[str], sentence_ids: Sequence[int]) -> frozenset[int]:
    """The tokens of a clause that weighs an event rather than tells one: it opens a sentence on "should", "could",
    "would", "if" or "what if" (past "do you think we", "maybe we"), and runs to the first comma or "because"
    ("should we get a puppy now or wait"; not "..., he's the one who left me on read")."""
    out: set[int] = set()
    for k in range(len(norms)):
        if k and sentence_ids[k - 1] == sentence_ids[k]:
            continue
        m = k  # past lead words: "do you think we should ...", "maybe we should ..."
        while m < len(norms) and sentence_ids[m] == sentence_ids[k] and norms[m] in _WONDER_LEADS:
            m += 1
        if m >= len(norms) or sentence_ids[m] != sentence_ids[k]:
            continue
        opens = norms[m] in _WONDER_OPENERS or (norms[m] == "what" and m + 1 < len(norms) and norms[m + 1] == "if")
        if not opens:
            continue
        j = k
        while j < len(norms) and sentence_ids[j] == sentence_ids[k] and norms[j] not in _CLAUSE_ENDS:
            out.add(j)
            j += 1
    return frozenset(out)


class StateSubjects:
    """Who a state is said of, right before it: "jess is FURIOUS", "priya's so nervous", "my little sister is
    heartbroken". A verb of being (past a few adverbs) comes between the subject and the feeling word."""

    def __init__(self, rules: RuleSet) -> None:
        self.verbs = rules.word_class("state_verbs")
        self.adverbs = rules.word_class("state_adverbs")
        # every word some table knows: a subject outside them all ("jess", "Priya") is a name
        self.vocabulary = frozenset(
            w for r in rules.rows("wordclasses") if r.id not in _NAME_CLASSES
            for p in r.words for w in p.lower().split()
        )  # (the first names a table lists, as names, are names still)

    def before_state(self, start: int, sentence_ids: Sequence[int], norms: Sequence[str]) -> int | None:
        """The token of the word just before the verb of being that leads to ``start``, in its sentence, or None."""
        j = start - 1
        for _ in range(3):
            if j >= 0 and norms[j] in self.adverbs:
                j -= 1
        if j < 1 or norms[j] not in self.verbs:
            return None
        if norms[j] in ("been", "being") and norms[j - 1] in self.verbs:
            j -= 1  # "has been", "'s been", "is being"
        k = j - 1
        return k if sentence_ids[k] == sentence_ids[start] and norms[k].isalpha() else None

    def _name(self, k: int, norms: Sequence[str], sentence_ids: Sequence[int]) -> int | None:
        """``k`` when its word is a name: no table knows it, and it opens its clause ("jess is ...", "i think marcus
        is ...", "did you hear dana ..."), so no determiner or other word of a noun phrase comes before it."""
        if len(norms[k]) < 2 or norms[k] in self.vocabulary:
            return None
        if k > 0 and sentence_ids[k - 1] == sentence_ids[k] and norms[k - 1] not in _CLAUSE_LEADS:
            return None  # "internet companies is such a pain", "spots of mold"
        return k

    def subject(self, start: int, sentence_ids: Sequence[int], norms: Sequence[str]) -> int | None:
        """The token of a name the state at ``start`` is said of: a word no table knows that opens its clause
        ("having a toothache is irritating" names nobody)."""
        k = self.before_state(start, sentence_ids, norms)
        return None if k is None else self._name(k, norms, sentence_ids)


class _Subjects:
    """Experiencer hits indexed so that each question about one span costs O(log n), not a scan of them all."""

    def __init__(self, hits: Sequence[Hit[ExperiencerRule]], boundaries: frozenset[int]) -> None:
        """``hits``: the experiencer hits of a doc, in (start, end) order; ``boundaries``: clause-break tokens."""
        self.hits = list(hits)  # the matcher gives them by (start, end)
        self.starts = [e.start for e in self.hits]
        self.boundaries = boundaries
        self._bounds = sorted(boundaries)
        subjects = [i for i, e in enumerate(self.hits) if not e.rule.after]
        self._by_end = sorted(subjects, key=lambda i: (self.hits[i].end, i))
        self._ends = [self.hits[i].end for i in self._by_end]

    def starting_within(self, start: int, end: int) -> list[Hit[ExperiencerRule]]:
        """The hits that start at a token in ``start..end`` (inclusive), in order."""
        return self.hits[bisect_left(self.starts, start) : bisect_right(self.starts, end)]

    def before(self, start: int, sentence_ids: Sequence[int]) -> Hit[ExperiencerRule] | None:
        """The subject word nearest before token ``start`` in its sentence with no boundary between (the
        first of them in order when several end at the same token), or None."""
        b = bisect_left(self._bounds, start) - 1
        last_boundary = self._bounds[b] if b >= 0 else -1  # a subject ending at or before it is cut off
        best: Hit[ExperiencerRule] | None = None
        j = bisect_right(self._ends, start) - 1
        while j >= 0 and self._ends[j] > last_boundary:
            if best is not None and self._ends[j] < best.end:
                break
            e = self.hits[self._by_end[j]]
            if sentence_ids[e.start] == sentence_ids[start]:
                best = e  # walking left through equal ends reaches the earliest of them last
            j -= 1
        return best


def _marks(rules: RuleSet, columns: Sequence[Sequence[object]]) -> dict[str, tuple[str, ...]]:
    """The marks a learned table weighs (``@`` + a word class id, see ``_learned.learned_marks``), per norm."""
    tables = rules.tables["wordclasses"]
    named = {str(c[0])[len(MARK) :] for c in columns if str(c[0]).startswith(MARK)}
    return learned_marks({n: rules.word_class(n) for n in sorted(named) if tables.get(n) is not None})


def _threshold(kind: Any) -> float:
    """A cue kind's learned threshold; 0 (never speaks) when the table sets none."""
    value = getattr(kind, "learned_threshold", None)
    return float(value) if value is not None else 0.0


class Analyzer:
    """Turns a doc into an Analysis using one RuleSet and its RuleMatcher."""

    def __init__(self, rules: RuleSet, matcher: RuleMatcher, vader: Any) -> None:
        """``rules``: the loaded tables; ``matcher``: a RuleMatcher over the analysis tables of the same
        rules; ``vader``: the sentiment scorer. The ``unless``/``with`` checkers and the learned nets are built here.
        """
        self._matcher = matcher
        self._vader = vader
        self.families: Mapping[str, Family] = rules.tables["families"]
        # with no feeling found, the family a clear tone of each sign names (``from_tone``, at most one per sign)
        self._from_tone = {f.from_tone: f.id for f in self.families.values() if f.from_tone}
        # "got a job | interview": a situation that is only the first half of a longer name does not count
        self._continuations = rules.word_class("situation_continuations")
        # Someone else's boundary told by the writer ("a kid told my son 'i need space'", "apparently tom needed a
        # break from the group chat"): a verb of saying whose subject is someone else, then only its object and the
        # words that open the words said; or hearsay earlier in the sentence.
        self._report_lead = frozenset(rules.word_class("report_lead_r12"))
        # A set phrase said ("the waiter said enjoy your meal", "i said love you bye to the plumber"): words spoken
        # by habit, not a feeling felt, whoever says them
        self._formulas = rules.word_class("said_formulas")
        self._formula_lead = rules.word_class("formula_speech_verbs")
        self._formula_gap = rules.word_class("formula_said_to")
        self._hearsay = frozenset(rules.word_class("hearsay_r12"))
        # The word classes below are described in rules/wordclasses_grammar.jsonl.
        self._prepositions = rules.word_class("target_prepositions")
        self._first_person = rules.word_class("writer_words")
        self._joiners = rules.word_class("clause_joiners")
        self._join_fillers = rules.word_class("join_fillers")
        self._object_markers = self._prepositions | rules.word_class("object_markers")
        self._clause_openers = rules.word_class("writer_clause_openers")
        self._first_person_subjects = rules.word_class("first_person_subjects")
        self._determiners = rules.word_class("subject_determiners")
        self._causing = rules.word_class("causing_feeling_verbs")
        self._causers = rules.word_class("causer_subjects")
        self._caused = rules.word_class("caused_objects")
        self._inner_life = rules.word_class("own_inner_life")
        self._adverbs = rules.word_class("subject_adverbs")
        self.states = StateSubjects(rules)  # shared with the Suggester of the same rules
        self._cue_valence = {r.kind: r.valence for r in rules.rows("cue_kinds")}
        self._row_valence = {r.id: r.valence for r in rules.rows("cues") if r.valence is not None}
        self._cue_needs = {r.kind: r.needs for r in rules.rows("cue_kinds")}
        # A row's own exceptions, and those of its kind (cue_kinds.jsonl), kept once per kind: every row of the kind
        # reads the same compiled list (unless it sets "shared_unless": false), so a sentence is read for them once.
        self._unless = matcher.unless_checker("cues", rules, rules.origins)
        self._shared = matcher.shared_unless(rules, rules.origins)
        self._with = matcher.with_checker("cues", rules, rules.origins)
        # Exceptions read in the sentence before and after too: an ordinary leaving told beside a goodbye ("last day at
        # the office! said goodbye to everyone"), or today's recovery beside an old self-harm ("... feels like a
        # different person wrote it").
        self._unless_near = matcher.near_unless_checker(rules, rules.origins)
        self._signal_unless = matcher.unless_checker("crisis_signals", rules, rules.origins)
        # A combination's own exceptions, read over the sentences around each of its signals: what makes the meeting
        # of two weak signals a tease ("i have a plan for tonight 😇") is often said in the sentence beside them.
        self._combination_unless = matcher.unless_checker("crisis_combinations", rules, rules.origins)
        self._crisis_shared = self._shared.get("crisis", [])
        self._boundary_shared = self._shared.get("boundary", [])
        self._combinations = rules.rows("crisis_combinations")
        # "Honestly I'm fine" is not joy, and neither is the "please" in "Can you please pick up the kids?": with a
        # cue of these kinds and no feeling named, the tone names none (cue_kinds.jsonl's face_value)
        self._not_at_face_value = frozenset(k.kind for k in rules.rows("cue_kinds") if not k.face_value)
        # group -> the signal counts each combination holding that group needs, as (group, count) pairs: a message
        # checks only the combinations its signals could start, not every row (built once here, per message a lookup)
        self._combination_needs: dict[str, list[tuple[tuple[str, int], ...]]] = {}
        for combo in self._combinations:
            need = tuple((g, combo.groups.count(g)) for g in dict.fromkeys(combo.groups))
            for g in dict.fromkeys(combo.groups):
                self._combination_needs.setdefault(g, []).append(need)
        kinds = rules.tables["cue_kinds"]
        self._learned_needs = frozenset(getattr(kinds.get("crisis"), "learned_needs", ()))
        self._learned_gated = frozenset(getattr(kinds.get("crisis"), "learned_gated", ()))
        self._learned_concepts = frozenset(getattr(kinds.get("crisis"), "learned_concepts", ()))
        self._learned_concept_threshold = float(getattr(kinds.get("crisis"), "learned_concept_threshold", None) or 0.0)
        # a concept laughed off or teased gives the net no extra room (its plain threshold still applies)
        self._concept_unless = matcher.compile_phrases(
            ["{laughter}", "{tease_marks}"], "cue_kinds.jsonl learned_concepts", "unless"
        )
        # the everyday kinds the nets' words lean towards a crisis or a boundary on: they cancel a learned verdict only
        self._learned_unless = {
            k: matcher.compile_phrases(list(kinds[k].learned_unless), "cue_kinds.jsonl learned_unless", "unless")
            for k in ("crisis", "boundary")
            if k in kinds and kinds[k].learned_unless
        }
        crisis_terms = rules.columns("crisis_terms", ("term", *CLASSES))
        boundary_terms = rules.columns("boundary_terms", ("term", *BOUNDARY_CLASSES))
        self._learned = LearnedTerms.from_columns(
            crisis_terms, _threshold(kinds.get("crisis")), CLASSES, _marks(rules, crisis_terms)
        )
        self._learned_boundary = LearnedTerms.from_columns(
            boundary_terms, _threshold(kinds.get("boundary")), BOUNDARY_CLASSES, _marks(rules, boundary_terms)
        )

    # --- public -----------------------------------------------------------------------------------------
    def analyze(self, doc: Doc, text: str, scores: Mapping[str, float] | None = None) -> tuple[Analysis, AnalyzedDoc]:
        """The analysis layer's entry point: one doc in; out, its public ``Analysis`` and the ``AnalyzedDoc`` that
        later layers read.

        ``doc`` is the doc of ``text`` made by the pipeline the matcher was built with; ``scores`` is VADER's
        ``polarity_scores(text)`` when the caller already has it (batches score a chunk at once). Feelings come first
        (with their modifiers and experiencer), then cues, topics, needs, the dominant family and the corrected valence.
        """
        if scores is None:
            scores = self._vader.polarity_scores(text)
        sentiment = Sentiment(compound=scores["compound"], pos=scores["pos"], neu=scores["neu"], neg=scores["neg"])
        matched = self._matcher(doc)
        norms, sentence_ids, hits = matched.norms, matched.sentence_ids, matched.hits
        boundaries = self._boundaries(doc, hits)
        msg = _MessageText(text, matched)
        subjects = _Subjects(hits.get("experiencers", ()), boundaries)  # read by both feelings and cues
        said = self._formula_said(norms, sentence_ids)
        mentions = self._mentions(msg, norms, hits, sentence_ids, subjects, said)
        compound = sentiment.compound
        if said:  # "the waiter said enjoy your meal": VADER hears the tone of the rest, not of the words said by habit
            kept = [i for i in range(len(norms)) if i not in said]
            compound = self._vader.polarity_scores(" ".join(msg.span(i, i + 1)[2] for i in kept))["compound"]
        if not any(not m.emotion.negated for m in mentions) and not any(
            h.rule.kind in self._not_at_face_value for h in hits.get("cues", ())
        ):
            fallback = self._sentiment_fallback(msg, norms, sentence_ids, compound)
            if fallback is not None:
                mentions.append(fallback)
        negative_evidence = any(self.families[m.emotion.family].valence < 0 and not m.emotion.negated for m in mentions)
        cues = self._cues(
            msg, norms, hits, sentence_ids, subjects, mentions, negative_evidence or compound <= -0.05
        )
        topics = self._topics(hits, mentions)
        emotions = tuple(m.emotion for m in mentions)
        dominant = self._dominant(emotions)
        needs = self._needs(hits, cues, emotions, dominant)
        valence = corrected_valence(
            compound,
            [(self.families[e.family].valence, e.intensity * e.confidence * self._weight(e))
             for e in emotions if not e.negated],
            [self._row_valence.get(c.rule, self._cue_valence.get(c.kind, 0.0)) for c in cues],
        )  # fmt: skip
        analysis = Analysis(
            text=text, valence=valence, sentiment=sentiment, dominant=dominant, emotions=emotions,
            cues=cues, topics=topics, needs=needs,
        )  # fmt: skip
        analyzed = AnalyzedDoc(doc, norms, sentence_ids, boundaries, tuple(mentions), hits, said)
        return analysis, analyzed

    # --- modifiers and scope ------------------------------------------------------------------------------
    @staticmethod
    def _boundaries(doc: Doc, hits: Hits) -> frozenset[int]:
        """Tokens of clause-boundary modifiers: a modifier's scope does not cross them."""
        marks = {i for h in hits.get("modifiers", ()) if h.rule.kind == "boundary" for i in range(h.start, h.end)}
        return frozenset(marks)

    @staticmethod
    def _in_scope(hit: Hit[Modifier], start: int, sentence_ids: Sequence[int], boundaries: frozenset[int]) -> bool:
        """A modifier acts forward on a span that starts at most ``scope`` tokens after it, in its clause."""
        if hit.end > start or start - hit.end > hit.rule.scope:
            return False
        if sentence_ids[hit.start] != sentence_ids[start]:
            return False
        return not any(i in boundaries for i in range(hit.end, start))

    def _mentions(
        self,
        msg: _MessageText,
        norms: Sequence[str],
        hits: Hits,
        sentence_ids: Sequence[int],
        subjects: _Subjects,
        said: frozenset[int] = frozenset(),
    ) -> list[_Mention]:
        """The feeling mentions of a message: the longest (then surest) lexicon or situation hit at each token,
        each read with the modifiers in scope and its experiencer; none inside a set phrase said (``said``,
        ``_formula_said``).
        """
        n = len(norms)
        situations = [h for h in hits.get("situations", ()) if h.end >= n or norms[h.end] not in self._continuations]
        candidates = list(hits.get("lexicon", ())) + situations
        # 'why does every listing say "cozy"', "typed 'love you' to my manager": a word quoted is mentioned, not felt;
        # "barista said enjoy ur coffee and i said you too": a set phrase said is no feeling felt either
        unfelt = _all_quoted(msg, norms, sentence_ids) | said
        if unfelt:
            candidates = [h for h in candidates if not all(k in unfelt for k in range(h.start, h.end))]
        talked = _talked_of(norms, sentence_ids) if situations else frozenset()
        if talked:  # "can we talk about the holidays tonight": an event named as a topic to talk about, not news
            candidates = [
                h for h in candidates
                if h.table != "situations" or not all(k in talked for k in range(h.start, h.end))
            ]
        wondered = _wondered(norms, sentence_ids) if situations else frozenset()
        if wondered:  # "should we get a puppy now or wait": good news weighed, not news that happened
            candidates = [  # (a worry weighed is still felt: "what if they say no")
                h for h in candidates
                if h.rule.source != "situation" or h.start not in wondered or self.families[h.rule.family].valence < 0
            ]
        candidates.sort(key=lambda h: (-(h.end - h.start), -h.rule.confidence, h.start))
        kept = first_fit(candidates, n)  # a token covered by a longer (or surer) mention takes no other
        kept.sort(key=lambda h: h.start)
        by_length = sorted(hits.get("modifiers", ()), key=lambda m: (-(m.end - m.start), m.start))
        modifiers = first_fit((m for m in by_length if m.rule.kind != "boundary"), n)  # kept in this order
        # Only a modifier ending at most max-scope tokens before a mention can reach it: look at those alone,
        # in list order, so the cost per mention stays bounded however long the message is.
        by_end = sorted(range(len(modifiers)), key=lambda i: modifiers[i].end)
        ends = [modifiers[i].end for i in by_end]
        reach = max((m.rule.scope for m in modifiers), default=0)
        out: list[_Mention] = []
        starts = sorted((m.start, i) for i, m in enumerate(modifiers))
        for h in kept:
            window = by_end[bisect_left(ends, h.start - reach) : bisect_right(ends, h.start)]
            near = [modifiers[i] for i in sorted(window)]
            if h.end - h.start > 1:  # "felt really left out": a hedge or intensifier the phrase read through
                lo = bisect_right(starts, (h.start, len(modifiers)))
                hi = bisect_left(starts, (h.end, -1))
                inner = [modifiers[i] for _s, i in starts[lo:hi] if modifiers[i].end <= h.end]
                own = set(h.rule.phrase.lower().replace("~", "").replace("\u2019", "'").split())
                if any(w.endswith("n't") or w in _NOT_WORDS for w in own):
                    own.add("not")  # "can't wait" says its own "not"
                near += [
                    m for m in inner
                    if m.rule.kind in ("hedge", "intensifier")
                    or (m.rule.kind == "negator" and not set(m.rule.phrase.split()) & own)
                ]  # and a negator in one of its gaps: "my flight is not delayed" (not "~do not get the job")
            mention = self._mention(msg, norms, h, near, subjects, sentence_ids)
            if mention is not None:
                out.append(_Mention(mention, h.start, h.end, sentence_ids[h.start], h.rule))
        return out

    def _mention(
        self,
        msg: _MessageText,
        norms: Sequence[str],
        hit: Hit[EmotionRule],
        modifiers: Sequence[Hit[Modifier]],
        subjects: _Subjects,
        sentence_ids: Sequence[int],
    ) -> EmotionMention | None:
        """One feeling mention from a lexicon or situation hit, with its negation, hedges, intensifiers, capitals
        and experiencer; None for a row that counts only when negated and is not, or for an event whose gap ran
        across a sentence ("my paper got accepted. bad news: ..." is no "got ... bad news").
        """
        rule: EmotionRule = hit.rule
        if (
            rule.source == "situation" and hit.end - hit.start > 1
            and sentence_ids[hit.start] != sentence_ids[hit.end - 1]
        ):  # fmt: skip
            later = next(k for k in range(hit.start, hit.end) if sentence_ids[k] == sentence_ids[hit.end - 1])
            if norms[later] not in _REFERRING:
                return None  # (but "think about my dad. he passed away last year" goes on about him)
        if rule.source == "lexicon" and self._done_to_another(norms, hit.start, hit.end):
            return None
        negated = hedged = intensified = via_negation = False
        factor = 1.0
        for m in modifiers:
            inside = hit.start < m.start and m.end <= hit.end
            if not inside and not self._in_scope(m, hit.start, sentence_ids, subjects.boundaries):
                continue
            if m.rule.kind == "negator":
                if m.start and norms[m.start - 1] in _OUGHT and rule.source == "lexicon":
                    continue  # "i know i shouldn't be sad": the feeling is had, and judged
                negated = True
            elif m.rule.kind == "hedge":
                hedged = True
                factor *= m.rule.factor
            elif m.rule.kind == "intensifier":
                intensified = True
                factor *= m.rule.factor
        start_char, end_char, span_text = msg.span(hit.start, hit.end)
        if any(w.isupper() and len(w) > 2 for w in span_text.split()):
            intensified = True
            factor *= _CAPS_FACTOR
        family, term = rule.family, rule.term or self.families[rule.family].phrase
        if rule.only_negated and not negated:
            return None
        if negated and rule.negated_family:
            family = rule.negated_family
            term = rule.negated_term or self.families[family].phrase
            factor *= _NEGATED_WEIGHT
            negated = False
            via_negation = True  # "not happy": the writer feels the opposite family, read from this row
        elif rule.only_negated:
            negated = False
        intensity = round(min(1.0, max(0.05, rule.intensity * factor)), 3)
        experiencer = "speaker" if rule.source == "situation" else self._experiencer(hit, subjects, sentence_ids, norms)
        return EmotionMention(
            family=family, term=term, text=span_text, start=start_char, end=end_char,
            intensity=intensity, negated=negated, hedged=hedged, intensified=intensified,
            experiencer=experiencer, rule=rule.id, source=rule.source, confidence=rule.confidence,
            via_negation=via_negation,
        )  # fmt: skip

    def _done_to_another(self, norms: Sequence[str], start: int, end: int) -> bool:
        """A feeling verb done to someone or something, not felt: "we surprised the kids", "i have refreshed the
        page", "i accidentally scared the cat", "i hurt my back". The verb follows a subject or a perfect's "have"
        (adverbs between) and an object other than the writer follows it; "you hurt my feelings" is felt."""
        if end - start != 1 or norms[start] not in self._causing or end >= len(norms) or norms[end] not in self._caused:
            return False
        if norms[end] in ("my", "our") and end + 1 < len(norms) and norms[end + 1] in self._inner_life:
            return False
        k = start - 1
        while k >= 0 and (norms[k] in self._adverbs or (norms[k].endswith("ly") and len(norms[k]) > 3)):
            k -= 1
        return k >= 0 and norms[k] in self._causers

    def _experiencer(
        self, hit: Hit[EmotionRule], subjects: _Subjects, sentence_ids: Sequence[int], norms: Sequence[str]
    ) -> str:
        """Who feels it: an object right after the feeling ("it hurts me"), else the nearest subject before."""
        for e in subjects.starting_within(hit.start, hit.end):  # only these can name it from inside or after
            if sentence_ids[e.start] != sentence_ids[hit.start]:
                continue
            if hit.start <= e.start and e.end <= hit.end and e.rule.experiencer == "speaker":
                return "speaker"  # the phrase names its own experiencer: "ignore me", "my heart sank"
            if (  # "it hurts me"; not "angry at me" or "mad at me", where "me" is the target
                e.rule.after
                and e.start == hit.end
                and norms[hit.end - 1] not in self._prepositions
                and norms[e.start - 1] not in self._prepositions
            ):
                return str(e.rule.experiencer)
        if self.states.subject(hit.start, sentence_ids, norms) is not None:
            return "other"  # "jess is FURIOUS", "i think marcus is jealous"
        before = subjects.before(hit.start, sentence_ids)
        if (before is None or before.rule.phrase in ("my", "our")) and any(
            norms[k] in _APPEARANCE for k in range(max(0, hit.start - 4), hit.start)
        ):  # "one guy is making tea and looking betrayed", "my leg looks like a sad noodle": seen on someone or
            return "other"  # something, not had ("i look exhausted" is the writer's)
        return str(before.rule.experiencer) if before is not None else "speaker"

    def _formula_said(self, norms: Sequence[str], sentence_ids: Sequence[int]) -> frozenset[int]:
        """The tokens of a set phrase (``said_formulas``: "enjoy your meal", "love you", "happy birthday") said
        unquoted right after a verb of saying (``formula_speech_verbs``), with at most "to me" or "back" between
        ("the dentist said enjoy your cleaning", "i said love you bye to the plumber", "he said happy birthday back").
        """
        inside: set[int] = set()
        n = len(norms)
        for k, w in enumerate(norms):
            if w not in self._formula_lead:
                continue
            j = k + 1
            while j < n and j - k <= 3 and norms[j] in self._formula_gap and sentence_ids[j] == sentence_ids[k]:
                j += 1
            for _ in range(3):  # "i said thanks, enjoy": set phrases said one after another
                size = next(
                    (
                        size for size in (4, 3, 2, 1)
                        if j + size <= n and sentence_ids[j + size - 1] == sentence_ids[k]
                        and " ".join(norms[j : j + size]) in self._formulas
                    ),
                    0,
                )
                if not size:
                    break
                inside.update(range(j, j + size))
                j += size + (j + size < n and norms[j + size] == ",")
        return frozenset(inside)

    def _reported(self, start: int, subjects: _Subjects, sentence_ids: Sequence[int], norms: Sequence[str]) -> bool:
        """Whether the words at ``start`` are someone else's, told by the writer: hearsay ("apparently") earlier in
        the sentence, or a verb of saying whose subject is someone else ("a kid told my son 'i need space'", "her gf
        told her to just listen and stop fixing"), with no clause of the writer's own begun since ("he called
        **and i** just need space" is the writer's)."""
        sid = sentence_ids[start]
        k = start - 1
        while k >= 0 and sentence_ids[k] == sid:
            word = norms[k]
            if word in self._hearsay:
                return True
            if word in self._report_lead and self._subject(k, subjects, sentence_ids, norms) == "other":
                return True
            if word in self._first_person_subjects and k > 0 and norms[k - 1] in self._clause_openers:
                return False
            k -= 1
        return False

    def _subject(self, start: int, subjects: _Subjects, sentence_ids: Sequence[int], norms: Sequence[str] = ()) -> str:
        """Who a cue starting at token ``start`` is said of: the nearest subject word before it in its clause ("she
        needs space"), else the writer. Words inside the cue ("he hit me") and objects after it do not count. A
        clause with no subject joined to the one before ("she called **and** wants to die") has that clause's
        subject."""
        for _ in range(6):  # at most a few objects and joined clauses back
            before = subjects.before(start, sentence_ids)
            if before is not None:
                k = before.start - 1
                while 0 <= k < len(norms) and norms[k] in self._determiners:
                    k -= 1
                if 0 <= k < len(norms) and sentence_ids[k] == sentence_ids[start] and norms[k] in self._object_markers:
                    start = before.start  # "take the dog out alone": an object; look further back
                    continue
                return str(before.rule.experiencer)
            j = start - 1
            while (
                j >= 0 and j < len(norms) and norms[j] in self._join_fillers and sentence_ids[j] == sentence_ids[start]
            ):
                j -= 1
            if j < 0 or j >= len(norms) or norms[j] not in self._joiners or sentence_ids[j] != sentence_ids[start]:
                break
            start = j
        return "speaker"

    def _sentiment_fallback(
        self, msg: _MessageText, norms: Sequence[str], sentence_ids: Sequence[int], compound: float
    ) -> _Mention | None:
        """With no feeling found, VADER's clearest word stands as weak evidence of the family that stands for the
        tone's sign (``from_tone``: joy or sadness as shipped)."""
        if compound >= SENTIMENT_FALLBACK:
            sign, family = 1, self._from_tone.get("positive")
        elif compound <= -SENTIMENT_FALLBACK:
            sign, family = -1, self._from_tone.get("negative")
        else:
            return None
        if family is None:
            return None
        lexicon = self._vader.lexicon
        best, value = None, 0.0
        for i, norm in enumerate(norms):
            v = sign * lexicon.get(norm, 0.0)
            if v > value:
                best, value = i, v
        if best is None:
            return None
        start, end, word = msg.span(best, best + 1)
        rule = EmotionRule(
            id=f"sentiment.{family}", family=family, phrase=norms[best], intensity=min(1.0, abs(compound)),
            source="sentiment", confidence=SENTIMENT_CONFIDENCE,
        )  # fmt: skip
        mention = EmotionMention(
            family=family, term=self.families[family].phrase, text=word, start=start, end=end,
            intensity=round(min(1.0, abs(compound)), 3), rule=rule.id, source="sentiment",
            confidence=SENTIMENT_CONFIDENCE,
        )  # fmt: skip
        return _Mention(mention, best, best + 1, sentence_ids[best], rule)

    # --- cues, topics, needs ---------------------------------------------------------------------------------
    def _cues(
        self,
        msg: _MessageText,
        norms: Sequence[str],
        hits: Hits,
        sentence_ids: Sequence[int],
        subjects: _Subjects,
        mentions: Sequence[_Mention],
        negative: bool,
    ) -> tuple[Cue, ...]:
        """The cues of a message: cue rows (with their ``unless``/``with`` checks and whose they are), crisis
        combinations and the learned nets, feeling rows that carry a cue, and question marks; overlapping cues of one
        kind keep the first.
        """
        found: list[_CueSpan] = []
        conditional: list[_CueSpan] = []
        about: dict[tuple[int, str], tuple[str | None, str | None]] = {}  # (start, rule) -> (about, agent)
        quoted: frozenset[int] | None = None
        for h in hits.get("cues", ()):
            if h.rule.kind not in _QUOTE_BLIND_CUES:  # "the bouncer just said 'ID please'": words quoted are
                if quoted is None:  # someone else's, not the writer's ask, apology or news
                    quoted = _all_quoted(msg, norms, sentence_ids, _QUOTED_CUE)
                if quoted and all(k in quoted for k in range(h.start, h.end)):
                    continue
            unless = self._unless.get(h.rule.id)
            shared = self._shared.get(h.rule.kind) if h.rule.shared_unless else None
            if unless or shared:
                sentence = sentence_of(norms, sentence_ids, h.start)
                if (unless and self._matcher.cancelled(unless, sentence)) or (
                    shared and self._matcher.cancelled(shared, sentence)
                ):
                    continue
            near = self._unless_near.get(h.rule.id)
            if near and self._matcher.cancelled(near, sentences_around(norms, sentence_ids, h.start)):
                continue
            needed = self._with.get(h.rule.id)
            if needed and not self._matcher.present(needed, sentences_around(norms, sentence_ids, h.start)):
                continue
            if h.rule.kind in _WHOSE_CUE:
                who = self._subject(h.start, subjects, sentence_ids, norms)
                if h.rule.kind == "boundary" and who == "other" and "i" in norms[h.start + 1 : h.end]:
                    who = "speaker"  # "my ex is not a topic i discuss": the topic opens the clause, the writer refuses
                if h.rule.kind == "boundary" and (who == "other" or (who == "listener" and h.rule.writer_only)):
                    continue  # "she needs space" is reported; "you need to calm down" is no boundary of the writer
                if h.rule.kind == "boundary" and self._reported(h.start, subjects, sentence_ids, norms):
                    continue  # "my sister told me 'i need space'": her words, told by the writer
                names_writer = self._first_person.intersection(norms[h.start : h.end])
                if h.rule.about == "self_harm" and who == "other" and not names_writer:
                    about[(h.start, h.rule.id)] = ("other_at_risk", None)
                else:
                    about[(h.start, h.rule.id)] = (h.rule.about, h.rule.agent)
            elif h.rule.agent:  # "you forgot my birthday": a criticism of something the listener did
                about[(h.start, h.rule.id)] = (None, h.rule.agent)
            item = _CueSpan(h.start, h.end, h.rule.kind, h.rule.id)
            (conditional if h.rule.requires == "negative" else found).append(item)
        if not any(c.kind == "crisis" for c in found):
            combined = self._combined_crisis(norms, hits, sentence_ids)
            if combined is None:
                combined = self._learned_cue("crisis", norms, sentence_ids, hits)
                gated = combined is not None and combined[3] in self._learned_gated
                if gated and not self._learned_concept(norms, hits, sentence_ids, self._learned_needs):
                    combined = None  # a learned verdict of a gated subtype with no crisis concept said
            if combined is not None:
                start, end, rule, subtype, agent = combined
                # "my dad said goodbye and drove off with his gun": said of someone else, who is at risk
                if (
                    subtype == "self_harm"
                    and not self._first_person.intersection(norms[start:end])
                    and self._subject(start, subjects, sentence_ids, norms) == "other"
                ):
                    subtype = "other_at_risk"
                found.append(_CueSpan(start, end, "crisis", rule))
                about[(start, rule)] = (subtype, agent)
        if not any(c.kind in ("crisis", "boundary") for c in found):
            learned = self._learned_cue("boundary", norms, sentence_ids)
            if learned is not None and not self._reported(learned[0], subjects, sentence_ids, norms):
                found.append(_CueSpan(learned[0], learned[1], "boundary", learned[2]))
        masking = any(c.kind == "masking" for c in found)
        if negative or masking:
            found += conditional
        for m in mentions:
            if m.rule.cue and not m.emotion.negated and not m.emotion.via_negation:
                found.append(_CueSpan(m.start, m.end, m.rule.cue, m.rule.id))
        if any("?" in n for n in norms) and not any(c.kind == "question" for c in found):
            for start, end in sentence_spans(norms, sentence_ids):
                if norms[end - 1].endswith("?"):
                    found.append(_CueSpan(start, end, "question", "structure.question_mark"))
        found.sort()
        kept: list[_CueSpan] = []
        reach: dict[str, int] = {}  # kind -> furthest end of a kept cue of that kind (kept in start order)
        for c in found:
            if c.start < reach.get(c.kind, -1):
                continue  # overlaps a kept cue of its kind
            kept.append(c)
            reach[c.kind] = max(c.end, reach.get(c.kind, -1))
        out = []
        for c in kept:
            start, end, span_text = msg.span(c.start, c.end)
            cue_about, cue_agent = about.get((c.start, c.rule), (None, None))
            out.append(
                Cue(kind=c.kind, text=span_text, start=start, end=end, rule=c.rule, about=cue_about, agent=cue_agent)
            )
        return tuple(out)

    def _combined_crisis(
        self, norms: Sequence[str], hits: Hits, sentence_ids: Sequence[int]
    ) -> tuple[int, int, str, str, str | None] | None:
        """A crisis told by concepts that meet rather than by one phrase ("the pills are counted out" + "tonight's
        the night"): the first combination whose signal groups all occur within a sentence of each other.

        Returns (start, end, rule, about, agent); the rule names the combination and the signals it rests on.
        """
        raw = hits.get("crisis_signals", ())
        if len(raw) < 2:
            return None  # a combination rests on two signals at least
        # A signal's exceptions are read only when its groups could still make a combination: "want to" alone in an
        # everyday message costs no scan of its exception list.
        counts: dict[str, int] = {}
        for h in raw:
            counts[h.rule.group] = counts.get(h.rule.group, 0) + 1
        if not any(
            all(counts.get(g, 0) >= n for g, n in need)
            for group in counts
            for need in self._combination_needs.get(group, ())
        ):
            return None
        signals = []
        for h in raw:
            unless = self._signal_unless.get(h.rule.id)
            if not unless or not self._matcher.cancelled(unless, sentence_of(norms, sentence_ids, h.start)):
                signals.append(h)
        if len(signals) < 2:
            return None
        # group -> sentence -> its first few signals: the search stays linear however many signals a text has
        by_group: dict[str, dict[int, list[Hit[SignalRule]]]] = {}
        for h in signals:
            bucket = by_group.setdefault(h.rule.group, {}).setdefault(sentence_ids[h.start], [])
            if len(bucket) < _SIGNALS_PER_SENTENCE:
                bucket.append(h)
        short = len(norms) <= SHORT_MESSAGE
        for combo in self._combinations:
            first, *rest = combo.groups
            for anchor in (h for bucket in by_group.get(first, {}).values() for h in bucket):
                sid = sentence_ids[anchor.start]
                chosen = [anchor]
                for group in rest:
                    near = next(
                        (
                            h
                            for near_sid in (sid, sid - 1, sid + 1, sid - 2, sid + 2, sid - 3, sid + 3)
                            for h in by_group.get(group, {}).get(near_sid, ())
                            if (short or abs(near_sid - sid) <= 1 or abs(h.start - anchor.start) <= COMBINATION_REACH)
                            and not any(
                                h.start < c.end and c.start < h.end or _same_signal(h, c, norms) for c in chosen
                            )
                        ),
                        None,
                    )
                    if near is None:
                        break
                    chosen.append(near)
                else:
                    window = sentences_around(norms, sentence_ids, anchor.start)
                    if self._crisis_shared and self._matcher.cancelled(self._crisis_shared, window):
                        continue
                    own = self._combination_unless.get(combo.id)
                    if own and any(
                        self._matcher.cancelled(own, sentences_around(norms, sentence_ids, h.start)) for h in chosen
                    ):
                        continue
                    start = min(h.start for h in chosen)
                    end = max(h.end for h in chosen)
                    rule = f"{combo.id}[{'+'.join(h.rule.id for h in chosen)}]"
                    return start, end, rule, combo.about, combo.agent
        return None

    def _learned_concept(
        self,
        norms: Sequence[str],
        hits: Hits,
        sentence_ids: Sequence[int],
        groups: frozenset[str],
        also_unless: Sequence[Steps] = (),
    ) -> bool:
        """Whether a crisis signal of one of ``groups`` is in the message and not cancelled by its own exceptions.
        A learned crisis verdict of a gated subtype (cue_kinds.jsonl ``learned_gated``) needs one of
        ``learned_needs``: the net weighs words; for these subtypes it only adds weight to a concept already said,
        never finds one in everyday words alone ("someone knocked on the door last night", "he said he'd be sorry to
        see me go"). One of ``learned_concepts`` lets the net speak under its higher ``learned_concept_threshold``."""
        for h in hits.get("crisis_signals", ()):
            if h.rule.group not in groups:
                continue
            unless = self._signal_unless.get(h.rule.id)
            if unless and self._matcher.cancelled(unless, sentence_of(norms, sentence_ids, h.start)):
                continue
            if also_unless and self._matcher.cancelled(also_unless, sentences_around(norms, sentence_ids, h.start)):
                continue
            return True
        return False

    def _learned_cue(
        self, kind: str, norms: Sequence[str], sentence_ids: Sequence[int], hits: Hits | None = None
    ) -> tuple[int, int, str, str, str | None] | None:
        """A learned safety net (``crisis_terms.jsonl`` or ``boundary_terms.jsonl``): a cue of ``kind`` on the term
        that weighs most, naming the terms it rests on; the shared exceptions of its kind still apply ("I need a few
        minutes, the kids are in the bath" is no boundary, as no phrase row would read it as one).
        Returns (start, end, rule, about, agent) or None."""
        model = self._learned if kind == "crisis" else self._learned_boundary
        if not model or not norms:
            return None
        raised = self._learned_concept_threshold if kind == "crisis" and hits is not None else 0.0
        if raised > model.threshold and self._learned_concepts:
            # a verdict between the two thresholds speaks only beside a crisis concept said in the message
            verdict = model.verdict(norms, raised)
            if (
                verdict is not None
                and verdict.p_none >= model.threshold
                and hits is not None
                and not self._learned_concept(norms, hits, sentence_ids, self._learned_concepts, self._concept_unless)
            ):
                verdict = None
        else:
            verdict = model.verdict(norms)
        if verdict is None:
            return None
        shared = self._crisis_shared if kind == "crisis" else self._boundary_shared
        if shared and self._matcher.cancelled(shared, sentences_around(norms, sentence_ids, verdict.start)):
            return None
        everyday = self._learned_unless.get(kind)
        if everyday and self._matcher.cancelled(everyday, list(norms)):
            return None
        name = f"crisis.learned.{verdict.about}" if kind == "crisis" else "boundary.learned"
        rule = f"{name}[{'+'.join(verdict.terms)}; p={verdict.probability:.2f}]"
        return verdict.start, verdict.end, rule, verdict.about, None

    @staticmethod
    def _topics(hits: Hits, mentions: Sequence[_Mention]) -> tuple[str, ...]:
        """The topics of a message in the order they are said, once each: topic rows, and feeling rows with one."""
        ordered: list[tuple[int, str]] = [(h.start, h.rule.topic) for h in hits.get("topics", ())]
        for table in ("lexicon", "situations"):
            ordered += [(h.start, h.rule.topic) for h in hits.get(table, ()) if h.rule.topic]
        seen: dict[str, None] = {}
        for _start, topic in sorted(ordered, key=lambda p: p[0]):
            seen.setdefault(topic, None)
        return tuple(seen)

    def _needs(
        self,
        hits: Hits,
        cues: Sequence[Cue],
        emotions: Sequence[EmotionMention],
        dominant: str | None,
    ) -> tuple[str, ...]:
        """The needs of a message (at most five): need rows matched, then those of its cue kinds, then those of its
        dominant family and its other felt families.
        """
        seen: dict[str, None] = {}
        for h in sorted(hits.get("needs", ()), key=lambda h: h.start):
            seen.setdefault(h.rule.need, None)
        for c in cues:
            for need in self._cue_needs.get(c.kind, ()):
                seen.setdefault(need, None)
        families = [dominant] if dominant else []
        families += [e.family for e in emotions if not e.negated and e.family != dominant]
        for fam in families:
            if fam is not None:
                for need in self.families[fam].needs:
                    seen.setdefault(need, None)
        return tuple(seen)[:5]

    # --- dominant -------------------------------------------------------------------------------------------
    @staticmethod
    def _weight(e: EmotionMention) -> float:
        """How much a mention says about the writer's own state: someone else's feeling counts less."""
        return 1.0 if e.experiencer == "speaker" else _OTHER_WEIGHT

    def _dominant(self, emotions: Sequence[EmotionMention]) -> str | None:
        """The family with the strongest non-negated evidence, the writer's own feelings first."""
        live = [e for e in emotions if not e.negated]
        # The writer's own feelings; failing those, someone else's ("my sister was thrilled"), never the
        # listener's: "Are you mad at me?" asks about the listener and says nothing of the writer's anger.
        own = [e for e in live if e.experiencer == "speaker"] or [e for e in live if e.experiencer == "other"]
        if not own:
            return None
        best: dict[str, list[float]] = {}
        for e in own:
            by_source = SOURCE_WEIGHT.get(e.source, 1.0)
            best.setdefault(e.family, []).append(e.intensity * e.confidence * by_source * self._weight(e))
        scored = {f: max(v) + 0.35 * (sum(v) - max(v)) for f, v in best.items()}
        order = {e.family: i for i, e in reversed(list(enumerate(own)))}
        return max(scored, key=lambda f: (scored[f], -order[f]))
