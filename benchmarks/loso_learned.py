"""Leave-one-set-out measure of the learned safety nets: how rules + net read a writer the net never saw.

    python benchmarks/loso_learned.py                  # the shipped recipe, each frozen set held out in turn
    python benchmarks/loso_learned.py --shipped        # the shipped tables as they are (trained on tests/data only)
    python benchmarks/loso_learned.py --material tests # train each fold on tests/data only (the old material)

For each sealed set k of benchmarks/data (crisis_frozenK and boundary_frozenK, each written by a different fresh
writer), both nets are trained without set k (tests/data dev and written halves, everyday messages and every other
frozen set), their thresholds picked by cross-validation over the remaining writers
(``train_learned_terms.pick_threshold``), and rules + net are measured on set k through ``listen_many`` (the same
reading as ``benchmarks/eval_safety.py``). The rule tables were tuned on some of these sets (frozen6-10 most, and
partly 11-14 as they became dev material), so the figures are honest for the net, optimistic for the rules: the
``rules alone`` column says how much of each set the rules catch without any net.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_learned_terms as tl  # noqa: E402

import listenwell  # noqa: E402
from listenwell._analysis import _marks  # noqa: E402
from listenwell._learned import LearnedTerms  # noqa: E402


def _install(
    listener: listenwell.Listener, model: str, table: list[tuple[object, ...]] | None, threshold: float
) -> None:
    """Put a net (its rows as (term, weights...) tuples) into the listener's analyzer; None silences it."""
    analyzer = listener._analyzer
    classes = tl.MODELS[model][0]
    rows = table or []
    net = LearnedTerms.from_columns(rows, threshold if table else 0.0, classes, _marks(listener.rules, rows))
    if model == "crisis":
        analyzer._learned = net
    else:
        analyzer._learned_boundary = net


def measure(listener: listenwell.Listener, kind: str, rows: list[dict[str, str]]) -> tuple[Counter[str], Counter[str]]:
    """Caught / total per category (positives as '+cat', look-alikes as '-cat')."""
    mode = "safety" if kind == "crisis" else "boundary"
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row, got in zip(rows, listener.listen_many([r["text"] for r in rows]), strict=True):
        key = ("+" if row["label"] != "none" else "-") + row["category"]
        total[key] += 1
        hit[key] += got.mode == mode
    return hit, total


def rates(hit: Counter[str], total: Counter[str]) -> tuple[float, float, int, int]:
    pos = sum(n for k, n in total.items() if k.startswith("+"))
    neg = sum(n for k, n in total.items() if k.startswith("-"))
    tp = sum(n for k, n in hit.items() if k.startswith("+"))
    fp = sum(n for k, n in hit.items() if k.startswith("-"))
    return tp / max(1, pos), fp / max(1, neg), pos, neg


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shipped", action="store_true", help="measure the shipped tables, no retraining")
    ap.add_argument("--material", choices=["all", "tests"], default="all")
    ap.add_argument("--features", default=tl.DEFAULT_FEATURES, help="feature recipe (see train_learned_terms.py)")
    ap.add_argument("--sets", default=",".join(tl.FROZEN_SETS))
    ap.add_argument("--max-false", type=float, default=tl.MAX_FALSE)
    ap.add_argument("--max-everyday", type=float, default=tl.MAX_EVERYDAY)
    ap.add_argument("--register", action="store_true", help="add the register sets as everyday negatives (tried)")
    ap.add_argument("--no-concepts", action="store_true", help="no raised threshold beside a crisis concept")
    ap.add_argument("--categories", action="store_true", help="print what each held-out set still misses, by category")
    args = ap.parse_args(argv)
    listener = listenwell.Listener()
    analyzer = listener._analyzer
    shipped = {m: (analyzer._learned if m == "crisis" else analyzer._learned_boundary) for m in tl.MODELS}
    shipped_concept = analyzer._learned_concept_threshold
    concept_threshold = 0.0
    sets = args.sets.split(",")
    total_hits: dict[tuple[str, str], Counter[str]] = {}
    print(f"{'set':8s} {'kind':9s} {'rules alone':>16s} {'rules + net':>16s}  threshold")
    for k in sets:
        thresholds: dict[str, float] = {}
        tables: dict[str, list[tuple[object, ...]] | None] = {}
        if not args.shipped:
            for m in tl.MODELS:  # both nets, so a boundary set also meets the crisis net it would meet
                tables[m], thresholds[m], raised = tl.train(
                    m, listener, exclude={k}, material=args.material, features_name=args.features, quiet=True,
                    max_false=args.max_false, max_everyday=args.max_everyday, everyday=args.register,
                )
                if m == "crisis":
                    concept_threshold = 0.0 if args.no_concepts or raised is None else raised
        for model in ("crisis", "boundary"):
            held = tl.rows_of(tl.BENCH / f"{model}_frozen{k}.jsonl")
            _install(listener, "crisis", None, 0.0)
            _install(listener, "boundary", None, 0.0)
            analyzer._learned_concept_threshold = 0.0
            base = rates(*measure(listener, model, held))
            if args.shipped:
                listener._analyzer._learned = shipped["crisis"]
                listener._analyzer._learned_boundary = shipped["boundary"]
                thresholds = {m: shipped[m].threshold for m in tl.MODELS}
                analyzer._learned_concept_threshold = shipped_concept
            else:
                for m in tl.MODELS:
                    _install(listener, m, tables[m], thresholds[m])
                analyzer._learned_concept_threshold = concept_threshold
            hit, tot = measure(listener, model, held)
            total_hits.setdefault((model, "hit"), Counter()).update(hit)
            total_hits.setdefault((model, "tot"), Counter()).update(tot)
            recall, false, pos, neg = rates(hit, tot)
            print(
                f"{k:8s} {model:9s} {base[0]:7.1%} / {base[1]:5.1%}  {recall:7.1%} / {false:5.1%}"
                f"  {thresholds[model]:.4f}{f'/{concept_threshold:.4f}' if model == 'crisis' else ''}  ({pos}+{neg})",
                flush=True,
            )
            if args.categories:
                for key in sorted(tot):
                    bad = tot[key] - hit[key] if key.startswith("+") else hit[key]
                    if bad:
                        print(f"           {'missed' if key.startswith('+') else 'false '} {key[1:]}: {bad}/{tot[key]}")
    for model in ("crisis", "boundary"):
        if (model, "hit") in total_hits:
            recall, false, pos, neg = rates(total_hits[(model, "hit")], total_hits[(model, "tot")])
            print(f"{'all':8s} {model:9s} {'':16s}  {recall:7.1%} / {false:5.1%}  ({pos}+{neg})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
