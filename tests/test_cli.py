"""The CLI, run as a user runs it: a subprocess, real files, real exit codes."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "listenwell.cli"]
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, env=ENV, timeout=120)


def test_summary_shows_message_feelings_and_grouped_suggestions() -> None:
    p = run("I've been so stressed at work and it feels like you don't even notice")
    assert p.returncode == 0, p.stderr
    out = p.stdout
    for heading in ("Message", "Feelings:", "Sentiment:", "Topics:", "Say it back", "Ask"):
        assert heading in out
    assert out.index("Message") < out.index("Sentiment:") < out.index("Say it back") < out.index("Ask")
    assert "overwhelm" in out and "work" in out


def test_json_output_is_listening_to_dict() -> None:
    import listenwell

    text = "I'm not angry, just tired"
    p = run(text, "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == listenwell.listen(text).to_dict()


@pytest.mark.parametrize("args", [(), ("-",)])
def test_reads_stdin(args: tuple[str, ...]) -> None:
    p = run(*args, "--json", stdin="I got the job!!!")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["mode"] == "celebrate"


def test_safety_resources_are_shown() -> None:
    p = run("I want to end my life")
    assert p.returncode == 0
    assert "Support you can reach now" in p.stdout and "crisis" in p.stdout.lower()


def test_help_shows_examples() -> None:
    p = run("--help")
    assert p.returncode == 0
    assert "examples:" in p.stdout and "listenwell review" in p.stdout and "professional help" in p.stdout


def test_usage_error_exit_2_one_line() -> None:
    p = run("--no-such-flag")
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1
    p = run("review", "hi", "--bogus")
    assert p.returncode == 2


def test_other_failure_exit_1_one_line() -> None:
    p = run("x" * 20_001)
    assert p.returncode == 1
    assert "MessageTooLong" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_review_marks_flags_and_rewrites() -> None:
    p = run("review", "Why didn't you just tell me? You should relax.", "--to", "I had a horrible day")
    assert p.returncode == 0, p.stderr
    assert "why_question" in p.stdout and "advice" in p.stdout and "Try:" in p.stdout
    j = run("review", "At least you still have a job.", "--to", "I got demoted today", "--json")
    data = json.loads(j.stdout)
    assert [f["kind"] for f in data["flags"]] == ["minimizing"]


def test_batch_jsonl_keeps_order_ids_and_errors(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "I'm so tired of doing everything myself"}),
        "{not json",
        json.dumps({"id": 7, "text": 12}),
        json.dumps({"id": "d", "text": "We're engaged!!!"}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = run("batch", str(src), "-o", str(out))
    assert p.returncode == 0, p.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3, 4]
    assert rows[0]["id"] == "a" and "listening" in rows[0]
    assert "error" in rows[1] and "not valid JSON" in rows[1]["error"]
    assert rows[2]["id"] == 7 and "error" in rows[2]
    assert rows[3]["listening"]["mode"] == "celebrate"
    assert "2 ok, 2 errors" in p.stderr


def test_batch_csv_with_two_processes(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    texts = [f"message {i}: I feel so alone lately" if i % 2 else f"message {i}: we won the game!" for i in range(40)]
    with src.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text"])
        w.writeheader()
        w.writerows({"id": f"m{i}", "text": t} for i, t in enumerate(texts))
    out = tmp_path / "out.jsonl"
    p = run("batch", str(src), "-o", str(out), "--processes", "2", "--mode", "analyze")
    assert p.returncode == 0, p.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"m{i}" for i in range(40)]
    assert all(r["analysis"]["text"] == t for r, t in zip(rows, texts, strict=True))


def test_batch_missing_file_exit_1(tmp_path: Path) -> None:
    p = run("batch", str(tmp_path / "nope.jsonl"))
    assert p.returncode == 1 and "does not exist" in p.stderr


def test_rules_check_reports_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "cues-mine.jsonl"
    bad.write_text(
        '{"id": "c1", "kind": "yelling", "phrase": "hey"}\n{"id": "c2", "kind": "request"}\n', encoding="utf-8"
    )
    p = run("rules", "check", str(bad))
    assert p.returncode == 1
    assert f"{bad}:1: key 'kind'" in p.stdout and f"{bad}:2: key 'phrase': missing" in p.stdout
    good = tmp_path / "topics-mine.jsonl"
    good.write_text('{"id": "topic.surf", "topic": "health", "phrase": "surfing"}\n', encoding="utf-8")
    assert run("rules", "check", str(good)).returncode == 0


def test_chat_reads_turns_until_eof() -> None:
    p = run("chat", stdin="I had an awful day at work\nThat sucks, what happened?\nquit\n")
    assert p.returncode == 0, p.stderr
    assert "Say it back" in p.stdout and "Take care." in p.stdout
