"""The CLI driven through a pseudo-terminal, as a person would use it: chat turns, and wrapping at 80 columns."""

from __future__ import annotations

import os
import re
import sys

import pytest

import listenwell

pytestmark = pytest.mark.slow  # starts the CLI in a pseudo-terminal per test

pexpect = pytest.importorskip("pexpect")

# A terminal of 80 columns that tells its own size: no COLUMNS, so the CLI must ask the pty.
ENV = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | {"NO_COLOR": "1", "TERM": "xterm"}
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _screen(args: list[str]) -> list[str]:
    """What the CLI prints on an 80-column terminal, as lines without escape codes or trailing blanks."""
    child = pexpect.spawn(sys.executable, ["-m", "listenwell", *args], env=ENV, encoding="utf-8", timeout=60,
                          dimensions=(40, 80))  # fmt: skip
    out = child.read()
    child.close()
    assert child.exitstatus == 0, out
    return [_ANSI.sub("", line).rstrip() for line in out.replace("\r\n", "\n").split("\n")]


def _flat(lines: list[str]) -> str:
    """The screen's words in order, borders and bullets dropped: a word broken across lines shows up as two."""
    return " ".join(" ".join(line.strip("│ ").replace(" • ", " ") for line in lines).split())


@pytest.mark.parametrize(
    "args",
    [
        ["I've been so stressed at work and it feels like you don't even notice, and honestly I'm exhausted"],
        ["--explain", "I'm not angry, just really tired of carrying everything on my own"],
        ["I want to end my life"],
    ],
)
def test_80_columns_wrap_on_words_with_hanging_indents(args: list[str]) -> None:
    lines = _screen(args)
    assert max(len(line) for line in lines) <= 80
    r = listenwell.listen(args[-1])
    flat = _flat(lines)
    for text in [r.reply, *(s.text for s in r.suggestions), *(f"{x.name}: {x.contact}" for x in r.resources)]:
        assert " ".join(text.split()) in flat, text  # every word whole, in order
    # a wrapped line hangs under the text it continues, not at the margin
    wrapped = [b for a, b in zip(lines, lines[1:], strict=False) if a.startswith((" • ", "│  • ")) and b.strip()]
    assert wrapped and all(b.startswith(("   ", "│    ")) or b.lstrip("│ ").startswith("•") for b in wrapped)


def test_review_at_80_columns() -> None:
    draft = "Why didn't you just tell me earlier? You should relax and stop worrying about it so much."
    lines = _screen(["review", draft, "--to", "I had a horrible day"])
    assert max(len(line) for line in lines) <= 80
    v = listenwell.review(draft, message="I had a horrible day")
    flat = _flat(lines)
    for f in v.flags:
        assert " ".join(f.why.split()) in flat and " ".join(f.suggestion.split()) in flat


def test_chat_two_turns_in_a_terminal() -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "TERM": "dumb"}
    child = pexpect.spawn(sys.executable, ["-m", "listenwell.cli", "chat", "--explain"], env=env, encoding="utf-8",
                          timeout=60)  # fmt: skip
    try:
        child.expect("partner> ")
        child.sendline("I feel like you never listen to me")
        child.expect("You could say")
        child.expect("your reply> ")
        child.sendline("Why are you always so dramatic?")
        child.expect("why_question")
        child.expect("partner> ")
        child.sendline("It's about the dishes again")
        child.expect("Topics +chores")  # this turn's topic shows in the explanation
        child.expect("your reply> ")
        child.sendeof()
        child.expect("Take care.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
