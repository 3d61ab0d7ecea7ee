"""`listenwell chat` driven through a pseudo-terminal for two turns, as a person would use it."""

from __future__ import annotations

import os
import sys

import pytest

pexpect = pytest.importorskip("pexpect")


def test_chat_two_turns_in_a_terminal() -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "TERM": "dumb"}
    child = pexpect.spawn(sys.executable, ["-m", "listenwell.cli", "chat"], env=env, encoding="utf-8", timeout=60)
    try:
        child.expect("partner> ")
        child.sendline("I feel like you never listen to me")
        child.expect("Say it back")
        child.expect("your reply> ")
        child.sendline("Why are you always so dramatic?")
        child.expect("why_question")
        child.expect("partner> ")
        child.sendline("It's about the dishes again")
        child.expect("Topics:[^\n]*chores")  # this turn's topic shows in the summary
        child.expect("Say it back")
        child.expect("your reply> ")
        child.sendeof()
        child.expect("Take care.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
