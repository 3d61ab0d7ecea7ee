"""Checks every suggestion must pass: no closed or 'why' questions, no broken grammar, no roadblocks.

Used by the property tests and by benchmarks/eval_suggestions.py, so both hold the same bar.
"""

from __future__ import annotations

import re

from listenwell import Listening

CLOSED_OPENERS = re.compile(
    r"^(?:so,? |and |but |okay,? )?(do|does|did|is|are|was|were|am|can|could|will|would|should|have|has|had|"
    r"shall|may|might|must|don't|didn't|isn't|aren't|won't|wouldn't|can't|couldn't)\b",
    re.I,
)
OPEN_OPENERS = re.compile(r"^(?:so,? |and )?(what|how|tell me|which|where|when|who|walk me)\b", re.I)
BAD_GRAMMAR = re.compile(
    r"\b(you was|you is|you am|I is|I are|I were\b(?! to)|me am|me is|me are|he are|she are|they is|"
    r"you has|I has|a a|the the|you're are|I'm am|your are|you doesn't|I doesn't)\b",
    re.I,
)
ROADBLOCKS = re.compile(
    r"\b(at least|calm down|don't worry|do not worry|not a big deal|no big deal|look on the bright side|"
    r"everything happens for a reason|you're overreacting|you should|have you tried|"
    r"you need to (?!feel\b|be\b|hear\b|know\b)|"
    r"why don't you|if I were you|cheer up|it could be worse|get over it|relax)\b",
    re.I,
)


def problems_in(r: Listening) -> list[str]:
    """Every way a Listening breaks the bar; empty when it passes."""
    out: list[str] = []
    questions = 0
    for s in r.suggestions:
        text = s.text
        if BAD_GRAMMAR.search(text):
            out.append(f"grammar: {text!r}")
        if ROADBLOCKS.search(text):
            out.append(f"roadblock: {text!r}")
        if any(re.search(r"\bwhy\b", q, re.I) for q in re.findall(r"[^.!?]*\?", text)):
            out.append(f"why: {text!r}")
        if s.kind == "question":
            questions += 1
            for q in re.findall(r"[^.!?]*\?", text):
                q = q.strip()
                if CLOSED_OPENERS.search(q) or not OPEN_OPENERS.search(q):
                    out.append(f"closed question: {text!r}")
        elif r.mode != "safety" and "?" in text:
            out.append(f"question inside a {s.kind}: {text!r}")
        if "{" in text or "}" in text:
            out.append(f"unfilled slot: {text!r}")
    if r.mode == "boundary" and questions:
        out.append("boundary mode asked a question")
    others = len(r.suggestions) - questions
    if questions and others < 2 * questions:
        out.append(f"{others} reflections for {questions} questions")
    return out
