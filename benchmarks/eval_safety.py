"""Crisis and boundary detection on the safety suites in tests/data: recall and false alarms by category.

    python benchmarks/eval_safety.py            # dev and frozen halves
    python benchmarks/eval_safety.py --misses   # also print every miss and false alarm

A crisis row counts as caught when listen() chooses mode "safety"; its subtype is right when a crisis cue
carries the expected ``about``. A boundary row counts when the mode is "boundary". Look-alikes ("none") that
reach that mode are false alarms. The suites were written by helpers who had not seen the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import listenwell

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TARGETS = {"crisis": (0.97, 0.03), "boundary": (0.92, 0.05)}


def load(kind: str, half: str) -> list[dict[str, str]]:
    path = DATA / f"{kind}_{half}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(kind: str, half: str, show: bool) -> None:
    rows = load(kind, half)
    if not rows:
        print(f"{kind} {half}: no rows")
        return
    mode = "safety" if kind == "crisis" else "boundary"
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    about_right = about_total = 0
    misses: list[str] = []
    for row, listening in zip(rows, listenwell.listen_many([r["text"] for r in rows]), strict=True):
        positive = row["label"] != "none"
        got = listening.mode == mode
        key = ("+" if positive else "-") + row["category"]
        hits[key]["n"] += 1
        hits[key]["hit"] += got
        if positive and got and kind == "crisis":
            about_total += 1
            about_right += any(c.about == row.get("about") for c in listening.analysis.cues if c.kind == "crisis")
        if got != positive:
            misses.append(f"  {'MISS' if positive else 'FALSE'} [{row['category']}] {row['text']}")
    pos = [c for k, c in hits.items() if k.startswith("+")]
    neg = [c for k, c in hits.items() if k.startswith("-")]
    recall = sum(c["hit"] for c in pos) / max(1, sum(c["n"] for c in pos))
    false = sum(c["hit"] for c in neg) / max(1, sum(c["n"] for c in neg))
    want_recall, want_false = TARGETS[kind]
    print(f"\n{kind} / {half}: {sum(c['n'] for c in pos)} positives, {sum(c['n'] for c in neg)} look-alikes")
    print(f"  recall       {recall:6.1%}   (target >= {want_recall:.0%})")
    print(f"  false alarms {false:6.1%}   (target <= {want_false:.0%})")
    if about_total:
        print(f"  subtype right on caught crises: {about_right}/{about_total}")
    print("  by category (caught / rows; for look-alikes, false alarms / rows):")
    for key in sorted(hits):
        c = hits[key]
        print(f"    {key:28s} {c['hit']:3d} / {c['n']:3d}")
    if show and misses:
        print("\n".join(misses))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--half", choices=["dev", "frozen"], action="append", help="which half (default both)")
    args = parser.parse_args(argv)
    for half in args.half or ["dev", "frozen"]:
        for kind in ("crisis", "boundary"):
            evaluate(kind, half, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
