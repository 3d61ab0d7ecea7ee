"""The hot path's shortcuts change no result: recurring chunks kept in spaCy's tokenizer cache between memory zones
(``_chunks``), and rankings of templates kept with their tiers by signature (``_template_index``)."""

from __future__ import annotations

from typing import Any

import pytest

import listenwell
from listenwell._chunks import ChunkKeeper
from listenwell._template_index import tiers_of

# Chunks that exercise the tokenizer's prefixes, suffixes, infixes and special cases, written for this test.
TRICKY = [
    "I'm so done... can't even. don't!! won't?? y'all it's 5:30pm",
    '(ugh) "fine." whatever—ok? U.S. e-mail self-care ... :) :-( <3 \U0001f62d\U0001f62d',
    "dr. smith said 2x/day, i.e. twice; we'll see!!!",
    "gonna wanna lemme gotta ain't shouldn't've 'cause o'clock",
    "https://example.com/a?b=c #tired @you 10km 3.5 $20 50%",
]


def _tokens(lw: listenwell.Listener, text: str) -> list[tuple[str, str, str, bool]]:
    with lw.nlp.memory_zone():
        doc = lw._docs(text)
        return [(t.text, t.norm_, t.lower_, bool(t.whitespace_)) for t in doc]


def test_kept_chunks_tokenize_as_before(lw: listenwell.Listener) -> None:
    before = {text: _tokens(lw, text) for text in TRICKY}
    keeper = ChunkKeeper(lw.nlp.tokenizer, limit=500)
    keeper.note(TRICKY)
    assert keeper.kept == 0  # met once: nothing kept yet
    keeper.note(TRICKY)
    assert keeper.kept > 0
    assert {text: _tokens(lw, text) for text in TRICKY} == before


def test_keeping_is_bounded_and_skips_words_met_once(lw: listenwell.Listener) -> None:
    keeper = ChunkKeeper(lw.nlp.tokenizer, limit=5, seen_limit=50)
    keeper.note([f"zqx{i}" for i in range(200)])  # a stream of new words: the memory of them starts again
    assert keeper.kept == 0 and len(keeper._seen) <= 50
    for _ in range(3):
        keeper.note(["one two three four five six seven eight"])
    assert keeper.kept == 5
    with lw.nlp.memory_zone():  # inside a zone nothing would last: nothing is kept
        inside = ChunkKeeper(lw.nlp.tokenizer)
        inside.note(["again again"])
        inside.note(["again again"])
        assert inside.kept == 0


def test_listen_many_is_unchanged_once_chunks_are_kept() -> None:
    lw = listenwell.default_listener()
    texts = [*TRICKY, "I've been so stressed at work and it feels like you don't even notice", "I'm fine. Whatever."]
    single = [lw.listen(t).to_dict() for t in texts]
    for _ in range(2):  # batches of 3: the second batch on keeps what the first met
        assert [r.to_dict() for r in lw.listen_many(texts * 2, batch_size=3)] == single * 2


@pytest.mark.parametrize(
    "scores", [[], [5], [9, 8, 8, 7, 6, 2, 1, 1, -1], [4, 4, 4], [10, 3, 2, 2, 1, 0, -1, -2, -3], [12, 11, 10, 9]]
)
def test_tiers_are_cut_within_one_point_of_each_best(scores: list[int]) -> None:
    entries = [(sc, f"t{i}", f"template{i}") for i, sc in enumerate(scores)]
    expected = []
    rest = list(entries)
    while rest:  # the pick's own rule: a tier is everything within one point of the best left
        top = rest[0][0]
        expected.append(tuple(t for sc, _i, t in rest if sc >= top - 1))
        rest = [x for x in rest if x[0] < top - 1]
    assert tiers_of(entries) == tuple(expected)  # type: ignore[arg-type]


def test_indexed_exception_lists_read_as_every_phrase(lw: listenwell.Listener) -> None:
    """``occurs_any`` (a row's exceptions indexed by first norm) answers as ``any(occurs(...))`` over the list, on
    sentences built from the exceptions themselves (so many do occur), cut short and run together."""
    from listenwell._phrases import occurs, occurs_any

    analyzer = lw._analyzer
    lists = [*analyzer._shared.values(), *list(analyzer._unless.values())[::40]]
    lists += list(analyzer._signal_unless.values())[::40]
    sentences: list[list[str]] = []
    for phrases in lists[:12]:
        for steps in phrases[:2]:
            words = [w for step in steps if not isinstance(step, str) for w in min(step)]
            sentences += [["so", *words, "."], words[:-1], ["i", "think", *words[1:]]]
    sentences.append([w for s in sentences[:6] for w in s])
    hits = 0
    for phrases in lists:
        for norms in sentences:
            expected = any(occurs(steps, norms) for steps in phrases)
            assert occurs_any(phrases, norms) == expected
            hits += expected
    assert hits > 30  # the sentences do hold exceptions: the test reads both answers


def test_kept_word_grams_equal_fresh_ones() -> None:
    """word_grams keeps a few messages' grams and builds longer ones on shorter ones: in any order of lengths, for a
    list or a tuple of the same words, the answer is every run of 1 to n words."""
    from listenwell._matching import word_grams

    def fresh(words: list[str], longest: int) -> set[str]:
        return {" ".join(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)}

    messages = [f"so i {w} think we could go on friday {w} if you want".split() for w in ("really", "kinda", "")]
    messages += [m[:k] for m in messages for k in (0, 1, 2)]
    for order in ((5, 2, 3, 4, 1), (1, 2, 3, 4, 5), (4, 4, 2, 6)):
        for words in messages * 3:  # more messages than are kept: the memory starts again on the way
            for n in order:
                assert word_grams(words, n) == fresh(words, n)
                assert word_grams(tuple(words), n) == fresh(words, n)


def test_matching_stops_early_only_where_nothing_longer_can_match(lw: listenwell.Listener) -> None:
    """Once a matcher has sorted its literals it stops at each token when no longer literal starts with the window
    read: the hits are those it finds reading every length, on messages written for this test."""
    messages = [
        "honestly i don't even know anymore, i feel so left out when they make plans without me",
        "we got the apartment!!! moving in next month, i can't believe it",
        "he keeps yelling at me and i'm scared to go home tonight",
        "not up for discussion. i need some space from all of this right now",
        "i didn't mean to hurt her feelings, i just wasn't thinking",
    ]
    matcher = lw._matcher
    with lw.nlp.memory_zone():
        norms = [matcher._prepare(lw._docs(m), write=False)[0] for m in messages]
    kept = matcher._sorted, matcher._docs_read, dict(matcher._windows)
    try:
        matcher._sorted, matcher._docs_read = None, -(10**9)  # reads every length
        matcher._windows.clear()
        every = [matcher._find(n) for n in norms]
        matcher._sorted = sorted(matcher._patterns.literals)
        matcher._windows.clear()
        early = [matcher._find(n) for n in norms]
        stopped = sum(not more for _split, more in matcher._windows.values())
    finally:
        matcher._sorted, matcher._docs_read = kept[0], kept[1]
        matcher._windows.clear()
        matcher._windows.update(kept[2])
    assert early == every
    assert all(every) and stopped > 10  # the messages hit rules, and windows were cut short


def _present_by_strings(model: Any, norms: list[str]) -> dict[str, int]:
    """The learned terms of ``norms`` found as before the pair index: each adjacent pair's string looked up."""
    from listenwell._learned import _SKIP

    weights = model._weights
    prefixes = {t.split(" ", 1)[0] for t in weights if " " in t}
    found: dict[str, int] = {}
    lead = None
    for i, n in enumerate(norms):
        if n in _SKIP:
            lead = None
            continue
        if n in model._words:
            found.setdefault(n, i)
        if lead is not None and (pair := f"{lead} {n}") in weights:
            found.setdefault(pair, i - 1)
        lead = n if n in prefixes and n.strip() else None
    return found


def test_learned_pairs_found_by_index_as_by_their_strings(lw: listenwell.Listener) -> None:
    """The learned nets find a word pair by the words that can follow its first word (indexed at load), not by
    making each adjacent pair's string: the terms found, where, and in what order (the scores sum in that order) are
    those the pair strings give, on sentences built from the tables' own pairs, run together and broken up."""
    for model in (lw._analyzer._learned, lw._analyzer._learned_boundary):
        pairs = [t.split() for t in list(model._weights)[::5] if " " in t][:400]
        sentences = [["so", *p, ".", *q, " ", *p[::-1], "\n", p[0]] for p, q in zip(pairs, pairs[1:], strict=False)]
        sentences.append([w for s in sentences[:30] for w in s])
        found = 0
        for norms in sentences:
            got = model._present(norms)
            assert list(got.items()) == list(_present_by_strings(model, norms).items())
            found += sum(" " in t for t in got)
        assert found > 100  # the sentences do hold pairs


def test_templates_without_slots_are_rendered_once_as_ever(lw: listenwell.Listener) -> None:
    """A template with no slot is rendered at load; each such text is what rendering it for a message gives."""
    from listenwell._suggest import MessageFacts

    suggester = lw.suggester
    fixed = dict(suggester._fixed_text)
    facts = MessageFacts(feeling="sad", topics=("work",), needs=("rest",), situation="you lost it", thing="x")
    try:
        suggester._fixed_text = {}
        rendered = {t.id: suggester._render(t, facts) for t in lw.rules.rows("templates") if t.id in fixed}
    finally:
        suggester._fixed_text = fixed
    assert len(fixed) > 100 and rendered == fixed


def test_irony_markers_read_by_first_word_as_by_joined_runs(lw: listenwell.Listener) -> None:
    """Irony markers are looked up by first word in a sentence's words: the markers found are those its joined runs
    of words hold, on sentences built from the markers themselves (cut short, run together, with a spaced word)."""
    from listenwell._matching import word_grams

    irony = lw.suggester._irony
    markers = sorted(irony._markers)
    sentences = [["so", *m.split(" "), "again"] for m in markers[::3]]
    sentences += [m.split(" ")[:-1] for m in markers[::5]] + [[w for s in sentences[:8] for w in s]]
    sentences += [[*s[:2], "a b", *s[2:]] for s in sentences[:4]]
    found = 0
    for words in sentences:
        got = irony._markers_in(words)
        assert got == word_grams(words, irony._longest) & irony._markers
        found += len(got)
    assert found > len(markers) // 3


def test_phrase_sets_find_what_joined_runs_hold(lw: listenwell.Listener) -> None:
    """``PhraseSet(phrases, n).found(words)`` is ``word_grams(words, n) & phrases``, for the time classes the gist
    reads and for each length, on sentences built from the phrases themselves (cut short, run together, with a
    word holding a space)."""
    from listenwell._matching import PhraseSet, word_grams

    found = 0
    for name in ("time_upcoming", "time_past", "time_ongoing", "irony_markers"):
        phrases = sorted(lw.rules.word_class(name))
        sentences = [["so", *p.split(" "), "again"] for p in phrases[::2]]
        sentences += [p.split(" ")[:-1] for p in phrases[::3]] + [[w for s in sentences[:8] for w in s]]
        sentences += [[*s[:2], "a b", *s[2:]] for s in sentences[:4]] + [[]]
        for longest in (0, 1, 2, 3, 5):
            finder = PhraseSet(phrases, longest)
            for words in sentences:
                got = finder.found(words)
                assert got == word_grams(words, longest) & finder.phrases
                found += len(got)
    assert found > 200


@pytest.mark.parametrize(
    "names",
    [
        ("mishaps", "exasperation", "runarounds"),  # one word and several, unions made at load among them
        ("listen_asks", "opinion_asks", "thanks_to_listener"),
        ("later_marks", "plan_words", "catch_turns"),
    ],
)
def test_runs_test_a_word_class_as_joined_runs_do(lw: listenwell.Listener, names: tuple[str, ...]) -> None:
    """``Runs(words, n) & phrases`` (and ``phrases & Runs(...)``) is ``word_grams(words, n) & phrases`` for every
    length, for word classes the suggester reads, their union, and a plain set made for one test; on word lists built
    from the phrases themselves (cut short, run together, with a word holding a space, empty)."""
    from listenwell._matching import Runs, word_grams

    classes = [lw.rules.word_class(n) for n in names]
    union = frozenset().union(*classes)
    found = 0
    for phrases in [*classes, union, set(sorted(union)[:7])]:
        ordered = sorted(phrases)
        lists = [["so", *p.split(" "), "again"] for p in ordered[::3]]
        lists += [p.split(" ")[:-1] for p in ordered[::4]] + [[w for s in lists[:8] for w in s]]
        lists += [[*s[:2], "a b", *s[2:]] for s in lists[:4]] + [[]]
        for longest in (0, 1, 2, 3, 5):
            for words in lists:
                expected = word_grams(words, longest) & frozenset(phrases)
                assert Runs(words, longest) & phrases == expected
                assert phrases & Runs(tuple(words), longest) == expected
                found += len(expected)
    assert found > 100


def test_phrase_heads_hold_the_first_word_of_every_run_that_joins_into_a_phrase(lw: listenwell.Listener) -> None:
    """A scan may skip a word that is not in ``phrase_heads(phrases)``: every run of words (of any length, a word
    holding a space included) that joins into a phrase starts with a head; and a word that starts no phrase is none."""
    from listenwell._matching import phrase_heads

    hits = 0
    for name in ("share_addenda", "irony_openers", "irony_markers"):
        phrases = lw.rules.word_class(name)
        heads = phrase_heads(phrases)
        for p in sorted(phrases):
            words = p.split(" ")
            runs = [words, [" ".join(words[:2]), *words[2:]], [" ".join(words)]]  # as split, and with spaces kept
            for run in runs:
                assert " ".join(run) in phrases
                assert run[0] in heads
                hits += 1
            assert words[0] + "zz" not in heads and " ".join(words) + " zz" not in heads
    assert hits > 100
    assert phrase_heads(["oh great", "wow"]) == {"oh", "oh great", "wow"}


def test_kept_chunks_are_served_from_spacys_cache() -> None:
    """A kept chunk is split from spaCy's cache, not by the affix rules again: tokenizing kept chunks together in one
    text cached none of them past the first special case ("I'm", ":)") among them."""
    from listenwell._pipeline import default_nlp

    nlp = default_nlp()
    inner = nlp.tokenizer.inner  # type: ignore[attr-defined]
    searched: list[str] = []
    search = inner.prefix_search
    inner.prefix_search = lambda s: searched.append(s) or search(s)  # (setting it empties the cache: fresh anyway)
    texts = [":) ok so work. was long", "I'm home. work. was fine", "ugh, work. again"]
    keeper = ChunkKeeper(nlp.tokenizer)
    keeper.note(texts)
    keeper.note(texts)
    assert {"work.", "was", ":)", "I'm"} <= keeper._kept
    searched.clear()
    with nlp.memory_zone():
        docs = [nlp.tokenizer(t) for t in texts]
    assert [t.text for t in docs[1]] == ["I", "'m", "home", ".", "work", ".", "was", "fine"]
    assert not {"work.", "was", "ok"} & set(searched)


def test_learned_quick_bound_gives_the_full_verdict(lw: listenwell.Listener) -> None:
    """The learned nets settle most messages by a bound on any class's lead over ``none`` before the softmax: the
    verdict is the one the full reckoning gives, on draws of the tables' own terms (the heaviest for each class
    among them, so that verdicts come) and on a few plain messages; and the bound does settle most of them."""
    import math
    import random

    rng = random.Random(14)
    for model in (lw._analyzer._learned, lw._analyzer._learned_boundary):
        words = [t for t in model._weights if " " not in t]
        heavy = sorted(words, key=lambda t: model._lead[t])[-60:]
        draws = [[rng.choice(words if k % 2 else heavy) for _ in range(rng.randint(1, 20))] for k in range(3000)]
        draws += [t.split() for t in ("i feel fine today", "i want to hurt myself", "leave me alone tonight")]
        settled = verdicts = 0
        for norms in draws:
            quick = model.verdict(norms)
            kept, model._quiet_below = model._quiet_below, -math.inf
            try:
                full = model.verdict(norms)
            finally:
                model._quiet_below = kept
            assert quick == full, norms
            verdicts += full is not None
            settled += model._bias_lead + sum(model._lead[t] for t in model._present(norms)) < kept
        assert verdicts > 50 and settled > 500


def test_char_spans_read_from_offsets_are_spacys(lw: listenwell.Listener) -> None:
    """Matched.char_span reads token offsets from one array of the doc: every range, empty, outlying and whole,
    gives what a spaCy Span of it gives, on text with runs of spaces, tabs, newlines, emoji and accents."""
    texts = [*TRICKY, "  lead  spaces\n\nand\ttabs  ", "emoji \U0001f62d\U0001f62d and \u00e9 accents", "a", "x  "]
    for text in texts:
        with lw.nlp.memory_zone():
            doc = lw._docs(text)
            matched = lw._matcher(doc)
            n = len(doc)
            for start in range(-1, n + 1):
                for end in range(start, n + 2):
                    span = doc[start:end]
                    assert matched.char_span(start, end) == (span.start_char, span.end_char), (text, start, end)


def test_reply_echo_guard_reads_each_line_once_as_before() -> None:
    """compose_reply's echo guard keeps each reply line's runs of words by its text: the answer is the one a scan
    of the line's own runs gives, for lines that echo a message, lines that nearly do, and short ones, asked twice."""
    import re

    from listenwell import _reply

    def scanned(text: str, runs: frozenset[tuple[str, ...]]) -> bool:
        w = re.findall(r"[a-z0-9']+", text.lower())
        n = _reply.ECHO_LIMIT
        return bool(runs) and any(tuple(w[i : i + n]) in runs for i in range(len(w) - n + 1))

    message = "My boss moved the deadline up again and I can't sleep, I'm so tired of this job."
    lines = [
        "It sounds like your boss moved the deadline up again and it's a lot.",
        "Moved the deadline up again and you can't sleep? That's rough.",
        "I'm so tired of this job too, honestly.",
        "You're so tired of this job.",
        "That sounds exhausting.",
        "",
    ]
    for other in (message, "short one", ""):
        runs = _reply._runs(other)
        for _ in range(2):
            assert [_reply._echoes(line, runs) for line in lines] == [scanned(line, runs) for line in lines]
    assert _reply._echoes(lines[0], _reply._runs(message)) and not _reply._echoes(lines[4], _reply._runs(message))
