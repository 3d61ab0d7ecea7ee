"""listenwell: find the feelings in a partner's message and suggest what to say back.

Rule-based and explainable: every result names the rule and the evidence behind it. It runs offline and never
sends text anywhere. It is a listening aid, not a diagnosis and not a substitute for professional help.

>>> import listenwell
>>> listenwell.analyze("I'm not angry, just really tired").dominant
'exhaustion'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, overload

from . import _compiled  # noqa: F401  (first: its guard runs before any compiled module could load)
from ._conversation import Conversation
from ._default import default_listener
from ._errors import ListenwellError, MessageTooLong, RuleError
from ._extensions import displacy_options, register_on_spacy_import
from ._listener import DEFAULT_MAX_LENGTH, Listener
from ._loading import RuleSet, check_rules, load_rules
from ._results import (
    Analysis,
    Cue,
    EmotionMention,
    Flag,
    Listening,
    Missed,
    Resource,
    Review,
    Sentiment,
    Strength,
    Suggestion,
)

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Conversation", "Cue", "DEFAULT_MAX_LENGTH", "EmotionMention", "Flag", "Listener", "Listening",
    "ListenwellError", "MessageTooLong", "Missed", "Resource", "Review", "RuleError", "RuleSet", "Sentiment",
    "Strength", "Suggestion", "__version__", "analyze", "analyze_many", "check_rules", "default_listener",
    "displacy_options", "invite", "listen", "listen_many", "load_rules", "reflect", "review",
]  # fmt: skip

register_on_spacy_import()  # Doc._.listenwell and Span._.listenwell, without importing spaCy here


def analyze(text: str) -> Analysis:
    """Feelings, sentiment, cues, topics and needs of one message."""
    return default_listener().analyze(text)


@overload
def analyze_many(texts: Iterable[str], *, n_process: int = 1, stream: Literal[False] = False) -> list[Analysis]: ...
@overload
def analyze_many(texts: Iterable[str], *, n_process: int = 1, stream: Literal[True]) -> Iterator[Analysis]: ...
def analyze_many(
    texts: Iterable[str], *, n_process: int = 1, stream: bool = False
) -> list[Analysis] | Iterator[Analysis]:
    """analyze() for many messages, batched; same results as one by one. ``n_process``: forked workers.
    ``stream=True``: a generator that reads ``texts`` lazily and holds one batch at a time (for big inputs)."""
    lw = default_listener()
    if stream:
        return lw.analyze_many(texts, n_process=n_process, stream=True)
    return lw.analyze_many(texts, n_process=n_process)


def listen(
    text: str, context: Sequence[str] | None = None, *, seed: int | None = None, locale: str | None = None
) -> Listening:
    """Analyse a message and suggest what to say back; ``locale`` picks the crisis resources (default: ``LANG``)."""
    return default_listener().listen(text, context=context, seed=seed, locale=locale)


@overload
def listen_many(
    texts: Iterable[str],
    *,
    seed: int | None = None,
    locale: str | None = None,
    n_process: int = 1,
    stream: Literal[False] = False,
) -> list[Listening]: ...
@overload
def listen_many(
    texts: Iterable[str],
    *,
    seed: int | None = None,
    locale: str | None = None,
    n_process: int = 1,
    stream: Literal[True],
) -> Iterator[Listening]: ...
def listen_many(
    texts: Iterable[str],
    *,
    seed: int | None = None,
    locale: str | None = None,
    n_process: int = 1,
    stream: bool = False,
) -> list[Listening] | Iterator[Listening]:
    """listen() for many messages, batched; same results as one by one. ``n_process``: forked workers.
    ``stream=True``: a generator that reads ``texts`` lazily and holds one batch at a time (for big inputs)."""
    lw = default_listener()
    if stream:
        return lw.listen_many(texts, seed=seed, locale=locale, n_process=n_process, stream=True)
    return lw.listen_many(texts, seed=seed, locale=locale, n_process=n_process)


def reflect(text: str) -> str:
    """The writer's words turned into the listener's: "I feel like you never listen to me" -> "you feel ..."."""
    return default_listener().reflect(text)


def review(draft: str, message: str | None = None) -> Review:
    """Flag habits in a drafted reply that tend to shut people down, with better phrasings."""
    return default_listener().review(draft, message=message)


def invite(
    feeling: str | None = None, topic: str | None = None, *, count: int = 3, seed: int | None = None
) -> list[Suggestion]:
    """Openers for a partner who has not opened up yet: an I-statement of your own feeling, no pressure, one open
    question. ``feeling``: the family of your feeling it names (``love``, ``loneliness``, ``anxiety``, ``hope``, ...);
    ``topic``: ``family``, ``work``, ``relationship`` or ``stress``."""
    from ._invite import invite as _invite

    return _invite(default_listener(), feeling=feeling, topic=topic, count=count, seed=seed)
