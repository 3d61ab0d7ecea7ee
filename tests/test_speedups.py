"""The optional C loops (src/listenwell/_speedups.c) give exactly what the Python loops in _matching.py give.

Both paths run in one process: the Python one by setting ``_accel.speedups`` to None, as a build without the
compiled module has it. Without the module (a pure-Python build, or a checkout where ``python hatch_build.py`` has not
run) the comparisons are skipped; tests/test_wheel.py checks that a built wheel carries the module and uses it.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import listenwell
from listenwell import _accel
from tests.evaldata import evaldata

compiled = pytest.mark.skipif(_accel.speedups is None, reason="the C loops are not built here")


def _rows() -> Iterator[str]:
    folder = evaldata()
    if folder is None:
        pytest.skip("shared/evaldata not found (set LISTENWELL_EVALDATA)")
    with open(folder / "empathetic_dialogues_dev.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield row["text"]
    with open(folder / "goemotions_dev.tsv", encoding="utf-8") as f:
        for line in f:
            yield line.split("\t", 1)[0]
    with open(folder / "vader_tweets_GroundTruth.txt", encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")[2]


def _both(fn: Any, *args: Any) -> tuple[Any, Any]:
    """What ``fn(*args)`` gives with the C loops, and with the Python loops."""
    kept = _accel.speedups
    try:
        with_c = fn(*args)
        _accel.speedups = None
        return with_c, fn(*args)
    finally:
        _accel.speedups = kept


def _hits(lw: listenwell.Listener, text: str) -> list[Any]:
    """Every hit of the matcher over ``text``, the norms and sentence ids it read, the norms it wrote on the doc,
    and the terms each learned model finds in them."""
    with lw.nlp.memory_zone():
        doc = lw._docs(text)
        matched = lw._matcher(doc)
        hits = [(t, h.rule.id, h.start, h.end) for t in matched.hits.tables() for h in matched.hits.get(t)]
        models = (lw._analyzer._learned, lw._analyzer._learned_boundary)
        present = [sorted(m._present(matched.norms).items()) for m in models]
        return [hits, matched.norms, matched.sentence_ids, [t.norm_ for t in doc], present]


@compiled
def test_every_hit_over_the_evaluation_data_is_the_same(lw: listenwell.Listener) -> None:
    texts = list(_rows())
    assert len(texts) > 10_000
    with_c, without = _both(lambda: [_hits(lw, t) for t in texts])
    assert with_c == without


@compiled
def test_listen_many_and_review_are_the_same(lw: listenwell.Listener) -> None:
    texts = list(_rows())[::25]
    with_c, without = _both(lambda: [r.to_dict() for r in lw.listen_many(texts)])
    assert with_c == without
    drafts, messages = texts[:150], texts[150:300]
    with_c, without = _both(lambda: [lw.review(d, message=m).to_dict() for d, m in zip(drafts, messages, strict=True)])
    assert with_c == without


def _rule_words(lw: listenwell.Listener) -> list[str]:
    """Every norm a rule literal holds, in a fixed order (the fuzzer draws from them: they make hits)."""
    return sorted(lw._matcher._patterns.codes)


_LW = listenwell.default_listener()
_WORDS = st.sampled_from(_rule_words(_LW)) | st.sampled_from(["zqx", "", " ", "\n", "!", "...", "'s", "i"])


@compiled
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40))
def test_fuzzed_norms_find_the_same(norms: Sequence[str]) -> None:
    matcher = _LW._matcher
    with_c, without = _both(matcher._find, list(norms))
    assert with_c == without


@compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS | st.text(max_size=6), max_size=30).map(" ".join))
def test_fuzzed_messages_match_and_listen_the_same(text: str) -> None:
    with_c, without = _both(lambda: (_hits(_LW, text), _LW.listen(text).to_dict()))
    assert with_c == without


def _grams_both(words: Sequence[str], longest: int) -> tuple[list[str], list[str]]:
    """``word_grams(words, longest)`` made afresh with the C grams and with the Python runs (its cache emptied), as
    lists in the set's own order: the C loop adds the runs in the order the Python union does, so even iterating
    the set gives the same order. Also made the way the suggestion layer asks: shorter grams first, then longer."""
    from listenwell import _matching

    def fresh() -> list[str]:
        _matching._GRAMS.clear()
        made = [*_matching.word_grams(words, longest)]
        _matching._GRAMS.clear()
        _matching.word_grams(words, 2)
        return made + ["|", *_matching.word_grams(words, longest)]

    return cast("tuple[list[str], list[str]]", _both(fresh))


@compiled
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS | st.text(max_size=4), max_size=30), st.integers(min_value=1, max_value=7))
def test_fuzzed_runs_join_the_same(words: list[str], n: int) -> None:
    """Each run the C loop joins is the run " ".join makes, for any text (spaces, non-ASCII, emoji, empty words)."""
    key = tuple(words)
    assert _accel.speedups.runs(key, n) == list(map(" ".join, zip(*[key[j:] for j in range(n)], strict=False)))
    with_c, without = _grams_both(words, n)
    assert with_c == without


@compiled
def test_word_grams_over_the_evaluation_data_are_the_same(lw: listenwell.Listener) -> None:
    """The grams the suggestion layer reads (up to five words) of each message's norms, made with and without C."""
    seen = 0
    for k, text in enumerate(_rows()):
        if k % 7:
            continue
        norms = _hits(lw, text)[1]
        for longest in (2, 3, 5):
            with_c, without = _grams_both(norms, longest)
            assert with_c == without
        seen += 1
    assert seen > 1000


@compiled
def test_a_stale_build_is_not_used() -> None:
    """The Python side uses the module only when its ABI number is the one it was written for."""
    assert _accel.speedups.ABI == _accel.ABI


def test_without_the_module_the_python_loops_run() -> None:
    """A build without a C compiler has no ``_speedups``: importing listenwell then uses the Python loops."""
    code = (
        "import sys, json; sys.modules['listenwell._speedups'] = None\n"  # the import of it then fails
        "import listenwell; from listenwell import _accel\n"
        "r = listenwell.listen(\"I've been so stressed at work and it feels like you don't even notice\")\n"
        "print(json.dumps([_accel.speedups is None, r.analysis.dominant, len(r.suggestions)]))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env).stdout
    missing, dominant, n = json.loads(out)
    assert missing and dominant and n >= 1
    here = listenwell.listen("I've been so stressed at work and it feels like you don't even notice")
    assert (here.analysis.dominant, len(here.suggestions)) == (dominant, n)


def _phrase_sets(lw: listenwell.Listener) -> list[Any]:
    """The PhraseSets the suggestion layer reads with (irony markers, the gist's time words)."""
    suggester = lw.suggester
    gist = suggester._gist
    return [suggester._irony._marker_set, gist._upcoming_in, gist._past_in, gist._ongoing_in]


@compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS | st.sampled_from(["so", "love", "that", "for", "us", "last", "week", "a b"]), max_size=30))
def test_fuzzed_phrases_are_found_the_same(words: list[str]) -> None:
    """PhraseSet.found gives the same set, in the same order, with the C loop and the Python one (a word holding a
    space is read through word_grams either way)."""
    for phrases in _phrase_sets(_LW):
        with_c, without = _both(lambda p=phrases: [*p.found(words)])
        assert with_c == without


@compiled
def test_phrases_over_the_evaluation_data_are_the_same(lw: listenwell.Listener) -> None:
    phrase_sets = _phrase_sets(lw)
    seen = 0
    for k, text in enumerate(_rows()):
        if k % 5:
            continue
        norms = _hits(lw, text)[1]
        for phrases in phrase_sets:
            with_c, without = _both(lambda p=phrases, w=norms: [*p.found(w)])
            assert with_c == without
        seen += 1
    assert seen > 2000


# --- the sieve of windows (find's sixth argument) -----------------------------------------------------------------
_FNV_OFFSET, _FNV_PRIME, _MASK64 = 14695981039346656037, 1099511628211, (1 << 64) - 1


def _sieve_bits(literal: str, k: int) -> list[tuple[int, int]]:
    """The two bits the sieve sets for each prefix of ``literal`` (the C hash, written again in Python)."""
    out, h, mask = [], _FNV_OFFSET, (1 << k) - 1
    for ch in literal:
        h = ((h ^ ord(ch)) * _FNV_PRIME) & _MASK64
        out.append((h & mask, ((h >> 32) ^ (h >> 7)) & mask))
    return out


def _real_sieve() -> bytes:
    """The shipped rules' sieve, as the matcher made it at its first doc."""
    _LW._matcher._find(["i"])
    assert _LW._matcher._sieve is not None
    return _LW._matcher._sieve


@compiled
def test_the_sieve_marks_every_literal_and_every_prefix_of_one() -> None:
    """No literal, nor the start of one, is ever sieved out (a window sieved out is read as no literal and the
    start of none); and the table is mostly empty, so most other windows are sieved out."""
    literals = _LW._matcher._patterns.literals
    sieve = _real_sieve()
    k = (len(sieve) * 8).bit_length() - 1
    assert len(sieve) * 8 == 1 << k

    def marked(bit: int) -> bool:
        return bool(sieve[bit >> 3] >> (bit & 7) & 1)

    checked = 0
    for n, literal in enumerate(literals):
        if n % 5 == 0:
            assert all(marked(a) and marked(b) for a, b in _sieve_bits(literal, k)), literal
            checked += 1
    assert checked > 10_000
    assert sum(bin(byte).count("1") for byte in sieve) < len(sieve) * 8 * 0.25


@compiled
@pytest.mark.parametrize(
    ("literals", "window", "kept"),
    [
        (["abc"], "a", True),  # a prefix
        (["abc"], "abc", True),  # the literal
        (["abc"], "abd", False),  # neither
        (["abc"], "abcd", False),  # longer than any literal
        (["abc", "x"], "x", True),
        ([], "a", False),
    ],
)
def test_the_sieve_of_a_few_literals(literals: list[str], window: str, kept: bool) -> None:
    sieve = _accel.speedups.sieve(literals, 16)
    a, b = _sieve_bits(window, 16)[-1]
    assert (bool(sieve[a >> 3] >> (a & 7) & 1) and bool(sieve[b >> 3] >> (b & 7) & 1)) == kept


@compiled
def test_find_reads_its_sieve() -> None:
    """An empty sieve rules out every window (nothing is found), a full one none (all is found as without one)."""
    matcher = _LW._matcher
    patterns = matcher._patterns
    norms = ["i", "feel", "so", "left", "out", "and", "my", "boss", "yelled", "at", "me"]

    def find(sieve: bytes | None) -> Any:
        return _accel.speedups.find(norms, patterns.heads, {}, matcher._window, "\0", sieve)

    plain = find(None)
    assert plain[0] or plain[1]
    assert find(bytes(1 << 10)) == ([], [], {})
    assert find(b"\xff" * (1 << 10)) == plain
    assert find(_real_sieve()) == plain
    with pytest.raises(TypeError):
        find(b"\xff" * 3)  # not a power of two


@compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40))
def test_fuzzed_norms_find_the_same_with_and_without_the_sieve(norms: Sequence[str]) -> None:
    matcher = _LW._matcher
    patterns = matcher._patterns
    sieve = _real_sieve()
    with_sieve = _accel.speedups.find(list(norms), patterns.heads, {}, matcher._window, "\0", sieve)
    without = _accel.speedups.find(list(norms), patterns.heads, {}, matcher._window, "\0", None)
    assert with_sieve == without


@compiled
@pytest.mark.parametrize(
    ("words", "spaced"),
    [
        (["so", "proud"], False),
        (["so proud"], True),  # one byte per character
        (["café au lait"], True),
        (["\U0001f602 lol"], True),  # four bytes per character
        (["\U0001f602", "lol"], False),
        (["\u2019s good"], True),  # two bytes per character
        (["\u2019s", "good"], False),
    ],
)
def test_phrases_reads_a_space_in_any_word(words: list[str], spaced: bool) -> None:
    """A word holding a space (of any string width) sends the words to word_grams (None); else the phrases found."""
    by_first = {"so": [(("so", "proud"), "so proud")], "\U0001f602": [(("\U0001f602",), "x")]}
    made = _accel.speedups.phrases(words, by_first)
    assert (made is None) == spaced


@compiled
def test_a_pool_shares_the_sieve_made_before_it_forks() -> None:
    """``freeze`` (run before a pool forks) makes the matcher's sieve, so each worker does not make its own."""
    from listenwell import _parallel

    lw = listenwell.Listener()
    assert lw._matcher._sieve is None
    _parallel.freeze(lw)
    assert lw._matcher._sieve is not None and len(lw._matcher._sieve) >= 1 << 10
