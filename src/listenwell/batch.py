"""Batch files: JSONL or CSV in, one JSON line out per input line, in order, ids kept.

Every input line gives exactly one output record, in order: ``{"line": N, "id": ..., "<mode>": result}`` or, for a
line that cannot be used (blank, not UTF-8, not JSON, no text, text over the limit, ...), ``{"line": N, "id": ...,
"error": "<reason>"}``; the rest carry on. For a CSV file a record is a row (the header gives none), and ``line`` is
the row's last physical line. A UTF-8 byte-order mark is accepted in either format.

Input files end in ``.jsonl`` (or ``.ndjson``, ``.jl``) or ``.csv``; any other file type is refused before
anything is read. A record whose text is missing, null, not a string, empty or only whitespace is an error record
naming the key. ``fmt="csv"`` writes flat columns instead of JSON (``CSV_COLUMNS``: for listen ``line, id, reply,
mode, dominant, feelings, error``), the header first.

Output is written to ``<output>.partial`` and renamed to ``<output>`` only when the whole input is done, so a run
that is killed leaves the previous output as it was and a ``.partial`` file beside it. ``resume=True`` keeps the
records already in the ``.partial`` file (a torn last line is dropped) and carries on after them; with no
``.partial`` file it starts from the beginning. The output may
not be the input. Input is read and processed in windows, so memory does not grow with the file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from types import FrameType
from typing import IO, Any

from ._errors import Errors, ListenwellError, RecordError

__all__ = [
    "BatchStats", "BatchError", "InputNotFound", "Stopped", "read_records", "process_record", "run_batch",
    "partial_path", "flat_row", "CSV_COLUMNS",
]  # fmt: skip

_WORKER: Any = None
_BOM = b"\xef\xbb\xbf"
_CSV_FIELD_LIMIT = 64 * 1024 * 1024  # a longer field is read, then refused as too long by the Listener
_WINDOW = 512  # records in flight per process
INPUT_SUFFIXES = (".jsonl", ".ndjson", ".jl", ".csv")  # anything else is refused (a .txt would be all errors)


@dataclass
class BatchStats:
    ok: int = 0
    errors: int = 0
    skipped: int = 0  # records already in the .partial file when resuming


class BatchError(ListenwellError):
    """A batch that cannot start (the message, which starts with its code, says what to do); nothing is written.
    ``code``: the exit status."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class InputNotFound(BatchError, FileNotFoundError):
    """The input file does not exist (exit status 1)."""

    def __init__(self, path: str) -> None:
        super().__init__(Errors.E052.format(path=path), code=1)


class Stopped(BaseException):  # not an Exception: no "except Exception" may swallow it
    """The run got SIGTERM or SIGINT; ``code`` is the exit status (143 or 130)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.code = 128 + signum


@dataclass(frozen=True)
class Bad:
    """An input line that could not be read as a record: the reason, and the id if one could be read."""

    reason: str
    id: Any = None
    has_id: bool = False


def partial_path(output: str) -> Path:
    """Where the output is written until the run ends (``--resume`` continues from it)."""
    return Path(output + ".partial")


# --- reading ----------------------------------------------------------------------------------------------------
def _jsonl_records(stream: IO[bytes]) -> Iterator[tuple[int, Any]]:
    """(line number, record) for each line of a JSONL stream, a ``Bad`` in place of a line that is not UTF-8, blank or
    not JSON."""
    for lineno, raw in enumerate(stream, start=1):
        if lineno == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        raw = raw.rstrip(b"\r\n")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = Errors.E045.format(where="the line", byte=raw[exc.start], position=f"column {exc.start + 1}")
            yield lineno, Bad(where)
            continue
        if not line.strip():
            yield lineno, Bad(Errors.E060.format(what="a JSON object with 'text'"))
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, Bad(Errors.E003.format(msg=exc.msg, column=exc.colno))
        except RecursionError:
            yield lineno, Bad(Errors.E062.format(reason="nested too deeply to read; nest it less"))
        except ValueError as exc:  # an integer past Python's digit limit
            yield lineno, Bad(Errors.E062.format(reason=exc))


def _csv_records(stream: IO[bytes], path: str) -> Iterator[tuple[int, Any]]:
    """(line number, record) for each row of a CSV stream with a 'text' (or 'draft') column; a header without one is
    E059."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        try:
            header = next(reader)
        except StopIteration:
            return
        if any(_undecodable(h) for h in header) or not {"text", "draft"} & set(header):
            found = ", ".join(repr(h) for h in header)
            raise BatchError(Errors.E059.format(path=path, found=found or "nothing"))
        while True:
            before = reader.line_num
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield reader.line_num, Bad(Errors.E061.format(reason=exc))
                if reader.line_num == before:
                    return  # the reader cannot move past it
                continue
            if not row or not any(field.strip() for field in row):
                yield reader.line_num, Bad(Errors.E060.format(what="a row with 'text'"))
                continue
            record = dict(zip(header, row, strict=False))
            bad = next((k for k, v in record.items() if _undecodable(v)), None)
            if bad is not None:
                at = next(i for i, c in enumerate(record[bad]) if "\udc80" <= c <= "\udcff")
                byte = ord(record[bad][at]) - 0xDC00
                reason = Errors.E045.format(where=f"column {bad!r}", byte=byte, position=f"character {at + 1}")
                yield reader.line_num, Bad(reason, record.get("id"), "id" in record)
                continue
            yield reader.line_num, record
    finally:
        csv.field_size_limit(old_limit)
        text.detach()


def _undecodable(value: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in value) if not value.isascii() else False


def read_records(path: str) -> Iterator[tuple[int, Any]]:
    """(line number, record) for each input line, read lazily. CSV rows become dicts of their columns; a line that
    cannot be read becomes a ``Bad`` with the reason."""
    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    try:
        if path.lower().endswith(".csv"):
            yield from _csv_records(stream, path)
        else:
            yield from _jsonl_records(stream)
    finally:
        if path != "-":
            stream.close()


# --- one record -------------------------------------------------------------------------------------------------
def process_record(listener: Any, mode: str, lineno: int, record: Any) -> dict[str, Any]:
    """One output record: {"line", "id", mode: result} or {"line", "id", "error"}."""
    out: dict[str, Any] = {"line": lineno}
    if isinstance(record, Bad):
        if record.has_id:
            out["id"] = record.id
        out["error"] = record.reason
        return out
    if isinstance(record, dict) and "id" in record:
        out["id"] = record["id"]
    key = "draft" if mode == "review" else "text"
    try:
        if isinstance(record, str):  # a bare JSON string is the text itself
            text: Any = record
        elif isinstance(record, dict):
            if key not in record and (mode == "review" or "message" not in record):
                raise RecordError(Errors.E063.format(key=key, keys=", ".join(map(str, record)) or "none"))
            text = record.get(key, record.get("message"))
        else:
            raise RecordError(Errors.E064.format(key=key, type_name=type(record).__name__))
        if text is None:
            raise RecordError(Errors.E065.format(key=key))
        if not isinstance(text, str):
            raise RecordError(Errors.E066.format(key=key, type_name=type(text).__name__))
        if not text.strip():
            raise RecordError(Errors.E044.format(what=f"key '{key}'"))
        if mode == "review":
            message = record.get("message") if isinstance(record, dict) else None
            if message is not None and not isinstance(message, str):
                raise RecordError(Errors.E066.format(key="message", type_name=type(message).__name__))
            out["review"] = listener.review(text, message=message).to_dict()
        elif mode == "analyze":
            out["analysis"] = listener.analyze(text).to_dict()
        else:
            out["listening"] = listener.listen(text).to_dict()
    except Exception as exc:  # noqa: BLE001 - the error record names it; the batch carries on
        out["error"] = f"{type(exc).__name__}: {exc}"
    return out


CSV_COLUMNS = {
    "listen": ("line", "id", "reply", "mode", "dominant", "feelings", "error"),
    "analyze": ("line", "id", "dominant", "feelings", "valence", "topics", "needs", "cues", "error"),
    "review": ("line", "id", "ok", "flags", "missed", "error"),
}


def _feelings(analysis: dict[str, Any]) -> str:
    """The families felt (negated mentions left out), in order of first mention, joined by '; '."""
    seen: list[str] = []
    for e in analysis.get("emotions", ()):
        if not e.get("negated") and e["family"] not in seen:
            seen.append(e["family"])
    return "; ".join(seen)


def flat_row(mode: str, record: dict[str, Any]) -> dict[str, Any]:
    """An output record as flat CSV columns (``CSV_COLUMNS[mode]``); lists are joined by '; '."""
    row: dict[str, Any] = {"line": record["line"], "id": record.get("id", ""), "error": record.get("error", "")}
    if "listening" in record:
        r = record["listening"]
        row.update(reply=r["reply"], mode=r["mode"], dominant=r["analysis"]["dominant"] or "",
                   feelings=_feelings(r["analysis"]))  # fmt: skip
    elif "analysis" in record:
        a = record["analysis"]
        row.update(dominant=a["dominant"] or "", feelings=_feelings(a), valence=a["valence"],
                   topics="; ".join(a["topics"]), needs="; ".join(a["needs"]),
                   cues="; ".join(c["kind"] for c in a["cues"]))  # fmt: skip
    elif "review" in record:
        from ._results import Review

        v = record["review"]
        row.update(ok=Review.from_dict(v).ok, flags="; ".join(f["kind"] for f in v["flags"]),
                   missed="; ".join(m["kind"] for m in v["missed"]))  # fmt: skip
    return row


class _CsvOut:
    """Writes records as CSV rows, the header first (unless the file already has rows)."""

    def __init__(self, out: IO[str], mode: str, header: bool) -> None:
        self.mode = mode
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS[mode], extrasaction="ignore", lineterminator="\n")
        if header:
            self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        self.writer.writerow(flat_row(self.mode, record))


def _line(record: dict[str, Any]) -> str:
    """One JSON line; a lone surrogate (from a "\\udc2c" escape in an id) is kept as an escape, not a crash."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True)
    return line + "\n"


# --- workers ----------------------------------------------------------------------------------------------------
def _init_worker(rules: Sequence[str] | None, load: bool = True, locale: str | None = None) -> None:
    """In a worker: ignore SIGINT (the parent decides, and terminates the pool); load the Listener unless it was
    loaded before a fork and came along."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if load or _WORKER is None:
        from . import Listener, default_listener

        _WORKER = Listener(rules=rules, locale=locale) if rules or locale else default_listener()


def _work(args: tuple[str, int, Any]) -> dict[str, Any]:
    mode, lineno, record = args
    return process_record(_WORKER, mode, lineno, record)


# --- resume -----------------------------------------------------------------------------------------------------
def _written(partial: Path) -> tuple[set[int], int]:
    """Line numbers already in a .partial file, and the byte length of its complete lines (a torn tail is cut)."""
    done: set[int] = set()
    good = 0
    with open(partial, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break  # killed mid-write
            try:
                record = json.loads(raw)
                done.add(int(record["line"]))
            except (ValueError, KeyError, TypeError, RecursionError):
                break
            good += len(raw)
    return done, good


def _same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file (standard input, '-', never does)."""
    if a == "-" or b == "-":
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


# --- the run ----------------------------------------------------------------------------------------------------
def run_batch(
    input_path: str,
    output_path: str,
    *,
    mode: str = "listen",
    processes: int = 1,
    rules: Sequence[str] | None = None,
    progress: bool = False,
    resume: bool = False,
    locale: str | None = None,
    fmt: str = "jsonl",
) -> BatchStats:
    """Process a whole file; returns how many lines succeeded, failed and were already done.

    Raises ``BatchError`` for a run that cannot start (``InputNotFound``, also a ``FileNotFoundError``, for a
    missing input), ``Stopped`` on SIGTERM/SIGINT (workers reaped, the ``.partial`` file flushed).
    """
    if input_path != "-" and not input_path.lower().endswith(INPUT_SUFFIXES):
        suffix = Path(input_path).suffix or "no suffix"
        raise BatchError(Errors.E051.format(path=input_path, suffix=suffix))
    if input_path != "-" and not Path(input_path).exists():
        raise InputNotFound(input_path)
    if input_path != "-" and Path(input_path).is_dir():
        raise BatchError(Errors.E053.format(role="input", path=input_path, want=".jsonl or .csv file"))
    if _same_file(input_path, output_path) or (
        output_path != "-" and _same_file(input_path, str(partial_path(output_path)))
    ):
        raise BatchError(Errors.E054.format(path=output_path))
    if fmt not in ("jsonl", "csv"):
        raise BatchError(Errors.E055.format(fmt=fmt))
    if resume and fmt == "csv":
        raise BatchError(Errors.E056)
    if resume and output_path == "-":
        raise BatchError(Errors.E057)
    if output_path != "-" and Path(output_path).is_dir():
        raise BatchError(Errors.E053.format(role="output", path=output_path, want="file name"))

    stats = BatchStats()
    done: set[int] = set()
    out: IO[str]
    partial = partial_path(output_path) if output_path != "-" else None
    if partial is not None:
        if resume and partial.exists():
            done, good = _written(partial)
            with open(partial, "r+b") as f:
                f.truncate(good)
            stats.skipped = len(done)
        try:
            out = open(partial, "a" if done else "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise BatchError(Errors.E058.format(path=partial, reason=exc.strerror), code=1) from None
    else:
        out = sys.stdout

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise Stopped(signum)

    for sig in previous:
        signal.signal(sig, stop)
    pool = None
    bar = None
    completed = False
    try:
        todo = ((mode, n, rec) for n, rec in read_records(input_path) if n not in done)
        if progress:
            from rich.progress import Progress

            bar = Progress(transient=True)
            bar.start()
            task = bar.add_task("listening", total=None)
        _init_worker(rules, locale=locale)  # here first: forked workers inherit the loaded Listener
        for sig in previous:
            signal.signal(sig, stop)  # _init_worker set them for worker processes
        if processes > 1:
            fork = "fork" in get_all_start_methods()
            context = get_context("fork" if fork else "spawn")
            pool = context.Pool(processes, initializer=_init_worker, initargs=(rules, not fork, locale))
            results: Iterable[dict[str, Any]] = _windowed(pool, todo, processes)
        else:
            results = (_work(item) for item in todo)
        csv_out = _CsvOut(out, mode, header=not done) if fmt == "csv" else None
        for result in results:
            if csv_out is not None:
                csv_out.write(result)
            else:
                out.write(_line(result))
            out.flush()
            stats.errors += "error" in result
            stats.ok += "error" not in result
            if bar is not None:
                bar.advance(task)
        completed = True
    except BaseException:
        if pool is not None:
            pool.terminate()  # stop at once and reap the workers: no defunct processes are left behind
            pool.join()
            pool = None
        raise
    finally:
        try:  # the stop handlers stay until the run is wound down: a SIGTERM while the workers are joined stops
            # the run (exit 143, the partial file kept for --resume), never kills it half-finished
            if pool is not None:
                pool.close()
                pool.join()
            if bar is not None:
                bar.stop()
            if out is not sys.stdout:
                out.close()
            else:
                out.flush()
            if partial is not None and completed:
                os.replace(partial, output_path)  # all done: the finished output appears in one step
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    return stats


def _windowed(pool: Any, items: Iterator[tuple[str, int, Any]], processes: int) -> Iterator[dict[str, Any]]:
    """Results in order, with at most a window of records read ahead (Pool.imap alone would read the whole input)."""
    window = _WINDOW * processes
    while True:
        chunk = list(islice(items, window))
        if not chunk:
            return
        yield from pool.imap(_work, chunk, chunksize=max(1, min(32, len(chunk) // (processes * 4) or 1)))
