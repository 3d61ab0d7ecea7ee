"""Any str in: all of Unicode (lone surrogates, NUL and control characters included) through every public function
and the server, offsets into the caller's text, long runs read as their capped form, arguments checked, and no
growth of spaCy's string store as new words go by. The big fuzz run is ``python benchmarks/fuzz.py``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listenwell
from listenwell._textprep import MAX_CHUNK, RUN_CAP, clean_text

SPECIAL = [
    "\ud800", "\udc2c", "\udfff", "\ud83d", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff", "\u200b",
    "\u0301", "😭", "❤️", "👍🏽", "🇺🇸", "!!!", "?", "…", "\t", "\n", "\r", " ", "ﷺ", "a\u0301",
]  # fmt: skip
WORDS = [
    "I", "you", "me", "my", "not", "never", "so", "really", "sad", "angry", "tired", "happy", "furious", "alone",
    "can't", "I'm", "work", "boss", "kill", "myself", "die", "whatever", "fine", "space", "promotion", "job", "but",
]  # fmt: skip
ANY_CHAR = st.characters(exclude_categories=())  # every code point, surrogates included
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=120),
    st.lists(st.one_of(st.sampled_from(SPECIAL), st.sampled_from(WORDS), ANY_CHAR), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(SPECIAL), st.sampled_from(WORDS)), max_size=40).map("".join),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Weird(str):
    """A str subclass whose own methods lie: the library must read the characters, not call them."""

    def __str__(self) -> str:
        return "something else"

    def strip(self, chars: str | None = None) -> str:
        return "something else"


def _same_length_and_clean(result_text: str, text: str) -> None:
    assert len(result_text) == len(text)
    assert result_text == clean_text(text)
    result_text.encode("utf-8")


def _spans_match(items: Any, text: str) -> None:
    for item in items:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text


def _serialisable(result: Any) -> None:
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


@FAST
@given(TEXT)
def test_analyze_takes_any_str(text: str) -> None:
    a = listenwell.analyze(text)
    _same_length_and_clean(a.text, text)
    _spans_match((*a.emotions, *a.cues), a.text)
    _serialisable(a)
    assert listenwell.analyze(text) == a
    assert listenwell.analyze(Weird(text)) == a


@FAST
@given(TEXT, st.lists(TEXT, max_size=3), st.one_of(st.none(), st.integers(), st.just(10**5000)))
def test_listen_takes_any_str_context_and_seed(text: str, context: list[str], seed: int | None) -> None:
    r = listenwell.listen(text, context=context, seed=seed)
    _same_length_and_clean(r.analysis.text, text)
    assert r.suggestions
    for s in r.suggestions:
        s.text.encode("utf-8")
    _serialisable(r)


@FAST
@given(TEXT, st.one_of(st.none(), TEXT))
def test_review_and_reflect_take_any_str(draft: str, message: str | None) -> None:
    v = listenwell.review(draft, message=message)
    _same_length_and_clean(v.draft, draft)
    _spans_match((*v.flags, *v.strengths), v.draft)
    _serialisable(v)
    out = listenwell.reflect(draft)
    assert isinstance(out, str)
    out.encode("utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, max_size=6))
def test_batched_and_streamed_equal_one_by_one(texts: list[str]) -> None:
    one_by_one = [listenwell.analyze(t) for t in texts]
    assert listenwell.analyze_many(texts) == one_by_one
    lw = listenwell.default_listener()
    assert list(lw.analyze_many(iter(texts), stream=True, batch_size=2)) == one_by_one
    assert list(lw.listen_many(texts, stream=True)) == [listenwell.listen(t) for t in texts]


_client: Any = None


def _server() -> Any:
    global _client
    if _client is None:
        pytest.importorskip("fastapi")
        from fastapi.testclient import TestClient

        from listenwell.server import create_app

        _client = TestClient(create_app(listener=listenwell.default_listener()))
    return _client


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.one_of(st.none(), TEXT))
def test_the_server_takes_any_str(text: str, message: str | None) -> None:
    client = _server()
    headers = {"content-type": "application/json"}
    for path, body in (
        ("/v1/analyze", {"text": text}),
        ("/v1/listen", {"text": text, "context": [text]}),
        ("/v1/review", {"draft": text, "message": message}),
    ):
        r = client.post(path, content=json.dumps(body, ensure_ascii=True), headers=headers)  # surrogates escaped
        blank = any(isinstance(v, str) and not v.strip() for v in body.values())
        assert r.status_code == (422 if blank else 200), r.text  # an empty text is a usage error (issue 13)
        assert ("error" in r.json()) == blank


# --- long runs -----------------------------------------------------------------------------------------------
RUN_UNITS = ["!", "?", ".", "😭", "❤️", "!?", "_", "-", "…", "*", ".?!", "👍🏽"]
SIDES = ["I'm so sad", "I feel so alone", "my boss yelled at me", "we got the apartment", "not angry, just tired",
         "you never listen", "I want to die", "so", "I", ""]  # fmt: skip


def _comparable(a: listenwell.Analysis, shift_at: int, delta: int) -> tuple[Any, ...]:
    def at(x: int) -> int:
        return x if x < shift_at else x + delta

    feelings = tuple(
        (e.family, e.term, e.intensity, e.negated, e.hedged, e.intensified, e.experiencer, e.rule)
        + (at(e.start), at(e.end))
        for e in a.emotions
        if e.source != "sentiment"  # VADER reads the run itself (one emoji, one more word): not the tokenizer's doing
    )  # fmt: skip
    cues = tuple((c.kind, c.rule, at(c.start), at(c.end)) for c in a.cues)
    return feelings, cues, a.topics


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SIDES), st.sampled_from(RUN_UNITS), st.integers(RUN_CAP + 1, 3000), st.sampled_from(SIDES),
    st.sampled_from([" ", ""]), st.sampled_from([" ", ""]),
)  # fmt: skip
def test_a_long_run_reads_as_its_capped_form(
    before: str, unit: str, repeats: int, after: str, gap1: str, gap2: str
) -> None:
    capped = before + gap1 + unit * RUN_CAP + gap2 + after
    long = before + gap1 + unit * repeats + gap2 + after
    assert max(len(chunk) for chunk in capped.split()) <= MAX_CHUNK
    shift_at = len(before + gap1) + len(unit) * RUN_CAP
    delta = len(unit) * (repeats - RUN_CAP)
    short_a, long_a = listenwell.analyze(capped), listenwell.analyze(long)
    assert _comparable(long_a, 0, 0) == _comparable(short_a, shift_at, delta)
    _spans_match((*long_a.emotions, *long_a.cues), long)
    if unit in ("!", "?", ".", "!?", ".?!", "…", "-", "_", "*"):  # VADER caps punctuation emphasis: all the same
        assert long_a.sentiment == short_a.sentiment and long_a.dominant == short_a.dominant


def test_control_characters_read_as_spaces_and_stay_in_the_text(lw: listenwell.Listener) -> None:
    text = "I'm\x00 so\x1b tired\x7f"
    a = lw.analyze(text)
    assert a.text == text and a.dominant == "exhaustion"
    _spans_match(a.emotions, text)


def test_ordinary_text_is_tokenized_exactly_as_spacy_does(lw: listenwell.Listener) -> None:
    text = "I've been so stressed at work!!! and it feels like you don't even notice 😭😭 (honestly) — ok?"
    safe = [(t.text, t.norm_, t.whitespace_) for t in lw.nlp.make_doc(text)]
    inner = [(t.text, t.norm_, t.whitespace_) for t in lw.nlp.tokenizer.inner(text)]  # type: ignore[union-attr]
    assert safe == inner


@pytest.mark.parametrize(
    "text",
    ["!" * 20_000, "😭" * 20_000, ("!?!!?.,;:-" * 2000), "a" * 20_000, "aאбλ日ع" * 3333, "_" * 20_000, "\x00" * 20_000],
    ids=["bang", "emoji", "mixed-punct", "long-token", "scripts", "underscores", "nul"],
)
def test_floods_keep_the_exact_text_and_offsets(lw: listenwell.Listener, text: str) -> None:
    doc = lw.nlp.make_doc(text)
    assert doc.text == text
    a = lw.analyze(text[:19_980] + " I'm so sad")
    assert a.dominant == "sadness"
    _spans_match((*a.emotions, *a.cues), a.text)


# --- arguments -----------------------------------------------------------------------------------------------
def test_one_str_given_to_many_is_refused() -> None:
    with pytest.raises(TypeError, match="E009 analyze_many expects an iterable of messages, got one str"):
        listenwell.analyze_many("I'm sad")
    with pytest.raises(TypeError, match="E009 listen_many"):
        listenwell.default_listener().listen_many("I'm sad", stream=True)


@pytest.mark.parametrize("context", [{"a": 1}, 5, "one str", [1, 2], {"a", "b"}])
def test_bad_context_is_refused_with_a_clear_message(context: Any) -> None:
    with pytest.raises(TypeError, match="E007 context must be a sequence of str"):
        listenwell.listen("I'm sad", context=context)


def test_seeds_any_int_or_a_clear_error() -> None:
    big = listenwell.listen("I'm so sad", seed=10**5000)
    assert big == listenwell.listen("I'm so sad", seed=10**5000) and big.suggestions
    assert listenwell.listen("I'm so sad", seed=7) == listenwell.listen("I'm so sad", seed=7)
    for bad in ("x", 1.5, True):
        with pytest.raises(TypeError, match="E006"):
            listenwell.listen("I'm so sad", seed=bad)  # type: ignore[arg-type]


def test_batch_size_is_checked(lw: listenwell.Listener) -> None:
    with pytest.raises(ValueError, match="E010"):
        lw.analyze_many(["hi"], batch_size=0)


def test_stream_reads_its_input_lazily(lw: listenwell.Listener) -> None:
    read = []

    def texts() -> Iterator[str]:
        for i in range(10_000):
            read.append(i)
            yield f"message {i}: I feel so alone"

    stream = lw.analyze_many(texts(), stream=True, batch_size=8)
    first = next(stream)
    assert first.dominant == "loneliness" and len(read) <= 16


def test_new_words_do_not_stay_in_the_string_store(lw: listenwell.Listener) -> None:
    lw.listen("warm up")
    lw.review("warm up", message="warm up")
    before = len(lw.nlp.vocab.strings)
    for i in range(300):
        word = f"zq{i}xv{i * 7919}"
        lw.analyze(f"I feel {word} today")
        lw.listen(f"my {word} broke!!!")
        lw.review(f"why {word}?", message=f"{word} again")
        lw.reflect(f"you {word} me")
    list(lw.listen_many((f"so {i}yy{i} sad" for i in range(500)), stream=True))
    assert len(lw.nlp.vocab.strings) - before < 20
