"""Emotion accuracy on EmpatheticDialogues (dev): macro-F1 of analyze().dominant, scored as evaldata/README says.

Run: python benchmarks/eval_emotions.py [--errors N]
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _evaldata import ED_TO_COARSE, empathetic_dialogues, evaldata_dir, family_to_coarse, macro_f1  # noqa: E402

import listenwell  # noqa: E402

NRC_BASELINE = 0.22  # NRC word lookup, as quoted in evaldata/README.md
FAMILY_TO_COARSE = family_to_coarse()  # from the main group of each row of families.jsonl


def goemotions_f1() -> tuple[float, int]:
    """Macro-F1 on GoEmotions dev rows with one label that maps to an Ekman class (neutral skipped)."""
    import json

    folder = evaldata_dir()
    labels = (folder / "goemotions_labels.txt").read_text(encoding="utf-8").split()
    ekman = json.loads((folder / "goemotions_ekman_mapping.json").read_text(encoding="utf-8"))
    to_ekman = {label: cls for cls, members in ekman.items() for label in members}
    rows = []
    with open(folder / "goemotions_dev.tsv", encoding="utf-8") as f:
        for line in f:
            text, ids, _ = line.rstrip("\n").split("\t")
            names = [labels[int(i)] for i in ids.split(",")]
            if len(names) == 1 and names[0] in to_ekman:
                rows.append((text, to_ekman[names[0]]))
    analyses = listenwell.analyze_many([t for t, _ in rows])
    pred = [FAMILY_TO_COARSE.get(a.dominant) if a.dominant else None for a in analyses]
    score, _per = macro_f1([g for _, g in rows], pred)
    return score, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", type=int, default=0, help="print this many misclassified rows")
    args = parser.parse_args()
    rows = [(t, ED_TO_COARSE[label]) for t, label in empathetic_dialogues() if label in ED_TO_COARSE]
    analyses = listenwell.analyze_many([t for t, _ in rows])
    gold = [g for _, g in rows]
    pred = [FAMILY_TO_COARSE.get(a.dominant) if a.dominant else None for a in analyses]
    score, per = macro_f1(gold, pred)
    covered = sum(1 for a in analyses if a.dominant) / len(rows)
    print(f"rows scored: {len(rows)}")
    print(f"{'system':<28}{'macro-F1':>10}{'coverage':>10}")
    print(f"{'NRC word lookup (README)':<28}{NRC_BASELINE:>10.2f}{0.78:>10.0%}")
    print(f"{'listenwell ' + listenwell.__version__:<28}{score:>10.3f}{covered:>10.0%}")
    print("per class F1: " + ", ".join(f"{c} {v:.2f}" for c, v in sorted(per.items())))
    confusion = collections.Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print("top confusions (gold -> predicted): " + ", ".join(f"{g}->{p} {n}" for (g, p), n in confusion.most_common(8)))
    go_score, go_n = goemotions_f1()
    print(
        f"GoEmotions dev (single-label rows, Ekman classes, a different genre): macro-F1 {go_score:.3f} on {go_n} rows"
    )
    fresh = Path(__file__).resolve().parent / "data" / "feelings_fresh_2026-11-30.csv"
    if fresh.exists():  # written by someone who never saw the rules, after them: measured, never tuned on
        with open(fresh, newline="", encoding="utf-8") as f:
            frows = [(r["text"], ED_TO_COARSE[r["label"]]) for r in csv.DictReader(f) if r["label"] in ED_TO_COARSE]
        fpred = [
            FAMILY_TO_COARSE.get(a.dominant) if a.dominant else None
            for a in listenwell.analyze_many([t for t, _ in frows])
        ]
        fscore, _ = macro_f1([g for _, g in frows], fpred)
        print(f"fresh ED-style set ({fresh.name}, frozen): macro-F1 {fscore:.3f} on {len(frows)} rows")
    if args.errors:
        shown = 0
        for (text, g), p, a in zip(rows, pred, analyses, strict=True):
            if g != p and shown < args.errors:
                print(f"  [{g} -> {p}/{a.dominant}] {text[:140]}")
                shown += 1


if __name__ == "__main__":
    main()
