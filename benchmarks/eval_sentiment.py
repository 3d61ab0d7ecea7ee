"""Valence against human ratings: listenwell's corrected valence beside VADER's compound, same messages.

Run: python benchmarks/eval_sentiment.py
Data: the VADER paper's tweet ratings (evaldata/vader_tweets_GroundTruth.txt, mean human valence -4..+4). VADER was
built on this genre, so matching it here is the bar; the correction is meant for partners' messages, where a
named feeling ("so overwhelmed") is better evidence than word polarity.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _evaldata import evaldata_dir  # noqa: E402

import listenwell  # noqa: E402


def pearson(a: list[float], b: list[float]) -> float:
    ma, mb = statistics.mean(a), statistics.mean(b)
    num = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    den = (sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b)) ** 0.5
    return num / den


def main() -> None:
    rows = []
    with open(evaldata_dir() / "vader_tweets_GroundTruth.txt", encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                rows.append((float(parts[1]), parts[2]))
    gold = [g for g, _ in rows]
    analyses = listenwell.analyze_many([t for _, t in rows])
    polar = [i for i, g in enumerate(gold) if abs(g) > 0.5]

    def sign_agreement(pred: list[float]) -> float:
        return sum((gold[i] > 0) == (pred[i] > 0) for i in polar) / len(polar)

    vader = [a.sentiment.compound for a in analyses]
    ours = [a.valence for a in analyses]
    print(f"{len(rows)} rated tweets (VADER paper ground truth)")
    print(f"{'':<30}{'Pearson r':>10}{'sign agree':>12}")
    print(f"{'VADER compound':<30}{pearson(gold, vader):>10.3f}{sign_agreement(vader):>12.1%}")
    print(f"{'listenwell valence':<30}{pearson(gold, ours):>10.3f}{sign_agreement(ours):>12.1%}")


if __name__ == "__main__":
    main()
