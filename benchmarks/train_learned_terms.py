"""Train the learned safety nets (rules/crisis_terms.jsonl, rules/boundary_terms.jsonl) on all the dev material:
the project's written suites in tests/data (dev halves, the safety engineer's ``*_written`` batches, everyday
messages) and the earlier sealed sets in benchmarks/data (``crisis_frozenK`` / ``boundary_frozenK``, each written
by a different fresh writer). The frozen halves in tests/data stay unseen.

    python benchmarks/train_learned_terms.py crisis         # train, write the table and its threshold
    python benchmarks/train_learned_terms.py boundary
    python benchmarks/train_learned_terms.py crisis --cv    # only report the writer-held-out figures

Each is a logistic model over content words and word pairs (crisis: none + the four crisis kinds; boundary: none
+ boundary), plus the marks of ``listenwell._learned.learned_marks`` (which safety concept class a word belongs to,
a negation or a laugh), L2-regularised and trained with plain gradient descent (numpy, which spaCy already needs).

The threshold on P(none) is picked by cross-validation over *writers*, not rows: each frozen set is a fold, the
tests/data material another three, so a threshold is judged on text by a writer the net did not see. It is the
highest threshold whose held-out false alarms stay within --max-false of the look-alikes and other-kind messages
and within --max-everyday of the everyday messages; alarms the rules already raise are not counted against the net.
Negatives are the suite's look-alikes, every message of the other suite, and everyday_dev.jsonl and
everyday_written.jsonl (``--register`` adds seven of the register sets as everyday messages: tried, not shipped, see
CHANGELOG).

The crisis net has a second threshold, ``learned_concept_threshold``: the highest, picked on the same writer-held-out
probabilities, under which the net may also speak when a crisis concept (a signal of a group ``learned_concepts``
names in rules/cue_kinds.jsonl) is said in the message, with the false alarms of both thresholds together held to
the same budget.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

import listenwell
from listenwell._learned import BIAS, BOUNDARY_CLASSES, CLASSES, features, learned_marks

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
BENCH = ROOT / "benchmarks" / "data"
KINDS = ROOT / "rules" / "cue_kinds.jsonl"
FROZEN_SETS = ("6", "7", "8", "9", "10", "11", "13", "14", "15")
DEFAULT_FEATURES = "words"  # the shipped tables' recipe (marks: tried, see CHANGELOG)
# Ordinary messages of more writers (the register sets: chat messages and short stories, labelled with the kind of
# message, none a crisis or a boundary) as everyday negatives, each file a writer of its own. Four of the eleven are
# kept out of training, to check ordinary text on writers the nets never saw.
REGISTER_TRAIN = ("R1", "R2", "R3", "R4", "R5", "R6", "S1")
REGISTER_HELD = ("R7", "R8", "R9", "S2")
MOMENTUM = 0.9
STEPS = 150
INNER_FOLDS = 4  # writer folds for the threshold
MAX_FALSE = 0.01  # extra false alarms of the net on held-out look-alikes (and the other kind's messages)
MAX_EVERYDAY = 0.004  # ... and on held-out everyday messages
MODELS = {  # model -> (classes, own kind, other kind, table)
    "crisis": (CLASSES, "crisis", "boundary", "crisis_terms.jsonl"),
    "boundary": (BOUNDARY_CLASSES, "boundary", "crisis", "boundary_terms.jsonl"),
}


def rows_of(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


class Material:
    """The training rows of a model: features, labels, the writer group of each row, and its role as a negative
    (``look`` for look-alikes and the other kind's messages, ``everyday`` for ordinary messages, None for positives).
    """

    def __init__(self) -> None:
        self.feats: list[set[str]] = []
        self.labels: list[int] = []
        self.groups: list[str] = []
        self.roles: list[str | None] = []
        self.texts: list[str] = []


def safety_classes(listener: listenwell.Listener) -> dict[str, frozenset[str]]:
    """The concept classes a mark may name: every class of rules/wordclasses_safety.jsonl."""
    names = [json.loads(x)["id"] for x in (ROOT / "rules" / "wordclasses_safety.jsonl").read_text("utf-8").splitlines()
             if x.startswith("{")]  # fmt: skip
    return {n: listener.rules.word_class(n) for n in names}


_FEATURIZERS: dict[tuple[int, str], Callable[[str], set[str]]] = {}


def featurizer(listener: listenwell.Listener, name: str) -> Callable[[str], set[str]]:
    """The features of a text (cached: each fold of a run reads the same texts)."""
    key = (id(listener), name)
    if key not in _FEATURIZERS:
        _FEATURIZERS[key] = _featurizer(listener, name)
    return _FEATURIZERS[key]


def _featurizer(listener: listenwell.Listener, name: str) -> Callable[[str], set[str]]:
    marks = learned_marks(safety_classes(listener)) if name == "marks" else None
    cache: dict[str, set[str]] = {}

    def feats(text: str) -> set[str]:
        got = cache.get(text)
        if got is None:
            got = cache[text] = features(listener.token_norms(text), marks)
        return got

    return feats


def load(
    model: str,
    listener: listenwell.Listener,
    exclude: Sequence[str] = (),
    material: str = "all",
    features_name: str = DEFAULT_FEATURES,
    everyday: bool = False,
) -> Material:
    """Every training row of ``model``; ``exclude``: frozen set numbers left out (both kinds of set K)."""
    classes, own, other, _table = MODELS[model]
    feats = featurizer(listener, features_name)
    m = Material()

    def add(rows: list[dict[str, str]], group: str, positive_kind: bool) -> None:
        for i, row in enumerate(rows):
            if positive_kind and row["label"] != "none":
                label, role = classes.index(row.get("about") or row["label"]), None
            else:
                label, role = 0, row["category"] if row.get("category") in ("everyday", "register") else "look"
            m.feats.append(feats(row["text"]))
            m.labels.append(label)
            # tests/data comes from several writers and batches: three folds of it, by row
            m.groups.append(f"{group}{i % 3}" if group == "tests" else group)
            m.roles.append(role)
            m.texts.append(row["text"])

    for kind, positive in ((own, True), (other, False)):
        add(rows_of(DATA / f"{kind}_dev.jsonl") + rows_of(DATA / f"{kind}_written.jsonl"), "tests", positive)
        if material == "all":
            for k in FROZEN_SETS:
                if k not in exclude:
                    add(rows_of(BENCH / f"{kind}_frozen{k}.jsonl"), f"frozen{k}", positive)
    add(rows_of(DATA / "everyday_dev.jsonl") + rows_of(DATA / "everyday_written.jsonl"), "tests", False)
    if everyday:
        for path in (BENCH / f"register_{k}.jsonl" for k in REGISTER_TRAIN):
            add([{"text": r["text"], "label": "none", "category": "register"} for r in rows_of(path)], path.stem, False)
    return m


class Design:
    """A sparse 0/1 design matrix in both row and column order (the bias column is last)."""

    def __init__(self, feats: Sequence[set[str]], vocab: list[str]) -> None:
        index = {t: i for i, t in enumerate(vocab)}
        cols = [sorted(index[t] for t in f if t in index) + [len(vocab)] for f in feats]
        lengths = np.array([len(c) for c in cols])
        self.rows = np.repeat(np.arange(len(cols)), lengths)
        self.cols = np.concatenate([np.array(c, dtype=np.int64) for c in cols])
        self.row_starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        self.n_rows, self.n_cols = len(cols), len(vocab) + 1
        order = np.argsort(self.cols, kind="stable")
        self.by_col_rows = self.rows[order]
        present, starts = np.unique(self.cols[order], return_index=True)
        self.col_present, self.col_starts = present, starts

    def scores(self, w: np.ndarray) -> np.ndarray:
        return np.add.reduceat(w[self.cols], self.row_starts, axis=0)

    def transpose_times(self, g: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n_cols, g.shape[1]))
        out[self.col_present] = np.add.reduceat(g[self.by_col_rows], self.col_starts, axis=0)
        return out


def fit(
    x: Design, labels: Sequence[int], n_classes: int, l2: float, steps: int, momentum: float = MOMENTUM
) -> np.ndarray:
    """Class-balanced, L2-regularised softmax regression by gradient descent with Nesterov ``momentum`` (0: plain
    gradient descent, as benchmarks/train_register.py trains with)."""
    y = np.zeros((len(labels), n_classes))
    y[np.arange(len(labels)), labels] = 1.0
    counts = y.sum(axis=0)
    sample_w = (len(labels) / (n_classes * np.maximum(counts, 1)))[list(labels)][:, None]
    w = np.zeros((x.n_cols, n_classes))
    velocity = np.zeros_like(w)
    for _ in range(steps):  # gradient descent with Nesterov momentum
        ahead = w + momentum * velocity
        z = x.scores(ahead)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.transpose_times((p - y) * sample_w) / len(labels)
        grad[:-1] += l2 * ahead[:-1]
        velocity = momentum * velocity - 0.5 * grad
        w = w + velocity
    return w


def p_none(w: np.ndarray, x: Design) -> np.ndarray:
    z = x.scores(w)
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e[:, 0] / e.sum(axis=1)


def vocabulary(feats: Sequence[set[str]], min_df: int) -> list[str]:
    df: dict[str, int] = {}
    for f in feats:
        for t in f:
            df[t] = df.get(t, 0) + 1
    return sorted(t for t, n in df.items() if n >= min_df)


_RULES_CACHE: dict[tuple[str, str], bool] = {}


def rules_alarm(listener: listenwell.Listener, model: str, texts: Sequence[str]) -> list[bool]:
    """Whether the rules alone (both nets silent) already put each text in the model's mode (safety or boundary)."""
    todo = [t for t in dict.fromkeys(texts) if (model, t) not in _RULES_CACHE]
    if todo:
        for t, alarm in zip(todo, _rules_alarm(listener, model, todo), strict=True):
            _RULES_CACHE[(model, t)] = alarm
    return [_RULES_CACHE[(model, t)] for t in texts]


def _rules_alarm(listener: listenwell.Listener, model: str, texts: Sequence[str]) -> list[bool]:
    from listenwell._learned import LearnedTerms

    analyzer = listener._analyzer
    saved = analyzer._learned, analyzer._learned_boundary
    analyzer._learned = LearnedTerms.from_columns([], 0.0, CLASSES)
    analyzer._learned_boundary = LearnedTerms.from_columns([], 0.0, BOUNDARY_CLASSES)
    try:
        mode = "safety" if model == "crisis" else "boundary"
        return [got.mode == mode for got in listener.listen_many(list(texts))]
    finally:
        analyzer._learned, analyzer._learned_boundary = saved


def held_out(m: Material, n_classes: int, l2: float, steps: int, min_df: int) -> np.ndarray:
    """P(none) of every row from a net trained without that row's writer group."""
    out = np.zeros(len(m.feats))
    writers = sorted(set(m.groups))
    fold_of = {g: i % INNER_FOLDS for i, g in enumerate(writers)}  # each writer wholly in one fold
    for fold in range(min(INNER_FOLDS, len(writers))):
        test = [i for i, x in enumerate(m.groups) if fold_of[x] == fold]
        train = [i for i, x in enumerate(m.groups) if fold_of[x] != fold]
        vocab = vocabulary([m.feats[i] for i in train], min_df)
        w = fit(Design([m.feats[i] for i in train], vocab), [m.labels[i] for i in train], n_classes, l2, steps)
        out[test] = p_none(w, Design([m.feats[i] for i in test], vocab))
    return out


def pick_threshold(
    m: Material, ps: np.ndarray, ruled: Sequence[bool], max_false: float, max_everyday: float
) -> tuple[float, dict[str, float]]:
    """The highest threshold whose extra false alarms (negatives the rules leave alone) stay within budget."""
    look = np.array([r == "look" for r in m.roles])
    daily = np.array([r == "everyday" for r in m.roles])
    register = np.array([r == "register" for r in m.roles])
    pos = np.array([r is None for r in m.roles])
    free = ~np.array(ruled)
    best = 0.0
    for t in sorted(set(np.round(ps, 4).tolist()) | {0.0}):
        if t <= 0.0:
            continue
        flagged = ps < t
        extra = flagged & free
        if (
            (extra & look).sum() > max_false * look.sum()
            or (extra & daily).sum() > max_everyday * daily.sum()
            or (extra & register).sum() > max_everyday * register.sum()  # a budget of its own: never a looser one
        ):
            break
        best = t
    flagged = ps < best
    figures = {
        "net recall": float((flagged & pos).sum() / max(1, pos.sum())),
        "rules+net recall": float(((flagged | ~free) & pos).sum() / max(1, pos.sum())),
        "look-alike false": float(((flagged | ~free) & look).sum() / max(1, look.sum())),
        "everyday false": float(((flagged | ~free) & daily).sum() / max(1, daily.sum())),
        "register false": float(((flagged | ~free) & register).sum() / max(1, register.sum())),
    }
    return best, figures


_CONCEPT_CACHE: dict[str, bool] = {}


def concept_said(listener: listenwell.Listener, texts: Sequence[str]) -> list[bool]:
    """Whether each text says a crisis concept: a crisis signal of a group the crisis kind's ``learned_concepts``
    names (rules/cue_kinds.jsonl), not cancelled by its own exceptions nor laughed off, as the runtime reads it."""
    analyzer = listener._analyzer
    groups = analyzer._learned_concepts
    out = []
    for t in texts:
        got = _CONCEPT_CACHE.get(t)
        if got is None:
            matched = analyzer._matcher(listener._docs(t))
            got = analyzer._learned_concept(
                matched.norms, matched.hits, matched.sentence_ids, groups, analyzer._concept_unless
            )
            _CONCEPT_CACHE[t] = got
        out.append(got)
    return out


def pick_concept_threshold(
    m: Material, ps: np.ndarray, ruled: Sequence[bool], said: Sequence[bool], threshold: float,
    max_false: float, max_everyday: float,
) -> tuple[float, dict[str, float]]:
    """The highest threshold (at least ``threshold``) under which the net may also speak beside a crisis concept
    (``said``), with the extra false alarms of both thresholds together held to the same budget as
    ``pick_threshold``'s, judged on the same writer-held-out probabilities."""
    look = np.array([r == "look" for r in m.roles])
    daily = np.array([r == "everyday" for r in m.roles])
    register = np.array([r == "register" for r in m.roles])
    pos = np.array([r is None for r in m.roles])
    free = ~np.array(ruled)
    near = np.array(said)
    base = ps < threshold
    best = threshold
    for t in sorted(set(np.round(ps[near & (ps >= threshold)], 4).tolist())):
        extra = (base | (near & (ps < t))) & free
        if (
            (extra & look).sum() > max_false * look.sum()
            or (extra & daily).sum() > max_everyday * daily.sum()
            or (extra & register).sum() > max_everyday * register.sum()
        ):
            break
        best = max(best, t)
    flagged = base | (near & (ps < best))
    figures = {
        "rules+net recall": float(((flagged | ~free) & pos).sum() / max(1, pos.sum())),
        "look-alike false": float(((flagged | ~free) & look).sum() / max(1, look.sum())),
        "everyday false": float(((flagged | ~free) & daily).sum() / max(1, daily.sum())),
    }
    return best, figures


def train(
    model: str,
    listener: listenwell.Listener,
    exclude: Sequence[str] = (),
    material: str = "all",
    features_name: str = DEFAULT_FEATURES,
    l2: float = 0.0005,
    steps: int = STEPS,
    min_df: int = 2,
    max_false: float = MAX_FALSE,
    max_everyday: float = MAX_EVERYDAY,
    quiet: bool = False,
    everyday: bool = False,
) -> tuple[list[tuple[object, ...]], float, float | None]:
    """The table rows (term, weight per class), threshold and concept threshold (crisis only; see
    ``pick_concept_threshold``) of a net trained on the material less ``exclude``."""
    classes = MODELS[model][0]
    m = load(model, listener, exclude, material, features_name, everyday)
    ps = held_out(m, len(classes), l2, steps, min_df)
    ruled = rules_alarm(listener, model, m.texts)
    threshold, figures = pick_threshold(m, ps, ruled, max_false, max_everyday)
    raised: float | None = None
    if model == "crisis":
        said = concept_said(listener, m.texts)
        raised, raised_figures = pick_concept_threshold(m, ps, ruled, said, threshold, max_false, max_everyday)
    if not quiet:
        groups = len(set(m.groups))
        print(f"{model}: {len(m.feats)} rows, {groups} writers in {INNER_FOLDS} folds; P(none) < {threshold:.4f}")
        print("  held out by writer: " + ", ".join(f"{k} {v:.1%}" for k, v in figures.items()))
        if raised is not None:
            print(f"  beside a concept: P(none) < {raised:.4f}; " + ", ".join(
                f"{k} {v:.1%}" for k, v in raised_figures.items()))  # fmt: skip
    vocab = vocabulary(m.feats, min_df)
    w = fit(Design(m.feats, vocab), m.labels, len(classes), l2, steps)
    table: list[tuple[object, ...]] = [(BIAS, *(round(float(x), 4) for x in w[-1]))]
    for i, t in enumerate(vocab):
        if float(np.abs(w[i]).max()) >= 0.02:
            table.append((t, *(round(float(x), 4) for x in w[i])))
    return table, round(threshold, 4), None if raised is None else round(raised, 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", choices=sorted(MODELS))
    ap.add_argument("--cv", action="store_true", help="only report the writer-held-out figures")
    ap.add_argument("--max-false", type=float, default=MAX_FALSE, help="extra false alarms on held-out look-alikes")
    ap.add_argument("--max-everyday", type=float, default=MAX_EVERYDAY, help="extra false alarms on everyday messages")
    ap.add_argument("--material", choices=["all", "tests"], default="all")
    ap.add_argument("--features", default=DEFAULT_FEATURES, choices=["words", "marks"])
    ap.add_argument("--l2", type=float, default=0.0005)
    ap.add_argument("--steps", type=int, default=STEPS)
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--register", action="store_true", help="add the register sets as everyday negatives (tried)")
    args = ap.parse_args(argv)
    random.seed(7)
    classes, _own, _other, table_name = MODELS[args.model]
    listener = listenwell.Listener()
    table, threshold, raised = train(
        args.model, listener, (), args.material, args.features, args.l2, args.steps, args.min_df,
        args.max_false, args.max_everyday, everyday=args.register,
    )  # fmt: skip
    if args.cv:
        return 0
    material = "tests/data/*_dev.jsonl, *_written.jsonl, everyday_*.jsonl"
    if args.material == "all":
        material += " and benchmarks/data/*_frozen{6..15}.jsonl"
    if args.register:
        material += ", register_R1-R6,S1.jsonl (as everyday)"
    lines = [
        f"# listenwell learned {args.model} terms: weights of a logistic model ({', '.join(classes)}) over content",
        f"# words, word pairs and marks ({args.features}), trained by benchmarks/train_learned_terms.py on {material}",
        "# (written for listenwell by helpers who had not seen the rules). Used only when no phrase fired. MIT.",
    ]
    for row in table:
        lines.append(json.dumps({"term": row[0], **dict(zip(classes, row[1:], strict=True))}, ensure_ascii=False))
    (ROOT / "rules" / table_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = []
    for line in KINDS.read_text(encoding="utf-8").splitlines():
        if line.startswith(f'{{"kind": "{args.model}"'):
            row = json.loads(line)
            row["learned_threshold"] = threshold
            if raised is not None:
                row["learned_concept_threshold"] = raised
            line = json.dumps(row, ensure_ascii=False)
        out.append(line)
    KINDS.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(table) - 1} terms to rules/{table_name}; threshold {threshold:.4f} in rules/cue_kinds.jsonl")
    if raised is not None:
        print(f"  beside a crisis concept: {raised:.4f} (learned_concept_threshold)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
