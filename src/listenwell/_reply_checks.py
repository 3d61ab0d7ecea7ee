"""Checks every suggestion must pass: no closed or 'why' questions, no broken grammar, no roadblocks.

Used by the test suite (through ``tests/suggestion_checks.py``) and by ``benchmarks/eval_suggestions.py``, so
both hold the same bar; it lives in the package so that a benchmark never imports from ``tests/``. The checks
are written apart from the code they check (their own patterns, no rule table of the library): the engine does
not import this module.
"""

from __future__ import annotations

import re

from ._results import Listening

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


# --- the composed reply (Listening.reply) ---------------------------------------------------------------------
_WORD = re.compile(r"[a-z0-9']+")
# "my sister and I", "me and my mom": the message shows "we" is the writer and someone else, not the listener.
WE_OTHERS = re.compile(r"\b(?!you\b)\w+ and (?:i|me)\b|\bme and (?!you\b)\w+", re.I)
WE_WORDS = re.compile(r"\b(?:we|we're|we've|our|ours|us)\b", re.I)
NAMES_A_FEELING = re.compile(
    r"\b(?:you're feeling|you've been feeling|you sound|you must be|you're so|left you feeling)\b", re.I
)
MAX_REPLY_WORDS = 45  # "at most about 35 words"; safety replies keep their direct question whatever the length


def echo_run(reply: str, message: str) -> int:
    """The longest run of the message's words that the reply repeats word for word, in order.

    Found by growing n-gram sets (not the library's table), so the check is independent of the code it checks.
    """
    a, b = _WORD.findall(reply.lower()), _WORD.findall(message.lower())
    n = 0
    while True:
        size = n + 1
        grams = {tuple(b[i : i + size]) for i in range(len(b) - size + 1)}
        if not any(tuple(a[i : i + size]) in grams for i in range(len(a) - size + 1)):
            return n
        n = size


def grounded(r: Listening) -> bool:
    """A feeling may be named: the writer named one, or a confident situation implies one."""
    return any(
        e.experiencer == "speaker" and not e.negated
        and (e.source == "lexicon" or (e.source == "situation" and e.confidence >= 0.6))
        for e in r.analysis.emotions
    )  # fmt: skip


def reply_problems(r: Listening) -> list[str]:
    """Every way the composed reply breaks the bar; empty when it passes."""
    out: list[str] = []
    reply, message = r.reply, r.analysis.text
    if not reply.strip():
        return ["empty reply"]
    if r.mode == "safety":
        return out
    if echo_run(reply, message) >= 6:
        out.append(f"echo of {echo_run(reply, message)} words: {reply!r}")
    if WE_OTHERS.search(message) and WE_WORDS.search(reply):
        out.append(f"we/our left unswapped: {reply!r}")
    if not grounded(r) and NAMES_A_FEELING.search(reply):
        out.append(f"feeling named without grounds: {reply!r}")
    if len(reply.split()) > MAX_REPLY_WORDS:
        out.append(f"reply of {len(reply.split())} words: {reply!r}")
    questions = re.findall(r"[^.!?]*\?", reply)
    if len(questions) > 1:
        out.append(f"more than one question: {reply!r}")
    for q in questions:
        q = q.strip()
        if re.search(r"\bwhy\b", q, re.I):
            out.append(f"why: {reply!r}")
        elif CLOSED_OPENERS.search(q) or not OPEN_OPENERS.search(q):
            out.append(f"closed question: {reply!r}")
    if ROADBLOCKS.search(reply):
        out.append(f"roadblock: {reply!r}")
    if re.search(r"[a-z,] (?:You|Your|My|We|Our)\b", reply):
        out.append(f"capital inside a sentence: {reply!r}")
    return out
