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
    E011 = "E011 {path} is a folder named like a rule file; rename it (rule files are JSON Lines files ending .jsonl)."
    E012 = (
        "E012 {path} would be ignored: rule files are JSON Lines ending .jsonl. Rename it, or move it out of {folder}."
    )
    E013 = "E013 {where}: {key_name} {key!r} is also defined at {first}; define each rule once across your files."
    E014 = "E014 key 'text': unknown slot {{{slot}}}; a template may use {slots}"
    E015 = "E015 cannot read rule file {path}: {reason}"


class ListenwellError(Exception):
    """Base class of every error listenwell raises on purpose."""


class MessageTooLong(ListenwellError, ValueError):
    """The text is longer than the Listener's ``max_length``."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(E.E002.format(length=length, limit=limit))
        self.length = length
        self.limit = limit


class RuleError(ListenwellError, ValueError):
    """A rule file is malformed. The message names the file, the line and the key.

    The code is E003, or the problem's own when it starts with one ("E014 key 'text': ...").
    """

    def __init__(self, where: str, problem: str) -> None:
        code, _, rest = problem.partition(" ")
        if len(code) == 4 and code[0] == "E" and code[1:].isdigit():
            message = f"{code} {where}: {rest}"
        else:
            message = E.E003.format(where=where, problem=problem)
        super().__init__(message)
        self.where = where
        self.problem = problem
