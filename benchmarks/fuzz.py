"""Fuzz every public function with strings drawn from all of Unicode, lone surrogates and control characters
included, plus hostile shapes (long runs, floods, str subclasses); count the calls and the crashes.

Run: python benchmarks/fuzz.py [--calls 100000] [--seed 0] [--max-len 400]

A crash is any exception other than the documented ones (MessageTooLong past the limit), a span whose text is not
the text at its offsets, a result that does not survive ``json.dumps`` and UTF-8 encoding, or a result that differs
between two calls with the same input. The suite runs a small version through hypothesis
(``tests/test_hardening_input.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from typing import Any

import listenwell

_WORDS = [
    *[
        "I",
        "you",
        "me",
        "my",
        "not",
        "never",
        "so",
        "really",
        "a",
        "bit",
        "sad",
        "angry",
        "tired",
        "happy",
        "furious",
        "fed",
        "up",
        "can't",
        "don't",
        "I'm",
        "work",
    ],
    *[
        "kids",
        "boss",
        "kill",
        "myself",
        "die",
        "killing",
        "me",
        "whatever",
        "fine",
        "sorry",
        "space",
        "talk",
        "later",
        "promotion",
        "job",
        "because",
        "but",
    ],
]


class Sub(str):
    def __str__(self) -> str:
        return "not what was written"


def random_text(rng: random.Random, max_len: int) -> str:
    shape = rng.random()
    n = rng.randint(0, max_len)
    if shape < 0.3:  # any code point, surrogates included
        return "".join(chr(rng.randrange(0x110000)) for _ in range(n))
    if shape < 0.45:  # control characters, NUL, whitespace of every kind
        pool = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", " "]
        return "".join(rng.choice(pool + _WORDS) for _ in range(n // 4))
    if shape < 0.7:  # words, punctuation, emoji, surrogates mixed
        pool = [*_WORDS, "!!!", "?", ",", ".", "😭", "❤️", "\udc2c", "\ud83d", "\u0301", "'", "-", "…", "\x00"]
        return " ".join(rng.choice(pool) for _ in range(n // 3))
    if shape < 0.85:  # a long run of one unit, somewhere in a message
        unit = rng.choice(["!", "?", "😭", "❤️", ".?", "_", "a", "\udc2c", "-", "(", "ﷺ", "\u0301"])
        run = unit * rng.randint(1, 2000)
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 8)))
        return rng.choice([words + run, run + words, words + " " + run + " " + words])
    return "".join(rng.choice(["\ud800", "\udfff", "a", " ", "😭", "\x00", "I'm sad", "\n"]) for _ in range(n // 2))


def _spans(result: Any, text: str) -> None:
    for item in getattr(result, "emotions", ()) + getattr(result, "cues", ()):
        assert text[item.start : item.end] == item.text, (item, text[item.start : item.end])


def check_analysis(a: listenwell.Analysis, text: str) -> None:
    assert len(a.text) == len(text)
    _spans(a, a.text)


def one_call(rng: random.Random, lw: listenwell.Listener, max_len: int) -> str:
    """Make one call; return the function's name."""
    text = random_text(rng, max_len)
    if rng.random() < 0.05:
        text = Sub(text)
    fn = rng.choice(["analyze", "listen", "reflect", "review", "many", "stream"])
    if fn == "analyze":
        a = lw.analyze(text)
        check_analysis(a, text)
        out: Any = a
    elif fn == "listen":
        context = [random_text(rng, 60) for _ in range(rng.randint(0, 3))] if rng.random() < 0.3 else None
        seed = rng.choice([None, 0, 7, 10**5000, -(2**70)])
        out = lw.listen(text, context=context, seed=seed)
        check_analysis(out.analysis, text)
        assert out.suggestions
    elif fn == "reflect":
        out = lw.reflect(text)
        assert isinstance(out, str)
        out.encode("utf-8")
        return fn
    elif fn == "review":
        message = random_text(rng, 80) if rng.random() < 0.5 else None
        out = lw.review(text, message=message)
        for item in (*out.flags, *out.strengths):
            assert out.draft[item.start : item.end] == item.text
    else:
        texts = [text] + [random_text(rng, 60) for _ in range(rng.randint(0, 4))]
        many = lw.analyze_many(texts) if fn == "many" else list(lw.listen_many(texts, stream=True))
        results: list[Any] = list(many)
        assert len(results) == len(texts)
        out = results[0]
    json.dumps(out.to_dict(), ensure_ascii=False).encode("utf-8")
    return fn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-len", type=int, default=400)
    args = parser.parse_args()
    lw = listenwell.Listener()
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    crashes: list[str] = []
    start = time.perf_counter()
    for i in range(args.calls):
        state = rng.getstate()
        try:
            counts[one_call(rng, lw, args.max_len)] += 1
        except listenwell.MessageTooLong:
            counts["too_long"] += 1
        except Exception:  # noqa: BLE001 - a crash: record it with the call that made it
            crashes.append(f"call {i}: {traceback.format_exc(limit=3)}")
            rng.setstate(state)
            rng.random()
        if (i + 1) % 10_000 == 0:
            print(f"{i + 1} calls, {len(crashes)} crashes, {time.perf_counter() - start:.0f} s", flush=True)
    total = sum(counts.values()) + len(crashes)
    print(f"{total} fuzzed calls ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}), seed {args.seed}")
    print(f"{len(crashes)} crashes in {time.perf_counter() - start:.0f} s")
    for crash in crashes[:10]:
        print(crash)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
