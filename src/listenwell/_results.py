"""Result types: frozen, typed, and JSON-serialisable through ``to_dict()`` (and back through ``from_dict()``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

__all__ = [
    "Analysis", "Balance", "Cue", "EmotionMention", "Flag", "Listening", "Missed", "Resource", "Review", "Sentiment",
    "Strength", "Suggestion",
]  # fmt: skip

T = TypeVar("T", bound="_Result")
C = TypeVar("C")


def _plain(value: Any) -> Any:
    """A field value as JSON data: results by their ``to_dict``, tuples and lists as lists."""
    if isinstance(value, _Result):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def stored_directly(cls: type[C]) -> type[C]:
    """A frozen, slotted dataclass given an ``__init__`` that stores each field through its slot's own descriptor.

    The generated ``__init__`` of a frozen dataclass stores each field with ``object.__setattr__`` (to get past the
    frozen ``__setattr__``): a lookup of the descriptor per field, per object. A batch makes a dozen results per
    message, so this one sets the slots directly: the same values, defaults and default factories, the same
    signature, in about half the time. A class with keyword-only fields, init-only variables or a ``__post_init__``
    is left as it is.
    """
    import dataclasses
    import inspect

    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in vars(cls) or hasattr(cls, "__post_init__"):
        return cls
    found = dataclasses.fields(cls)  # type: ignore[arg-type]
    old = cls.__init__
    signature = inspect.signature(old)
    taken = list(signature.parameters.values())[1:]
    if [p.name for p in taken] != [f.name for f in found] or any(p.kind is not p.POSITIONAL_OR_KEYWORD for p in taken):
        return cls  # keyword-only fields, InitVars or fields left out of __init__: the generated one stays
    names: dict[str, Any] = {"_NO_VALUE": _NO_VALUE}
    args, body = [], []
    for i, f in enumerate(found):
        names[f"_set{i}"] = vars(cls)[f.name].__set__
        if f.default is not dataclasses.MISSING:
            names[f"_default{i}"] = f.default
            args.append(f"{f.name}=_default{i}")
            body.append(f"    _set{i}(self, {f.name})")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_factory{i}"] = f.default_factory
            args.append(f"{f.name}=_NO_VALUE")
            body.append(f"    _set{i}(self, _factory{i}() if {f.name} is _NO_VALUE else {f.name})")
        else:
            args.append(f.name)
            body.append(f"    _set{i}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(args)}):\n" + "\n".join(body or ["    pass"]), names)  # noqa: S102
    init = names["__init__"]
    init.__signature__ = signature
    init.__qualname__, init.__module__, init.__doc__ = old.__qualname__, old.__module__, old.__doc__
    init.__annotations__ = dict(getattr(old, "__annotations__", {}))
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


class _NoValue:
    def __repr__(self) -> str:
        return "<factory>"


_NO_VALUE = _NoValue()


class _Result:
    """Shared to_dict/from_dict for the frozen result dataclasses."""

    _nested: dict[str, type[_Result]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-serialisable plain data (nested results as dicts, tuples as lists)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as a JSON string (not ASCII-escaped); ``from_dict(json.loads(s))`` reads it back."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        """The result back from ``to_dict()`` output; keys it does not know are ignored, missing ones take
        their defaults.
        """
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


@stored_directly
@dataclass(frozen=True, slots=True)
class EmotionMention(_Result):
    """A feeling found in the text, named outright (lexicon) or implied by what happened (situation).

    ``negated``: the writer says they do not feel it ("not angry"). ``via_negation``: the feeling is read from the
    denial of its opposite ("not happy" is sadness, "nobody hears me" is feeling unseen); ``rule`` is then the row
    of the word that was negated, and ``negated`` is False, since the writer does feel this one.
    """

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
    via_negation: bool = False


@stored_directly
@dataclass(frozen=True, slots=True)
class Cue(_Result):
    """A conversational cue: crisis, boundary, criticism, disclosure, apology, request, question, masking, ...

    A crisis cue also says what it is ``about``: ``self_harm``, ``abuse``, ``harm_to_others`` or
    ``other_at_risk``; ``agent`` is ``"listener"`` when the danger comes from the person being written to.
    """

    kind: str
    text: str
    start: int
    end: int
    rule: str
    about: str | None = None
    agent: str | None = None


@stored_directly
@dataclass(frozen=True, slots=True)
class Sentiment(_Result):
    """VADER's scores for the whole message."""

    compound: float = 0.0
    pos: float = 0.0
    neu: float = 0.0
    neg: float = 0.0


@stored_directly
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
        """True when a cue of ``kind`` was found."""
        return any(c.kind == kind for c in self.cues)


@stored_directly
@dataclass(frozen=True, slots=True)
class Suggestion(_Result):
    """One thing the listener could say, with the template and the evidence it rests on."""

    text: str
    kind: str
    rule: str
    evidence: tuple[str, ...] = ()


@stored_directly
@dataclass(frozen=True, slots=True)
class Resource(_Result):
    """A crisis line or professional-help pointer, shown in safety mode."""

    name: str
    contact: str
    about: str
    locale: str
    rule: str


@stored_directly
@dataclass(frozen=True, slots=True)
class Listening(_Result):
    """What listen() returns: the one reply to show first, the analysis, the mode, and alternatives.

    ``reply`` is one message a chat app can offer as is: an acknowledgement, then at most one open question.
    ``suggestions`` are the parts and alternatives it was composed from, each with the rule and evidence.
    """

    analysis: Analysis
    mode: str
    reply: str = ""
    suggestions: tuple[Suggestion, ...] = ()
    resources: tuple[Resource, ...] = ()

    _nested = {"analysis": Analysis, "suggestions": Suggestion, "resources": Resource}

    def to_dict(self) -> dict[str, Any]:
        """Plain data with ``reply`` first: the message to show before anything else."""
        data = _Result.to_dict(self)
        return {"reply": data.pop("reply"), **data}


@stored_directly
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


@stored_directly
@dataclass(frozen=True, slots=True)
class Strength(_Result):
    """Something the draft already does well."""

    kind: str
    text: str
    start: int
    end: int
    rule: str = ""


@stored_directly
@dataclass(frozen=True, slots=True)
class Missed(_Result):
    """Something the partner's message needed that the draft does not give: ``feeling``, ``boundary``, ``crisis``."""

    kind: str
    why: str
    suggestion: str


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@stored_directly
@dataclass(frozen=True, slots=True)
class Balance(_Result):
    """A draft's stance, counted as motivational-interviewing coding counts it: reflections, questions, roadblocks.

    Each sentence counts once: as a reflection (it says back a feeling or what the partner said, or validates
    it), an open or a closed question, or neither. ``roadblocks`` counts roadblock flags (not closed questions).
    """

    reflections: int = 0
    open_questions: int = 0
    closed_questions: int = 0
    roadblocks: int = 0

    @property
    def questions(self) -> int:
        """Open and closed questions together."""
        return self.open_questions + self.closed_questions

    @property
    def ratio(self) -> float | None:
        """Reflections per question (skilled listeners keep it at 1 or above); None when there is no question."""
        return self.reflections / self.questions if self.questions else None

    def summary(self) -> str:
        """One line: "2 reflections, 1 open question, 0 roadblocks" (closed questions when there are any)."""
        parts = [_count(self.reflections, "reflection", "reflections")]
        parts.append(_count(self.open_questions, "open question", "open questions"))
        if self.closed_questions:
            parts.append(_count(self.closed_questions, "closed question", "closed questions"))
        parts.append(_count(self.roadblocks, "roadblock", "roadblocks"))
        return ", ".join(parts)


# A flag with one of these rules is a gentle note (a closed question that offers to listen), not a roadblock.
NOTE_RULES = frozenset({"structure.closed_question.offer", "structure.closed_question.checkin"})
# What a draft must not miss for it to be ok to send.
MISSED_THAT_MATTERS = frozenset({"crisis", "boundary"})


@stored_directly
@dataclass(frozen=True, slots=True)
class Review(_Result):
    """What review() returns for a drafted reply."""

    draft: str
    flags: tuple[Flag, ...] = ()
    strengths: tuple[Strength, ...] = ()
    missed: tuple[Missed, ...] = ()
    message: Analysis | None = None
    balance: Balance = field(default_factory=Balance)

    _nested = {"flags": Flag, "strengths": Strength, "missed": Missed, "message": Analysis, "balance": Balance}

    @property
    def ok(self) -> bool:
        """True when the draft is fine to send: no roadblock, no leading closed question, no missed crisis or
        boundary (gentle notes and a feeling left unnamed are coaching, not a reason to hold it back)."""
        if any(f.rule not in NOTE_RULES for f in self.flags):
            return False
        return not any(m.kind in MISSED_THAT_MATTERS for m in self.missed)
