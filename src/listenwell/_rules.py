"""Typed, frozen rule rows and the schema every table is checked against."""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, Literal, TypeVar, get_args, overload

from ._errors import Errors

# The family, cue-kind and review-flag-kind ids are data, kept once: the rows of families.jsonl, cue_kinds.jsonl and
# review/kinds.jsonl. A Listener reads them from its RuleSet (``rules.ids("families")``); the module names
# FAMILIES, CUE_KINDS and FLAG_KINDS give the shipped ids, read from the shipped tables on first use.
_SHIPPED_IDS = {"FAMILIES": "families", "CUE_KINDS": "cue_kinds", "FLAG_KINDS": "review_kinds"}


def __getattr__(name: str) -> tuple[str, ...]:
    if name in _SHIPPED_IDS:
        from ._shipped import shipped_ids

        return shipped_ids(_SHIPPED_IDS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Fixed vocabularies: each is a ``Literal`` type for the checker and, from it, a tuple the schemas check rows by.
Mode = Literal["reflect", "celebrate", "boundary", "safety"]
MODES: tuple[Mode, ...] = get_args(Mode)
# When what a message tells happened, as a template's ``time`` says: over, still going on, or still to come.
Time = Literal["past", "ongoing", "upcoming"]
TIMES: tuple[Time, ...] = get_args(Time)
# What a template's {slots} may name (filled by the suggestion layer; a new slot is added here and there).
TemplateSlot = Literal["feeling", "feeling2", "situation", "topic", "need", "thing", "someone", "them"]
TEMPLATE_SLOTS: tuple[TemplateSlot, ...] = get_args(TemplateSlot)
_SLOT = re.compile(r"\{(\w+)\}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
SuggestionKind = Literal["reflection", "validation", "appreciation", "question", "boundary", "safety"]
SUGGESTION_KINDS: tuple[SuggestionKind, ...] = get_args(SuggestionKind)
ModifierKind = Literal["negator", "intensifier", "hedge", "boundary"]
MODIFIER_KINDS: tuple[ModifierKind, ...] = get_args(ModifierKind)
Experiencer = Literal["speaker", "listener", "other"]
EXPERIENCERS: tuple[Experiencer, ...] = get_args(Experiencer)
StrengthKind = Literal[
    "reflection", "apology", "presence", "validation", "safety_check", "named_feeling", "open_question"
]
STRENGTHS: tuple[StrengthKind, ...] = get_args(StrengthKind)
# What a crisis is about (``Cue.about``): the safety reply and the resources depend on it.
CrisisAbout = Literal["self_harm", "abuse", "harm_to_others", "other_at_risk"]
CRISIS_ABOUT: tuple[CrisisAbout, ...] = get_args(CrisisAbout)
# Who the danger comes from, when it is not a third party: ``listener`` ("I'm scared of you when you drink").
CrisisAgent = Literal["listener"]
CRISIS_AGENTS: tuple[CrisisAgent, ...] = get_args(CrisisAgent)
# Where a feeling came from: a feeling word (lexicon), an event implying it (situation), or VADER's score alone.
FeelingSource = Literal["lexicon", "situation", "sentiment"]
Band = Literal["mild", "strong"]
# The sign of a message's tone alone (VADER's compound), which a family's ``from_tone`` stands for.
ToneSign = Literal["positive", "negative"]
Tone = Literal["positive", "negative", "neutral", "annoyed", "funny", "bored", "vague", "story", "gossip"]
TemplateWhen = Literal["no_feeling", "mixed", "felt_past"]
PerspectiveRole = Literal["any", "subject", "object"]
NameKind = Literal["topic", "need"]
InviteTopic = Literal["family", "work", "relationship", "stress"]
# Safety templates may require a crisis subtype, or ``listener_danger`` (abuse by the person replying).
# (A template cue is a cue kind or one of these.)
# favour: a small ask ("can you grab milk?"); missing_you: the writer misses the listener ("I miss you")
# owned: a criticism of something the listener did ("you forgot", a cue row with agent listener): owned, not explained
# thanked: thanks said to the listener ("thank you for making lunch"): welcomed warmly
# fond_memory: a fond memory shared ("remember when we ..."): warmth and the memory's question
# loved: a short love note to the listener ("love you"): said back
# no_reason: a low mood with no cause told ("idk why im so low today. nothing even happened"): what would help
# fond: warmth toward the listener with no "love you" ("watched you sleep and thought how lucky am i"): said back
# practical: a practical question ("do we still have eggs?"): checked on, with no question back
# small_sorry: an apology for a small logistics slip ("running 15 late, sorry!!"): no worries
# asked_after: the writer asks after the listener ("how was your day?", "how did the interview go??"): thanked for
# wished_well: good wishes for something of the listener's ("hope ur presentation goes great, ur gonna kill it")
# gifted: a gift or a thought for the listener ("saw this and thought of u"): met with warmth
# just_listen: a boundary that asks to be heard, not left alone ("not asking u to fix it, i just wanted u to know")
# checked_on: the writer checks the listener is still there ("u still alive? havent heard from u since lunch")
# later: a boundary that puts a talk off to a time ("rain check on tonight?", "can we pick this up tomorrow")
# hype: asked for something nice before a hard thing ("interview at 9, tell me something nice"): said, not probed
# entertain: asked to be entertained ("entertain me pls, meeting is on slide 47 of 80"): played along
# come_to_you: asked to come or to be there ("grandpa just died. can you come home"): a yes, on the way
# shared_trouble: a household or money trouble the two share ("rent goes up $140 in march"): faced together
# hug_asked: asked for a hug ("rough day, can i get a hug later"): a yes, warmly
# countdown: days counted down to something shared ("4 more days!!!", "3 more days till ur back")
# mixed_news: good news with a catch told after it ("got the apartment!! but the rent is 200 more")
# theirs: a feeling said of someone else by name or kin ("jess is FURIOUS", "my sister is heartbroken"): said as theirs
# playful: a playful challenge or confession ("i ate the last cookie. fight me", "bet i can beat you"): played along
TEMPLATE_CUE_EXTRAS = CRISIS_ABOUT + (
    "listener_danger", "favour", "missing_you", "owned", "thanked", "fond_memory", "loved", "practical",
    "small_sorry", "proposal", "decision", "talk_invite", "offered", "teased", "choice", "complimented", "reassure",
    "shared_win", "asked_after", "playful", "checked_on", "wished_well", "gifted", "just_listen", "theirs",
    "later", "mixed_news", "countdown", "hype", "entertain", "come_to_you", "hug_asked", "shared_trouble",
    "fresh_loss", "weigh", "talk_asked", "fond", "no_reason",
)


@dataclass(frozen=True, slots=True)
class Family:
    """A row of families.jsonl: an emotion family, how a listener names it, and how replies treat it."""

    id: str
    valence: float
    phrase: str
    mild: str
    strong: str
    needs: tuple[str, ...]
    groups: tuple[str, ...] = ()  # close feelings share a group; the first is the main one
    colour: str | None = None  # "#rrggbb" in the CLI, the web page and displaCy (a neutral grey when None)
    celebrate: bool = False  # named by the writer with clearly positive valence, it is good news to celebrate
    # How replies treat the family (see rules/README.md, families.jsonl):
    favour_ok: bool = False  # a small ask said with this feeling is still a favour to say yes to ("..., i'm wiped")
    plan_ok: bool = False  # a plan proposed with this feeling is still answered as a plan ("..., i'm exhausted")
    gripe: bool = False  # a gripe carrying this feeling is answered as one ("Ugh, that's so annoying.")
    laughed_off: bool = False  # read from a mishap (not named), a laugh makes it a funny story
    momentary: bool = False  # read from an event long past, it is told as felt then ("a dog chased me once")
    from_tone: ToneSign | None = None  # with no feeling found, a clear tone of this sign names this family


@dataclass(frozen=True, slots=True)
class EmotionRule:
    """A lexicon row (a named feeling) or a situation row (an event implying one)."""

    id: str
    family: str
    phrase: str
    intensity: float
    source: FeelingSource = "lexicon"
    term: str | None = None
    confidence: float = 1.0
    negated_family: str | None = None
    negated_term: str | None = None
    only_negated: bool = False
    cue: str | None = None
    topic: str | None = None
    ask: str | None = None  # situation rows: the open question that fits this event ("What do you miss most?")


@dataclass(frozen=True, slots=True)
class Modifier:
    id: str
    kind: ModifierKind
    phrase: str
    factor: float = 1.0
    scope: int = 3


@dataclass(frozen=True, slots=True)
class CueRule:
    id: str
    kind: str
    phrase: str
    unless: tuple[str, ...] = ()
    requires: str | None = None
    valence: float | None = None
    about: CrisisAbout | None = None
    agent: CrisisAgent | None = None
    shared_unless: bool = True
    writer_only: bool = False
    with_: tuple[str, ...] = ()
    unless_near: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SignalRule:
    """One concept that counts toward a crisis when it meets others (``crisis_combinations.jsonl``)."""

    id: str
    group: str
    phrase: str
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SignalCombination:
    """Crisis signal groups that, all found within a sentence of each other, make a crisis cue."""

    id: str
    about: CrisisAbout
    groups: tuple[str, ...]
    agent: CrisisAgent | None = None
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CrisisTerm:
    """One word or word pair of the learned crisis model, with its weight for each class."""

    term: str
    none: float
    self_harm: float
    abuse: float
    harm_to_others: float
    other_at_risk: float


@dataclass(frozen=True, slots=True)
class RegisterTerm:
    """One feature of the learned register model (a word, a word pair, or a mark such as ``@excl``), with its
    weight for each kind of message; the ``<bias>`` row also holds the probability the model must reach to speak."""

    term: str
    other: float
    good_news: float
    bad_news: float
    funny: float
    annoyed: float
    gossip: float
    worry: float
    low: float
    logistics: float
    threshold: float | None = None


@dataclass(frozen=True, slots=True)
class ReviewTerm:
    """One feature of the learned review model (a word or a word pair of a draft sentence), with its weight for
    ``none`` and for each roadblock kind it reads; the ``<margin>`` row holds, per kind, how far the terms of a
    sentence must lead ``none`` for the model to flag it."""

    term: str
    none: float
    advice: float
    minimizing: float
    contempt: float
    defensive: float
    absolute: float
    judging: float
    self_focus: float
    dismissive: float


@dataclass(frozen=True, slots=True)
class BoundaryTerm:
    """One word or word pair of the learned boundary model, with its weight for each class."""

    term: str
    none: float
    boundary: float


@dataclass(frozen=True, slots=True)
class CueKind:
    kind: str
    valence: float
    needs: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    learned_threshold: float | None = None
    # the crisis subtypes whose learned verdicts need a crisis concept, and the signal groups (crisis_signals.jsonl)
    # of which one must then be in the message: the net adds weight to a concept, never finds one in everyday words
    learned_gated: tuple[str, ...] = ()
    learned_needs: tuple[str, ...] = ()
    # a second, higher threshold the net speaks under when a crisis concept of one of these signal groups is said
    # (not cancelled): words that lean towards a crisis count for more beside a concept that names one
    learned_concepts: tuple[str, ...] = ()
    learned_concept_threshold: float | None = None
    # phrases that cancel only the learned net's verdict, anywhere in the message: the everyday kinds its words lean
    # towards a crisis on (tiredness of ordinary things, a noise at the door that passed); no phrase row reads them
    learned_unless: tuple[str, ...] = ()
    face_value: bool = True  # False: a message whose only cues are of this kind gives its tone no feeling
    says_back: bool = True  # False: a clause that is a cue of this kind is no situation to say back


@dataclass(frozen=True, slots=True)
class TopicRule:
    id: str
    topic: str
    phrase: str


@dataclass(frozen=True, slots=True)
class NeedRule:
    id: str
    need: str
    phrase: str


@dataclass(frozen=True, slots=True)
class Name:
    kind: NameKind
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class WordClass:
    id: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Inflection:
    base: str
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NormRule:
    text: str
    norm: str


@dataclass(frozen=True, slots=True)
class ExperiencerRule:
    id: str
    experiencer: Experiencer
    phrase: str
    after: bool = False


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    mode: Mode
    kind: SuggestionKind
    text: str
    family: tuple[str, ...] = ()
    band: Band | None = None
    cue: str | None = None
    topic: str | None = None
    need: str | None = None
    when: TemplateWhen | None = None
    time: Time | None = None  # fits only a message about that time
    tone: Tone | None = None  # the register of a message with no feeling named (see ``Tone``)


@dataclass(frozen=True, slots=True)
class Resource:
    id: str
    locale: str
    name: str
    contact: str
    about: str
    serves: tuple[CrisisAbout, ...] = ()
    urgent: bool = False


@dataclass(frozen=True, slots=True)
class PerspectiveRule:
    """A word swap for reflect(): ``text`` in the writer's words becomes ``subject`` or ``object`` form."""

    id: str
    text: str
    swap: str
    role: PerspectiveRole = "any"
    after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FlagRule:
    id: str
    kind: str
    phrase: str
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FlagKind:
    kind: str
    why: str
    tip: str
    roadblock: bool = False  # a habit that shuts the partner down (counted in Balance.roadblocks)


@dataclass(frozen=True, slots=True)
class StrengthRule:
    id: str
    strength: StrengthKind
    phrase: str


@dataclass(frozen=True, slots=True)
class Opener:
    """An opener for a partner who has not said anything yet (``invite.jsonl``): the listener's own feeling as an
    I-statement, then no pressure, then one open question."""

    id: str
    feeling: str
    feel: str
    ease: str
    ask: str
    topic: InviteTopic | None = None

    @property
    def text(self) -> str:
        """The opener as one message: the feeling, the ease, then the question."""
        return f"{self.feel} {self.ease} {self.ask}"


@dataclass(frozen=True, slots=True)
class HelpOffer:
    """A gentle offer of professional help, for distress that runs across a conversation (``help_offers.jsonl``)."""

    id: str
    text: str
    topic: InviteTopic | None = None


INVITE_TOPICS: tuple[InviteTopic, ...] = get_args(InviteTopic)
_OPEN_STARTS = ("what ", "what's ", "how ", "how's ", "tell me ")


def _check_opener(values: dict[str, Any]) -> str | None:
    """An opener's three parts keep their shape: 'I...' statement, no question in the ease, one open question."""
    feel, ease, ask = values["feel"], values["ease"], values["ask"]
    if not (feel.startswith(("I ", "I'")) and feel.endswith(".")):
        return Errors.E025.format(key="feel", problem="an I-statement of your own feeling: 'I ...' ending '.'")
    if "?" in feel or "?" in ease or not ease.endswith("."):
        return Errors.E025.format(key="ease", problem="no pressure, as a statement ending '.' (no question)")
    if not ask.endswith("?") or ask.count("?") != 1 or not ask.lower().startswith(_OPEN_STARTS):
        return Errors.E025.format(key="ask", problem="one open question: What, How or Tell me ... '?'")
    return None


# --- schemas -----------------------------------------------------------------------------------------------
# For each table: row class, the key that identifies a row (for overrides), and per-key checks.
# A check is (type, required, extra) where extra is a tuple of allowed values, a (lo, hi) range, a Ref to another
# table (checked by the loader once every table is read), or None.

_STR, _NUM, _BOOL, _INT, _STRS = "str", "number", "bool", "int", "list of str"


class _Choice(tuple[str, ...]):
    pass


class _Range(tuple[float, float]):
    pass


def _c(*values: str) -> _Choice:
    return _Choice(values)


class Ref(str):
    """A value that must name a row of another table (checked once every table is loaded): "families",
    "cue_kinds", "review_kinds", "topics", "needs" or "template_cues" (a cue kind or a TEMPLATE_CUE_EXTRAS)."""


def _ref(table: str) -> Ref:
    return Ref(table)


SCHEMAS: dict[str, tuple[type[Row], str, dict[str, tuple[str, bool, Any]]]] = {
    "families": (Family, "id", {
        "id": (_STR, True, None), "valence": (_NUM, True, _Range((-1.0, 1.0))),
        "phrase": (_STR, True, None), "mild": (_STR, True, None), "strong": (_STR, True, None),
        "needs": (_STRS, True, _ref("needs")), "groups": (_STRS, False, None),
        "colour": (_STR, False, None), "celebrate": (_BOOL, False, None), "favour_ok": (_BOOL, False, None),
        "plan_ok": (_BOOL, False, None), "gripe": (_BOOL, False, None), "laughed_off": (_BOOL, False, None),
        "momentary": (_BOOL, False, None), "from_tone": (_STR, False, _c(*get_args(ToneSign))),
    }),
    "lexicon": (EmotionRule, "id", {
        "id": (_STR, True, None), "family": (_STR, True, _ref("families")), "phrase": (_STR, True, None),
        "intensity": (_NUM, True, _Range((0.0, 1.0))), "term": (_STR, True, None),
        "confidence": (_NUM, False, _Range((0.0, 1.0))), "negated_family": (_STR, False, _ref("families")),
        "negated_term": (_STR, False, None), "only_negated": (_BOOL, False, None),
        "cue": (_STR, False, _ref("cue_kinds")), "topic": (_STR, False, _ref("topics")), "ask": (_STR, False, None),
    }),
    "situations": (EmotionRule, "id", {
        "id": (_STR, True, None), "family": (_STR, True, _ref("families")), "phrase": (_STR, True, None),
        "intensity": (_NUM, True, _Range((0.0, 1.0))), "term": (_STR, False, None),
        "confidence": (_NUM, True, _Range((0.05, 0.99))), "negated_family": (_STR, False, _ref("families")),
        "negated_term": (_STR, False, None), "only_negated": (_BOOL, False, None),
        "cue": (_STR, False, _ref("cue_kinds")), "topic": (_STR, False, _ref("topics")), "ask": (_STR, False, None),
    }),
    "modifiers": (Modifier, "id", {
        "id": (_STR, True, None), "kind": (_STR, True, _c(*MODIFIER_KINDS)), "phrase": (_STR, True, None),
        "factor": (_NUM, False, _Range((0.0, 3.0))), "scope": (_INT, False, _Range((1, 10))),
    }),
    "cues": (CueRule, "id", {
        "id": (_STR, True, None), "kind": (_STR, True, _ref("cue_kinds")), "phrase": (_STR, True, None),
        "unless": (_STRS, False, None), "requires": (_STR, False, _c("negative")),
        "valence": (_NUM, False, _Range((-1.0, 1.0))), "about": (_STR, False, _c(*CRISIS_ABOUT)),
        "agent": (_STR, False, _c(*CRISIS_AGENTS)), "shared_unless": (_BOOL, False, None),
        "writer_only": (_BOOL, False, None), "with": (_STRS, False, None), "unless_near": (_STRS, False, None),
    }),
    "crisis_signals": (SignalRule, "id", {
        "id": (_STR, True, None), "group": (_STR, True, None), "phrase": (_STR, True, None),
        "unless": (_STRS, False, None),
    }),
    "crisis_combinations": (SignalCombination, "id", {
        "id": (_STR, True, None), "about": (_STR, True, _c(*CRISIS_ABOUT)), "groups": (_STRS, True, None),
        "agent": (_STR, False, _c(*CRISIS_AGENTS)), "unless": (_STRS, False, None),
    }),
    "cue_kinds": (CueKind, "kind", {
        "kind": (_STR, True, None), "valence": (_NUM, True, _Range((-1.0, 1.0))),
        "needs": (_STRS, False, _ref("needs")), "unless": (_STRS, False, None),
        "learned_threshold": (_NUM, False, _Range((0.0, 1.0))), "learned_needs": (_STRS, False, None),
        "learned_gated": (_STRS, False, _c(*CRISIS_ABOUT)),
        "learned_concepts": (_STRS, False, None),
        "learned_concept_threshold": (_NUM, False, _Range((0.0, 1.0))),
        "learned_unless": (_STRS, False, None),
        "face_value": (_BOOL, False, None), "says_back": (_BOOL, False, None),
    }),
    "boundary_terms": (BoundaryTerm, "term", {
        "term": (_STR, True, None), "none": (_NUM, True, None), "boundary": (_NUM, True, None),
    }),
    "register_terms": (RegisterTerm, "term", {
        "term": (_STR, True, None), "other": (_NUM, True, None), "good_news": (_NUM, True, None),
        "bad_news": (_NUM, True, None), "funny": (_NUM, True, None), "annoyed": (_NUM, True, None),
        "gossip": (_NUM, True, None), "worry": (_NUM, True, None), "low": (_NUM, True, None),
        "logistics": (_NUM, True, None), "threshold": (_NUM, False, _Range((0.0, 1.0))),
    }),
    "review_terms": (ReviewTerm, "term", {
        "term": (_STR, True, None), "none": (_NUM, True, None), "advice": (_NUM, True, None),
        "minimizing": (_NUM, True, None), "contempt": (_NUM, True, None), "defensive": (_NUM, True, None),
        "absolute": (_NUM, True, None), "judging": (_NUM, True, None), "self_focus": (_NUM, True, None),
        "dismissive": (_NUM, True, None),
    }),
    "crisis_terms": (CrisisTerm, "term", {
        "term": (_STR, True, None), "none": (_NUM, True, None), "self_harm": (_NUM, True, None),
        "abuse": (_NUM, True, None), "harm_to_others": (_NUM, True, None), "other_at_risk": (_NUM, True, None),
    }),
    "topics": (TopicRule, "id", {
        "id": (_STR, True, None), "topic": (_STR, True, None), "phrase": (_STR, True, None),
    }),
    "needs": (NeedRule, "id", {
        "id": (_STR, True, None), "need": (_STR, True, None), "phrase": (_STR, True, None),
    }),
    "names": (Name, "kind+id", {
        "kind": (_STR, True, _c(*get_args(NameKind))), "id": (_STR, True, None), "name": (_STR, True, None),
    }),
    "wordclasses": (WordClass, "id", {"id": (_STR, True, None), "words": (_STRS, True, None)}),
    "inflections": (Inflection, "base", {"base": (_STR, True, None), "forms": (_STRS, True, None)}),
    "norms": (NormRule, "text", {"text": (_STR, True, None), "norm": (_STR, True, None)}),
    "experiencers": (ExperiencerRule, "id", {
        "id": (_STR, True, None), "experiencer": (_STR, True, _c(*EXPERIENCERS)), "phrase": (_STR, True, None),
        "after": (_BOOL, False, None),
    }),
    "templates": (Template, "id", {
        "id": (_STR, True, None), "mode": (_STR, True, _c(*MODES)), "kind": (_STR, True, _c(*SUGGESTION_KINDS)),
        "text": (_STR, True, None), "family": (_STRS, False, _ref("families")),
        "band": (_STR, False, _c(*get_args(Band))), "cue": (_STR, False, _ref("template_cues")),
        "topic": (_STR, False, _ref("topics")), "need": (_STR, False, _ref("needs")),
        "when": (_STR, False, _c(*get_args(TemplateWhen))),
        "time": (_STR, False, _c(*TIMES)), "tone": (_STR, False, _c(*get_args(Tone))),
    }),
    "resources": (Resource, "id", {
        "id": (_STR, True, None), "locale": (_STR, True, None), "name": (_STR, True, None),
        "contact": (_STR, True, None), "about": (_STR, True, None),
        "serves": (_STRS, False, _c(*CRISIS_ABOUT)), "urgent": (_BOOL, False, None),
    }),
    "perspective": (PerspectiveRule, "id", {
        "id": (_STR, True, None), "text": (_STR, True, None), "swap": (_STR, True, None),
        "role": (_STR, False, _c(*get_args(PerspectiveRole))), "after": (_STRS, False, None),
    }),
    "review_flags": (FlagRule, "id", {
        "id": (_STR, True, None), "kind": (_STR, True, _ref("review_kinds")), "phrase": (_STR, True, None),
        "unless": (_STRS, False, None),
    }),
    "review_kinds": (FlagKind, "kind", {
        "kind": (_STR, True, None), "why": (_STR, True, None), "tip": (_STR, True, None),
        "roadblock": (_BOOL, False, None),
    }),
    "review_strengths": (StrengthRule, "id", {
        "id": (_STR, True, None), "strength": (_STR, True, _c(*STRENGTHS)), "phrase": (_STR, True, None),
    }),
    "invite": (Opener, "id", {
        "id": (_STR, True, None), "feeling": (_STR, True, _ref("families")), "feel": (_STR, True, None),
        "ease": (_STR, True, None), "ask": (_STR, True, None), "topic": (_STR, False, _c(*INVITE_TOPICS)),
    }),
    "help_offers": (HelpOffer, "id", {
        "id": (_STR, True, None), "text": (_STR, True, None), "topic": (_STR, False, _c(*INVITE_TOPICS)),
    }),
}  # fmt: skip

TABLES = tuple(SCHEMAS)


def _check_value(key: str, value: Any, kind: str, extra: Any) -> tuple[Any, str | None]:
    """Return (converted value, problem or None)."""
    if kind == _STR:
        if not isinstance(value, str) or not value.strip():
            return value, Errors.E020.format(key=key, expected="a non-empty string", value=value)
    elif kind == _NUM:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return value, Errors.E020.format(key=key, expected="a number", value=value)
        value = float(value)
    elif kind == _INT:
        if isinstance(value, bool) or not isinstance(value, int):
            return value, Errors.E020.format(key=key, expected="a whole number", value=value)
    elif kind == _BOOL:
        if not isinstance(value, bool):
            return value, Errors.E020.format(key=key, expected="true or false", value=value)
    elif kind == _STRS:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return value, Errors.E020.format(key=key, expected="a list of non-empty strings", value=value)
        value = tuple(value)
    if isinstance(extra, _Choice):
        items = value if isinstance(value, tuple) else (value,)
        bad = [v for v in items if v not in extra]
        if bad:
            return value, Errors.E021.format(key=key, value=bad[0], allowed=", ".join(extra))
    elif isinstance(extra, _Range):
        lo, hi = extra
        if not lo <= value <= hi:
            return value, Errors.E022.format(key=key, value=value, lo=lo, hi=hi)
    return value, None


def build_row(table: str, obj: Any) -> tuple[Row | None, str | None]:
    """Validate one decoded JSON object for ``table``; return (row, None) or (None, problem)."""
    cls, _key, spec = SCHEMAS[table]
    if not isinstance(obj, dict):
        return None, Errors.E017.format(type_name=type(obj).__name__)
    unknown = [k for k in obj if k not in spec]
    if unknown:
        return None, Errors.E018.format(key=unknown[0], allowed=", ".join(spec))
    values: dict[str, Any] = {}
    for key, (kind, required, extra) in spec.items():
        if key not in obj:
            if required:
                return None, Errors.E019.format(key=key, why="")
            continue
        value, problem = _check_value(key, obj[key], kind, extra)
        if problem:
            return None, problem
        values[key] = value
    if table == "situations":
        values["source"] = "situation"
    if table == "families" and "colour" in values and not _COLOUR.fullmatch(values["colour"]):
        return None, Errors.E020.format(key="colour", expected="a colour as #rrggbb", value=values["colour"])
    if table == "templates":
        unknown_slots = [s for s in _SLOT.findall(values["text"]) if s not in TEMPLATE_SLOTS]
        if unknown_slots:
            slots = ", ".join("{" + s + "}" for s in TEMPLATE_SLOTS)
            return None, Errors.E014.format(slot=unknown_slots[0], slots=slots)
    if table == "cues":
        if values["kind"] == "crisis" and "about" not in values:
            return None, Errors.E019.format(key="about", why=" for crisis cues: " + ", ".join(CRISIS_ABOUT))
        if values["kind"] != "crisis" and "about" in values:
            return None, Errors.E024.format(key="about", rows="crisis cues")
        if values["kind"] not in ("crisis", "criticism") and "agent" in values:  # criticism: the listener did it
            return None, Errors.E024.format(key="agent", rows="crisis and criticism cues")
    if table == "wordclasses":  # a class is a list of words: a gap in an entry would be read as three dots
        gapped = next((w for w in values["words"] if "..." in w.split()), None)
        if gapped is not None:
            return None, Errors.E068.format(name=values["id"], entry=gapped)
    if table == "invite":
        problem = _check_opener(values)
        if problem:
            return None, problem
    if "with" in values:  # a Python keyword: the field is ``with_``
        values["with_"] = values.pop("with")
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in names}), None


def row_key(table: str, row: Row) -> str:
    """The identity of a row within its table; a later row with the same key replaces it."""
    key = SCHEMAS[table][1]
    if isinstance(row, Name):
        return f"{row.kind}:{row.id}"
    return str(getattr(row, key))


# --- typed access ------------------------------------------------------------------------------------------
# Every row class, and every table by name: a literal table name gives its own row type to the type checker
# (``rules.tables["families"]`` is a ``Mapping[str, Family]``, ``hits["cues"]`` a ``Sequence[Hit[CueRule]]``).
Row = (
    Family | EmotionRule | Modifier | CueRule | SignalRule | SignalCombination | CueKind | BoundaryTerm | CrisisTerm
    | RegisterTerm | ReviewTerm
    | TopicRule | NeedRule | Name | WordClass | Inflection | NormRule | ExperiencerRule | Template | Resource
    | PerspectiveRule | FlagRule | FlagKind | StrengthRule | Opener | HelpOffer
)
TableName = Literal[
    "families", "lexicon", "situations", "modifiers", "cues", "crisis_signals", "crisis_combinations", "cue_kinds",
    "boundary_terms", "crisis_terms", "register_terms", "topics", "needs", "names", "wordclasses", "inflections",
    "norms",
    "experiencers", "templates", "resources", "perspective", "review_flags", "review_kinds", "review_strengths",
    "review_terms", "invite", "help_offers",
]
R_co = TypeVar("R_co", bound=Row, covariant=True)


class _Stored:
    """A table not yet made into rows, as the start-up cache keeps it: the ``marshal`` bytes of (the row keys, then
    one tuple per field holding every row's value), read the first time the table is used. A Listener never reads
    the review tables or the templates before it reviews or suggests, and a column is read without a tuple per row.
    """

    __slots__ = ("cls", "count", "_data", "_raw")

    def __init__(self, cls: type[Row], raw: bytes, count: int) -> None:
        """``raw``: the marshalled (keys, columns) of ``count`` rows of class ``cls`` (columns in field order)."""
        self.cls = cls
        self.count = count
        self._raw = raw
        self._data: tuple[Sequence[str], Sequence[Sequence[Any]]] | None = None

    @property
    def data(self) -> tuple[Sequence[str], Sequence[Sequence[Any]]]:
        """(the row keys in load order, one tuple of values per field in field order)."""
        data = self._data
        if data is None:  # threads that race read equal tuples
            data = self._data = marshal.loads(self._raw)
        return data

    def build(self) -> MappingProxyType[str, Row]:
        cls = self.cls
        keys, columns = self.data
        rows = zip(*columns, strict=True)
        return MappingProxyType({key: cls(*values) for key, values in zip(keys, rows, strict=True)})


def stored_table(cls: type[Row], rows: Mapping[str, Row]) -> tuple[int, bytes]:
    """A table as the start-up cache keeps it (see ``_Stored``): its number of rows and the marshalled (keys,
    columns)."""
    names = [f.name for f in fields(cls)]
    values = list(rows.values())
    columns = tuple(tuple(getattr(row, n) for row in values) for n in names)
    return len(values), marshal.dumps((tuple(rows), columns))


class Tables(Mapping[str, Mapping[str, Row]]):
    """Every table of a RuleSet by name, read-only: ``tables[name]`` maps a row key to its frozen row, in load
    order. A literal name gives the table's own row type; a name held in a variable gives ``Row``.

    A set read back from the start-up cache makes each table's rows the first time the table is asked for
    (``stored``): a Listener never builds the rows of the templates or the review tables it has not used yet, and
    ``columns`` reads the learned weights without making 11,000 row objects. The rows are the same either way.
    """

    __slots__ = ("_names", "_tables", "_stored")

    def __init__(
        self,
        tables: Mapping[str, Mapping[str, Row]],
        stored: Mapping[str, tuple[type[Row], bytes, int]] | None = None,
    ) -> None:
        """``tables``: rows by key for each table; ``stored``: tables kept as (row class, the bytes ``stored_table``
        made, the number of rows) until first asked for."""
        self._tables: dict[str, Mapping[str, Row]] = {
            name: MappingProxyType(dict(rows)) for name, rows in tables.items()
        }
        self._stored = {name: _Stored(cls, raw, count) for name, (cls, raw, count) in (stored or {}).items()}
        self._names = (*self._tables, *(n for n in self._stored if n not in self._tables))

    def __reduce__(self) -> tuple[type[Tables], tuple[dict[str, dict[str, Row]]]]:
        return Tables, ({name: dict(self[name]) for name in self._names},)

    def size(self, name: str) -> int:
        """The number of rows of a table (without making them)."""
        stored = self._stored.get(name)
        return len(self[name]) if stored is None else stored.count

    def keys_of(self, name: str) -> list[str]:
        """The row keys of a table, in load order (without making the rows of a stored table)."""
        stored = self._stored.get(name)
        return list(self[name]) if stored is None else list(stored.data[0])

    def columns(self, name: str, names: Sequence[str]) -> list[tuple[Any, ...]]:
        """Each row's values of the fields ``names``, in load order (without making the rows of a stored table)."""
        stored = self._stored.get(name)
        if stored is None:
            return [tuple(getattr(row, n) for n in names) for row in self[name].values()]
        order = {f.name: i for i, f in enumerate(fields(stored.cls))}
        columns = stored.data[1]
        return list(zip(*(columns[order[n]] for n in names), strict=True))

    @overload
    def __getitem__(self, name: Literal["families"]) -> Mapping[str, Family]: ...
    @overload
    def __getitem__(self, name: Literal["lexicon", "situations"]) -> Mapping[str, EmotionRule]: ...
    @overload
    def __getitem__(self, name: Literal["modifiers"]) -> Mapping[str, Modifier]: ...
    @overload
    def __getitem__(self, name: Literal["cues"]) -> Mapping[str, CueRule]: ...
    @overload
    def __getitem__(self, name: Literal["crisis_signals"]) -> Mapping[str, SignalRule]: ...
    @overload
    def __getitem__(self, name: Literal["crisis_combinations"]) -> Mapping[str, SignalCombination]: ...
    @overload
    def __getitem__(self, name: Literal["cue_kinds"]) -> Mapping[str, CueKind]: ...
    @overload
    def __getitem__(self, name: Literal["boundary_terms"]) -> Mapping[str, BoundaryTerm]: ...
    @overload
    def __getitem__(self, name: Literal["crisis_terms"]) -> Mapping[str, CrisisTerm]: ...
    @overload
    def __getitem__(self, name: Literal["register_terms"]) -> Mapping[str, RegisterTerm]: ...
    @overload
    def __getitem__(self, name: Literal["review_terms"]) -> Mapping[str, ReviewTerm]: ...
    @overload
    def __getitem__(self, name: Literal["topics"]) -> Mapping[str, TopicRule]: ...
    @overload
    def __getitem__(self, name: Literal["needs"]) -> Mapping[str, NeedRule]: ...
    @overload
    def __getitem__(self, name: Literal["names"]) -> Mapping[str, Name]: ...
    @overload
    def __getitem__(self, name: Literal["wordclasses"]) -> Mapping[str, WordClass]: ...
    @overload
    def __getitem__(self, name: Literal["inflections"]) -> Mapping[str, Inflection]: ...
    @overload
    def __getitem__(self, name: Literal["norms"]) -> Mapping[str, NormRule]: ...
    @overload
    def __getitem__(self, name: Literal["experiencers"]) -> Mapping[str, ExperiencerRule]: ...
    @overload
    def __getitem__(self, name: Literal["templates"]) -> Mapping[str, Template]: ...
    @overload
    def __getitem__(self, name: Literal["resources"]) -> Mapping[str, Resource]: ...
    @overload
    def __getitem__(self, name: Literal["perspective"]) -> Mapping[str, PerspectiveRule]: ...
    @overload
    def __getitem__(self, name: Literal["review_flags"]) -> Mapping[str, FlagRule]: ...
    @overload
    def __getitem__(self, name: Literal["review_kinds"]) -> Mapping[str, FlagKind]: ...
    @overload
    def __getitem__(self, name: Literal["review_strengths"]) -> Mapping[str, StrengthRule]: ...
    @overload
    def __getitem__(self, name: Literal["invite"]) -> Mapping[str, Opener]: ...
    @overload
    def __getitem__(self, name: Literal["help_offers"]) -> Mapping[str, HelpOffer]: ...
    @overload
    def __getitem__(self, name: str) -> Mapping[str, Row]: ...
    def __getitem__(self, name: str) -> Mapping[str, Row]:
        table = self._tables.get(name)
        if table is None:  # a stored table, first asked for: threads that race keep the first one made
            table = self._tables.setdefault(name, self._stored[name].build())
            self._stored.pop(name, None)
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}: {self.size(name)}" for name in self._names)
        return f"Tables({sizes})"
