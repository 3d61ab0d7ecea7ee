"""Review accuracy: recall per flag kind on drafts with one roadblock, and false flags on skilled drafts.

Data: benchmarks/data/review_bad.jsonl (message, draft, kind: the one roadblock it holds) and
benchmarks/data/review_good.jsonl (message, draft: skilled replies that should get no flag).
A bad row counts as found when review(draft, message) raises a flag of its labelled kind; a good row is a
false flag when review() raises any flag at all.

Run: python benchmarks/eval_review.py [--errors N] [--no-message]
Targets: recall >= 90% for every kind, false-flag rate < 5%.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import listenwell

DATA = Path(__file__).resolve().parent / "data"
RECALL_TARGET = 0.90
FALSE_FLAG_TARGET = 0.05


def load(name: str) -> list[dict[str, str]]:
    rows = []
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(json.loads(line))
    return rows


def describe(review: listenwell.Review) -> str:
    return ", ".join(f"{f.kind}[{f.rule}]:{f.text!r}" for f in review.flags) or "no flags"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", type=int, default=0, help="list up to N misses and N false flags")
    parser.add_argument("--no-message", action="store_true", help="review the drafts without the partner's message")
    args = parser.parse_args()

    bad, good = load("review_bad.jsonl"), load("review_good.jsonl")

    def run(row: dict[str, str]) -> listenwell.Review:
        return listenwell.review(row["draft"], message=None if args.no_message else row.get("message"))

    total: collections.Counter[str] = collections.Counter()
    found: collections.Counter[str] = collections.Counter()
    misses: list[tuple[dict[str, str], listenwell.Review]] = []
    for row in bad:
        r = run(row)
        total[row["kind"]] += 1
        if any(f.kind == row["kind"] for f in r.flags):
            found[row["kind"]] += 1
        else:
            misses.append((row, r))
    false_flags: list[tuple[dict[str, str], listenwell.Review]] = []
    for row in good:
        r = run(row)
        if r.flags:
            false_flags.append((row, r))

    print(f"bad rows: {len(bad)}   good rows: {len(good)}")
    print(f"{'kind':<18}{'found':>7}{'rows':>6}{'recall':>9}")
    all_ok = True
    for kind in sorted(total):
        rec = found[kind] / total[kind]
        ok = rec >= RECALL_TARGET
        all_ok &= ok
        print(f"{kind:<18}{found[kind]:>7}{total[kind]:>6}{rec:>9.1%}{'' if ok else '  < target'}")
    overall = sum(found.values()) / max(1, sum(total.values()))
    ff_rate = len(false_flags) / max(1, len(good))
    all_ok &= ff_rate < FALSE_FLAG_TARGET
    print(f"{'overall recall':<18}{sum(found.values()):>7}{sum(total.values()):>6}{overall:>9.1%}")
    print(f"false-flag rate: {len(false_flags)}/{len(good)} = {ff_rate:.1%} (target < {FALSE_FLAG_TARGET:.0%})")
    flagged_kinds = collections.Counter(f.kind for _, r in false_flags for f in r.flags)
    if flagged_kinds:
        print("false flags by kind: " + ", ".join(f"{k} {n}" for k, n in flagged_kinds.most_common()))
    print("targets met" if all_ok else "targets NOT met")

    if args.errors:
        print(f"\nmisses ({len(misses)}):")
        for row, r in misses[: args.errors]:
            print(f"  [{row['kind']}] {row['draft']}\n      -> {describe(r)}")
        print(f"\nfalse flags ({len(false_flags)}):")
        for row, r in false_flags[: args.errors]:
            print(f"  {row['draft']}\n      -> {describe(r)}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
