"""The suggestion layer: choose a mode, fill templates from ``rules/templates/``, rank and de-duplicate.

Mode precedence: ``safety`` (a crisis cue; nothing else then), ``boundary``, ``celebrate``, ``reflect``.
Per mode a plan lists the kinds to fill, reflections first and at most one question. For each kind the most
specific eligible template wins (family, cue, topic, need, band, situation); ties are broken by a hash of
the message and the seed, so the same input always gets the same reply.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ._analysis import _QUOTES, AnalyzedDoc, StateSubjects, _Mention
from ._errors import ArgumentTypeError, Errors
from ._gist import Gist
from ._irony import Irony
from ._learned import BIAS, REGISTER_CLASSES, RegisterNet, register_features
from ._loading import RuleSet
from ._locale import resolve_locale
from ._matching import Runs, phrase_heads, sentence_of
from ._perspective import Perspective
from ._reply import MAX_WORDS, _asks, _words, compose_reply
from ._results import Analysis, Cue, Listening, Resource, Suggestion
from ._rules import CRISIS_ABOUT, Family, Template
from ._template_index import Ranked, TemplateIndex

__all__ = ["Suggester", "MessageFacts"]

_SLOT = re.compile(r"\{(\w+)\}")
# A plan step is a kind, or "kind/need" for a template with that need ("kind/-": one with no need).
# Safety mode: stay present, ask directly about safety, then connect to support.
_PLANS = {
    "safety": ("safety/-", "safety/safety", "safety/support"),
    "boundary": ("boundary", "validation", "boundary"),
    "celebrate": ("reflection", "validation", "reflection", "question"),
    "reflect": ("reflection", "validation", "extra", "question"),
}
# A feeling is named only on grounds: a feeling word, or a situation row at least this confident.
_GROUNDS = 0.6
# Tone without a named feeling: "That sounds like a lot." or "That's big news!"
_TONE = 0.3
_POSITIVE_TONE = 0.5  # good news needs more than a warm word ("a huge exam" is no cause for "Oh nice")
_NEGATIVE_TONE = 0.4  # "Oh no, that sounds rough" needs a clearly hard tone, and no cheerful word in the message
# A situation's question about how it went does not fit a message about what is still to come.
_ASKS_PAST = re.compile(r"\b(?:was|were|did|found out|heard|happened)\b")
_ASKS_AHEAD = re.compile(r"\b(?:looking forward|going to|picturing|can't wait|hoping|right now)\b")  # not of the past
# A template that says the feeling is felt now ("you're feeling", "you've been feeling", "you feel", "you sound").
_FELT_NOW = re.compile(r"\b(?:you(?:'re| are|'ve been| have been)? feeling|you feel|you sound|you seem)\b", re.I)
# How far before a feeling word its verb is looked for ("I was | really | kind of | scared").
_FELT_REACH = 5
# An event sure enough of its feeling to stand as one side of mixed feelings ("my dog died", 0.8).
_SURE_EVENT = 0.75
# A sad event at least this grave beside "i'm so sorry" makes the sorry sympathy for a loss, not an apology.
_LOSS_SORRY = 0.75
# A clock time ("7:30", "6pm", "8ish"): a message that gives one is logistics unless it says more.
_CLOCK_TIME = re.compile(r"^\d{1,2}(?::\d{2}(?:am|pm)?|am|pm|ish)$")
_PLAIN_GOOD_NEWS = 0.55  # a glad event at least this sure sets a warm register with no feeling named (0.4-0.5 rows,
# "went for a walk", "baby shower", "helped me", sit beside griefs and embarrassments too often)
# How dark a logistics update may sound and still be news to thank for ("traffic looks brutal, 40 min").
_LOGISTICS_GLOOM = 0.3
# A love note is at most this many words ("love you", "i love you so much babe"); longer, it says more.
_LOVE_NOTE_WORDS = 11
# News teased and not yet told ("guess what!!", "you will never guess who i saw") is at most this many words.
_TEASER_WORDS = 5
# Marks that end a clause, and the fillers that may open either side of an "or" between two acts ("or just buy new",
# "do we fix it or should we replace it").
_CLAUSE_BREAKS = frozenset({",", ".", "!", "?", ";", "..."})
_CHOICE_FILLERS = frozenset({"just", "maybe", "do", "we", "should", "i", "so", "ok", "okay", "like", "honestly"})
# Words of absence that, just before a fear, tell it did not come true ("nothing scary", "no more turbulence"), and
# how many words before the fear they may stand ("no one asked the question i was dreading").
_ABSENCE_WORDS = frozenset({"nothing", "no", "none", "nobody"})
_ABSENCE_SPAN = 8
# A warm note to the listener sounds no darker than this (VADER's compound; "something in my eye" is -0.1).
_FOND_GLOOM = -0.35
# Cues beside which warmth is no love note: news to celebrate, a missing, or an ask that wants its answer.
_FOND_BLOCKERS = frozenset({"celebration", "missing_you", "question"})
# Template cues with a reply of their own, ranked before a general reflection: a yes, an owning, a welcome.
_OWN_REPLY_CUES = frozenset(
    {"favour", "missing_you", "owned", "thanked", "fond_memory", "loved", "fond", "no_reason", "practical",
     "small_sorry",
     "proposal", "decision", "talk_invite", "offered", "teased", "choice", "complimented", "reassure", "teaser",
     "asked_after", "playful", "checked_on", "wished_well", "gifted", "just_listen", "theirs", "later", "mixed_news",
     "countdown", "hype", "entertain", "come_to_you", "hug_asked", "shared_trouble", "weigh", "talk_asked"}
)
# Cues answered with no question: a small favour is done ("Sure, I can do that."), thanks are welcomed, a plan
# the writer proposes is agreed to ("Yes, I'd love that!"), a decision is taken up together, a tease laughed off.
# Asks answered with a plain yes ("Sure, I can do that.", "Yes, let's do it."): news told beside one is heard first.
_YES_CUES = frozenset({"favour", "request", "proposal"})
_PLAIN_YES_WORDS = 8  # a yes at most this long says nothing of the news ("Sure, I can do that.")
_NO_QUESTION = frozenset(
    {"favour", "come_to_you", "hug_asked", "thanked", "loved", "fond", "practical", "small_sorry", "proposal",
     "decision", "offered", "teased",
     "choice", "complimented", "reassure", "teaser", "asked_after", "playful", "checked_on", "wished_well", "gifted",
     "just_listen", "later", "hype", "weigh"}
)
# A practical question ("did you pay the electric bill?") is at most this many tokens.
_PRACTICAL_WORDS = 20
# What saying the writer's clause back ({situation}) adds to a template's score, beside a named feeling and alone.
# A cue's answer (owning what happened) and good news said back keep the full weight.
_ECHO_WITH_FEELING = 4
_ECHO_ALONE = -1
_ECHO_ANSWER = 4
# The rule id of a question read from a sentence's final "?" (the analysis's structural question).
_QUESTION_MARK = "structure.question_mark"
# Cues that have replies of their own: a message carrying one is never answered by its tone alone.
_ANSWERED_CUES = frozenset(
    {"criticism", "disclosure", "apology", "masking", "favour", "request", "thanked", "fond_memory", "loved", "fond",
     "no_reason",
     "practical", "small_sorry", "proposal", "decision", "talk_invite", "offered", "teased", "choice",
     "complimented", "reassure", "teaser", "asked_after", "playful", "checked_on", "wished_well", "gifted",
     "just_listen", "theirs", "later", "mixed_news", "countdown", "hype", "entertain", "weigh"}
)
# Question words, and the words after one that make it a question with no "?" ("when r u off work", "what time does
# ur flight land"); before a clause ("when i was a kid", "where we used to live") they open a story.
_WH_WORDS = frozenset({"when", "where", "how"})
# Who a practical check is put to ("did u leave the windows open", "do we have stamps"), and the adverbs that may
# stand before its verb ("do we still have", "did you already book")
_CHECK_SUBJECTS = frozenset({"you", "u", "ya", "we"})
_CHECK_ADVERBS = frozenset({"still", "already", "maybe", "possibly", "by", "any", "chance", "happen", "to", "also"})
_WH_FOLLOWERS = frozenset({"long", "much", "many", "often", "soon", "far", "come"})
_AGE_LEADS = frozenset({"i'm", "im", "i", "am"})


def _age_punchline(norms: Sequence[str], sentence_ids: Sequence[int]) -> bool:
    """Whether a story carries the writer's age as its punchline, a short sentence of its own ("asked if i was alive
    with the dinosaurs. i'm 29.", "called my teacher mom. im 34. she's my pottery teacher")."""
    if sum(1 for w in norms if w[:1].isalnum()) <= _AGE_PUNCHLINE_WORDS:
        return False
    by_sentence: dict[int, list[str]] = {}
    for w, sid in zip(norms, sentence_ids, strict=True):
        by_sentence.setdefault(sid, []).append(w)
    for words in by_sentence.values():
        told = [w for w in words if w[:1].isalnum() or w == "'m"]
        if 2 <= len(told) <= 3 and told[-1].isdigit() and len(told[-1]) <= 2 and told[0] in _AGE_LEADS:
            return True
    return False


# Whose person a feeling belongs to, said back from the listener's side ("my sister" -> "your sister"), and the
# object pronoun a message's later he/she/they words give them.
_OWNERS = {"my": "your", "your": "my", "ur": "my", "our": "our"}
_RECALL_TAIL = 5  # words after "remember ...?" that still only muse on it ("i kinda miss it"); more tell news
_RECALLED = frozenset({"that", "when", "the", "our", "how", "those", "this"})  # "remember that ...?"
_AGE_PUNCHLINE_WORDS = 6  # a story before "i'm 29." makes the age a punchline
_CATCH_WORDS = 3  # a catch after good news says at least this much ("but it's in portland")
_PURPOSE_LEADS = frozenset({"to", "would", "wanted", "tried", "trying", "tries", "could", "might", "will"})
_EVENT_ADVERBS = frozenset({"finally", "just", "also", "officially", "actually", "literally", "totally"})
_COPULAS = frozenset({"is", "was", "are", "were", "'s", "has", "had", "been", "be"})  # before the event, not the who
_WH_ASKS = frozenset({"where", "how", "what", "when", "why", "who"})  # "where do u want me to ...": no offer
_OFFER_LEADS = frozenset({"you", "u", "ya", "do", "hey", "babe", "so", "ok", "okay", ",", ".", "!", "?", "and", "or"})
_SAME_DAY = frozenset({"tonight", "evening", "afternoon", "this evening", "this afternoon", "when i get home"})
_US = frozenset({"we", "us", "our", "ours"})  # "always the one planning our dates": between the two of them
_OBJECT_PRONOUNS = {
    "she": "her", "her": "her", "herself": "her", "he": "him", "him": "him", "his": "him", "himself": "him",
}
# The term a situation row gives a fond memory ("remember when", "we used to"): answered with warmth.
_FOND = "nostalgic"
# A register (funny, annoyed) needs at least this many words: "haha nope" or "ugh" is too little to go on.
_REGISTER_WORDS = 4
# A message of at most this many words with no feeling, cue or event says nothing yet ("so.", "welp").
_VAGUE_WORDS = 3
_ATTENTION_WORDS = 7  # "hey u free for a sec?": an ask for attention, with nothing told yet
# A check that the listener is still there ("u still alive over there havent heard from u since lunch") is short.
_CHECK_IN_WORDS = 14
# a scene about someone else ("a pigeon walked into the bakery ..."): at least this many words, the story's verb
# within this many words of its actor, and VADER's tone between these bounds (a harm told, or a gush, is no scene)
_STORY_WORDS = 7
_STORY_REACH = 9
_STORY_GLOOM = 0.5
_STORY_CHEER = 0.5
# Lines that praise the writer's own doing: never said when the pride is in someone else ("so proud of my sister").
_SELF_PRAISE = re.compile(
    r"\b(?:you did it|proud of you|you've earned|you worked so hard|what you've done|your hard work|you deserve)\b",
    re.IGNORECASE,
)
# How strong a sure event must be to lead the reply over a milder feeling word beside it (a death: 0.9).
_GRAVE = 0.85
# A bare plan put as a question ("date night friday?", "tonight??") is at most this many tokens.
_PLAN_WORDS = 6
# A question of at most this many words needs no opener to ask the listener something: "home by 7?".
_SHORT_ASK_WORDS = 4
# A short message with no feeling, cue or event ("package came, it's on the porch") is news to thank for.
_NEUTRAL_WORDS = 14
_HEADS_UP_WORDS = 22  # ... or one this long with no verb of the past in it
# When crises of several kinds are in one message, the safety reply is built around the first of these.
_CRISIS_PRIORITY = ("self_harm", "other_at_risk", "harm_to_others", "listener_danger", "abuse")
# Crisis kinds whose reply must not fall back to general safety templates ("are you somewhere safe?" does not fit
# someone else in danger, and "I'm not going anywhere" is no comfort when the danger is the listener).
_CRISIS_KINDS = frozenset(CRISIS_ABOUT) | {"listener_danger"}
_OWN_TEMPLATES_ONLY = frozenset({"other_at_risk", "harm_to_others", "listener_danger"})


def _ended_clauses(norms: Sequence[str]) -> list[tuple[list[str], str]]:
    """The words of ``norms`` split at commas and sentence ends (``_CLAUSE_BREAKS``), each with the mark that ended
    it ("" for the last)."""
    out: list[tuple[list[str], str]] = []
    clause: list[str] = []
    for w in norms:
        if w in _CLAUSE_BREAKS:
            out.append((clause, w))
            clause = []
        elif w[:1].isalnum():
            clause.append(w)
    out.append((clause, ""))
    return out


def _clauses(norms: Sequence[str]) -> list[list[str]]:
    """The words of ``norms`` split at commas and sentence ends, marks dropped."""
    return [c for c, _ in _ended_clauses(norms)]


def _feared(norms: Sequence[str], sentence_ids: Sequence[int], at: int) -> bool:
    """Whether the word at ``at`` is inside a "what if" of its sentence: "what if i cry" fears the tears, it does not
    shed them."""
    s = sentence_ids[at]
    k = at - 1
    while k > 0 and sentence_ids[k] == s:
        if norms[k] == "if" and norms[k - 1] == "what":
            return True
        k -= 1
    return False


def _running_late(norms: Sequence[str]) -> bool:
    """Whether the writer says they will be late: "running 15 late", "gonna be 20 min late", "i'll be a bit late",
    "running behind" (not "you were late", "the train is late", "late night", "stayed up late")."""
    for k, w in enumerate(norms):
        if w not in ("late", "behind") or (w == "late" and norms[k + 1 : k + 2] in (["night"], ["nights"])):
            continue
        before = list(norms[max(0, k - 5) : k])
        if any(b in ("you", "u", "he", "she", "they", "it", "train", "bus", "flight", "was", "were") for b in before):
            return False
        if "running" in before or (
            "be" in before and any(b in ("i", "gonna", "going", "will", "'ll", "might", "may", "prob", "probably")
                                   for b in before)
        ):  # fmt: skip
            return True
    return False


def _first_word(text: str) -> str | None:
    """The first word of a cue's text, lower-cased and without the punctuation around it ("Do", "remember")."""
    words = text.lower().split()
    return words[0].strip(".,!?\"'") if words else None


_SHARED_THING_WORDS = 16  # "the washer is making the noise again" is ours when told this short
_STORY_PAST = frozenset({"once", "ago", "remember", "childhood"})  # a trouble long past, told as a story
_LISTENER_SELF = frozenset({"you", "u"})  # "you and me": the two of them
_SHARED_WORDS = frozenset({"we", "our", "us", "ours"})  # the two of them, between partners
_FORGET = frozenset({"not forget", "forget !"})  # "don't forget!!" closing a heads-up


def _unquoted(norms: Sequence[str]) -> list[str]:
    """The words of a message outside double quotes: what the writer says, not words they report."""
    out: list[str] = []
    inside = False
    for w in norms:
        if w in _QUOTES:
            inside = not inside
        elif not inside:
            out.append(w)
    return out if not inside else list(norms)  # an unclosed quote quotes nothing


def _unsaid_runs(norms: Sequence[str], said: frozenset[int], n: int) -> Runs:
    """The runs of up to ``n`` words of a message outside the set phrases said (``AnalyzedDoc.said``): "she said love
    you too" holds no "love you" of the writer's."""
    return Runs([w for k, w in enumerate(norms) if k not in said], n)


_SIMILE_LEADS = frozenset({
    "feel", "feels", "felt", "feeling", "look", "looks", "looked", "looking", "seem", "seems", "seemed", "sound",
    "sounds", "sounded", "me", "us", "him", "her", "them", "something", "just", "more", "less", "is", "was", "be",
    "things", "stuff", "not", "nothing", "smell", "smells", "taste", "tastes",
})


def _simile(norms: Sequence[str], amounts: frozenset[str] = frozenset()) -> bool:
    """A comic comparison told in a story ("the bread came out like a brick", "cleaning like the queen is visiting"):
    "like a/an/the" after a verb of doing, not after "feel"/"look"/"me" ("i feel like a failure", "he treats me like
    a child" are no joke), nor a "like" that only hedges an amount (``amounts``: "in like a month", "for like an
    hour")."""
    return any(
        w == "like" and 0 < i < len(norms) - 1 and norms[i + 1] in ("a", "an", "the")
        and norms[i - 1] not in _SIMILE_LEADS and norms[i - 1][:1].isalpha()
        and not (i + 2 < len(norms) and norms[i + 2] in amounts)
        for i, w in enumerate(norms)
    )


def _word_count(norms: Sequence[str]) -> int:
    """How many words a message says: tokens that start with a letter or digit (not punctuation or emoji)."""
    return sum(w[:1].isalnum() for w in norms)


@dataclass(frozen=True)
class MessageFacts:
    """What the suggester read from one message: the values a template's slots are filled with and the
    facts that decide which templates are eligible."""

    family: str | None = None
    feeling: str | None = None
    feeling2: str | None = None
    band: str | None = None
    situation: str | None = None
    topics: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    cues: frozenset[str] = frozenset()
    evidence: tuple[str, ...] = ()
    time: str | None = None  # past / ongoing / upcoming, read by Gist.time
    felt_past: bool = False  # the named feeling was felt then ("I was so scared"), not now
    tone: str | None = None  # positive / negative, from the sentiment: only for acknowledgements without a feeling
    ask: Suggestion | None = None  # the question the matched situation carries
    grounded_topics: tuple[str, ...] = ()  # topics a situation row gave: the only ones a question may name
    named_topics: tuple[str, ...] = ()  # topics whose own name the writer used ("work", "money")
    thing: str | None = None  # "your brother's graduation": a short noun phrase of the writer's, swapped
    someone: str | None = None  # "your little brother": a person or pet of the writer's
    them: str | None = None  # "her" / "him" / "them": who ``someone`` is, as an object, when the feeling is theirs
    pride_in_other: bool = False  # "so proud of my sister": the pride is in someone else's doing
    condole: bool = False  # a sure, grave loss ("grandpa passed", "coco didn't make it"): the reply says sorry


# Possessives that open the object of a news event: "dad finished his last round" is about dad.
_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})

_NON_WORD = re.compile(r"[^a-z0-9 ]+")

# The reply register of each kind of message the learned register names: a worry and feeling low are answered as
# bad news is (the question then follows the time: "What's weighing on you most about it?" for what is coming).
# Logistics has none: the rules say plain news back themselves, and "Got it, thanks" to a gripe with a bill in it
# ("water bill is $210?? did somebody fill a pool") brushes it off; the class keeps such messages out of the others.
_FRESH_LOSS_ASK = "reflect.cue.fresh_loss.q1"  # the question put after a grave loss of today or last night
_SURELY_NOT_NEWS = 0.1  # below this probability of good news, VADER's warmth alone is not answered as good news
# VADER's tone alone, where no feeling, event or cue was found, fits the writer's kind of message about half the time
# (leaving each register writer out in turn); the learned register at this probability fits it 95% of the time
# (`python benchmarks/train_register.py --cv`), so it decides instead of VADER from here down to its own threshold.
_OVER_VADER = 0.35
# Where VADER hears no tone either, the alternative is the generic "Thanks for telling me": the register speaks from
# this probability (register writers R10/R14, kept out of training: 14 more replies in the writer's register of
# 360, one more clash; ED dev: 4 more fitting replies, clashes unchanged).
_OVER_SILENCE = 0.30
_SURELY_FUNNY = 0.8  # the learned register's probability that makes a mishap without a laugh a funny story
# The learned register against an event row or VADER: at this probability (the table's threshold) its kind of message
# outweighs a feeling read from an event or from tone alone, never one the writer named. Leaving each of 22 register
# writers out in turn, replies that would change at 0.5: gloom read over good news 16 (13 good news, 3 other), gloom
# read over a funny story 13 (13 funny), a laugh over bad news 9 (9 bad news) (benchmarks/train_register.py folds).
_ARBITER = 0.5
_SOBER_KINDS = frozenset({"bad_news", "worry"})
# A wrong done to the writer keeps its feeling against a laugh: its family, or the term of an event row that says so
# ("yelled at me in front of the whole office" is humiliating; "tripped in front of the whole class" embarrassing)
_WRONGED = frozenset({"anger", "hurt", "unseen"})
_WRONGED_TERMS = frozenset({
    "humiliated", "betrayed", "let down", "forgotten", "taken for granted", "passed over", "ignored", "lied to",
    "ghosted", "stood up", "rejected",
})
_REGISTER_TONES = {
    "good_news": "positive", "bad_news": "negative", "worry": "negative", "low": "negative", "funny": "funny",
    "annoyed": "annoyed", "gossip": "gossip",
}


_NORMED: dict[str, str] = {}  # text -> its _norm_text: the same lines are said (and compared) for many messages
_NORMED_KEPT = 20_000


def _norm_text(text: str) -> str:
    """A template's or reply's text lower-cased with only its letters, digits and spaces, to compare lines (memoised).
    """
    known = _NORMED.get(text)
    if known is None:
        if len(_NORMED) >= _NORMED_KEPT:
            _NORMED.clear()
        known = _NORMED[text] = _NON_WORD.sub("", text.lower()).strip()
    return known


class Suggester:
    """Builds a Listening from an Analysis (and its analyzed doc) with one RuleSet's templates."""

    def __init__(
        self, rules: RuleSet, perspective: Perspective, *, locale: str | None = None,
        states: StateSubjects | None = None,
    ) -> None:
        """``rules``: the loaded tables (templates, families, resources, word classes); ``perspective``: the
        pronoun swapper that says the writer's words back; ``locale``: which crisis resources come first;
        ``states``: the analyzer's reader of who a state is said of, shared rather than built again.
        """
        self._families: Mapping[str, Family] = rules.tables["families"]
        bias = rules.tables["register_terms"].get(BIAS)
        self._register_net = RegisterNet(
            rules.columns("register_terms", ("term", *REGISTER_CLASSES)),
            bias.threshold if bias is not None and bias.threshold is not None else 1.0,
        )  # what kind of message it is, read when nothing else was found (benchmarks/train_register.py)
        families = self._families.values()  # how replies treat each family: columns of families.jsonl
        self._celebrated = frozenset(f.id for f in families if f.celebrate)
        self._favour_ok = frozenset(f.id for f in families if f.favour_ok)
        self._plan_ok = frozenset(f.id for f in families if f.plan_ok)
        self._gripes = frozenset(f.id for f in families if f.gripe)
        self._laughed_off = frozenset(f.id for f in families if f.laughed_off)
        self._momentary = frozenset(f.id for f in families if f.momentary)
        self._perspective = perspective
        self._resources = rules.rows("resources")
        self._locales = {r.locale for r in self._resources}
        self._locale = resolve_locale(locale, self._locales)
        # Templates by (mode, kind) and by their most selective requirement, so a pick only scores the ones that
        # can fit: ("family", id), ("cue", kind), ("topic", id), ("need", id), ("when", ...), or None. Rankings are
        # cached by signature (mode, kind, need, what of the facts eligibility reads), with their tiers: messages
        # share few signatures, so a pick ranks a signature's templates once and then reads its first tier.
        self._index = TemplateIndex(rules.rows("templates"), self._index_keys)
        self._ranked_cache = self._index.cache
        self._slot_names: dict[str, frozenset[str]] = {}
        self._text: dict[str, str] = {}
        for t in rules.rows("templates"):
            self._slot_names[t.id] = frozenset(_SLOT.findall(t.text))
            self._text[t.id] = t.text
        # what eligibility reads of a template's own words, read once here, not per message and template: a line
        # said as felt now ("you're feeling ..."), a line that praises the writer's own doing ("you did it")
        self._says_felt_now = frozenset(t.id for t in rules.rows("templates") if _FELT_NOW.search(t.text))
        self._praises_writer = frozenset(t.id for t in rules.rows("templates") if _SELF_PRAISE.search(t.text))
        self._names = {(n.kind, n.id): n.name for n in rules.rows("names")}
        # a template with no slot says the same for every message: rendered once (empty while _render makes them)
        self._fixed_text: dict[str, str] = {}
        self._fixed_text = {
            t.id: self._render(t, MessageFacts()) for t in rules.rows("templates") if not self._slot_names[t.id]
        }
        valence = {f: fam.valence for f, fam in self._families.items()}
        self._gist = Gist(rules, perspective, valence)
        self._irony = Irony(rules, valence)
        # Word classes described in rules/wordclasses_grammar.jsonl; the starts are prefixes of a feeling's term.
        self._hedged_starts = tuple(sorted(rules.word_class("hedged_starts")))
        self._strong_starts = tuple(sorted(rules.word_class("strong_starts")))
        self._polite = rules.word_class("polite_marks")
        self._tags = rules.word_class("question_tags")
        self._story_states = rules.word_class("story_states")
        # a laugh in chat: the shared class, and marks read only here ("💀" laughs in a story; the safety layer reads
        # the shared class alone, so "i want to die 💀" is never waved off by it)
        self._laughter = rules.word_class("laughter") | rules.word_class("chat_laughs")
        self._question_openers = rules.word_class("question_openers")
        self._plain = rules.word_class("plain_news")
        self._errands = rules.word_class("errand")
        self._practical_things = rules.word_class("household_things")
        self._reassurances = rules.word_class("reassurances")  # "we'll be ok", "it'll work out"
        self._status_updates = rules.word_class("status_updates")  # "landed!", "omw": where the writer is
        self._check_verbs = rules.word_class("check_verbs")  # "did u leave ...", "do we have ...": a thing to hand
        self._good_things = rules.word_class("achievement") | rules.word_class("event")
        self._missing_listener = rules.word_class("missing_listener")
        self._thanks = rules.word_class("thanks_to_listener")
        self._loving_listener = rules.word_class("love_to_listener")
        self._fond_of_listener = rules.word_class("fond_of_listener")  # "how did i get this lucky": love, told
        self._warm_marks = rules.word_class("warm_marks")  # "now im grinning at a red light", "our song came on"
        self._no_reason = rules.word_class("no_reason_marks")  # "idk why im so low today. nothing even happened"
        self._flat_moods = rules.word_class("flat_moods")
        self._choice_verbs = rules.word_class("choice_verbs")  # "call the repair guy or just buy new?"
        self._felt_then = rules.word_class("felt_past_verbs")
        self._felt_now = rules.word_class("felt_present_verbs")
        self._felt_subjects = rules.word_class("felt_subjects")
        self._felt_hedges = rules.word_class("felt_hedges")
        self._modifiers = rules.word_class("transparent_modifiers")
        self._contrast = rules.word_class("contrast_words")
        self._not_plain = rules.word_class("not_plain")
        self._complaint_marks = rules.word_class("complaint_marks")
        self._not_good_news = rules.word_class("not_good_news")
        self._self_mockery = rules.word_class("self_mockery")
        self._jokes = rules.word_class("joke_marks")
        self._gossip_marks = rules.word_class("gossip_marks")
        self._gossip_events = rules.word_class("gossip_events")
        self._check_ins = rules.word_class("check_in_asks")
        self._addenda = rules.word_class("share_addenda")
        self._addenda_heads = phrase_heads(self._addenda)  # the words an addendum can start at
        self._well_wishes = rules.word_class("well_wishes")
        self._gifts = rules.word_class("gift_marks")
        self._listen_only = rules.word_class("listen_only_marks")
        self._listen_asks = rules.word_class("listen_asks")  # said outright, in any mode
        self._doubts = rules.word_class("doubt_turns")
        self._countdowns = rules.word_class("countdown_marks")
        self._hype_asks = rules.word_class("hype_asks")
        self._entertain_asks = rules.word_class("entertain_asks")
        self._catch_turns = rules.word_class("catch_turns")  # good news, then its catch ...
        self._catch_len = max((len(t.split()) for t in self._catch_turns), default=1)  # "idk how to feel": 4 words
        self._catch_firsts = frozenset(t.split()[0] for t in self._catch_turns)  # where a catch may begin
        self._concessions = rules.word_class("concessions")  # ... unless the catch is waved off ("but it's mine")
        self._small_slips = rules.word_class("small_slips")  # apologised for in passing: no worries, not gratitude
        self._later_marks = rules.word_class("later_marks")  # a boundary that puts a talk off to a time
        self._alone = rules.word_class("alone_marks")  # ... not time alone ("can i have tonight to myself?")
        self._own_news_words = rules.word_class("own_news_words")
        self._first_persons = frozenset({"i", "we", "me", "us", "our", "i'm", "we're", "ive", "i've", "weve"})
        self._teasing = rules.word_class("teasing")
        self._mock_charges = rules.word_class("mock_charges")
        self._plan_times = rules.word_class("plan_times")
        self._past_marks = rules.word_class("past_marks")
        self._own_plan_marks = rules.word_class("own_plan_marks")
        self._errand_asks = rules.word_class("errand_asks")
        self._jealousy = rules.word_class("jealousy_marks")
        self._shared_win = rules.word_class("shared_win")
        self._third_persons = rules.word_class("third_person_objects")
        self._health_worry = rules.word_class("health_worry_words")
        self._symptoms = frozenset(w for w in self._health_worry if " " not in w)  # not "looked at" alone
        self._reminders = rules.word_class("reminder_openers")
        self._lead_ins = rules.word_class("lead_ins")
        self._others_words = rules.word_class("others_words")
        self._compliments = rules.word_class("compliment_marks")
        self._reversals = rules.word_class("joke_reversals")
        # tears, a scream or shock beside good news overflow with it: "got a 94, i could scream", "sat here in shock"
        self._tears = rules.word_class("tears_terms") | rules.word_class("overflow_terms")
        self._reported_thanks = rules.word_class("reported_thanks")
        self._bittersweet = rules.word_class("bittersweet_marks")
        self._proposal_openers = rules.word_class("proposal_openers")
        self._proposal_tails = rules.word_class("proposal_tails")
        self._deliberations = rules.word_class("deliberation_openers")
        self._decision_openers = rules.word_class("decision_openers")
        self._talk_verbs = rules.word_class("talk_verbs")
        self._talk_asks = rules.word_class("talk_asks")
        self._offers = rules.word_class("offers")
        self._plan_words = rules.word_class("plan_words")
        self._aux_openers = rules.word_class("aux_openers")
        self._subjects = rules.word_class("clause_subjects")
        self._exasperation = rules.word_class("exasperation")
        self._mishaps = rules.word_class("mishaps")
        self._runarounds = rules.word_class("runarounds")  # "spell my name 4 times", "in line for 40 min": a gripe
        self._shared_costs = rules.word_class("shared_costs")  # rent, the washer, our car: the home's troubles
        self._strain = frozenset({"anxiety", "overwhelm", "frustration"})  # felt over a shared trouble
        self._cost_troubles = rules.word_class("cost_troubles")  # "goes up", "is due", "can not afford"
        self._home_things = rules.word_class("home_things")  # the washer, the car, the roof
        self._home_failures = rules.word_class("home_failures")  # "making the noise", "needs new", "died"
        self._presence_asks = rules.word_class("presence_asks")  # "come home", "come get me": asked to be there
        self._comfort_asks = rules.word_class("comfort_asks")  # "can i get a hug", "i need a hug"
        self._boredom = rules.word_class("boredom_marks")
        self._disbelief = rules.word_class("disbelief_marks")
        self._opinion_asks = rules.word_class("opinion_asks")
        self._asked_after = rules.word_class("asked_after_marks")
        self._judging = rules.word_class("judgement_asks")
        self._attention_asks = rules.word_class("attention_asks")
        self._playful = rules.word_class("playful_marks")
        self._challenges = rules.word_class("playful_challenges")
        self._distant_past = rules.word_class("distant_past")
        self._now_marks = rules.word_class("now_marks")
        self._listener_words = rules.word_class("listener_words")
        self._fond_targets = self._listener_words | {"your", "our"}  # whom warmth is for ("our song", "your note")
        # a complaint needs someone it is made to: "you", "your", or "we"/"our" between the two of them
        self._addressed = self._listener_words | rules.word_class("your_words") | _US
        self._states = states if states is not None else StateSubjects(rules)
        self._grief = frozenset({"sadness"})  # the family of a loss that is condoled, whatever line is picked
        self._fresh = rules.word_class("fresh_loss_marks")  # "this morning", "last night": a loss hours old
        self._amounts = rules.word_class("hedged_amounts")  # "in like a month": "like" before an amount hedges it
        self._kin = rules.word_class("person") | rules.word_class("family_member") | rules.word_class("partner")
        self._partners = rules.word_class("partner")  # "my wife": the partner told of, so not the one reading
        self._kin_adjectives = rules.word_class("kin_adjectives")
        self._female_kin, self._male_kin = rules.word_class("female_kin"), rules.word_class("male_kin")
        self._story_actors = (
            rules.word_class("story_actors") | rules.word_class("person") | rules.word_class("pet")
        )
        self._story_determiners = rules.word_class("story_determiners")
        self._story_openers = rules.word_class("story_openers")
        self._story_verbs = rules.word_class("story_verbs")
        self._subject_adverbs = rules.word_class("subject_adverbs")
        self._tender = rules.word_class("tender_marks")
        self._carers = rules.word_class("carers")  # "the doctor said ..." is no scene to enjoy
        self._news_words = (
            rules.word_class("achievement") | rules.word_class("picked_words") | rules.word_class("extended_words")
        )
        self._function_words = (
            self._subjects | self._aux_openers | self._question_openers | self._lead_ins | self._listener_words
        )
        self._negations = rules.single_negators()  # "not", "never", "n't": a warm tone they deny is no good news
        # unions of word classes that messages are read against, made here once rather than for every message
        self._mockery_or_jokes = self._self_mockery | self._jokes
        self._grave_or_health = self._not_good_news | self._health_worry
        self._grave_or_symptoms = self._not_good_news | self._symptoms
        self._mockery_or_runarounds = self._self_mockery | self._runarounds
        self._gripe_marks = self._exasperation | self._mishaps
        self._gripes_or_runarounds = self._exasperation | self._mishaps | self._runarounds
        self._complaining = self._complaint_marks | self._exasperation
        self._not_news = self._mishaps | self._not_good_news | self._self_mockery
        self._loving_or_fond = self._loving_listener | self._fond_of_listener
        self._reminders_or_later = self._reminders | self._later_marks
        self._practical_marks = self._plain | self._errands | self._practical_things
        self._gossip_words = self._gossip_marks | self._gossip_events
        self._not_scenes = self._tender | self._news_words | self._carers
        self._not_names = self._function_words | self._subject_adverbs | self._story_openers
        self._home_troubles = self._mishaps | self._home_failures
        self._not_plain_news = self._not_plain | self._complaint_marks
        self._plan_things = self._plan_words - self._plan_times
        self._aux_or_wh = self._aux_openers | _WH_FOLLOWERS
        self._name_ends = self._subject_adverbs | _EVENT_ADVERBS | _COPULAS
        self._writers = self._first_persons | {"im", "i'm"}
        self._you_words = self._listener_words | {"you", "your"}
        self._you_or_ours = self._listener_words | {"your", "our"}

    # --- public --------------------------------------------------------------------------------------------
    def suggest(
        self,
        analysis: Analysis,
        analyzed: AnalyzedDoc | None,
        *,
        context: Sequence[str] | None = None,
        seed: int | None = None,
        context_topics: Sequence[str] = (),
        locale: str | None = None,
    ) -> Listening:
        """Choose the mode, fill one template per step of its plan, and attach resources in safety mode.

        ``locale`` overrides the Suggester's own for the crisis resources of this one message.
        """
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ArgumentTypeError(Errors.E006.format(type_name=type(seed).__name__))
        if context is not None and (isinstance(context, str) or not all(isinstance(c, str) for c in context)):
            raise ArgumentTypeError(Errors.E007.format(type_name=type(context).__name__))
        mode = self.mode(analysis)
        ironic = analyzed is not None and mode in ("reflect", "celebrate") and self._irony.ironic(analyzed)
        if ironic and analyzed is not None and Runs(analyzed.norms, 2) & self._reversals:
            ironic = False  # "guess who didnt get the apartment 🙃 jk WE GOT IT": the gloom was the joke
        if ironic:
            mode = "reflect"  # "oh great, the car won't start" is no good news
        facts = self._facts(analysis, analyzed, mode, context_topics, ironic=ironic)
        used = [_norm_text(c) for c in context or ()]
        key = f"{analysis.text}\x1f{seed}"
        chosen: list[Suggestion] = []
        taken_text: set[str] = set()
        for step in _PLANS[mode]:
            if step == "extra":
                step = "appreciation" if facts.cues & {"disclosure", "apology"} else "reflection"
            s = self._pick(mode, step, facts, key, chosen, used, taken_text)
            if step == "question" and facts.ask is not None and _norm_text(facts.ask.text) not in used:
                s = replace(facts.ask, evidence=facts.evidence + facts.ask.evidence)  # the event's own question
            if s is not None:
                chosen.append(s)
                taken_text.add(_norm_text(s.text))
                said = self._text.get(s.rule, "")
                if facts.situation and "{situation}" in said:
                    facts = replace(facts, situation=None)  # the writer's clause is said back once
                if "{thing}" in said or "{someone}" in said:
                    facts = replace(facts, thing=None, someone=None)
        if not chosen:  # every template used up in this conversation: allow repeats rather than say nothing
            for step in _PLANS[mode]:
                s = self._pick(mode, "reflection" if step == "extra" else step, facts, key, chosen, [], taken_text)
                if s is not None:
                    chosen.append(s)
                    taken_text.add(_norm_text(s.text))
        heard = self._heard_first(analysis, analyzed, mode, facts, chosen, context_topics, key, used)
        if heard is not None:
            chosen = [*chosen, heard]  # said first in the reply, kept last among the alternatives
        resources: tuple[Resource, ...] = ()
        if mode == "safety":
            where = self._locale if locale is None else resolve_locale(locale, self._locales)
            resources = self._resources_for(where, self.crisis_about(analysis))
        reply = compose_reply(
            mode, chosen, ask=facts.tone != "neutral" and not facts.cues & _NO_QUESTION
            and not ("request" in facts.cues and not facts.feeling and "talk_asked" not in facts.cues),  # a plain ask
            # gets a yes, not a probe (a talk asked for with a complaint is agreed to: "When works for you?")
            # back (a question put to the listener is handed back: "Ooh, good question. What's your gut telling you?")
            message=analysis.text, condole=facts.condole,
        ) if heard is None else f"{heard.text} {chosen[0].text}"
        return Listening(
            analysis=analysis, mode=mode, reply=reply, suggestions=tuple(chosen),
            resources=resources,
        )

    def _heard_first(
        self, analysis: Analysis, analyzed: AnalyzedDoc | None, mode: str, facts: MessageFacts,
        chosen: Sequence[Suggestion], context_topics: Sequence[str], key: str, used: Sequence[str],
    ) -> Suggestion | None:
        """What is said before the yes to an ask that comes with news ("grandpa's not doing great ... can u get
        saturday off", "passed the cert!!! drinks on me tonight"): the acknowledgement the message would get if it
        asked nothing, when it names a feeling or the learned register reads its kind; else None."""
        if mode != "reflect" or analyzed is None or not facts.cues & _YES_CUES or not chosen:
            return None
        if not any(chosen[0].rule.startswith(f"reflect.cue.{c}.") for c in facts.cues & _YES_CUES):
            return None  # the yes is not what the reply leads with
        if _words(chosen[0].text) > _PLAIN_YES_WORDS:
            return None  # the answer already says more than yes ("Of course, I'll take care of it. That sounds ...")
        if len(set(analyzed.sentence_ids)) < 2:
            return None  # one sentence: the ask is the message ("can you grab milk, im wiped" is answered as one)
        heard = self._facts(analysis, analyzed, mode, context_topics, unasked=True)
        if heard.tone == "neutral":
            return None  # a heads-up beside the ask is no news to hear first ("Got it, thanks ... Of course!")
        if heard.feeling is None and not (
            any(e.startswith("register:") for e in heard.evidence)
            and self._register_net and self._register_net.read(self._register_features(analysis, analyzed))
        ):  # a guess below the register's table threshold is no news to lead with ("dark at 4pm again. i'd like
            return None  # to hibernate until april pls" gets its yes, not "Oh no, that sounds rough." first)
        ack = self._pick(mode, "reflection", heard, key, [], used, set())
        if ack is None or _asks(ack.text) or _words(ack.text) + _words(chosen[0].text) > MAX_WORDS:
            return None
        if ack.text.split()[0].strip(",.!").lower() == chosen[0].text.split()[0].strip(",.!").lower():
            return None  # "Of course you're feeling ... Of course, I'll ...": not twice in a row
        return replace(ack, evidence=heard.evidence + ack.evidence)

    def mode(self, analysis: Analysis) -> str:
        """The reply mode of a message, the one rule that ``listen()`` and ``review()`` share.

        ``safety`` when any crisis cue is present, else ``boundary`` for a boundary cue, else ``celebrate`` for
        good news with real evidence (a celebration cue, or a celebrated family the writer names, with clearly
        positive valence and no painful feeling), else ``reflect``.
        """
        kinds = {c.kind for c in analysis.cues}
        if "crisis" in kinds:
            return "safety"
        if "boundary" in kinds:
            return "boundary"
        negative = any(self._families[e.family].valence < 0 and not e.negated for e in analysis.emotions)
        named = any(  # good news needs real evidence, not just VADER's warmth
            e.family == analysis.dominant and e.source != "sentiment" and e.experiencer == "speaker" and not e.negated
            for e in analysis.emotions
        )
        if not negative and (
            "celebration" in kinds or (analysis.dominant in self._celebrated and named and analysis.valence > 0.4)
        ):
            return "celebrate"
        return "reflect"

    def _felt_then_not_now(self, analyzed: AnalyzedDoc, main: _Mention) -> bool:
        """Whether the verb before the feeling word, past intensifiers, is a past one: "I was so scared" (then),
        not "I'm scared" or "I've been feeling low" (now). A feeling read from a situation has no verb: now."""
        norms, sentence_ids = analyzed.norms, analyzed.sentence_ids
        if (
            Runs(sentence_of(norms, sentence_ids, main.start), 4) & self._distant_past
            and not Runs(norms, 2) & self._now_marks
            and self._families[main.emotion.family].valence < 0
            and (main.emotion.source == "lexicon" or main.emotion.family in self._momentary)
        ):  # fmt: skip
            return True  # "when i was little, storms made me so scared", "one time a dog chased me": over now
        if main.emotion.source != "lexicon":
            return False
        i = main.start - 1
        while i >= 0 and sentence_ids[i] == sentence_ids[main.start] and main.start - i <= _FELT_REACH:
            w = norms[i].replace("\u2019", "'")
            if w in self._felt_now:
                return False
            if w in self._felt_then:  # said of the writer: "I was", "we were", "felt so" (not "nobody was hurt")
                opens = i == 0 or sentence_ids[i - 1] != sentence_ids[i]
                return opens or norms[i - 1] in self._felt_subjects
            if w not in self._modifiers and w not in self._felt_hedges:
                return False
            i -= 1
        return False

    def _practical(self, analysis: Analysis, norms: Sequence[str]) -> bool:
        """A short question about logistics ("do we still have eggs?", "did u pay the electric bill", "u home yet?"):
        it opens like a question and names an errand or a household thing, with no feeling or sentiment in it."""
        words = [w for w in norms if w[:1].isalnum()]
        asked = [self._opener(c.text) for c in analysis.cues if c.kind == "question"]
        body = self._past_lead_ins(words)  # "hey do we still have dish soap" opens with "do"
        openers = [w for w in asked if w is not None] or body[:1]  # "im at the store, do we need anything?"
        if not words or len(words) > _PRACTICAL_WORDS:
            return False
        tagged = len(norms) > 2 and norms[-1] == "?" and norms[-2] in self._tags  # "we're out of dog food right?"
        tagged = tagged or (norms[-1] == "?" and len(words) <= _SHORT_ASK_WORDS and "i" not in words)  # "home by 7?"
        if not tagged and not any(o in self._question_openers and o not in ("you", "u") for o in openers):
            return False  # "you said you were leaving at 6 and its 8?" is a complaint put as a question
        if "why" in openers:
            return False  # "why does the upstairs guy vacuum at 11pm every night": a gripe, not a check
        if (
            not asked and not tagged and body[0] in self._aux_openers
            and (len(body) < 2 or body[1] not in self._subjects)
        ):  # fmt: skip
            return False  # with no "?", an auxiliary opens a question only before its subject ("did u pay"), not
            # a story that drops its "I" ("had spinach in my teeth all meeting")
        if (
            not asked and not tagged and body[0] in _WH_WORDS
            and (len(body) < 2 or body[1] not in self._aux_or_wh)
        ):  # fmt: skip
            return False  # nor does "when" or "where" before a clause of the writer's: "when i was a kid ..."
        theirs = [  # "what time is ur dentist thing tmrw?": the listener's appointment, not the writer's worry
            e for e in analysis.emotions
            if e.source == "situation" and analysis.text[max(0, e.start - 6) : e.start].lower().split()[-1:] in (
                ["ur"], ["your"]
            )
        ]  # fmt: skip
        if not -_TONE < analysis.valence < _POSITIVE_TONE and not theirs or any(
            e.source != "sentiment" and e not in theirs for e in analysis.emotions
        ):
            return False  # ("can i say yes to helping sam move" is a little warm, and still a practical question)
        grams = Runs(norms, 3)
        if (
            self._proposes(norms, grams) or words[0] == "wanna" or self._timed_plan(words[: _PLAN_WORDS + 2])
            or (grams & self._decision_openers and "or" in words)  # "do i take the cheaper flat or ...": weighed
        ):
            return False  # "what if we took friday off and drove up to the lake": a plan to agree to, not to check
        if grams & self._health_worry and not theirs:
            return False  # "should i get my knee looked at or am i being dramatic": a worry, not an errand
        if grams & self._not_plain or grams & {"you even", "u even", "ya even"}:
            return False  # ("did you even read my text" is a complaint put as a question)
        return bool(grams & self._practical_marks) or self._asks_a_check(words)

    def _asks_a_check(self, words: Sequence[str]) -> bool:
        """A question that asks the listener (or "we") about a thing done or to hand, by its shape rather than by the
        thing: an auxiliary, "you"/"we", then a verb of handling things ("did u leave the upstairs windows open",
        "do we have any stamps", "could you grab my charger"), or "where"/"what time" before one ("where did you
        put the scissors"). A verb of feeling or an "even" is no check ("did you even read it")."""
        body = list(self._past_lead_ins(words))
        if body and body[0] in ("where", "what", "when") and body[1:2] == ["time"]:
            body = body[2:]  # "what time is ur dentist thing"
        elif body and body[0] in ("where", "when"):
            body = body[1:]
        for k in range(min(len(body), 3)):  # "hey quick, do we have any stamps": the question opens the body
            if body[k] not in self._aux_openers or k + 2 >= len(body) or body[k + 1] not in _CHECK_SUBJECTS:
                continue
            rest = body[k + 2 :]
            while rest and rest[0] in _CHECK_ADVERBS:
                rest = rest[1:]
            return bool(rest) and rest[0] in self._check_verbs
        return False

    def _proud_of_other(self, norms: Sequence[str]) -> bool:
        """ "proud of my sister", "so proud of her": pride in someone else's doing, not the writer's own."""
        return any(
            norms[i] == "proud" and norms[i + 1] == "of" and norms[i + 2] in self._others_words
            for i in range(len(norms) - 2)
        )

    def _others_news(self, analyzed: AnalyzedDoc, main: _Mention | None) -> bool:
        """Good news whose event opens on someone else: "rachel got engaged", "the couple upstairs got a parrot",
        not the writer's ("finally got the job", "we got the grant")."""
        if main is None or main.emotion.source != "situation" or main.start == 0:
            return False
        norms = analyzed.norms
        sid = analyzed.sentence_ids[main.start]
        before = [w for k, w in enumerate(norms[: main.start]) if w[:1].isalnum() and analyzed.sentence_ids[k] == sid]
        while len(before) > 1 and before[0] in self._story_openers:
            before = before[1:]  # "omg tasha got into the program": the news opens on Tasha
        if not before or set(before + list(norms[main.start : main.end])) & self._writers:
            return False  # "one time i won ...", "we got the grant": the event's own "i"
        if set(norms[main.start : main.end]) & {"my", "me", "mine"}:
            return False  # "they picked my design": the writer's news, whoever did the picking
        head = before[0]
        if head in ("he", "she", "they") or head in self._story_actors or head in self._kin or (
            len(before) > 1 and head in ("my", "our") and before[1] in self._kin
        ):
            return True  # "he just got promoted", "dad finally got his citizenship", "my sister just got engaged"
        if set(before + list(norms[main.start : main.end])) & self._own_news_words:
            return False  # "omg got the job", "finally got in": the writer's own news, told without "i"
        if head in self._story_determiners and len(before) > 1:
            return True  # "the couple upstairs", "this guy at work"
        return head.isalpha() and head not in self._function_words and head not in self._subject_adverbs and (
            len(before) <= 2 and analyzed.doc[0].text[:1].isalpha()
        ) and head not in self._story_openers  # "rachel got engaged"

    def _news_subject(self, analyzed: AnalyzedDoc, main: _Mention) -> str | None:
        """Who the good news is about, as written before its event: a name (capitalised) or a short phrase."""
        sid = analyzed.sentence_ids[main.start]
        words = [
            t.text for k, t in enumerate(analyzed.doc[: main.start])
            if t.text[:1].isalnum() and analyzed.sentence_ids[k] == sid
        ]  # fmt: skip
        while len(words) > 1 and words[0].lower() in self._story_openers:
            words = words[1:]  # "omg tasha got in": Tasha
        for k in range(1, len(words)):
            if words[k].lower() in _POSSESSIVES or (words[k].lower().endswith("ed") and len(words[k]) > 4):
                words = words[:k]  # "dad finished his | last round of chemo": dad
                break
        while len(words) > 1 and words[-1].lower() in self._name_ends:
            words = words[:-1]  # "dad finally got ...": dad; "grandpa is home from the hospital": grandpa
        if not words or len(words) > 3:
            return None
        low = [w.lower() for w in words]
        if low[0] in ("my", "our") and len(low) > 1 and low[-1] in self._kin:
            return " ".join(["your" if low[0] == "my" else "our"] + low[1:])  # "my sister" -> "your sister"
        if len(low) == 1 and low[0] in self._kin:
            return f"your {low[0]}"  # "dad got his citizenship": "your dad"
        if low[0] in ("my", "our") and len(low) > 1:  # "my friend lena" -> "your friend Lena", "my boss" -> "your boss"
            named = len(low) == 3 and low[1] in self._kin  # "my friend lena": a name after a word for a person
            rest = [*low[1:-1], words[-1][:1].upper() + low[-1][1:] if named else low[-1]]
            return " ".join(["your" if low[0] == "my" else "our", *rest])
        if low[0] in ("your", "ur", "yr") and len(low) > 1:
            return " ".join(["my", *low[1:]])  # "ur sister got in!!": the listener's own sister, "my sister"
        if words[0].lower() in ("he", "she", "they"):
            return {"he": "him", "she": "her", "they": "them"}[words[0].lower()]
        if (
            len(words) == 1 and analyzed.norms[0] not in self._story_actors and words[0].isalpha()
            and words[0].lower() not in self._gist.rule_words
        ):  # fmt: skip  ("tax refund came in" is no news of someone called Tax)
            return words[0][:1].upper() + words[0][1:]  # "rachel" -> "Rachel"
        if len(words) == 1 and low[0] in self._gist.rule_words and low[0] not in self._kin:
            return None  # a thing, not someone: "tax refund came in"
        return " ".join(w.lower() for w in words)

    def _opener(self, text: str) -> str | None:
        """The first word of a question past its lead-ins: "hey did the package come?" opens with "did"."""
        words = [w.strip(".,!?\"'") for w in text.lower().replace("\u2019", "'").split()]
        while len(words) > 1 and words[0] in self._lead_ins:
            words = words[1:]
        return words[0] if words else None

    def _asks(self, cue: Cue) -> bool:
        """A question cue that asks the listener something: a phrase row, or a sentence ending in "?" that opens
        like a question ("do you ever miss...?"), not news said with "??" ("remember that grant?? I GOT IT")."""
        if cue.rule != _QUESTION_MARK:
            return True
        return _first_word(cue.text.replace("\u2019", "'")) in self._question_openers

    # --- facts ---------------------------------------------------------------------------------------------
    def _facts(
        self,
        analysis: Analysis,
        analyzed: AnalyzedDoc | None,
        mode: str,
        context_topics: Sequence[str],
        *,
        ironic: bool = False,
        unasked: bool = False,
    ) -> MessageFacts:
        """What a template may use from this message: the feelings, the situation and its gist, topics, needs,
        cues, time and tone (a ``MessageFacts``). ``unasked``: read it as if it asked nothing of the listener (no
        ``_YES_CUES``), for what is heard before the yes.
        """
        words: Sequence[str] = analyzed.norms if analyzed is not None else ()
        mentions = [
            m for m in (analyzed.mentions if analyzed else ())
            if not m.emotion.negated and " ".join(words[m.start : m.end]) not in self._disbelief
            and not (m.emotion.source == "lexicon" and tuple(words[max(0, m.start - 2) : m.start]) == ("am", "i"))
            and not (
                analyzed is not None and m.emotion.source == "lexicon"
                and _feared(words, analyzed.sentence_ids, m.start)
            )  # "what if i cry": a feared feeling, not one had
        ]  # "can't believe our garden made tomatoes", "omg we were BABIES": an exclamation, no surprise to name;
        # "did u eat the hummus or am i losing my mind": a feeling asked about in jest, not told
        if ironic:  # the praise is the irony: its feelings are not the writer's, nor their denial ("nothing says
            mentions = [  # relaxing sunday like doing taxes" is no "restless")
                m for m in mentions if self._families[m.emotion.family].valence < 0 and not m.emotion.via_negation
            ]
        undone = False
        feats: set[str] | None = None  # what the learned register reads of the message, made once when first read
        laughing = analyzed is not None and bool(set(analyzed.norms) & self._laughter)
        if analyzed is not None and not laughing and not ironic and mode == "reflect" and self._register_net and any(
            m.emotion.source == "situation" and m.emotion.family in self._laughed_off for m in mentions
        ):  # (read only where an event's shame or annoyance would otherwise be said)
            feats = self._register_features(analysis, analyzed)
            told = self._register_net.read(feats)  # a mishap told deadpan, with no "lol": "wore my sweater
            laughing = told is not None and told.kind == "funny" and told.probability >= _SURELY_FUNNY  # backwards
            # to the whole meeting" is a funny story only when the learned register is sure of it
        sober = False  # the learned register is sure it is bad news or a worry: no laugh, no "no way!"
        verdict = None  # ... or sure it is good news or a funny story, over an event's gloom or VADER's
        if analyzed is not None and not ironic and mode == "reflect" and self._register_net and not any(
            m.emotion.source == "lexicon" and m.emotion.experiencer == "speaker" for m in mentions
        ):  # the learned register against an event row or VADER's tone, never against a feeling the writer named
            feats = self._register_features(analysis, analyzed) if feats is None else feats
            sure = self._register_net.read(feats, _ARBITER)
            kind = sure.kind if sure is not None else None
            if kind in ("good_news", "funny") and not Runs(analyzed.norms, 5) & self._grave_or_health:
                mentions = [  # "mechanic called, just a loose hose, $60 instead of the transmission": no gloom over
                    m for m in mentions  # the event named; "nobody said anything. everybody saw": no one left out
                    if m.emotion.source == "lexicon" or self._families[m.emotion.family].valence >= 0
                    or (kind == "funny" and self._wronged(m))  # ("derek took credit AGAIN": no laugh)
                ]
                laughing = laughing or (kind == "funny" and not any(self._wronged(m) for m in mentions))
                verdict = kind if kind == "good_news" or laughing else None
            sober = kind in _SOBER_KINDS and not laughing  # "someone nicked my bike, cut right through the lock"
        if analyzed is not None:
            kept = self._not_undone(analyzed, mentions)
            undone, mentions = len(kept) < len(mentions), kept
            if not ironic and laughing:
                mentions = [  # "locked myself out in my pajamas lol": a mishap laughed at is a funny story, not a
                    m for m in mentions  # frustration to reflect; a feeling the writer names still counts
                    if m.emotion.source == "lexicon" or m.emotion.family not in self._laughed_off
                ]
        cheer = any(
            self._families[m.emotion.family].valence > 0 and m.emotion.source != "sentiment" for m in mentions
        ) or any(c.kind == "celebration" for c in analysis.cues)
        if cheer and analyzed is not None and not set(analyzed.norms) & self._bittersweet:
            # "got a 94 on the final!!! after all that crying lol", "tearing up, he's so grown": happy tears; with a
            # turn ("so proud, but she's leaving and i keep tearing up") the tears are sad, and both are said
            mentions = [m for m in mentions if m.emotion.term not in self._tears]
        own = [m for m in mentions if m.emotion.experiencer == "speaker"] or mentions
        grounded = [m for m in own if self._grounded(m) and m.emotion.experiencer == "speaker"]
        family = analysis.dominant
        main = max(
            (m for m in grounded if m.emotion.family == family),
            key=lambda m: (m.emotion.intensity * m.emotion.confidence, -m.start),
            default=None,
        )
        loss = max(  # a sure, grave event ("grandpa passed this morning") comes before a milder word beside it
            (m for m in grounded if m.emotion.source == "situation" and m.emotion.confidence >= _SURE_EVENT
             and m.emotion.intensity >= _GRAVE and self._families[m.emotion.family].valence < 0),
            key=lambda m: (m.emotion.intensity * m.emotion.confidence, -m.start),
            default=None,
        )  # ("I don't know what to do with myself" is said beside the loss, not instead of it)
        if loss is not None and (main is None or (
            main.emotion.intensity < loss.emotion.intensity and main.emotion.family != loss.emotion.family
        )):  # a feeling word of the loss's own family is the writer's ("numb") and is kept
            main, family = loss, loss.emotion.family
        if main is None and grounded:  # the dominant family rests on tone alone: the strongest grounded feeling
            main = max(grounded, key=lambda m: (m.emotion.intensity * m.emotion.confidence, -m.start))
            family = main.emotion.family
        feeling = band = feeling2 = None
        evidence: list[str] = []
        if main is not None and family is not None:
            feeling, band = self._feeling(main)
            evidence.append(f"{main.emotion.source}:{main.emotion.rule}")
            valence = self._families[family].valence
            other = [  # a second, opposite feeling is a word the writer used, or an event that sure (a death):
                m  # "job interview tomorrow and I can not wait!" is eager, not "excited and anxious at once"
                for m in grounded
                if m.emotion.family != family and self._families[m.emotion.family].valence * valence < 0
                and all(x.emotion.source == "lexicon" or x.emotion.confidence >= _SURE_EVENT for x in (m, main))
            ]
            if other:
                second = max(other, key=lambda m: m.emotion.intensity * m.emotion.confidence)
                feeling2 = self._feeling(second)[0]
                evidence.append(f"{second.emotion.source}:{second.emotion.rule}")
        cues = frozenset(c.kind for c in analysis.cues)
        if "apology" in cues and any(
            m.emotion.source == "situation" and m.emotion.family == "sadness" and m.emotion.confidence >= _GROUNDS
            and m.emotion.intensity >= _LOSS_SORRY for m in grounded
        ):  # fmt: skip
            cues -= {"apology"}  # "our cat passed this morning. im so sorry babe, i know you loved her too": sorry
            # said for a loss is sympathy, not an apology to accept ("Oh, all good! No worries.")
        if "request" in cues:
            cues -= {"question"}  # "Can you pick up the kids?" is a request phrased as a question
        if (
            "criticism" in cues
            and analyzed is not None
            and not set(analyzed.norms) & self._addressed
        ):  # "grandpa died a year ago ... hits me every single time": no "you" anywhere, no complaint to the listener
            cues -= {"criticism"}
        if "criticism" in cues and not any(c.kind == "criticism" and c.agent == "listener" for c in analysis.cues):
            cues -= {"request"}  # "u always shut down ... i just want u to talk to me": the ask is the complaint's
            # (a slip owned keeps its plain ask: "u left the stove on again, pls": owned, with no probe after)
        if "question" in cues and not any(self._asks(c) for c in analysis.cues if c.kind == "question"):
            cues -= {"question"}  # "your parents invited themselves???": disbelief, not a question to answer
        if mode == "safety":
            cues = self._safety_cues(analysis)
        elif (mode == "boundary" or "request" in cues) and analyzed is not None and (
            Runs(analyzed.norms, 5) & self._listen_only
        ):  # "dont try to fix it, i just need to vent", "can you just let me whine": heard, not given space or a yes
            cues = (cues - {"request", "apology"}) | {"just_listen"}  # ("sorry this is a lot but ..." softens it)
        elif (
            mode == "reflect" and analyzed is not None and not grounded and not cues & _ANSWERED_CUES
            and Runs(analyzed.norms, 5) & self._listen_asks
        ):  # fmt: skip
            cues |= {"just_listen"}  # "rough day. dont have to say anything back, just wanted to put it somewhere"
        elif (
            mode == "boundary" and analyzed is not None
            and Runs(analyzed.norms, 3) & self._later_marks and not Runs(analyzed.norms, 2) & self._alone
        ):  # fmt: skip
            cues |= {"later"}  # "rain check on tonight?", "can we push the money talk to the weekend": it can wait
        elif (
            analyzed is not None and set(analyzed.norms) & self._laughter
            and Runs(analyzed.norms, 5) & self._mockery_or_jokes
        ):  # fmt: skip
            cues -= {"request"}  # "lol called my boss mom. please come get me i need to move countries": a joke
        elif (come := self._asked_to_come(analysis, analyzed)) is not None:
            cues = (cues - {"request", "question"}) | {come}
        elif self._favour(analysis, mentions, analyzed):
            cues |= {"favour"}
        if any(c.kind == "criticism" and c.agent == "listener" for c in analysis.cues):
            cues |= {"owned"}  # "you forgot my birthday": the reply owns it
            if analyzed is not None and Runs(analyzed.norms, 4) & self._talk_asks:
                cues |= {"talk_asked"}  # "... the weekends we said were ours. can we talk about it": owned, and
                # the talk asked for is agreed to, not closed with "That's on me."
        if (
            mode in ("reflect", "celebrate") and analyzed is not None and not ironic and feeling2 is None
            and self._mixed_news(analyzed, analysis)
        ):  # fmt: skip
            cues = (cues - {"celebration"}) | {"mixed_news"}  # "got the job!! but it's in portland ... help"
        pain_grounded = any(  # ("would u be mad if i bought another plant": the listener's feeling, asked about)
            self._families[m.emotion.family].valence < 0 and self._grounded(m) and m.emotion.experiencer != "listener"
            for m in mentions
        )
        if mode == "reflect" and analyzed is not None and "criticism" not in cues:
            norms = [w.replace("\u2019", "'") for w in analyzed.norms]
            grams = Runs(norms, 5)
            if grams & self._missing_listener and not any(
                w in self._partners and k and norms[k - 1] in ("my", "our") for k, w in enumerate(norms)
            ):  # ("since my wife went to visit her family, the house is too quiet": the one missed is not the reader)
                cues |= {"missing_you"}  # "I miss you": said back, not reflected as loneliness
            if "apology" in cues and not grounded and (
                (len(norms) <= _NEUTRAL_WORDS and self._plain_news(analyzed))
                or (_word_count(norms) <= _HEADS_UP_WORDS and grams & self._small_slips)
            ):  # ("sorry i went quiet, phone died at lunch", "might skip the hike tmrw, sorry": a slip, not a wrong)
                cues = (cues - {"apology"}) | {"small_sorry"}  # "running 15 late, sorry!!": no worries, not gratitude
            if not cues & _ANSWERED_CUES and not grounded and self._practical(analysis, norms):
                cues |= {"practical"}  # "do we still have eggs?": a partner checks, no feelings asked about
            unsaid = _unsaid_runs(norms, analyzed.said, 5) if analyzed.said else grams
            if (unsaid & self._loving_listener and _word_count(norms) <= _LOVE_NOTE_WORDS) or (
                grams & self._fond_of_listener and not pain_grounded and not ironic
                and not cues & {"criticism", "apology", "request", "question"}
                and not ("not" in norms and any(w in self._contrast for w in norms))  # "... her birthday but not mine"
            ):  # fmt: skip
                cues |= {"loved"}  # "love you" is said back, not reflected as "you're feeling full of love"; a love
                # note of any length with no hurt or ask in it too ("how did i get this lucky")
            turned = any(w in self._contrast for w in norms) and (  # "thanks for asking but i'm not ok"; "small
                pain_grounded or analysis.valence < 0  # thing but it made my day" is still thanks
            )
            reported = bool(Runs(norms, 4) & self._reported_thanks)  # "my boss said thank you out loud"
            if (
                Runs(_unquoted(norms), 5) & self._thanks and not ironic and not pain_grounded and not turned
                and not reported
            ):  # fmt: skip  (thanks inside quotes were said to someone else: 'i said "thank you you too"')
                cues |= {"thanked"}  # "thank you for making lunch": a warm "of course", not "what touched you?"
            if (
                grams & self._check_ins and not pain_grounded and not ironic and _word_count(norms) <= _CHECK_IN_WORDS
            ):  # fmt: skip
                cues = (cues - {"question"}) | {"checked_on"}  # "u still alive over there, havent heard from u"
            for marks, cue in ((self._well_wishes, "wished_well"), (self._gifts, "gifted")):
                if grams & marks and not pain_grounded and not ironic and not cues & {"criticism", "apology"}:
                    cues = (cues - {"question", "request"}) | {cue}  # "hope ur presentation goes great", "i know
                    # we said no gifts but i saw this and thought of u": thanked warmly, not asked about
            if grams & self._asked_after and not pain_grounded and not ironic:
                cues = (cues - {"question"}) | {"asked_after"}  # "how was your day, love?": thanks, not a feeling
            named_pain = any(
                self._families[m.emotion.family].valence < 0 and m.emotion.source == "lexicon" for m in mentions
            )
            if (
                set(norms) & self._listener_words and grams & self._mock_charges and not named_pain
                and not cues & {"criticism", "apology", "disclosure"}
            ):  # fmt: skip
                cues |= {"teased"}  # "you stole the blanket again, criminal", "ur cold feet are a weapon": a
                # mock charge against the listener is a tease, owned with a laugh, not "that sounds like a lot"
            if self._asked_outright(norms, grams & self._hype_asks) and not cues & (_ANSWERED_CUES - {"request"}):
                cues = (cues - {"request"}) | {"hype"}  # "interview at 9, im spiraling, tell me something nice"
            elif (
                self._asked_outright(norms, grams & self._entertain_asks) and not pain_grounded
                and not cues & (_ANSWERED_CUES - {"request"})
            ):  # fmt: skip
                cues = (cues - {"request"}) | {"entertain"}  # "entertain me pls, meeting is on slide 47 of 80"
            if (
                grams & self._countdowns and not pain_grounded and not ironic and not cues & _ANSWERED_CUES
                and analysis.valence >= 0  # ("2 more days of this hell week" counts down to an end)
            ):  # fmt: skip
                cues |= {"countdown"}  # "4 more days!!!", "3 more days till ur back": counted down together
            if (
                grams & self._no_reason and set(norms) & self._flat_moods and not ironic and loss is None
                and not cues & (_ANSWERED_CUES | {"celebration", "question"})
                and not any(m.emotion.source == "situation" for m in mentions)
                and not any(norms[k - 1] == "like" for k in range(1, len(norms)) if norms[k] == "nothing")
            ):  # fmt: skip  ("eating cereal on the porch like nothing happened" is no mood)
                cues |= {"no_reason"}  # "feel kinda low today and idk why. nothing happened, just grey": no
                # "What's been the hardest part of it?" about what did not happen
            if (
                grams & self._warm_marks and set(norms) & self._fond_targets and not pain_grounded and not ironic
                and analysis.valence > _FOND_GLOOM and not cues & (_ANSWERED_CUES | _FOND_BLOCKERS)
                and not any(
                    m.emotion.source == "situation" and self._families[m.emotion.family].valence > 0 for m in mentions
                )  # ("got the job!! grinning like an idiot, cant wait to tell u": news of the writer's own)
            ):  # fmt: skip
                cues |= {"fond"}  # "watched you sleep and thought how lucky am i", "our song came on and i had to
                # pretend i had something in my eye": warmth toward the listener with no news, hurt or ask, said back
            recalled = (  # "remember that tiny apartment on 4th? i kinda miss it": a shared memory, asked after
                len(norms) > 2 and norms[0] in ("remember", "member") and norms[1] in _RECALLED
                and "?" in norms and not Runs(norms, 3) & self._reminders_or_later
                and _word_count(norms[norms.index("?") :]) <= _RECALL_TAIL
            )  # ("remember that interview i thought i bombed?? they want me back for round two": news, told after)
            if (any(m.emotion.term == _FOND for m in mentions) or recalled) and not named_pain and not ironic:
                cues |= {"fond_memory"}  # "remember when we got lost in lisbon": warmth, not "that sounds rough"
            hard = any(  # worn out is no reason not to plan ("can we do a quiet weekend, i'm wiped")
                self._families[m.emotion.family].valence < 0 and m.emotion.family not in self._plan_ok
                and self._grounded(m) and m.emotion.experiencer != "listener"  # "are you mad at me?" is no pain
                for m in mentions
            )
            opens_ask = bool(norms) and (
                norms[0] in self._question_openers or norms[0] in self._aux_openers
                or " ".join(norms[:2]) in self._opinion_asks  # "thoughts on me cutting bangs"
            )
            ends_ask = bool(Runs([w for w in norms if w[:1].isalnum()][-4:], 4) & self._opinion_asks)
            opinion = ("question" in cues or opens_ask or ends_ask) and bool(grams & self._opinion_asks)
            # ("thinking we skip the wedding, we barely know them. is that bad": asked with no "?")
            if opinion and not pain_grounded and ("practical" not in cues or grams & self._judging):
                cues = (cues - {"practical"}) | {"question"}  # "is it weird if i wear the green dress": asked
            if not cues & (_ANSWERED_CUES - {"request", "question"}) and not hard:
                plans = self._plans(analyzed, norms, ironic=ironic)
                cues |= plans & {"decision", "choice", "weigh"} if opinion else plans  # "is it weird if i wear": asked
            if (
                not cues & (_ANSWERED_CUES | {"question"}) and loss is None and not ironic
                and self._shared_trouble(norms, mentions)
            ):  # fmt: skip
                cues |= {"shared_trouble"}  # "rent goes up $140 in march, we'll have to cut takeout": ours to
                # face together, not "What part of it is weighing on you most?"
        if "teaser" in cues and (grounded or _word_count(words) > _TEASER_WORDS):
            cues -= {"teaser"}  # "guess what, my mom is in the hospital": the news is told, and is answered
        if "question" in cues and cues & (_ANSWERED_CUES - {"question"}):
            cues -= {"question"}  # "did u call the vet or should i?", "do you still find me attractive?": answered
        elif "question" in cues and not (analyzed is not None and Runs(analyzed.norms, 5) & self._opinion_asks):
            cues -= {"question"}  # "u home yet?" has an answer only the listener knows, not "let me think about it"
        if mode == "celebrate" and analyzed is not None:
            grams5 = Runs(analyzed.norms, 5)
            if grams5 & self._shared_win:
                cues |= {"shared_win"}  # "we did it!!! officially debt free babe": ours, not "you've earned it"
            if (_unsaid_runs(analyzed.norms, analyzed.said, 5) if analyzed.said else grams5) & (
                self._loving_or_fond
            ):  # ("she said love you too": her words, reported)
                cues |= {"loved"}  # "happy anniversary, love you": love said back on a happy day
            if grams5 & self._countdowns and set(analyzed.norms) & self._listener_words:
                cues |= {"countdown"}  # "counting down till friday, gonna hug you for 10 min": seeing each other,
                # counted down together, not the writer's news to be happy for
        if (
            mode == "reflect" and "owned" in cues and laughing and not pain_grounded
        ):  # fmt: skip
            cues = (cues - {"criticism", "owned"}) | {"teased"}  # "cabinets open again, raised by wolves 😂"
        if unasked:
            cues -= _YES_CUES
        evidence += [f"cue:{c.rule}" for c in analysis.cues]
        situation = time = thing = someone = None
        # good news whose event opens on someone else ("rachel got engaged"): read once, for whom and for the praise
        others_news = analyzed is not None and mode in ("celebrate", "reflect") and self._others_news(analyzed, main)
        ask = None
        grounded_topics: tuple[str, ...] = ()
        if analyzed is not None and mode not in ("safety", "boundary"):
            core = main
            if main is not None and main.emotion.source != "situation":
                core = max(  # the event beside the feeling word ("my cat died ... feels so empty"), if one was matched
                    (m for m in grounded if m.emotion.source == "situation" and m.emotion.family == family),
                    key=lambda m: m.emotion.intensity * m.emotion.confidence,
                    default=None,
                )
            if (core is not None and core.emotion.source == "situation") or (main is None and mode == "celebrate"):
                situation = self._gist.situation(analyzed, core)  # the matched event, said back in a few words;
                # never the clause around a feeling word alone ("It sounds like we get along incredibly well, and
                # you've been feeling sad"): judged clause echoes averaged 0.46 of 2, 61% bad, against 0.70 without
            if (
                situation and family is not None and self._families[family].valence > 0
                and any(self._families[m.emotion.family].valence < 0 for m in analyzed.mentions)
            ):  # fmt: skip
                situation = None  # a glad line never says back a clause beside something frightening or sad
            if (
                situation and family is not None and self._families[family].valence < 0
                and any(
                    self._families[m.emotion.family].valence > 0 and m.emotion.source == "situation"
                    and m.emotion.text.lower() in situation.lower()
                    for m in analyzed.mentions
                )
            ):  # fmt: skip
                situation = None  # nor a sad line the good news ("I'm so sorry that your paper got accepted")
                # ("I'm so glad that he was in a shootout")
            time = self._gist.time(analyzed, main)
            thing, someone = self._gist.noun_phrases(analyzed, main)
            if (
                someone is None and main is not None and others_news
                and (mode == "celebrate" or self._families[main.emotion.family].valence > 0)
            ):  # fmt: skip
                someone = self._news_subject(analyzed, main)  # "rachel got engaged": "I'm so happy for Rachel!"
            painful = feeling is not None and family is not None and self._families[family].valence < 0
            if thing and painful and thing.lower().split()[-1] in self._good_things:
                thing = None  # "hurt you didn't mention my promotion": not "I'm so sorry about your promotion"
            if (
                thing and painful and main is not None and main.emotion.source == "situation"
                and family not in self._gripes and thing.lower().split()[-1] not in analyzed.norms[main.start:main.end]
            ):  # fmt: skip
                thing = None  # "skipped my stop then yelled at me": the event is the yelling, not "your stop"
            situations = [m for m in mentions if m.emotion.source == "situation"]
            if main is not None and main.emotion.source == "situation":
                situations.insert(0, main)
            grounded_topics = tuple(dict.fromkeys(m.rule.topic for m in situations if m.rule.topic))
            if "fond_memory" in cues:  # the memory's own question, not one about a feeling inside it
                situations.sort(key=lambda m: m.emotion.term != _FOND)
            lead = next((m for m in situations if m.rule.ask and m.emotion.experiencer == "speaker"), None)
            if (
                lead is not None and lead.rule.ask
                and not (  # an event's question must fit the feeling named ("can not wait!": no "what bothers you")
                    family is not None and main is not None and main is not lead
                    and self._families[family].valence * self._families[lead.emotion.family].valence < 0
                )
                and not (time == "upcoming" and _ASKS_PAST.search(lead.rule.ask))
                and not (time == "past" and _ASKS_AHEAD.search(lead.rule.ask))
            ):  # fmt: skip
                ask = Suggestion(
                    text=lead.rule.ask, kind="question", rule=lead.rule.id, evidence=(f"situation:{lead.rule.id}",)
                )
        tone = None
        relieved = False  # a fear said to be absent, read below: relief, which VADER and the register do not overrule
        negated = analyzed is not None and any(m.emotion.negated for m in analyzed.mentions)
        if ironic:
            tone = "negative"
        elif not feeling:
            cheerful = any(self._families[m.emotion.family].valence > 0 for m in mentions)
            hurting = any(self._families[m.emotion.family].valence < 0 for m in mentions)
            tone = "negative" if analysis.valence <= -_NEGATIVE_TONE and not cheerful else None
            if hurting and not cheerful and analysis.valence < _TONE:
                tone = "negative"  # a painful event or someone else's pain, not sure enough to name: the register

            denied = analyzed is not None and any(  # ("a really good day and i dont even know why": no denial)
                w in self._negations and "know" not in analyzed.norms[i + 1 : i + 3]
                for i, w in enumerate(analyzed.norms)
            )
            # warm words are not good news by themselves: a strong tone, or a milder one said with "!"
            exclaimed = "!" in analysis.text and not denied
            warm = analysis.valence >= _POSITIVE_TONE or (analysis.valence >= _TONE and exclaimed) or (
                cheer and exclaimed  # "got a 94 on the chem final!!! after all that crying": VADER hears the crying
            ) or (
                "!!" in analysis.text and analysis.valence >= 0 and not denied  # "they picked my design!!!"
            )
            if cheerful and not hurting and not denied and any(
                m.emotion.source == "situation" and m.emotion.experiencer == "speaker"
                and m.emotion.confidence >= _PLAIN_GOOD_NEWS and self._families[m.emotion.family].valence > 0
                for m in mentions
            ):  # fmt: skip
                warm = True  # good news told plainly, too unsure to name a feeling ("so the grant came through")
            if analyzed is not None and "why" in analyzed.norms and set(analyzed.norms) & self._listener_words:
                warm = False  # "why did you tell dave ... in confidence": VADER's "confidence" is no good news
            painful = any(self._families[m.emotion.family].valence < 0 for m in mentions)
            # VADER's warmth over a complaint is no good news ("my coworker AGAIN, like ok thanks"): with complaint
            # marks the register also needs a cheerful word or event, a laugh, or an exclamation. Panel round 8: a
            # flat "I'm listening" to good news with no feeling word scored 0 as often as a misread complaint.
            named_cheer = any(
                self._families[m.emotion.family].valence > 0 and m.emotion.source != "sentiment" for m in mentions
            )
            said = Runs(analyzed.norms if analyzed is not None else (), 3)
            complaining = bool(said & self._complaining)  # "what even is the point"
            mocking = bool(Runs(analyzed.norms, 5) & self._mockery_or_jokes) if analyzed else False
            grave = bool(said & self._not_good_news) and not (named_cheer or exclaimed)  # "the vet was so kind"
            if (
                warm and not negated and not painful and not grave and not ((mocking or laughing) and not named_cheer)
                and ("question" not in cues or named_cheer)  # "does this shirt look ok, be honest": asked, not news
                and (named_cheer or laughing or exclaimed or not complaining)
            ):  # fmt: skip
                tone = "positive"  # warmth with no feeling at all said, not a denied one ("I wasn't scared")
            if tone == "negative" and laughing:
                tone = None  # "lol" over a mishap is a funny story, not a hard one
            relieved = analyzed is not None and not laughing and self._relieved(analyzed, mentions)
            if relieved:
                tone = "positive"  # "nothing scary", "no more turbulence ever again", "no one asked the question i
                # was dreading": a fear that did not come true is relief (VADER hears "scary" and "dreading")
            if (
                tone != "positive" and not cues and not negated
                and not any(m.emotion.source != "sentiment" for m in mentions) and analysis.valence > -_LOGISTICS_GLOOM
                and analyzed is not None and self._plain_news(analyzed)
                and (len(analysis.text.split()) <= _NEUTRAL_WORDS or (  # a longer heads-up told in the present
                    len(analysis.text.split()) <= _HEADS_UP_WORDS and not set(analyzed.norms) & self._past_marks
                    and not any(w.endswith("ed") and len(w) > 4 for w in analyzed.norms)
                ))  # ("the plumber is coming at 3 btw so if ur home first just let him in")
                and not Runs(analyzed.norms, 4) & self._not_news
                # ("the dishwasher is leaking", "doc says my iron is super low", "nailing adulthood": no mere news)
                and "?" not in analyzed.norms  # "you said 6 and it's 8 and no text?": not news to thank for
                and analyzed.norms[:1] != ("why",)  # "why does the dog bark at 6:02am every day": a gripe
            ):  # fmt: skip
                tone = "neutral"  # "heading home, traffic looks brutal so maybe 40 min": news, not a hard time
            if (
                tone != "positive" and not cues - {"request"} and analyzed is not None
                and not any(m.emotion.source == "lexicon" for m in mentions) and _running_late(analyzed.norms)
                and not Runs(analyzed.norms, 4) & self._grave_or_health
            ):  # fmt: skip
                tone = "neutral"  # "running 15 late, the bridge is a disaster, order for me": a heads-up, however
                # gloomy the traffic (VADER hears "disaster"); not "you were late again", nor a hospital run
        if not feeling and analyzed is not None and mode == "reflect" and tone not in ("positive", "neutral"):
            tone = self._register(
                analysis, analyzed, mentions, cues, ironic=ironic, undone=undone, laughing=laughing
            ) or tone
            if sober and tone in ("funny", "story", "gossip"):
                tone = "negative"  # "the wedding venue went bankrupt, our deposit is just gone apparently": a loss
                # passed on like news is still a loss, not "Oh my god, stop. Tell me everything."
            elif verdict == "good_news" and tone in (None, "negative", "annoyed", "story"):
                tone = "positive"  # "just a loose hose, forty dollars. i had already mentally sold the car": no gripe
            elif verdict == "funny" and tone in (None, "negative", "annoyed"):
                tone = "funny"  # "answered the door 4 times today to nobody": the parrot's joke, not a gripe
            if tone == "bored" and not set(analyzed.norms) & {"was", "were", "yesterday"}:
                time = "ongoing"  # "so bored at work i've reorganized my drawer twice": still stuck in it
            if tone in ("funny", "annoyed", "bored", "story", "gossip"):
                ask = None  # the register's own question ("What happened next?"), not one about a feeling
            elif (
                tone is None and not cues - {"question"} and "?" not in analyzed.norms
                and _word_count(analyzed.norms) <= _VAGUE_WORDS
            ):  # fmt: skip
                tone, ask = "vague", None  # "so.", "welp", "so that happened": nothing told yet, so asked for
        if (
            not feeling and analyzed is not None and mode == "reflect" and not cues - {"question"}
            and _word_count(analyzed.norms) <= _ATTENTION_WORDS and Runs(analyzed.norms, 4) & self._attention_asks
        ):  # fmt: skip
            tone, ask = "vague", None  # "u got a sec?", "you free rn?" (VADER's warm "free" is no good news)
        if not feeling and analyzed is not None and mode == "reflect" and not cues and not relieved and (
            tone is None or (
                tone in ("positive", "negative") and all(m.emotion.source == "sentiment" for m in mentions)
            )  # VADER's tone alone: "my sister borrowed my jacket 'for one night' in march" is warm to VADER
        ):  # fmt: skip
            feats = self._register_features(analysis, analyzed) if feats is None else feats  # read once, for the
            # arbiter, the reading and the veto
            reading = self._register_net.read(feats) if self._register_net else None
            if reading is None and tone in ("positive", "negative") and self._register_net:
                reading = self._register_net.read(feats, _OVER_VADER)  # "CONCERT TICKETS. we got them": VADER
                # hears "block" in "walk around the block"; how it is said may still read as good news
            if reading is None and tone is None and self._register_net:
                reading = self._register_net.read(feats, _OVER_SILENCE)  # "pipe under the sink burst, water
                # everywhere, every towel we own on the floor rn": no feeling word, and VADER hears nothing
            if (
                reading is not None and reading.kind == "gossip" and self._register_net
                and reading.probability < self._register_net.threshold
            ):  # fmt: skip
                reading = None  # "Oh my god, stop. Tell me everything." on a guess is worse than wrong: it relishes
                # news that may hurt ("found out my daughter is moving out from my other daughter")
            if (
                reading is None and tone == "positive" and self._register_net
                and self._register_net.probability(feats, "good_news") < _SURELY_NOT_NEWS
            ):  # fmt: skip
                tone = None  # VADER's warmth over what the learned register finds least like good news: no "Oh,
                # that's great!" to "would've been nice to get asked tbh" ("Thanks for telling me" is safer)
            if (
                reading is not None and reading.kind == "logistics" and self._register_net
                and reading.probability >= self._register_net.threshold
            ):  # fmt: skip
                tone = "neutral"  # "train's delayed 20 min, start dinner without me": a heads-up, thanked for (only
                # when sure: "Got it" to news that hurts would be a brush-off)
                evidence.append(f"register:{reading.kind}({', '.join(reading.terms)})")
            elif reading is not None and reading.kind in _REGISTER_TONES:  # "the drum kit next door again at 1am":
                tone = _REGISTER_TONES[reading.kind]  # no feeling word or known event, but the kind of message is clear
                # from how it is said: answered in its register, not with "Thanks for telling me"
                if tone in ("funny", "annoyed", "gossip"):
                    ask = None
                evidence.append(f"register:{reading.kind}({', '.join(reading.terms)})")
        felt_past = main is not None and analyzed is not None and self._felt_then_not_now(analyzed, main)
        them = None
        theirs = (
            self._theirs(analyzed, mentions)
            if analyzed is not None and mode in ("reflect", "celebrate") and not ironic and not cues & _ANSWERED_CUES
            and loss is None
            and not any(m.emotion.experiencer == "speaker" and m.emotion.source == "lexicon" for m in mentions)
            else None
        )  # fmt: skip
        if theirs is not None:  # "jess is FURIOUS, her landlord kept the deposit": Jess's anger, said as hers;
            their, someone, them = theirs  # "my aunt is thrilled about the baby": happy for her
            feeling, band = self._feeling(their)
            family, feeling2, situation, thing, ask, tone = their.emotion.family, None, None, None, None, None
            felt_past = False
            cues |= {"theirs"}
            evidence.append(f"{their.emotion.source}:{their.emotion.rule}")
        if (
            loss is not None and loss.emotion.family in self._grief and analyzed is not None
            and Runs(analyzed.norms, 3) & self._fresh and _FRESH_LOSS_ASK in self._text
        ):  # fmt: skip
            ask = Suggestion(  # a death hours old is not probed for what is missed most (judged pushy): how they are
                text=self._text[_FRESH_LOSS_ASK], kind="question", rule=_FRESH_LOSS_ASK,
                evidence=(f"situation:{loss.emotion.rule}",),
            )
        if "mixed_news" in cues:
            ask = None  # asked about it all, not about the glad half ("What was it like when you found out?")
        topics = tuple(analysis.topics) or tuple(context_topics)
        return MessageFacts(
            family=family if feeling else None, feeling=feeling, feeling2=feeling2, band=band,
            situation=situation, topics=topics, needs=tuple(analysis.needs), cues=cues, evidence=tuple(evidence),
            time=time, felt_past=felt_past, tone=tone, ask=ask, grounded_topics=grounded_topics, thing=thing,
            someone=someone, them=them, condole=loss is not None and loss.emotion.family in self._grief,
            named_topics=self._named_topics(analysis, analyzed),
            pride_in_other=analyzed is not None and (
                "theirs" in cues or self._proud_of_other(analyzed.norms)
                or others_news
            ),
        )  # fmt: skip

    def _theirs(self, analyzed: AnalyzedDoc, mentions: list[_Mention]) -> tuple[_Mention, str, str] | None:
        """The strongest feeling word said of someone else by name or as a person of the writer's, with how to name
        them and the object pronoun the message uses for them: "priya's nervous as hell ..., she texted me" ->
        (nervous, "Priya", "her"); "my little sister is heartbroken" -> (heartbroken, "your little sister", ...)."""
        norms, sids, doc = analyzed.norms, analyzed.sentence_ids, analyzed.doc
        best: tuple[_Mention, str, str] | None = None
        for m in mentions:
            if m.emotion.source != "lexicon" or m.emotion.experiencer != "other" or m.emotion.negated:
                continue
            named = self._states.subject(m.start, sids, norms)
            k = named if named is not None else self._states.before_state(m.start, sids, norms)
            if k is None or norms[k] in self._carers:
                continue  # ("my doctor was worried about my blood pressure": a carer's concern is about the writer)
            if named is not None and any(
                norms[j] == norms[k] and j >= 2 and tuple(norms[j - 2 : j]) == ("i", "am") for j in range(len(norms))
            ):  # fmt: skip
                continue  # "I'm Switzerland and Switzerland is exhausted": the writer, named as something
            if named is not None:  # a name: "jess", "Priya"
                text = doc[k].text
                name = text[:1].upper() + text[1:]
            elif norms[k] in self._kin and k >= 1 and norms[k - 1] in _OWNERS:
                name = f"{_OWNERS[norms[k - 1]]} {norms[k]}"  # "my sister" -> "your sister"
            elif norms[k] in self._kin and k >= 2 and norms[k - 2] in _OWNERS and norms[k - 1] in self._kin_adjectives:
                name = f"{_OWNERS[norms[k - 2]]} {norms[k - 1]} {norms[k]}"  # "my little sister"
            else:
                continue
            later = [w for w in norms[k + 1:] if w in _OBJECT_PRONOUNS]
            them = _OBJECT_PRONOUNS[later[0]] if later else "them"
            if norms[k] in self._female_kin or norms[k] in self._male_kin:
                them = "her" if norms[k] in self._female_kin else "him"  # "my mom is heartbroken about the dog"
            if best is None or m.emotion.intensity > best[0].emotion.intensity:
                best = (m, name, them)
        return best

    @staticmethod
    def _asked_outright(norms: Sequence[str], marks: frozenset[str]) -> bool:
        """Whether one of ``marks`` is said as an ask ("tell me something nice", "entertain me pls"), not told as a
        purpose ("she came over to cheer me up")."""
        for mark in marks:
            parts = mark.split(" ")
            for k in range(len(norms) - len(parts) + 1):
                if list(norms[k : k + len(parts)]) == parts and (k == 0 or norms[k - 1] not in _PURPOSE_LEADS):
                    return True
        return False

    def _mixed_news(self, analyzed: AnalyzedDoc, analysis: Analysis) -> bool:
        """Good news with a catch told after it: a glad event (a situation row, not a feeling word), then a turn
        ("but", "except", "bad news", "tho") and words with nothing glad in them and no concession ("got the
        apartment!! but the rent is 200 more", "they offered me the promotion but it means nights"); "passed, but
        honestly i'm thrilled" and "crooked, but it's mine" are glad news only."""
        norms, mentions = analyzed.norms, analyzed.mentions
        glad = [
            m for m in mentions
            if self._families[m.emotion.family].valence > 0 and m.emotion.source == "situation"
            and m.rule.cue == "celebration" and self._grounded(m) and not m.emotion.negated
        ]  # fmt: skip
        kept = {c.rule for c in analysis.cues if c.kind == "celebration"}  # the hits no "unless" cancelled
        told = [h.end for h in analyzed.hits.get("cues", ()) if h.rule.kind == "celebration" and h.rule.id in kept]
        if not glad and not told:  # good news is a glad event, or a celebration said ("good news: ...")
            return False
        first = min([m.end for m in glad] + told)
        at = next(
            (k for k in range(first, len(norms)) if Runs(norms[k : k + self._catch_len], self._catch_len)
             & self._catch_turns
             and norms[k] in self._catch_firsts),
            None,
        )  # fmt: skip
        if at is None or _word_count(norms[at:]) < _CATCH_WORDS:
            return False
        tail = norms[at:]
        if Runs([w for w in tail if w[:1].isalnum() or "'" in w], 4) & self._concessions:
            return False
        return not any(
            m.start > at and self._families[m.emotion.family].valence > 0 and norms[m.start - 1] not in ("less", "not")
            and tuple(norms[m.end : m.end + 1]) != ("?",)  # "so. yay? help?": a cheer put as a question is no cheer
            for m in mentions
        )

    def _not_undone(self, analyzed: AnalyzedDoc, mentions: list[_Mention]) -> list[_Mention]:
        """Drop a warm feeling that a "but" in its sentence takes back: "i love her but i cannot do this every
        single day" is a gripe, not "You sound full of love". The turn must carry an exasperated word or a gripe
        (annoyance, anger); a sad or scared feeling after the "but" makes the message mixed, and both are said."""
        norms, sids = analyzed.norms, analyzed.sentence_ids
        keep = []
        for m in mentions:
            if self._families[m.emotion.family].valence > 0:
                turn = next(
                    (j for j in range(m.end, len(norms)) if sids[j] == sids[m.start] and norms[j] in self._contrast),
                    None,
                )
                if turn is not None:
                    tail = [j for j in range(turn + 1, len(norms)) if sids[j] == sids[m.start]]
                    words = [norms[j] for j in tail]
                    after = [
                        x.emotion.family
                        for x in mentions
                        if x.start > turn and sids[x.start] == sids[m.start]
                        and self._families[x.emotion.family].valence < 0
                    ]  # "happy for her but i'll miss her": two feelings, both said (mixed); a gripe takes it back
                    if all(f in self._gripes for f in after) and (after or Runs(words, 5) & self._exasperation):
                        continue
                    if Runs(norms[max(0, m.start - 3) : turn], 4) & self._reassurances:
                        continue  # "we'll be ok but i'm gonna need us to eat pasta": a brave face before the strain
            keep.append(m)
        return keep

    def _acts_either_or(self, norms: Sequence[str]) -> bool:
        """Whether a clause ending in "?" weighs two acts, each opened by a choice verb, around "or": "call the
        repair guy or just bite the bullet and buy new?", "shop around or just eat it?" (fillers such as "just",
        "maybe", "do we" may stand before either verb)."""
        for clause, end in _ended_clauses(norms):  # the last clause may be asked with no "?" ("... or just get a
            if end not in ("?", "") or "or" not in clause:  # new one")
                continue
            k = clause.index("or")
            first = [x for x in clause[:k] if x not in _CHOICE_FILLERS][:1]
            second = [x for x in clause[k + 1 :] if x not in _CHOICE_FILLERS][:1]
            if first and second and first[0] in self._choice_verbs and second[0] in self._choice_verbs:
                return True
        return False

    def _relieved(self, analyzed: AnalyzedDoc, mentions: Sequence[_Mention]) -> bool:
        """Whether the only pain in a message is a fear said to be absent: a fear-group feeling negated by a word of
        absence just before it ("nothing scary", "no more turbulence", "no one asked the question i was dreading"),
        not by "not" ("i'm not scared" may be bravado), and no other painful feeling named or read from an event
        (``mentions`` are those kept, ``analyzed.mentions`` all, the negated ones too)."""
        absent = False
        for m in (*mentions, *(m for m in analyzed.mentions if m.emotion.negated)):
            family = self._families[m.emotion.family]
            if family.valence >= 0 or m.emotion.source == "sentiment":
                continue  # (VADER's guess of sadness from "no more turbulence" is no pain told)
            if not m.emotion.negated or "fear" not in family.groups:
                return False
            if not set(analyzed.norms[max(0, m.start - _ABSENCE_SPAN) : m.start]) & _ABSENCE_WORDS:
                return False
            absent = True
        return absent

    def _plans(self, analyzed: AnalyzedDoc, norms: Sequence[str], *, ironic: bool) -> frozenset[str]:
        """What a message asks of the two of them, answered as a partner would, with no probe:
        ``teased`` (a jab at the listener said laughing or with irony: "lol you really thought that was parking"),
        ``talk_invite`` ("can we talk about the trip?"), ``decision`` ("do we stay or start looking?"),
        ``proposal`` ("date night friday?", "can we skip eating out for a while"), ``offered`` ("ill pick u up")."""
        grams = Runs(norms, 4)
        words = set(norms)
        laughing_at = bool(words & self._laughter and grams & self._exasperation)  # "you remembered?? 🙄😂"
        you = words & self._you_words
        teasing = grams & self._teasing
        if you and ironic and not teasing and not words & self._laughter:
            return frozenset({"owned"})  # "wow thanks for remembering to tell me ur working late 🙃": a real
            # complaint put as irony, owned ("You're right, and I'm sorry."), not laughed off
        if teasing or (you and (ironic or laughing_at)):
            return frozenset({"teased"})  # "haha very funny hiding my charger in the freezer. very mature"
        if ironic:
            return frozenset()  # "sure lets have the meeting at 7am on a saturday 🙃": a gripe, no plan to agree to
        if grams & self._challenges:
            return frozenset({"playful"})  # "i ate the last cookie. fight me", "bet i can beat you at scrabble"
        if grams & self._jealousy:
            return frozenset({"reassure"})  # "who is maddie and why is she liking all ur posts": reassurance
        if grams & self._compliments and (
            words & self._you_or_ours or len(norms) <= _PLAN_WORDS + 2
        ):
            return frozenset({"complimented"})  # "you looked really good this morning btw": taken warmly
        if grams & self._playful and words & self._listener_words:
            return frozenset({"teased"})  # "caught you hiding the last donut 😜": owned with a laugh
        proposes = self._proposes(norms, grams) or (bool(norms) and norms[0] == "wanna")  # "wanna walk to
        # the park after lunch" ("i wanna lie on the floor" is the writer's own wish)
        clauses = [c for c in _clauses(norms) if c]
        timed = any(  # the first or the last clause: "pancakes saturday morning" after the news
            self._timed_plan(c[: _PLAN_WORDS + 2]) and not set(c) & self._own_plan_marks
            for c in (clauses[:1] + clauses[-1:])
        )
        asked = "?" in norms or proposes or timed or bool(grams & self._decision_openers)
        if proposes and words & self._talk_verbs:
            ask = Runs(norms[: next((i for i, w in enumerate(norms) if w in ("?", ".", "!")), len(norms))], 3)
            if ask & self._later_marks and not ask & _SAME_DAY:
                return frozenset({"later"})  # "can we talk tmrw? brain is fried": it can wait till then
            return frozenset({"talk_invite"})
        if asked and "or" in words and (proposes or grams & self._decision_openers) and not grams & self._doubts:
            return frozenset({"decision"})  # ("should i text him or is that desperate": a doubt, not a choice)
        if "or" in words and self._acts_either_or(norms) and not grams & self._doubts:
            return frozenset({"decision"})  # "fridge is grinding again. call the repair guy or just buy new?"
        if (
            grams & self._deliberations and not timed and _word_count(norms) > _PLAN_WORDS + 2
            and not grams & self._doubts
        ):  # fmt: skip
            return frozenset({"weigh"})  # "should we just do christmas at home this yr? flights are insane": a bigger
            # idea with its reasons, weighed together ("pizza tonight?" is a plan, agreed to)
        first = norms[: next((i + 1 for i, w in enumerate(norms) if w in ("?", ".", "!")), len(norms))]
        if grams & self._offers and not words & self._third_persons and not any(
            tuple(norms[k : k + 3]) == ("want", "me", "to") and (
                (k > 0 and norms[k - 1] not in _OFFER_LEADS) or _WH_ASKS & set(norms[max(0, k - 3) : k])
            )
            for k in range(len(norms) - 2)
        ):  # ("they both want me to pick a side" is news, not an offer of the writer's: "want me to" opens an offer;
            # "where do u want me to park then": asked back in a gripe, no offer)
            return frozenset({"offered"})  # "ill pick u up" ("i'll pick her up" is for someone else: no thanks due)
        asks_choice = "?" in first or (len(first) <= _PLAN_WORDS and bool(Runs(first, 2) & self._plan_words))
        if "or" in first and asks_choice and len(first) <= _PLAN_WORDS + 2 and not words & self._listener_words:
            return frozenset({"choice"})  # "pizza or tacos tonight?": a small choice, handed back warmly
        ends = [i for i, w in enumerate(norms) if w in ("?", ".", "!")]
        last = norms[ends[-2] + 1 : ends[-1] + 1] if len(ends) > 1 and norms[ends[-1]] == "?" else first
        if proposes or timed or any(
            asked and Runs(part, 2) & self._plan_words and len(part) <= _PLAN_WORDS for part in (first, last)
        ):  # "date night friday?", and the same asked last ("long week. pizza tonight?")
            return frozenset({"proposal"})  # "can we skip eating out for a while"
        return frozenset()

    def _register(
        self, analysis: Analysis, analyzed: AnalyzedDoc, mentions: Sequence[_Mention], cues: frozenset[str],
        *, ironic: bool, undone: bool = False, laughing: bool = False,
    ) -> str | None:
        """The register of a message with no feeling to name: ``funny`` for a story the writer laughs at
        ("walked into a glass door lol", "i have to move cities now"), ``annoyed`` for a gripe about a thing or a
        third party ("rent went up AGAIN", "oh great, the car won't start. love that for me"), ``bored`` for a
        dull stretch ("so bored in this meeting"), else None.

        Neither is said over a loss or a health worry, over a hurt, sad or scared feeling, or where a cue has its
        own reply; ``annoyed`` is never said to a gripe addressed to the listener ("you forgot the bins again")."""
        if cues & _ANSWERED_CUES or (_word_count(analyzed.norms) < _REGISTER_WORDS and not ironic):
            return None  # "haha nope", "ugh": too little said to laugh along with or to share a gripe
        said = Runs(analyzed.norms, 5)
        story = self._tells_story(analyzed.norms) and not said & self._grave_or_symptoms
        if said & self._grave_or_health and not story:
            return None  # "Grandad passed this morning lol", "his face swollen, I was his nurse all day": no gripe
        if said & self._boredom and not ironic and not any(
            self._families[m.emotion.family].valence < 0 and m.emotion.source != "sentiment" for m in mentions
        ):  # VADER's gloom over "bored" is the boredom itself
            return "bored"  # "so bored in this meeting, 40 min on font sizes": a dull stretch, no hardship
        if (
            not ironic and not cues - {"question"} and said & self._gossip_marks and self._gossips(analyzed.norms)
            and not any(m.emotion.source == "lexicon" for m in mentions)
            and not set(analyzed.norms) & {"me", "my", "mine", "myself"}  # "... now its my problem apparently": a gripe
        ):  # fmt: skip
            return "gossip"  # "so apparently kara and mike broke up and she's dating his roommate??": their drama,
            # passed on with a mark of gossip, not the writer's own loss (a feeling the writer names still counts)
        if any(
            self._families[m.emotion.family].valence < 0 and m.emotion.family not in self._gripes
            and not (
                m.emotion.family in self._laughed_off and m.emotion.source != "lexicon" and said & self._self_mockery
            )
            and not (story and (m.emotion.source == "sentiment" or not self._grounded(m)))  # "the dog ate a whole cake"
            and not (m.emotion.source == "sentiment" and said & self._mockery_or_runarounds)
            # VADER's gloom over "which feels illegal" or "spell my name 4 times" is no sadness the writer named
            for m in mentions
        ):  # an embarrassment read from the event is laughed at with "i need to move countries"
            return None  # "everyone paired off and i stood by the chips": lonely, not merely annoyed
        if any(self._families[m.emotion.family].valence > 0 and m.emotion.source != "sentiment" for m in mentions):
            return None  # good news laughed over ("94 on the final!!! after all that crying lol") is no mishap
        norms = {w.replace("\u2019", "'") for w in analyzed.norms}
        if (
            said & self._mockery_or_jokes or _age_punchline(analyzed.norms, analyzed.sentence_ids)
            or (_simile(analyzed.norms, self._amounts) and not said & self._grave_or_health)
        ) and not ironic:
            return "funny"  # "said 'you too' to the waiter, can never go back there": laughed at, however warm
        if (laughing or norms & self._laughter) and not ironic:  # (or told deadpan, as the learned register reads it)
            # "u were so right about that show 😅" is no "oh no"; a laugh over a thing told is ("lol the cat just
            # knocked my coffee onto the laptop", "lol my dad just discovered voice notes")
            return "funny" if analysis.valence < _TONE or not norms & self._listener_words else None
        if (
            not ironic and not cues and -_STORY_GLOOM < analysis.valence < _STORY_CHEER
            and not said & self._gripe_marks and story
        ):  # fmt: skip
            return "story"  # "a pigeon walked into the bakery, looked at the croissants and left": a scene shared
        if not ironic and not cues - {"question"} and self._gossips(analyzed.norms):
            return "gossip"  # "linda from accounting is apparently dating the vending machine guy": news of others
        if (analysis.valence >= _TONE and not (undone or ironic)) or norms & self._listener_words:
            return None  # (VADER's warmth from irony, or from a feeling a "but" took back, is no warmth)
        if ironic or said & self._gripes_or_runarounds:
            return "annoyed"  # a gripe, or a thing gone wrong told flatly ("the printer jammed 6 times")
        return None

    def _register_features(self, analysis: Analysis, analyzed: AnalyzedDoc) -> set[str]:
        """What the learned register reads of a message (``register_features``)."""
        families = [e.family for e in analysis.emotions if e.source != "sentiment"]
        return register_features(
            analyzed.norms, analysis.text, analysis.valence, families, [c.kind for c in analysis.cues]
        )

    def _gossips(self, norms: Sequence[str]) -> bool:
        """News about other people, passed on: a gossip mark ("apparently", "guess who", "dont tell anyone") or an
        event of someone else's love life or job ("is dating", "broke up", "got fired") with no "i"/"we" doing it
        and no "me" on its receiving end ("he cheated on me" is the writer's own hurt)."""
        grams = Runs(norms, 4)
        if not grams & self._gossip_words:
            return False
        for i in range(len(norms)):
            for k in range(i + 1, min(len(norms), i + 3) + 1):  # an event of one to three words at i
                if " ".join(norms[i:k]) not in self._gossip_events:
                    continue
                after = norms[k : k + 2]
                if (i and norms[i - 1] in ("i", "we")) or after[:1] in (["me"], ["us"]) or after in (
                    ["with", "me"], ["with", "us"]
                ):  # fmt: skip
                    return False  # "we broke up", "he cheated on me", "she broke up with me": the writer's own
        return True

    def _tells_story(self, norms: Sequence[str]) -> bool:
        """A scene about someone else, told by the writer as a bystander: a person or animal (``story_actors``, or
        a bare name that a "he"/"she" later refers to) opens the message and a verb of the story follows within a
        few words ("the guy in front of me at the pharmacy paid ...", "there's a goose standing in ...", "priya
        brought her baby ..."). Not a story told as one: the writer's own ("i", "we", or a sentence opening on a
        verb: "helped her load the truck"), a question, a state rather than an event ("my mom hasn't been herself"),
        or a tender memory (``tender_marks``: "it still smells like her house ❤️")."""
        heads = self._addenda_heads
        for k in range(len(norms)):  # "..., i need u to know this": the scene is what comes before
            if norms[k] in heads and any(" ".join(norms[k : k + n]) in self._addenda for n in range(3, 8)):
                norms = norms[:k]
                break
        if _word_count(norms) < _STORY_WORDS or {"i", "we", "?", "!"} & set(norms):
            return False
        if Runs(norms, 2) & self._plain and not any(w.endswith("ed") and len(w) > 4 for w in norms):
            return False  # "the plumber is coming at 3 btw": a heads-up, not a scene (a scene is told in the past)
        if Runs(norms, 3) & self._not_scenes:
            return False  # a memory or a loss, or someone's good news ("my son got picked for the team")
        starts = [k + 1 for k, w in enumerate(norms[:-1]) if w in (".", "!", ";")]
        if any(
            norms[k] in self._aux_openers or norms[k] in self._question_openers
            or (norms[k] in self._story_verbs or norms[k].endswith("ed"))
            for k in starts
        ):  # fmt: skip
            return False  # "is that good or an insult", "helped her load the truck": a question, the writer's own
        i = 0
        while i < min(len(norms), 3) and norms[i] in self._story_openers:
            i += 1  # "so", "omg", "saw", "just saw"
        if i < len(norms) - 1 and norms[i] == "there" and norms[i + 1] in ("'s", "is", "was", "are"):
            i += 2  # "there's a goose standing ..."
        start = i
        while i < len(norms) and i - start < 2 and norms[i] in self._story_determiners:
            i += 1
        own = any(norms[k] in self._others_words for k in range(start, i))  # "my baby is sleeping": no scene
        if i >= len(norms):
            return False
        if norms[i] in self._story_actors and i + 2 < len(norms) and norms[i + 1] == "'s":
            i += 2  # "neighbour's kid got into ...", not "grandpa's house sold"
            if norms[i] not in self._story_actors and not norms[i].endswith("ing"):
                return False
        head = norms[i]
        if head not in self._story_actors:
            verb = norms[i + 1] if i + 1 < len(norms) else ""
            named = (
                i == start and head.isalpha() and len(head) > 2
                and head not in self._not_names
                and (verb in self._story_verbs or (verb.endswith("ed") and len(verb) > 4))
                and bool({"he", "she", "her", "his", "him"} & set(norms[i + 1 :]))
            )  # fmt: skip
            return named  # "priya brought her baby to the office"
        for j in range(i + 1, min(len(norms), i + _STORY_REACH)):
            w = norms[j]
            if w in (".", "!", ",") or w in self._story_states:
                return False  # "my mom hasn't been herself since she retired": a state, not a scene
            if w in self._story_verbs or (w.endswith("ed") and len(w) > 4):
                return True
            if w in ("is", "are", "'s") and not own and j + 1 < len(norms) and norms[j + 1].endswith("ing"):
                return True  # "this guy is eating a whole chicken on the train"
            if w in ("was", "were") and j + 1 < len(norms) and norms[j + 1].endswith("ing"):
                return True  # "guy on the train was eating ..."
            if w.endswith("ing") and j == i + 1 and len(w) > 4 and not own:
                return True  # "there's a goose standing ...", "saw a guy walking a cat ..."
        return False

    def _shared_trouble(self, norms: Sequence[str], mentions: Sequence[_Mention]) -> bool:
        """A household or money trouble the two of them share ("rent goes up $140 in march", "the washer is making
        the noise again", "our car needs new brakes"): a thing of the home (``shared_costs``) said with "we"/"our"
        or "the", and no feeling named but strain (a sad, hurt, scared or angry word is answered as itself)."""
        words = set(norms)
        ours = bool(words & _SHARED_WORDS)
        costs = (  # "rent goes up $140, we'll have to cut takeout" (not "she signed the lease, we have a place")
            bool(words & self._shared_costs) and ours and bool(Runs(norms, 3) & self._cost_troubles)
        )
        broken = (  # "the washer is making the noise again", "our car needs new brakes" (not "i clogged the toilet
            # at a friend's", nor a long story of "the car" on a trip)
            "i" not in words and (ours or _word_count(norms) <= _SHARED_THING_WORDS)
            and any(w in self._home_things and k and norms[k - 1] in ("the", "our") for k, w in enumerate(norms))
            and bool(Runs(norms, 3) & self._home_troubles)
        )
        if not (costs or broken) or words & _STORY_PAST:
            return False  # ("one time i found mold in the fridge": a story told, not a trouble now)
        if any(
            (k and norms[k] == "and" and norms[k + 1] in ("i", "me") and norms[k - 1] not in _LISTENER_SELF)
            or (norms[k] == "me" and norms[k + 1] == "and" and norms[k + 2] not in _LISTENER_SELF)
            for k in range(len(norms) - 2)
        ):  # fmt: skip
            return False  # "my sister and i ...": "we" may be the writer and someone else, so no "we're in this"
        return not any(
            (m.emotion.source == "lexicon" and m.emotion.family not in self._strain) or m.emotion.experiencer == "other"
            or (self._families[m.emotion.family].valence > 0 and self._grounded(m))
            for m in mentions
        )

    def _asked_to_come(self, analysis: Analysis, analyzed: AnalyzedDoc | None) -> str | None:
        """Asked to come, to be there or for a hug ("grandpa just died. can you come home", "rough day, can i get a hug
        later"): a yes, whatever the feeling beside it, which picks the line ("I'm so sorry, love. Of course, I'm
        coming.")."""
        kinds = {c.kind for c in analysis.cues}
        if analyzed is None or kinds & {"criticism", "crisis", "boundary"}:
            return None
        said = Runs(analyzed.norms, 5)
        if said & self._comfort_asks:
            return "hug_asked"
        put = any(c.kind == "request" and set(c.text.lower().split()) & self._listener_words for c in analysis.cues)
        return "come_to_you" if put and said & self._presence_asks else None

    def _favour(self, analysis: Analysis, mentions: Sequence[_Mention], analyzed: AnalyzedDoc | None) -> bool:
        """A small ask put as a question ("could you grab oat milk?"), with nothing painful or critical in it."""
        kinds = {c.kind for c in analysis.cues}
        said = Runs(analyzed.norms if analyzed is not None else (), 3)
        reminded = analyzed is not None and "?" not in analyzed.norms and said & self._reminders
        if reminded and not any(
            self._families[m.emotion.family].valence < 0 for m in mentions
        ):
            return "criticism" not in kinds  # "remember to feed the sourdough starter": a yes
        worn = any(m.emotion.family in self._favour_ok for m in mentions)
        if analyzed is not None and "criticism" not in kinds and self._errand_opening(analyzed.norms) and not any(
            self._families[m.emotion.family].valence < 0 and m.emotion.family not in self._favour_ok for m in mentions
        ):  # fmt: skip
            return True  # "pick me up at 6:40 pls", "lmk when ur leaving", "need u to sign the lease": a yes
        put = any(c.kind == "request" and set(c.text.lower().split()) & self._listener_words for c in analysis.cues)
        asked = "question" in kinds and put
        # "i'm exhausted and sad. will you come over after work?": however low the tone, a yes is the answer; so for
        # an errand put to the listener ("can u check if i left the stove on, i'm panicking")
        errand = put and analyzed is not None and any(w in self._errands for w in analyzed.norms)
        if "request" not in kinds or "criticism" in kinds or (
            analysis.valence < (-0.6 if worn else -0.2) and not ((asked or errand) and worn) and not errand
        ):
            return False
        if any(
            self._families[m.emotion.family].valence < 0 and m.emotion.family not in self._favour_ok for m in mentions
        ):
            return False  # "can you walk the dog, i'm wiped" is still a favour; "..., i'm so hurt" is not
        if asked or errand:
            return True  # "could you grab oat milk?" ("can we talk tonight?" asks for time together, not an errand)
        polite = any(
            c.kind == "request" and any(w in c.text.lower() for w in self._polite)
            for c in analysis.cues
        )  # "pls grab milk on the way", not "you need to call your mom back"
        return polite and analyzed is not None and any(w in self._errands for w in analyzed.norms)

    def _errand_opening(self, norms: Sequence[str]) -> bool:
        """A short message that opens, past its lead-ins, on an errand asked of the listener (``errand_asks``):
        "grab oat milk on the way", "lmk when ur leaving", "need u to sign the lease thing before thurs"."""
        words = self._past_lead_ins([w for w in norms if w[:1].isalnum()])
        if not words or len(words) > _PRACTICAL_WORDS:
            return False
        return any(" ".join(words[:k]) in self._errand_asks for k in (1, 2, 3))

    def _past_lead_ins(self, words: Sequence[str]) -> Sequence[str]:
        """``words`` past the lead-ins that open a chat message ("hey", "babe", "ok so"), keeping the last word."""
        i = 0
        while i < len(words) - 1 and words[i] in self._lead_ins:
            i += 1
        return words[i:]

    @staticmethod
    def _wronged(m: _Mention) -> bool:
        """Whether a feeling is of a wrong done to the writer (``_WRONGED``, ``_WRONGED_TERMS``)."""
        return m.emotion.family in _WRONGED or m.emotion.term in _WRONGED_TERMS

    def _proposes(self, norms: Sequence[str], grams: Runs) -> bool:
        """Whether a plan is put to the listener: an opener anywhere ("can we", "wanna grab"), or an ask that closes
        a sentence ("tacos at 7, you in?"; "the instructor said bless you in her calm voice" asks nothing)."""
        if grams & self._proposal_openers:
            return True
        if not grams & self._proposal_tails:
            return False
        n = len(norms)
        return any(
            " ".join(norms[i : i + size]) in self._proposal_tails
            and (i + size == n or norms[i + size] in ("?", "!", "."))
            for size in (3, 2) for i in range(n - size + 1)
        )

    def _timed_plan(self, part: Sequence[str]) -> bool:
        """A clause that names something to do and a time ahead, with no verb of the past: "thinking tacos
        tonight", "movie marathon when u get home", "bowling tmrw night if ur not dead from work"."""
        if set(part) & self._past_marks or any(w.endswith("ed") and len(w) > 4 for w in part):
            return False  # "dinner tonight was a disaster", "movie friday got cancelled": news, not a plan
        if part and (part[0] in self._question_openers and part[0] not in self._aux_openers):
            return False  # "whats for dinner": a question about the plan, not one offered
        grams = Runs(part, 4)
        return bool(grams & self._plan_times) and bool(grams & self._plan_things)

    def _named_topics(self, analysis: Analysis, analyzed: AnalyzedDoc | None) -> tuple[str, ...]:
        """Topics the writer called by name ("work", "money", "the kids"), not guessed from a related word."""
        if analyzed is None:
            return ()
        words = set(analyzed.norms)
        out = []
        for topic in analysis.topics:
            name = self._names.get(("topic", topic), topic.replace("_", " "))
            if set(name.lower().split()) - {"the", "your", "my", "our"} <= words:
                out.append(topic)
        return tuple(out)

    def _plain_news(self, analyzed: AnalyzedDoc) -> bool:
        """Errands and logistics ("package came", "dentist moved my appointment"): news to thank for."""
        norms = analyzed.norms
        grams = Runs(norms, 2)
        timed = any(_CLOCK_TIME.match(w) for w in norms)  # "gate opens 6:15", "drinks at 8ish"
        against = grams & self._not_plain_news
        if against <= {"!"} and (Runs(norms, 3) & self._reminders or Runs(norms, 2) & _FORGET):
            against = frozenset()  # "pickup is at 3:15 today, don't forget!!": a reminder stressed, not excitement
        if against == {"!"} and norms.count("!") == 1 and grams & self._status_updates:
            against = frozenset()  # "landed! waiting on bags": where the writer is, not news to cheer
        return bool(grams & self._plain or timed) and not against

    @staticmethod
    def _grounded(m: _Mention) -> bool:
        """A feeling may be named when the writer named it, or a confident situation row implies it."""
        source = m.emotion.source
        return source == "lexicon" or (source == "situation" and m.emotion.confidence >= _GROUNDS)

    def _feeling(self, m: _Mention) -> tuple[str, str | None]:
        """The feeling phrase for a mention ("a bit down", "really overwhelmed") and its band: mild when hedged or weak,
        strong when intensified or intense."""
        e = m.emotion
        term = e.term
        band = None
        if e.hedged or e.intensity <= 0.4:
            band = "mild"
            if e.hedged and not term.startswith(self._hedged_starts):
                if term.startswith(self._strong_starts) and " " in term:
                    term = term.split(" ", 1)[1]  # "almost jumped out of my skin": "a bit startled", not "a bit
                    # really startled"
                term = "a bit " + term
        elif e.intensity >= 0.75 or e.intensified:
            band = "strong"
            strong_word = m.rule.intensity >= 0.85  # "furious", "devastated": "really" adds nothing
            strong_start = term.startswith(self._strong_starts)
            if e.intensified and not strong_word and not strong_start and len(term.split()) == 1:
                term = "really " + term
        return term, band

    # --- templates -----------------------------------------------------------------------------------------
    @staticmethod
    def _index_keys(t: Template) -> list[tuple[str, str] | None]:
        """The keys a template is indexed under: its families, else its cue, topic, need or ``when``, else None (fits
        any message)."""
        if t.family:
            return [("family", f) for f in t.family]
        for name in ("cue", "topic", "need", "when"):
            value = getattr(t, name)
            if value:
                return [(name, value)]
        return [None]

    @staticmethod
    def _lookup_keys(facts: MessageFacts) -> list[tuple[str, str] | None]:
        """The index keys a message's facts look templates up by: None (general ones), its family, cues, topics, needs
        and ``when``."""
        keys: list[tuple[str, str] | None] = [None]
        if facts.family:
            keys.append(("family", facts.family))
        keys += [("cue", c) for c in sorted(facts.cues)]
        keys += [("topic", t) for t in facts.topics] + [("need", n) for n in facts.needs]
        keys += [("when", "no_feeling")] if not facts.feeling else []
        keys += [("when", "mixed")] if facts.feeling2 else []
        keys += [("when", "felt_past")] if facts.felt_past else []
        return keys

    def _eligible(self, t: Template, facts: MessageFacts) -> int | None:
        """A specificity score, or None when the template does not fit.

        Whatever this reads of ``facts`` must be part of the signature ``_ranked`` caches its result under.
        """
        score = 0
        if t.family:
            if facts.family not in t.family:
                return None
            score += 4
        if t.when == "no_feeling":
            if facts.feeling:
                return None
            score += 2
        elif t.when == "felt_past":
            if not facts.felt_past:
                return None
            score += 4  # "You must have felt so scared.": said as felt then, beside the family's own lines
        elif t.when == "mixed":
            if not facts.feeling2:
                return None
            score += 8  # mixed feelings are both named, and asked about together, before either one alone
        if facts.felt_past and t.kind != "question" and t.id in self._says_felt_now:
            return None  # "I was so scared when ...": not "you're feeling scared" as if it were now
        if t.band:
            if t.band != facts.band:
                return None
            score += 1
        if facts.pride_in_other and t.kind != "question" and t.id in self._praises_writer:
            return None  # "so proud of my little sister, she got into nursing school!!": not "You did it!"
        if not t.cue and t.kind == "reflection" and facts.cues & _OWN_REPLY_CUES:
            return None  # thanks, a favour, a plan: answered as themselves first ("Aw, of course."), not reflected
        if "theirs" in facts.cues and not t.cue and (t.kind != "question" or "feeling" in self._slot_names[t.id]):
            return None  # "jess is FURIOUS": never "you're feeling furious", nor "It would hurt anyone."
        if facts.someone and " " in facts.someone and "poor {someone}" in t.text:
            return None  # "Oh no, poor Priya." fits a name; "poor your sister" does not
        if t.cue == "criticism" and t.kind == "reflection" and "owned" in facts.cues:
            return None  # "upset that u ate my leftovers": owned ("You're right, and I'm sorry"), not described
        if t.cue:
            if t.cue not in facts.cues:
                return None
            score += 6  # a cue (criticism, disclosure, ...) is answered before the feeling in general
            if t.cue in _CRISIS_KINDS or t.cue in _OWN_REPLY_CUES:
                score += 2  # a reply for this kind of crisis before a general safety one; a yes before a reflection
        if t.topic:
            if t.topic not in facts.topics:
                return None
            score += 2
        if t.need:
            if t.need not in facts.needs:
                return None
            if t.mode in ("reflect", "celebrate") and not facts.feeling:
                return None  # a need guessed from a word is said back only beside a feeling the writer has
            score += 2
        if t.time:  # a question about what is to come needs a message about it; past and ongoing need no clash
            if t.time != facts.time and (t.time == "upcoming" or facts.time is not None):
                return None
            score += 2 if t.time == facts.time else 0  # a question of the message's own time, before a timeless one
        if t.tone:
            if t.tone != facts.tone or facts.cues & _ANSWERED_CUES:
                return None  # a criticism, a disclosure or an apology is answered as such, not by tone
            score += 6  # the tone is what is known of a message with no feeling named: it decides the register
        if t.topic or "topic" in self._slot_names[t.id]:
            topic = t.topic or (facts.topics[0] if facts.topics else None)
            if topic not in facts.grounded_topics and (t.kind == "question" or topic not in facts.named_topics):
                return None  # a topic guessed from one word never makes a question, nor a reflection unless named
        for name in self._slot_names[t.id]:
            if name == "feeling" and not facts.feeling:
                return None
            if name == "feeling2" and not facts.feeling2:
                return None
            if name == "situation":
                if not facts.situation:
                    return None
                # the writer's clause said back is specific beside a named feeling ("I'm so sorry your cat died");
                # alone ("Oh, you got the dog bed.") it reads as an echo, the panel's most frequent complaint
                if t.cue or t.mode == "celebrate":
                    score += _ECHO_ANSWER  # "You're right, I forgot our anniversary", "So happy you got a new bike!"
                else:
                    score += _ECHO_WITH_FEELING if facts.feeling else _ECHO_ALONE
            if name in ("thing", "someone", "them"):
                if not getattr(facts, name):
                    return None
                score += 3  # the specific thing or person, in a few words
            if name == "topic" and not (t.topic or facts.topics):
                return None
            if name == "need" and not (t.need or facts.needs):
                return None
        return score

    def _render(self, t: Template, facts: MessageFacts) -> str:
        """A template's text with its slots filled from ``facts``."""
        fixed = self._fixed_text.get(t.id)
        if fixed is not None:
            return fixed
        topic = t.topic or (facts.topics[0] if facts.topics else "")
        need = t.need or (facts.needs[0] if facts.needs else "")
        values = {
            "feeling": facts.feeling or "", "feeling2": facts.feeling2 or "", "situation": facts.situation or "",
            "thing": facts.thing or "", "someone": facts.someone or "", "them": facts.them or "",
            "topic": self._names.get(("topic", topic), topic.replace("_", " ")),
            "need": self._names.get(("need", need), need),
        }  # fmt: skip
        text = " ".join(_SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), t.text).split())
        return text[:1].upper() + text[1:]

    def _pick(
        self,
        mode: str,
        step: str,
        facts: MessageFacts,
        key: str,
        chosen: Sequence[Suggestion],
        used: Sequence[str],
        taken_text: set[str],
    ) -> Suggestion | None:
        """The best eligible template of ``kind`` not yet used, rendered; ties broken by the seed."""
        kind, _, need = step.partition("/")
        tiers = self._ranked(mode, kind, need, facts).without({s.rule for s in chosen})
        if not tiers:
            return None
        turn, hashed = 0, False  # the hashed position is made only once a tier holds more than one template
        # Tiers of near-equal specificity, most specific first; within a tier, start at a hashed position.
        for tier in tiers:
            if not hashed and len(tier) > 1:
                digest = hashlib.blake2b(f"{key}\x1f{kind}\x1f{len(chosen)}".encode(), digest_size=8).digest()
                turn, hashed = int.from_bytes(digest, "big"), True
            for j in range(len(tier)):
                template = tier[(turn + j) % len(tier)]
                text = self._render(template, facts)
                norm = _norm_text(text)
                if any(norm in t or t in norm for t in taken_text) or any(norm and norm in u for u in used):
                    continue
                evidence = facts.evidence + ((f"topic:{template.topic}",) if template.topic else ())
                return Suggestion(text=text, kind=template.kind, rule=template.id, evidence=evidence)
        return None

    def _ranked(self, mode: str, kind: str, need: str, facts: MessageFacts) -> Ranked:
        """Every template that fits, most specific first, with its tiers: ranked once per signature.

        The signature keeps only the cues, topics and needs some template of this (mode, kind) asks for.
        """
        asked = self._index.asked(mode, kind)
        signature = (
            mode, kind, need, facts.family, bool(facts.feeling), bool(facts.feeling2), facts.band,
            facts.cues & asked[0], asked[1].intersection(facts.topics), bool(facts.topics),
            asked[2].intersection(facts.needs), bool(facts.needs), bool(facts.situation), bool(facts.thing),
            bool(facts.someone),
            facts.time, facts.felt_past, facts.tone, bool(facts.cues & _ANSWERED_CUES),
            asked[1].intersection(facts.grounded_topics),
            asked[1].intersection(facts.named_topics), bool(facts.topics) and facts.topics[0] in facts.grounded_topics,
            bool(facts.topics) and facts.topics[0] in facts.named_topics, facts.pride_in_other,
            bool(facts.cues & _OWN_REPLY_CUES),
        )  # fmt: skip

        def rank() -> list[tuple[int, str, Template]]:
            ranked = []
            for t in self._index.candidates(mode, kind, self._lookup_keys(facts)):
                if need and (t.need or "-") != need:
                    continue
                score = self._eligible(t, facts)
                if score is not None:
                    ranked.append((score, t.id, t))
            ranked.sort(key=lambda x: (-x[0], x[1]))
            return ranked

        return self._index.ranked(signature, rank)

    @staticmethod
    def crisis_about(analysis: Analysis) -> str | None:
        """What the message's most pressing crisis is about (``listener_danger`` when the listener is the danger)."""
        kinds = {("listener_danger" if c.agent == "listener" else c.about) for c in analysis.cues if c.kind == "crisis"}
        return next((k for k in _CRISIS_PRIORITY if k in kinds), None)

    def _safety_cues(self, analysis: Analysis) -> frozenset[str]:
        """The cues safety templates may require: ``crisis`` for the general ones, plus each crisis kind present.

        The first crisis kind decides whether general templates may be used at all (see _OWN_TEMPLATES_ONLY).
        """
        kinds = {c.about for c in analysis.cues if c.kind == "crisis" and c.about and c.agent is None}
        kinds |= {"listener_danger" for c in analysis.cues if c.kind == "crisis" and c.agent == "listener"}
        first = self.crisis_about(analysis)
        if first in _OWN_TEMPLATES_ONLY:
            return frozenset({first})
        return frozenset(kinds | {"crisis"})

    def _resources_for(self, locale: str, about: str | None) -> tuple[Resource, ...]:
        """Resources for the locale (generic rows when it has none), those for this crisis kind first.

        Rows without ``serves`` fit every crisis; a kind the locale has no row for takes the generic row for it.
        Rows marked ``urgent`` (emergency services) come first when someone else is in danger now.
        """
        kind = "abuse" if about == "listener_danger" else about
        local = [r for r in self._resources if r.locale == locale]
        generic = [r for r in self._resources if r.locale == "*"]
        specific = [r for r in local if kind in r.serves] or [r for r in generic if kind in r.serves]
        specific.sort(key=lambda r: len(r.serves))  # a line for this kind alone before a line for every kind
        general = [r for r in local if not r.serves]
        rows = specific + general
        if about in ("other_at_risk", "harm_to_others"):
            rows.sort(key=lambda r: not r.urgent)
        seen: set[str] = set()
        out = []
        for r in rows:
            if r.id not in seen:
                seen.add(r.id)
                out.append(Resource(name=r.name, contact=r.contact, about=r.about, locale=r.locale, rule=r.id))
        return tuple(out)
