"""The ``listenwell`` command: a readable demo of analyze/listen/review, batch files, rule checks and a server.

Exit codes: 0 success, 2 usage error, 1 any other failure; errors print one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from rich.console import Console

    from ._listener import Listener
    from ._results import Analysis, Listening, Review

__all__ = ["main"]

EXAMPLES = """examples:
  listenwell "I've been so stressed at work and it feels like you don't even notice"
  echo "I'm not angry, just tired" | listenwell --json
  listenwell review "Why didn't you just tell me? You should relax." --to "I had a horrible day"
  listenwell chat
  listenwell batch messages.jsonl -o replies.jsonl --processes 2
  listenwell rules check my_rules/
  listenwell serve --port 8000            (needs: pip install "listenwell[server]")

listenwell is a listening aid. It does not diagnose anything and is no substitute for professional help.
"""

SUBCOMMANDS = ("review", "chat", "batch", "rules", "serve")

FAMILY_STYLES = {
    "anger": "bold red", "frustration": "red", "hurt": "magenta", "sadness": "blue", "loneliness": "blue",
    "unseen": "magenta", "fear": "bold yellow", "anxiety": "yellow", "overwhelm": "yellow", "exhaustion": "cyan",
    "shame": "bright_magenta", "guilt": "bright_magenta", "disappointment": "blue", "jealousy": "green",
    "disgust": "green", "joy": "bold green", "love": "bold bright_red", "gratitude": "bright_green",
    "pride": "bold bright_green", "hope": "bright_cyan", "calm": "cyan", "excitement": "bold bright_yellow",
    "surprise": "bright_white", "confusion": "white",
}  # fmt: skip


class UsageError(Exception):
    """Bad command-line usage: exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _listener(args: argparse.Namespace) -> Listener:
    from . import Listener, default_listener

    rules = getattr(args, "rules", None)
    locale = getattr(args, "locale", None)
    if rules or locale:
        return Listener(rules=rules or None, locale=locale)
    return default_listener()


def _console(stream: Any = None) -> Console:
    from rich.console import Console

    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=True)


class InputError(Exception):
    """Input listenwell cannot read (exit 1)."""


def _utf8(value: str, where: str) -> str:
    """An argument as Python decoded it: bytes that were not UTF-8 arrive as lone surrogates (surrogateescape)."""
    for i, c in enumerate(value):
        if "\udc80" <= c <= "\udcff":
            raise InputError(
                f"{where} is not UTF-8 (byte 0x{ord(c) - 0xDC00:02x} at character {i + 1}); "
                "convert it first, e.g. with iconv -t UTF-8"
            )
    return value


def _read_message(value: str | None, where: str = "the message") -> str:
    if value is None or value == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("listenwell: give a message, or pipe one on stdin (see --help)")
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"standard input is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "convert it first, e.g. with iconv -t UTF-8"
            ) from None
        return text.replace("\r\n", "\n").replace("\r", "\n")  # newlines as text-mode stdin gives them
    return _utf8(value, where)


def _output(args: argparse.Namespace, result: Any, render: Any) -> int:
    """``--json`` prints ``result.to_dict()``; otherwise the readable rendering."""
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render(result, _console())
    return 0


# --- rendering ------------------------------------------------------------------------------------------------
def highlighted(analysis: Analysis) -> Any:
    """The message as rich Text, feeling words coloured by family and cues underlined."""
    from rich.text import Text

    text = Text(analysis.text)
    for c in analysis.cues:
        text.stylize("underline", c.start, c.end)
    for e in analysis.emotions:
        style = "strike dim" if e.negated else FAMILY_STYLES.get(e.family, "bold")
        text.stylize(style, e.start, e.end)
    return text


def render_listening(r: Listening, console: Console) -> None:
    from rich.text import Text

    a = r.analysis
    console.print(Text("Message", style="bold underline"))
    console.print(highlighted(a))
    notes = [
        ("not" if e.negated else "") + ("" if e.experiencer == "speaker" else f" {e.experiencer}") for e in a.emotions
    ]
    feelings = ", ".join(
        f"{e.family} ({e.text!r}{', ' + n.strip() if n.strip() else ''})"
        for e, n in zip(a.emotions, notes, strict=True)
    )
    console.print(
        f"[bold]Feelings:[/bold] {feelings or 'none named'}"
        + (f"  [dim]dominant: {a.dominant}[/dim]" if a.dominant else "")
    )
    console.print(
        f"[bold]Sentiment:[/bold] valence {a.valence:+.2f} (VADER compound {a.sentiment.compound:+.2f})"
        f"   [bold]Topics:[/bold] {', '.join(a.topics) or '-'}   [bold]Needs:[/bold] {', '.join(a.needs) or '-'}"
    )
    if a.cues:
        console.print("[bold]Cues:[/bold] " + ", ".join(f"{c.kind} ({c.text!r})" for c in a.cues))
    console.print(f"[bold]Mode:[/bold] {r.mode}")
    say = [s for s in r.suggestions if s.kind != "question"]
    ask = [s for s in r.suggestions if s.kind == "question"]
    console.print(Text("\nSay it back", style="bold underline"))
    for s in say:
        console.print(Text("  • ") + Text(s.text, style="green") + Text(f"  [{s.kind}]", style="dim"))
    if ask:
        console.print(Text("Ask", style="bold underline"))
        for s in ask:
            console.print(Text("  • ") + Text(s.text, style="cyan"))
    if r.resources:
        console.print(Text("\nSupport you can reach now", style="bold underline"))
        for res in r.resources:
            console.print(Text(f"  • {res.name}: {res.contact}", style="bold") + Text(f" ({res.about})", style="dim"))


def render_review(v: Review, console: Console) -> None:
    from rich.text import Text

    text = Text(v.draft)
    for f in v.flags:
        text.stylize("bold red underline", f.start, f.end)
    for s in v.strengths:
        text.stylize("green", s.start, s.end)
    console.print(Text("Draft", style="bold underline"))
    console.print(text)
    if not v.flags and not v.missed:
        console.print(Text("No roadblocks found.", style="bold green"))
    for f in v.flags:
        console.print(Text(f"\n✗ {f.kind}: ", style="bold red") + Text(repr(f.text)))
        console.print(Text(f"  {f.why}", style="dim"))
        console.print(Text("  Try: ", style="bold") + Text(f.suggestion, style="green"))
    for m in v.missed:
        console.print(Text(f"\n! missed {m.kind}: ", style="bold yellow") + Text(m.why))
        console.print(Text("  Try: ", style="bold") + Text(m.suggestion, style="green"))
    if v.strengths:
        console.print(
            Text("\nStrengths: ", style="bold green") + Text(", ".join(f"{s.kind} ({s.text!r})" for s in v.strengths))
        )
    console.print(Text("\nBalance: ", style="bold") + Text(v.balance.summary()))


# --- commands -------------------------------------------------------------------------------------------------
def cmd_listen(argv: Sequence[str]) -> int:
    p = _Parser(
        prog="listenwell",
        description="Read a partner's message; show its feelings and what you could say back.",
        epilog=EXAMPLES + "\nother commands: " + ", ".join(SUBCOMMANDS) + " (listenwell COMMAND --help)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("message", nargs="?", help="the message; '-' or nothing reads stdin")
    p.add_argument("--json", action="store_true", help="print Listening.to_dict() as JSON")
    p.add_argument("--seed", type=int, default=None, help="vary the suggestions (same seed, same output)")
    p.add_argument("--locale", default=None, help="locale for crisis resources, e.g. en_US, en_GB")
    p.add_argument("--rules", action="append", help="extra rule file or folder (repeatable)")
    args = p.parse_args(argv)
    r = _listener(args).listen(_read_message(args.message), seed=args.seed)
    return _output(args, r, render_listening)


def cmd_review(argv: Sequence[str]) -> int:
    p = _Parser(prog="listenwell review", description="Review a reply you drafted before you send it.")
    p.add_argument("draft", nargs="?", help="your draft; '-' or nothing reads stdin")
    p.add_argument("--to", dest="message", default=None, help="the partner's message you are answering")
    p.add_argument("--json", action="store_true", help="print Review.to_dict() as JSON")
    p.add_argument("--rules", action="append", help="extra rule file or folder (repeatable)")
    p.add_argument("--locale", default=None, help="locale for crisis resources, e.g. en_US, en-GB (default: LANG)")
    args = p.parse_args(argv)
    message = _utf8(args.message, "--to") if args.message is not None else None
    v = _listener(args).review(_read_message(args.draft, "the draft"), message=message)
    return _output(args, v, render_review)


def cmd_chat(argv: Sequence[str]) -> int:
    p = _Parser(
        prog="listenwell chat",
        description="Practice: paste what your partner said, get suggestions, type your reply, get a review. "
        "Type 'quit' or press Ctrl-D to stop.",
    )
    p.add_argument("--rules", action="append", help="extra rule file or folder (repeatable)")
    p.add_argument("--locale", default=None, help="locale for crisis resources, e.g. en_US, en-GB (default: LANG)")
    args = p.parse_args(argv)
    listener = _listener(args)
    console = _console()
    console.print("[bold]listenwell chat[/bold]: practice listening. Type 'quit' or press Ctrl-D to stop.")
    context: list[str] = []
    while True:
        try:
            message = input("\npartner> ")
        except EOFError:
            break
        if message.strip().lower() in {"quit", "exit"}:
            break
        if not message.strip():
            continue
        r = listener.listen(message, context=context)
        render_listening(r, console)
        context.append(message)
        try:
            draft = input("\nyour reply> ")
        except EOFError:
            break
        if draft.strip().lower() in {"quit", "exit"}:
            break
        if draft.strip():
            render_review(listener.review(draft, message=message), console)
            context.append(draft)
    console.print("\nTake care.")
    return 0


def cmd_batch(argv: Sequence[str]) -> int:
    from .batch import BatchError, Stopped, partial_path, run_batch

    p = _Parser(
        prog="listenwell batch",
        description='Run listen/analyze/review over a JSONL file ({"id", "text"} per line) or a CSV with a '
        "'text' column (and optional 'id'); write one JSON line per input line, in order. The output is written "
        "to OUTPUT.partial and renamed when done; a stopped run carries on with --resume.",
    )
    p.add_argument("input", help="input .jsonl or .csv file ('-' for JSONL on stdin)")
    p.add_argument("-o", "--output", default="-", help="output .jsonl file (default: stdout)")
    p.add_argument("--mode", choices=("listen", "analyze", "review"), default="listen")
    p.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--rules", action="append", help="extra rule file or folder (repeatable)")
    p.add_argument("--locale", default=None, help="locale for crisis resources, e.g. en_US, en-GB (default: LANG)")
    p.add_argument("--resume", action="store_true", help="keep the records in OUTPUT.partial and do the rest")
    args = p.parse_args(argv)
    if args.processes < 1:
        raise UsageError("listenwell batch: --processes must be 1 or more")
    try:
        stats = run_batch(
            args.input, args.output, mode=args.mode, processes=args.processes, rules=args.rules,
            progress=sys.stderr.isatty(), resume=args.resume, locale=args.locale,
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
    from . import check_rules

    p = _Parser(prog="listenwell rules", description="Work with rule files.")
    sub = p.add_subparsers(dest="action", required=True)
    check = sub.add_parser("check", help="validate a rule file or folder; report every problem")
    check.add_argument("path")
    args = p.parse_args(argv)
    problems = check_rules(args.path)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.path}", file=sys.stderr)
        return 1
    print(f"{args.path}: ok")
    return 0


def cmd_serve(argv: Sequence[str]) -> int:
    p = _Parser(prog="listenwell serve", description="Serve JSON over HTTP (needs listenwell[server]).")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--rules", action="append", help="extra rule file or folder (repeatable)")
    p.add_argument("--locale", default=None, help="default locale for crisis resources (a request may set its own)")
    p.add_argument("--max-body", type=int, default=None, help="largest request body in bytes (default 1,000,000)")
    p.add_argument("--time-budget", type=float, default=None, help="seconds per request before a 503 (default 10)")
    args = p.parse_args(argv)
    try:
        import uvicorn

        from .server import DEFAULT_MAX_BODY, DEFAULT_TIME_BUDGET, create_app
    except ImportError as exc:
        raise RuntimeError(
            f'the server needs extra packages: pip install "listenwell[server]" ({exc.name} missing)'
        ) from None
    max_body = DEFAULT_MAX_BODY if args.max_body is None else args.max_body
    budget = DEFAULT_TIME_BUDGET if args.time_budget is None else args.time_budget
    if max_body < 1 or not budget > 0:
        raise UsageError("listenwell serve: --max-body and --time-budget must be positive")
    app = create_app(rules=args.rules, max_body=max_body, time_budget=budget, locale=args.locale)
    # keep-alive longer than clients' own idle expiry (httpx: 5 s), so a reused connection is never cut mid-request
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_keep_alive=30)
    return 0


COMMANDS = {"review": cmd_review, "chat": cmd_chat, "batch": cmd_batch, "rules": cmd_rules, "serve": cmd_serve}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        if argv and argv[0] == "--":
            argv = argv[1:]
        return cmd_listen(argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("listenwell: interrupted", file=sys.stderr)
        return 1
    except SystemExit as exc:  # --help
        return int(exc.code or 0) if isinstance(exc.code, int) else 0
    except InputError as exc:
        print(f"listenwell: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback, for any failure
        print(f"listenwell: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
