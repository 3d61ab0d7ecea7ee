"""The ``listenwell`` command: a readable demo of analyze/listen/review, batch files, rule checks and a server.

Exit codes: 0 success, 2 usage error, 1 any other failure; errors print one line on stderr.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from ._errors import Errors, ExtraNotInstalled, InputError, ListenwellError, ServeError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from ._listener import Listener
    from ._loading import RuleSet
    from ._results import Analysis, Listening, Review

__all__ = ["main"]

EXAMPLES = """examples:
  listenwell "I've been so stressed at work and it feels like you don't even notice"
  listenwell --explain "I'm not angry, just tired"      (numbers and rule ids too)
  echo "I'm not angry, just tired" | listenwell --json
  listenwell review "Why didn't you just tell me? You should relax." --to "I had a horrible day"
  listenwell invite --topic work
  listenwell chat
  listenwell batch messages.jsonl -o replies.jsonl --processes 2
  listenwell rules check my_rules/
  listenwell serve --port 8000            (a web page and JSON; needs: pip install "listenwell[server]")

listenwell is a listening aid. It does not diagnose anything and is no substitute for professional help.
"""

SUBCOMMANDS = ("review", "invite", "chat", "batch", "rules", "serve")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit 2) and, where asked, the family colour key after the help."""

    def __init__(self, *args: Any, colour_key: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        self.colour_key = colour_key
        self.add_argument("--version", action="version", version=f"listenwell {_version()}",
                          help="print the version and exit")  # fmt: skip

    def error(self, message: str) -> NoReturn:
        """A usage error: raised as UsageError, printed on one line, exit code 2."""
        raise UsageError(Errors.E043.format(problem=message, prog=self.prog), self.prog)

    def print_help(self, file: Any = None) -> None:
        """argparse's help, then the family colour key where the command shows colours."""
        super().print_help(file)
        if self.colour_key:
            from rich.text import Text

            console = _console(file)
            console.print(Text("\nfeeling colours: ", style="bold") + colour_key())


def _version() -> str:
    from . import __version__

    return __version__


def _common(p: argparse.ArgumentParser, *, json_of: str | None = None, explain: bool = True) -> None:
    """The options every reading subcommand shares."""
    if json_of:
        p.add_argument("--json", action="store_true", help=f"print {json_of}.to_dict() as JSON instead of the view")
    if explain:
        p.add_argument("--explain", action="store_true", help="also show the numbers and the rule ids behind it")
    p.add_argument("--locale", default=None, help="locale for crisis resources, e.g. en_US, en-GB (default: LANG)")
    p.add_argument("--rules", action="append", metavar="PATH", help="extra rule file or folder (repeatable)")


def _listener(args: argparse.Namespace) -> Listener:
    """The Listener a command uses: its own for ``--rules`` or ``--locale``, else the shared default one."""
    from . import Listener, default_listener

    rules = getattr(args, "rules", None)
    locale = getattr(args, "locale", None)
    if rules or locale:
        return Listener(rules=rules or None, locale=locale)
    return default_listener()


def _console(stream: Any = None) -> Console:
    """A console that wraps at the terminal's width (80 columns when it cannot tell) on word boundaries."""
    from rich.console import Console

    return Console(file=stream or sys.stdout, highlight=False)


def _not_empty(text: str, what: str) -> str:
    if not text.strip():
        raise UsageError(Errors.E044.format(what=what))
    return text


def _utf8(value: str, where: str) -> str:
    """An argument as Python decoded it: bytes that were not UTF-8 arrive as lone surrogates (surrogateescape)."""
    for i, c in enumerate(value):
        if "\udc80" <= c <= "\udcff":
            raise InputError(Errors.E045.format(where=where, byte=ord(c) - 0xDC00, position=f"character {i + 1}"))
    return value


def _read_message(value: str | None, where: str = "the message") -> str:
    """The message from an argument, or from standard input for None or '-' (E046 when stdin is a terminal, E045 when it
    is not UTF-8)."""
    if value is None or value == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError(Errors.E046)
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            where, byte, position = "standard input", data[exc.start], f"offset {exc.start}"
            raise InputError(Errors.E045.format(where=where, byte=byte, position=position)) from None
        return text.replace("\r\n", "\n").replace("\r", "\n")  # newlines as text-mode stdin gives them
    return _utf8(value, where)


def _output(args: argparse.Namespace, result: Any, render: Any) -> int:
    """``--json`` prints ``result.to_json()``; otherwise the readable rendering (``--explain``: numbers too)."""
    if args.json:
        sys.stdout.write(result.to_json(indent=2) + "\n")
    else:
        render(result, _console(), explain=args.explain)
    return 0


# --- rendering ------------------------------------------------------------------------------------------------
def _style(family: str, rules: RuleSet | None = None) -> str:
    """The rich style of a family's feeling words: bold, in its colour from ``rules`` (the shipped ones when None)."""
    from ._palette import family_colour

    return f"bold {family_colour(family, rules)}"


def colour_key() -> Any:
    """The family colours as rich Text: each family id written in its own colour."""
    from rich.text import Text

    from ._rules import FAMILIES

    key = Text()
    for i, family in enumerate(FAMILIES):
        if i:
            key.append(", ")
        key.append(family, style=_style(family))
    return key


def highlighted(analysis: Analysis, rules: RuleSet | None = None) -> Any:
    """The message as rich Text, feeling words coloured by family (struck through when negated), cues underlined;
    ``rules``: the rules whose ``colour`` column colours them (a user's family too), the shipped ones when None."""
    from rich.text import Text

    text = Text(analysis.text)
    for c in analysis.cues:
        text.stylize("underline", c.start, c.end)
    for e in analysis.emotions:
        style = "strike dim" if e.negated else _style(e.family, rules)
        text.stylize(style, e.start, e.end)
    return text


def _grid(rows: Sequence[tuple[Any, Any]]) -> Any:
    """Two columns; the second wraps on word boundaries with its continuation lines under its first word."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for left, right in rows:
        grid.add_row(left, right if not isinstance(right, str) else Text(right))
    return grid


def _rows(console: Console, rows: Sequence[tuple[str, Any]], label_style: str = "bold") -> None:
    """Label/value rows that wrap at the terminal width with a hanging indent under each value."""
    from rich.text import Text

    console.print(_grid([(Text(label, style=label_style), value) for label, value in rows]))


def _bullet_grid(items: Sequence[Any], bullet: str = "•") -> Any:
    from rich.text import Text

    return _grid([(Text(f" {bullet}"), item) for item in items])


def _bullets(console: Console, items: Sequence[Any], bullet: str = "•") -> None:
    """Bulleted lines, each wrapped with its continuation lines under its first word."""
    console.print(_bullet_grid(items, bullet))


def _heading(console: Console, title: str) -> None:
    from rich.text import Text

    console.print(Text(title, style="bold underline"))


def _feelings(analysis: Analysis) -> Any:
    """The feelings in plain words: family, then the words it rests on; negated ones say so."""
    from rich.text import Text

    out = Text()
    for i, e in enumerate(analysis.emotions):
        if i:
            out.append(", ")
        if e.negated:
            out.append(f"not {e.family}", style="dim")
        else:
            out.append(e.family, style=_style(e.family))
        note = {"other": ", someone else's", "listener": ", yours"}.get(e.experiencer, "")
        out.append(f" ({e.text!r}{note})", style="dim")
    return out if analysis.emotions else Text("none named", style="dim")


def render_listening(
    r: Listening, console: Console, *, explain: bool = False, rules: RuleSet | None = None
) -> None:
    """The person-first view: their message, their feelings, the reply; ``explain`` adds numbers and rule ids;
    ``rules``: the Listener's rules, whose family colours the message is shown in."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    a = r.analysis
    _heading(console, "Their message")
    _bullets(console, [highlighted(a, rules)], bullet=" ")
    _rows(console, [("They may feel", _feelings(a))])
    if r.mode == "safety":
        parts: list[Any] = [
            Text("Take this seriously and stay with them.", style="bold"),
            Text("You could say", style="bold underline"),
            _bullet_grid([Text(r.reply, style="bold")], bullet=" "),
        ]
        others = [s.text for s in r.suggestions if s.text not in r.reply]
        if others:
            parts += [Text("Or", style="bold underline"), _bullet_grid(others)]
        if r.resources:
            parts.append(Text("Support you can reach now", style="bold underline"))
            parts.append(
                _bullet_grid(
                    [Text(f"{res.name}: {res.contact}", style="bold") + Text(f" ({res.about})") for res in r.resources]
                )
            )
        console.print(
            Panel(Group(*parts), title="Safety first", title_align="left", border_style="bold red", expand=True)
        )
    else:
        console.print()
        _heading(console, "You could say")
        _bullets(console, [Text(r.reply, style="bold")], bullet=" ")
        say = [s for s in r.suggestions if s.kind not in ("question", "professional_help") and s.text not in r.reply]
        ask = [s for s in r.suggestions if s.kind == "question" and s.text not in r.reply]
        offers = [s for s in r.suggestions if s.kind == "professional_help"]
        if say:
            _heading(console, "Or")
            _bullets(console, [s.text for s in say])
        if ask:
            _heading(console, "What to ask")
            _bullets(console, [s.text for s in ask])
        if offers:
            _heading(console, "If it would help")
            _bullets(console, [s.text for s in offers])
        if r.resources:
            _heading(console, "Support")
            _bullets(console, [f"{res.name}: {res.contact} ({res.about})" for res in r.resources])
    if explain:
        _explain_listening(r, console)


def _explain_listening(r: Listening, console: Console) -> None:
    """The numbers and rule ids behind a Listening, each named for what it is."""
    a = r.analysis
    console.print()
    _heading(console, "Why (--explain)")
    rows: list[tuple[str, Any]] = [
        ("Mode", r.mode),
        ("Valence", f"{a.valence:+.2f} (listenwell's reading: VADER corrected by the feelings and cues found)"),
        ("VADER", f"compound {a.sentiment.compound:+.2f}, pos {a.sentiment.pos:.2f}, neu {a.sentiment.neu:.2f}, "
                  f"neg {a.sentiment.neg:.2f} (the words' tone alone)"),
        ("Dominant", a.dominant or "-"),
        ("Topics", ", ".join(a.topics) or "-"),
        ("Needs", ", ".join(a.needs) or "-"),
    ]  # fmt: skip
    for e in a.emotions:
        flags = [
            n
            for n, on in (
                ("negated", e.negated), ("read from a negated opposite", e.via_negation), ("hedged", e.hedged),
                ("intensified", e.intensified),
            )
            if on
        ]  # fmt: skip
        rows.append(
            (
                "Feeling",
                f"{e.family} {e.text!r} [{e.start}:{e.end}] intensity {e.intensity:.2f}, {e.source} "
                f"(confidence {e.confidence:.2f}), {e.experiencer}{', ' + ', '.join(flags) if flags else ''}; "
                f"rule {e.rule}",
            )
        )
    for c in a.cues:
        about = f", about {c.about}" if c.about else ""
        rows.append(("Cue", f"{c.kind} {c.text!r}{about}; rule {c.rule}"))
    for s in r.suggestions:
        rows.append(
            ("Suggestion", f"{s.kind}: rule {s.rule}" + (f" (from {', '.join(s.evidence)})" if s.evidence else ""))
        )
    for res in r.resources:
        rows.append(("Resource", f"{res.name}: rule {res.rule}, locale {res.locale}"))
    _rows(console, rows, label_style="dim bold")


def render_review(v: Review, console: Console, *, explain: bool = False) -> None:
    """A Review for the terminal: the draft with flags marked, each flag's why and try, what was missed,
    strengths and balance (``explain``: the rules behind them).
    """
    from rich.text import Text

    text = Text(v.draft)
    for s in v.strengths:
        text.stylize("green", s.start, s.end)
    for f in v.flags:
        text.stylize("bold red underline", f.start, f.end)
    _heading(console, "Your draft")
    _bullets(console, [text], bullet=" ")
    if not v.flags and not v.missed:
        console.print(Text("No roadblocks found.", style="bold green"))
    for f in v.flags:
        console.print()
        _rows(console, [(f"✗ {f.kind}", Text(repr(f.text)))], label_style="bold red")
        _rows(console, [("  Why", Text(f.why, style="dim")), ("  Try", Text(f.suggestion, style="green"))])
    for m in v.missed:
        console.print()
        _rows(console, [(f"! missed {m.kind}", Text(m.why))], label_style="bold yellow")
        _rows(console, [("  Try", Text(m.suggestion, style="green"))])
    if v.strengths:
        console.print()
        _rows(
            console,
            [("Strengths", ", ".join(f"{s.kind} ({s.text!r})" for s in v.strengths))],
            label_style="bold green",
        )
    _rows(console, [("Balance", v.balance.summary())])
    if explain:
        rows: list[tuple[str, Any]] = [("Ok to send", "yes" if v.ok else "no")]
        rows += [("Flag", f"{f.kind} [{f.start}:{f.end}]; rule {f.rule}") for f in v.flags]
        rows += [("Strength", f"{s.kind} [{s.start}:{s.end}]; rule {s.rule}") for s in v.strengths]
        console.print()
        _heading(console, "Why (--explain)")
        _rows(console, rows, label_style="dim bold")


def render_invite(openers: Sequence[Any], console: Console, *, explain: bool = False) -> None:
    """Openers for the terminal (``explain``: the rules behind them)."""
    _heading(console, "Ways to open the door")
    _bullets(console, [s.text for s in openers])
    if explain:
        console.print()
        _heading(console, "Why (--explain)")
        _rows(
            console, [("Opener", f"rule {s.rule} ({', '.join(s.evidence)})") for s in openers], label_style="dim bold"
        )


# --- commands -------------------------------------------------------------------------------------------------
def cmd_listen(argv: Sequence[str]) -> int:
    """``listenwell [MESSAGE]``: the feelings in a message and what to say back."""
    p = _Parser(
        prog="listenwell",
        description="Read a partner's message; show the feelings in it, what you could say back and what to ask.",
        epilog=EXAMPLES + "\nother commands: " + ", ".join(SUBCOMMANDS) + " (listenwell COMMAND --help)",
        colour_key=True,
    )
    p.add_argument("message", nargs="?", help="the message; '-' or nothing reads stdin")
    p.add_argument("--seed", type=int, default=None, help="vary the suggestions (same seed, same output)")
    _common(p, json_of="Listening")
    args = p.parse_args(argv)
    listener = _listener(args)
    r = listener.listen(_not_empty(_read_message(args.message), "the message"), seed=args.seed)
    return _output(args, r, functools.partial(render_listening, rules=listener.rules))


def cmd_review(argv: Sequence[str]) -> int:
    """``listenwell review DRAFT [--to MESSAGE]``: the review of a drafted reply."""
    p = _Parser(
        prog="listenwell review",
        description="Review a reply you drafted before you send it: habits that shut people down, and what the "
        "message needed that the draft does not give.",
    )
    p.add_argument("draft", nargs="?", help="your draft; '-' or nothing reads stdin")
    p.add_argument("--to", dest="message", default=None, metavar="MESSAGE",
                   help="the partner's message you are answering")  # fmt: skip
    _common(p, json_of="Review")
    args = p.parse_args(argv)
    message = _not_empty(_utf8(args.message, "--to"), "--to") if args.message is not None else None
    draft = _not_empty(_read_message(args.draft, "the draft"), "the draft")
    v = _listener(args).review(draft, message=message)
    return _output(args, v, render_review)


def cmd_invite(argv: Sequence[str]) -> int:
    """``listenwell invite``: openers for a partner who has not said anything yet."""
    from ._rules import INVITE_TOPICS

    p = _Parser(
        prog="listenwell invite",
        description="Openers for a partner who has not said anything yet: a few words about how you feel, no "
        "pressure, and one open question.",
    )
    p.add_argument("--topic", choices=INVITE_TOPICS, default=None, help="what you would like to hear about")
    p.add_argument("--feeling", default=None, metavar="FAMILY",
                   help="the feeling you have noticed in them, as a family id (e.g. sadness, exhaustion)")  # fmt: skip
    p.add_argument("-n", "--count", type=int, default=3, help="how many openers (default 3)")
    p.add_argument("--seed", type=int, default=None, help="vary the openers (same seed, same output)")
    _common(p, json_of="[Suggestion]")
    args = p.parse_args(argv)
    if args.count < 1:
        raise UsageError(Errors.E010.format(name="--count", value=args.count), p.prog)
    from ._invite import invite

    try:
        openers = invite(_listener(args), feeling=args.feeling, topic=args.topic, count=args.count, seed=args.seed)
    except ValueError as exc:  # a coded ArgumentValueError: an unknown feeling or topic
        raise UsageError(str(exc), p.prog) from None
    if args.json:
        sys.stdout.write(json.dumps([s.to_dict() for s in openers], ensure_ascii=False, indent=2) + "\n")
        return 0
    render_invite(openers, _console(), explain=args.explain)
    return 0


def cmd_chat(argv: Sequence[str]) -> int:
    """``listenwell chat``: practice turns, their message and your draft, until Ctrl-D."""
    from ._conversation import Conversation

    p = _Parser(
        prog="listenwell chat",
        description="Practice: paste what your partner said, get suggestions, type your reply, get a review. "
        "Type 'quit' or press Ctrl-D to stop.",
        colour_key=True,
    )
    p.add_argument("--seed", type=int, default=None, help="vary the suggestions (same seed, same output)")
    _common(p)
    args = p.parse_args(argv)
    conversation = Conversation(_listener(args), seed=args.seed, locale=args.locale)
    console = _console()
    console.print("[bold]listenwell chat[/bold]: practice listening. Type 'quit' or press Ctrl-D to stop.")
    while True:
        try:
            message = input("\npartner> ")
        except EOFError:
            break
        if message.strip().lower() in {"quit", "exit"}:
            break
        if not message.strip():
            console.print("[dim](type what they said, or 'quit')[/dim]")
            continue
        render_listening(conversation.add(message), console, explain=args.explain, rules=conversation.listener.rules)
        try:
            draft = input("\nyour reply> ")
        except EOFError:
            break
        if draft.strip().lower() in {"quit", "exit"}:
            break
        if draft.strip():
            render_review(conversation.add(draft, who="me"), console, explain=args.explain)
    console.print("\nTake care.")
    return 0


def cmd_batch(argv: Sequence[str]) -> int:
    """``listenwell batch IN OUT``: listen, analyse or review every row of a JSONL or CSV file."""
    from .batch import BatchError, Stopped, partial_path, run_batch

    p = _Parser(
        prog="listenwell batch",
        description='Run listen/analyze/review over a JSONL file ({"id", "text"} per line) or a CSV with a '
        "'text' column (and optional 'id'); write one record per input line, in order. The output is written "
        "to OUTPUT.partial and renamed when done; a stopped run carries on with --resume.",
    )
    p.add_argument("input", help="input .jsonl or .csv file ('-' for JSONL on stdin)")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    p.add_argument("--mode", choices=("listen", "analyze", "review"), default="listen",
                   help="listen: the reply and suggestions (default); analyze: feelings, cues, topics, needs; "
                   "review: the input's 'draft' (with an optional 'message') reviewed")  # fmt: skip
    p.add_argument("--format", choices=("jsonl", "csv"), default=None, dest="fmt",
                   help="jsonl: one JSON record per line; csv: flat columns (line, id, reply, mode, dominant, "
                   "feelings, error for listen). Default: csv when OUTPUT ends in .csv, else jsonl")  # fmt: skip
    p.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--resume", action="store_true", help="keep the records in OUTPUT.partial and do the rest")
    _common(p, explain=False)
    args = p.parse_args(argv)
    if args.processes < 1:
        raise UsageError(Errors.E010.format(name="--processes", value=args.processes), p.prog)
    fmt = args.fmt or ("csv" if args.output.lower().endswith(".csv") else "jsonl")
    try:
        stats = run_batch(
            args.input, args.output, mode=args.mode, processes=args.processes, rules=args.rules,
            progress=sys.stderr.isatty(), resume=args.resume, locale=args.locale, fmt=fmt,
        )  # fmt: skip
    except BatchError as exc:
        print(f"listenwell batch: {exc}", file=sys.stderr)
        return exc.code
    except (Stopped, KeyboardInterrupt) as exc:
        code = exc.code if isinstance(exc, Stopped) else 130
        name = str(exc) if isinstance(exc, Stopped) else "SIGINT"
        where = f"; carry on with --resume (done so far: {partial_path(args.output)})" if args.output != "-" else ""
        print(f"listenwell batch: stopped by {name}{where}", file=sys.stderr)
        return code
    resumed = f", {stats.skipped} already done" if stats.skipped else ""
    print(f"{stats.ok} ok, {stats.errors} errors{resumed}", file=sys.stderr)
    return 0


def cmd_rules(argv: Sequence[str]) -> int:
    """``listenwell rules check PATH``: every problem in a rule file or folder, with its code."""
    from . import check_rules

    p = _Parser(prog="listenwell rules", description="Work with rule files.")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION", help="check: validate rule files")
    check = sub.add_parser("check", help="validate a rule file or folder; report every problem",
                           description="Validate a rule file or folder; report every problem with its file, "
                           "line and key.")  # fmt: skip
    check.add_argument("path", help="a .jsonl rule file, or a folder laid out like listenwell's rules/")
    args = p.parse_args(argv)
    problems = check_rules(args.path)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.path}", file=sys.stderr)
        return 1
    print(f"{args.path}: ok")
    return 0


def _bind(host: str, port: int) -> Any:
    """A listening socket on host:port, or one line saying why not (exit 1)."""
    import socket

    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        reason = f"{exc.strerror}; give a name or address of this machine with --host"
        raise ServeError(Errors.E047.format(address=host, reason=reason)) from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        taken = exc.errno in (98, 48, 10048)
        reason = "the port is taken; choose another with --port" if taken else exc.strerror or str(exc)
        raise ServeError(Errors.E047.format(address=f"{host}:{port}", reason=reason)) from None
    sock.set_inheritable(True)
    return sock


def cmd_serve(argv: Sequence[str]) -> int:
    """``listenwell serve``: the web page and the JSON API over HTTP."""
    p = _Parser(
        prog="listenwell serve",
        description="Serve a web page at / (their message, your draft, the reply and the review) and JSON "
        'over HTTP at /v1/... (OpenAPI docs at /docs). Needs: pip install "listenwell[server]".',
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000; 0 picks a free one)")
    p.add_argument("--rules", action="append", metavar="PATH", help="extra rule file or folder (repeatable)")
    p.add_argument("--locale", default=None, help="default locale for crisis resources (a request may set its own)")
    p.add_argument("--max-body", type=int, default=None, help="largest request body in bytes (default 1,000,000)")
    p.add_argument("--time-budget", type=float, default=None, help="seconds per request before a 503 (default 10)")
    p.add_argument("--access-log", choices=("on", "off"), default="on",
                   help="one line per request on stderr: method, path, status, time, request id; never the "
                   "message text (default on)")  # fmt: skip
    args = p.parse_args(argv)
    if args.max_body is not None and args.max_body < 1:
        raise UsageError(Errors.E010.format(name="--max-body", value=args.max_body), p.prog)
    if args.time_budget is not None and not args.time_budget > 0:
        raise UsageError(Errors.E049.format(name="--time-budget", value=args.time_budget), p.prog)
    if not 0 <= args.port <= 65535:
        raise UsageError(Errors.E050.format(value=args.port), p.prog)
    try:
        import uvicorn

        from .server import DEFAULT_MAX_BODY, DEFAULT_TIME_BUDGET, create_app
    except ImportError as exc:
        raise ExtraNotInstalled(Errors.E048.format(name=exc.name)) from None
    max_body = DEFAULT_MAX_BODY if args.max_body is None else args.max_body
    budget = DEFAULT_TIME_BUDGET if args.time_budget is None else args.time_budget
    sock = _bind(args.host, args.port)
    if args.access_log == "on":
        import logging

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        access = logging.getLogger("listenwell.access")
        access.addHandler(handler)
        access.setLevel(logging.INFO)
        access.propagate = False
    app = create_app(rules=args.rules, max_body=max_body, time_budget=budget, locale=args.locale,
                     access_log=args.access_log == "on")  # fmt: skip
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"listenwell {_version()}: serving http://{shown}:{port}/ (JSON at /v1/..., docs at /docs); "
          "Ctrl-C stops", flush=True)  # fmt: skip
    # keep-alive longer than clients' own idle expiry (httpx: 5 s), so a reused connection is never cut mid-request
    config = uvicorn.Config(app, log_level="warning", timeout_keep_alive=30, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


COMMANDS = {
    "review": cmd_review, "invite": cmd_invite, "chat": cmd_chat, "batch": cmd_batch, "rules": cmd_rules,
    "serve": cmd_serve,
}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """The ``listenwell`` command: ``listenwell MESSAGE`` listens; ``review``, ``invite``, ``chat``, ``batch``,
    ``rules`` and ``serve`` are subcommands. Returns the exit code (2 for usage errors, 1 for bad input).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        if argv and argv[0] == "--":
            argv = argv[1:]
        return cmd_listen(argv)
    except UsageError as exc:
        print(f"{exc.prog}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("listenwell: interrupted", file=sys.stderr)
        return 1
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0) if isinstance(exc.code, int) else 0
    except ListenwellError as exc:  # input it cannot read, a bad rule file, a message too long, ...: the code first
        print(f"listenwell: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback, for any failure
        print(f"listenwell: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
