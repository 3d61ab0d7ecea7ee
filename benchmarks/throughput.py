"""Throughput: analyze_many and listen_many beside bare VADER polarity_scores, same messages, same process.

Run: python benchmarks/throughput.py [--repeat 3] [--limit 2000]
Targets (design.md): analyze_many >= 0.5x VADER's messages/second, listen_many >= 0.33x. Quote the ratios:
absolute times on shared machines are noise.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _evaldata import empathetic_dialogues, evaldata_dir  # noqa: E402

import listenwell  # noqa: E402


def messages(limit: int) -> list[str]:
    texts = [t for t, _ in empathetic_dialogues()]
    with open(evaldata_dir() / "goemotions_dev.tsv", encoding="utf-8") as f:
        texts += [line.split("\t", 1)[0] for line in f]
    return texts[:limit]


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts = messages(args.limit)
    vader = SentimentIntensityAnalyzer()
    lw = listenwell.default_listener()
    lw.listen_many(texts[:50])  # warm up: lazy template loading, caches
    t_vader = best_of(args.repeat, lambda: [vader.polarity_scores(t) for t in texts])
    t_analyze = best_of(args.repeat, lambda: lw.analyze_many(texts))
    t_listen = best_of(args.repeat, lambda: lw.listen_many(texts))
    # The floor any analyze_many built on these engines pays: tokenise, one PhraseMatcher pass, VADER.
    tokenizer, matcher = lw.nlp.tokenizer, lw._matcher.phrase_matcher
    t_floor = best_of(args.repeat, lambda: [(matcher(tokenizer(t)), vader.polarity_scores(t)) for t in texts])
    n = len(texts)
    print(f"{n} messages (EmpatheticDialogues + GoEmotions dev), best of {args.repeat}")
    print(f"{'':<34}{'msgs/s':>10}{'vs VADER':>10}{'target':>8}")
    print(f"{'vaderSentiment polarity_scores':<34}{n / t_vader:>10.0f}{1.0:>10.2f}{'':>8}")
    print(f"{'floor: tokenizer+PhraseMatcher+VADER':<34}{n / t_floor:>10.0f}{t_vader / t_floor:>10.2f}{'':>8}")
    print(f"{'listenwell analyze_many':<34}{n / t_analyze:>10.0f}{t_vader / t_analyze:>10.2f}{'0.50':>8}")
    print(f"{'listenwell listen_many':<34}{n / t_listen:>10.0f}{t_vader / t_listen:>10.2f}{'0.33':>8}")
    single = []
    for t in texts[:1000]:
        start = time.perf_counter()
        lw.listen(t)
        single.append(time.perf_counter() - start)
    single.sort()
    print(f"listen() one at a time: p50 {single[len(single) // 2] * 1e3:.2f} ms, "
          f"p99 {single[int(len(single) * 0.99)] * 1e3:.2f} ms (1000 messages)")  # fmt: skip


if __name__ == "__main__":
    main()
