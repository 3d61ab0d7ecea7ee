"""Train the learned register (rules/register_terms.jsonl): what kind of message it is (good news, bad news, a funny
story, a gripe, gossip, a worry, feeling low, logistics, or other), read when the rules found no feeling, event or
cue to answer, so that the reply fits the message instead of the generic "Thanks for telling me".

    python benchmarks/train_register.py          # leave-one-writer-out figures, then train and write the table
    python benchmarks/train_register.py --cv     # only the leave-one-writer-out figures

Data: benchmarks/data/register_*.jsonl, each 180 labelled messages by a different writer who saw only
benchmarks/briefs/register.md (R*: chat messages to a partner) or register_story.md (S*: short stories told in
plain sentences), never the rules. A logistic model over ``listenwell._learned.register_features``
(content words, word pairs, and marks of how it is said: "!", capitals, a laugh, the sign of VADER's tone, the
families the rules found), L2-regularised, trained with plain gradient descent (numpy, which spaCy already needs).

The threshold is the lowest probability at which, leaving each writer out in turn, the replies it leads to are right
for at least --precision of the messages it speaks on. Right means the same reply register (``TONES``): bad news, a
worry and feeling low share one, and a miss that leads to the same register is no miss.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

import listenwell
from listenwell._learned import BIAS, REGISTER_CLASSES, register_features

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_learned_terms import Design, fit, vocabulary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
TABLE = ROOT / "rules" / "register_terms.jsonl"
TONES = {
    "good_news": "positive", "bad_news": "negative", "worry": "negative", "low": "negative", "funny": "funny",
    "annoyed": "annoyed", "gossip": "gossip", "logistics": "neutral", "other": "other",
}


def featurise(listener: listenwell.Listener, text: str) -> set[str]:
    """The same features the Suggester reads (``Suggester._register_features``)."""
    a = listener.analyze(text)
    fams = [e.family for e in a.emotions if e.source != "sentiment"]
    return register_features(listener.token_norms(text), text, a.valence, fams, [c.kind for c in a.cues])


def load() -> dict[str, list[tuple[set[str], int, str]]]:
    listener = listenwell.Listener()
    sets: dict[str, list[tuple[set[str], int, str]]] = {}
    for path in sorted(DATA.glob("register_*.jsonl")):
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        sets[path.stem] = [
            (featurise(listener, r["text"]), REGISTER_CLASSES.index(r["label"]), r["text"]) for r in rows
        ]
    return sets


def probabilities(w: np.ndarray, x: Design) -> np.ndarray:
    z = x.scores(w)
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="only report leave-one-writer-out figures")
    ap.add_argument("--precision", type=float, default=0.98, help="share of spoken readings of the right register")
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--min-df", type=int, default=2)
    args = ap.parse_args(argv)
    sets = load()
    held: list[tuple[np.ndarray, int, str]] = []
    for name, rows in sets.items():
        train = [r for other, rs in sets.items() if other != name for r in rs]
        vocab = vocabulary([r[0] for r in train], args.min_df)
        w = fit(
            Design([r[0] for r in train], vocab), [r[1] for r in train], len(REGISTER_CLASSES), args.l2, args.steps,
            momentum=0.0,
        )
        p = probabilities(w, Design([r[0] for r in rows], vocab))
        right = sum(int(p[i].argmax()) == r[1] for i, r in enumerate(rows))
        print(f"  {name}: held out, class accuracy {right / len(rows):.1%}")
        held += [(p[i], r[1], name) for i, r in enumerate(rows)]

    def spoken(tau: float) -> list[tuple[str, str]]:
        return [
            (TONES[REGISTER_CLASSES[int(p.argmax())]], TONES[REGISTER_CLASSES[y]])
            for p, y, _ in held if p.max() >= tau and int(p.argmax()) != 0
        ]

    threshold = 0.95
    print(f"leave-one-writer-out over {len(sets)} writers, {len(held)} messages:")
    for tau in [x / 20 for x in range(6, 19)]:
        said = spoken(tau)
        precision = sum(a == b for a, b in said) / max(1, len(said))
        print(f"  threshold {tau:.2f}: speaks on {len(said) / len(held):.1%}, right register {precision:.1%}")
        if precision >= args.precision and tau < threshold:
            threshold = tau
    said = spoken(threshold)
    wrong = Counter((want, got) for got, want in said if got != want)
    print(f"threshold {threshold:.2f}; wrong registers (labelled -> said): "
          + ", ".join(f"{a} -> {b} x{n}" for (a, b), n in wrong.most_common(8)))
    if args.cv:
        return 0
    feats = [r[0] for rs in sets.values() for r in rs]
    labels = [r[1] for rs in sets.values() for r in rs]
    vocab = vocabulary(feats, args.min_df)
    w = fit(Design(feats, vocab), labels, len(REGISTER_CLASSES), args.l2, args.steps, momentum=0.0)
    lines = [
        "# listenwell learned register: weights of a logistic model ("
        + ", ".join(REGISTER_CLASSES) + ")",
        "# over content words, word pairs and marks of how a message is said (@excl, @caps, @laugh, @v+, ...),",
        "# trained by benchmarks/train_register.py on benchmarks/data/register_*.jsonl (written for listenwell by",
        "# writers who had not seen the rules). Read only when no feeling, event or cue was found. MIT.",
        json.dumps({"term": BIAS, **{c: round(float(w[-1, k]), 4) for k, c in enumerate(REGISTER_CLASSES)},
                    "threshold": threshold}),
    ]
    kept = 0
    for i, t in enumerate(vocab):
        if float(np.abs(w[i]).max()) < 0.02:
            continue
        row = {"term": t, **{c: round(float(w[i, k]), 4) for k, c in enumerate(REGISTER_CLASSES)}}
        lines.append(json.dumps(row, ensure_ascii=False))
        kept += 1
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {kept} terms to {TABLE.relative_to(ROOT)}; threshold {threshold:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
