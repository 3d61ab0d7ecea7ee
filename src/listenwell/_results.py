"""Result types: frozen, typed, and JSON-serialisable through ``to_dict()`` (and back through ``from_dict()``)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

__all__ = [
    "Analysis", "Cue", "EmotionMention", "Flag", "Listening", "Missed", "Resource", "Review", "Sentiment",
    "Strength", "Suggestion",
]  # fmt: skip

T = TypeVar("T", bound="_Result")


def _plain(value: Any) -> Any:
    if isinstance(value, _Result):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


class _Result:
    """Shared to_dict/from_dict for the frozen result dataclasses."""

    _nested: dict[str, type[_Result]] = {}

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        kwargs: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = data[f.name]
            nested = cls._nested.get(f.name)
            if nested is not None:
                if isinstance(value, list | tuple):
                    value = tuple(nested.from_dict(v) for v in value)
                elif value is not None:
                    value = nested.from_dict(value)
            elif isinstance(value, list | tuple):
                value = tuple(value)
            kwargs[f.name] = value
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class EmotionMention(_Result):
    """A feeling found in the text, named outright (lexicon) or implied by what happened (situation)."""

    family: str
    term: str
    text: str
    start: int
    end: int
    intensity: float
    negated: bool = False
    hedged: bool = False
    intensified: bool = False
    experiencer: str = "speaker"
    rule: str = ""
    source: str = "lexicon"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Cue(_Result):
    """A conversational cue: crisis, boundary, criticism, disclosure, apology, request, question, masking, ..."""

    kind: str
    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Sentiment(_Result):
    """VADER's scores for the whole message."""

    compound: float = 0.0
    pos: float = 0.0
    neu: float = 0.0
    neg: float = 0.0


@dataclass(frozen=True, slots=True)
class Analysis(_Result):
    """What a message carries: feelings, sentiment, cues, topics and needs."""

    text: str
    valence: float = 0.0
    sentiment: Sentiment = field(default_factory=Sentiment)
    dominant: str | None = None
    emotions: tuple[EmotionMention, ...] = ()
    cues: tuple[Cue, ...] = ()
    topics: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()

    _nested = {"sentiment": Sentiment, "emotions": EmotionMention, "cues": Cue}

    def has_cue(self, kind: str) -> bool:
        return any(c.kind == kind for c in self.cues)


@dataclass(frozen=True, slots=True)
class Suggestion(_Result):
    """One thing the listener could say, with the template and the evidence it rests on."""

    text: str
    kind: str
    rule: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resource(_Result):
    """A crisis line or professional-help pointer, shown in safety mode."""

    name: str
    contact: str
    about: str
    locale: str
    rule: str


@dataclass(frozen=True, slots=True)
class Listening(_Result):
    """What listen() returns: the analysis, the mode, and suggestions to say back."""

    analysis: Analysis
    mode: str
    suggestions: tuple[Suggestion, ...] = ()
    resources: tuple[Resource, ...] = ()

    _nested = {"analysis": Analysis, "suggestions": Suggestion, "resources": Resource}


@dataclass(frozen=True, slots=True)
class Flag(_Result):
    """A habit in a drafted reply that tends to shut people down, with a better phrasing."""

    kind: str
    text: str
    start: int
    end: int
    why: str
    suggestion: str
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Strength(_Result):
    """Something the draft already does well."""

    kind: str
    text: str
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Missed(_Result):
    """Something the partner's message needed that the draft does not give: ``feeling``, ``boundary``, ``crisis``."""

    kind: str
    why: str
    suggestion: str


@dataclass(frozen=True, slots=True)
class Review(_Result):
    """What review() returns for a drafted reply."""

    draft: str
    flags: tuple[Flag, ...] = ()
    strengths: tuple[Strength, ...] = ()
    missed: tuple[Missed, ...] = ()
    message: Analysis | None = None

    _nested = {"flags": Flag, "strengths": Strength, "missed": Missed, "message": Analysis}

    @property
    def ok(self) -> bool:
        return not self.flags
