"""Crisis and boundary detection on the safety suites in tests/data: recall and false alarms by category.

    python benchmarks/eval_safety.py            # dev and frozen halves, and the engineer's written set
    python benchmarks/eval_safety.py --half dev --misses   # also print every miss and false alarm (not frozen)
    python benchmarks/eval_safety.py --file benchmarks/data/crisis_frozen6.jsonl   # a sealed set, aggregate only

A ``--file`` set is crisis or boundary by its name (``crisis_*`` / ``boundary_*``); its figures are printed in
aggregate (recall, false alarms, per ``about`` and per category), never its texts.

A crisis row counts as caught when listen() chooses mode "safety"; its subtype is right when a crisis cue
carries the expected ``about``. A boundary row counts when the mode is "boundary". Look-alikes ("none") that
reach that mode are false alarms. The dev and frozen suites were written by helpers who had not seen the rules;
``*_written.jsonl`` by the safety engineer, in the kinds the issue lists, to find what the rules missed (tuned on,
like dev).
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
    return load_path(DATA / f"{kind}_{half}.jsonl")


def load_path(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def kind_of(path: Path) -> str:
    for kind in TARGETS:
        if path.name.startswith(kind):
            return kind
    raise SystemExit(f"{path}: the file name must start with 'crisis' or 'boundary'")


def evaluate(kind: str, half: str, show: bool, rows: list[dict[str, str]] | None = None) -> None:
    rows = load(kind, half) if rows is None else rows
    if not rows:
        print(f"{kind} {half}: no rows")
        return
    mode = "safety" if kind == "crisis" else "boundary"
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    about_right = about_total = 0
    by_about: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    for row, listening in zip(rows, listenwell.listen_many([r["text"] for r in rows]), strict=True):
        positive = row["label"] != "none"
        got = listening.mode == mode
        key = ("+" if positive else "-") + row["category"]
        hits[key]["n"] += 1
        hits[key]["hit"] += got
        if positive and kind == "crisis":
            by_about[row.get("about", "?")]["n"] += 1
            by_about[row.get("about", "?")]["hit"] += got
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
    for about in sorted(by_about):
        print(f"  about {about:22s} {by_about[about]['hit']:3d} / {by_about[about]['n']:3d}")
    print("  by category (caught / rows; for look-alikes, false alarms / rows):")
    for key in sorted(hits):
        c = hits[key]
        print(f"    {key:28s} {c['hit']:3d} / {c['n']:3d}")
    if show and misses:
        print("\n".join(misses))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print every miss and false alarm")
    parser.add_argument(
        "--half", choices=["dev", "frozen", "written"], action="append", help="which half (default all three)"
    )
    parser.add_argument("--file", type=Path, action="append", help="a sealed set to measure (aggregate figures only)")
    args = parser.parse_args(argv)
    if args.misses and ("frozen" in (args.half or ["frozen"]) or args.file):
        parser.error("--misses is for the dev half only (--half dev): a frozen or sealed set is measured, not read")
    if args.file:
        for path in args.file:
            evaluate(kind_of(path), path.stem, False, load_path(path))
        return 0
    for half in args.half or ["dev", "frozen", "written"]:
        for kind in ("crisis", "boundary"):
            evaluate(kind, half, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
