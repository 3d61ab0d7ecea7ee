"""Where the shared evaluation data lives, and how its labels map to coarse classes (see its README)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

ED_TO_COARSE = {
    **dict.fromkeys(["angry", "annoyed", "furious"], "anger"),
    **dict.fromkeys(["afraid", "terrified", "anxious", "apprehensive"], "fear"),
    **dict.fromkeys(["sad", "devastated", "lonely", "disappointed"], "sadness"),
    **dict.fromkeys(
        ["joyful", "content", "excited", "proud", "grateful", "hopeful", "confident", "impressed"], "joy"
    ),
    "disgusted": "disgust", "surprised": "surprise", "jealous": "jealousy",
    **dict.fromkeys(["ashamed", "embarrassed", "guilty"], "shame_guilt"),
}  # fmt: skip


def family_to_coarse() -> dict[str, str]:
    """Each family's coarse label, from the main group in families.jsonl (a family whose group is no coarse label,
    such as exhaustion or confusion, is left out). No family list is kept here."""
    import listenwell

    coarse = set(ED_TO_COARSE.values())
    rules = listenwell.load_rules()
    return {f.id: f.groups[0] for f in rules.rows("families") if f.groups and f.groups[0] in coarse}


def evaldata_dir() -> Path:
    """../shared/evaldata beside the repo (override with LISTENWELL_EVALDATA)."""
    env = os.environ.get("LISTENWELL_EVALDATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "shared" / "evaldata", here / ".." / "shared" / "evaldata"):
        if candidate.exists():
            return candidate
    raise SystemExit("evaluation data not found: set LISTENWELL_EVALDATA to the shared/evaldata folder")


def empathetic_dialogues() -> list[tuple[str, str]]:
    """(text, label) rows of the EmpatheticDialogues development file."""
    with open(evaldata_dir() / "empathetic_dialogues_dev.csv", newline="", encoding="utf-8") as f:
        return [(r["text"], r["label"]) for r in csv.DictReader(f)]


def macro_f1(gold: list[str], pred: list[str | None]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the gold classes present; a None prediction is a miss."""
    classes = sorted(set(gold))
    per: dict[str, float] = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return sum(per.values()) / len(per), per
