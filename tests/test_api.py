"""The public API: exported names, input errors, result types and their serialisation."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

import listenwell
from listenwell import Analysis, Listening, Review

EXPECTED_EXPORTS = {
    "Analysis", "Conversation", "Cue", "DEFAULT_MAX_LENGTH", "EmotionMention", "Flag", "Listener", "Listening",
    "ListenwellError", "MessageTooLong", "Missed", "Resource", "Review", "RuleError", "RuleSet", "Sentiment",
    "Strength", "Suggestion", "__version__", "analyze", "analyze_many", "check_rules", "default_listener",
    "displacy_options", "invite", "listen", "listen_many", "load_rules", "reflect", "review",
}  # fmt: skip


def test_exports_are_exactly_the_intended_names() -> None:
    assert set(listenwell.__all__) == EXPECTED_EXPORTS
    for name in listenwell.__all__:
        assert hasattr(listenwell, name), name


def test_import_is_light() -> None:
    code = (
        "import sys, listenwell; print(sorted(m for m in ('rich', 'fastapi', 'uvicorn', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.replace("'", '"')) == []


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"], {"text": "hi"}])
@pytest.mark.parametrize("fn", [listenwell.analyze, listenwell.listen, listenwell.reflect, listenwell.review])
def test_non_str_raises_type_error_naming_the_type(fn, bad) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match=type(bad).__name__):
        fn(bad)


def test_review_message_must_be_str_too() -> None:
    with pytest.raises(TypeError, match="int"):
        listenwell.review("ok", message=3)  # type: ignore[arg-type]


@pytest.mark.parametrize("blank", ["", " ", "\n\t  \n"])
def test_blank_text_gives_empty_analysis(blank: str) -> None:
    a = listenwell.analyze(blank)
    assert a == Analysis(text=blank)
    assert a.dominant is None and a.emotions == () and a.cues == ()
    r = listenwell.listen(blank)
    assert r.suggestions, "even a blank message gets a curious reply"


def test_message_too_long_is_clear() -> None:
    lw = listenwell.Listener(max_length=50)
    with pytest.raises(listenwell.MessageTooLong, match="51 characters; the limit is 50") as info:
        lw.analyze("x" * 51)
    assert isinstance(info.value, ValueError)
    assert lw.analyze("x" * 50).text == "x" * 50
    with pytest.raises(listenwell.MessageTooLong):
        listenwell.analyze("word " * 5000)


@pytest.mark.parametrize("bad", [0, -1, 2.5, "100", True])
def test_bad_max_length(bad: object) -> None:
    with pytest.raises(ValueError, match="max_length"):
        listenwell.Listener(max_length=bad)  # type: ignore[arg-type]


def test_seed_and_context_are_checked() -> None:
    with pytest.raises(TypeError, match="seed"):
        listenwell.listen("hi", seed="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="context"):
        listenwell.listen("hi", context="not a list")


def test_results_are_frozen() -> None:
    a = listenwell.analyze("I'm furious")
    with pytest.raises(AttributeError):
        a.dominant = "joy"  # type: ignore[misc]


MESSAGES = [
    "I've been so stressed at work and it feels like you don't even notice",
    "I want to kill myself",
    "I got the job!!! 🎉",
    "I don't want to talk about it right now",
    "",
]


@pytest.mark.parametrize("text", MESSAGES)
def test_results_round_trip_through_json_and_pickle(text: str) -> None:
    a = listenwell.analyze(text)
    assert Analysis.from_dict(json.loads(json.dumps(a.to_dict()))) == a
    assert pickle.loads(pickle.dumps(a)) == a
    r = listenwell.listen(text)
    assert Listening.from_dict(json.loads(json.dumps(r.to_dict()))) == r
    v = listenwell.review("Why would you say that?", message=text)
    assert Review.from_dict(json.loads(json.dumps(v.to_dict()))) == v


def test_every_result_names_its_rule() -> None:
    r = listenwell.listen("My dog died and I feel so alone. You never even called.")
    assert all(e.rule for e in r.analysis.emotions)
    assert all(c.rule for c in r.analysis.cues)
    assert all(s.rule and s.evidence for s in r.suggestions)


def test_listeners_do_not_share_state() -> None:
    a = listenwell.Listener()
    b = listenwell.Listener()
    assert a.rules is not b.rules
    assert a.nlp is not b.nlp
    assert a.analyze("I'm so tired") == b.analyze("I'm so tired")


def test_sentiment_is_vaders() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = "What a lovely surprise, thank you!"
    scores = SentimentIntensityAnalyzer().polarity_scores(text)
    s = listenwell.analyze(text).sentiment
    assert (s.compound, s.pos, s.neu, s.neg) == (scores["compound"], scores["pos"], scores["neu"], scores["neg"])


def test_docstring_example_runs() -> None:
    import doctest

    failures, tried = doctest.testmod(listenwell, verbose=False)
    assert tried >= 1 and failures == 0


def test_user_pipeline_helps_never_hurts() -> None:
    import spacy

    with_ruler = spacy.blank("en")
    with_ruler.add_pipe("sentencizer")
    ruler = with_ruler.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Acme"}])  # type: ignore[attr-defined]
    bare = spacy.blank("en")  # no sentence splitter at all
    for nlp in (with_ruler, bare):
        mine = listenwell.Listener(nlp=nlp)
        for text in [*MESSAGES, "Acme laid me off today. I'm scared. What do we do about rent?"]:
            ours, theirs = mine.analyze(text), listenwell.analyze(text)
            assert ours.dominant == theirs.dominant
            assert {c.kind for c in ours.cues} == {c.kind for c in theirs.cues}
