"""Errors raised by listenwell, with their messages in one catalogue (``Errors``), one code per kind of problem.

Every error listenwell raises on purpose is a ``ListenwellError``; the subclasses also subclass the built-in
error a caller would expect (``TypeError`` for a wrong type, ``ValueError`` for a bad value or a bad rule).
A code is never reused for another kind of problem: users grep logs for them.
"""

from __future__ import annotations

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
    "Errors",
    "ExtraNotInstalled",
    "InputError",
    "ListenwellError",
    "MessageTooLong",
    "PhraseError",
    "RecordError",
    "RuleError",
    "RulePathError",
    "RulesNotFound",
    "ServeError",
    "UsageError",
]


class Errors:
    """Message catalogue. Each entry is a format string that starts with its own code."""

    # --- arguments --------------------------------------------------------------------------------------------
    E001 = "E001 listenwell expects text as str, got {type_name}. Decode bytes first (text.decode('utf-8'))."
    E002 = (
        "E002 message is {length} characters; the limit is {limit}. "
        "Split it, or raise the limit with Listener(max_length=...)."
    )
    E006 = "E006 seed must be an int or None, got {type_name}."
    E007 = "E007 context must be a sequence of str (earlier turns), got {type_name}."
    E008 = "E008 max_length must be a positive int, got {value!r}."
    E009 = "E009 {caller} expects an iterable of messages, got one str. Pass [text], or call the one-message form."
    E010 = "E010 {name} must be a positive int, got {value!r}."
    E035 = "E035 n_process must be an int (-1: every core), got {type_name}."
    E036 = "E036 locale must be a str such as 'en_US' or None, got {type_name}."
    E037 = "E037 who must be 'partner' or 'me', got {who!r}."
    E038 = "E038 a turn is text (str), got {type_name}."
    E039 = "E039 a turn is empty; give the words themselves."
    E040 = "E040 distress_turns must be between 1 and distress_window ({window}), got {turns!r}."
    E041 = "E041 unknown feeling {feeling!r}; give a family id such as love, loneliness, anxiety or hope."
    E042 = "E042 unknown topic {topic!r}; choose one of: {topics}."
    # --- rule files and folders -------------------------------------------------------------------------------
    E004 = "E004 rules path {path} does not exist. Pass a .jsonl file or a folder laid out like listenwell's rules/."
    E005 = (
        "E005 cannot tell which table {path} belongs to. Name it after one of: {tables} "
        "(for example '{example}-mine.jsonl') or put it in a folder of that name."
    )
    E011 = "E011 {path} is a folder named like a rule file; rename it (rule files are JSON Lines files ending .jsonl)."
    E012 = (
        "E012 {path} would be ignored: rule files are JSON Lines ending .jsonl. Rename it, or move it out of {folder}."
    )
    E015 = "E015 cannot read rule file {path}: {reason}"
    E016 = (
        "E016 the shipped rule tables are missing: neither {package}/rules (an installed wheel) nor {checkout} "
        "(a source checkout) holds them. Reinstall listenwell."
    )
    # --- one row (the message is prefixed by where: file:line) ------------------------------------------------
    E003 = "E003 not valid JSON ({msg} at column {column})"
    E017 = "E017 expected a JSON object, got {type_name}"
    E018 = "E018 key '{key}': unknown key; allowed keys: {allowed}"
    E019 = "E019 key '{key}': missing (required{why})"
    E020 = "E020 key '{key}': expected {expected}, got {value!r}"
    E021 = "E021 key '{key}': unknown value {value!r}; expected one of: {allowed}"
    E022 = "E022 key '{key}': {value!r} is outside {lo:g}..{hi:g}"
    E023 = "E023 duplicate {key_name} {key!r} (first on line {first})"
    E024 = "E024 key '{key}': only {rows} carry it"
    E014 = "E014 key 'text': unknown slot {{{slot}}}; a template may use {slots}"
    E025 = "E025 key '{key}': {problem}"  # phrase syntax: '...' at an end, a bare '~', an empty phrase
    # --- references between tables ----------------------------------------------------------------------------
    E013 = "E013 {key_name} {key!r} is also defined at {first}; define each rule once across your files."
    E026 = "E026 key '{key}': unknown word class {{{name}}}; known: {known}"
    E027 = "E027 key '{key}': unknown family {value!r}; families are the ids in families.jsonl: {known}"
    E028 = "E028 key '{key}': unknown topic {value!r}"
    E029 = "E029 key '{key}': unknown need {value!r}"
    E030 = "E030 key {key!r}: no crisis signal has group {value!r}; known: {known}"
    E031 = "E031 word class {name!r} is missing; the engine reads it ({use}). Define it in a wordclasses*.jsonl file."
    E032 = "E032 key '{key}': unknown cue kind {value!r}; cue kinds are the kinds in cue_kinds.jsonl: {known}"
    E033 = (
        "E033 key '{key}': unknown review flag kind {value!r}; flag kinds are the rows of review/kinds.jsonl: {known}"
    )
    E067 = "E067 key 'from_tone': families {first!r} and {second!r} both stand for a {value} tone; give one family each"
    E068 = (
        "E068 key 'words': class {name!r}, entry {entry!r}: a gap '...' cannot stand inside a word class entry (it "
        "would be read as a written ellipsis, never as a gap); put the gap in the phrase that uses the class, or "
        "write '\u2026' for an ellipsis the text holds"
    )
    # --- the command line and the server ----------------------------------------------------------------------
    E043 = "E043 {problem}; see {prog} --help."  # argparse's own words for what was wrong
    E044 = "E044 {what} is empty; give the words themselves."
    E045 = "E045 {where} is not UTF-8 (byte 0x{byte:02x} at {position}); convert it first, e.g. with iconv -t UTF-8."
    E046 = "E046 no message: give one as an argument, or pipe one on stdin (see --help)."
    E047 = "E047 cannot serve on {address}: {reason}."
    E048 = 'E048 the server needs extra packages ({name} is missing); install them: pip install "listenwell[server]".'
    E049 = "E049 {name} must be a positive number, got {value!r}."
    E050 = "E050 --port must be between 0 and 65535, got {value!r}."
    # --- batch files (a run that cannot start; nothing is written) ----------------------------------------------
    E051 = (
        'E051 {path}: unknown file type ({suffix}); give a .jsonl file with one {{"text": ...}} object per line, '
        "or a .csv file with a 'text' column."
    )
    E052 = "E052 input file {path} does not exist; check the path, or give '-' to read JSONL from stdin."
    E053 = "E053 the {role} {path} is a folder; give a {want}."
    E054 = "E054 the output {path} is the input; write to another file."
    E055 = "E055 unknown output format {fmt!r}; use 'jsonl' or 'csv'."
    E056 = "E056 --resume works with JSONL output; drop --resume or use --format jsonl."
    E057 = "E057 --resume needs an output file (-o FILE), not stdout."
    E058 = "E058 cannot write {path}: {reason}; check that its folder exists and can be written to."
    E059 = "E059 {path}: the CSV header needs a 'text' column ('draft' to review); found: {found}."
    # --- one record of a batch file (the reason becomes that record's "error"; the batch carries on) ------------
    # a line that is not JSON is E003, text that is not UTF-8 E045, an empty text E044
    E060 = "E060 blank line: expected {what}."
    E061 = "E061 not valid CSV ({reason}); check this row's quotes."
    E062 = "E062 not valid JSON: {reason}."
    E063 = "E063 missing key '{key}' (the keys are: {keys}); give each record a '{key}'."
    E064 = "E064 expected a JSON object with '{key}' (or a JSON string), got {type_name}."
    E065 = "E065 key '{key}' is null; give the message as a string."
    E066 = "E066 key '{key}' must be a string, got {type_name}."


class ListenwellError(Exception):
    """Base class of every error listenwell raises on purpose."""


class ArgumentTypeError(ListenwellError, TypeError):
    """An argument of the wrong type (``analyze(b"...")``, a seed that is not an int, ...)."""


class ArgumentValueError(ListenwellError, ValueError):
    """An argument of the right type with a bad value (a max_length or batch_size below 1, ...)."""


class MessageTooLong(ListenwellError, ValueError):
    """The text is longer than the Listener's ``max_length``."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(Errors.E002.format(length=length, limit=limit))
        self.length = length
        self.limit = limit


class PhraseError(ListenwellError, ValueError):
    """A phrase that does not compile; the matcher re-raises it as a RuleError naming the row."""


class RulePathError(ListenwellError, ValueError):
    """A rule file or folder cannot be read as rules: missing, unreadable, or named so no table claims it."""


class RulesNotFound(ListenwellError, FileNotFoundError):
    """The shipped rule tables are not where the package looks for them (a broken install)."""


class UsageError(ListenwellError, ValueError):
    """Bad command-line usage (exit code 2): an unknown option, an empty message, a count below 1, ...
    ``prog`` is the command that was given (``"listenwell invite"``); the CLI prints ``"{prog}: {message}"``."""

    def __init__(self, message: str, prog: str = "listenwell") -> None:
        super().__init__(message)
        self.prog = prog


class InputError(ListenwellError, ValueError):
    """Input the command line cannot read: an argument or standard input that is not UTF-8 (exit code 1)."""


class ServeError(ListenwellError, OSError):
    """``listenwell serve`` cannot listen where it was asked to: an unknown host, a port taken (exit code 1)."""


class ExtraNotInstalled(ListenwellError, ImportError):
    """A feature needs an optional extra that is not installed (``pip install "listenwell[server]"``)."""


class RecordError(ListenwellError, ValueError):
    """One record of a batch file cannot be used (no text, a text that is not a string, ...). It becomes that
    record's ``"error"``; the batch carries on."""


class RuleError(ListenwellError, ValueError):
    """A rule row is malformed or refers to something that does not exist. The message names the file, the line
    and the key: ``"E026 rules/cues/mine.jsonl:3: key 'phrase': unknown word class {feelin}; known: ..."``.

    ``problem`` is one of the ``Errors`` row messages (it starts with its code); ``code`` is that code.
    """

    def __init__(self, where: str, problem: str) -> None:
        code, _, rest = problem.partition(" ")
        if not (len(code) == 4 and code[0] == "E" and code[1:].isdigit()):
            raise AssertionError(f"a rule problem without a code: {problem!r}")  # a bug here, not in the rules
        super().__init__(f"{code} {where}: {rest}")
        self.where = where
        self.problem = problem
        self.code = code
