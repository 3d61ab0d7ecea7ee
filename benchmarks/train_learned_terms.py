"""Train the learned safety nets (rules/crisis_terms.jsonl, rules/boundary_terms.jsonl) on the project's own
written suites in tests/data (the dev halves and the safety engineer's ``*_written`` batches, both tuned on; the
frozen halves stay unseen).

    python benchmarks/train_learned_terms.py crisis         # train, write the table and its threshold
    python benchmarks/train_learned_terms.py boundary
    python benchmarks/train_learned_terms.py crisis --cv    # only report 5-fold cross-validated figures

Each is a logistic model over content words and word pairs (crisis: none + the four crisis kinds; boundary: none
+ boundary), L2-regularised and trained with plain gradient descent (numpy, which spaCy already needs). The
threshold on P(none) is picked by 5-fold cross-validation so that at most --max-false of held-out negatives are
flagged. Negatives are the suite's look-alikes, every message of the other suite, and everyday_dev.jsonl and
everyday_written.jsonl (ordinary messages to a partner, and everyday stories that share words with crises: a car
break-in, a neighbour who "said he'd be sorry to see us go", "i keep thinking about that lake cabin").
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

import listenwell
from listenwell._learned import BIAS, BOUNDARY_CLASSES, CLASSES, features

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
KINDS = ROOT / "rules" / "cue_kinds.jsonl"
MODELS = {  # model -> (classes, positive suite, other suite, table)
    "crisis": (CLASSES, "crisis_dev.jsonl", "boundary_dev.jsonl", "crisis_terms.jsonl"),
    "boundary": (BOUNDARY_CLASSES, "boundary_dev.jsonl", "crisis_dev.jsonl", "boundary_terms.jsonl"),
}


def _rows(name: str) -> list[dict[str, str]]:
    return [json.loads(x) for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def load(model: str) -> tuple[list[set[str]], list[int], set[int]]:
    """Features and labels of every training row, and which rows are ordinary everyday messages."""
    classes, own, other, _table = MODELS[model]
    listener = listenwell.Listener()
    feats, labels = [], []
    everyday: set[int] = set()
    for row in _rows(own) + _rows(own.replace("_dev", "_written")):
        label = 0 if row["label"] == "none" else classes.index(row.get("about") or row["label"])
        feats.append(features(listener.token_norms(row["text"])))
        labels.append(label)
    everyday_rows = _rows("everyday_dev.jsonl") + _rows("everyday_written.jsonl")
    for row in _rows(other) + _rows(other.replace("_dev", "_written")) + everyday_rows:
        if row.get("category") == "everyday":
            everyday.add(len(feats))
        feats.append(features(listener.token_norms(row["text"])))
        labels.append(0)
    return feats, labels, everyday


class Design:
    """A sparse 0/1 design matrix: for each row, the column indices of its features (the bias column is last)."""

    def __init__(self, feats: list[set[str]], vocab: list[str]) -> None:
        index = {t: i for i, t in enumerate(vocab)}
        cols = [sorted(index[t] for t in f if t in index) + [len(vocab)] for f in feats]
        self.rows = np.repeat(np.arange(len(cols)), [len(c) for c in cols])
        self.cols = np.concatenate([np.array(c, dtype=np.int64) for c in cols])
        self.n_rows, self.n_cols = len(cols), len(vocab) + 1

    def scores(self, w: np.ndarray) -> np.ndarray:
        z = np.zeros((self.n_rows, w.shape[1]))
        np.add.at(z, self.rows, w[self.cols])
        return z

    def transpose_times(self, g: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n_cols, g.shape[1]))
        np.add.at(out, self.cols, g[self.rows])
        return out


def fit(x: Design, labels: list[int], n_classes: int, l2: float, steps: int) -> np.ndarray:
    y = np.zeros((len(labels), n_classes))
    y[np.arange(len(labels)), labels] = 1.0
    counts = y.sum(axis=0)
    sample_w = (len(labels) / (n_classes * np.maximum(counts, 1)))[labels][:, None]
    w = np.zeros((x.n_cols, n_classes))
    for _ in range(steps):
        z = x.scores(w)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.transpose_times((p - y) * sample_w) / len(labels)
        grad[:-1] += l2 * w[:-1]
        w -= 0.5 * grad
    return w


def p_none(w: np.ndarray, x: Design) -> np.ndarray:
    z = x.scores(w)
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e[:, 0] / e.sum(axis=1)


def vocabulary(feats: list[set[str]], min_df: int) -> list[str]:
    df: dict[str, int] = {}
    for f in feats:
        for t in f:
            df[t] = df.get(t, 0) + 1
    return sorted(t for t, n in df.items() if n >= min_df)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", choices=sorted(MODELS))
    ap.add_argument("--cv", action="store_true", help="only report cross-validated figures")
    ap.add_argument("--max-false", type=float, default=0.015, help="false alarm rate on held-out negatives")
    ap.add_argument("--max-everyday", type=float, default=0.004, help="false alarm rate on everyday messages")
    ap.add_argument("--l2", type=float, default=0.0005)
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--min-df", type=int, default=2)
    args = ap.parse_args(argv)
    classes, _own, _other, table = MODELS[args.model]
    feats, labels, everyday = load(args.model)
    order = list(range(len(feats)))
    random.Random(7).shuffle(order)
    folds = [order[k::5] for k in range(5)]
    held: list[tuple[float, int]] = []
    for k in range(5):
        test = set(folds[k])
        train = [i for i in order if i not in test]
        vocab = vocabulary([feats[i] for i in train], args.min_df)
        w = fit(Design([feats[i] for i in train], vocab), [labels[i] for i in train], len(classes), args.l2, args.steps)
        ps = p_none(w, Design([feats[i] for i in folds[k]], vocab))
        held += [(float(p), labels[i], i in everyday) for p, i in zip(ps, folds[k], strict=True)]
    negatives = sorted(p for p, y, _e in held if y == 0)
    cut = max(0, int(len(negatives) * args.max_false) - 1)
    threshold = negatives[cut] if negatives else 0.5
    # Ordinary messages must almost never trip it: at most --max-everyday of them, held out.
    ordinary = sorted(p for p, _y, e in held if e)
    if ordinary:
        threshold = min(threshold, ordinary[max(0, int(len(ordinary) * args.max_everyday) - 1)])
    positives = [p for p, y, _e in held if y != 0]
    recall = sum(p < threshold for p in positives) / max(1, len(positives))
    false = sum(p < threshold for p in negatives) / max(1, len(negatives))
    print(f"{args.model}: 5-fold cross-validation on {len(feats)} rows; threshold P(none) < {threshold:.3f}")
    daily = sum(p < threshold for p in ordinary) / max(1, len(ordinary))
    print(
        f"  learned net alone: recall {recall:.1%}, false alarms {false:.1%} of held-out negatives"
        f" ({daily:.1%} of everyday messages)"
    )
    if args.cv:
        return 0
    vocab = vocabulary(feats, args.min_df)
    w = fit(Design(feats, vocab), labels, len(classes), args.l2, args.steps)
    lines = [
        f"# listenwell learned {args.model} terms: weights of a logistic model ({', '.join(classes)}) over content",
        "# words and word pairs, trained by benchmarks/train_learned_terms.py on tests/data/*_dev.jsonl (written",
        "# for listenwell by helpers who had not seen the rules), *_written.jsonl and everyday_*.jsonl. Used only",
        "# when no phrase fired. MIT.",
        json.dumps({"term": BIAS, **{c: round(float(w[-1, k]), 4) for k, c in enumerate(classes)}}),
    ]
    kept = 0
    for i, t in enumerate(vocab):
        if float(np.abs(w[i]).max()) < 0.02:
            continue
        lines.append(
            json.dumps({"term": t, **{c: round(float(w[i, k]), 4) for k, c in enumerate(classes)}}, ensure_ascii=False)
        )
        kept += 1
    (ROOT / "rules" / table).write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = []
    for line in KINDS.read_text(encoding="utf-8").splitlines():
        if line.startswith(f'{{"kind": "{args.model}"'):
            row = json.loads(line)
            row["learned_threshold"] = round(threshold, 4)
            line = json.dumps(row, ensure_ascii=False)
        out.append(line)
    KINDS.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {kept} terms to rules/{table}; threshold {threshold:.4f} in rules/cue_kinds.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
