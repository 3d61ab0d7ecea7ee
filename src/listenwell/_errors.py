"""Errors raised by listenwell, with their messages in one catalogue."""

from __future__ import annotations

__all__ = ["ListenwellError", "MessageTooLong", "RuleError", "E"]


class E:
    """Message catalogue. Each entry is a format string; codes are stable for users who grep logs."""

    E001 = "E001 listenwell expects text as str, got {type_name}. Decode bytes first (text.decode('utf-8'))."
    E002 = (
        "E002 message is {length} characters; the limit is {limit}. "
        "Split it, or raise the limit with Listener(max_length=...)."
    )
    E003 = "E003 {where}: {problem}"
    E004 = "E004 rules path {path} does not exist. Pass a .jsonl file or a folder laid out like listenwell's rules/."
    E005 = (
        "E005 cannot tell which table {path} belongs to. Name it after one of: {tables} "
        "(for example '{example}-mine.jsonl') or put it in a folder of that name."
    )
    E006 = "E006 seed must be an int or None, got {type_name}."
    E007 = "E007 context must be a sequence of str (earlier turns), got {type_name}."
    E008 = "E008 max_length must be a positive int, got {value!r}."
    E009 = "E009 {caller} expects an iterable of messages, got one str. Pass [text], or call the one-message form."
    E010 = "E010 batch_size must be a positive int, got {value!r}."


class ListenwellError(Exception):
    """Base class of every error listenwell raises on purpose."""


class MessageTooLong(ListenwellError, ValueError):
    """The text is longer than the Listener's ``max_length``."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(E.E002.format(length=length, limit=limit))
        self.length = length
        self.limit = limit


class RuleError(ListenwellError, ValueError):
    """A rule file is malformed. The message names the file, the line and the key."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(E.E003.format(where=where, problem=problem))
        self.where = where
        self.problem = problem
