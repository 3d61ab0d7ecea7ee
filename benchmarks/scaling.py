"""Scaling: time per 1,000 characters of one call at 1k, 5k and 20k characters, for ordinary and hostile text.

Run: python benchmarks/scaling.py [--sizes 1000,5000,20000] [--repeat 3] [--calls analyze,listen,review,reflect]

Each cell is the best of ``--repeat`` calls (ms per 1,000 characters); the last column is the 20k figure over
the 1k figure, which must stay within 3x (design.md: cost linear in message length). Every call runs in its own
memory zone, where spaCy caches no tokenization, so repeats are not cache hits. The sentiment engine is whatever
the library uses at the time (``Listener()._analyzer._vader``); it is named in the header.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import best_of  # noqa: E402

import listenwell  # noqa: E402

LIMIT = 3.0  # the 20k figure may be at most this many times the 1k figure, per character

_ORDINARY = (
    "I've been so stressed at work and it feels like you don't even notice. My boss yelled at me in front of "
    "everyone today and I'm still shaking. I'm not angry, just really tired of doing everything myself. "
    "We got the apartment!!! I can't believe it, I'm so happy. I miss my mom so much lately, and I feel alone "
    "even when you're home. Can you please pick up the kids today? Honestly I'm fine. Whatever. "
)


def _ordinary_messages() -> str:
    try:
        from _evaldata import empathetic_dialogues

        return " ".join(t for t, _ in empathetic_dialogues())
    except (Exception, SystemExit):  # noqa: BLE001 - the evaluation data is optional here
        return _ORDINARY * 200


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def kinds() -> dict[str, Callable[[int], str]]:
    ordinary = _ordinary_messages()
    while len(ordinary) < 40_000:
        ordinary += " " + ordinary
    return {
        "ordinary text": lambda n: ordinary[:n],
        '"!" flood': lambda n: "!" * n,
        "emoji flood (😭)": lambda n: "😭" * n,
        "mixed emoji (5 kinds)": lambda n: _fill("😭😢🙂😡🤔", n),
        "mixed punctuation": lambda n: _fill("!?!!?.,;:-", n),
        "one long token": lambda n: _fill("abcdefghij", n),
        "alternating scripts": lambda n: _fill("aאбλ日ع", n),
        "sad words, one sentence": lambda n: _fill("so sad and I feel alone ", n),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--calls", default="analyze,listen,review,reflect")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    lw = listenwell.Listener()
    calls: dict[str, Callable[[str], object]] = {
        "analyze": lw.analyze,
        "listen": lw.listen,
        "review": lambda t: lw.review(t, message=t),
        "reflect": lw.reflect,
    }
    chosen = [c.strip() for c in args.calls.split(",") if c.strip()]
    lw.review("warm up", message="warm up")
    vader = type(lw._analyzer._vader)
    print(f"listenwell {listenwell.__version__}; sentiment: {vader.__module__}.{vader.__qualname__}")
    print(f"ms per 1,000 characters, best of {args.repeat}; last column: {sizes[-1]} over {sizes[0]} (limit {LIMIT}x)")
    header = f"{'call':<8} {'text':<26}" + "".join(f"{f'{n // 1000}k':>10}" for n in sizes) + f"{'ratio':>8}"
    print(header)
    print("-" * len(header))
    failures = 0
    for call in chosen:
        fn = calls[call]
        for kind, make in kinds().items():
            per_k = []
            for n in sizes:
                text = make(n)
                per_k.append(best_of(args.repeat, lambda fn=fn, text=text: fn(text)) * 1000 / (n / 1000))
            ratio = per_k[-1] / per_k[0] if per_k[0] else 0.0
            mark = "" if ratio <= LIMIT else "  over"
            failures += ratio > LIMIT
            print(f"{call:<8} {kind:<26}" + "".join(f"{v:>10.2f}" for v in per_k) + f"{ratio:>7.2f}x{mark}")
    print(f"{failures} row(s) over the {LIMIT}x limit")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
