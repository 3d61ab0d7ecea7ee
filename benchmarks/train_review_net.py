"""Train the learned review (rules/review/terms.jsonl): a roadblock in a draft sentence that no rule read.

    python benchmarks/train_review_net.py --cv       # leave-one-set-out figures for each --margins value, and AnnoMI
    python benchmarks/train_review_net.py --margin M # train on every set and write the table with margin M

Data: the fresh review sets benchmarks/data/review_fresh*.jsonl (each by a different writer who saw only a brief of
roadblock kinds, never the rules), the project's own sets review_own13*.jsonl and the benchmark drafts
review_bad.jsonl / review_good.jsonl. A good draft is an example of ``none``; a bad draft is an example of each
labelled kind the model reads (``listenwell._learned.REVIEW_CLASSES``; closed and why questions and "but" undoing
are left to the rules). A logistic model over the words and word pairs of the draft's sentences, class-balanced and
L2-regularised (numpy, which spaCy already needs).

The review reads a sentence with it only when no rule flagged a roadblock there, and flags a kind when the sentence's
terms, without the intercepts, lead ``none`` by at least the margin.

--cv holds each fresh set out in turn: the model is trained on everything else, the held-out set is reviewed with
it, and caught drafts (at least one labelled kind) and false flags on its good drafts are counted, beside the rules
alone. Then the model trained on every set reviews AnnoMI dev (../shared/evaldata/annomi_dev.csv, as
benchmarks/eval_review.py scores it: advice recall and false alarms on good reflections) and the project's own good
text (``own_replies``), counting those given a learned flag. Neither is ever trained on.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import listenwell
from listenwell._learned import BIAS, MARGINS, REVIEW_CLASSES, ReviewNet

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_review  # noqa: E402
from train_learned_terms import Design, fit, vocabulary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
TABLE = ROOT / "rules" / "review" / "terms.jsonl"
L2, STEPS, MOMENTUM, MIN_DF = 1e-3, 300, 0.9, 2
# The margins written by default, picked with --cv on the tuned sets, AnnoMI and the project's own text: the kinds
# whose held-out catches cost no false flags; 99 leaves a kind to the rules (minimizing and absolute added false
# alarms on counselling talk at any margin that caught more; self-focus caught one more draft and flagged an opener
# of invite()).
SHIPPED = "99,contempt=1.5,defensive=1.5,dismissive=2,judging=3,advice=4"
KEEP = 0.01  # a term whose every lead over none is smaller than this is left out of the table
HEADER = (
    "# listenwell learned review: weights of a logistic model (none, then the roadblock kinds) over the words and\n"
    "# word pairs of a draft sentence, trained by benchmarks/train_review_net.py on benchmarks/data/review_fresh*,\n"
    "# review_own13* and review_bad/good (never by hand). Read only in sentences no rule flagged. MIT.\n"
)


def load(path: Path) -> list[dict[str, Any]]:
    rows = eval_review.load(path)
    if path.name in {"review_bad.jsonl", "review_good.jsonl"}:
        good = path.name == "review_good.jsonl"
        return [
            {"message": r.get("message"), "draft": r["draft"], "flags": [] if good else [r["kind"]], "good": good}
            for r in rows
        ]
    return rows


def own_replies(listener: listenwell.Listener) -> list[dict[str, Any]]:
    """Good text the project writes itself, a check for false flags (never trained on: as examples of ``none`` they
    made the model flag more counselling talk): the replies and suggestions ``listen()`` gives
    to the partner messages in benchmarks/data/partner_*.txt (reflect mode; those no rule flags), and the openers of
    ``invite()``."""
    out: list[dict[str, Any]] = [{"draft": row.text, "good": True} for row in listener.rules.rows("invite")]
    for path in sorted(DATA.glob("partner_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            message = line.strip()
            if not message or message.startswith("#"):
                continue
            heard = listener.listen(message)
            if heard.mode != "reflect":
                continue
            for text in dict.fromkeys([heard.reply, *(s.text for s in heard.suggestions[:2])]):
                if not listener.review(text, message=message).flags:
                    out.append({"message": message, "draft": text, "good": True})
    return out


def sets(listener: listenwell.Listener) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """The fresh sets by name (each held out in turn) and the rows always trained on."""
    fresh = {p.name.split("_")[1]: load(p) for p in sorted(DATA.glob("review_fresh*.jsonl"))}
    always: list[dict[str, Any]] = []
    for p in [*sorted(DATA.glob("review_own13*.jsonl")), DATA / "review_bad.jsonl", DATA / "review_good.jsonl"]:
        always += load(p)
    return fresh, always


class Features:
    def __init__(self, listener: listenwell.Listener) -> None:
        self.listener = listener
        self.cache: dict[str, set[str]] = {}

    def __call__(self, draft: str) -> set[str]:
        got = self.cache.get(draft)
        if got is None:
            with self.listener._zone(review=True):
                reviewer = self.listener._reviewer
                assert reviewer is not None
                got = self.cache[draft] = set().union(*reviewer.sentence_features(draft))
        return got


def examples(rows: Sequence[dict[str, Any]], feats: Features) -> tuple[list[set[str]], list[int]]:
    x: list[set[str]] = []
    y: list[int] = []
    for r in rows:
        kinds = [0] if r.get("good") else [REVIEW_CLASSES.index(k) for k in r.get("flags") or () if k in REVIEW_CLASSES]
        for k in kinds:
            x.append(feats(r["draft"]))
            y.append(k)
    return x, y


def train(rows: Sequence[dict[str, Any]], feats: Features, l2: float = L2) -> dict[str, tuple[float, ...]]:
    x, y = examples(rows, feats)
    vocab = vocabulary(x, MIN_DF)
    w = fit(Design(x, vocab), y, len(REVIEW_CLASSES), l2, STEPS, momentum=MOMENTUM)
    out = {t: tuple(float(v) for v in w[i]) for i, t in enumerate(vocab)}
    out[BIAS] = tuple(float(v) for v in w[-1])
    return out


KINDS = REVIEW_CLASSES[1:]


def parse_margins(spec: str) -> tuple[float, ...]:
    """"3" (every kind), or "3,contempt=2,defensive=2" (a default, then kinds of their own)."""
    parts = spec.split(",")
    out = dict.fromkeys(KINDS, float(parts[0]))
    for p in parts[1:]:
        kind, value = p.split("=")
        if kind not in out:
            raise SystemExit(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
        out[kind] = float(value)
    return tuple(out[k] for k in KINDS)


def install(
    listener: listenwell.Listener, weights: dict[str, tuple[float, ...]] | None, margins: Sequence[float]
) -> None:
    """Put a model in the listener's reviewer (None: no model, the rules alone)."""
    with listener._zone(review=True):
        reviewer = listener._reviewer
        assert reviewer is not None
        cols = [] if weights is None else [(t, *w) for t, w in weights.items()]
        if cols:
            cols.append((MARGINS, 0.0, *margins))
        reviewer._net = ReviewNet(cols)


def score(listener: listenwell.Listener, rows: Sequence[dict[str, Any]]) -> collections.Counter[str]:
    c: collections.Counter[str] = collections.Counter()
    for r in rows:
        kinds = {f.kind for f in listener.review(r["draft"], message=r.get("message")).flags}
        if r.get("good"):
            c["good"] += 1
            c["false"] += len(kinds)  # eval_review counts flags; a kind appears once here, near enough
        else:
            c["bad"] += 1
            c["caught"] += bool(kinds & set(r.get("flags") or ()))
    return c


def annomi(listener: listenwell.Listener) -> tuple[int, int, int, int]:
    rows = eval_review.annomi_rows()
    seen: dict[tuple[str, str | None], set[str]] = {}
    adv = adv_total = alarms = good = 0
    for r, message in rows:
        key = (r["utterance_text"], message)
        if key not in seen:
            seen[key] = {f.kind for f in listener.review(key[0], message=key[1]).flags}
        kinds = seen[key]
        if r["therapist_input_subtype"] == "advice":
            adv_total += 1
            adv += "advice" in kinds
        if r["main_therapist_behaviour"] == "reflection" and r["mi_quality"] == "high":
            good += 1
            alarms += bool(kinds & eval_review.ROADBLOCKS)
    return adv, adv_total, alarms, good


def cv(specs: Sequence[str], held: set[str], l2: float = L2) -> None:
    listener = listenwell.Listener()
    feats = Features(listener)
    fresh, always = sets(listener)
    models = {
        name: train(always + [r for n, rows in fresh.items() if n != name for r in rows], feats, l2) for name in fresh
    }
    print("leave-one-set-out: caught % / false flags per 40 good drafts; the rules alone first")
    for spec in ["rules", *specs]:
        margins = () if spec == "rules" else parse_margins(spec)
        tot = {"tuned": collections.Counter[str](), "held": collections.Counter[str]()}
        parts = []
        for name, rows in fresh.items():
            install(listener, None if spec == "rules" else models[name], margins)
            c = score(listener, rows)
            tot["held" if name in held else "tuned"].update(c)
            parts.append(f"{name} {c['caught'] / c['bad']:.1%}/{40 * c['false'] / c['good']:.2f}")
        label = spec
        line = "  ".join(
            f"{k}: {t['caught']}/{t['bad']} = {t['caught'] / max(1, t['bad']):.1%}, "
            f"{40 * t['false'] / max(1, t['good']):.2f}"
            for k, t in tot.items()
            if t
        )
        print(f"{label}\n    {line}\n    {'  '.join(parts)}")
    full = train(always + [r for rows in fresh.values() for r in rows], feats, l2)
    install(listener, None, ())
    own = own_replies(listener)
    print("\nAnnoMI dev, the model trained on every set: advice recall, false alarms on good reflections; and the")
    print("project's own good text (listen() replies to the partner messages, invite() openers) given a learned flag")
    for spec in ["rules", *specs]:
        install(listener, None if spec == "rules" else full, () if spec == "rules" else parse_margins(spec))
        flagged = sum(
            1
            for r in own
            if any(f.rule.startswith("learned.") for f in listener.review(r["draft"], r.get("message")).flags)
        )
        print(f"    own good text flagged: {flagged}/{len(own)}")
        adv, adv_total, alarms, good = annomi(listener)
        print(
            f"{spec}\n    advice {adv}/{adv_total} = {adv / adv_total:.1%}   "
            f"alarms {alarms}/{good} = {alarms / good:.1%}"
        )


def write(spec: str) -> None:
    listener = listenwell.Listener()
    fresh, always = sets(listener)
    weights = train(always + [r for rows in fresh.values() for r in rows], Features(listener))
    lines = [HEADER.rstrip("\n")]
    bias = weights.pop(BIAS)
    lines.append(json.dumps({"term": BIAS, **{c: round(v, 4) for c, v in zip(REVIEW_CLASSES, bias, strict=True)}}))
    margins = parse_margins(spec)
    lines.append(json.dumps({"term": MARGINS, "none": 0.0, **dict(zip(KINDS, margins, strict=True))}))
    for term in sorted(weights):
        w = weights[term]
        if max(abs(v - w[0]) for v in w[1:]) < KEEP:
            continue
        lines.append(json.dumps({"term": term, **{c: round(v, 4) for c, v in zip(REVIEW_CLASSES, w, strict=True)}}))
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TABLE} ({len(lines) - 3} terms, margins {spec})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="only the leave-one-set-out and AnnoMI figures")
    parser.add_argument(
        "--margins", action="append", metavar="SPEC",
        help='margins to report with --cv, once per setting: "3" (every kind) or "3,contempt=2" (kinds apart)',
    )  # fmt: skip
    parser.add_argument("--held", default="fresh10,fresh11", help="sets reported apart as never tuned on")
    parser.add_argument("--margin", default=SHIPPED, metavar="SPEC", help="the margins written to the table")
    parser.add_argument(
        "--l2", type=float, default=L2, help="L2 penalty with --cv (the leads, and so the margins, scale with it)"
    )
    args = parser.parse_args(argv)
    if args.cv:
        cv(args.margins or [SHIPPED], set(args.held.split(",")), args.l2)
        return 0
    np.seterr(all="raise")
    write(args.margin)
    return 0


if __name__ == "__main__":
    sys.exit(main())
