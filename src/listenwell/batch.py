"""Batch files: JSONL or CSV in, one JSON line out per input line, in order, ids kept.

A bad line becomes an error record for that line; the rest carry on.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TextIO

__all__ = ["BatchStats", "read_records", "process_record", "run_batch"]

_WORKER: Any = None


@dataclass
class BatchStats:
    ok: int = 0
    errors: int = 0


def read_records(path: str) -> Iterator[tuple[int, Any]]:
    """(line number, record or error string) for each input line. CSV rows become dicts of their columns."""
    stream: TextIO
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8", newline="")  # noqa: SIM115
    try:
        if path.lower().endswith(".csv"):
            reader = csv.DictReader(stream)
            if reader.fieldnames is None or not {"text", "draft"} & set(reader.fieldnames):
                raise ValueError(f"{path}: CSV needs a 'text' column (found: {', '.join(reader.fieldnames or [])})")
            for row in reader:
                yield reader.line_num, dict(row)
            return
        for lineno, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                yield lineno, f"not valid JSON ({exc.msg} at column {exc.colno})"
    finally:
        if stream is not sys.stdin:
            stream.close()


def process_record(listener: Any, mode: str, lineno: int, record: Any) -> dict[str, Any]:
    """One output record: {"line", "id", mode: result} or {"line", "id", "error"}."""
    out: dict[str, Any] = {"line": lineno}
    if isinstance(record, dict) and "id" in record:
        out["id"] = record["id"]
    try:
        if isinstance(record, str):
            raise ValueError(record)
        if isinstance(record, dict):
            text = record.get("draft" if mode == "review" else "text", record.get("message"))
        else:
            text = record
        if not isinstance(text, str):
            key = "draft" if mode == "review" else "text"
            raise ValueError(f"each line needs a string '{key}' (got {type(text).__name__})")
        if mode == "review":
            message = record.get("message") if isinstance(record, dict) else None
            out["review"] = listener.review(text, message=message).to_dict()
        elif mode == "analyze":
            out["analysis"] = listener.analyze(text).to_dict()
        else:
            out["listening"] = listener.listen(text).to_dict()
    except Exception as exc:  # noqa: BLE001 - the error record names it; the batch carries on
        out["error"] = f"{type(exc).__name__}: {exc}"
    return out


def _init_worker(rules: Sequence[str] | None) -> None:
    global _WORKER
    from . import Listener, default_listener

    _WORKER = Listener(rules=rules) if rules else default_listener()


def _work(args: tuple[str, int, Any]) -> dict[str, Any]:
    mode, lineno, record = args
    return process_record(_WORKER, mode, lineno, record)


def run_batch(
    input_path: str,
    output_path: str,
    *,
    mode: str = "listen",
    processes: int = 1,
    rules: Sequence[str] | None = None,
    progress: bool = False,
) -> BatchStats:
    """Process a whole file; returns how many lines succeeded and failed."""
    if input_path != "-" and not Path(input_path).exists():
        raise FileNotFoundError(f"input file {input_path} does not exist")
    records = [(mode, lineno, rec) for lineno, rec in read_records(input_path)]
    stats = BatchStats()
    out: TextIO = sys.stdout if output_path == "-" else open(output_path, "w", encoding="utf-8")  # noqa: SIM115
    bar = None
    try:
        if progress:
            from rich.progress import Progress

            bar = Progress(transient=True)
            bar.start()
            task = bar.add_task("listening", total=len(records))
        if processes > 1:
            pool = get_context("spawn").Pool(processes, initializer=_init_worker, initargs=(rules,))
            results: Iterator[dict[str, Any]] = pool.imap(_work, records, chunksize=32)
        else:
            _init_worker(rules)
            pool = None
            results = (_work(r) for r in records)
        try:
            for result in results:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                stats.errors += "error" in result
                stats.ok += "error" not in result
                if bar is not None:
                    bar.advance(task)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    finally:
        if bar is not None:
            bar.stop()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    return stats
