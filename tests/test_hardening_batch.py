"""Batch never loses data: one record per input line whatever the line holds, no writing over the input, output
renamed into place only when done, SIGTERM/SIGINT reaped with 143/130, and kills at random points followed by
--resume give every record exactly once, in order."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts batch processes and signals them

CLI = [sys.executable, "-m", "listenwell.cli"]
ENV = {**os.environ, "NO_COLOR": "1"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=ENV, timeout=300)


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def batch(tmp_path: Path, *args: str) -> tuple[int, str]:
    """``listenwell batch ARGS`` in a fork of this process (see _Forked): exit code and stderr."""
    run_ = _Forked(list(args), tmp_path / "stderr.txt")
    return run_.wait(), (tmp_path / "stderr.txt").read_text()


def test_every_jsonl_line_gives_one_record(tmp_path: Path, lw: object) -> None:
    lines = [
        b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "I'm so tired"}).encode(),  # BOM on line 1
        b"",  # blank
        b'{"id": "b", "text": "caf\xe9"}',  # not UTF-8
        b'{"text": "hi", "seed": ' + b"7" * 5000 + b"}",  # an integer past Python's digit limit
        b"[" * 100_000 + b"]" * 100_000,  # RecursionError in json
        b'"I am so sad"',  # a bare JSON string is the text
        b'{"id": "\\udc2c", "text": "ok"}',  # a surrogate in the id
        b'{"id": 5}',  # no text
        b"{not json",
        b'{"id": "z", "text": "We got the apartment!!!\\ud83d"}',
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    code, stderr = batch(tmp_path, str(src), "-o", str(out))
    assert code == 0, stderr
    rows = records(out)
    assert [r["line"] for r in rows] == list(range(1, len(lines) + 1))
    ok = {r["line"] for r in rows if "error" not in r}
    assert ok == {1, 6, 7, 10}
    assert rows[0]["id"] == "a" and rows[6]["id"] == "\udc2c" and rows[7]["id"] == 5
    errors = {r["line"]: r["error"] for r in rows if "error" in r}
    assert "blank" in errors[2] and "not UTF-8" in errors[3] and "0xe9" in errors[3]
    assert "not valid JSON" in errors[4] and "nested" in errors[5] and "missing key 'text'" in errors[8]
    assert rows[5]["listening"]["analysis"]["dominant"] == "sadness"  # type: ignore[index]
    assert "4 ok, 6 errors" in stderr


def test_csv_with_bom_blank_rows_long_fields_and_bad_bytes(tmp_path: Path, lw: object) -> None:
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        w.writerows([["r1", "I feel alone"], [], ["r2", "x" * 200_000], ["r3", "I got the job!"]])
    with src.open("ab") as f:
        f.write(b"r4,bad \xff byte\n")
    out = tmp_path / "out.jsonl"
    code, stderr = batch(tmp_path, str(src), "-o", str(out), "--mode", "analyze")
    assert code == 0, stderr
    rows = records(out)
    assert [r.get("id") for r in rows] == ["r1", None, "r2", "r3", "r4"]  # the BOM did not hide the id column
    assert "analysis" in rows[0] and "analysis" in rows[3]
    assert "blank" in str(rows[1]["error"]) and "MessageTooLong" in str(rows[2]["error"])
    assert "not UTF-8" in str(rows[4]["error"])


def test_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl"
    src.write_text('{"text": "hi"}\n', encoding="utf-8")
    before = src.read_bytes()
    p = run("batch", str(src), "-o", str(src))
    assert p.returncode == 2 and "is the input" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert src.read_bytes() == before


def _input(tmp_path: Path, n: int) -> Path:
    rng = random.Random(n)
    texts = ["I feel so alone lately", "we won the game!", "I'm so tired of doing everything", "", "{bad"]
    lines = []
    for i in range(n):
        t = rng.choice(texts)
        lines.append(json.dumps({"id": f"m{i}", "text": t}) if t != "{bad" else "{bad")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def _records_in(partial: Path) -> int:
    return partial.read_bytes().count(b"\n") if partial.exists() else 0


def _wait_for_records(partial: Path, at_least: int, alive: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive():
        if _records_in(partial) >= at_least:
            return
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class _Forked:
    """``listenwell batch ...`` run by the CLI's main() in a forked copy of this process: the Listener loaded
    here is inherited, so a run starts at once (a fresh interpreter takes seconds)."""

    def __init__(self, args: list[str], stderr: Path) -> None:
        self.stderr = stderr
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into pytest
            code = 1
            try:
                fd = os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                os.dup2(fd, 2)
                sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
                from listenwell.cli import main

                code = main(["batch", *args])
                sys.stderr.flush()
            finally:
                os._exit(code)
        self.returncode: int | None = None

    def alive(self) -> bool:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode is None

    def wait(self) -> int:
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.returncode


def _check_stopped(code: int, sig: signal.Signals, stderr: str, out: Path, partial: Path) -> None:
    assert out.read_text(encoding="utf-8") == "previous output\n", "a stopped run touched the output"
    assert partial.exists()
    if sig == signal.SIGKILL:
        assert code == -signal.SIGKILL
    else:
        assert code == 128 + sig, stderr
        assert len(stderr.strip().splitlines()) == 1 and "--resume" in stderr, stderr


def _check_complete(out: Path, partial: Path, n: int) -> None:
    assert not partial.exists()
    rows = records(out)
    assert [r["line"] for r in rows] == list(range(1, n + 1)), "a record was lost or written twice"
    ids = [r.get("id") for r in rows]
    assert [i for i in ids if i is not None] == [f"m{k}" for k in range(n) if ids[k] is not None]


@pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc").exists(), reason="forks; reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killed_at_random_points_then_resumed_loses_and_repeats_nothing(
    tmp_path: Path, sig: signal.Signals, lw: object
) -> None:
    n = 200
    src = _input(tmp_path, n)
    out = tmp_path / "out.jsonl"
    partial = Path(str(out) + ".partial")
    rng = random.Random(int(sig))
    args = [str(src), "-o", str(out)]
    kills = 0
    for _scenario in range(5):  # on a fast, idle machine a run may finish before its signal: start the scenario over
        out.write_text("previous output\n", encoding="utf-8")
        partial.unlink(missing_ok=True)
        for attempt in range(3):  # kills at random points, each run after the first with --resume
            run_ = _Forked(args + (["--resume"] if attempt else []), tmp_path / "stderr.txt")
            _wait_for_records(partial, _records_in(partial) + rng.randint(1, 40), run_.alive)
            if run_.alive():  # (a run already reaped is gone: signalling it would raise ProcessLookupError)
                os.kill(run_.pid, sig)
            code = run_.wait()
            if code == 0:
                break  # it finished before the signal landed
            _check_stopped(code, sig, (tmp_path / "stderr.txt").read_text(), out, partial)
            kills += 1
        if kills:
            break
    assert kills, "no run was stopped part-way"
    final = _Forked([*args, "--resume"], tmp_path / "stderr.txt")
    assert final.wait() == 0, (tmp_path / "stderr.txt").read_text()
    _check_complete(out, partial, n)


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads /proc")
def test_sigterm_with_two_processes_reaps_the_workers(tmp_path: Path) -> None:
    n = 150
    src = _input(tmp_path, n)
    out = tmp_path / "out.jsonl"
    out.write_text("previous output\n", encoding="utf-8")
    partial = Path(str(out) + ".partial")
    args = [*CLI, "batch", str(src), "-o", str(out), "--processes", "2"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _wait_for_records(partial, 20, lambda: proc.poll() is None)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    stderr = proc.communicate(timeout=120)[1].decode()
    if proc.returncode != 0:
        _check_stopped(proc.returncode, signal.SIGTERM, stderr, out, partial)
        time.sleep(0.2)
        assert workers and not [w for w in workers if _alive(w)], "worker processes were left behind"
        p = subprocess.run([*args, "--resume"], capture_output=True, text=True, env=ENV, timeout=300)
        assert p.returncode == 0, p.stderr
    _check_complete(out, partial, n)
