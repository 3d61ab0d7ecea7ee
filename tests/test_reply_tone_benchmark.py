"""The reply-tone proxy of ``benchmarks/eval_reply_tone.py``: which register a reply's first lines are in."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from eval_reply_tone import tone  # noqa: E402

TONES = [
    ("Oh no, that sounds rough. How are you holding up?", "reflect", "neg"),
    ("Phew! You must be so relieved. How long had it been missing?", "celebrate", "pos"),
    ("Haha, no way. What happened next?", "reflect", "fun"),
    ("Thanks for telling me. Tell me more about what's been going on.", "reflect", "flat"),
    ("I'm taking this seriously, and I'm right here with you.", "safety", "safety"),
    ("Of course. Take the time you need.", "boundary", "boundary"),
    # only the first two sentences count: a warm word in a later question does not make the reply warm
    ("Okay. Got it. What's the best part of it for you?", "reflect", "flat"),
]


@pytest.mark.parametrize(("reply", "mode", "expected"), TONES, ids=[r[0][:30] for r in TONES])
def test_tone(reply: str, mode: str, expected: str) -> None:
    assert tone(reply, mode) == expected
