"""Review of a drafted reply: roadblocks flagged with a reason and a better phrasing, the draft's strengths, what it
missed in the partner's message, and its stance (reflections, questions, roadblocks).

Three layers find roadblocks:
- phrase rows from ``rules/review/flags.jsonl`` (minimizing, judging, defensive, ...; ``but_undo`` rows name an
  acknowledgement that a later "but" undoes);
- the shape of each sentence, read from its tokens with the word classes in ``rules/wordclasses_review.jsonl``
  and ``rules/wordclasses_grammar.jsonl``: advice (a modal with "you" as subject, a command at the head of a
  clause, a habit that "needs to stop", "I think ... would help"), questions (why, closed, open, an offer to
  listen, asking permission) and sarcasm by capitals;
- a learned model (``review/terms.jsonl``, trained by ``benchmarks/train_review_net.py``) over the words of a short
  statement no rule flagged: contempt, defensiveness, dismissal, judging and advice in wordings no rule names, under
  the rules' own conditions (defensive only to a complaint, contempt never to good news);
- scope, read from the partner's message: whom it is about. To a complaint about the listener ("you forgot to pick
  me up"), the listener's own account, a denial or the complaint turned back is defensive unless the draft owns a
  part; of something the writer did ("i spent 200 on shoes"), a verdict ("that was kinda irresponsible") is judging,
  while the same words about someone else's act ("my boss yelled at me" -> "that was so rude") take their side.

Both layers share one reading of context: what sits in a frame that reports the partner's own words or thoughts
("you said you need to ...", "it sounds like you have to ..."), in quotes, or echoes the partner's message is theirs,
not the listener's advice; a modal in a relative clause ("everything you need to pay for") or a condition ("if you
need to") instructs nobody; inside a question only a question that is itself the advice ("Have you tried ...?")
counts. Rewrites come from listen() on the partner's message (or, without one, on an empty analysis), and no
rewrite is offered twice in one review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Doc

from ._analysis import AnalyzedDoc, Analyzer
from ._learned import REVIEW_CLASSES, ReviewNet, features
from ._loading import RuleSet
from ._matching import Hits, MatchedTable, RuleMatcher, sentence_of, sentence_spans
from ._pipeline import DocMaker
from ._results import Analysis, Balance, EmotionMention, Flag, Listening, Missed, Review, Strength

if TYPE_CHECKING:
    from ._suggest import Suggester

__all__ = ["Reviewer"]

_REVIEW_TABLES: tuple[MatchedTable, ...] = ("review_flags", "review_strengths")
_SAFETY_STRENGTHS = {"safety_check", "presence"}
_LAUGH = re.compile(r"(?:lo+l+|lmf?a+o+|(?:ha){2,}h?|(?:he){2,}h?|rofl+)")  # "lmaooo", "hahahah", "lool"
_DRAWN_OUT = re.compile(r"bu{2,}t+|but{2,}")  # a contrast word drawn out in chat
_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})
_PUNCT_BREAKS = frozenset({",", ";", ":", "-", "--", "\u2014", "\u2013", "(", ")", "...", "\u2026"})
_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
            "nine": "9", "ten": "10", "twelve": "12", "twenty": "20"}  # fmt: skip
_CHECKIN_WHY = (
    "Checking on them is caring; on its own, \"are you ok?\" is easy to answer \"fine\". Saying what you heard, "
    "or asking how they are holding up, leaves room for more."
)
_OFFER_WHY = (
    "Offering to listen is kind; as a yes-or-no question it can still feel like a door to say no to. "
    "Saying you are there, with no question to answer, leaves it open."
)

# The learned review reads sentences no longer than those it learned from: 98.6% of the 5,268 sentences of its
# training drafts have at most this many words. A long spoken turn adds up weak terms into a false lead.
_NET_MAX_WORDS = 16

# A partner's message warmer than this, or carrying a celebration cue, is good news: praise and stressed capitals
# said to it are not read as sarcasm or contempt.
_GOOD_NEWS_VALENCE = 0.2


def _good_news(message: Analysis | None) -> bool:
    """Whether the partner's message is good news (a celebration cue, or warmer than ``_GOOD_NEWS_VALENCE``)."""
    return message is not None and (message.valence > _GOOD_NEWS_VALENCE or message.has_cue("celebration"))


class Span(NamedTuple):
    """A flag found over tokens ``start:end``: its kind and the rule that found it."""

    start: int
    end: int
    kind: str
    rule: str


@dataclass(slots=True)
class _Sentence:
    """One sentence of the draft, with what review reads from its tokens."""

    start: int
    end: int
    words: list[int]  # alphanumeric tokens
    question: bool = False
    indirect: str = ""  # "closed" / "open" for "I wonder if ..." / "I'm wondering what ..." without a "?"
    frames: list[tuple[int, int]] = field(default_factory=list)  # reported words or thoughts of the partner
    speech: list[tuple[int, int]] = field(default_factory=list)  # frames of what was said or felt (all kinds)
    soft: list[tuple[int, int]] = field(default_factory=list)  # "it sounds like ..." (a need said back)
    heads: list[int] = field(default_factory=list)  # first content word of each clause
    command_heads: list[int] = field(default_factory=list)  # clause heads where a command can stand
    backchannel: bool = False


@dataclass(slots=True)
class _Question:
    kind: str  # "why", "closed", "open", "offer", "permission", "encourager"
    start: int
    end: int
    rule: str


class Reviewer:
    """Reviews drafts. It is given what it needs, and nothing of the Listener that built it.

    ``rules``: the loaded tables (the review tables among them); ``docs``: the doc maker the messages are read
    with, so a draft is tokenized and split like a message; ``analyzer``: reads the draft's own feelings;
    ``suggester``: the replies a rewrite is taken from.
    """

    def __init__(self, rules: RuleSet, docs: DocMaker, analyzer: Analyzer, suggester: Suggester) -> None:
        """Builds the review matcher and its ``unless`` checks from ``rules``; ``docs``, ``analyzer`` and
        ``suggester`` are the ones the Listener uses, so a draft is read the same way a message is.
        """
        self._rules = rules
        self._docs = docs
        self._analyzer = analyzer
        self._suggester = suggester
        self._matcher = RuleMatcher(docs.nlp, rules, _REVIEW_TABLES, rules.origins)
        self._kinds = {k.kind: k for k in rules.rows("review_kinds")}
        self._roadblocks = frozenset(k for k, row in self._kinds.items() if row.roadblock)  # kinds.jsonl's column
        # Feelings close to each other (a "proud" draft to a joyful message names it): the families that share a
        # ``groups`` entry in families.jsonl.
        by_group: dict[str, set[str]] = {}
        for f in rules.rows("families"):
            for group in f.groups:
                by_group.setdefault(group, set()).add(f.id)
        self._close: dict[str, frozenset[str]] = {
            f.id: frozenset({f.id}.union(*(by_group[g] for g in f.groups))) for f in rules.rows("families")
        }
        self._unless = self._matcher.unless_checker("review_flags", rules, rules.origins)
        self._net = ReviewNet(
            rules.columns("review_terms", ("term", *REVIEW_CLASSES))
        )  # a roadblock no rule read, from the words of a sentence (benchmarks/train_review_net.py)
        wc = rules.word_class
        # Closed classes of words described in rules/wordclasses_review.jsonl.
        self._persons = wc("person_pronouns")
        self._subject_pronouns = wc("subject_pronouns")
        self._you = wc("you_words")
        self._recognition_words = wc("recognition_words")
        self._saying_habits = wc("saying_habits")
        self._strong_modals = wc("strong_modals")
        self._to_modals = wc("to_modals")
        self._option_modals = wc("option_modals")
        self._want_after_modals = wc("want_after_modals")
        self._future = wc("future_marks")
        self._non_actions = wc("non_actions")
        self._participles = wc("participles")
        self._not_gerunds = wc("not_gerunds")
        self._story_exceptions = wc("story_exceptions")
        self._offer_heads = wc("offer_heads")
        self._question_words = wc("question_words")
        self._aux = wc("aux_openers")
        self._lead_ins = wc("lead_ins") - {"sorry"}  # an apology, in a review, is never a lead-in (issue 11 added it)
        self._contrast = wc("contrast_words")
        self._clause_subjects = wc("clause_subjects")
        self._backchannels = wc("backchannels")
        self._summary_words = wc("summary_words")
        self._report_verbs = wc("report_verbs")
        self._speech_verbs = wc("speech_verbs")
        self._ack_verbs = wc("acknowledge_verbs")
        self._report_subjects = wc("report_subjects")
        self._reflective_verbs = wc("reflective_verbs")
        self._breaks = wc("clause_breaks")
        self._subordinators = wc("subordinators")
        self._openers = wc("clause_openers")
        self._complement_takers = wc("complement_takers")
        self._adverbs = wc("modal_adverbs")
        self._advice_verbs = wc("advice_verbs")
        self._kind_words = wc("command_kind_words")
        self._values = wc("advice_values")
        self._habit_verbs = wc("habit_verbs")
        self._thing_subjects = wc("thing_subjects")
        self._be_words = wc("advice_be_words")
        self._benefits = wc("benefit_words")
        self._opinions = wc("opinion_words")
        self._narrow_how = wc("narrow_how")
        self._narrow_nouns = wc("narrow_nouns")
        self._invite_verbs = wc("invite_verbs")
        self._open_inside = wc("open_inside")
        self._offer_words = wc("offer_verbs")
        self._sarcasm_openers = wc("sarcasm_openers")
        self._function_words = wc("function_words")
        self._emotion_behaviours = wc("emotion_behaviours")
        self._listening_words = wc("listening_words")
        self._chat_marks = wc("chat_marks")
        self._laughter = wc("laughter")
        self._knowing_words = wc("knowing_words")
        self._checkin_words = wc("checkin_words")
        self._brush_off_words = wc("brush_off_words")
        self._brush_off_marks = wc("brush_off_marks")
        self._undo_openers = wc("undo_openers")
        self._me_too_exceptions = wc("me_too_exceptions")
        self._account_verbs = wc("account_verbs")
        self._counter_verbs = wc("counter_verbs")
        self._ownership_words = wc("ownership_words")
        self._fault_words = wc("fault_words")
        self._act_verbs = wc("writer_act_verbs")
        self._state_verbs = wc("writer_state_verbs")
        self._neutral_after_you = wc("neutral_after_you")
        self._slights = wc("slight_feelings")
        self._slight_acts = wc("slight_acts")
        self._remorse = wc("remorse_words")
        self._impact_verbs = wc("impact_verbs")
        self._sneers = wc("sneer_words")
        self._trailing = wc("trailing_words")
        self._absolute_adverbs = wc("absolute_adverbs")
        self._universals = wc("universal_words")
        self._ordeal_marks = wc("ordeal_marks")
        self._blame_outcomes = wc("blame_outcomes")
        self._remedy_verbs = wc("remedy_verbs")
        self._third_objects = wc("third_objects")
        self._remedy_fillers = wc("remedy_fillers")
        self._remedy_subjects = wc("remedy_subjects")
        self._remedy_cancels = wc("remedy_cancels")
        self._every_nouns = wc("every_nouns")
        self._warm_absolute = wc("warm_absolute_words")
        self._praise = wc("praise_words")
        self._comparatives = wc("one_up_words")
        self._small_numbers = wc("small_numbers")
        self._own_plans = wc("own_plan_words")
        self._labels = wc("bare_labels")
        self._intense = wc("intense_words")
        self._offer_acts = wc("offer_acts")
        self._talk_times = wc("talk_times")
        self._lapse_verbs = wc("lapse_verbs")
        self._errands = wc("errand_words")
        self._endearments = frozenset(w for w in wc("endearments") if " " not in w)
        self._house_objects = wc("house_objects") | self._errands
        self._slight_impacts = wc("slight_impacts")
        self._time_leads = wc("command_time_leads")
        self._valued_words = wc("valued_words")
        # Sentence shapes read by the methods below (rules/wordclasses_review.jsonl, "read by review() methods").
        self._never_verbs = wc("never_verbs")
        self._wh_words = wc("wh_words")
        self._report_aux_words = wc("report_aux_words")
        self._condition_openers = wc("condition_openers")
        self._hear_more_words = wc("hear_more_words")
        self._wish_verbs = wc("wish_verbs")
        self._why_question_followers = wc("why_question_followers")
        self._why_interjection_words = wc("why_interjection_words")
        self._admiration_words = wc("admiration_words")
        self._advice_verbs_not_options = wc("advice_verbs_not_options")
        self._get_through_words = wc("get_through_words")
        self._quantifier_subjects = wc("quantifier_subjects")
        self._see_someone_words = wc("see_someone_words")
        self._obligation_words = wc("obligation_words")
        self._benefit_modals = wc("benefit_modals")
        self._fix_verbs = wc("fix_verbs")
        self._benefit_heads = wc("benefit_heads")
        self._ongoing_states = wc("ongoing_states")
        self._asked_states = wc("asked_states")
        self._advice_asked_nouns = wc("advice_asked_nouns")
        self._meet_verbs = wc("meet_verbs")
        self._help_verbs = wc("help_verbs")
        self._warm_caps_words = wc("warm_caps_words")
        self._comfort_words = wc("comfort_words")
        self._every_fillers = wc("every_fillers")
        self._often_words = wc("often_words")
        self._possibility_words = wc("possibility_words")
        self._common_feeling_marks = wc("common_feeling_marks")
        self._every_bit_nouns = wc("every_bit_nouns")
        self._outcome_verbs = wc("outcome_verbs")
        self._claim_verbs = wc("claim_verbs")
        self._accuse_verbs = wc("accuse_verbs")
        self._tag_words = wc("tag_words")
        self._defensive_marks = wc("defensive_marks")
        self._promise_words = wc("promise_words")
        self._agreement_openers = wc("agreement_openers")
        self._agreement_hedges = wc("agreement_hedges")
        self._aside_marks = wc("aside_marks")
        self._verdict_hedges = wc("verdict_hedges")
        self._verdict_lead_ins = wc("verdict_lead_ins")
        self._not_verdict_words = wc("not_verdict_words")
        self._choice_nouns = wc("choice_nouns")
        self._about_them_words = wc("about_them_words")
        self._care_words = wc("care_words")
        self._their_feeling_words = wc("their_feeling_words")
        self._feeling_fillers = wc("feeling_fillers")
        self._shared_words = wc("shared_words")
        self._past_time_words = wc("past_time_words")
        self._listening_offer_words = wc("listening_offer_words")
        self._warm_verbs = wc("warm_verbs")
        self._reflection_fillers = wc("reflection_fillers")
        self._writer_words = wc("writer_words")
        self._imperative_question_words = wc("imperative_question_words")
        self._anyway_turns = wc("anyway_turns")
        self._habit_end_verbs = wc("habit_end_verbs")
        self._reflection_tags = wc("reflection_tags")
        self._checkin_fillers = wc("checkin_fillers")
        self._checkin_ok_words = wc("checkin_ok_words")
        self._open_what_nouns = wc("open_what_nouns")
        self._interjections = wc("interjections")
        self._sighs = wc("sighs")
        self._not_commands = wc("not_commands")
        self._warm_before_anyway = wc("warm_before_anyway")
        self._quick_praise_words = wc("quick_praise_words")
        self._as_usual_words = wc("as_usual_words")
        self._answers_itself_fillers = wc("answers_itself_fillers")
        self._label_fillers = wc("label_fillers")
        self._crying_emoji = wc("crying_emoji")
        self._habit_fillers = wc("habit_fillers")
        self._sweep_hedges = wc("sweep_hedges")
        self._not_verbs = (
            self._subject_pronouns | self._aux | self._question_words | self._lead_ins | self._backchannels
            | wc("clause_subjects") | self._never_verbs
        )  # fmt: skip
        self._wh = self._question_words - self._imperative_question_words
        # A sentence that takes in what they said: a reaction to it ("that's so unfair", "a lot", "sorry", "😭"), as
        # token runs (norms: "not okay" is ("not", "okay")).
        self._felt_reactions = frozenset(
            tuple(w.split()) for w in wc("ack_adjs") | wc("comfort_words") | wc("crying_emoji") | wc("good_acks")
        )
        self._calming_commands = wc("calming_commands")
        self._burden_verbs = wc("burden_verbs")
        self._turn_phrases = tuple(tuple(p.split()) for p in sorted(wc("turn_phrases")))
        self._calming_particles = wc("calming_particles")
        self._rash_words = frozenset(tuple(w.split()) for w in wc("rash_words"))
        self._verdict_copulas = wc("verdict_copulas")
        self._pity_objects = wc("pity_objects")
        self._praise_fillers = wc("praise_fillers")
        self._support_after_but = tuple(tuple(w.split()) for w in sorted(wc("support_after_but")))
        self._plain_closed = frozenset(
            {"structure.closed_question", "structure.closed_question.narrow", "structure.closed_question.scale"}
        )
        self._q_leads = self._lead_ins | (wc("question_lead_chatter") - self._question_words)
        self._commands = wc("roadblock_commands") | self._advice_verbs
        self._people = wc("person") | wc("family_member") | wc("sibling") | wc("work_person") | wc("kid")
        self._joint_invite_verbs = wc("joint_invite_verbs")
        self._let_objects = wc("let_objects")
        self._topic_shift_marks = wc("topic_shift_marks")
        self._rest_commands = wc("rest_commands")
        self._trust_breaches = wc("trust_breaches")
        self._bright_side_verdicts = wc("bright_side_verdicts")
        self._recovery_verbs = wc("recovery_verbs")
        self._short_times = wc("short_times")
        self._own_state_words = frozenset({"be", "never", "probably", "not", "always", "just", "still"})
        self._lived_words = wc("lived_words")
        self._lived_before_me = wc("lived_before_me")
        self._tentative_verbs = frozenset({"wonder", "wondering", "notice", "noticing", "hear", "hearing", "sense",
                                           "sensing", "guess", "imagine", "imagining", "gather"})
        self._departures = frozenset(tuple(w.split()) for w in wc("departures"))

    # --- public --------------------------------------------------------------------------------------------
    def review(self, draft: str, message: tuple[Analysis, AnalyzedDoc | None] | None) -> Review:
        """Review one checked draft: flags (each with why and a better phrasing), strengths and balance; with
        ``message`` (the partner's message as analysed), what the draft missed of it too.

        The draft is read like a message: same doc maker, same sentence rule, same analysis.
        """
        msg_analysis = message[0] if message else None
        listening = self._suggester.suggest(*message) if message else self._generic()
        if not draft.strip():
            missed = self._missed(msg_analysis, listening, [], [], [], set()) if msg_analysis else []
            return Review(draft=draft, missed=tuple(missed), message=msg_analysis)
        doc = self._docs(draft)
        draft_analysis, draft_analyzed = self._analyzer.analyze(doc, draft)
        matched = self._matcher(doc)
        norms, sentence_ids, hits = matched.norms, matched.sentence_ids, matched.hits
        if any(_DRAWN_OUT.fullmatch(n) for n in norms):  # "buuut", "butttt": a "but" drawn out is still a "but"
            norms = tuple("but" if _DRAWN_OUT.fullmatch(n) else n for n in norms)
        spans = [part for s, e in sentence_spans(norms, sentence_ids) for part in self._split(doc, norms, s, e)]
        sentences = [self._read_sentence(doc, norms, s, e) for s, e in spans]
        msg_words = self._message_words(message[1] if message else None)

        questions = {id(sn): self._question(doc, norms, sn) for sn in sentences}
        for sn in sentences:
            q = questions[id(sn)]
            if q is not None and q.rule == "structure.closed_question" and (
                self._echo_question(norms, sn, msg_words) or self._tagged_reflection(norms, sn)
            ):
                questions[id(sn)] = _Question("echo", q.start, q.end, "structure.echo")  # "in front of everyone?"
        strengths = self._strengths(doc, hits, norms, sentences, questions, draft_analysis)
        flags: list[Span] = []
        flags += self._phrase_flags(hits, norms, sentence_ids, sentences, msg_words)
        if msg_analysis is None or _good_news(msg_analysis):  # "you deserved it" cheers good news, blames bad
            flags = [f for f in flags if ".on_bad_news." not in f[3]]
        flags = [f for f in flags if not (f[2] == "judging" and self._feeling_about(doc, norms, f, draft_analysis))]
        flags = [f for f in flags if not (f[2] == "absolute" and self._praise_of(norms, sentences, f[0]))]
        if self._commiserates(norms):
            flags = [f for f in flags if not f[3].endswith("poor_you")]  # "oh nooo 😭 poor bag. poor you."
        flags += self._validation_undone(doc, norms, sentence_ids, strengths, flags, draft_analysis)
        flags += self._question_flags(sentences, questions)
        flags += self._lone_checkin(norms, sentences, questions, strengths, msg_analysis)
        listened = {"reflection", "validation", "named_feeling", "summary"}
        heard = [st.start for st in strengths if st.kind in listened]  # what was heard, or a feeling named
        heard += [m.start for m in draft_analysis.emotions if m.source == "lexicon" and not m.negated]
        flags = [
            f for f in flags
            if not (f[3] == "structure.closed_question.offer" and any(h < doc[f[0]].idx for h in heard))
        ]  # "that's heartbreaking, she was your shadow. want to talk about her?": the offer follows what was heard
        # ("im so sorry. want to tell me about him?" keeps its note: sorrow alone, like presence, names nothing heard)
        after_offer = [st.start for st in strengths if st.kind == "presence"]
        flags = [
            f for f in flags
            if not (f[3] == "structure.closed_question.offer" and any(a >= doc[f[1] - 1].idx for a in after_offer))
        ]  # "want to talk about it? no pressure, i'm around either way": presence after the offer leaves the door
        # open, as the note asks ("I'm here for you, do you want to talk about it?" keeps it)
        scope = self._message_scope(message[0], message[1].norms) if message is not None and message[1] else ""
        # a plan proposed together ("let's make a budget") is a fix only as the answer to a trouble of theirs: not to
        # good news, not to a complaint about the listener (a repair), not without a message
        plans = msg_analysis is not None and not _good_news(msg_analysis) and scope != "complaint"
        flags += self._advice_flags(doc, norms, sentences, flags, strengths, msg_words, plans)
        flags += self._caps_flags(doc, norms, sentences, flags, strengths, msg_analysis)
        flags += self._chat_flags(norms, sentences, flags, msg_analysis)
        curt = draft.strip().endswith(".") and not flags  # "K.": the whole reply, a shrug ("k" to an errand is a yes)
        if curt and all(t.is_punct or t.is_space or t.lower_.rstrip(".") in {"k", "kk"} for t in doc):
            flags.append(Span(0, len(doc), "dismissive", "structure.curt_k"))
        flags += self._mock_praise(norms, sentences, flags, strengths, msg_analysis, scope)
        flags += self._generalizations(
            doc, norms, sentences, flags, strengths, message[1].norms if message is not None and message[1] else ()
        )
        flags += self._mockery(norms, sentences, flags)
        flags += self._blame_flags(doc, norms, sentences, flags, draft_analysis)
        flags += self._of_course_you(doc, norms, sentences, flags, msg_analysis)
        if message is not None and message[1] is not None:
            if scope == "other_act":  # "my boss yelled at me" -> "that was so rude": their side, not a verdict on them
                flags = [f for f in flags if not f[3].startswith("judging.that.")]
            if scope != "own_act":  # "a jerk move" judges the partner only when the message tells what they did
                flags = [f for f in flags if not f[3].startswith("judging.that.move.")]
            flags += self._scoped_flags(doc, norms, sentences, strengths, flags, scope, draft_analysis)
            if scope != "other_act":
                flags += self._bare_labels(norms, sentences, flags)
        retorts = [f for f in flags if f[3] in {"structure.so_do_you", "structure.answers_back"}]
        flags = [
            f for f in flags if not (f[2] == "closed_question" and any(r[0] < f[1] and f[0] < r[1] for r in retorts))
        ]  # "so do you lol", "i did it last sunday, remember?": a retort, not a question to answer
        if msg_analysis is not None:
            flags += self._change_of_subject(norms, sentences, strengths, msg_analysis, msg_words, draft_analysis)
            flags += self._moving_on(
                doc, norms, sentences, strengths, questions, msg_analysis, msg_words, flags, draft_analysis
            )
            flags += self._turns_away(doc, norms, sentences, strengths, questions, msg_analysis, msg_words, flags)
            flags += self._departs(norms, sentences, strengths, msg_analysis, message[1] if message else None, flags)
        yielding = {
            "structure.imperative", "structure.imperative.asked", "structure.change_of_subject",
            "structure.ack_then_move_on",
        }  # fmt: skip
        mine = self._my_feeling(
            doc, norms, sentences, strengths, [f for f in flags if f[3] not in yielding], draft_analysis
        )
        flags = [f for f in flags if not (f[3] in yielding and any(f[0] < m[1] and m[0] < f[1] for m in mine))]
        flags += mine
        # "an hour? try two": a day that tops theirs, not a suggestion
        flags += self._my_story(doc, norms, sentences, strengths, flags)
        if msg_analysis is not None and not _good_news(msg_analysis):
            flags += self._mine_too(doc, norms, sentences, strengths, flags)
        if msg_analysis is not None and scope != "complaint":
            flags += self._about_me(norms, sentences, strengths, flags, msg_analysis, msg_words)
        flags = self._drop_feeling_buts(flags, norms, draft_analyzed)
        flags += self._laughs_at_pain(
            norms, sentences, flags, strengths, msg_analysis, message[1].norms if message and message[1] else ()
        )
        advice = [f for f in flags if f[2] == "advice"]
        asked = advice  # a suggestion put as a question ("have you tried ...?", "is there any way you could ...?")
        flags = [
            f
            for f in flags
            if not (f[3].endswith(".indirect") and any(a[0] < f[1] and f[0] < a[1] for a in advice))
            and not (f[2] == "closed_question" and any(a[0] < f[1] and f[0] < a[1] for a in asked))
            and not (f[3] == "structure.change_of_subject" and any(a[0] < f[1] and f[0] < a[1] for a in advice))
        ]  # "I wonder if it would help to ...", "maybe go for a walk?": a suggestion, not a question to answer
        # ("how about meditating before bed?": advice about their matter, not a change of subject)
        agreeing = {"self_focus.me_too", "self_focus.me_neither", "structure.same", "structure.me_too"}
        if any(st.kind == "open_question" for st in strengths) or self._then_theirs(norms, sentences, flags, agreeing):
            flags = [f for f in flags if not (f[2] == "self_focus" and f[3] in agreeing)]
            # "me too honestly. what are you going to miss most?", "me neither. that was so out of line": shared,
            # then handed back to them
        flags += self._composed_flags(
            doc, norms, sentences, flags, strengths, msg_analysis, message[1].norms if message and message[1] else ()
        )
        if msg_analysis is not None:
            flags += self._bright_side(norms, sentences, flags, strengths, msg_analysis)
        flags = self._heard_first(doc, norms, sentences, flags, strengths, draft_analysis)
        flags += self._learned_flags(doc, norms, sentences, flags, strengths, questions, msg_analysis, scope)
        kept = self._dedupe(flags)

        used: set[str] = set()
        out_flags = tuple(self._flag(doc, s, e, kind, rule, listening, norms, used) for s, e, kind, rule in kept)
        missed = (
            self._missed(msg_analysis, listening, out_flags, strengths, draft_analysis.emotions, used)
            if msg_analysis
            else []
        )
        balance = self._balance(doc, norms, sentences, questions, out_flags, strengths)
        return Review(
            draft=draft, flags=out_flags, strengths=tuple(strengths), missed=tuple(missed), message=msg_analysis,
            balance=balance,
        )  # fmt: skip

    # --- reading sentences ---------------------------------------------------------------------------------
    def _split(self, doc: Doc, norms: Sequence[str], s: int, e: int) -> list[tuple[int, int]]:
        """Chat ends sentences with emoji or line breaks too: "So excited for you 💙 How are you feeling?"."""
        cuts = [s]
        for i in range(s + 1, e):
            prev = doc[i - 1]
            symbol = not prev.is_space and not prev.text[:1].isalnum() and norms[i - 1] not in _PUNCT_BREAKS | _QUOTES
            symbol = symbol and prev.text not in {"'", "\u2019"} and not prev.is_punct
            nxt = norms[i + 1] if i + 1 < e else ""
            emoji = symbol and not prev.text.isascii()
            asks = (symbol and norms[i] in self._wh_words) or (  # "too 🥰 what made it"
                emoji
                and (
                    (norms[i] in self._aux and nxt in self._subject_pronouns)  # "poor thing 😔 have you tried ..."
                    or norms[i] == "maybe"  # "i hear you 💛 maybe join that gym?"
                    or (norms[i] == "next" and nxt == "time")  # "that sounds terrifying 😟 next time try ..."
                    or (norms[i] in self._advice_verbs and nxt[:1].isalnum() and nxt not in self._you)
                )  # "i'm sorry 😔 do the breathing thing", "oh no 😕 ice it tonight"
            )
            if asks or ((symbol or "\n" in prev.text) and doc[i].text[:1].isupper() and doc[i].text != "I"):
                cuts.append(i)
        cuts.append(e)
        return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if any(norms[j].strip() for j in range(a, b))]

    def _read_sentence(self, doc: Doc, norms: Sequence[str], s: int, e: int) -> _Sentence:
        """One draft sentence read for its shape: its words, whether it is a question (with or without "?"), a
        backchannel, reported words and clause heads."""
        words = [i for i in range(s, e) if norms[i][:1].isalnum()]
        last = next((i for i in range(e - 1, s - 1, -1) if not doc[i].is_space), s)
        sn = _Sentence(s, e, words, question=doc[last].text.endswith("?"))
        sn.backchannel = bool(words) and all(norms[i] in self._backchannels for i in words)
        self._read_frames(norms, sn)
        self._read_clauses(norms, sn)
        if not sn.question:
            sn.indirect = self._indirect_question(norms, sn)
            if not sn.indirect and doc[last].text[-1:] not in ".!" and self._starts_like_question(norms, sn):
                sn.question = True  # chat without a question mark: "did you eat", "how are you feeling"
            elif not sn.indirect and doc[last].text[-1:] != "!" and self._why_head(norms, sn) is not None:
                sn.question = True  # "why'd you agree then", "ok but why didnt you say something."
        return sn

    def _prev_word(self, norms: Sequence[str], sn: _Sentence, i: int, skip: frozenset[str]) -> int | None:
        """The nearest word before token i in its sentence, skipping words in ``skip``; None at a clause break."""
        j = i - 1
        while j >= sn.start:
            n = norms[j]
            if n in _PUNCT_BREAKS or n in _QUOTES:
                return None
            if n[:1].isalnum() and n not in skip:
                return j
            j -= 1
        return None

    def _read_frames(self, norms: Sequence[str], sn: _Sentence) -> None:
        """Spans that report the partner's (or someone else's) words, thoughts or feelings, and quotes."""
        aux_like = self._adverbs | self._report_aux_words
        end = sn.end
        stops = [i for i in range(sn.start, sn.end) if norms[i] in self._breaks or norms[i] in _PUNCT_BREAKS]

        def until(i: int) -> int:
            """A frame runs to the end of its clause: "you said you need to rest, so call her" frames the rest."""
            return next((c for c in stops if c > i), end)

        for i in sn.words:
            n = norms[i]
            j = self._prev_word(norms, sn, i, aux_like)
            subj = norms[j] if j is not None else ""
            partner = (
                subj in self._report_subjects
                or subj in self._people
                or (j is not None and j > sn.start and norms[j - 1] in {"your", "my", "the", "his", "her", "their"})
            )
            if n in self._report_verbs and partner:
                sn.frames.append((i + 1, until(i)))
                if n in self._speech_verbs:
                    sn.speech.append((i + 1, until(i)))
            elif (
                n in self._ack_verbs
                and subj == "i"
                and any(norms[x] in self._you | {"your"} for x in range(i + 1, min(sn.end, i + 4)))
            ):
                sn.frames.append((i + 1, until(i)))  # "I know you need to", not "I know what's worked for others"
            elif n == "saying" and subj in self._you:
                sn.frames.append((i + 1, until(i)))
                sn.speech.append((i + 1, until(i)))
            elif n in self._reflective_verbs and i + 1 < end and norms[i + 1] in {"like", "as", "that"}:
                sn.soft.append((i + 1, min(i + 4, end)))  # "it sounds like you need to": only its own subject
            elif n == "words" and subj in {"your", "own"}:
                sn.speech.append((i + 1, until(i)))
                sn.frames.append((i + 1, until(i)))
        opened: int | None = None
        for i in range(sn.start, sn.end):
            if norms[i] in _QUOTES:
                if opened is None:
                    opened = i
                else:
                    sn.frames.append((opened, i))
                    sn.speech.append((opened, i))
                    opened = None
        if opened is not None:  # a quote that runs past the end of the sentence ("..., "Why not?")
            sn.frames.append((opened, sn.end))
            sn.speech.append((opened, sn.end))

    def _read_clauses(self, norms: Sequence[str], sn: _Sentence) -> None:
        """The head (first content word) of each clause, and which heads may hold a command."""
        skip = self._lead_ins | self._adverbs | {"please", "instead", "next", "time", "now", "also"} | self._time_leads
        clause_start = sn.start
        prev_kind = ""  # "sub" (if/when ... clause), "cmd" (a command), "lead" (discourse only), "other"
        i = sn.start
        bounds: list[tuple[int, int]] = []
        while i < sn.end:
            n = norms[i]
            if n in _PUNCT_BREAKS or (n in self._breaks and i > clause_start):
                if i > clause_start:
                    bounds.append((clause_start, i))
                clause_start = i + 1 if n in _PUNCT_BREAKS else i
            i += 1
        if clause_start < sn.end:
            bounds.append((clause_start, sn.end))
        continuation = norms[sn.start] in {"-", "--", "\u2014", "\u2013", "..."}  # "-and get you into trouble."
        seen_content = False
        listing = False
        for a, b in bounds:
            words = [j for j in range(a, b) if norms[j][:1].isalnum()]
            content = [j for j in words if norms[j] not in skip and norms[j] not in self._breaks]
            if not content:
                if words and not seen_content:
                    prev_kind = "lead"  # "Okay, ...", "Honestly, ..." before anything else is said
                continue
            if a > sn.start and norms[a - 1] == ":" and prev_kind == "other":
                listing = True  # "you've got options: label everything, get a mini fridge, ...": what to do, listed
            if listing:
                prev_kind = "lead"
            head = self._after_opinion(norms, content)
            sn.heads.append(head)
            first = norms[words[0]] if words else ""
            if first == "next" and norms[head] in self._advice_verbs and not seen_content:
                sn.command_heads.append(head)  # "next time tell him ...", "next time write notes": a command
                prev_kind, seen_content = "cmd", True
                continue
            if first == "please" and norms[head] in self._advice_verbs:
                sn.command_heads.append(head)  # "ice then heat, and please stretch before bed": a command
                prev_kind, seen_content = "cmd", True
                continue
            if first in self._condition_openers:
                prev_kind = "sub"
                seen_content = True
                continue
            if (not seen_content and not continuation) or prev_kind in {"sub", "cmd", "lead"}:
                sn.command_heads.append(head)
                nxt = norms[head + 1] if head + 1 < sn.end else ""
                verb_first = norms[head] not in self._not_verbs and nxt not in self._aux | {"'s"}
                # "happy to stay up and talk it through"
                verb_first = verb_first and norms[head] not in self._offer_heads
                prev_kind = "cmd" if verb_first and (norms[head] in self._advice_verbs or not seen_content) else "other"
            else:
                prev_kind = "other"
            seen_content = True

    def _after_opinion(self, norms: Sequence[str], content: list[int]) -> int:
        """ "I think just tell your friends", "I'd say call her": the command after an opinion opener."""
        if len(content) >= 3 and norms[content[0]] == "i" and norms[content[1]] in self._opinions | {"'d", "say"}:
            k = 2 if norms[content[1]] != "'d" else 3
            if k < len(content) and norms[content[k]] == "that":
                k += 1
            if k < len(content) and norms[content[k]] in self._advice_verbs:
                return content[k]
        return content[0]

    def _indirect_question(self, norms: Sequence[str], sn: _Sentence) -> str:
        """ "I wonder if you ..." is a closed question and "I'm wondering what ..." an open one, without a "?"."""
        for i in sn.words:
            if norms[i] in {"wonder", "wondering", "curious"} and i + 1 < sn.end:
                j = self._prev_word(norms, sn, i, frozenset({"am", "was", "'m", "just", "really", "kind", "of"}))
                if j is None or norms[j] not in {"i", "we"}:
                    continue
                nxt = norms[i + 1]
                if nxt in {"if", "whether"}:
                    return "closed"
                if nxt in self._question_words or nxt in {"about", "what", "how"}:
                    return "open"
            if norms[i] in {"hear", "know", "understand"} and i + 1 < sn.end and norms[i + 1] in self._hear_more_words:
                back = [norms[x] for x in range(max(sn.start, i - 5), i)]
                if back[-1:] == ["to"] and "i" in back and not set(back) & self._you and set(back) & self._wish_verbs:
                    return "open"  # "I'd really like to hear how it felt for you": an invitation without a "?"
        return ""

    def _starts_like_question(self, norms: Sequence[str], sn: _Sentence) -> bool:
        """A question word or an auxiliary, then an auxiliary or a subject: "did you tell him", "isnt that what
        you wanted", "wasnt she supposed to help", "how come you didnt call" (chat rarely types "?")."""
        content = [i for i in sn.words if norms[i] not in self._lead_ins | self._chat_marks]
        if len(content) < 2:
            return False
        a, b = norms[content[0]], norms[content[1]]
        c = norms[content[2]] if len(content) > 2 else ""
        subjects = self._subject_pronouns | {"your", "there", "he", "she", "they", "we"}
        if a in self._aux and b == "not" and c in subjects:
            return c not in {"i", "it"} and not (
                c in self._you and norms[content[3]] in {"worry", "dare"} if len(content) > 3 else False
            )  # "dont you worry": reassurance
        if a in self._aux and b in subjects:
            return True
        if a == "how" and b == "come":
            return True
        return a in self._wh_words and b in self._aux | {"'s"}

    def _why_head(self, norms: Sequence[str], sn: _Sentence) -> int | None:
        """A "why" that opens a clause and asks: "why'd you", "why didnt you", "why r u", "why not just"."""
        for h in sn.words:
            if norms[h] != "why" or self._inside(sn.frames, h):
                continue
            j = self._prev_word(norms, sn, h, self._lead_ins | self._chat_marks | {"i", "mean", "like", "then"})
            if j is not None and norms[j] not in self._breaks:
                continue  # "that's why you", "i know why": not a why question
            nxt = norms[h + 1] if h + 1 < sn.end else ""
            if nxt in self._aux | self._why_question_followers or nxt in self._persons:
                return h
            if nxt[:1].isalpha() and nxt not in self._why_interjection_words and (
                h + 2 < sn.end and norms[h + 2][:1].isalnum() or sn.question
            ):
                return h  # "why quit now", "why sign up if you're scared", "why bother?": a bare verb asks it too
        return None

    def _why_granted(self, norms: Sequence[str], h: int, end: int) -> bool:
        """ "why wouldn't you be upset?", "why wouldn't you feel that way": a why put to grant a feeling, a modal
        and "not" before "you" and "be" or "feel" (the answer it expects is "you would")."""
        seq = list(norms[h + 1 : min(end, h + 6)])
        return (
            len(seq) >= 4
            and seq[0] in {"would", "wouldn't", "could", "should"}
            and seq[1] == "not"
            and seq[2] in self._you
            and seq[3] in {"be", "feel"}
        )

    @staticmethod
    def _inside(spans: Iterable[tuple[int, int]], i: int) -> bool:
        return any(a <= i < b for a, b in spans)

    def _message_words(self, analyzed: AnalyzedDoc | None) -> frozenset[str]:
        if analyzed is None:
            return frozenset()
        return frozenset(_stem(n) for n in analyzed.norms if n[:1].isalnum() and n not in self._function_words)

    def _echoes(self, norms: Sequence[str], sn: _Sentence, start: int, msg_words: frozenset[str]) -> bool:
        """Whether the words from ``start`` to the end of its clause say back the partner's own words."""
        if not msg_words:
            return False
        content: list[str] = []
        for i in range(start, sn.end):
            n = norms[i]
            if n in _PUNCT_BREAKS and content:
                break
            if n[:1].isalnum() and n not in self._function_words and n not in self._adverbs:
                content.append(_stem(n))
        if not content:
            return False
        shared = sum(1 for w in content if w in msg_words)
        return shared >= max(1, -(-3 * len(content) // 5))  # at least 3 in 5 of its content words are theirs

    # --- flags ---------------------------------------------------------------------------------------------
    def _sentence_at(self, sentences: Sequence[_Sentence], i: int) -> _Sentence:
        return next((sn for sn in sentences if sn.start <= i < sn.end), sentences[-1])

    def _phrase_flags(
        self,
        hits: Hits,
        norms: Sequence[str],
        sentence_ids: Sequence[int],
        sentences: Sequence[_Sentence],
        msg_words: frozenset[str],
    ) -> list[Span]:
        """Flags from the review phrase rows (with their ``unless`` checks), each cut to its clause."""
        out: list[Span] = []
        for h in hits.get("review_flags", ()):
            unless = self._unless.get(h.rule.id)
            if unless and h.rule.id.startswith("judging.that.shape.deed."):
                # "that's reckless, i worry about you", "that's kind of petty, she worked hard for it": a verdict's
                # exceptions ("of her", "i worry", "sounds like") are read in its own clause, not the next one
                if self._matcher.cancelled(unless, self._clause_norms(norms, sentence_ids, h.start, h.end)):
                    continue
            elif unless and self._matcher.cancelled(unless, sentence_of(norms, sentence_ids, h.start)):
                continue
            kind = h.rule.kind
            sn = self._sentence_at(sentences, h.start)
            if kind == "but_undo":
                if ".grant." in h.rule.id and not self._granted_then_but(norms, h.end):
                    continue  # "yeah but ...", "true, but ...": the word grants only with the "but" right after it
                end = self._undo_end(norms, sentence_ids, h.end)
                if end is None:
                    continue
                out.append(Span(h.start, end, "but_undo", h.rule.id))
                continue
            if sn.backchannel and kind == "dismissive":
                continue  # "Mm-hmm.", "Yeah, yeah.": a minimal encourager, never a brush-off
            if kind == "advice":
                if not self._advice_counts(norms, sn, h.start, msg_words):
                    continue
            elif self._inside(sn.speech, h.start) and kind not in {"self_focus", "defensive"} and not (
                kind == "contempt" and any(norms[j] in {"someone", "somebody"} for j in range(sn.start, h.start))
            ):  # "someone's feeling sorry for themselves" mocks them; it reports nobody's words
                continue  # "you said 'you'll live'", "you feel like it's blown out of proportion": their words
            elif (
                kind in {"dismissive", "minimizing"}
                and norms[h.start] in self._commands
                and self._declared(norms, sn, h.start)
            ):
                continue  # "where you just let it go": what they did, not a command
            before = norms[h.start - 1] if h.start > sn.start else ""
            asked = before in self._aux or before in {"come", "why", "not"}  # "why do you always", "how come you never"
            subject = asked or self._opens_clause(norms, sn, h.start)
            you_rows = kind == "absolute" or h.rule.id.startswith("judging.r13.you")
            if you_rows and norms[h.start] in self._you and not subject:
                continue  # "those calls drain you every time", "they treat you like a child": not a verdict on them
            if kind == "dismissive" and h.rule.id.startswith("dismissive.topic.") and h.start not in sn.heads:
                continue  # a change of subject opens its sentence; "to me anyway" changes nothing
            out.append(Span(h.start, h.end, kind, h.rule.id))
        return out

    @staticmethod
    def _clause_norms(norms: Sequence[str], sentence_ids: Sequence[int], start: int, end: int) -> list[str]:
        """The norms of the clause around tokens ``start:end``: within its sentence, between punctuation breaks."""
        a = start
        while a > 0 and sentence_ids[a - 1] == sentence_ids[start] and norms[a - 1] not in _PUNCT_BREAKS:
            a -= 1
        b = end
        while b < len(norms) and sentence_ids[b] == sentence_ids[start] and norms[b] not in _PUNCT_BREAKS:
            b += 1
        return list(norms[a:b])

    @staticmethod
    def _feeling_about(doc: Doc, norms: Sequence[str], f: Span, draft: Analysis) -> bool:
        """ "You're hopeless about the whole thing": a feeling of theirs named with what it is about, not a label."""
        span = doc[f[0] : f[1]]
        nxt = norms[f[1]] if f[1] < len(norms) else ""
        named = any(
            m.source == "lexicon" and not m.negated and span.start_char <= m.start < span.end_char
            for m in draft.emotions
        )
        being = any(t.norm_ == "being" for t in span)  # "you're being paranoid about it" labels them
        return named and not being and nxt in {"about", "that", "because", "since"}

    def _praise_of(self, norms: Sequence[str], sentences: Sequence[_Sentence], at: int) -> bool:
        """ "thank you, you always notice the stuff i miss", "you never forget his": an "always" or "never" that
        thanks or praises them (a good habit, or a bad one they never have) is no verdict."""
        sn = self._sentence_at(sentences, at)
        names = [norms[i] for i in sn.words if norms[i] not in self._lead_ins]
        thanked = any(
            [norms[i] for i in s.words if norms[i] not in self._lead_ins][:1] in (["thank"], ["thanks"])
            for s in sentences
            if s.start <= sn.start
        )  # "thank you!! you always notice the stuff i miss" (not "you never say thank you")
        if thanked or any(w in self._admiration_words for w in names):
            return True
        if any(a == "been" and b.endswith("ing") for a, b in zip(names, names[1:], strict=False)) and any(
            w in self._you for w in names
        ):
            return True  # "you've been training every weekend for this": their effort, said back
        return any(
            a == "never" and (b in self._lapse_verbs or (b in {"let", "lets"} and "down" in names[k + 2 : k + 5]))
            for k, (a, b) in enumerate(zip(names, names[1:], strict=False))
        )  # "you never forget", "you never complain", "you never let me down" (not "you never let anything go")

    def _declared(self, norms: Sequence[str], sn: _Sentence, i: int) -> bool:
        """Whether a command-shaped word at token i has a subject ("you just let it go", "I cheer up")."""
        j = self._prev_word(norms, sn, i, self._adverbs)
        return not sn.question and j is not None and norms[j] in self._persons

    def _advice_counts(self, norms: Sequence[str], sn: _Sentence, start: int, msg_words: frozenset[str]) -> bool:
        """Whether advice found at token ``start`` is the listener's own advice to the partner."""
        if self._inside(sn.frames, start) or self._echoes(norms, sn, start, msg_words):
            return False
        if self._inside(sn.soft, start) and start + 1 < sn.end and norms[start + 1] in {"need", "have", "got"}:
            return False  # "it sounds like you need a break": their need, said back
        if sn.question:
            content = [i for i in sn.words if norms[i] not in self._lead_ins]
            suggesting = len(content) > 1 and norms[content[0]] in {"what", "how"} and norms[content[1]] == "about"
            if not content or not (start <= content[0] or suggesting or (start in sn.heads and start != content[0])):
                return False  # "What time would you have to go to bed?": a question about their plan
        if norms[start] in self._advice_verbs and start not in sn.command_heads and start not in sn.heads:
            return False  # "it's time to go to bed", "I'll call her": not a command
        # "everything you need a ...", "if you need a break": a description or a condition
        return not (norms[start] in self._you and not self._opens_clause(norms, sn, start))

    def _granted_then_but(self, norms: Sequence[str], end: int) -> bool:
        """ "yeah but you wanted it", "true, but ...": an agreement word with a contrast right after it (a comma may
        stand between), not "okay. but ..." (a marker of its own) or "a true family unit ... but"."""
        k = end + 1 if end < len(norms) and norms[end] == "," else end
        return k < len(norms) and norms[k] in self._contrast

    def _undo_end(self, norms: Sequence[str], sentence_ids: Sequence[int], start: int) -> int | None:
        """Where the "but" clause that undoes an acknowledgement ends (None when there is no "but")."""
        if start >= len(norms):
            return None  # the acknowledgement ends the draft ("yeah that makes sense")
        sid = sentence_ids[start]
        for i in range(start, len(norms)):
            if sentence_ids[i] > sid + 1:
                return None
            trailing = i + 1 >= len(norms) or sentence_ids[i + 1] != sentence_ids[i] or not norms[i + 1][:1].isalnum()
            if norms[i] == "though" and trailing:
                between = [norms[k] for k in range(start, i)]
                if "," in between[:2] and sum(w[:1].isalnum() for w in between) >= 3 and sentence_ids[i] == sid:
                    return i + 1  # "i get it, you are pretty new there though": the clause after it takes it back
                continue  # "..., though." at the end is an adverb, not a contrast
            opens = i == 0 or sentence_ids[i - 1] != sentence_ids[i]
            turn = opens and norms[i] in self._anyway_turns  # "I hear you. Still,"
            turn = turn or (opens and norms[i] == "then" and i + 1 < len(norms) and norms[i + 1] == "again")
            turn = turn or (opens and any(tuple(norms[i : i + len(p)]) == p for p in self._turn_phrases))
            # "I get it. That said, ...", "Even so, ...": a turn put in two or three words
            if (norms[i] in self._contrast and (sentence_ids[i] == sid or opens)) or turn:
                j = i
                while j < len(norms) and sentence_ids[j] == sentence_ids[i]:
                    j += 1
                return j
        return None

    def _validation_undone(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentence_ids: Sequence[int],
        strengths: Sequence[Strength],
        flags: Sequence[Span],
        draft: Analysis,
    ) -> list[Span]:
        """A validation read as a strength ("it's normal to be scared", "totally valid to feel that") that
        a "but" right after takes back: but_undo, like the acknowledgement rows ("I hear you, but ..."). The "but"
        clause is then read by ``_drop_feeling_buts`` like theirs (a feeling added or no new clause undoes nothing).

        A feeling granted in the opening clause of a sentence ("yeah it's irritating", "that's a normal fear",
        "that would annoy me too", "i love that you're thinking about it") is an acknowledgement too, undone by a
        "but" whose clause argues the other side ("but it's saturday night", "but flying is safer"): not one said to
        them ("but you handled it well", "but i'm here"), which keeps it with them."""
        if any(f[2] == "but_undo" for f in flags):
            return []
        acks = [(st.start, st.end, False) for st in strengths if st.kind == "validation"]
        # (a reflection with "but at the same time" is two-sided, as MI reflects ambivalence)
        acks += [(m.start, m.end, True) for m in draft.emotions if m.source == "lexicon" and not m.negated]
        out: list[Span] = []
        for ack_start, ack_end, granted in sorted(acks):
            start = next((t.i for t in doc if t.idx >= ack_start), None)
            end = next((t.i for t in doc if t.idx >= ack_end), len(doc))
            if granted and start is not None and not self._granted_first(norms, sentence_ids, start):
                continue
            if start is None or end >= len(norms):
                continue
            j = end  # to the end of its clause ("it's normal to be scared |. but"), then past the punctuation
            while j < len(norms) and sentence_ids[j] == sentence_ids[end - 1] and norms[j][:1].isalnum():
                if norms[j] in self._contrast or norms[j] in self._breaks:
                    break
                j += 1
            while j < len(norms) and not norms[j][:1].isalnum():
                j += 1
            if j >= len(norms) or sentence_ids[j] - sentence_ids[start] > 1:
                continue
            again = norms[j] == "then" and j + 1 < len(norms) and norms[j + 1] == "again"  # "Then again, ..."
            if not again and (norms[j] not in self._contrast or (norms[j] == "though" and not granted)):
                continue  # only a "but" / "however" / "then again" that comes right after it (a granted feeling's
                # "though" opening a clause that argues back undoes it too: "i'd be angry too, though she's twelve")
            stop = self._undo_end(norms, sentence_ids, end)
            if again:
                stop = next((k for k in range(j, len(norms)) if sentence_ids[k] != sentence_ids[j]), len(norms))
            if stop is not None and granted and not self._argues_back(doc, norms, j + 1, stop, strengths):
                continue
            if stop is not None:
                rule = "structure.feeling_undone" if granted else "structure.validation_undone"
                out.append(Span(start, stop, "but_undo", rule))
                break
        return out

    def _granted_first(self, norms: Sequence[str], sentence_ids: Sequence[int], i: int) -> bool:
        """Whether the feeling at token ``i`` sits in the opening clause of its sentence, with no "but", no "i"
        telling a story of the listener's own and at most six words before it ("yeah it's irritating", "ouch,
        that's a normal fear"; not "i was so annoyed when mine broke")."""
        k = i
        while k > 0 and sentence_ids[k - 1] == sentence_ids[i]:
            k -= 1
        before = [n for n in norms[k:i] if n[:1].isalnum()]
        if len(before) > 6 or any(n in self._contrast for n in before):
            return False
        return not (before[:1] == ["i"] and any(n in {"was", "got", "had", "did"} for n in before[1:3]))

    def _argues_back(self, doc: Doc, norms: Sequence[str], lo: int, hi: int, strengths: Sequence[Strength]) -> bool:
        """Whether the clause ``lo:hi`` after a granted feeling's "but" argues the other side: a clause of its own
        that is no question, not said to them ("but you did the right thing"), not the listener's own stand
        ("but i'm here"), and no warmth or offer the draft is credited with."""
        words = [n for n in norms[lo:hi] if n[:1].isalnum() and n not in self._lead_ins]
        if len(words) < 3 or any(n == "?" for n in norms[lo:hi]):
            return False
        if not any(n in self._aux or n in {"'s", "'re", "has", "have"} for n in norms[lo:hi]):
            return False  # no clause of its own ("but especially from her")
        if any(n in self._you | {"your", "yours", "i", "we", "am"} for n in words[:3]) and "not" not in words:
            return False  # said to them or of the listener's own stand ("but mostly i'm glad you can rest")
        span = doc[lo:hi]
        return not any(st.kind != "named_feeling" and st.start < span.end_char and span.start_char < st.end
                       for st in strengths)  # fmt: skip

    # --- advice read from structure -------------------------------------------------------------------------
    def _advice_flags(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        msg_words: frozenset[str],
        plans: bool = False,
    ) -> list[Span]:
        """Advice read from a sentence's shape (a modal with "you", a command, "if I were you", a habit that needs to
        stop, "it would help"), one flag per sentence, none where a phrase flag already covers it."""
        out: list[Span] = []
        for sn in sentences:
            if sn.backchannel:
                continue
            found = (
                self._modal_advice(doc, norms, sn)
                or self._in_my_place(norms, sn)
                or self._command_advice(doc, norms, sn, strengths)
                or self._habit_advice(norms, sn)
                or self._benefit_advice(norms, sn)
                or self._remedy_advice(norms, sn)
                or self._bare_command(norms, sn)
                or self._next_time_advice(norms, sn)
                or self._asked_advice(norms, sn)
                or self._worked_for_advice(norms, sn)
                or (self._joint_plan(norms, sn) if plans else None)
            )
            if found is None:
                continue
            start, verb, rule, end = found
            if not self._advice_counts(norms, sn, start, msg_words):
                continue
            if rule == "structure.joint_plan" and (
                "together" in norms[start:end]
                or any(st.kind == "presence" and doc[start].idx <= st.start < doc[end - 1].idx + 1 for st in strengths)
            ):
                continue  # "we can figure it out together and i'll be here to help you through it": company, no task
            if any(
                (f[0] <= verb < f[1] and f[2] not in {"but_undo", "why_question", "closed_question"})
                or (f[2] == "advice" and f[0] < sn.end and sn.start < f[1])
                for f in flags
            ):
                continue  # "You need to grow up." is judging; one flag per roadblock
            out.append(Span(start, end, "advice", rule))
        return out

    def _skip_adverbs(self, norms: Sequence[str], i: int, end: int) -> int:
        """The first token from ``i`` that is not a modal adverb ("really", "kind of"), ``end`` at most."""
        while i < end and norms[i] in self._adverbs:
            if norms[i] in {"kind", "sort"} and (i + 1 >= end or norms[i + 1] != "of"):
                break  # "would probably sort it", "you should sort it out": a verb, not "sort of"
            i += 1
        return i

    def _modal_advice(self, doc: Doc, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """ "you (really) should / need to / have to / must / 'll want to / could just + action": an instruction."""
        for i in sn.words:
            if norms[i] not in self._you:
                continue
            if not self._opens_clause(norms, sn, i):
                continue  # "everything you need to pay for", "if you need to": a description or a condition
            j = self._skip_adverbs(norms, i + 1, sn.end)
            if j + 1 < sn.end and norms[j] in {"do", "does"} and norms[j + 1] in {"need", "have"}:
                j += 1  # "you do need to take it": stress, not a question
            if j >= sn.end:
                continue
            m = norms[j]
            strong = False
            need = m in {"need", "have", "got"}
            if m in self._future and j + 1 < sn.end:  # "you'll need to", "you might want to", "you're going to have to"
                k = self._skip_adverbs(norms, j + 1, sn.end)
                if m == "going" and k < sn.end and norms[k] == "to":
                    k = self._skip_adverbs(norms, k + 1, sn.end)
                if m in {"'d", "would"} and k < sn.end and norms[k] == "better":
                    j, m, strong = k, "better", True  # "you'd better take it in": a must
                elif k < sn.end and norms[k] in self._to_modals | {"want"} and k + 1 < sn.end and norms[k + 1] == "to":
                    if norms[k] == "want" and m not in self._want_after_modals:
                        continue
                    if norms[k] != "want" and m in {"might", "may", "would", "'d"} and norms[k] != "ought":
                        continue  # "you might have to pack his bags": a possibility, not an instruction
                    need = norms[k] in {"need", "have", "got"}
                    j, m, strong = k + 1, "to", True
                elif m in {"might", "may"}:
                    strong = False  # "you might consider ...", "you may want ..." (read as an option)
                else:
                    continue
            elif m in self._strong_modals:
                strong = True
            elif m in self._to_modals and j + 1 < sn.end and norms[j + 1] == "to":
                if m == "got" and norms[j - 1] not in {"have", "'ve"} and doc[j + 1].text.lower() != "ta":
                    continue  # "you got to see her": a chance they had; "you gotta", "you've got to": a must
                j, strong = j + 1, True
            elif m in self._option_modals:
                strong = False
            else:
                continue
            k = self._skip_adverbs(norms, j + 1, sn.end)
            if k < sn.end and norms[k] == "not":
                if not strong or m in {"need", "to", "have"} or (k + 1 < sn.end and norms[k + 1] in {"have", "need"}):
                    continue  # "you don't need to", "you shouldn't have to", "you can't keep doing this"
                k = self._skip_adverbs(norms, k + 1, sn.end)
            if k >= sn.end:
                continue
            verb = norms[k]
            nxt = norms[k + 1] if k + 1 < sn.end else ""
            if verb in {"stop", "quit"} and nxt.endswith("ing"):
                if nxt in self._emotion_behaviours:
                    continue  # "you need to stop stressing": shrinking the feeling, not advice
                k, verb = k + 1, nxt  # "you need to stop raising the roof": the action is "raising"
                nxt = norms[k + 1] if k + 1 < sn.end else ""
            if m == "must" and verb not in self._advice_verbs:
                continue  # "you must miss her", "you must be exhausted": a guess about them, not an instruction
            if strong and self._is_instruction(norms, sn, k):
                if need and self._inside(sn.soft, i):
                    continue  # "it sounds like you need to rest": their need, said back
                return i, k, "structure.modal", j + 1  # the span: "You should", "You'll need to"
            if strong:
                continue
            pondering = verb == "think" and nxt in {"about", "of"}
            looking = verb == "look" and nxt in {"for", "into", "up", "at"}
            option = verb in self._advice_verbs and verb not in self._advice_verbs_not_options
            if verb in {"get", "go"} and nxt in self._get_through_words:
                option = False  # "you can get there", "you could go through it": encouragement
            stop = next((x for x in range(k + 1, sn.end) if norms[x] in _PUNCT_BREAKS | self._breaks), sn.end)
            if any(norms[x] in {"me", "us"} for x in range(k + 1, stop)):
                continue  # "you can dump all of it on me", "you can call me anytime": the listener offered, no task
            if (pondering or looking or option) and not self._kind_after(norms, k, sn.end):
                return i, k, "structure.option", j + 1
        return None

    def _asked_advice(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """A suggestion put as a question by inverting a modal: "could you ask your boss what they wanted?", "can
        you just talk to hr?" (a modal of option, "you", then an action verb at the head of the clause). Not an
        invitation to the listener ("could you tell me more?"), nor "could you see yourself ..." (a verb the options
        leave out)."""
        if not sn.question:
            return None
        content = [i for i in sn.words if norms[i] not in self._q_leads]
        names = [norms[i] for i in content]
        if len(names) >= 3 and names[0] in {"how", "what"} and names[1] == "about":
            ing = names[2]
            if ing.endswith("ing") and len(ing) > 5 and ing not in self._not_gerunds:
                return content[0], content[2], "structure.imperative.asked", sn.end  # "how about meditating first?"
            return None
        if (
            len(names) >= 6
            and names[0] in {"would", "could", "might"}
            and names[1:4] == ["not", "it", "be"]
            and names[4] in self._values
            and "to" in names[5:7]
        ):
            return content[0], content[4], "structure.imperative.asked", sn.end  # "wouldn't it be better to ...?"
        if len(content) < 3 or norms[content[0]] not in self._option_modals | {"would", "will"}:
            return None
        if norms[content[1]] not in self._you:
            return None
        k = self._skip_adverbs(norms, content[1] + 1, sn.end)
        if k >= sn.end or norms[k] == "not":
            return None  # "can't you just ...": the why-not family, read as a leading question
        verb = norms[k]
        if verb not in self._advice_verbs or verb in self._advice_verbs_not_options:
            return None
        stop = next((x for x in range(k + 1, sn.end) if norms[x] in _PUNCT_BREAKS | self._breaks), sn.end)
        if any(norms[x] in {"me", "us"} for x in range(k + 1, stop)):
            return None  # "could you call me later?": a request of the listener's own, no task for them
        if any(norms[x] in self._errands | self._house_objects for x in range(k + 1, stop)):
            return None  # "can you grab milk on your way home?": an errand asked of them, no remedy for their matter
        return content[0], k, "structure.modal_question", k + 1

    def _worked_for_advice(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """An expert frame: "what worked for my sister was ...", "what's helped people is ...", "what usually works is
        ...": a remedy vouched for by someone's experience, then named after a copula."""
        if sn.question:
            return None
        content = [i for i in sn.words if norms[i] not in self._lead_ins]
        if len(content) < 4 or norms[content[0]] != "what":
            return None
        k = 1
        while k < len(content) and norms[content[k]] in self._remedy_fillers | self._adverbs | {"'s", "has", "had"}:
            k += 1
        if k >= len(content) or norms[content[k]] not in self._remedy_verbs:
            return None
        if k + 2 < len(content) and norms[content[k + 1]] in {"for", "with"} and norms[content[k + 2]] in self._you:
            return None  # "what worked for you was the honesty": their own success said back
        cop = next((x for x in content[k + 1 :] if norms[x] in {"is", "was", "'s"}), None)
        if cop is None or cop + 1 >= sn.end:
            return None
        return content[0], content[k], "structure.worked_for", cop + 1

    def _in_my_place(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """ "I'd just block him", "I would call her": what the listener would do, offered as the thing to do."""
        for i in sn.words:
            if norms[i] != "i" or i + 1 >= sn.end or norms[i + 1] not in {"'d", "would"}:
                continue
            k = self._skip_adverbs(norms, i + 2, sn.end)
            gives = k + 1 < sn.end and norms[k] == "give" and norms[k + 1] in self._third_objects
            if (k >= sn.end or norms[k] not in self._advice_verbs or norms[k] in {"see", "look", "work", "give"}) and (
                not gives
            ):
                continue  # "I'd give her some space" is advice; "I'd give anything", "I'd give you" are not
            if not self._opens_clause(norms, sn, i):
                continue
            after = norms[k + 1 : k + 3]
            if "you" in after or "u" in after or self._kind_after(norms, k, sn.end):
                continue  # "I'd bring you tea", "I'd go with you": an offer, not advice
            return i, k, "structure.in_my_place", k + 1
        return None

    def _is_instruction(self, norms: Sequence[str], sn: _Sentence, k: int) -> bool:
        """Whether the verb at ``k`` after "you need to" / "you should" tells them to do something ("sit down", "call
        her"), not how things are ("you need to have been there" does not)."""
        verb = norms[k]
        nxt = norms[k + 1] if k + 1 < sn.end else ""
        if verb == "be":
            return nxt in self._be_words
        if verb == "have":
            return nxt not in self._participles and not nxt.endswith(("ed", "en")) and nxt not in {"been", "had"}
        if verb in self._non_actions - {"be", "have"}:
            if nxt in {"down", "up", "out"}:
                return True  # "you need to sit down and write a list"
            after = norms[k + 2] if k + 2 < sn.end else ""
            if verb == "sit" and nxt == "with" and (after in {"her", "him", "them"} or after in self._people):
                return True  # "you need to sit with her every night": a task with someone (not "sit with it")
            return verb in {"get", "go", "see", "do", "deal"} and nxt not in {"through", "with", "by", "over"}
        return verb[:1].isalpha() and not verb.endswith("ed")

    def _opens_clause(self, norms: Sequence[str], sn: _Sentence, i: int) -> bool:
        """Whether "you" at token i opens its own clause (not a relative clause or a condition)."""
        j = i - 1
        while j >= sn.start and not norms[j][:1].isalnum():
            if norms[j] in {"-", "--"} and j > sn.start and norms[j - 1] in self._subordinators:
                j -= 1  # a spoken repair: "aware of what- you need to"
                continue
            if norms[j] in _PUNCT_BREAKS or norms[j] in _QUOTES:
                return True
            j -= 1
        if j < sn.start:
            return True
        if all(
            not norms[x][:1].isalnum() or norms[x] in self._lead_ins | self._interjections | self._chat_marks
            for x in range(sn.start, j + 1)
        ):
            return True  # "oh no 😣 you could send a follow-up": only interjections before it, no comma typed
        prev = norms[j]
        if prev == "that":
            k = self._prev_word(norms, sn, j, self._adverbs)
            if k is not None and norms[k] in {"something", "thing", "one"}:
                j, prev = k, norms[k]  # "that's something that you need to do"
            else:
                return k is not None and norms[k] in self._complement_takers
        if prev in {"something", "thing", "what", "one"}:
            k = self._prev_word(norms, sn, j, self._adverbs | {"a", "the", "one", "some", "only"})
            return k is not None and norms[k] in {"'s", "is", "was"}  # "that's something you need to do"
        if prev in self._subordinators:
            return False
        if prev in self._openers:
            return True
        # "if you want results you have to put the time in": the main clause after a condition without a comma
        cond = next((k for k in range(j, sn.start - 1, -1) if norms[k] in {"if", "when", "once"}), None)
        return cond is not None and not any(
            norms[k] in self._subordinators - {"if", "when", "once"} for k in range(cond + 1, j + 1)
        )

    def _kind_after(self, norms: Sequence[str], k: int, end: int) -> bool:
        """ "Sleep well", "Stay safe", "Call me", "Talk to me", "Go for it": warmth or an invitation."""
        nxt = norms[k + 1] if k + 1 < end else ""
        after = norms[k + 2] if k + 2 < end else ""
        return (
            nxt in self._kind_words
            or (nxt in {"to", "with", "on", "by"} and after in {"me", "us"})
            or (nxt == "for" and after == "it")
        )

    def _command_advice(
        self, doc: Doc, norms: Sequence[str], sn: _Sentence, strengths: Sequence[Strength]
    ) -> tuple[int, int, str, int] | None:
        """A command at the head of a clause ("Use a planner.", "If you need to relax, go for a walk."), or put as a
        question after "maybe" ("maybe ask your lead for a 1:1?", "maybe go for a walk every morning?")."""
        if sn.question:
            lead = [i for i in sn.words if norms[i] not in self._lead_ins - {"maybe", "perhaps"}]
            if len(lead) > 2 and norms[lead[0]] in {"maybe", "perhaps"} and norms[lead[1]] in self._advice_verbs:
                nxt = norms[lead[1] + 1] if lead[1] + 1 < sn.end else ""
                if nxt[:1].isalnum() and nxt not in self._you and nxt not in self._aux and not self._kind_after(
                    norms, lead[1], sn.end
                ):
                    return lead[0], lead[1], "structure.imperative.asked", sn.end
            return None
        for h in sn.command_heads:
            stop = next((x for x in range(h + 1, sn.end) if norms[x] in _PUNCT_BREAKS), sn.end)
            rest = any(norms[x] in self._rest_commands for x in range(h, stop))
            # "go lie down", "get some sleep", "take a nap": care beside an offer; "take two ibuprofen" is a fix
            span = doc[sn.start : sn.end] if rest else doc[h:stop]
            if any(st.start < span.end_char and span.start_char < st.end for st in strengths if st.kind == "presence"):
                continue  # "Take your time", "Let's figure it out together": presence, not advice (in its clause)
            verb = norms[h]
            after = norms[h + 2] if h + 2 < sn.end else ""
            determined = h + 1 < sn.end and norms[h + 1] in {"the", "a", "some", "that", "this"}
            if verb == "do" and determined and after not in {"best", "most", "same", "thing", "right"}:
                return h, h, "structure.imperative", sn.end  # "do the pomodoro thing" (not "do the best you can")
            neg = verb == "do" and h + 1 < sn.end and norms[h + 1] == "not"
            if neg:
                k = self._skip_adverbs(norms, h + 2, sn.end)
                if k >= sn.end or norms[k] not in self._advice_verbs:
                    continue
                verb, h2 = norms[k], k
            else:
                h2 = h
            if verb not in self._advice_verbs:
                continue
            if h > sn.start and norms[h - 1] in {"and", "then"} and self._lets_before(norms, sn.start, h):
                continue  # "let's look at it together and change whatever you want": "let's" is its subject too
            if h > sn.start and norms[h - 1] in self._quantifier_subjects:
                continue  # "both make sense!": "both" is its subject, not an adverb before a command
            nxt = norms[h2 + 1] if h2 + 1 < sn.end else ""
            if not nxt[:1].isalnum():
                continue  # "Look!", "See?", "Rest.": an exclamation, not an instruction
            if nxt in self._you - {"yourself"}:
                continue  # "get you into trouble", "give you the attention": said of something else, not to them
            if nxt in {"whatever", "whichever"}:
                continue  # "pick whatever dates suit you", "take whichever one you like": the choice handed over
            if verb == "see" and nxt not in self._see_someone_words:
                continue  # "see what happens", "see, the thing is": not "see a doctor"
            if verb == "look" and nxt == "at" and h2 + 2 < sn.end and norms[h2 + 2] in self._you:
                continue  # "look at you go!", "look at you, picasso": praise or mockery, not an instruction
            if verb == "go" and nxt in {"on", "ahead"}:
                continue  # "Please go on": an invitation to keep talking
            if nxt in self._aux or nxt in {"'s", "has", "had"}:
                continue  # "Work has been crazy": a noun
            if h > sn.start and norms[h - 1] in self._adverbs and verb in self._ack_verbs:
                continue  # "totally get the nerves", "really hear that": "I" left out, not an instruction
            if self._kind_after(norms, h2, sn.end) or (verb == "keep" and nxt == "going"):
                continue
            if verb in {"stop", "quit"} and nxt in self._emotion_behaviours:
                continue  # "Stop stressing", "Stop making such a fuss": shrinking the feeling, not advice
            return h, h2, "structure.imperative", sn.end
        return None

    @staticmethod
    def _lets_before(norms: Sequence[str], start: int, h: int) -> bool:
        """Whether a clause before token ``h`` opens with "let's" ("let's", "let us", "lets")."""
        return any(
            norms[x] == "lets" or (norms[x] == "let" and x + 1 < h and norms[x + 1] in {"us", "'s"})
            for x in range(start, h)
        )

    def _habit_advice(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """ "Those habits need to stop", "that has to change", "it needs to be done": advice about a thing."""
        for i in sn.words:
            n = norms[i]
            if n in self._obligation_words:
                j = i + 1
                if n not in {"must", "should"}:
                    if j >= sn.end or norms[j] != "to":
                        continue
                    j += 1
                j = self._skip_adverbs(norms, j, sn.end)
                if j >= sn.end or norms[j] not in self._habit_verbs:
                    continue
                if norms[j] == "be":
                    nxt = norms[j + 1] if j + 1 < sn.end else ""
                    if nxt not in self._participles and not (nxt.endswith("ed") and len(nxt) > 4):
                        continue
                    if nxt in self._recognition_words:
                        continue  # "you do so much and it should be noticed": their due, said for them
                s = self._prev_word(norms, sn, i, self._adverbs)
                if s is None:
                    continue
                subj = norms[s]
                gerund = subj.endswith("ing") and len(subj) > 4 and subj not in self._not_gerunds
                if subj in self._thing_subjects or gerund:
                    return s, j, "structure.habit", j + 1
                if norms[j] in self._habit_end_verbs and subj not in self._persons - {"he", "she", "they"} | {"u"}:
                    return s, j, "structure.habit", j + 1  # "they need to stop", "those snacks have to stop"
        return None

    def _benefit_advice(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """ "I think cutting back would help", "a walk might do you good": a fix offered as an opinion."""
        if sn.question:
            return None
        for i in sn.words:
            if norms[i] not in self._benefit_modals:
                continue
            k = self._skip_adverbs(norms, i + 1, sn.end)
            if k >= sn.end:
                continue
            pred = norms[k]
            nxt = norms[k + 1] if k + 1 < sn.end else ""
            benefit = (
                (pred in self._fix_verbs and nxt not in {"me", "us"})
                or (pred == "do" and nxt in {"you", "wonders"})
                or (pred == "make" and "difference" in norms[k : min(sn.end, k + 4)])
                or (pred == "make" and self._eases(norms, k + 1, sn.end))
                or (
                    pred == "be"
                    and any(norms[x] in self._benefits | self._values for x in range(k + 1, min(sn.end, k + 4)))
                )
            )
            if not benefit:
                continue
            s = self._prev_word(norms, sn, i, self._adverbs)
            if s is None or norms[s] in self._subject_pronouns | {"which", "what", "who", "me", "you", "u"}:
                continue  # "That would help." agrees with their plan; "it would help me" asks for something
            clause_head = next((h for h in reversed(sn.heads) if h <= s), None)
            head = norms[clause_head] if clause_head is not None else ""
            lead = [norms[x] for x in sn.words if clause_head is not None and clause_head <= x < s][:2]
            gerund = any(w.endswith("ing") and len(w) > 4 and w not in self._not_gerunds for w in lead)
            opinion = any(
                norms[x] in self._opinions
                and (
                    x == sn.start
                    or norms[x - 1] in {"i", "'d", "would"}
                    or norms[x] in {"maybe", "perhaps", "honestly"}
                )
                for x in sn.words
                if x < i
            )
            if gerund or head in self._benefit_heads or opinion:
                return (clause_head if clause_head is not None else s), k, "structure.benefit", sn.end
        return None

    def _eases(self, norms: Sequence[str], i: int, end: int) -> bool:
        """ "(would make) it way less painful", "things easier", "the mornings so much better": an object, then a
        change for the better, after "make"."""
        if i >= end or norms[i] not in {"it", "this", "that", "things", "everything", "life", "them"}:
            return False
        k = self._skip_adverbs(norms, i + 1, end)
        while k < end and norms[k] in {"way", "so", "much", "a", "lot", "bit", "little", "feel"}:
            k += 1
        if k + 1 < end and norms[k] in {"less", "more"} and norms[k + 1].isalpha():
            return True  # "way less painful", "so much more bearable"
        return k < end and norms[k] in {"easier", "better", "lighter", "simpler", "calmer", "bearable"}

    def _next_time_advice(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """ "next time someone asks, say no and walk away": what to do the next time, a clause after "next time ..."
        that opens with no subject of its own (a command). Not "next time, i'll come with you" or "next time you're
        in town, we should ..." (the listener's plan), and a works-every-time tail ("works every time") after a
        remedy told in the sentence before is read by ``_remedy_advice``."""
        if sn.question:
            return None
        lead = [i for i in sn.words if norms[i] not in self._lead_ins]
        if len(lead) < 4 or norms[lead[0]] != "next" or norms[lead[1]] != "time":
            return None
        brk = next((i for i in range(lead[1] + 1, sn.end) if norms[i] == ","), None)
        if brk is None:  # "next time just say you're at capacity": a bare verb right after "next time" commands too
            h = self._skip_adverbs(norms, lead[1] + 1, sn.end)
            while h < sn.end and norms[h] in {"just", "maybe", "please", "definitely", "round", "around"}:
                h += 1
        else:
            h = next((i for i in sn.words if i > brk), sn.end)
        if h >= sn.end:
            return None
        head = norms[h]
        if head in self._persons | self._you | self._aux | self._function_words | self._subject_pronouns:
            return None
        if head in self._lead_ins or head in self._kind_words or not head.isalpha():
            return None
        nxt = norms[h + 1] if h + 1 < sn.end else ""
        if brk is None and (nxt in self._aux | {"'s", "has", "had"} or head.endswith(("ed", "ing"))):
            return None  # "next time dinner is on me", "next time round": a subject or a phrase, no command
        return lead[0], h, "structure.next_time", sn.end

    def _joint_plan(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """A fix proposed as a plan at the head of a clause: "let's make a budget spreadsheet", "let's sit down sunday
        and make a list", "we could pick up extra shifts", "maybe we should call the vet", or the matter handed to
        someone else ("let her host next year", "let him figure it out"). The task verb is an advice verb that does
        not just keep them company (`{joint_invite_verbs}`: "let's talk tonight", "we could just watch something"); a
        plan offered to repair a complaint about the listener is read before this is called (no advice there)."""
        if sn.question:
            return None
        for h in sn.heads:
            n = norms[h]
            nxt = norms[h + 1] if h + 1 < sn.end else ""
            if n == "lets" or (n == "let" and nxt in {"'s", "us"}):
                v = h + 1 if n == "lets" else h + 2
                handed = False
            elif n == "let" and (nxt in self._let_objects or nxt in self._people):
                v, handed = h + 2, True
            elif n == "we":
                m = self._skip_adverbs(norms, h + 1, sn.end)
                if m >= sn.end or norms[m] not in self._option_modals | self._strong_modals:
                    continue
                v, handed = m + 1, False
            else:
                continue
            stop = next((x for x in range(v, sn.end) if norms[x] in _PUNCT_BREAKS), sn.end)
            verbs = [self._skip_adverbs(norms, v, stop)]
            verbs += [x + 1 for x in range(v, stop - 1) if norms[x] in {"and", "or", "then"}]
            for k in verbs:
                if k >= stop or not norms[k].isalpha():
                    continue
                verb = norms[k]
                after = norms[k + 1] if k + 1 < stop else ""
                if handed:
                    if verb not in self._function_words and verb not in {"know", "be", "go"}:
                        return h, k, "structure.joint_plan", sn.end
                    continue
                if after in {"this", "it", "that"} and k + 2 < stop and norms[k + 2] in {"up", "through", "over"}:
                    continue  # "we can pick this up tomorrow": the talk itself, taken up again
                if verb in self._advice_verbs and verb not in self._joint_invite_verbs and after not in self._you:
                    return h, k, "structure.joint_plan", sn.end
        return None

    def _bare_command(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """A whole sentence of a verb and "it", "him", "her" or "them" ("Contest it.", "Dump him.", "Report them."):
        a command whatever the verb, unless the word is praise, a thanks or a shrug (`{not_commands}`: "Love it.",
        "Nailed it.", "Bless her.", "Got it.") or a past form ("-ed")."""
        if sn.question or len(sn.words) != 2:
            return None
        h, obj = sn.words
        verb = norms[h]
        if norms[obj] not in self._third_objects or not verb.isalpha() or verb.endswith("ed"):
            return None
        skip = self._not_commands | self._function_words | self._persons | self._backchannels | self._interjections
        if verb in skip or verb in self._lead_ins or verb in self._chat_marks:
            return None
        return h, h, "structure.imperative.bare", sn.end

    def _remedy_advice(self, norms: Sequence[str], sn: _Sentence) -> tuple[int, int, str, int] | None:
        """A remedy vouched for: something proposed, then a clause of its own that says it works ("swaddle her
        tighter, that usually works", "you could start coming to the gym with me, it really helps"). The tail is what
        makes the first clause a fix, whatever its verb. Not "if it helps" or "hope it helps" (an offer, a wish), not
        "it helps me" (the listener's own need), and not a tail alone (agreeing with their plan)."""
        if sn.question:
            return None
        first = sn.words[0] if sn.words else sn.start
        swept = first + 1 < sn.end and self._absolute_at(norms, first + 1, sn.end) > first + 1
        if sn.start > 0 and norms[first] in self._remedy_verbs and swept:
            return first, first, "structure.remedy", sn.end  # "4-7-8 breathing. in for 4, out for 8. works every time"
        for i in sn.words:
            if norms[i] not in self._remedy_verbs:
                continue
            s = self._prev_word(norms, sn, i, self._adverbs | self._remedy_fillers)
            if s is None or norms[s] not in self._remedy_subjects:
                continue
            b = s - 1
            while b > sn.start and norms[b] in self._adverbs:
                b -= 1
            if b <= sn.start or not (norms[b] in _PUNCT_BREAKS or norms[b] == "and"):
                continue  # "you drink because it helps": their reason, said back
            nxt = norms[i + 1] if i + 1 < sn.end else ""
            if nxt in {"me", "us"} or any(norms[x] in self._remedy_cancels for x in range(max(sn.start, b - 2), s)):
                continue
            before = [x for x in sn.words if x < b and norms[x] not in self._lead_ins]
            if len(before) < 2 or norms[before[0]] in (self._subject_pronouns - self._you) | self._question_words:
                continue  # "i tried that, it helps", "she walks, it helps": a story, not a remedy put to them
            if norms[before[0]] in self._you:
                m = self._skip_adverbs(norms, before[0] + 1, b)
                if m >= b or norms[m] not in self._option_modals | self._strong_modals | self._future:
                    continue  # "you know that when you channel your mom, that helps": theirs, said back
            return before[0], i, "structure.remedy", sn.end
        return None

    # --- questions -------------------------------------------------------------------------------------------
    def _question(self, doc: Doc, norms: Sequence[str], sn: _Sentence) -> _Question | None:
        """What kind of question a sentence asks (None when it asks none)."""
        if sn.indirect:
            return _Question(sn.indirect, sn.start, sn.end, f"structure.{sn.indirect}_question.indirect")
        words = sn.words
        if not words:
            return None
        content = [i for i in words if norms[i] not in self._q_leads]
        first = content[0] if content else words[0]
        if not sn.question:
            # "Tell me more about it.", "Walk me through it.": an open question put as an invitation
            nxt = norms[first + 1] if first + 1 < sn.end else ""
            if norms[first] in self._invite_verbs and nxt in {"me", "us", "more"}:
                return _Question("open", first, sn.end, "structure.open_question.invitation")
            return None
        if sn.backchannel or not content:
            return _Question("encourager", sn.start, sn.end, "structure.encourager")  # "Yeah?", "Ok and?"
        names = [norms[i] for i in content]
        widened = norms[words[0]] == "or" and sn.start > 0 and len(names) <= 4
        if widened and not any(n in self._aux or n in self._persons for n in names):
            return _Question("proposal", first, sn.end, "structure.choice")  # "... or both?": the choice widened
        if (
            "or" in names[1:-1]
            and len(names) <= 7
            and names[0] not in self._question_words
            and not any(n in self._aux or n in self._persons or n in {"'s", "'re", "me"} for n in names)
        ):
            return _Question("proposal", first, sn.end, "structure.choice")  # "oat or whole?": a choice, no verb
        if self._checkin([norms[i] for i in words]):
            return _Question("checkin", first, sn.end, "structure.checkin")  # "you ok?", "are you safe?"
        for k, i in enumerate(content):
            cut = i + 1 < sn.end and norms[i + 1] in {"-", "--"}  # "y- so you ...": a false start
            if norms[i] == "why" and not cut and not self._inside(sn.frames, i):
                prev = norms[content[k - 1]] if k else ""
                nxt = norms[content[k + 1]] if k + 1 < len(content) else ""
                embedded = prev in self._knowing_words and nxt not in self._you  # "do you know why?": what they know
                if self._why_granted(norms, i, sn.end):
                    return None  # "why wouldn't you be upset?": their feeling granted, nothing asked
                if prev not in {"that", "'s", "is", "was", "reason"} and not embedded:
                    return _Question("why", first, sn.end, "structure.why")
            if norms[i] == "how" and k + 1 < len(content) and norms[content[k + 1]] == "come" and k == 0:
                return _Question("why", first, sn.end, "structure.why")
        tail = [norms[i] for i in words[-3:]]
        if len(words) > 3 and tail[-1] in {"i", "we"} and (tail[-2] in self._aux or tail[-2] == "not"):
            return None  # "I did what you asked, didn't I?": a rhetorical tag about the speaker, not a question
        if self._tag_question(norms, sn):
            return _Question("closed", first, sn.end, "structure.closed_question")  # "that's what you want, isn't it?"
        lead = norms[first]
        if lead in {"when", "whenever", "while"} and first + 1 < sn.end and norms[first + 1] in self._persons - {"i"}:
            brk = next((i for i in range(first, sn.end) if norms[i] in _PUNCT_BREAKS), None)
            main = next((i for i in sn.words if brk is not None and i > brk and norms[i] not in self._q_leads), None)
            if main is not None and norms[main] not in self._question_words:
                return self._classify(norms, sn, main, first)
                # "when you go to parties, most of the time there's alcohol there?": the question is the main clause
        if "scale" in names and ("on" in names or "from" in names):
            return _Question("closed", first, sn.end, "structure.closed_question.scale")
        if len(names) > 2 and names[0] == "i" and names[1] in {"wonder", "wondering", "curious", "am", "was"}:
            k = next((x for x in range(1, len(names)) if names[x] in {"if", "whether"} | self._wh), 0)
            if k:  # "I wonder what you've heard?", "I'm wondering if you ...?"
                kind = "closed" if names[k] in {"if", "whether"} else "open"
                return _Question(kind, first, sn.end, f"structure.{kind}_question.indirect")
        bigrams = set(zip(names, names[1:], strict=False))
        proposes = len(names) > 1 and names[0] in self._aux and names[1] in {"we", "i"}  # "Can we talk about ...?"
        more = {("anything", "else"), ("something", "else"), ("any", "other"), ("anything", "more")}
        if bigrams & more and not proposes:
            return _Question("open", first, sn.end, "structure.open_question")  # "Is there anything else ...?"
        if norms[words[-1]] in self._wh and len(content) > 1:
            return _Question("open", first, sn.end, "structure.open_question")  # "Your gut is telling you what?"
        brk = next((i for i in range(first, sn.end) if norms[i] in _PUNCT_BREAKS), sn.end)
        opening = [i for i in content if i < brk]
        if len(opening) > 1 and norms[opening[-1]] in self._wh and brk < sn.end:
            return _Question("open", first, sn.end, "structure.open_question")  # "anxious how, like the flying?"
        final = self._final_clause(norms, sn, content)
        if final is not None and final != first:
            q = self._classify(norms, sn, final, first)
            if q.kind in {"open", "proposal"}:
                return q  # "you've practiced loads, want to do a last drive tonight?": the question is the last clause
        openers = [h for h in sn.heads if self._opens_question(norms, sn, h)]
        for k, h in enumerate(openers):
            q = self._classify(norms, sn, h, first)
            if q.kind != "permission" or k + 1 == len(openers):
                return q  # "May I ask, are you ...?": the question after the permission is the one asked
        return self._classify(norms, sn, first, first)

    def _tag_question(self, norms: Sequence[str], sn: _Sentence) -> bool:
        """ "that's what you want from friends, isn't it?", "you told her, didn't you?": a statement closed by a tag
        (a comma, an auxiliary, maybe "not", a pronoun) asks for a yes or a no, whatever question word sits inside."""
        words = sn.words
        if len(words) < 4:
            return False
        last, before = words[-1], words[-2]
        if norms[last] not in self._persons | {"it", "there", "that"} or norms[last] in {"i", "we"}:
            return False
        aux = words[-3] if norms[before] == "not" else before
        return norms[aux] in self._aux and aux > sn.start and norms[aux - 1] == ","

    def _echo_question(self, norms: Sequence[str], sn: _Sentence, msg_words: frozenset[str]) -> bool:
        """ "wait what?? in front of everyone?": a fragment of their own words said back in surprise, no verb of
        its own to answer yes or no to."""
        content = [i for i in sn.words if norms[i] not in self._q_leads | self._chat_marks]
        if not content or norms[content[0]] in self._aux | self._you | {"i", "we", "not"}:
            return False
        c0 = content[0]
        if (
            c0 + 2 < sn.end
            and norms[c0 + 1] == ","
            and norms[c0 + 2] in {"like", "as"}
            and _stem(norms[c0]) in msg_words
        ):
            return True  # "invisible, like nobody sees you?": their word said back with a guess at its meaning
        if any(norms[i] in self._aux or norms[i] in self._persons for i in content):
            return False
        calls = self._backchannels | self._chat_marks | self._laughter
        np = [i for i in content if not (norms[i] in calls or re.fullmatch(r"a+w+|n+o+", norms[i]))]
        named = [i for i in np if norms[i] not in self._function_words]
        if np and norms[np[0]] in {"the", "those", "these"} and 0 < len(named) <= 2 and np[-1] + 1 >= sn.end - 1:
            return True  # "aw, the fern?", "the gold ones?": which thing they mean, checked, not a yes/no to answer
        words = [_stem(_NUMBERS.get(norms[i], norms[i])) for i in content if norms[i] not in self._function_words]
        if not words or len(words) > 5 or any(norms[i] in _PUNCT_BREAKS for i in range(content[0], content[-1])):
            return False  # "two hours on the side of the highway??" is one fragment; "wait, what?" is not
        shared = sum(1 for w in words if w in msg_words)
        return shared >= max(1, -(-len(words) // 2))  # half of its words are theirs

    def _tagged_reflection(self, norms: Sequence[str], sn: _Sentence) -> bool:
        """ "that's the third time, huh?", "it's been a long week, right?": a statement about their situation with a
        tag that checks it, said back rather than asked."""
        words = [norms[i] for i in sn.words if norms[i] not in self._lead_ins | self._chat_marks]
        tagged = words[-1:] and words[-1] in self._reflection_tags and norms[sn.words[-1] - 1] == ","
        if len(words) < 4 or not (tagged or self._tag_question(norms, sn)):
            return False  # ("it's been a long week, hasn't it?" checks it like "right?")
        return words[0] in {"that", "it", "this"} and not any(w in self._you | {"your"} for w in words)

    def _checkin(self, names: Sequence[str]) -> bool:
        """ "Are you okay?", "u ok??", "are you safe rn": a check on how they are, care rather than a narrowing."""
        skip = self._aux | self._you | self._chat_marks | (self._lead_ins - self._checkin_words) | self._checkin_fillers
        # "are you okay though?"
        rest = [w for w in names if w not in skip]  # "oh no, are you hurt?"
        return (
            bool(rest)
            and len(rest) <= 3
            and rest[0] in self._checkin_words
            and all(w in self._checkin_words for w in rest)
        )

    def _opens_question(self, norms: Sequence[str], sn: _Sentence, h: int) -> bool:
        """Whether clause head h starts a question ("how many ...", "is there ...", "what's ..."), not a
        subordinate clause ("when you think about it, ...", "if we look back, ...")."""
        nxt = norms[h + 1] if h + 1 < sn.end else ""
        w = norms[h]
        if w in self._wh:
            return (
                nxt in self._aux
                or nxt in {"'s", "are", "do", "did"}
                or nxt in self._narrow_how
                or (nxt in self._narrow_nouns)
            )
        return w in self._aux and nxt in self._subject_pronouns | {"your", "there", "anyone", "anybody", "someone"}

    def _final_clause(self, norms: Sequence[str], sn: _Sentence, content: list[int]) -> int | None:
        """The head of the last clause when it asks its own question: "Is it X, or how do you see it?"."""
        for i in reversed(content):
            prev = i - 1
            while prev > sn.start and norms[prev] in self._q_leads | {"or", "and"}:
                prev -= 1
            if norms[prev] in {",", "-", "--", ";", ":"} or norms[prev] == "or":
                nxt = norms[i + 1] if i + 1 < sn.end else ""
                if norms[i] in self._wh and (nxt in self._aux or nxt in {"'s", "do", "does", "did"}):
                    return i
                return None
        return None

    def _narrow(self, norms: Sequence[str], sn: _Sentence, first: int, rest: list[str]) -> bool:
        """A question word that asks for one fact: "How many?", "What time?", "When did it start?"."""
        w = norms[first]
        nxt = rest[0] if rest else ""
        if w == "how":
            weighs = [x for x in rest[2:6] if x in self._impact_verbs or (x.endswith("ing") and len(x) > 4)]
            # "how much are you drinking?": an amount they use
            person = len(rest) > 3 and rest[2] in self._persons - {"i"}
            states = self._emotion_behaviours | self._impact_verbs | self._ongoing_states
            person = person and rest[3] not in states  # (not "how much are you struggling?")
            if nxt == "much" and not person and any(x not in self._not_gerunds for x in weighs):
                return False  # "how much is this messing up your week?", "how much does it hurt?": how it weighs
            if nxt == "long":
                return rest[1:2] == ["ago"] or self._fact_about_them(rest[1:])  # "how long have you been doing that?"
            return nxt in self._narrow_how
        if w == "when":
            if rest[:2] in (["would", "be"], ["is", "good"], ["is", "best"], ["'s", "good"], ["'s", "best"]):
                return True  # "when would be a good day to start?": a date asked for
            return self._fact_about_them(rest)  # "when did you start?", not "when did it start feeling like that?"
        if w == "who" and first + 2 < sn.end and norms[first + 1] in {"'s", "is", "are", "was", "were"}:
            return norms[first + 2] in {"the", "that", "this", "these", "those", "your", "his", "her", "their"}
            # "who are these people?", "who's the new guy?": a name asked for (not "who's been there for you?")
        if w in {"what", "which"}:
            skip = {"'s", "is", "are", "was", "were", "the", "your", "of"}
            noun = next((x for x in rest[:3] if x not in skip), "")
            if any(x in self._valued_words for x in rest):
                return False  # "which moment will you miss most?", "what kind of night out have you been craving?":
                # what they value or long for, theirs to tell
            if nxt in self._narrow_nouns or (nxt in skip and noun in self._narrow_nouns):
                return True
            if w == "which":
                return nxt not in self._open_what_nouns  # "which one do you enjoy most?": a pick among a few
            if nxt in {"kind", "sort", "type", "kinds", "sorts", "types"} and rest[1:2] == ["of"]:
                return len(rest) > 2 and rest[2] not in self._open_what_nouns  # "what kind of alcohol do you drink?"
            return (
                len(rest) > 2
                and nxt[:1].isalpha()
                and nxt not in self._open_what_nouns | self._function_words | self._persons | self._aux
                and not nxt.endswith(("ing", "ed"))
                and rest[1] in self._aux
                and rest[2] in self._persons
            )  # "what gym do you go to?", "what car did she get?": one thing named (not "what part do you ...")
        return False

    def _fact_about_them(self, rest: Sequence[str]) -> bool:
        """After "when" / "how long": an auxiliary, then a person, then what they do (a fact with one answer: "did
        you start", "have you been doing that", "are you gonna do it"). Not "it" or "this" (how a thing has been
        for them), not a feeling ("have you been feeling this way")."""
        if len(rest) < 3 or rest[0] not in self._aux or rest[1] not in self._persons - {"i", "we"}:
            return False
        felt = self._asked_states  # "how long do you think you could ...": their view
        k = 2
        while k < len(rest) - 1 and rest[k] in {"been", "be", "gonna", "going", "first", "really", "ever", "still"}:
            k += 1
        return rest[k] not in felt and rest[k] not in self._emotion_behaviours

    def _classify(self, norms: Sequence[str], sn: _Sentence, first: int, anchor: int) -> _Question:
        """What kind of question a sentence is, from its first word on: open (what, how, tell me), why, an offer to
        listen or help, a proposal, asking permission, a check-in or closed (yes/no)."""
        end = sn.end
        rest = [norms[i] for i in sn.words if i > first]
        if (
            norms[first] in {"in", "on", "at", "for", "with", "about", "from", "to", "by"}
            and rest
            and rest[0] in self._wh
        ):
            first = next(i for i in sn.words if i > first)  # "In what ways ...?"
            rest = rest[1:]
        w = norms[first]
        nxt = rest[0] if rest else ""
        if w in {"any", "anything"} and (nxt in self._open_inside or nxt == "questions"):
            return _Question("open", anchor, end, "structure.open_question")  # "Any thoughts about that?"
        advice_words = self._advice_asked_nouns
        if w in {"want", "wanna"} and nxt in {"a", "an", "some"} and len(rest) <= 6 and not advice_words & set(rest):
            return _Question("proposal", anchor, end, "structure.proposal")  # "want a hug?", "want some tea?"
        if w in {"want", "wanna", "need"} and any(x in self._offer_words for x in rest[:5]):
            if self._proposal(rest):
                return _Question("proposal", anchor, end, "structure.proposal")  # "want me to come sit with you?"
            if self._asks_inside(rest):
                return _Question("open", anchor, end, "structure.open_question")  # "want to talk through how it went?"
            return _Question("offer", anchor, end, "structure.closed_question.offer")  # "Want to talk about it?"
        if (w in {"want", "wanna"} and any(x in self._talk_times for x in rest)) or (
            w in self._offer_acts and rest[:1] and rest[0] in self._talk_times
        ):
            return _Question("proposal", anchor, end, "structure.proposal")  # "call tonight?", "want to drive later?"
        if w in {"anything", "something"} and ("i" in rest[:2] or "we" in rest[:2]) and "help" in rest:
            return _Question("offer", anchor, end, "structure.closed_question.offer")  # "anything i can do to help?"
        if w in self._aux:
            return self._classify_yes_no(norms, sn, first, anchor, rest)
        if w in self._question_words:
            if self._narrow(norms, sn, first, rest):
                return _Question("closed", anchor, end, "structure.closed_question.narrow")
            return _Question("open", anchor, end, "structure.open_question")
        starts = {sn.start} | {i + 1 for i in range(sn.start, end) if norms[i] in _PUNCT_BREAKS | {"and", "or", "so"}}
        if any(norms[i] in self._wh and i in starts and i > first for i in sn.words):
            return _Question("open", anchor, end, "structure.open_question")  # "So you went, and then what?"
        return _Question("closed", anchor, end, "structure.closed_question")  # "You were upset?", "..., right?"

    def _classify_yes_no(
        self, norms: Sequence[str], sn: _Sentence, first: int, anchor: int, rest: list[str]
    ) -> _Question:
        """A question opened by an auxiliary ("do you", "can I"): an offer to listen or help, a proposal, an open
        question inside ("do you want to say what happened?") or a closed one."""
        end = sn.end
        head = rest[:6]
        subj = rest[0] if rest else ""
        # an offer to listen or to help: "Do you want to talk about it?", "Can I get you anything?"
        wants = subj in self._you and any(x in {"want", "wanna", "like", "need"} for x in head[:3])
        offers = any(x in self._offer_words for x in rest[:8]) and not any(x in self._narrow_nouns for x in rest[:4])
        if wants and offers and not {"suggestions", "advice", "information"} & set(rest):
            if self._proposal(rest):
                return _Question("proposal", anchor, end, "structure.proposal")  # "do you want to vent or plan?"
            if self._asks_inside(rest):
                return _Question("open", anchor, end, "structure.open_question")  # "do you want to say what happened?"
            return _Question("offer", anchor, end, "structure.closed_question.offer")
        if subj in self._you and head[1:2] and head[1] in {"rather", "prefer"}:
            return _Question("proposal", anchor, end, "structure.proposal")  # "or would you rather vent?": theirs
        meet = self._meet_verbs
        if subj == "we" and any(x in meet for x in head[1:3]) and any(x in self._talk_times for x in rest):
            return _Question("proposal", anchor, end, "structure.proposal")  # "can we talk tonight?": a time named
        helps = self._help_verbs
        if subj in {"i", "we"} and any(x in helps for x in head[:3]):
            return _Question("offer", anchor, end, "structure.closed_question.offer")
        if norms[first] in {"would", "does"} and subj == "it" and "help" in head[:3]:
            if "or" in rest[3:]:
                return _Question("proposal", anchor, end, "structure.proposal")  # "would it help to talk, or ...?"
            return _Question("offer", anchor, end, "structure.closed_question.offer")  # "Would it help to talk?"
        if subj == "there" and "anything" in head and ("i" in rest or "we" in rest):
            return _Question("offer", anchor, end, "structure.closed_question.offer")  # "Is there anything I can do?"
        # asking permission respects their choice: "Can I share something?", "Is it okay if I ...?"
        if subj == "i" and norms[first] in {"can", "could", "may", "might", "shall"}:
            return _Question("permission", anchor, end, "structure.permission")
        asks_if = "if" in head and ("i" in rest[:8] or "we" in rest[:8])
        if asks_if and (subj in {"it", "that"} and bool({"okay", "ok", "alright", "all"} & set(head[:3]))):
            return _Question("permission", anchor, end, "structure.permission")
        if subj in self._you and head[1:2] == ["mind"]:
            return _Question("permission", anchor, end, "structure.permission")  # "Do you mind if I ...?"
        # an invitation put as a question: "Can you tell me more?", "Could you walk me through it?"
        if norms[first] in {"can", "could", "would", "will"} and subj in self._you:
            k = next((x for x in range(1, min(4, len(head))) if head[x] not in self._adverbs | {"please"}), 0)
            verb = head[k] if k else ""
            after = head[k + 1] if k and k + 1 < len(head) else ""
            thinks = verb == "think" and after in {"of", "about"}
            if thinks or (verb in self._invite_verbs and (verb != "talk" or "about" in rest or "me" in rest[:4])):
                return _Question("open", anchor, end, "structure.open_question")
        # a yes/no opener that asks what they know or think: "Do you have a sense of what ...?"
        links = {"about", "of", "on"}
        between = links | self._adverbs | {"yourself", "at", "all", "-", "--", ","}
        for k, x in enumerate(rest):
            if x not in self._wh or not k:
                continue
            before = rest[k - 1]
            if before in self._open_inside and before not in links:
                return _Question("open", anchor, end, "structure.open_question")
            # "a sense of-of what", "any thoughts yourself about what", "thought at all about how": the link may
            # come with a repeat or a filler before it
            j = k - 1
            while j > max(0, k - 5) and rest[j] in between:
                j -= 1
            if j < k - 1 and before in links | {"-", "--"} and rest[j] in self._open_inside - links:
                return _Question("open", anchor, end, "structure.open_question")
        return _Question("closed", anchor, end, "structure.closed_question")

    def _proposal(self, rest: Sequence[str]) -> bool:
        """An offer that needs no gentler note: a concrete act ("want me to come sit with you?", "do you want me to
        bring dinner over?") or a choice handed over ("do you want to talk it through or just vent?")."""
        acts = any(
            a == "me" and b == "to" and c in self._offer_acts for a, b, c in zip(rest, rest[1:], rest[2:], strict=False)
        )
        return acts or "or" in rest[2:]

    def _asks_inside(self, rest: Sequence[str]) -> bool:
        """An offer whose object is an open question: "want to talk through how you're imagining it?", "do you want
        to tell me what happened?" (like "can you tell me what happened?"); not "... some questions about how"."""
        for k, x in enumerate(rest):
            if x in {"how", "what"} and k >= 2:
                before = rest[max(0, k - 3) : k]
                if any(b in self._invite_verbs for b in before) and rest[k - 1] in self._invite_verbs | {
                    "about", "through", "me", "over", "us"
                }:
                    return True
        return False

    def _question_flags(self, sentences: Sequence[_Sentence], questions: Mapping[int, _Question | None]) -> list[Span]:
        """Flags for questions: a why-question, and a closed question unless an open one follows it."""
        out: list[Span] = []
        qs = [questions[id(sn)] for sn in sentences]
        for k, q in enumerate(qs):
            if q is None:
                continue
            if q.kind == "why":
                out.append(Span(q.start, q.end, "why_question", q.rule))
            elif q.kind in {"closed", "offer"}:
                if any(q2 is not None and q2.kind == "open" for q2 in qs[k + 1 :]):
                    continue  # an open question follows: that is the one they will answer
                out.append(Span(q.start, q.end, "closed_question", q.rule))
        return out

    def _heard_first(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: list[Span],
        strengths: Sequence[Strength],
        draft: Analysis,
    ) -> list[Span]:
        """A closed question beside a sentence of its own that takes in what they said ("vet visits are so hard. is
        she okay?", "i'm so happy for you. which piece did they pick?") is curiosity after listening, not a
        narrowing: it gets no flag. The sentence must say something (two words past the interjections: "oh no. are
        you ok?" keeps its flag), ask nothing, and hold no roadblock of its own."""
        closed = [f for f in flags if f[2] == "closed_question" and f[3] in self._plain_closed]
        if not closed:
            return flags
        road = [f for f in flags if f[2] in self._roadblocks and f[2] != "closed_question"]
        cries = self._backchannels | self._lead_ins | self._chat_marks | self._laughter | self._interjections
        heard = False
        for sn in sentences:
            if sn.question or sn.indirect or any(f[0] < sn.end and sn.start < f[1] for f in road):
                continue
            said = [i for i in sn.words if norms[i] not in cries]
            if len(said) < 2:
                continue
            span = doc[sn.start : sn.end]
            mine = next((norms[i] for i in sn.words if norms[i] not in cries - {"i"}), "") == "i"
            felt = any(
                m.source == "lexicon" and not m.negated and span.start_char <= m.start < span.end_char
                and (
                    not mine
                    or m.text.lower().split()[-1:] == ["you"]  # "proud of you" read as one mention
                    or self._felt_for_them(doc, norms, m.end, sn.end)
                )
                for m in draft.emotions
            )  # a feeling named, the listener's only when felt for them ("so happy for you", not "i'm glad you came")
            reacts = any(
                tuple(norms[i : i + n]) in self._felt_reactions for i in range(sn.start, sn.end) for n in (1, 2, 3)
            )
            if felt or reacts:
                heard = True
                break
        if not heard:
            return flags
        return [f for f in flags if f not in closed]

    def _bright_side(
        self,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        message: Analysis,
    ) -> list[Span]:
        """After bad news, with nothing heard first, a clause that hands them the bright side: a verdict of the
        good part ("that's something", "so that's the main thing", "it's a good thing", `{bright_side_verdicts}`), a
        quick recovery forecast ("one good night's sleep and you'll feel totally different", "you'll have new work
        friends in like a month": "you'll" with `{recovery_verbs}` and a short time, `{short_times}`), or "it always
        does": minimizing."""
        if any(f[2] == "minimizing" for f in flags) or _good_news(message) or message.has_cue("crisis"):
            return []
        if message.dominant is None and message.valence >= -0.2:
            return []
        if any(st.kind in {"reflection", "validation", "apology", "summary"} for st in strengths):
            return []
        for sn in sentences:
            if sn.question:
                continue
            said = [i for i in range(sn.start, sn.end) if norms[i][:1].isalnum() or norms[i] in {"'s", "'ll"}]
            cuts = [k for k, i in enumerate(said) if k and norms[i - 1] in _PUNCT_BREAKS]
            for a, b in zip([0, *cuts], [*cuts, len(said)], strict=False):
                if a >= b:
                    continue
                clause = [norms[i] for i in said[a:b] if norms[i] not in self._lead_ins | self._chat_marks]
                clause = [w for w in clause if w not in {"honestly", "probably", "still", "really", "totally"}]
                span = Span(said[a], said[b - 1] + 1, "minimizing", "structure.bright_side")
                if clause[:2] in (["that", "'s"], ["that", "is"], ["it", "'s"], ["it", "is"]) and (
                    " ".join(clause[2:]) in self._bright_side_verdicts
                ):
                    return [span]  # "that's something", "so that's the main thing"
                if clause[:2] in (["it", "always"], ["they", "always"]) and clause[2:] in (["does"], ["do"]):
                    return [span]  # "it'll all come together, it always does"
                if "you" in clause:
                    k = clause.index("you")
                    forecast = clause[k + 1 : k + 2] == ["will"] and any(
                        w in self._recovery_verbs for w in clause[k + 2 : k + 4]
                    )
                    if forecast and any(w in self._short_times for w in clause):
                        return [span]  # "you'll feel totally different by tomorrow"
        return []

    def _composed_flags(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        message: Analysis | None,
        msg: Sequence[str],
    ) -> list[Span]:
        """Roadblocks read from how a reply is put together, each a kind no other reader has flagged already:
        - a complaint's negated verb said back as its positive by the listener ("you weren't listening" -> "i WAS
          listening", "you never text first" -> "i do text first"): a contradiction, defensive;
        - a reply of only a brush-off mark ("👍") to something that hurt: dismissive;
        - a calming command standing as its own clause ("relax.", "..., chill."): minimizing;
        - a habit of theirs swept over every case with "no matter where/what/how ... you": absolute;
        - an act of theirs named by its verb in -ing and graded rash ("quitting now would be so rash", "honestly,
          dropping out was a dumb move"): judging."""
        out: list[Span] = []
        kinds = {f[2] for f in flags}
        hurting = message is not None and not _good_news(message) and (
            message.valence < -0.05
            or (message.dominant is not None and self._negative(message.dominant))
            or any(tuple(msg[i : i + n]) in self._felt_reactions for i in range(len(msg)) for n in (1, 2, 3))
        )  # ("work was rough today" reads neutral to VADER; "rough" is a hard day said plainly)
        if "defensive" not in kinds and msg:
            hit = self._contradiction(norms, sentences, msg, strengths)
            if hit is not None:
                out.append(Span(hit[0], hit[1], "defensive", "structure.contradiction"))
        if "dismissive" not in kinds and hurting and sentences:
            words = [i for sn in sentences for i in sn.words]
            if not words and all(t.is_space or t.text in self._brush_off_marks for t in doc):
                out.append(Span(0, len(doc), "dismissive", "structure.brush_off_mark"))
        for sn in sentences:
            if sn.question or self._inside(sn.frames, sn.start):
                continue
            if "minimizing" not in kinds:
                cut = max((x for x in range(sn.start, sn.end) if norms[x] == ","), default=None)
                tail = [x for x in sn.words if cut is not None and x > cut]
                head = [norms[x] for x in sn.words if cut is not None and x < cut]
                if tail and norms[tail[0]] in self._calming_commands and all(
                    norms[x] in self._calming_particles for x in tail[1:]
                ) and not any(w in self._you | {"your", "i", "we"} for w in head):
                    # "there are a million apartments, relax.": a claim about the world, then the feeling waved down
                    # ("you deserve a break, relax" gives them leave to rest)
                    out.append(Span(tail[0], sn.end, "minimizing", "structure.calm_command"))
                    kinds = kinds | {"minimizing"}
                    continue
                for h in sn.command_heads:
                    if norms[h] not in self._calming_commands or self._declared(norms, sn, h):
                        continue
                    nxt = next((norms[x] for x in range(h + 1, sn.end) if norms[x].strip()), "")
                    if nxt[:1].isalnum() and nxt not in self._calming_particles:
                        continue  # "relax into it", "chill with me": not the feeling waved down
                    out.append(Span(h, sn.end, "minimizing", "structure.calm_command"))
                    kinds = kinds | {"minimizing"}
                    break
            if "judging" not in kinds and self._rash_act(norms, sn):
                out.append(Span(sn.words[0], sn.end, "judging", "structure.rash_act"))
                kinds = kinds | {"judging"}
            if "absolute" not in kinds:
                for i in sn.words:
                    if norms[i] == "matter" and i > sn.start and norms[i - 1] == "no" and i + 3 < sn.end:
                        wh, who = norms[i + 1], norms[i + 2]
                        before = [norms[x] for x in sn.words if x < i - 1]
                        if wh in self._wh_words | {"who"} and who in self._you and before[:1] and (
                            before[0] in self._you
                        ):
                            out.append(Span(sn.words[0], sn.end, "absolute", "structure.no_matter"))
                            kinds = kinds | {"absolute"}
                            break
        return out

    def _rash_act(self, norms: Sequence[str], sn: _Sentence) -> bool:
        """ "quitting now would be so rash", "tbh dropping out was a dumb move": a clause whose subject is an act in
        -ing (not "being left out", "nothing", "wedding"), then a copula ("is", "would be", "seems") and within a few
        hedges a word that grades it rash; not when the listener is in it ("leaving you there was so careless of
        me")."""
        words = [norms[i] for i in sn.words]
        k = 0
        while k < len(words) and words[k] in self._lead_ins | self._adverbs | self._verdict_hedges:
            k += 1
        if k >= len(words) or any(w in self._writer_words for w in words):
            return False
        act = words[k]
        nxt = words[k + 1] if k + 1 < len(words) else ""
        passive = nxt.endswith(("ed", "en")) or nxt in self._slights or nxt in {"left", "made", "told", "called"}
        if act == "being" and nxt and not passive:
            act = "being " + nxt  # "being late that much is pretty disrespectful" (not "being left out")
        if not (act.endswith("ing") and len(act) > 5) and not act.startswith("being "):
            return False
        if act in self._not_gerunds or act == "being":
            return False
        cop = next((j for j in range(k + 1, min(k + 6, len(words))) if words[j] in self._verdict_copulas), None)
        if cop is None:
            return False
        rest = words[cop + 1 : cop + 7]
        if "not" in rest[:2] or "never" in rest[:2]:
            return False
        return any(tuple(rest[j : j + n]) in self._rash_words for j in range(len(rest)) for n in (1, 2))

    def _negative(self, family: str) -> bool:
        row = self._rules.tables["families"].get(family)
        return row is not None and row.valence < 0

    def _contradiction(
        self, norms: Sequence[str], sentences: Sequence[_Sentence], msg: Sequence[str], strengths: Sequence[Strength]
    ) -> tuple[int, int] | None:
        """ "you weren't listening" -> "i WAS listening"; "you never text first" -> "i do text first", "i did!": the
        listener's "i" with an auxiliary and the complaint's own verb, said positive where theirs was negated."""
        denied: set[str] = set()
        words = [n for n in msg if n[:1].isalnum()]
        for k, n in enumerate(words[:-2]):
            if n not in self._you:
                continue
            j = k + 1
            if words[j] in self._aux and j + 1 < len(words) and words[j + 1] == "not":
                j += 2
            elif words[j] == "never":
                j += 1
            else:
                continue
            while j < len(words) and words[j] in self._adverbs | {"even", "ever"}:
                j += 1
            if j < len(words) and words[j] not in self._aux:
                denied.add(_stem(words[j]))
        if not denied or self._owned(norms, strengths):
            return None
        for sn in sentences:
            if sn.question:
                continue
            ws = sn.words
            for k, i in enumerate(ws[:-1]):
                if norms[i] != "i" or self._inside(sn.frames, i):
                    continue
                aux = norms[ws[k + 1]]
                if aux not in {"was", "were", "did", "do", "have", "'ve", "had"}:
                    break
                rest = [norms[x] for x in ws[k + 2 :] if norms[x] not in self._adverbs | {"even", "literally"}]
                if not rest or rest[0] == "not":
                    break
                verb = rest[0]
                if _stem(verb) in denied or (aux in {"do", "did"} and rest[0] in self._you | {"it", "that"}):
                    return ws[k], sn.end
                break
        return None

    @staticmethod
    def _felt_for_them(doc: Doc, norms: Sequence[str], char_end: int, end: int) -> bool:
        """Whether a feeling of the listener's that ends at ``char_end`` is felt for them: "for you" or "of you"
        right after it ("so happy for you", "so proud of you")."""
        i = next((t.i for t in doc if t.idx >= char_end), end)
        return i + 1 < end and norms[i] in {"for", "of"} and norms[i + 1] in {"you", "u", "ya"}

    def _lone_checkin(
        self,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        questions: Mapping[int, _Question | None],
        strengths: Sequence[Strength],
        message: Analysis | None,
    ) -> list[Span]:
        """ "are you ok?" as the whole reply to a hard message: caring, but easy to answer "fine", so it gets the
        gentle note an offer to listen gets (``review().ok`` stays true) with an open rewrite. Beside anything that
        listens (a reflection, a validation, presence, a named feeling, an open question) it is a check-in and no
        note; to a crisis it is the right question; "are you safe?", "are you hurt?" are safety checks, never noted."""
        if message is None or message.has_cue("crisis") or message.has_cue("celebration") or message.valence > 0.2:
            return []  # (a message read as neutral, "i'm having a rough night", still gets it)
        listens = {"reflection", "validation", "presence", "apology", "named_feeling", "summary", "open_question"}
        if any(st.kind in listens for st in strengths):
            return []
        asked = [(sn, q) for sn in sentences if (q := questions[id(sn)]) is not None]
        if len(asked) != 1 or asked[0][1].kind != "checkin":
            return []
        sn, q = asked[0]
        if not any(norms[i] in self._checkin_ok_words for i in sn.words):
            return []
        cries = self._backchannels | self._lead_ins | self._chat_marks | self._laughter | self._interjections
        if any(norms[i] not in cries for other in sentences if other is not sn for i in other.words):
            return []  # "that's humiliating. are you ok?": said with more than an "oh no"
        return [Span(q.start, q.end, "closed_question", "structure.closed_question.checkin")]

    # --- sarcasm by capitals ---------------------------------------------------------------------------------
    def _caps_flags(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        message: Analysis | None,
    ) -> list[Span]:
        """A word stressed in capitals beside feigned awe or praise ("Wow, your job sounds SO exhausting",
        "WOW, great job") reads as sarcasm, unless the draft shares a joy or their message is good news."""
        letters = [t.text for t in doc if t.text.isalpha()]
        if not letters or sum(t.isupper() and len(t) > 1 for t in letters) * 2 > len(letters):
            return []  # all capitals is shouting or a style, not stress on one word
        if _good_news(message):
            return []
        warm = {"presence", "apology"}
        out: list[Span] = []
        for sn in sentences:
            caps = [i for i in sn.words if doc[i].text.isupper() and len(doc[i].text) > 1 and doc[i].text.isalpha()]
            if not caps or any(f[0] < sn.end and sn.start < f[1] and f[2] == "contempt" for f in flags):
                continue
            span = doc[sn.start : sn.end]
            if any(st.kind in warm and st.start < span.end_char and span.start_char < st.end for st in strengths):
                continue
            if any(
                norms[i] in self._warm_caps_words for i in sn.words
            ):
                continue
            opener = next((i for i in sn.words if norms[i] not in self._lead_ins - {"oh", "well"}), sn.words[0])
            bare_must = norms[opener] == "must" and opener + 1 < sn.end and norms[opener + 1] == "be"
            if norms[opener] in self._sarcasm_openers or bare_must:
                # ("must be SO hard sitting at a desk": a "must be" with no subject and a stressed word is mock pity)
                return [Span(sn.start, sn.end, "contempt", "structure.caps_sarcasm")]
        return out

    def _chat_flags(
        self, norms: Sequence[str], sentences: Sequence[_Sentence], flags: Sequence[Span], message: Analysis | None
    ) -> list[Span]:
        """Roadblocks told by a sentence's shape in chat: "ok and", a reply that is only "lol ok" / "k whatever",
        "same lol my day was worse", "ugh i had the worst day too"."""
        out: list[Span] = []
        taken = {(f[0], f[2]) for f in flags}
        good_news = _good_news(message)
        said = [norms[i] for sn in sentences for i in sn.words]
        glad = good_news and any(n == "!" for n in norms)  # "cool!!" shares the joy; "ok cool" shrugs it off
        if said and not glad and not any(sn.question and not sn.backchannel for sn in sentences):
            plain = self._backchannels | self._brush_off_words | self._brush_off_marks | self._chat_marks
            plain = plain | self._laughter
            bare = [w.rstrip(".") or w for w in said]  # "k. night": a chat letter the tokenizer kept with its period
            if (
                all(w in plain for w in bare)
                and any(w in self._brush_off_words for w in bare)
                and any(w in self._brush_off_marks | self._laughter for w in bare)
            ):
                return [Span(sentences[0].start, sentences[-1].end, "dismissive", "structure.brush_off")]
        if len(said) - sum(w in self._laughter | self._chat_marks for w in said) == 1:
            word = next(w for w in said if w not in self._laughter | self._chat_marks)
            if word in self._sneers:  # "typical", "figures", "shocker lol": the whole reply is a sneer
                return [Span(sentences[0].start, sentences[-1].end, "contempt", "structure.sneer")]
        for sn in sentences:
            words = [i for i in sn.words if norms[i] not in self._chat_marks | self._laughter]
            if not words:
                continue
            names = [norms[i] for i in words]
            # "he wasn't good enough for you anyway", "it's a made up holiday anyway": made small as an afterthought
            lead = [w for w in names if w not in self._lead_ins]
            if (
                len(lead) >= 4
                and lead[-1] in {"anyway", "anyways"}
                and lead[0] in {"it", "that", "this", "he", "she", "they", "there"}  # "there's a new one ... anyway"
                and not any(w in self._warm_before_anyway for w in lead)
            ):
                out.append(Span(words[0], sn.end, "minimizing", "structure.anyway"))
                continue
            # "so do you lol", "so are you", "well so did you": the complaint turned back on them
            core = [w for w in names if w not in self._lead_ins - {"so"}]
            asked = any(norms[i] == "?" for i in range(sn.start, sn.end))
            if len(core) == 3 and core[0] == "so" and core[1] in self._aux and core[2] in self._you and not asked:
                out.append(Span(sn.start, sn.end, "defensive", "structure.so_do_you"))
                continue
            # "ok and", "okay and??", "k and": a shrug that asks them to get to the point
            if names[-1] == "and" and len(names) <= 3 and all(w in self._backchannels | {"so"} for w in names[:-1]):
                if len(names) > 1:
                    out.append(Span(sn.start, sn.end, "dismissive", "structure.ok_and"))
                continue
            head = next((k for k, w in enumerate(names) if w not in self._lead_ins), None)
            if head is None:
                continue
            if names[head] in self._backchannels | self._brush_off_words | self._quick_praise_words:
                head = next((k for k in range(head + 1, len(names)) if names[k] not in self._lead_ins), head)
                # "nice, i got one too last month": the listener's own news after a word of acknowledgement
            # "same lol", "omg same my boss is the worst too", "same here": the spotlight turns to the listener
            if names[head] == "same" and (
                head + 1 == len(names) or names[head + 1] not in {"time", "as", "way", "old"}
            ):
                if (words[head], "self_focus") not in taken:
                    out.append(Span(words[head], sn.end, "self_focus", "structure.same"))  # fmt: skip
                continue
            # "i had the worst day too", "my boss is awful too": the listener's own story, said alongside theirs
            while len(names) > 2 and names[-1] in self._trailing:
                names = names[:-1]  # "i've been thinking about switching jobs too actually"
            tail = names[-2:] == ["as", "well"] or names[-1] in {"too", "also"}
            if (
                tail
                and names[head] in {"i", "my", "mine"}
                and len(names) - head >= 3
                and not any(w in self._you | {"your", "yours", "we", "us", "our"} for w in names)
                and not any(
                    norms[x] in self._me_too_exceptions
                    or (_stem(norms[x]) in self._me_too_exceptions and "my" not in names)
                    for x in range(sn.start, sn.end)
                )  # "i've been missing that too" feels with them ("i've been missing my grandpa too" does not)
                and not any(f[2] == "self_focus" and f[0] < sn.end and sn.start < f[1] for f in flags)
            ):
                out.append(Span(words[head], sn.end, "self_focus", "structure.me_too"))
        return out

    def _mock_praise(
        self,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        message: Analysis | None,
        scope: str,
    ) -> list[Span]:
        """Praise for a failure, as usual ("brilliant job as usual", "great work again", "nice one, yet again") to a
        message that hurts or tells a mishap the writer had, or a reply that is only a cheer ("wow, real smooth",
        "well done, champ") to a mishap the writer had: sarcasm, contempt. Not with warmth beside it ("sorry", a
        reflection), not to good news."""
        if message is None or _good_news(message):
            return []
        if message.valence >= -0.05 and scope != "own_act":
            return []
        if any(st.kind in {"apology", "presence", "reflection", "validation"} for st in strengths):
            return []
        out: list[Span] = []
        for sn in sentences:
            if any(f[0] < sn.end and sn.start < f[1] for f in flags):
                continue
            content = [i for i in sn.words if norms[i] not in self._lead_ins]
            words = [norms[i] for i in sn.words]
            plain = self._praise | self._backchannels | self._interjections | self._praise_fillers | self._lead_ins
            if scope == "own_act" and len(sentences) == 1 and 0 < len(words) <= 4 and all(w in plain for w in words):
                if any(w in self._praise - {"well"} or w == "done" for w in words):
                    # "wow, real smooth", "well done, champ", "bravo" to "i forgot my laptop and missed the
                    # meeting": the whole reply a cheer for a mishap of theirs
                    out.append(Span(sn.start, sn.end, "contempt", "structure.praise_alone"))
                continue
            if not content or norms[content[0]] not in self._praise:
                continue
            names = [norms[i] for i in content]
            again = names[-1] == "again" or any(
                a == "as" and b in self._as_usual_words for a, b in zip(names, names[1:], strict=False)
            )

            if again and not any(w in self._warm_absolute - {"best"} for w in names):
                out.append(Span(sn.start, sn.end, "contempt", "structure.praise_as_usual"))
        return out

    def _mockery(self, norms: Sequence[str], sentences: Sequence[_Sentence], flags: Sequence[Span]) -> list[Span]:
        """Contempt read from the shape of mockery:
        - a question that answers itself with a small cause ("exhausted from what, a ten minute drive?");
        - "good luck with that" said as the last word of a sentence."""
        if any(f[2] == "contempt" for f in flags):
            return []
        out: list[Span] = []
        for sn in sentences:
            names = [norms[i] for i in sn.words]
            for k, w in enumerate(names):
                if w == "what" and k and names[k - 1] in {"from", "by", "over", "about", "with"}:
                    after = sn.words[k] + 1
                    while after < sn.end and norms[after] in self._answers_itself_fillers:
                        after += 1
                    rest = [i for i in range(after + 1, sn.end) if norms[i][:1].isalnum()]
                    if sn.question and after < sn.end and norms[after] == "," and rest:
                        out.append(Span(sn.start, sn.end, "contempt", "structure.answers_itself"))
                        break
            if len(names) >= 4 and names[-4:] == ["good", "luck", "with", "that"]:
                out.append(Span(sn.words[-4], sn.end, "contempt", "structure.good_luck_with_that"))
        return out

    def _laughs_at_pain(
        self,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        message: Analysis | None,
        msg_norms: Sequence[str],
    ) -> list[Span]:
        """Laughter or an eye-roll at a message that hurts, with no care beside it ("haha classic", "RIP your plant
        lmao", "must have been SO hard 🙄"): contempt. Read last, only when no other roadblock names the reply (a
        story or a verdict with "lol" after it is that roadblock); not when the writer laughs first, or the draft
        says sorry, stays with them, validates, or asks how they are."""
        out: list[Span] = []
        if any(f[2] in self._roadblocks for f in flags):
            return out
        if message is None or _good_news(message):
            return out
        if any(n in self._laughter for n in msg_norms):
            return out  # "i tripped on stage lol": laughing with them
        rolls = {"\U0001f644", "\U0001f612"}  # eye-roll, unamused: at them ("so hard for you 🙄"), whatever they felt
        hurts = message.valence < -0.2
        marked = [
            sn for sn in sentences
            if any(
                (hurts and (norms[i] in self._laughter or _LAUGH.fullmatch(norms[i]) is not None))
                or (norms[i] in rolls and any(norms[x] in self._you | {"your"} for x in range(sn.start, sn.end)))
                for i in range(sn.start, sn.end)
            )
        ]  # fmt: skip
        if not marked:
            return out
        rolled = any(norms[i] in rolls for sn in marked for i in range(sn.start, sn.end))
        care = {"apology", "presence", "validation", "open_question", "named_feeling"}  # ("you cried lol": not care)
        if not rolled and any(st.kind in care for st in strengths):
            return out  # (an eye-roll turns "must have been so hard for you" into its opposite)
        said = {norms[i] for sn in sentences for i in range(sn.start, sn.end)}
        if said & self._comfort_words or any(
            sn.question and self._checkin([norms[i] for i in sn.words]) for sn in sentences
        ):
            return out
        return [Span(marked[0].start, marked[-1].end, "contempt", "structure.laughs_at_pain")]

    def _bare_labels(self, norms: Sequence[str], sentences: Sequence[_Sentence], flags: Sequence[Span]) -> list[Span]:
        """A sentence that is only a label ("so lazy, honestly", "greedy greedy", "petty tbh") answering what the
        partner did or felt: judging. Read only when the message is not someone else's act ("my coworker took my
        lunch" -> "so rude" takes their side)."""
        out: list[Span] = []
        filler = self._lead_ins | self._chat_marks | self._laughter | self._intense | self._label_fillers
        filler = filler | {"sounds", "seems", "that", "'s", "is", "was", "kinda"}  # "sounds pretty lazy tbh"
        for sn in sentences:
            if sn.question or any(f[0] < sn.end and sn.start < f[1] for f in flags):
                continue
            names = [norms[i] for i in sn.words if norms[i] not in filler]
            if names and all(w in self._labels for w in names):
                out.append(Span(sn.start, sn.end, "judging", "structure.bare_label"))
        return out

    def _blame_flags(
        self, doc: Doc, norms: Sequence[str], sentences: Sequence[_Sentence], flags: Sequence[Span], draft: Analysis
    ) -> list[Span]:
        """Blame for a choice: the outcome pinned on what they did (judging). Two shapes: a clause about what "you"
        did left hanging on "so" ("you were going way too fast, so...", "you chose to skip lunch, so."), and a
        condition on them whose main clause says it would not have happened ("if you were more organised this
        wouldn't keep happening"). Not a question, their own words said back, or a clause that names a feeling
        ("you were exhausted, so..." trails off with them)."""
        out: list[Span] = []
        chatter = self._lead_ins | self._chat_marks | self._laughter | self._adverbs
        felt = [(m.start, m.end) for m in draft.emotions if not m.negated]
        for sn in sentences:
            if sn.question or sn.backchannel or len(sn.words) < 3:
                continue
            if any(f[0] < sn.end and sn.start < f[1] for f in flags):
                continue
            lo, hi = doc[sn.start].idx, doc[sn.end - 1].idx + len(doc[sn.end - 1].text)
            if any(a < hi and lo < b for a, b in felt):
                continue
            lead = next((w for w in sn.words if norms[w] not in chatter), None)
            last = sn.words[-1]
            trailing = norms[last] == "so" and all(not norms[k][:1].isalnum() for k in range(last + 1, sn.end))
            if trailing and lead is not None and lead < last - 1 and norms[lead] in self._you - {"yourself"}:
                effort = any(norms[x] == "been" and norms[x + 1].endswith("ing") for x in range(lead, last))
                warm = any(norms[x] in self._praise | self._warm_absolute for x in sn.words if x >= lead)
                if not (effort or warm or self._inside(sn.speech, lead) or self._inside(sn.frames, lead)):
                    out.append(Span(sn.words[0], sn.end, "judging", "structure.blame.trailing_so"))
                    continue
            for k in sn.words:
                if norms[k] != "if" or self._inside(sn.speech, k):
                    continue
                subj = self._skip_adverbs(norms, k + 1, sn.end)
                if subj >= sn.end or norms[subj] not in self._you - {"yourself"}:
                    continue
                w = next((x for x in range(subj + 1, sn.end - 2) if (norms[x], norms[x + 1]) == ("would", "not")), None)
                if w is None or norms[w - 1] not in self._blame_outcomes:
                    continue
                after = norms[w + 2]
                if after in {"have", "keep", "happen"}:
                    out.append(Span(k, sn.end, "judging", "structure.blame.counterfactual"))
                    break
        return out

    def _of_course_you(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        message: Analysis | None,
    ) -> list[Span]:
        """ "*sigh* of course you do", "of course you did.": "of course" and a bare auxiliary after "you", with
        nothing to grant, says it was to be expected of them (contempt). Not an answer to their own question ("do
        i still have a chance?" "of course you do!"), not said with "!", and only beside a sigh or an eye-roll."""
        out: list[Span] = []
        for sn in sentences:
            names = [norms[i] for i in sn.words if norms[i] not in self._lead_ins | self._chat_marks | self._sighs]
            if not (3 <= len(names) <= 4 and names[:2] == ["of", "course"] and names[2] in self._you):
                continue
            if not all(w in self._aux or w == "not" for w in names[3:]) or len(names) == 3:
                continue
            if any(f[0] < sn.end and sn.start < f[1] for f in flags) or doc[sn.end - 1].text.endswith("!"):
                continue
            sighed = any(norms[i] in self._sighs for sn2 in sentences for i in range(sn2.start, sn2.end))
            asked = message is not None and (message.has_cue("question") or message.text.rstrip().endswith("?"))
            if asked or not sighed:
                continue  # ("i'm wiped" "of course you are. you've worked all week": granted, not sneered)
            out.append(Span(sn.start, sn.end, "contempt", "structure.of_course_you"))
        return out

    def _absolute_at(self, norms: Sequence[str], i: int, end: int) -> int:
        """Where an all-or-nothing marker at token i ends ("never", "constantly", "everyone", "no one", "every
        sunday", "every single time", "all the time", "are all like that"), or ``i`` when there is none."""
        n = norms[i]
        nxt = norms[i + 1] if i + 1 < end else ""
        if n in self._absolute_adverbs or n in self._universals:
            return i + 1
        if n == "no" and nxt == "one":
            return i + 2
        if n in {"every", "each"}:
            k = i + 1
            while k < end and norms[k] in self._every_fillers:
                k += 1
            return k + 1 if k < end and (norms[k] in self._every_nouns or _stem(norms[k]) in self._every_nouns) else i
        if n == "all" and list(norms[i + 1 : i + 3]) == ["the", "time"] and i + 3 <= end:  # norms may be a tuple
            return i + 3
        if n == "all" and i and norms[i - 1] in {"are", "'re", "were"} and nxt in {"like", "the", "out", "so"}:
            return i + 1  # "doctors are all like that"
        if n == "all" and nxt == "of" and i + 2 < end and norms[i + 2] in {"them", "em", "'em"}:
            return i + 3  # "managers always do that, all of them"
        if n == "ever" and i and norms[i - 1] == "," and (i + 1 >= end or not norms[i + 1][:1].isalnum()):
            return i + 1  # "you get nothing done on fridays, ever.": a sweep added after the claim
        return i

    def _commiserates(self, norms: Sequence[str]) -> bool:
        """ "oh nooo 😭", "noooo 💔", "poor pup": a wail of sympathy somewhere in the draft, and no eye-roll or laugh
        beside it, so a "poor you" in it is pity shared, not mocked."""
        wail = any(
            n in self._crying_emoji or (len(n) >= 4 and n[0] == "n" and set(n[1:]) == {"o"})
            or (n == "no" and i and norms[i - 1] == "oh")
            or (
                n == "poor" and i + 1 < len(norms) and norms[i + 1][:1].isalpha()
                and norms[i + 1] not in self._pity_objects
            )
            for i, n in enumerate(norms)
        )  # ("poor pup, and poor you": pity for what suffered, then for them)
        mocked = any(n in self._laughter or n in {"\U0001f644", "\U0001f612"} for n in norms)
        return wail and not mocked

    def _habit_of_saying(self, norms: Sequence[str], sn: _Sentence, lead: int, i: int) -> bool:
        """ "you say that about literally everything", "you worry about everyone all the time", "you say nobody
        respects you every single week": the saying itself made a habit, not their words said back. "you" opens the
        sentence with a speech or thought verb in the present ("you said ...", "you feel like ..." stay theirs), and
        the sweep is what it is about ("about (literally) everything") or how often it comes ("every week")."""
        if norms[lead] not in self._you:
            return False
        k = lead + 1
        while k < i and norms[k] in self._adverbs | {"literally"}:
            k += 1
        verb = norms[k] if k < i else ""
        if verb not in self._saying_habits:
            return False
        had = self._prev_word(norms, sn, i, self._adverbs | self._habit_fillers)
        about = had is not None and norms[had] == "about" and (norms[i] in self._universals or norms[i] == "every")
        often = norms[i] in self._often_words and (
            norms[i] != "every" or self._absolute_at(norms, i, sn.end) > i
        )
        return about or often

    def _generalizations(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        msg_norms: Sequence[str],
    ) -> list[Span]:
        """A sweeping claim about people or things ("doctors never listen to anyone", "everyone at that company is
        out for themselves", "you get like this every sunday", "she cancels on everyone") turns one moment into a
        rule about who they or others are: absolute. Not when their message generalised first (saying it back is a
        reflection), when the draft owns a part, when the claim is warm or a promise ("you always make me laugh",
        "i'll always be there", "you can always call me", "nobody deserves that"), a validation ("anyone would be
        hurt"), what someone said, or a question; "you always / you never" are the phrase rows' (with their
        exceptions)."""
        if any(
            self._absolute_at(msg_norms, i, len(msg_norms)) > i and msg_norms[i] not in self._universals
            for i in range(len(msg_norms))
        ):
            return []  # "he's always late": their rule, said back ("nobody replied" tells one time, not a rule)
        if self._owned(norms, strengths):
            return []
        chars = [(t.idx, t.idx + len(t.text)) for t in doc]
        out: list[Span] = []
        for sn in sentences:
            if sn.question or sn.indirect or sn.backchannel or not sn.words:
                continue
            if any(f[0] < sn.end and sn.start < f[1] for f in flags):
                continue  # one flag per roadblock: "everyone goes through this" is minimizing already
            span = (sn.start, sn.end)
            if any(
                st.kind in {"reflection", "validation", "presence"}
                and st.start < chars[span[1] - 1][1] and chars[span[0]][0] < st.end
                for st in strengths
            ):
                continue  # "that sounds so draining, carrying that for everyone": said back
            names = {norms[i] for i in sn.words}
            if names & self._reflective_verbs:
                continue
            if any(norms[i] == "no" and norms[i + 1] == "matter" for i in sn.words if i + 1 < sn.end):
                names = names - {"matter"}  # "no matter where", not "you matter"
            hedged = {i for i in sn.words if norms[i] in {"kind", "sort"} and i + 1 < sn.end and norms[i + 1] == "of"}
            minds = (("change", "your"), ("up", "your"))  # "you change your mind about everything", not "on your mind"
            hedged |= {i for i in sn.words if norms[i] == "mind" and tuple(norms[i - 2 : i]) in minds}
            names -= {norms[i] for i in hedged}  # "it's kind of your thing", "you change your mind": not "so kind"
            if names & self._warm_absolute or names & self._possibility_words:
                continue  # warm, a validation ("anyone would"), a promise, or a habit that was ("you used to")
            if names & self._common_feeling_marks:
                continue  # "everyone feels that way sometimes": a feeling made common, hedged (minimizing's to read)
            if norms[sn.start] in {"-", "--", "\u2014", "\u2013", "..."}:
                continue  # "-every day.": the end of their sentence, finished for them
            chatter = self._laughter | self._chat_marks | self._lead_ins
            lead = next((w for w in sn.words if norms[w] not in chatter), sn.words[0])  # "lol you cry at ..."
            whole = self._every_bit_nouns  # "you earned every bit", "you had every reason": theirs
            for i in range(sn.words[0], sn.end):
                if not norms[i][:1].isalnum():
                    continue  # "all" is a function word, so not in sn.words: "you leave stuff on trains all the time"
                end = self._absolute_at(norms, i, sn.end)
                nxt = norms[i + 1] if i + 1 < sn.end else ""
                if end == i and norms[lead] in self._you and i > lead:
                    if (norms[i] == "every" and nxt[:1].isalpha() and nxt not in self._function_words | whole) or (
                        norms[i] == "no" and nxt == "matter"
                    ):
                        end = i + 2  # "you complain about every coworker", "you're nervous no matter what": a rule
                    elif norms[i] == "all" and nxt == "of" and i + 2 < sn.end and norms[i + 2] in {"your", "ur", "the"}:
                        end = i + 3  # "you panic before all of your exams"
                named = nxt[:1].isalpha() and nxt not in self._function_words | whole
                if end == i and norms[i] == "every" and named and i + 2 < sn.end and norms[i + 2] in self._you:
                    end = i + 3  # "this happens with every deadline you get": a rule about them, whoever acts
                if end == i:
                    continue
                habit = False
                if self._inside(sn.frames, i) or self._inside(sn.soft, i) or self._inside(sn.speech, i):
                    habit = self._habit_of_saying(norms, sn, lead, i)
                    if not habit:
                        continue  # their words said back; a later "every single week" may still make it a habit
                head = max((h for h in sn.heads if h <= i), default=sn.words[0])
                if head < lead <= i:
                    head = lead  # "lol you cry at everything": the clause's subject, past the laugh
                subj = norms[head]
                if subj in {"i", "we", "me", "my", "our", "us", "let", "ill", "ive", "id"}:
                    break  # the listener's own promise or habit ("i'm always here", "ill always have your back")
                if head in sn.command_heads and subj in self._commands | self._invite_verbs | self._question_words:
                    break  # "tell me everything": an invitation (a command with a sweep is advice's to flag)
                if i > sn.start and norms[i - 1] in {"not", "hardly", "almost"}:
                    break  # "not everybody does": no sweep
                had = self._prev_word(norms, sn, i, self._adverbs | self._sweep_hedges)
                lifelong = any(norms[x] == "life" and norms[x - 1] in {"your", "whole", "entire"} for x in sn.words)
                if norms[i] == "never" and had is not None and norms[had] in {"have", "'ve", "has", "had", "'d"} and (
                    not lifelong
                ):
                    break  # "you've never seen it that way": an experience ("... in your life" makes it a rule)
                prev = self._prev_word(norms, sn, i, self._adverbs | {"are", "'re", "do", "not"})
                if prev is not None and norms[prev] in self._you and norms[i] in {"always", "never", "constantly"}:
                    break  # "you always ..." is read by its phrase rows and their exceptions
                if any(norms[x] == "been" and norms[x + 1].endswith("ing") for x in range(head, i)):
                    break  # "you've been training every week for this": their effort, said back
                if not habit and any(norms[x] in self._you for x in range(head + 1, i)):
                    break  # "those calls drain you every time": what wears on them, not a verdict on anyone
                if norms[i] in self._universals and i + 1 < sn.end and norms[i + 1] in {"was", "were"}:
                    continue  # "everyone was yelling": a scene told once, not a rule
                if norms[i] in self._universals and i + 2 < sn.end and norms[i + 1] in {"is", "'s", "are", "'re"} and (
                    norms[i + 2].endswith("ing") and len(norms[i + 2]) > 4
                ):
                    continue  # "especially when everyone's planning it together": what is going on now, no rule
                if norms[i] in self._universals and i > sn.start and norms[i - 1] in {"of", "with", "through"}:
                    break  # "in front of everyone", "with everyone watching": where it happened
                if norms[i] in self._universals and i > sn.start and norms[i - 1] in self._ordeal_marks and (
                    i - 1 <= sn.words[0] or not norms[i - 2][:1].isalnum()
                ):
                    break  # "after everything with the inspection, you made it": all they went through, not a rule
                pronoun = subj in {"it", "its"} or (
                    subj in {"that", "this"} and head + 1 < sn.end and norms[head + 1] in self._aux | {"'s", "one"}
                )  # "that one gets everyone" (not "that teacher grades everyone")
                if norms[i] in self._universals and i > head and pronoun:
                    continue  # "that one gets everyone", "it happens to everybody": a thing that is hard for all
                if norms[i] == "everything" and prev is not None and _stem(norms[prev]) in {"do", "did", "tri", "gave",
                                                                                            "give", "done"}:
                    break  # "you did everything you could": their effort, said back
                if list(norms[i + 1 : i + 3]) in (["have", "to"], ["need", "to"], ["got", "to"]) or (
                    i + 1 < sn.end and norms[i + 1] in {"alone", "again"}
                ):
                    break  # "you never have to hide it", "never alone", "never again"
                out.append(Span(sn.words[0], sn.end, "absolute", "structure.generalization"))
                break
        return out

    # --- scope: whom the message and the draft are about ---------------------------------------------------
    def _message_scope(self, analysis: Analysis, msg: Sequence[str]) -> str:
        """What the partner's message is about: ``"complaint"`` (something the listener did: "you forgot to pick me
        up", "why didn't you text back", "you were on your phone all dinner"), ``"own_act"`` (something the writer did:
        "i spent 80 on face cream", "i yelled at my sister"), ``"accused"`` (someone's charge against the writer: "my
        friend said i was flaky"), ``"other_act"`` (what someone else did: "my boss yelled at me"), or ``""``."""
        if analysis.has_cue("celebration"):
            return ""
        words = [i for i, n in enumerate(msg) if n[:1].isalnum()]
        if analysis.has_cue("criticism") or self._carries_the_load(msg):
            return "complaint"
        family = self._rules.tables["families"].get(analysis.dominant) if analysis.dominant else None
        glad = family is not None and family.valence > 0  # "you made my day" is no complaint
        strong = {"wish", "when", "whenever", "upset", "hurt", "mad", "annoyed", "hate", "why", "like", "angry", "sad"}
        openers = self._breaks | {
            "if", "when", "whenever", "while", "because", "since", "that", "like", "how", "why", "even", "not", "cause",
            "until", "where", "after", "before", "wish", "upset", "hurt", "mad", "annoyed", "sad", "angry", "hate",
            "disappointed", "think", "feel", "felt", "way",
        }  # fmt: skip ("the way you talked to the waiter")
        asks = bool(words) and msg[words[0]] in self._aux and len(words) > 1 and msg[words[1]] in self._you
        writer_act = other_act = accused = False
        first_act = ""  # whose act the message tells first: "i let the dog out and he ran off" is the writer's
        if words and msg[words[0]] in self._act_verbs and not (len(words) > 1 and msg[words[1]] in self._you):
            writer_act = True  # "lied to my mom about the weekend", "skipped the show": chat drops the "i"
            first_act = "own"
        for k, i in enumerate(words):
            n = msg[i]
            prev = msg[words[k - 1]] if k else ""
            nxt = msg[words[k + 1]] if k + 1 < len(words) else ""
            after = msg[words[k + 2]] if k + 2 < len(words) else ""
            clause_start = k == 0 or prev in openers or not msg[i - 1][:1].isalnum() or prev in self._aux
            clause_start = clause_start or prev in self._remorse  # "i feel bad i snapped at my mom"
            slight = nxt in self._slight_acts  # "you laughed when i tripped", glad words or not
            if n == "your" and clause_start and not glad and any(
                msg[x] in self._slight_impacts for x in words[k + 2 : k + 8]
            ):
                return "complaint"  # "your comment about my cooking stung", "your joke really embarrassed me"
            if n in self._you and clause_start and not asks and (slight or prev in strong or not glad):
                if prev in self._aux and prev not in {"did", "do", "does", "would", "could"}:
                    continue  # "are you free", "is it you"; "you made my day" is no complaint
                if nxt[:1].isalpha() and (nxt not in self._neutral_after_you or (prev in strong and nxt != "know")):
                    return "complaint"  # "you left the car on empty", "why didn't you text", "when you laughed"
                if nxt in {"were", "was"} or (nxt == "have" and after == "been") or (
                    nxt in {"are", "'re", "re", "'d", "would"}
                    and (prev in {"when", "whenever", "wish"} or after in {"never", "always", "not", "constantly"})
                ):
                    return "complaint"  # "you were on your phone", "when you're on your phone", "i wish you'd asked"
            if n in {"i", "we"} and clause_start:
                j = k + 1
                while j < len(words) and msg[words[j]] in self._adverbs | {"just", "totally", "kinda", "accidentally"}:
                    j += 1
                verb = msg[words[j]] if j < len(words) else ""
                negated = verb in {"did", "do"} and j + 2 < len(words) and msg[words[j + 1]] == "not"
                negated = negated and msg[words[j + 2]] not in self._outcome_verbs
                kept = [msg[x] for x in words[j + 1 : j + 3]]
                outburst = verb == "lost" and any(w in {"temper", "cool", "patience"} for w in kept)  # not "my job"
                if verb in {"have", "'ve", "had"}:  # "i haven't called her", "i've been lying to my therapist"
                    x = j + 1
                    while x < len(words) and msg[words[x]] in {"not", "been", "just", "really", "kind", "of"}:
                        x += 1
                    done = msg[words[x]] if x < len(words) else ""
                    outburst = outburst or (
                        (done.endswith("ed") or done.endswith("ing") or done in self._act_verbs)
                        and done not in self._state_verbs
                        and done not in self._slights  # "i've been ignored": done to them
                        and not (x > j + 1 and msg[words[x - 1]] == "been" and done.endswith("ed"))
                    )
                if verb in self._act_verbs or negated or outburst:
                    writer_act = True  # "i spent 200 on ...", "i didn't go to the wedding"
                    first_act = first_act or "own"
            elif clause_start and (n in {"he", "she", "they"} or n in self._people) and nxt[:1].isalpha():
                if nxt in {"is", "'s", "was", "are", "'re", "were", "seems", "feels", "felt"} and (
                    after in self._state_verbs
                ):
                    continue  # "and she's upset", "he was hurt": how they took it, not something they did
                other_act = True  # "he yelled at me", "boss said ..."
                first_act = first_act or "other"
                accused = accused or self._charge(nxt, after)
            elif clause_start and n in {"my", "our", "his", "her", "their"} and nxt in self._people:
                other_act = True  # "my sister ignored me" ("i yelled at my sister" is the writer's act)
                first_act = first_act or "other"
                for x in (k + 2, k + 3):  # "my sister says i'm ...", "my friend lena said i was ..."
                    said = msg[words[x]] if x < len(words) else ""
                    who = msg[words[x + 1]] if x + 1 < len(words) else ""
                    accused = accused or self._charge(said, who)
            if n in {"felt", "feel", "feeling"} and prev == "i":
                rest = [msg[x] for x in words[k + 1 : k + 4] if msg[x] not in self._adverbs | {"kind", "of", "so"}]
                if rest and rest[0] in self._slights:
                    return "complaint"  # "i felt kind of ignored at the party": a slight the listener is answering
        if accused:
            return "accused"  # "my friend said i was being flaky": agreeing with it judges them
        if writer_act != other_act:
            return "own_act" if writer_act else "other_act"
        if writer_act and first_act == "own" and not analysis.has_cue("question"):
            return "own_act"  # "lied to my mom and she found out": what followed is the consequence of their act
        return ""

    @staticmethod
    def _carries_the_load(msg: Sequence[str]) -> bool:
        """ "i feel like i'm the only one who ever cleans", "i'm always the one planning", "i do all the dishes",
        "it's always me": the writer carries a shared load alone, a complaint at the listener who shares it."""
        words = [n for n in msg if n[:1].isalnum() or n in {"'s", "'m"}]
        for k, n in enumerate(words):
            nxt = words[k + 1 : k + 4]
            if n == "the" and nxt[:2] == ["only", "one"] and "i" in words[max(0, k - 4) : k]:
                return True  # "i'm the only one who ..."
            if n == "always" and nxt[:2] == ["the", "one"] and "i" in words[max(0, k - 4) : k]:
                return True  # "i'm always the one ..."
            if n == "i" and nxt[:2] in (["do", "all"], ["do", "everything"]):
                return True  # "i do all the dishes", "i do everything around here"
            if n in {"'s", "is"} and nxt[:2] == ["always", "me"]:
                return True  # "it's always me"
        return False

    def _charge(self, verb: str, who: str) -> bool:
        """ "(she) said i ...", "thinks i'm ...", "called me ...": a charge against the writer ("my doctor wants me to
        ..." is none)."""
        return (verb in self._claim_verbs and who == "i") or (verb in self._accuse_verbs and who == "me")

    def _owned(self, norms: Sequence[str], strengths: Sequence[Strength]) -> bool:
        """Whether the draft owns a part or takes the feeling in: an apology, "you're right", "my bad", a reflection."""
        kinds = {"apology", "reflection", "validation", "presence"}
        if any(st.kind in kinds for st in strengths):
            return True
        for i, n in enumerate(norms):
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            after = norms[i + 2] if i + 2 < len(norms) else ""
            if n == "sorry" and (nxt in self._you | {"if"} or (nxt == "i" and after in {"am", "'m"})):
                continue  # "sorry you feel that way", "sorry if", "sorry i'm not a robot": no apology
            if n in self._ownership_words and not (i and norms[i - 1] == "not"):
                return True
            if (n == "my" and nxt in {"bad", "fault"}) or (n == "on" and nxt == "me" and norms[i - 1] != "not"):
                return True  # "my bad", "that's on me" (not "that's not on me")
            if n in self._you and nxt in {"are", "'re", "re"} and after == "right":
                return True
            turn = after if nxt == "," else nxt
            if n == "fair" and i and norms[i - 1] in {"'s", "is"} and turn not in self._contrast | {","}:
                return True  # "that's fair. i've been leaving it all to you", "that's fair, i haven't been asking"
                # (not "that's fair, but")
            if n in {"feel", "felt"} and i and norms[i - 1] == "i" and (nxt in self._remorse or after in self._remorse):
                return True  # "i did, and i feel terrible"
        return False

    def _scoped_flags(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        flags: Sequence[Span],
        scope: str,
        draft: Analysis,
    ) -> list[Span]:
        """Roadblocks read from whom a sentence is about. To a complaint about the listener, the listener's own
        account ("i was literally working all day", "there was like a quarter tank"), a denial ("it was a joke") or the
        complaint turned back ("you're on yours half the time too", "well you didn't remind me") is defensive, unless
        the draft owns a part. Of an act the writer tells about, a verdict ("that was kinda selfish", "that's a lot to
        spend on shoes") is judging; said of someone else's act the same words take their side."""
        if scope not in {"complaint", "own_act", "accused"} or any(
            f[2] in {"defensive", "judging", "contempt"} for f in flags
        ):
            return []
        owned = self._owned(norms, strengths)
        felt = {
            t.i for m in draft.emotions if m.source == "lexicon" and not m.negated
            for t in doc if m.start <= t.idx < m.end
        }  # fmt: skip
        for sn in sentences:
            words = sn.words
            tagged = (
                sn.question
                and len(words) > 3
                and norms[words[-1]] in self._tag_words
                and norms[words[-1] - 1] == ","
            )  # "i did it last sunday, remember?": a statement with a tag, not a question to answer
            if (sn.question and not tagged) or sn.backchannel or sn.indirect or self._inside(sn.speech, sn.start):
                continue
            said = [
                i for i in range(sn.start, sn.end) if norms[i][:1].isalnum() or norms[i][:2] in {"'s", "'r", "'v", "'m"}
            ]  # "'s", "'re", "'ve" kept: "that's", "you're"
            breaks = _PUNCT_BREAKS | self._contrast
            cuts = [k for k, i in enumerate(said) if k and (norms[i - 1] in breaks or norms[i] in self._contrast)]
            for a, b in zip([0, *cuts], [*cuts, len(said)], strict=False):
                clause = [i for i in said[a:b] if norms[i] not in self._chat_marks | self._laughter]
                lead = [norms[i] for i in clause[:1]]
                content = [i for i in clause if norms[i] not in self._lead_ins | self._contrast]
                if len(content) < 2:
                    continue
                names = [norms[i] for i in content]
                lead_n = next((k for k, i in enumerate(clause) if norms[i] not in self._lead_ins | self._contrast), 0)
                verdict_names = [norms[i] for i in clause[lead_n:]]  # "that's really not okay": "okay" is no lead-in
                theirs_felt = bool(felt & set(content)) and (names[0] not in {"i", "my", "me"} or "too" in names)
                # ("i'm lonely too": the listener's own feeling set beside theirs is self-focus's to read)
                if scope == "complaint" and not owned and not theirs_felt and self._answers_back(names, lead):
                    # (a clause naming a feeling not the listener's own says theirs back: "..., and it's exhausting")
                    return [Span(content[0], sn.end, "defensive", "structure.answers_back")]
                if scope in {"own_act", "accused"} and (self._verdict(names) or self._verdict(verdict_names)):
                    return [Span(content[0], sn.end, "judging", "structure.verdict")]
                if scope == "accused" and self._agrees(names):
                    return [Span(content[0], sn.end, "judging", "structure.agrees")]
        return []

    def _answers_back(self, names: Sequence[str], lead: Sequence[str]) -> bool:
        """ "i was (literally) working all day", "i thought they might help", "it was a joke", "there was no name on
        it", "you could've called me too", "and you bought a couch without asking"."""
        w0, w1 = names[0], names[1]
        if names[:2] == ["not", "me"]:
            return True  # "you're the distant one lately, not me"
        if w0 == "i":
            wish = next((k for k, w in enumerate(names[:5]) if w in {"want", "wish", "hope"}), None)
            if wish is not None and any(w in self._you for w in names[wish + 1 : wish + 3]) and any(
                w in {"feel", "feeling", "felt", "to"} for w in names[wish + 2 : wish + 5]
            ):
                return False  # "i don't want you feeling second", "i never want you to feel that": a wish for them
            k = 1
            while k < len(names) and names[k] in self._adverbs | {"literally", "even", "already"}:
                k += 1
            marked = any(w in self._defensive_marks for w in names[1:k])
            verb = names[k] if k < len(names) else ""
            nxt = names[k + 1] if k + 1 < len(names) else ""
            if verb in self._state_verbs or verb in self._promise_words:
                return False  # "i feel awful", "i'll do better", "i just want you to be happy"
            if verb in {"can", "could", "should"} and nxt == "not":
                return (names[k + 2] if k + 2 < len(names) else "") not in self._state_verbs  # "i can't just text"
            if verb in {"was", "were"} and nxt in {"going", "gonna"}:
                return True  # "i was gonna ask tonight": what they meant to do, said instead of hearing it
            after = names[k + 2] if k + 2 < len(names) else ""
            if verb in {"was", "were"} and (
                nxt == "being" or (nxt in {"still", "just", "only"} and after.endswith("ing") and len(after) > 4)
            ):
                return True  # "i was being totally reasonable", "i was still watching", "i was just trying to help"
            if verb in {"am", "was", "'m", "were"} and nxt in self._state_verbs:
                return False  # "i was so worried", "i'm sorry"
            joined = " ".join(names)
            habitual = any(x in joined for x in ("all the time", "every day", "every time", "every single"))
            return marked or habitual or verb in self._account_verbs or (verb.endswith("ed") and len(verb) > 4)
        if w0 in {"he", "she", "they"} and w1 in {"was", "were", "is", "'s", "started", "did"}:
            return not any(w in {"sorry", "hurt", "upset", "right"} for w in names)  # "she was being nosy though"
        if w0 in {"it", "there"} and w1 in {"was", "is", "'s", "were"}:
            rest = names[2:]
            return bool(rest) and not any(w in self._you | {"your", "sorry", "awful", "bad", "wrong"} for w in rest)
        if w0 == "that" and w1 in {"was", "is", "'s"} and "not" in names[2:4]:
            rest = names[2:]
            return any(w in {"what", "how", "true", "fair", "my", "personal", "like"} for w in rest[1:3]) and not any(
                w in self._you | {"your"} for w in rest
            )  # "that's not what happened", "that's not true", "that wasn't personal"
        if w0 in self._you:
            k = 1 if lead and lead[0] in {"and", "well", "but"} else 0  # "and you bought a couch without asking"
            rest = names[1:]
            ends = names[-2:] in (["as", "well"], ["not", "me"])  # "you're the distant one lately, not me"
            turned = names[-1] in {"too", "also", "either"} or ends or "half" in rest
            could = rest[:2] in (["could", "have"], ["could", "'ve"], ["could", "of"])  # "you could've called me"
            never = any(w in {"never", "not"} for w in rest[:3]) and any(w in self._counter_verbs for w in rest[1:4])
            return (turned or could or never or k == 1) and not any(
                w in {"right", "deserve", "deserved", "feel", "felt", "feeling", "sound", "sounds"} for w in rest
            )
        return False

    def _then_theirs(
        self, norms: Sequence[str], sentences: Sequence[_Sentence], flags: Sequence[Span], agreeing: set[str]
    ) -> bool:
        """ "me neither. that was so out of line": after the agreement the draft goes on about their matter, in
        sentences of its own with no "i" or "my" of the listener's."""
        marks = [f for f in flags if f[3] in agreeing]
        if not marks:
            return False
        rest = [norms[i] for sn in sentences if sn.start > marks[0][0] for i in sn.words]
        return len(rest) >= 3 and not any(w in self._writer_words for w in rest)

    def _agrees(self, names: Sequence[str]) -> bool:
        """To "my friend said i was flaky": "she's kinda right tho", "well you do cancel on people", "you have been a
        lot lately": the charge confirmed."""
        k = next((x for x, w in enumerate(names) if w not in self._agreement_openers), len(names))
        rest = [w for w in names[k:] if w not in self._adverbs | self._agreement_hedges]
        if len(rest) < 2 or any(w in {"not", "never", "wrong"} for w in rest[:4]):
            return False
        who, verb = rest[0], rest[1]
        if who in {"she", "he", "they"} and verb in {"is", "'s", "are", "'re", "has", "have"}:
            return "right" in rest[2:4] or "point" in rest[2:5]  # "she's kinda right", "he has a point"
        bare = len(rest) == 2 or rest[2] in self._aside_marks
        if who in self._you and verb in {"are", "'re", "were"}:
            return bare  # "you kinda are tho"
        return who in self._you and verb in {"do", "does", "did", "have", "'ve"} and (bare or rest[2] != "to")

    def _verdict(self, names: Sequence[str]) -> bool:
        """ "that was kinda selfish", "that's so bad for you", "well that was a choice", "yeah that was a bit of a
        selfish call", "that wasn't really your place", "you were the one who needed a time out", "you kind of have a
        pattern of bailing": a grade given to what they did."""
        hedges = self._adverbs | self._verdict_hedges  # fmt: skip
        k = 0
        while k < len(names) - 2 and names[k] in self._verdict_lead_ins:
            k += 1  # "sounds like you were ...", "i mean that wasn't ..."
        names = names[k:]
        if names and names[0].endswith("ing") and len(names[0]) > 4 and names[0] not in self._not_gerunds:
            # "ghosting people is kinda cruel", "lying to her was wrong", "reading her phone was a breach of trust":
            # the deed named as a gerund, then graded
            cop = next((x for x in range(1, min(len(names), 5)) if names[x] in {"was", "is", "'s"}), None)
            if cop is None or any(w in self._persons - {"her", "him", "them"} for w in names[1:cop]):
                return False
            names = ["that", *names[cop:]]
        if len(names) < 3 or names[0] not in {"that", "this", "it", "you"}:
            return False
        names = [*names[:1], *(w for w in names[1:3] if w not in hedges), *names[3:]]  # "you kind of have ..."
        rest = [w for w in names[2:] if w not in hedges]
        if names[0] == "you" and names[1] in {"have", "'ve"}:
            return bool(rest) and rest[0] in {"pattern", "habit", "tendency", "history"}  # "you have a pattern of"
        if names[1] not in {"was", "is", "'s", "were", "are", "'re", "sounds", "seems"} or not rest:
            return False
        word, nxt = rest[0], rest[1] if len(rest) > 1 else ""
        if names[0] == "you" and rest[:3] == ["the", "one", "who"]:
            return True  # "you were the one who needed a time out"
        if word == "not":
            return nxt in self._not_verdict_words
        if any(w in self._trust_breaches and names[x + 1 : x + 2] == ["of"] for x, w in enumerate(names[2:6], 2)):
            return True  # "that was a real breach of trust", "a huge invasion of privacy"
        if word == "unfair" and nxt == "to" and len(rest) > 2 and rest[2] in {"her", "him", "them"}:
            return True  # "that was really unfair to her": their deed graded for someone else
        if word in self._fault_words:
            choices = self._choice_nouns
            after = rest[2] if len(rest) > 2 else ""
            if word == "lot" and nxt == "to" and after in self._burden_verbs:
                return False  # "that sounds like a lot to carry": the weight of it said back, no grade
            return word not in {"bad", "lot", "much"} or nxt in choices  # "that's so bad for you", not "that's bad"
        return False

    def _change_of_subject(
        self,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        message: Analysis,
        msg_words: frozenset[str],
        draft: Analysis,
    ) -> list[Span]:
        """A reply to something that hurt that is about something else ("Okay. Laundry's done, by the way.")."""
        if not msg_words or (message.dominant is None and message.valence > -0.2):
            return []
        listening = {"reflection", "validation", "presence", "apology", "named_feeling", "summary", "safety_check"}
        if any(st.kind in listening for st in strengths) or set(draft.topics) & set(message.topics):
            return []
        off: list[_Sentence] = []
        for sn in sentences:
            words = [norms[i] for i in sn.words if norms[i] not in self._function_words | self._backchannels]
            if sn.backchannel or not words:
                continue
            about_them = self._you | {"your", "yours", "it", "that", "this", "there", "me", "tell"}
            about_them = about_them | {"talk", "listen", "vent"}  # "let's talk tonight, i'll make tea": an invitation
            if any(norms[i] in about_them for i in sn.words) or any(_stem(w) in msg_words for w in words):
                return []  # about them or what they said ("how does it feel?", "tell me more")
            new = [w for w in words if w not in self._listening_words]
            wh_question = sn.question and bool(sn.words) and norms[sn.words[0]] in self._wh
            if not ((draft.topics and len(new) >= 2) or (wh_question and new)):
                return []  # only plainly about something else: a topic of its own, or a question of its own
            off.append(sn)
        if not off:
            return []
        return [Span(off[0].start, off[0].end, "dismissive", "structure.change_of_subject")]

    def _turns_away(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        questions: Mapping[int, _Question | None],
        message: Analysis,
        msg_words: frozenset[str],
        flags: Sequence[Span],
    ) -> list[Span]:
        """A hard message answered with something, then a turn to another matter: a sentence after the first that
        opens on a turn word (`{topic_shift_marks}`: "probably nothing. also we're out of paper towels", "yeah. oh btw
        your brother called") or asks about an errand or a thing of the house ("he's fine. did you call the plumber",
        "kids say stuff. did the plumber come?"), with none of their words in it. Whatever came first, nothing in the
        draft listened (a reflection, validation, presence, an apology, a feeling named)."""
        if any(f[2] == "dismissive" for f in flags) or len(sentences) < 2 or message.has_cue("crisis"):
            return []
        if (message.dominant is None and message.valence >= -0.2) or _good_news(message) or message.has_cue("question"):
            return []
        if message.has_cue("request") or message.has_cue("boundary"):
            return []
        listening = {"reflection", "validation", "presence", "apology", "named_feeling", "summary", "safety_check"}
        if any(st.kind in listening or st.kind == "open_question" for st in strengths):
            return []
        for sn in sentences[1:]:
            names = [norms[i] for i in sn.words if norms[i] not in self._lead_ins - {"also", "btw"}]
            if len(names) < 2:
                continue
            words = [w for w in names if w not in self._function_words | self._backchannels]
            if any(_stem(w) in msg_words for w in words) or any(w in self._care_words for w in names):
                continue  # still on what they said, or on how they are
            shift = names[0] in self._topic_shift_marks or (names[0] == "by" and names[1:3] == ["the", "way"])
            shift = shift and names[:2] != ["speaking", "of"] or (names[:2] == ["speaking", "of"] and len(names) > 3)
            q = questions.get(id(sn))
            errand = (sn.question or (q is not None and q.kind == "closed")) and any(
                w in self._house_objects for w in names
            )
            if q is not None and q.kind == "proposal" or any(w in {"me", "we", "i", "us"} for w in names):
                errand = False  # "can we sit down at breakfast?", "want me to pick up dinner?": taken up, or offered
            if shift or errand:
                return [Span(sn.start, sn.end, "dismissive", "structure.turns_away")]
        return []

    def _departs(
        self,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        message: Analysis,
        analyzed: AnalyzedDoc | None,
        flags: Sequence[Span],
    ) -> list[Span]:
        """A hard message answered by the listener leaving (`{departures}`: "yeah meetings suck. gotta run, talk
        later", "ok. love you. heading to the gym", "ok. going back to sleep"), with nothing heard first: no
        reflection, validation, presence, apology or feeling named anywhere in the draft."""
        if any(f[2] == "dismissive" for f in flags) or message.has_cue("crisis") or _good_news(message):
            return []
        if message.dominant is None and message.valence >= -0.2:
            return []
        if message.has_cue("request") or message.has_cue("boundary") or message.has_cue("question"):
            return []  # "can you check the oven? talk later": an errand answered, or space they asked for
        msg = tuple(analyzed.norms) if analyzed is not None else ()
        if any(msg[i : i + n] in self._departures for i in range(len(msg)) for n in (1, 2, 3, 4)):
            return []  # "i can't talk now, talk later" -> "ok, talk later": their own leaving, said back
        listening = {"reflection", "validation", "presence", "apology", "named_feeling", "summary", "safety_check"}
        if any(st.kind in listening for st in strengths):
            return []
        for sn in sentences:
            for i in range(sn.start, sn.end):
                if not any(tuple(norms[i : i + n]) in self._departures for n in (1, 2, 3, 4) if i + n <= sn.end):
                    continue
                j = self._prev_word(norms, sn, i, self._adverbs | {"still", "just", "gonna", "going"})
                if j is not None and norms[j] in self._persons and norms[j] != "i":
                    continue  # "we still have to go to dinner", "you need to go to bed": not the listener leaving
                return [Span(sn.start, sn.end, "dismissive", "structure.departs")]
        return []

    def _bare_ack(self, norms: Sequence[str], sn: _Sentence) -> bool:
        """ "k.", "cool cool.", "oh nice.", "mm ok.", "i know.", "hm.": an acknowledgement with nothing in it."""
        plain = self._backchannels | self._brush_off_words | self._chat_marks | self._laughter | {"know", "well"}
        plain = plain | self._endearments  # "idk babe.", "ok hon."
        names = [norms[i].rstrip(".") for i in sn.words]  # "k." is one token
        return 0 < len(names) <= 3 and all(w in plain for w in names) and not sn.question

    def _reaction_ack(self, norms: Sequence[str], sn: _Sentence) -> bool:
        """ "yikes.", "oh man.", "ugh, that sucks.", "that's annoying.": a short reaction to what they said, with
        nothing of theirs in it (no feeling of theirs named, no "you")."""
        names = [norms[i] for i in sn.words if norms[i] not in self._lead_ins]
        if not 0 < len(names) <= 4 or sn.question or any(w in self._you | {"your", "sorry"} for w in names):
            return False
        plain = self._backchannels | self._interjections | self._sighs | self._chat_marks | self._laughter
        rest = [w for w in names if w not in plain | {"that", "'s", "is", "so", "really", "sounds", "man", "god"}]
        return not rest or (len(rest) == 1 and (rest[0],) in self._felt_reactions)

    def _platitude(
        self, doc: Doc, norms: Sequence[str], sn: _Sentence, strengths: Sequence[Strength], draft: Analysis
    ) -> bool:
        """ "dreams are weird.", "people say stuff.", "who isn't these days.", "nothing we can do about it.": a short
        line that says nothing of theirs (no "you", no feeling named, no question of its own, not pointing at their
        matter with "that" or "it", no strength of any kind)."""
        marks = self._lead_ins | self._chat_marks | self._laughter | self._brush_off_words | self._sighs
        marks = marks | (self._backchannels - self._persons - {"it", "all", "of", "see", "got"})
        names = [norms[i] for i in sn.words]
        while names and names[0] in marks:  # "lol dreams are weird.", "eh, who isn't these days."
            names = names[1:]
        if not 1 < len(names) <= 5 or any(w in self._you | {"your", "sorry", "i", "me", "my"} for w in names):
            return False
        if names[0] in {"that", "it", "this", "sounds", "what", "how"} and not (names[0] == "what" and sn.question):
            return False  # "that sounds like so much pressure.", "it really has.": a word on their matter
        span = doc[sn.start : sn.end]
        if any(st.start < span.end_char and span.start_char < st.end for st in strengths):
            return False
        if sn.question and names[0] != "who":  # "who isn't these days": a question that answers itself
            return False
        return not any(
            m.source == "lexicon" and not m.negated and span.start_char <= m.start < span.end_char
            for m in draft.emotions
        )

    def _moving_on(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        questions: Mapping[int, _Question | None],
        message: Analysis,
        msg_words: frozenset[str],
        flags: Sequence[Span],
        draft: Analysis,
    ) -> list[Span]:
        """A bare acknowledgement, then something else ("mm ok. i'm gonna go shower", "oh nice. hey the electric
        bill came", "cool. what time are you home"): the message is waved past. A "k" or "ok?" alone does it too."""
        if any(f[2] == "dismissive" for f in flags) or not sentences or message.has_cue("crisis"):
            return []
        if message.has_cue("boundary"):
            return []  # "Got it. I won't bring it up.": they asked for space, and leaving it is the kind reply
        asks = message.has_cue("question") or message.has_cue("request")
        said = [norms[i] for sn in sentences for i in sn.words]
        hurting = message.dominant is not None and message.valence < -0.2
        shrugs = [t.text for t in doc if not t.is_space]
        if not said and not asks and hurting and shrugs and all(t in self._brush_off_marks for t in shrugs):
            return [Span(sentences[0].start, sentences[-1].end, "dismissive", "structure.so_what")]  # "👍" to a hurt
        felt = hurting or abs(message.valence) > 0.2
        if len(said) == 1 and not asks and felt and said[0] in self._brush_off_words:
            return [Span(sentences[0].start, sentences[-1].end, "dismissive", "structure.so_what")]  # "ok" to a hurt
        so_what = said[-1:] in (["and"], ["so"]) and all(w in self._brush_off_words for w in said[:-1])
        if so_what and len(said) <= 3 and not asks and felt and doc[-1].text in {"?", "??", "???"}:
            return [Span(sentences[0].start, sentences[-1].end, "dismissive", "structure.so_what")]  # "so?", "ok and?"
        if len(said) == 1 and not asks:
            last = next((t for t in reversed(doc) if not t.is_space), None)
            first = next(sn.words[0] for sn in sentences if sn.words)  # the one word said, whichever sentence holds it
            curt = doc[first].text.lower() in {"k", "kk", "sure"}  # "k": its norm is "okay"
            if curt or (said[0] in self._brush_off_words and last is not None and last.text == "?"):
                return [Span(sentences[0].start, sentences[-1].end, "dismissive", "structure.so_what")]  # "k", "ok?"
            return []
        opener = sentences[0]
        w0 = opener.words[0] if opener.words else opener.start
        dotted = doc[w0].text.lower() in {"k.", "kk."} or (
            doc[w0].text.lower() in {"k", "kk"} and w0 + 1 < opener.end and doc[w0 + 1].text == "."
        )
        if opener.words and dotted and len(opener.words) > 1:
            # "k. did you pay the gas bill": a one-letter word and its stop do not end a sentence (initials), so the
            # shrug and what follows are one sentence; read them as two
            cut = w0 + 1 if doc[w0].text.endswith(".") else w0 + 2
            sentences = [self._read_sentence(doc, norms, opener.start, cut),
                         self._read_sentence(doc, norms, cut, opener.end), *sentences[1:]]  # fmt: skip
            questions = {**questions, **{id(sn): self._question(doc, norms, sn) for sn in sentences[:2]}}
        reacted = (
            len(sentences) >= 2 and hurting and not self._bare_ack(norms, sentences[0])
            and self._reaction_ack(norms, sentences[0])
        )  # fmt: skip
        # "yikes. can you grab milk?", "ugh, that sucks. did you feed the cat?": a word of reaction, then an errand
        reacted = reacted or (
            len(sentences) >= 2 and not _good_news(message) and not self._bare_ack(norms, sentences[0])
            and self._platitude(doc, norms, sentences[0], strengths, draft)
        )  # "lol dreams are weird. what do you want for dinner", "nothing we can do about it. what time's your dentist
        # thing": a line about everyone, then an errand (only an errand, a chore or a question of its own moves on)
        if len(sentences) < 2 or not (reacted or self._bare_ack(norms, sentences[0])):
            return []
        listening = {"reflection", "validation", "presence", "apology", "named_feeling", "summary", "safety_check"}
        shared = hurting or message.dominant is not None or bool(message.topics)  # something of theirs was told
        rest = [sn for sn in sentences[1:] if not self._bare_ack(norms, sn)]  # "oh. right. so what are we doing"
        if not rest:
            return []
        for sn in rest:
            span = doc[sn.start : sn.end]
            if any(st.kind in listening and st.start < span.end_char and span.start_char < st.end for st in strengths):
                return []
            names = [norms[i] for i in sn.words]
            det = {"the", "my", "our"}
            thing = any(
                w in det and k + 1 < len(names) and names[k + 1] not in self._function_words
                and _stem(names[k + 1]) not in msg_words
                for k, w in enumerate(names)
            )  # "cool. did you eat the leftover pasta?", "hmm. you seen my charger?": a thing of the house, not theirs
            house = sn.question and any(
                w in det and k + 1 < len(names) and names[k + 1] in self._house_objects for k, w in enumerate(names)
            )  # "you seen my charger?" opens on "you" but says nothing of theirs back
            if sn.backchannel or (self._is_reflection(doc, norms, sn, strengths) and not house):
                return []
            if any(
                m.source == "lexicon" and not m.negated and span.start_char <= m.start < span.end_char
                for m in draft.emotions
            ):
                return []  # "ugh. it happens to so many and it still hurts like hell": the feeling is named
            if any(norms[i] == "love" and i + 1 < sn.end and norms[i + 1] in self._you for i in sn.words):
                return []  # "ok. love you.": warmth, not a brush-off
            words = [norms[i] for i in sn.words if norms[i] not in self._function_words | self._backchannels]
            if any(_stem(w) in msg_words for w in words):
                return []  # about what they said
            q = questions[id(sn)]
            if q is not None and q.kind == "open" and all(w in self._listening_words for w in words):
                return []  # "mm. what happened then?", "ok. how are you feeling?"
            if q is not None and q.kind == "proposal":
                return []  # "okay, yes. can we sit down tonight after dinner?": taking it up
            if (
                sn.question
                and not any(norms[i] in self._aux or norms[i] in self._persons for i in sn.words)
                and not (names[0] in self._wh and any(w in self._errands for w in names))
            ):
                return []  # "oh. in front of everyone?": their story asked back ("what's for lunch?" is not)
            narrow = (q is not None and q.rule == "structure.closed_question.narrow") or (
                len(names) > 1 and names[0] in {"what", "which"} and names[1] in self._narrow_nouns
            )  # "cool. what time are you home"
            back = self._about_them_words
            own = [w for w in words if w not in self._listening_words and w not in self._you | self._aux | {"ever"}]
            elsewhere = (
                message.valence < -0.2
                and q is not None
                and q.rule == "structure.closed_question"
                and len(own) >= 1
                and not any(w in back or w in self._checkin_words for w in names)
            )  # "hm. did you see the game last night?": a question of its own, not on what they said
            cares = self._care_words
            errand = (
                shared
                and not asks
                and (house or any(w in self._errands for w in names))
                and not any(w in back or w in cares for w in names)
            )  # "sure. so what do you want for dinner", "yeah yeah. can you grab milk on the way home"
            chore = (
                shared and not asks and sn.question and thing and message.valence < 0
                and not set(draft.topics) & set(message.topics)
                and not any(w in back or w in cares for w in names)
            )  # fmt: skip
            elsewhere = elsewhere or errand or chore
            if reacted and not elsewhere:
                return []  # "ugh, that sucks. what did he say?", "... how much was it?": after a reaction only an
                # errand, a chore or a question of its own moves on
            theirs = any(w in self._you | self._their_feeling_words for w in names)
            if not narrow and not elsewhere and theirs:
                return []  # "ugh. how are you feeling about it?", "Mm-hmm. So there's pressure from people you love"
            asking = sn.question or (len(names) > 1 and names[1] in self._wh)  # "so what's for dinner"
            trails_off = doc[sn.end - 1].text in {"-", "--", "\u2014", "\u2013"}
            if (names[:1] in (["so"], ["and"]) and not asking) or trails_off:
                return []  # "Mm-hmm. So, quite a few symptoms there", "Mm-hmm. Almost-": said back, or cut off
            if len(names) <= 2 and not sn.question:
                return []  # "Yeah. Smart.", "Oh. Wow.": a second acknowledgement
            opening = [norms[i] for i in range(sn.start, sn.end) if norms[i].strip() and norms[i] not in self._lead_ins]
            opening = [w for w in opening if w not in _PUNCT_BREAKS][:2]
            if opening in (
                ["that", "'s"], ["that", "is"], ["it", "'s"], ["it", "is"], ["that", "sounds"], ["that", "makes"]
            ):
                return []  # "mm. that's a real loss.": a word on their matter
            if opening[:1] == ["that"] and not sn.question and opening[1:2] != ["reminds"]:
                return []  # "I know. That ref was awful": still on their matter ("ok. that reminds me ..." is not)
        if sn.question and len(rest) == 1 and self._echo_question(norms, sn, msg_words):
            return []
        said_next = [norms[i] for i in rest[0].words if norms[i] not in self._lead_ins]
        if (
            said_next[:1] in (["i"], ["my"])
            and not rest[0].question
            and any(w in self._own_plans or w in self._past_time_words for w in said_next)
            and not any(w in self._you | {"your", "yours"} for w in said_next)
        ):  # "nice. i've been trying to get one for two years", "cool! i'm thinking of doing a half marathon", "nice,
            # i did a half marathon last spring": the listener's own plan or past set beside theirs
            return [Span(rest[0].start, rest[0].end, "self_focus", "structure.ack_then_mine")]
        return [Span(sentences[0].start, rest[0].end, "dismissive", "structure.ack_then_move_on")]

    def _about_me(
        self,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        flags: Sequence[Span],
        message: Analysis,
        msg_words: frozenset[str],
    ) -> list[Span]:
        """A reply all about the listener ("i hate hospitals, i get so anxious just thinking about them", "aw. my
        childhood cat did that for weeks, i was so worried about her", "ugh i have one thursday too and i'm so not
        ready"): two or more words of the listener's own (`{writer_words}`), none of the partner's ("you", "your"),
        nothing heard (no reflection, validation, apology, presence, summary or open question), no offer ("i'll call
        the repair guy", "let me ..."), no question for them, and a message that asked them nothing. To good news the
        thing lived is a story of their own ("i was", "i used to", "my ..."): "i knew it! i'm so proud" shares it; a
        loss shared ("i miss her too") is theirs too."""
        read = {"self_focus", "defensive", "dismissive", "but_undo"}  # a brush-off or a defence is read as that
        if message.has_cue("crisis") or any(f[2] in read for f in flags):
            return []
        if message.has_cue("question") or message.has_cue("request"):
            return []  # "how was your day?" -> "i went to the gym, i'm beat": an answer
        heard = {"reflection", "validation", "apology", "presence", "summary", "safety_check", "open_question"}
        if any(st.kind in heard for st in strengths):
            return []
        words = [norms[i] for sn in sentences for i in sn.words]
        mine = [w for w in words if w in self._writer_words]
        if len(mine) < 2 or any(w in self._you | {"your", "yours", "yourself", "sorry"} for w in words):
            return []
        for k, w in enumerate(words[:-2]):
            offer = w == "i" and words[k + 1] in {"will", "can", "could", "would"}
            offer = offer and words[k + 2] not in self._own_state_words
            if offer or (w == "let" and words[k + 1] == "me"):
                return []  # "i'll take a look when i'm home", "let me grab the kids": an offer
            if w == "i" and any(x in self._tentative_verbs for x in words[k + 1 : k + 3]):
                return []  # "i'm wondering if ...", "i'm noticing ...": a tentative reflection, not their own story
        lived = any(
            (w == "i" and any(x in self._lived_words for x in words[k + 1 : k + 3]))
            or (w == "me" and k and words[k - 1] in self._lived_before_me)
            for k, w in enumerate(words)
        )  # "i was so worried", "i'm so not ready", "it makes me so sad": lived by the listener, not "i want ..."
        if not lived:
            return []
        if _good_news(message) and "my" not in words and not any(
            w == "i" and words[k + 1 : k + 2] in (["was"], ["used"], ["had"], ["did"], ["went"])
            for k, w in enumerate(words)
        ):
            return []  # "i knew it! i'm so proud", "i'm so happy i'm crying": their joy, felt with them
        if any(w == "too" and k and words[k - 1] in {"her", "him", "them"} for k, w in enumerate(words)):
            return []  # "i miss her too. i keep thinking about her laugh": a loss shared
        said_back = {w for w in words if w not in self._function_words and _stem(w) in msg_words}
        if len(said_back) >= 3:
            return []  # "i want the friends, and i don't want the party scene": their words said in their voice
        if any(sn.question and len(sn.words) > 2 for sn in sentences):
            return []  # a question of theirs to answer
        first = next(sn for sn in sentences if sn.words)
        return [Span(first.start, sentences[-1].end, "self_focus", "structure.about_me")]

    def _my_feeling(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        flags: Sequence[Span],
        draft: Analysis,
    ) -> list[Span]:
        """The listener's own feeling about their own matter ("i'm terrified of hospitals myself", "that makes me
        nervous about my own application", "i've been so sad about my cousin leaving"), or a day that tops theirs
        ("i had a worse day honestly", "i was stuck for two yesterday", "try two"): the spotlight turns away from
        them. Not in a sentence about them ("you", "your"), not an apology, not a feeling for them."""
        if self._owned(norms, strengths):
            return []
        out: list[Span] = []
        skip = self._lead_ins | (self._backchannels - {"i"}) | self._feeling_fillers
        echoed = False  # the sentence before was "you're tired?": their state asked back, then mine set beside it
        for sn in sentences:
            taken = any(f[0] < sn.end and sn.start < f[1] for f in flags if f[2] != "closed_question")
            names = [norms[i] for i in sn.words if norms[i] not in skip]
            if sn.question:
                echoed = 0 < len(names) <= 4 and names[0] in self._you and not taken
                if not taken and len(names) >= 3 and names[0] == "remember" and names[1] in {"when", "my", "that"} and (
                    {"i", "my", "me"} & set(names[1:5])
                ):
                    out.append(Span(sn.start, sn.end, "self_focus", "structure.my_story"))  # "remember when i ...?"
                continue
            if not sn.words or taken:
                echoed = False
                continue
            cuts = [sn.start] + [i + 1 for i in range(sn.start, sn.end) if norms[i] in _PUNCT_BREAKS] + [sn.end]
            for lo, hi in zip(cuts, cuts[1:], strict=False):
                names = [norms[i] for i in sn.words if lo <= i < hi and norms[i] not in skip]
                rule = self._my_clause(doc, names, lo, hi, draft)
                if not rule and echoed and names and names[0] in {"i", "my", "mine"} and not (
                    set(names) & (self._you | {"your", "sorry", "too"})
                ):
                    numbered = any(w in self._small_numbers or w.isdigit() for w in names)
                    if numbered or any(w in self._comparatives for w in names) or "since" in names:
                        rule = "structure.one_up"  # "you're tired? i've been up since 5", "... i have three exams"
                if rule:
                    out.append(Span(sn.start, sn.end, "self_focus", rule))
                    break
            echoed = False
        return out

    def _my_clause(self, doc: Doc, names: Sequence[str], lo: int, hi: int, draft: Analysis) -> str:
        """The rule of ``_my_feeling`` that one clause (tokens lo:hi, its words ``names``) meets, or ""."""
        burden = next((k for k in range(1, len(names)) if names[k] == "i" and names[k - 1] in {"means", "now"}), 0)
        if burden and {"have", "need", "gotta", "'ll"} & set(names[burden + 1 : burden + 4]):
            return "structure.my_burden"  # "that means i have to drive you everywhere", "so now i'll have to cook"
        if not names or any(w in self._you | self._shared_words for w in names):
            return ""
        span = doc[lo:hi]
        felt = any(
            m.source == "lexicon" and not m.negated and span.start_char <= m.start < span.end_char
            for m in draft.emotions
        )
        pairs = list(zip(names, names[1:], strict=False))
        own = "myself" in names or ("my", "own") in pairs or any(
            a in {"about", "of", "over", "for"} and b == "my" for a, b in pairs
        )
        mine = names[0] in {"i", "my", "mine", "me"} or ("makes", "me") in pairs or ("made", "me") in pairs
        if felt and own and mine:
            return "structure.my_feeling"
        numbered = any(w in self._small_numbers or w.isdigit() for w in names)
        past = any(w in self._past_time_words for w in names)
        end = len(names)
        while end > 3 and names[end - 1] in self._trailing | self._laughter:
            end -= 1  # "i have a headache too actually", "i'm broke too lol": the "too" before a trailing word
        last = names[end - 1]
        told = len(names) >= 3 and last in {"too", "also"} and names[0] in {"my", "mine"}
        if told and not any(w in self._me_too_exceptions for w in names):
            return "structure.mine_too"  # "my sister does that too, last christmas she ...": their story, then mine
        if (
            len(names) >= 3
            and (names[0] == "i" or ("me" in names[1:end] and names[0] not in self._persons | self._wh))
            and last in {"too", "also"}
            and not any(
                w in self._me_too_exceptions or _stem(w) in self._me_too_exceptions
                for w in [t.lower_ for t in doc[lo:hi]]
            )  # "i'd be livid too", "i've been missing that too": with them
        ):
            return "structure.me_too"  # "i've got a sore throat too, it's awful": my matter beside theirs
        more = any(w in self._comparatives for w in names)
        topped = names[0] in {"i", "my", "mine"} and (more or (numbered and past))
        if topped or (names[0] == "try" and numbered):
            return "structure.one_up"
        return ""

    def _my_story(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        flags: Sequence[Span],
    ) -> list[Span]:
        """A reply that is all the listener's own story ("i had a photo in a student show once, it was fun", "my
        thyroid was off for like 2 yrs, i had to take pills"): never "you", the speaker told twice or more."""
        if flags or not sentences or self._owned(norms, strengths):
            return []  # another roadblock already names what is wrong; "my bad, i had a lot going on" owns it
        told_in = sentences
        if len(sentences) > 1 and 0 < len(sentences[0].words) <= 2 and not sentences[0].question:
            told_in = sentences[1:]  # "love that. my teachers hated my essays": the cheer before it is no part of it
        said = [norms[i] for sn in told_in for i in sn.words]
        if any(sn.speech or sn.indirect for sn in sentences):
            return []  # a quote, or "I'm wondering if ...": not the listener's own story
        once = any(w in {"once", "ago"} for w in said) or any(
            a in {"one", "this"} and b == "time" for a, b in zip(said, said[1:], strict=False)
        )
        lead = next((w for w in said if w not in (self._lead_ins | self._backchannels) - {"i"}), "")
        shared = self._shared_words - ({"we", "us", "our"} if once and lead == "i" else set())
        if len(said) < 6 or any(w in self._you | shared for w in said):
            return []  # ("i had a flight once where we dropped": the listener's company then, not the two of them)
        if any(w in self._story_exceptions for w in said):
            return []  # "i'd be so mad", "i miss her so much": with them, not about me
        warm = {"reflection", "validation", "presence", "apology", "safety_check", "summary", "open_question"}
        if any(st.kind in warm for st in strengths):
            return []
        mine = [k for k, w in enumerate(said) if w in self._writer_words]
        # "i had a photo in a show once"
        told = len(mine) >= 2 or once or any(w in {"back", "used"} for w in said)
        if not mine or not told or mine[0] > 3 or any(sn.question for sn in sentences):
            return []
        return [Span(sentences[0].start, sentences[-1].end, "self_focus", "structure.my_story")]

    def _mine_too(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        strengths: Sequence[Strength],
        flags: Sequence[Span],
    ) -> list[Span]:
        """A trouble of the listener's own set beside theirs, in a clause that opens on "i" or "my" and ends on
        "too" ("i've been missing my grandpa a lot lately too", "my back's been acting up too", "i have one
        thursday too"): the talk turned to their own trouble. Not a feeling shared about their matter ("i miss her too",
        "i'd be upset too": a pronoun for what they told, or a would), not with "you" in it."""
        if any(f[2] == "self_focus" for f in flags) or any(st.kind == "open_question" for st in strengths):
            return []  # "me too. what are you craving most?": shared, then handed back to them
        for sn in sentences:
            if sn.question:
                continue
            stops = [sn.start] + [i + 1 for i in range(sn.start, sn.end) if norms[i] in _PUNCT_BREAKS] + [sn.end]
            for a, b in zip(stops, stops[1:], strict=False):
                words = [i for i in range(a, b) if norms[i][:1].isalnum()]
                names = [norms[i] for i in words if norms[i] not in self._lead_ins]
                if len(names) < 5 or names[-1] != "too" or names[0] not in {"i", "my"}:
                    continue
                if names[0] == "i" and names[1] in {"'d", "would", "know", "get", "feel", "love", "am", "'m"}:
                    continue  # "i'd be upset too", "i know, i get it too", "i love you too", "i'm sorry too"
                theirs = self._you | {"your", "yours", "u", "ur", "that", "this", "those", "same"}
                if any(w in theirs or w in self._about_them_words for w in names):
                    continue  # "i miss her too", "i was worried about you too": with them, on their matter
                span = doc[words[0] : b]
                if any(st.start < span.end_char and span.start_char < st.end for st in strengths):
                    continue
                return [Span(words[0], b, "self_focus", "structure.mine_too")]
        return []

    def _drop_feeling_buts(self, flags: list[Span], norms: Sequence[str], analyzed: AnalyzedDoc | None) -> list[Span]:
        """A "but" that adds a feeling ("exhausting but really meaningful") or no new clause undoes nothing."""
        kept = []
        for f in flags:
            if f[2] == "but_undo":
                after = next((i for i in range(f[0], f[1]) if norms[i] in self._contrast), f[0])
                rest = norms[after + 1 : f[1]]
                if norms[after] == "though" and not any(n[:1].isalnum() for n in rest):
                    comma = next((i for i in range(f[0], after) if norms[i] == ","), after)
                    rest = norms[comma + 1 : after]  # "i get it, you are new there though": the clause before it
                    subject = next((n for n in rest if n[:1].isalnum() and n not in self._lead_ins), "")
                    if subject not in (self._persons - {"i", "we"}) | {"your", "his", "her", "their"} | self._people:
                        continue  # "i hear you, it's been a long week though": said with them, not against them
                opener = next((n for n in rest if n[:1].isalnum()), "")
                alnum = [n for n in rest if n[:1].isalnum()]
                # "but comparing never helps": a gerund subject opens a clause too
                gerund = len(alnum) >= 3 and len(alnum[0]) > 5 and alnum[0].endswith("ing")
                new_clause = gerund or any(n in self._clause_subjects or n in self._aux for n in rest)
                if not new_clause and opener not in self._undo_openers:
                    continue  # no new clause after the "but" ("but come on" and "but still" undo it all the same)
                if "also" in rest and not any(n in self._persons for n in rest):
                    continue  # "..., but it also sounds meaningful" adds to it; "but you also have to" does not
                opens = self._listening_offer_words
                warm = any(
                    n in self._warm_verbs and any(x in opens for x in rest[k + 1 : k + 4])
                    for k, n in enumerate(rest)
                )
                if warm:
                    continue  # "I know it's late, but I'd genuinely love to hear it": the "but" opens the door
                if any(alnum[: len(p)] == list(p) for p in self._support_after_but):
                    continue  # "yeah, that's a lot. but i'm here", "..., but first tell me ...": it turns to them
                adds_feeling = analyzed is not None and any(
                    m.emotion.source == "lexicon" and after < m.start < f[1] for m in analyzed.mentions
                )
                if adds_feeling and not any(n in self._persons or n == "not" for n in rest):
                    continue  # "..., but it also sounds meaningful"; "but you're not being fair" still undoes
            kept.append(f)
        return kept

    @staticmethod
    def _dedupe(flags: list[Span]) -> list[Span]:
        """The flags without overlaps of the same kind, the longest first at each start."""
        kept: list[Span] = []
        for f in sorted(flags, key=lambda f: (f[0], -(f[1] - f[0]))):
            if any(k[2] == f[2] and f[0] < k[1] and k[0] < f[1] for k in kept):
                continue
            kept.append(f)
        return kept

    # --- rewrites ------------------------------------------------------------------------------------------
    def _generic(self) -> Listening:
        return self._suggester.suggest(Analysis(text=""), None)

    def _flag(
        self,
        doc: Doc,
        s: int,
        e: int,
        kind: str,
        rule: str,
        listening: Listening,
        norms: Sequence[str],
        used: set[str],
    ) -> Flag:
        """The Flag for a span: its kind's reason and the first rewrite not already offered in this review."""
        span = doc[s:e]
        info = self._kinds.get(kind)
        why = info.why if info else kind.replace("_", " ")
        if rule == "structure.closed_question.offer":
            why = _OFFER_WHY
        elif rule == "structure.closed_question.checkin":
            why = _CHECKIN_WHY
        candidates = self._rewrites(kind, rule, doc, s, e, listening, norms)
        candidates += [self._naming_line(listening), info.tip if info else ""]
        suggestion = _first_unused(candidates, used, fallback=info.tip if info else "")
        return Flag(
            kind=kind, text=span.text, start=span.start_char, end=span.end_char, why=why,
            suggestion=suggestion, rule=rule,
        )  # fmt: skip

    def _rewrites(
        self, kind: str, rule: str, doc: Doc, s: int, e: int, listening: Listening, norms: Sequence[str]
    ) -> list[str]:
        """Rewrites for one flag, best first (the review offers the first one not already offered)."""
        sugs = listening.suggestions
        reflections = [x.text for x in sugs if x.kind in {"reflection", "appreciation", "boundary"}]
        validations = [x.text for x in sugs if x.kind == "validation"]
        questions = [x.text for x in sugs if x.kind == "question"]
        acks = reflections + validations
        if listening.mode in ("safety", "boundary"):
            texts = [x.text for x in sugs]
            return [" ".join(texts[:2]), *texts[2:], *texts[:2]]
        first = acks[0] if acks else ""
        if kind == "why_question":
            what = self._why_to_what(doc, s, e, norms)
            return [x for x in (what, *questions, *[f"{a} {q}" for a in acks for q in questions], *acks) if x]
        if kind == "closed_question":
            if rule == "structure.closed_question.offer":
                invite = self._offer_to_invitation(doc, s, e, norms)
                return [f"{a} {invite}".strip() for a in acks] + [invite]
            if listening.analysis.text:
                return [f"{a} {q}" for q in questions for a in acks] + questions + acks
            return questions + acks
        if kind == "advice":
            return [f"{a} {q}".strip() for a in acks for q in questions or [""]] + acks
        if kind == "but_undo":
            cut = _acknowledgement(doc[s:e].text)
            out = [f"{cut} {q}".strip() for q in questions] if cut else []
            return out + ([cut] if cut else []) + acks
        if kind == "minimizing":
            return validations + reflections
        return reflections + validations + [f"{first} {q}".strip() for q in questions]

    def _naming_line(self, listening: Listening) -> str:
        """A last rewrite when listen()'s are all offered: the feeling named plainly."""
        fam = listening.analysis.dominant
        row = self._rules.tables["families"].get(fam) if fam else None
        return f"It sounds like you're feeling {row.phrase}." if row is not None else ""

    def _offer_to_invitation(self, doc: Doc, s: int, e: int, norms: Sequence[str]) -> str:
        """ "Do you want to talk about it?" -> "Whenever you want to talk about it, I'm here." """
        for i in range(s, e - 1):
            if norms[i] in {"want", "like"} and norms[i + 1] == "to":
                rest = [t for t in doc[i + 2 : e] if not t.is_punct]
                if rest and not any(t.norm_ in {"me", "i"} for t in rest):
                    return f"Whenever you want to {' '.join(t.text for t in rest)}, I'm here."
        return "I'm here whenever you want me, to talk or just to sit together."

    def _why_to_what(self, doc: Doc, s: int, e: int, norms: Sequence[str]) -> str | None:
        """ "Why did you quit?" -> "What led you to quit?"; "Why are you so upset?" -> "What's got you so upset?"."""
        words = [i for i in range(s, e) if norms[i][:1].isalnum()]
        try:
            at = next(k for k, i in enumerate(words) if norms[i] == "why")
        except StopIteration:
            return None
        rest = words[at + 1 :]
        if len(rest) < 3 or norms[rest[1]] not in {"you", "u"}:
            return None
        aux = norms[rest[0]]
        if rest[0] + 1 < len(norms) and norms[rest[0] + 1] == "not":
            return None
        if any(norms[i] == "not" for i in rest[1:4]):
            return None  # "why were you not watching him": "What's got you not watching him?" reads badly
        if aux in {"do", "did"} and norms[rest[2]] in {"think", "reckon", "guess"}:
            return "What do you think is behind it?"  # "why do you think you feel like that?"
        said: list[str] = []
        for t in doc[rest[2] : words[-1] + 1]:
            low = t.lower_
            if low in _PUNCT_BREAKS or low in {",", ";", "-", "--", "\u2014", "\u2013"}:
                break  # "why did you park there, theres literally a sign": the question, not the verdict after it
            if not low[:1].isalnum() or low in self._laughter or low in {"tho", "though", "even", "ever"}:
                continue  # "why would you sign up for that lol", "why do you even care"
            said.append(_CHAT_PRONOUNS.get(low, t.text))
        tail = " ".join(said)
        if not tail:
            return None
        if aux in {"did", "do", "does", "would", "could"}:
            return f"What led you to {tail}?"
        if aux in {"are", "were", "is"}:
            return f"What's got you {tail}?"
        return None

    # --- strengths, stance and what was missed ---------------------------------------------------------------
    def _strengths(
        self,
        doc: Doc,
        hits: Hits,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        questions: Mapping[int, _Question | None],
        analysis: Analysis,
    ) -> list[Strength]:
        """What the draft does well: reflections, validations, apologies, presence, open questions."""
        out: list[Strength] = []
        for h in hits.get("review_strengths", ()):
            span = doc[h.start : h.end]
            out.append(Strength(h.rule.strength, span.text, span.start_char, span.end_char, h.rule.id))
        reflective = any(st.kind in {"reflection", "validation"} for st in out)
        for m in analysis.emotions:
            if m.source == "lexicon" and not m.negated and (m.experiencer == "listener" or reflective):
                out.append(Strength("named_feeling", m.text, m.start, m.end, m.rule))
        for sn in sentences:
            span = doc[sn.start : sn.end]
            if sn.backchannel and not sn.question:
                out.append(Strength("encourager", span.text, span.start_char, span.end_char, "structure.encourager"))
                continue
            if any(norms[i] in self._summary_words for i in sn.words[:6]):
                out.append(Strength("summary", span.text, span.start_char, span.end_char, "structure.summary"))
            q = questions[id(sn)]
            if q is not None and q.kind in {"open", "permission"}:
                qs = doc[q.start : q.end]
                out.append(Strength("open_question", qs.text, qs.start_char, qs.end_char, "structure.open_question"))
        kept: list[Strength] = []
        for st in sorted(out, key=lambda st: (st.start, -(st.end - st.start))):
            if not any(k.kind == st.kind and st.start < k.end and k.start < st.end for k in kept):
                kept.append(st)
        return kept

    def _is_reflection(self, doc: Doc, norms: Sequence[str], sn: _Sentence, strengths: Sequence[Strength]) -> bool:
        """A statement that says back what the partner feels, said or lives through."""
        span = doc[sn.start : sn.end]
        kinds = {"reflection", "validation", "summary", "named_feeling"}
        if any(st.kind in kinds and st.start < span.end_char and span.start_char < st.end for st in strengths):
            return True
        skip = self._lead_ins | self._adverbs | self._reflection_fillers
        content = [i for i in sn.words if norms[i] not in skip]
        if not content:
            return False
        head = norms[content[0]]
        nxt = norms[content[1]] if len(content) > 1 else ""
        if head in self._you | {"your", "yours"} and nxt not in {"know", "guys"}:
            return True
        if head in self._reflective_verbs or (
            head in {"it", "that", "this"} and nxt in self._reflective_verbs | {"must"}
        ):
            return True
        if head in {"part", "for"} and nxt in {"of", "you"}:
            return True
        return (
            head in {"that", "it", "this"}
            and nxt in {"'s", "is", "must", "sounds", "seems", "has", "was"}
            and any(norms[i] in self._you | {"your"} for i in content)
        )

    def sentence_features(self, draft: str) -> list[set[str]]:
        """The features the learned review reads, one set per sentence of ``draft`` (for training it)."""
        doc = self._docs(draft)
        matched = self._matcher(doc)
        norms = matched.norms
        spans = [p for s, e in sentence_spans(norms, matched.sentence_ids) for p in self._split(doc, norms, s, e)]
        return [features(norms[s:e]) for s, e in spans]

    def _learned_flags(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        flags: Sequence[Span],
        strengths: Sequence[Strength],
        questions: Mapping[int, _Question | None],
        message: Analysis | None,
        scope: str,
    ) -> list[Span]:
        """Roadblocks the learned review reads in a sentence no rule flagged (``review/terms.jsonl``).

        It reads only a statement of at most ``_NET_MAX_WORDS`` words that no rule flagged, that is no backchannel
        and no question (questions are the rules' to read), that says back no partner's words ("you said ...") and
        that no reflection or summary strength covers. Its kinds keep the rules' own conditions: defensive only to a
        complaint about the listener that the draft owns no part of, contempt never to good news (praise then is
        praise: "WOW, great job!!")."""
        if not self._net:
            return []
        off = set()
        if scope != "complaint" or self._owned(norms, strengths):
            off.add("defensive")
        if message is None or _good_news(message):
            off.add("contempt")
        out: list[Span] = []
        heard = {"reflection", "summary"}
        for sn in sentences:
            if sn.backchannel or sn.question or questions[id(sn)] is not None or sn.frames:
                continue
            if len(sn.words) > _NET_MAX_WORDS:
                continue
            if any(f[0] < sn.end and sn.start < f[1] and f[2] in self._roadblocks for f in flags):
                continue
            span = doc[sn.start : sn.end]
            if any(st.kind in heard and st.start < span.end_char and span.start_char < st.end for st in strengths):
                continue
            reading = self._net.read(features(norms[sn.start : sn.end]), off)
            if reading is not None:
                out.append(Span(sn.start, sn.end, reading.kind, f"learned.{reading.kind}[{'+'.join(reading.terms)}]"))
        return out

    def _balance(
        self,
        doc: Doc,
        norms: Sequence[str],
        sentences: Sequence[_Sentence],
        questions: Mapping[int, _Question | None],
        flags: Sequence[Flag],
        strengths: Sequence[Strength],
    ) -> Balance:
        """The draft's stance counted: reflections, open and closed questions, roadblocks."""
        reflections = open_q = closed_q = 0
        roadblock_spans = [(f.start, f.end) for f in flags if f.kind in self._roadblocks]
        for sn in sentences:
            q = questions[id(sn)]
            if q is not None and q.kind not in {"encourager", "echo"}:
                if q.kind in {"open", "why", "permission"}:
                    open_q += 1
                else:
                    closed_q += 1
                continue
            if sn.question or sn.backchannel:
                continue
            span = doc[sn.start : sn.end]
            if any(a < span.end_char and span.start_char < b for a, b in roadblock_spans):
                continue
            reflections += self._is_reflection(doc, norms, sn, strengths)
        roadblocks = sum(1 for f in flags if f.kind in self._roadblocks)
        return Balance(reflections=reflections, open_questions=open_q, closed_questions=closed_q, roadblocks=roadblocks)

    def _missed(
        self,
        message: Analysis,
        listening: Listening,
        flags: Sequence[Flag],
        strengths: Sequence[Strength],
        draft_emotions: Sequence[EmotionMention],
        used: set[str],
    ) -> list[Missed]:
        """What the message needed that the draft does not give: a crisis answered, a boundary honoured, the
        feeling named.
        """
        out: list[Missed] = []
        kinds = {st.kind for st in strengths}
        texts = [s.text for s in listening.suggestions]
        if message.has_cue("crisis"):
            roadblocks = {f.kind for f in flags} & {"advice", "minimizing", "dismissive", "judging", "contempt"}
            if roadblocks or not kinds & _SAFETY_STRENGTHS:
                why = "Their message mentions a crisis; take it seriously and stay present."
                out.append(Missed("crisis", why, _first_unused(texts, used, fallback=texts[0] if texts else "")))
            return out
        asks = any(f.kind in {"closed_question", "why_question"} for f in flags) or "open_question" in kinds
        if message.has_cue("boundary") and asks:
            why = "They asked for space; a question now presses them to talk."
            out.append(Missed("boundary", why, _first_unused(texts, used, fallback=texts[0] if texts else "")))
        if message.dominant is not None:
            fam = message.dominant
            near = self._close.get(fam, frozenset({fam}))
            named = {e.family for e in draft_emotions if not e.negated and e.source == "lexicon"}
            phrase_reflection = any(
                st.kind in {"reflection", "validation"} and not st.rule.startswith("structure.") for st in strengths
            )
            if not named & near and not phrase_reflection:
                why = f"Their message carries {fam}; the draft does not name it."
                acks = [s.text for s in listening.suggestions if s.kind != "question"]
                candidates = [*acks, self._naming_line(listening), *texts]
                out.append(Missed("feeling", why, _first_unused(candidates, used, fallback=candidates[0])))
        return out


_CHAT_PRONOUNS = {"u": "you", "ur": "your", "urself": "yourself", "ya": "you", "yr": "your"}


def _acknowledgement(text: str) -> str:
    """What a but_undo flag keeps of the draft: the acknowledgement before the "but", as a sentence of its own
    ("i get why you're upset, but ..." -> "I get why you're upset."). A trailing "though" undoes the clause before
    it ("i get it, you are pretty new there though" -> "I get it."); with no contrast word the first sentence is
    the acknowledgement ("amazing. still waiting on mine" -> "Amazing.")."""
    text = " ".join(text.split())
    if re.search(r"\b(?:though|tho)\W*$", text, flags=re.I) and "," in text:
        cut = text.split(",", 1)[0]
    else:
        cut = re.split(r"\s*,?\s*\b(?:but|however|though|although|yet|except)\b", text, maxsplit=1, flags=re.I)[0]
        if cut == text:
            cut = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    cut = re.sub(r"\bi\b", "I", cut.rstrip(" ,;.!?"))
    cut = re.sub(r"\bur\b(?=\s+(?:so|really|not|just|right|\w+ed|\w+ing)\b)", "you're", cut)  # "i know ur exhausted"
    cut = re.sub(r"\b(u|ur|urself|ya)\b", lambda m: _CHAT_PRONOUNS[m.group(1)], cut)
    return f"{cut[:1].upper()}{cut[1:]}." if cut else ""


def _stem(word: str) -> str:
    """A crude stem so "calling", "called" and "calls" meet "call" when checking an echo."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _first_unused(candidates: Sequence[str], used: set[str], fallback: str = "") -> str:
    """The first candidate not offered yet in this review, in whole or in part (then marked as offered)."""
    for c in candidates:
        c = c.strip()
        if c and not any(c in u or u in c for u in used):
            used.add(c)
            return c
    return fallback or (candidates[-1].strip() if candidates else "")
