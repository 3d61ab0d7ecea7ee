"""Review accuracy on three sets: the benchmark drafts, real counselling talk (AnnoMI), and fresh drafts.

1. Benchmark drafts: benchmarks/data/review_bad.jsonl (message, draft, kind: the one roadblock it holds) and
   benchmarks/data/review_good.jsonl (message, draft: skilled replies that should get no flag). A bad row counts
   as found when review(draft, message) raises a flag of its labelled kind; a good row is a false flag when
   review() raises any flag at all. Targets: recall >= 90% for every kind, false-flag rate < 5%.
2. AnnoMI (../shared/evaldata/annomi_dev.csv, scored as its README says): therapist rows, each reviewed against
   the client's turn before it.
   - closed-question F1: rows whose main behaviour is a question with an open/closed subtype; a
     ``closed_question`` flag on a closed row is a hit (target >= 0.80);
   - advice recall: rows labelled advice that get an ``advice`` flag (target >= 60%);
   - false alarms: reflections in high-quality sessions that get any roadblock flag (target <= 4%);
   - reflection and question detection: reflection rows that ``Review.balance`` counts a reflection in,
     question rows it counts a question in (reported, no target).
3. ``--fresh FILE``: JSONL rows ``{"message": ..., "draft": ..., "flags": [kinds], "good": bool}`` written by
   someone who has not seen the rules. A bad draft is caught when it gets at least one of its labelled kinds
   (target >= 85%; any-flag recall is reported beside it); false flags are counted per 40 good drafts
   (target <= 1).

Run: python benchmarks/eval_review.py [--errors N] [--no-message] [--no-annomi] [--fresh FILE [--fresh FILE ...]]
Exit code 0 when every reported target is met.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _evaldata import evaldata_dir  # noqa: E402

import listenwell  # noqa: E402
from listenwell._results import NOTE_RULES  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
RECALL_TARGET = 0.90
FALSE_FLAG_TARGET = 0.05
CLOSED_F1_TARGET = 0.80
ADVICE_RECALL_TARGET = 0.60
FALSE_ALARM_TARGET = 0.04
FRESH_RECALL_TARGET = 0.85
FRESH_FALSE_PER_40_TARGET = 1.0
ROADBLOCKS = frozenset(
    {"advice", "minimizing", "judging", "defensive", "why_question", "absolute", "contempt", "dismissive",
     "but_undo", "self_focus"}
)  # fmt: skip


def load(path: Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(json.loads(line))
    return rows


def describe(review: listenwell.Review) -> str:
    return ", ".join(f"{f.kind}[{f.rule}]:{f.text!r}" for f in review.flags) or "no flags"


def clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def mark(ok: bool) -> str:
    return "" if ok else "  < target"


class Cached:
    """review() once per (draft, message): AnnoMI repeats transcripts across annotators."""

    def __init__(self, use_message: bool) -> None:
        self.use_message = use_message
        self._cache: dict[tuple[str, str | None], listenwell.Review] = {}

    def __call__(self, draft: str, message: str | None) -> listenwell.Review:
        key = (draft, message if self.use_message else None)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = listenwell.review(key[0], message=key[1])
        return got


# --- 1. benchmark drafts -------------------------------------------------------------------------------------
def benchmark(review: Cached, errors: int) -> bool:
    bad, good = load(DATA / "review_bad.jsonl"), load(DATA / "review_good.jsonl")
    total: collections.Counter[str] = collections.Counter()
    found: collections.Counter[str] = collections.Counter()
    misses: list[tuple[dict[str, str], listenwell.Review]] = []
    for row in bad:
        r = review(row["draft"], row.get("message"))
        total[row["kind"]] += 1
        if any(f.kind == row["kind"] for f in r.flags):
            found[row["kind"]] += 1
        else:
            misses.append((row, r))
    false_flags = [(row, r) for row in good if (r := review(row["draft"], row.get("message"))).flags]

    print("== benchmark drafts (benchmarks/data/review_*.jsonl)")
    print(f"bad rows: {len(bad)}   good rows: {len(good)}")
    print(f"{'kind':<18}{'found':>7}{'rows':>6}{'recall':>9}")
    all_ok = True
    for kind in sorted(total):
        rec = found[kind] / total[kind]
        ok = rec >= RECALL_TARGET
        all_ok &= ok
        print(f"{kind:<18}{found[kind]:>7}{total[kind]:>6}{rec:>9.1%}{mark(ok)}")
    overall = sum(found.values()) / max(1, sum(total.values()))
    ff_rate = len(false_flags) / max(1, len(good))
    all_ok &= ff_rate < FALSE_FLAG_TARGET
    print(f"{'overall recall':<18}{sum(found.values()):>7}{sum(total.values()):>6}{overall:>9.1%}")
    print(f"false-flag rate: {len(false_flags)}/{len(good)} = {ff_rate:.1%} (target < {FALSE_FLAG_TARGET:.0%})")
    flagged_kinds = collections.Counter(f.kind for _, r in false_flags for f in r.flags)
    if flagged_kinds:
        print("false flags by kind: " + ", ".join(f"{k} {n}" for k, n in flagged_kinds.most_common()))
    if errors:
        print(f"\nmisses ({len(misses)}):")
        for row, r in misses[:errors]:
            print(f"  [{row['kind']}] {row['draft']}\n      -> {describe(r)}")
        print(f"\nfalse flags ({len(false_flags)}):")
        for row, r in false_flags[:errors]:
            print(f"  {row['draft']}\n      -> {describe(r)}")
    return all_ok


# --- 2. AnnoMI -----------------------------------------------------------------------------------------------
def annomi_rows() -> list[tuple[dict[str, str], str | None]]:
    """Therapist rows, each with the client turn just before it in the same transcript (None if there is none)."""
    with open(evaldata_dir() / "annomi_dev.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    sessions: dict[tuple[str, str], list[dict[str, str]]] = collections.defaultdict(list)
    for r in rows:
        sessions[(r["transcript_id"], r["annotator_id"])].append(r)
    out: list[tuple[dict[str, str], str | None]] = []
    for turns in sessions.values():
        turns.sort(key=lambda r: int(r["utterance_id"]))
        last_client: str | None = None
        for r in turns:
            if r["interlocutor"] == "client":
                last_client = r["utterance_text"]
            elif r["interlocutor"] == "therapist":
                out.append((r, last_client))
    return out


def _listing(title: str, items: list[tuple[dict[str, str], listenwell.Review]], errors: int) -> None:
    print(f"\n{title} ({len(items)}):")
    for row, r in items[:errors]:
        print(f"  {clip(row['utterance_text'])}\n      -> {describe(r)}")


def annomi(review: Cached, errors: int) -> bool:
    rows = annomi_rows()
    tp = fp = fn = 0
    by_annotator: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    closed_misses: list[tuple[dict[str, str], listenwell.Review]] = []
    open_flagged: list[tuple[dict[str, str], listenwell.Review]] = []
    advice_found = advice_total = 0
    advice_misses: list[tuple[dict[str, str], listenwell.Review]] = []
    advice_elsewhere: collections.Counter[str] = collections.Counter()
    behaviour_total: collections.Counter[str] = collections.Counter()
    alarms: list[tuple[dict[str, str], listenwell.Review]] = []
    good_reflections = 0
    refl_found = refl_total = q_found = q_total = 0
    for row, message in rows:
        r = review(row["utterance_text"], message)
        kinds = {f.kind for f in r.flags}
        main = row["main_therapist_behaviour"]
        behaviour_total[main] += 1
        if main == "question" and row["question_subtype"] in ("open", "closed"):
            closed = row["question_subtype"] == "closed"
            flagged = "closed_question" in kinds
            tp += closed and flagged
            fp += (not closed) and flagged
            fn += closed and not flagged
            tally = by_annotator[row["annotator_id"]]
            tally["closed"] += closed
            tally["rows"] += 1
            tally["tp"] += closed and flagged
            tally["flagged"] += flagged
            if closed and not flagged:
                closed_misses.append((row, r))
            if flagged and not closed:
                open_flagged.append((row, r))
        if row["therapist_input_subtype"] == "advice":
            advice_total += 1
            if "advice" in kinds:
                advice_found += 1
            else:
                advice_misses.append((row, r))
        elif "advice" in kinds:
            advice_elsewhere[main] += 1
        if main == "reflection" and row["mi_quality"] == "high":
            good_reflections += 1
            if kinds & ROADBLOCKS:
                alarms.append((row, r))
        if main == "reflection":
            refl_total += 1
            refl_found += r.balance.reflections > 0
        if main == "question":
            q_total += 1
            q_found += r.balance.questions > 0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    adv = advice_found / max(1, advice_total)
    fa = len(alarms) / max(1, good_reflections)
    print("\n== AnnoMI dev (therapist turns, each reviewed against the client turn before it)")
    print(f"therapist rows: {len(rows)}")
    print(
        f"closed-question F1: {f1:.2f} (precision {prec:.2f}, recall {rec:.2f}; "
        f"target >= {CLOSED_F1_TARGET:.2f}){mark(f1 >= CLOSED_F1_TARGET)}"
    )
    per = []
    for ann, t in sorted(by_annotator.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0):
        p_, r_ = t["tp"] / max(1, t["flagged"]), t["tp"] / max(1, t["closed"])
        per.append(f"{ann}: {2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0:.2f} ({t['closed']}/{t['rows']} closed)")
    print("  F1 by annotator (closed share of their question rows): " + ", ".join(per))
    print(
        f"advice recall: {advice_found}/{advice_total} = {adv:.1%} "
        f"(target >= {ADVICE_RECALL_TARGET:.0%}){mark(adv >= ADVICE_RECALL_TARGET)}"
    )
    print(
        "  advice flags on rows not labelled advice, by behaviour: "
        + ", ".join(f"{k} {n}/{behaviour_total[k]}" for k, n in sorted(advice_elsewhere.items()))
    )
    print(
        f"false alarms on good reflections: {len(alarms)}/{good_reflections} = {fa:.1%} "
        f"(target <= {FALSE_ALARM_TARGET:.0%}){mark(fa <= FALSE_ALARM_TARGET)}"
    )
    alarm_kinds = collections.Counter(f.kind for _, r in alarms for f in r.flags if f.kind in ROADBLOCKS)
    if alarm_kinds:
        print("  by kind: " + ", ".join(f"{k} {n}" for k, n in alarm_kinds.most_common()))
    print(f"reflection detection: {refl_found}/{refl_total} = {refl_found / max(1, refl_total):.1%}")
    print(f"question detection: {q_found}/{q_total} = {q_found / max(1, q_total):.1%}")
    if errors:
        _listing("closed questions missed", closed_misses, errors)
        _listing("open questions flagged closed", open_flagged, errors)
        _listing("advice missed", advice_misses, errors)
        _listing("false alarms on good reflections", alarms, errors)
    return f1 >= CLOSED_F1_TARGET and adv >= ADVICE_RECALL_TARGET and fa <= FALSE_ALARM_TARGET


# --- 3. fresh drafts -----------------------------------------------------------------------------------------
class FreshTally:
    """What each fresh set missed and falsely flagged, by kind, for the summary across sets."""

    def __init__(self) -> None:
        self.caught = self.bad = self.false = self.good = 0
        self.missed: collections.Counter[str] = collections.Counter()  # labelled kinds of drafts caught by none
        self.labelled: collections.Counter[str] = collections.Counter()
        self.false_kinds: collections.Counter[str] = collections.Counter()
        self.missed_in: dict[str, set[str]] = collections.defaultdict(set)
        self.false_in: dict[str, set[str]] = collections.defaultdict(set)


def fresh(path: Path, review: Cached, errors: int, tally: FreshTally | None = None) -> bool:
    rows = load(path)
    bad = [r for r in rows if not r.get("good")]
    good = [r for r in rows if r.get("good")]
    caught = any_flag = 0
    per_kind: collections.Counter[str] = collections.Counter()
    per_kind_found: collections.Counter[str] = collections.Counter()
    per_kind_flagged: collections.Counter[str] = collections.Counter()  # drafts (bad or good) given a flag of the kind
    misses: list[tuple[dict[str, Any], listenwell.Review]] = []
    for row in bad:
        r = review(row["draft"], row.get("message"))
        kinds = {f.kind for f in r.flags}
        labelled = set(row.get("flags") or ())
        any_flag += bool(kinds)
        if kinds & labelled:
            caught += 1
        else:
            misses.append((row, r))
        for k in labelled:
            per_kind[k] += 1
            per_kind_found[k] += k in kinds
        per_kind_flagged.update(kinds)
    false_rows = [(row, r) for row in good if (r := review(row["draft"], row.get("message"))).flags]
    for _, r in false_rows:
        per_kind_flagged.update({f.kind for f in r.flags})
    false_flags = sum(len(r.flags) for _, r in false_rows)
    if tally is not None:
        tally.caught += caught
        tally.bad += len(bad)
        tally.false += false_flags
        tally.good += len(good)
        tally.labelled.update(per_kind)
        for row, _ in misses:
            for k in set(row.get("flags") or ()):
                tally.missed[k] += 1
                tally.missed_in[k].add(path.name)
        for _, r in false_rows:
            for f in r.flags:
                tally.false_kinds[f.kind] += 1
                tally.false_in[f.kind].add(path.name)
    recall = caught / max(1, len(bad))
    per40 = 40 * false_flags / max(1, len(good))
    print(f"\n== fresh drafts ({path})")
    print(f"bad drafts: {len(bad)}   good drafts: {len(good)}")
    print(
        f"caught (at least one labelled kind): {caught}/{len(bad)} = {recall:.1%} "
        f"(target >= {FRESH_RECALL_TARGET:.0%}){mark(recall >= FRESH_RECALL_TARGET)}"
    )
    print(f"any-flag recall: {any_flag}/{len(bad)} = {any_flag / max(1, len(bad)):.1%}")
    print(f"{'kind':<18}{'found':>7}{'rows':>6}{'recall':>9}{'flagged':>9}{'precision':>11}")
    for kind in sorted(set(per_kind) | set(per_kind_flagged)):
        found, rows, flagged = per_kind_found[kind], per_kind[kind], per_kind_flagged[kind]
        rec = f"{found / rows:.1%}" if rows else "-"
        prec = f"{found / flagged:.1%}" if flagged else "-"
        print(f"{kind:<18}{found:>7}{rows:>6}{rec:>9}{flagged:>9}{prec:>11}")
    print(
        "  (precision: of the drafts given a flag of the kind, the share labelled with it; a second roadblock the "
        "writer did not label counts against it)"
    )
    print(
        f"false flags: {false_flags} on {len(false_rows)} of {len(good)} good drafts = {per40:.2f} per 40 "
        f"(target <= {FRESH_FALSE_PER_40_TARGET:g}){mark(per40 <= FRESH_FALSE_PER_40_TARGET)}"
    )
    notes = sum(1 for _, r in false_rows for f in r.flags if f.rule in NOTE_RULES)
    if notes:  # reported beside the target, not instead of it: a gentle note leaves review().ok true
        print(
            "  of which gentle notes (an offer to listen put as a yes/no question, or a lone 'are you ok?'; "
            f"review().ok stays true): {notes}"
        )
    if errors:
        print(f"\nmisses ({len(misses)}):")
        for row, r in misses[:errors]:
            print(f"  {sorted(row.get('flags') or ())} {clip(row['draft'])}\n      -> {describe(r)}")
        print(f"\nfalse flags ({len(false_rows)}):")
        for row, r in false_rows[:errors]:
            print(f"  {clip(row['draft'])}\n      -> {describe(r)}")
    return recall >= FRESH_RECALL_TARGET and per40 <= FRESH_FALSE_PER_40_TARGET


def across(tally: FreshTally, sets: int) -> None:
    """The fresh sets together: recall and false flags, and each kind's misses and false flags with how many of
    the sets (each from a different writer) they come up in: a kind that fails across writers, not one row."""
    print(f"\n== fresh drafts, {sets} sets together")
    print(
        f"caught: {tally.caught}/{tally.bad} = {tally.caught / max(1, tally.bad):.1%}   false flags: {tally.false} on "
        f"{tally.good} good drafts = {40 * tally.false / max(1, tally.good):.2f} per 40"
    )
    print(f"{'kind':<18}{'missed':>7}{'rows':>6}{'sets':>6}{'false':>7}{'sets':>6}")
    for kind in sorted(set(tally.labelled) | set(tally.false_kinds), key=lambda k: -tally.missed[k]):
        print(
            f"{kind:<18}{tally.missed[kind]:>7}{tally.labelled[kind]:>6}{len(tally.missed_in[kind]):>6}"
            f"{tally.false_kinds[kind]:>7}{len(tally.false_in[kind]):>6}"
        )
    print("  (missed: drafts labelled with the kind that got none of their labelled kinds; sets: how many sets)")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", type=int, default=0, help="list up to N misses and N false flags per set")
    parser.add_argument("--no-message", action="store_true", help="review the drafts without the partner's message")
    parser.add_argument("--no-annomi", action="store_true", help="skip the AnnoMI figures")
    parser.add_argument(
        "--fresh", type=Path, metavar="FILE", action="append",
        help="JSONL of fresh drafts to score as well; give it once per set to add a summary by kind across sets",
    )  # fmt: skip
    args = parser.parse_args(None if argv is None else list(argv))

    review = Cached(use_message=not args.no_message)
    sections: list[Callable[[], bool]] = [lambda: benchmark(review, args.errors)]
    if not args.no_annomi:
        sections.append(lambda: annomi(review, args.errors))
    tally = FreshTally()
    for path in args.fresh or ():
        sections.append(lambda path=path: fresh(path, review, args.errors, tally))
    all_ok = True
    for section in sections:
        all_ok &= section()
    if len(args.fresh or ()) > 1:
        across(tally, len(args.fresh))
    print("\ntargets met" if all_ok else "\ntargets NOT met")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
