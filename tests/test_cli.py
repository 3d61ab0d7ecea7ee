"""The CLI, run as a user runs it: real files and real exit codes; a few tests start a real process (the JSON view,
batch with worker processes), the rest call ``cli.main`` in this process, which is what the process runs."""

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


def main(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None) -> tuple[int, str, str]:
    """The CLI in this process (fast): exit code, stdout, stderr."""
    import io

    from listenwell import cli

    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    try:
        code = cli.main(args)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def test_default_view_is_for_a_person_with_the_reply_first(capsys: pytest.CaptureFixture[str]) -> None:
    import listenwell

    text = "I've been so stressed at work and it feels like you don't even notice"
    code, out, err = main([text], capsys)
    assert code == 0, err
    for heading in ("Their message", "They may feel", "You could say"):
        assert heading in out
    assert out.index("Their message") < out.index("They may feel") < out.index("You could say")
    assert "overwhelm" in out
    reply = listenwell.listen(text).reply
    assert " ".join(reply.split()) in " ".join(out.split())
    assert out.index("You could say") < out.index(reply.split()[0])
    # numbers and rule ids wait for --explain
    for hidden in ("VADER", "valence", "Valence", "rule ", "reflect."):
        assert hidden not in out


def test_explain_shows_numbers_and_rule_ids_named_for_what_they_are(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(["--explain", "I'm not angry, just really tired"], capsys)
    assert code == 0, err
    assert "Why (--explain)" in out and "Valence" in out and "VADER" in out and "the words' tone alone" in out
    assert "rule anger." in out and "negated" in out and "rule reflect." in out
    assert "not anger" in out  # the view says the anger was denied


def test_json_output_is_listening_to_dict() -> None:
    import listenwell

    text = "I'm not angry, just tired"
    p = run(text, "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == listenwell.listen(text).to_dict()


@pytest.mark.parametrize("args", [(), ("-",)])
def test_reads_stdin(args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main([*args, "--json"], capsys, stdin="I got the job!!!")
    assert code == 0, err
    assert json.loads(out)["mode"] == "celebrate"


def test_safety_mode_has_its_own_panel(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(["I want to end my life"], capsys)
    assert code == 0
    assert "Safety first" in out and "Support you can reach now" in out and "crisis" in out.lower()
    panel = out[out.index("Safety first") :]
    assert panel.count("╭") + panel.count("╰") == 1  # the panel's bottom edge closes it after the resources
    assert "You could say" in panel and "Or\n" not in out[: out.index("Safety first")]


def test_help_shows_examples_and_a_colour_key_of_every_family(capsys: pytest.CaptureFixture[str]) -> None:
    from listenwell._rules import FAMILIES

    code, stdout, _err = main(["--help"], capsys)
    assert code == 0
    assert "examples:" in stdout and "listenwell review" in stdout and "professional help" in stdout
    key = " ".join(stdout[stdout.index("feeling colours:") :].split())
    assert all(f in key for f in FAMILIES)


def test_family_colours_are_distinct_even_in_256_colours() -> None:
    from rich.color import Color, ColorSystem

    from listenwell._palette import FAMILY_COLOURS
    from listenwell._rules import FAMILIES

    assert set(FAMILY_COLOURS) == set(FAMILIES)
    downgraded = {Color.parse(c).downgrade(ColorSystem.EIGHT_BIT).number for c in FAMILY_COLOURS.values()}
    assert len(downgraded) == len(FAMILIES)
    assert FAMILY_COLOURS["fear"] != FAMILY_COLOURS["excitement"]


@pytest.mark.parametrize(
    "cmd", [[], ["review"], ["invite"], ["chat"], ["batch"], ["rules"], ["rules", "check"], ["serve"]]
)
def test_every_option_has_help_text(cmd: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from listenwell import cli

    seen: list[object] = []
    monkeypatch.setattr(cli._Parser, "print_help", lambda self, file=None: seen.append(self))
    assert cli.main([*cmd, "--help"]) == 0
    parser = seen[0]
    for action in parser._actions:  # type: ignore[attr-defined]
        assert action.help, f"{' '.join(cmd) or 'listenwell'}: {action.option_strings or action.dest} has no help"
    options = {o for action in parser._actions for o in action.option_strings}  # type: ignore[attr-defined]
    assert "--version" in options
    if cmd[:1] != ["rules"]:  # every subcommand that reads messages takes a locale for the crisis resources
        assert "--locale" in options


@pytest.mark.parametrize("args", [["--version"], ["review", "--version"], ["batch", "--version"]])
def test_version(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    import listenwell

    assert main(args, capsys)[:2] == (0, f"listenwell {listenwell.__version__}\n")


def test_python_m_listenwell() -> None:
    import listenwell

    m = subprocess.run([sys.executable, "-m", "listenwell", "--version"], capture_output=True, text=True, env=ENV)
    assert m.returncode == 0 and m.stdout.strip() == f"listenwell {listenwell.__version__}"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [([""], None), (["   \t"], None), ([], "  \n"), (["-"], ""), (["review", ""], None),
     (["review", "ok", "--to", " "], None), (["review", "--to", "hi"], "\n")],
)  # fmt: skip
def test_empty_input_is_a_usage_error(args: list[str], stdin: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(args, capsys, stdin)
    assert code == 2, out
    assert "empty" in err and len(err.strip().splitlines()) == 1 and not out


def test_review_marks_flags_and_rewrites(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(["review", "Why didn't you just tell me? You should relax.", "--to", "I had a horrible day"],
                          capsys)  # fmt: skip
    assert code == 0, err
    assert "why_question" in out and "advice" in out and "  Try " in out
    data = json.loads(main(["review", "At least you still have a job.", "--to", "I got demoted today", "--json"],
                           capsys)[1])  # fmt: skip
    assert [f["kind"] for f in data["flags"]] == ["minimizing"]


def test_batch_jsonl_keeps_order_ids_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "I'm so tired of doing everything myself"}),
        "{not json",
        json.dumps({"id": 7, "text": 12}),
        json.dumps({"id": "d", "text": "We're engaged!!!"}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _stdout, stderr = main(["batch", str(src), "-o", str(out)], capsys)
    assert code == 0, stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3, 4]
    assert rows[0]["id"] == "a" and "listening" in rows[0]
    assert "error" in rows[1] and "not valid JSON" in rows[1]["error"]
    assert rows[2]["id"] == 7 and "error" in rows[2]
    assert rows[3]["listening"]["mode"] == "celebrate"
    assert "2 ok, 2 errors" in stderr


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


def test_batch_missing_file_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = main(["batch", str(tmp_path / "nope.jsonl")], capsys)
    assert code == 1 and "does not exist" in err


def test_rules_check_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "cues-mine.jsonl"
    bad.write_text(
        '{"id": "c1", "kind": "yelling", "phrase": "hey"}\n{"id": "c2", "kind": "request"}\n', encoding="utf-8"
    )
    code, out, _err = main(["rules", "check", str(bad)], capsys)
    assert code == 1
    assert f"{bad}:1: key 'kind'" in out and f"{bad}:2: key 'phrase': missing" in out
    good = tmp_path / "topics-mine.jsonl"
    good.write_text('{"id": "topic.surf", "topic": "health", "phrase": "surfing"}\n', encoding="utf-8")
    assert main(["rules", "check", str(good)], capsys)[0] == 0


def test_chat_reads_turns_until_eof(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(["chat"], capsys, "I had an awful day at work\nThat sucks, what happened?\nquit\n")
    assert code == 0, err
    assert "You could say" in out and "Your draft" in out and "Take care." in out


def test_chat_seed_varies_and_repeats(capsys: pytest.CaptureFixture[str]) -> None:
    turns = "I'm so tired of doing everything myself\n\nquit\n"
    first = main(["chat", "--seed", "1"], capsys, turns)[1]
    assert "You could say" in first and first == main(["chat", "--seed", "1"], capsys, turns)[1]
    others = {main(["chat", "--seed", str(n)], capsys, turns)[1] for n in (2, 3)}
    assert others - {first}


def test_batch_refuses_an_unknown_file_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("I feel so alone\n", encoding="utf-8")
    code, out, err = main(["batch", str(plain)], capsys)
    assert code == 2 and not out
    assert ".jsonl" in err and ".csv" in err and len(err.strip().splitlines()) == 1


def test_batch_error_records_name_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps(r) for r in [{"id": 1}, {"id": 2, "text": None}, {"id": 3, "text": " "}]) + "\n",
        encoding="utf-8",
    )
    rows = [json.loads(x) for x in main(["batch", str(src)], capsys)[1].splitlines()]
    assert "missing key 'text'" in rows[0]["error"] and "the keys are: id" in rows[0]["error"]
    assert "key 'text' is null" in rows[1]["error"] and "NoneType" not in rows[1]["error"]
    assert "key 'text' is empty" in rows[2]["error"]
    csv_src = tmp_path / "in.csv"
    csv_src.write_text("id,text\na,\nb,I miss you\n", encoding="utf-8")
    rows = [json.loads(x) for x in main(["batch", str(csv_src)], capsys)[1].splitlines()]
    assert "key 'text' is empty" in rows[0]["error"] and "listening" in rows[1]


def test_batch_csv_output_has_flat_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import listenwell

    src = tmp_path / "in.jsonl"
    texts = ["I feel so alone lately", "We're engaged!!!"]
    src.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)) + "\n{}\n")
    out = tmp_path / "out.csv"
    assert main(["batch", str(src), "-o", str(out)], capsys)[0] == 0
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["line", "id", "reply", "mode", "dominant", "feelings", "error"]
    for row, text in zip(rows, texts, strict=False):
        r = listenwell.listen(text)
        assert row["reply"] == r.reply and row["mode"] == r.mode and row["dominant"] == r.analysis.dominant
        assert row["feelings"].split("; ")[0] == r.analysis.emotions[0].family and not row["error"]
    assert rows[2]["error"] and not rows[2]["reply"]
    stdout = main(["batch", str(src), "--format", "csv", "--mode", "review"], capsys)[1]
    assert stdout.splitlines()[0] == "line,id,ok,flags,missed,error"


def test_serve_prints_its_url_and_a_taken_port_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, out, err = main(["serve", "--port", str(port)], capsys)
        assert code == 1 and not out
        assert len(err.strip().splitlines()) == 1 and "port is taken" in err
    proc = subprocess.Popen([*CLI, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=ENV)  # fmt: skip
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert "serving http://127.0.0.1:" in line and "/docs" in line
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_chat_shows_the_balance_and_no_contradiction(capsys: pytest.CaptureFixture[str]) -> None:
    """`chat` reviews a draft against the partner's turn (issue 12): the stance in one line, and never "No roadblocks
    found." above a missed feeling."""
    code, out, err = main(["chat"], capsys, "My grandma died last night and I feel so sad.\nMm-hmm.\nquit\n")
    assert code == 0, err
    assert "Balance" in out and "0 reflections, 0 open questions, 0 roadblocks" in out, out
    assert "! missed feeling" in out and "No roadblocks found." not in out, out
    code, out, err = main(["chat"], capsys, "I had an awful day.\nThat sounds so hard. What happened?\nquit\n")
    assert "1 reflection, 1 open question, 0 roadblocks" in out and "No roadblocks found." in out, out
