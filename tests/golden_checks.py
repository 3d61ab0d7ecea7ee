"""How a golden-table expectation is checked against an Analysis.

An expectation is a dict; every key present must hold:
  dominant: family id or None        families: families found, not negated     negated: families found negated
  absent: families not found (non-negated)    cues / no_cues: cue kinds present / absent
  topics / needs: ids present        hedged / intensified: families with that modifier
  experiencer: {"matched text": "speaker" | "listener" | "other"}
  valence: "negative" | "positive" | "neutral" (|valence| < 0.2)
"""

from __future__ import annotations

from typing import Any

from listenwell import Analysis

KEYS = {"dominant", "families", "negated", "absent", "cues", "no_cues", "topics", "needs", "hedged",
        "intensified", "experiencer", "valence"}  # fmt: skip


def check(a: Analysis, expected: dict[str, Any]) -> list[str]:
    """Every unmet expectation, as readable strings (empty when all hold)."""
    unknown = set(expected) - KEYS
    assert not unknown, f"unknown expectation keys {unknown}"
    live = {e.family for e in a.emotions if not e.negated}
    negated = {e.family for e in a.emotions if e.negated}
    cues = {c.kind for c in a.cues}
    found = [(e.family, e.text, e.negated, e.experiencer) for e in a.emotions]
    out: list[str] = []
    if "dominant" in expected and a.dominant != expected["dominant"]:
        out.append(f"dominant {a.dominant!r} != {expected['dominant']!r}; emotions {found}")
    for fam in expected.get("families", ()):
        if fam not in live:
            out.append(f"family {fam} not found; emotions {found}")
    for fam in expected.get("negated", ()):
        if fam not in negated:
            out.append(f"negated {fam} not found; emotions {found}")
    for fam in expected.get("absent", ()):
        if fam in live:
            out.append(f"family {fam} found but should not be; emotions {found}")
    for kind in expected.get("cues", ()):
        if kind not in cues:
            out.append(f"cue {kind} missing; cues {[(c.kind, c.text) for c in a.cues]}")
    for kind in expected.get("no_cues", ()):
        if kind in cues:
            out.append(f"cue {kind} present but should not be; cues {[(c.kind, c.text) for c in a.cues]}")
    for topic in expected.get("topics", ()):
        if topic not in a.topics:
            out.append(f"topic {topic} missing; topics {a.topics}")
    for need in expected.get("needs", ()):
        if need not in a.needs:
            out.append(f"need {need} missing; needs {a.needs}")
    for fam in expected.get("hedged", ()):
        if not any(e.family == fam and e.hedged for e in a.emotions):
            out.append(f"{fam} not hedged; emotions {[(e.family, e.text, e.hedged) for e in a.emotions]}")
    for fam in expected.get("intensified", ()):
        if not any(e.family == fam and e.intensified for e in a.emotions):
            out.append(f"{fam} not intensified; emotions {[(e.family, e.text, e.intensified) for e in a.emotions]}")
    for text, who in expected.get("experiencer", {}).items():
        got = [e.experiencer for e in a.emotions if e.text.lower() == text.lower()]
        if who not in got:
            out.append(f"experiencer of {text!r}: {got} != {who}")
    if "valence" in expected:
        v = a.valence
        sign = "neutral" if abs(v) < 0.2 else ("positive" if v > 0 else "negative")
        want = expected["valence"]
        if (want == "neutral" and sign != "neutral") or (want != "neutral" and sign != want):
            out.append(f"valence {v:+.2f} is {sign}, expected {want}")
    return out
