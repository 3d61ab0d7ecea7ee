"""Property tests: any string in, no crash; spans match the text; results are deterministic and serialisable."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listenwell

from .suggestion_checks import problems_in

# Text that looks like messages (words from the rule tables' world, punctuation, emoji) plus any unicode.
WORDS = st.sampled_from(
    [
        "I",
        "you",
        "me",
        "my",
        "your",
        "we",
        "he",
        "she",
        "they",
        "not",
        "never",
        "so",
        "really",
        "a",
        "bit",
        "kind",
        "of",
        "sad",
        "angry",
        "tired",
        "happy",
        "furious",
        "fed",
        "up",
        "at",
        "my",
        "wit's",
        "end",
        "can't",
        "don't",
        "I'm",
        "you're",
        "work",
        "kids",
        "money",
        "boss",
        "mom",
        "!!!",
        "?",
        ",",
        ".",
        "😭",
        "❤️",
        "lol",
        "whatever",
        "fine",
        "sorry",
        "space",
        "talk",
        "later",
        "kill",
        "myself",
        "killing",
        "me",
        "die",
        "died",
        "promotion",
        "got",
        "job",
        "left",
        "out",
        "because",
        "when",
        "but",
        "just",
    ]
)
MESSAGES = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=30).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=20).map(lambda ws: "".join(ws)),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(MESSAGES)
def test_analyze_never_crashes_and_spans_match(text: str) -> None:
    a = listenwell.analyze(text)
    assert a.text == text
    assert -1.0 <= a.valence <= 1.0
    for item in (*a.emotions, *a.cues):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text
    for e in a.emotions:
        assert 0.0 < e.intensity <= 1.0
        assert e.experiencer in {"speaker", "listener", "other"}
    json.dumps(a.to_dict())
    assert listenwell.analyze(text) == a


@SETTINGS
@given(MESSAGES)
def test_listen_is_never_empty_deterministic_and_clean(text: str) -> None:
    r = listenwell.listen(text)
    assert r.suggestions, "the list of suggestions is never empty"
    assert listenwell.listen(text) == r
    assert problems_in(r) == []
    json.dumps(r.to_dict())


@SETTINGS
@given(MESSAGES, MESSAGES)
def test_review_never_crashes_and_spans_match(draft: str, message: str) -> None:
    v = listenwell.review(draft, message=message)
    for item in (*v.flags, *v.strengths):
        assert draft[item.start : item.end] == item.text
    json.dumps(v.to_dict())


@SETTINGS
@given(MESSAGES)
def test_reflect_never_crashes(text: str) -> None:
    out = listenwell.reflect(text)
    assert isinstance(out, str)


@settings(max_examples=30, deadline=None)
@given(st.lists(MESSAGES, max_size=8))
def test_batched_equals_one_by_one(texts: list[str]) -> None:
    assert listenwell.analyze_many(texts) == [listenwell.analyze(t) for t in texts]
    assert listenwell.listen_many(texts) == [listenwell.listen(t) for t in texts]
