"""Pydantic models of the JSON the HTTP server sends: the ``to_dict()`` shapes of Analysis, Listening and Review,
field by field, so the OpenAPI schema describes every field (``tests/test_server_contract.py`` holds them equal)."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = [
    "SentimentOut", "EmotionMentionOut", "CueOut", "AnalysisOut", "SuggestionOut", "ResourceOut", "ListeningOut",
    "FlagOut", "StrengthOut", "MissedOut", "BalanceOut", "ReviewOut", "ErrorOut", "ListenBatchOut",
]  # fmt: skip


class SentimentOut(BaseModel):
    """VADER's scores for the whole message (the words' tone alone)."""

    compound: float = Field(description="VADER compound score, -1..1")
    pos: float = Field(description="share of positive words, 0..1")
    neu: float = Field(description="share of neutral words, 0..1")
    neg: float = Field(description="share of negative words, 0..1")


class EmotionMentionOut(BaseModel):
    """A feeling found in the text, named outright (lexicon) or implied by what happened (situation)."""

    family: str = Field(description="emotion family id, e.g. 'sadness', 'unseen', 'joy'")
    term: str = Field(description="the canonical feeling word, e.g. 'heartbroken'")
    text: str = Field(description="the words of the message it rests on")
    start: int = Field(description="character offset where those words start in the message")
    end: int = Field(description="character offset where they end")
    intensity: float = Field(description="how strong, 0..1, after modifiers")
    negated: bool = Field(description="the writer says they do not feel it ('not angry')")
    hedged: bool = Field(description="softened ('a bit', 'kind of')")
    intensified: bool = Field(description="strengthened ('so', 'really')")
    experiencer: str = Field(description="who feels it: 'speaker', 'listener' or 'other'")
    rule: str = Field(description="id of the rule that found it")
    source: str = Field(description="'lexicon' (a feeling word) or 'situation' (an event implying it)")
    confidence: float = Field(description="how sure the rule is, 0..1")
    via_negation: bool = Field(
        description="read from the denial of its opposite ('not happy' is sadness); rule is the negated word's row"
    )


class CueOut(BaseModel):
    """A conversational cue: crisis, boundary, criticism, disclosure, apology, request, question, masking, ..."""

    kind: str = Field(description="cue kind id")
    text: str = Field(description="the words it rests on")
    start: int = Field(description="character offset of those words")
    end: int = Field(description="character offset where they end")
    rule: str = Field(description="id of the rule that found it")
    about: str | None = Field(description="for a crisis: 'self_harm', 'abuse', 'harm_to_others' or 'other_at_risk'")
    agent: str | None = Field(description="'listener' when the danger comes from the person being written to")


class AnalysisOut(BaseModel):
    """What a message carries: feelings, sentiment, cues, topics and needs."""

    text: str = Field(description="the message as analysed")
    valence: float = Field(description="listenwell's reading, -1..1: VADER corrected by the feelings and cues found")
    sentiment: SentimentOut = Field(description="VADER's scores alone")
    dominant: str | None = Field(description="the strongest feeling's family, or null when none was found")
    emotions: list[EmotionMentionOut] = Field(description="every feeling found, in text order")
    cues: list[CueOut] = Field(description="every cue found")
    topics: list[str] = Field(description="what the message is about, e.g. 'work', 'kids'")
    needs: list[str] = Field(description="what the writer may need, e.g. 'support', 'rest'")


class SuggestionOut(BaseModel):
    """One thing the listener could say, with the template and the evidence it rests on."""

    text: str = Field(description="what to say")
    kind: str = Field(description="'reflection', 'validation', 'appreciation', 'question', 'boundary', 'safety', ...")
    rule: str = Field(description="id of the template or rule behind it")
    evidence: list[str] = Field(description="the mentions and cues it rests on")


class ResourceOut(BaseModel):
    """A crisis line or professional-help pointer, shown in safety mode."""

    name: str = Field(description="who to reach")
    contact: str = Field(description="how to reach them")
    about: str = Field(description="what they offer")
    locale: str = Field(description="the locale of the row ('*': anywhere)")
    rule: str = Field(description="id of the resource row")


class ListeningOut(BaseModel):
    """What listen() returns: the one reply to show first, then the analysis, the mode and the alternatives."""

    reply: str = Field(description="the one message to show first: an acknowledgement, then at most one question")
    analysis: AnalysisOut = Field(description="the message's analysis")
    mode: str = Field(description="'reflect', 'celebrate', 'boundary' or 'safety'")
    suggestions: list[SuggestionOut] = Field(description="the parts and alternatives the reply was composed from")
    resources: list[ResourceOut] = Field(description="crisis and professional-help resources (safety mode)")


class FlagOut(BaseModel):
    """A habit in a drafted reply that tends to shut people down, with a better phrasing."""

    kind: str = Field(description="'advice', 'minimizing', 'why_question', 'closed_question', ...")
    text: str = Field(description="the words of the draft it rests on")
    start: int = Field(description="character offset in the draft")
    end: int = Field(description="character offset where they end")
    why: str = Field(description="why it tends to shut people down")
    suggestion: str = Field(description="a better phrasing")
    rule: str = Field(description="id of the rule that found it")


class StrengthOut(BaseModel):
    """Something the draft already does well."""

    kind: str = Field(description="'reflection', 'validation', 'open_question', ...")
    text: str = Field(description="the words of the draft")
    start: int = Field(description="character offset in the draft")
    end: int = Field(description="character offset where they end")
    rule: str = Field(description="id of the rule that found it")


class MissedOut(BaseModel):
    """Something the partner's message needed that the draft does not give."""

    kind: str = Field(description="'feeling', 'boundary' or 'crisis'")
    why: str = Field(description="what the message needed")
    suggestion: str = Field(description="what to add")


class BalanceOut(BaseModel):
    """The draft's stance, counted sentence by sentence."""

    reflections: int = Field(description="sentences that reflect or validate")
    open_questions: int = Field(description="open questions")
    closed_questions: int = Field(description="closed (yes/no) questions")
    roadblocks: int = Field(description="roadblock flags")


class ReviewOut(BaseModel):
    """What review() returns for a drafted reply."""

    draft: str = Field(description="the draft as reviewed")
    flags: list[FlagOut] = Field(description="habits that tend to shut people down")
    strengths: list[StrengthOut] = Field(description="what the draft does well")
    missed: list[MissedOut] = Field(description="what the message needed that the draft does not give")
    message: AnalysisOut | None = Field(description="the analysis of the partner's message, when one was sent")
    balance: BalanceOut = Field(description="reflections, questions and roadblocks counted")


class ErrorOut(BaseModel):
    """The one shape of every error response."""

    error: str = Field(description="a stable code: bad_request, not_found, method_not_allowed, body_too_large, ...")
    detail: str = Field(description="what went wrong, for a person to read (never the message text)")


class ListenBatchOut(BaseModel):
    """listen() over many messages, in order."""

    results: list[ListeningOut] = Field(description="one Listening per text, in the order sent")
