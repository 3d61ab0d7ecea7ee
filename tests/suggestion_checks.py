"""The reply checks the tests share with the benchmarks; they live in ``listenwell._reply_checks``."""

from listenwell._reply_checks import (
    BAD_GRAMMAR,
    CLOSED_OPENERS,
    MAX_REPLY_WORDS,
    OPEN_OPENERS,
    ROADBLOCKS,
    echo_run,
    grounded,
    problems_in,
    reply_problems,
)

__all__ = [
    "BAD_GRAMMAR", "CLOSED_OPENERS", "MAX_REPLY_WORDS", "OPEN_OPENERS", "ROADBLOCKS", "echo_run", "grounded",
    "problems_in", "reply_problems",
]  # fmt: skip
