"""Reply tone against the writer's kind of message: does the first line of ``Listening.reply`` meet good news
warmly, bad news gently, a funny story with a laugh?

    python benchmarks/eval_reply_tone.py benchmarks/data/register_R10.jsonl benchmarks/data/register_R14.jsonl
    python benchmarks/eval_reply_tone.py --ed            # ED dev (LISTENWELL_EVALDATA), by the label's valence
    python benchmarks/eval_reply_tone.py FILE --show good_news:neg   # list the replies of one cell

Register files hold ``{"text", "label"}`` rows written from ``benchmarks/briefs/register.md``. The tone of a reply
is read from its first two sentences by a few word lists below (written for this script, not the rules): ``neg``
(sorry, rough, ugh, a lot, ...), ``pos`` (great, lovely, so happy, phew, ...), ``fun`` (haha, no way, ...), else
``flat``; safety and boundary modes are their own column. A *fit* is good news met ``pos``, bad news, a worry or
feeling low met ``neg``, a gripe ``neg``, a funny story or gossip ``fun``; a *clash* is the opposite register
(good news met ``neg``; bad news, a worry or feeling low met ``pos`` or ``fun``; a funny story met ``neg``) or a
safety or boundary reply to any of them. ``flat`` is neither. A rough proxy for the panel, never a substitute: it
cannot tell a fitting line from a good one.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _evaldata import evaldata_dir  # noqa: E402

import listenwell  # noqa: E402

NEG = re.compile(
    r"\b(oh no|sorry|rough|frustrat|the worst|annoying|so hard|really hard|nerve|heartbr|ugh|oof|awful|painful"
    r"|exhaust|draining|drag|tough|that stinks|that sucks|worr|anxious|scary|that hurts|stung|sad\b|low\b|heavy"
    r"|gutted|disappoint|a lot\b)", re.I)
POS = re.compile(
    r"\b(great|lovely|exciting|excited|happy for|proud|amazing|love hearing|nice|wonderful|congrat|yay|so good"
    r"|relie|thank goodness|fantastic|awesome|glad|delight|best part|looking forward|so happy|great news|phew"
    r"|we did it|you did it)", re.I)
FUN = re.compile(r"\b(haha|ha,|hah|lol|i love this|no way|oh my god|stop,|wild|the whole story|every detail)", re.I)
FITS = {"good_news": {"pos"}, "bad_news": {"neg"}, "worry": {"neg"}, "low": {"neg"}, "annoyed": {"neg"},
        "funny": {"fun"}, "gossip": {"fun"}}
CLASH = {"good_news": {"neg"}, "bad_news": {"pos", "fun"}, "worry": {"pos", "fun"}, "low": {"pos", "fun"},
         "annoyed": {"pos"}, "funny": {"neg"}, "gossip": set(), "logistics": set(), "other": set()}
ED_POS = {"excited", "proud", "grateful", "joyful", "content", "impressed", "hopeful", "confident", "trusting",
          "caring", "faithful", "anticipating", "nostalgic"}
ED_NEG = {"sad", "angry", "afraid", "anxious", "disgusted", "embarrassed", "guilty", "ashamed", "lonely", "jealous",
          "devastated", "annoyed", "furious", "terrified", "apprehensive", "disappointed"}
COLUMNS = ("pos", "neg", "fun", "flat", "safety", "boundary")


def tone(reply: str, mode: str) -> str:
    """The register of a reply's first two sentences."""
    if mode in ("safety", "boundary"):
        return mode
    first = " ".join(re.split(r"(?<=[.!?])\s", reply)[:2])
    for name, pattern in (("fun", FUN), ("neg", NEG), ("pos", POS)):
        if pattern.search(first):
            return name
    return "flat"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="register_*.jsonl files ({text, label} rows)")
    ap.add_argument("--ed", action="store_true", help="ED dev by the label's valence")
    ap.add_argument("--show", help="LABEL:TONE, list those replies")
    args = ap.parse_args(argv)
    rows: list[tuple[str, str]] = []
    for f in args.files:
        lines = [x for x in Path(f).read_text(encoding="utf-8").splitlines() if x.strip()]
        rows += [(r["text"], r["label"]) for r in map(json.loads, lines)]
    if args.ed:
        with (evaldata_dir() / "empathetic_dialogues_dev.csv").open(newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                label = "good_news" if r["label"] in ED_POS else "low" if r["label"] in ED_NEG else "other"
                rows.append((r["text"], label))
    if not rows:
        ap.error("give register files or --ed")
    table: dict[str, Counter[str]] = defaultdict(Counter)
    fit = clash = 0
    for (text, label), result in zip(rows, listenwell.listen_many([t for t, _ in rows]), strict=True):
        t = tone(result.reply, result.mode)
        table[label][t] += 1
        fit += t in FITS.get(label, set())
        clash += t in CLASH.get(label, set()) or t in ("safety", "boundary")
        if args.show == f"{label}:{t}":
            print(f"{text}\n    -> {result.reply}")
    print(f"{'label':10s} " + " ".join(f"{c:>8s}" for c in COLUMNS))
    for label in sorted(table):
        print(f"{label:10s} " + " ".join(f"{table[label][c]:8d}" for c in COLUMNS))
    print(f"{len(rows)} messages: fit {fit} ({fit / len(rows):.1%}), clash {clash} ({clash / len(rows):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
