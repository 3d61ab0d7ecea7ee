"""The crisis net's raised threshold beside a crisis concept (cue_kinds.jsonl ``learned_concepts`` and
``learned_concept_threshold``, issue 8 session 12): a verdict between the two thresholds speaks only when a signal of
a named group is said and not cancelled. A toy table makes the net's probability known exactly."""

from __future__ import annotations

import math

import pytest

import listenwell
from listenwell._learned import BIAS, CLASSES, LearnedTerms

# P(none) of a message holding "quux" = 1 / (2 + 3 e^-5), about 0.495; of one without it, about 0.993.
TOY = [(BIAS, 0.0, -5.0, -5.0, -5.0, -5.0), ("quux", 0.0, 5.0, 0.0, 0.0, 0.0)]
P_NONE = 1.0 / (2.0 + 3.0 * math.exp(-5.0))


@pytest.fixture(scope="module")
def listener() -> listenwell.Listener:
    return listenwell.Listener()


def _with(listener: listenwell.Listener, low: float, high: float) -> listenwell.Listener:
    analyzer = listener._analyzer
    analyzer._learned = LearnedTerms.from_columns(TOY, low, CLASSES)
    analyzer._learned_concept_threshold = high
    return listener


def _learned(listener: listenwell.Listener, text: str) -> list[str]:
    return [c.rule for c in listener.analyze(text).cues if c.kind == "crisis" and c.rule.startswith("crisis.learned")]


@pytest.mark.parametrize(
    ("text", "low", "high", "speaks"),
    [
        ("quux", P_NONE + 0.01, 0.0, True),  # under the plain threshold: speaks alone
        ("quux", P_NONE - 0.2, 0.0, False),  # above it, no raised threshold
        ("quux", P_NONE - 0.2, P_NONE + 0.1, False),  # under the raised one but no concept said
        ("quux and his gun", P_NONE - 0.2, P_NONE + 0.1, True),  # beside a weapon
        ("quux and his gun", P_NONE - 0.2, P_NONE - 0.1, False),  # the raised threshold is still a threshold
        ("quux and his gun", P_NONE - 0.2, 0.0, False),  # none set: the concept changes nothing
        ("quux and his gun lol", P_NONE - 0.2, P_NONE + 0.1, False),  # a concept laughed off gives no extra room
        ("quux and his gun lol", P_NONE + 0.01, P_NONE + 0.1, True),  # ... but the plain threshold still applies
        # a toy weapon: the signal cancelled by its own exception
        ("quux and his water gun", P_NONE - 0.2, P_NONE + 0.1, False),
    ],
)
def test_a_verdict_between_the_thresholds_needs_a_concept(
    listener: listenwell.Listener, text: str, low: float, high: float, speaks: bool
) -> None:
    got = _learned(_with(listener, low, high), text)
    assert bool(got) == speaks, got


def test_the_shipped_concepts_are_crisis_signal_groups(listener: listenwell.Listener) -> None:
    groups = {r.group for r in listener.rules.tables["crisis_signals"].values()}
    concepts = listener._analyzer._learned_concepts
    assert concepts and concepts <= groups
    assert "desire" not in concepts and "when" not in concepts  # everyday words are no concept


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        ("quux", True),  # the toy net alone speaks under its plain threshold
        # cue_kinds.jsonl learned_unless (session 13): everyday kinds cancel the net's verdict, anywhere in the message
        ("quux. tired of the commute and the emails. im fine, just tired", False),
        ("quux. i keep picturing it flying into the road", False),
        ("quux. someone knocked at 2am. turned out to be the wrong flat", False),
        ("quux. our neighbour passed away on sunday", False),
        ("quux. tired of everything", True),  # tiredness of everything is no ordinary tiredness
    ],
)
def test_learned_unless_cancels_only_the_nets_verdict(listener: listenwell.Listener, text: str, speaks: bool) -> None:
    got = _learned(_with(listener, P_NONE + 0.01, 0.0), text)
    assert bool(got) == speaks, got


def test_learned_unless_leaves_a_phrase_row_alone(listener: listenwell.Listener) -> None:
    r = listener.listen("since mum passed away i just want to die")  # grief beside a crisis said in words
    assert r.mode == "safety" and not any(c.rule.startswith("crisis.learned") for c in r.analysis.cues)
