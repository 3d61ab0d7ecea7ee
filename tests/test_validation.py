"""All validation at load time: every phrase, ``unless`` and ``with`` compiles and every reference resolves when the
rules are loaded (and in ``check_rules``), review tables included; one error code per kind of problem."""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path

import pytest

import listenwell
from listenwell._errors import Errors, ListenwellError, RuleError
from listenwell._loading import ENGINE_WORD_CLASSES, _reference_problems, check_rules, load_rules

PACKAGE = Path(listenwell.__file__).parent
LEX = '{{"id": "mine.1", "family": "{family}", "phrase": "{phrase}", "intensity": 0.5, "term": "glad"}}'

# (file name, row, code, text the message must hold): one row per kind of problem a rule can have.
CASES = [
    ("lexicon-mine.jsonl", "{not json", "E003", "not valid JSON"),
    ("lexicon-mine.jsonl", "[1, 2]", "E017", "expected a JSON object"),
    ("lexicon-mine.jsonl", LEX.format(family="joy", phrase="so glad")[:-1] + ', "colour": "red"}', "E018", "'colour'"),
    ("topics-mine.jsonl", '{"id": "t", "topic": "work"}', "E019", "key 'phrase': missing"),
    (
        "lexicon-mine.jsonl",
        '{"id": "m", "family": "joy", "phrase": "x", "intensity": "high", "term": "t"}',
        "E020",
        "key 'intensity'",
    ),  # fmt: skip
    ("modifiers-mine.jsonl", '{"id": "m", "kind": "sometimes", "phrase": "x"}', "E021", "key 'kind'"),
    (
        "lexicon-mine.jsonl",
        '{"id": "m", "family": "joy", "phrase": "x", "intensity": 7, "term": "t"}',
        "E022",
        "outside 0..1",
    ),  # fmt: skip
    ("cues-mine.jsonl", '{"id": "c", "kind": "apology", "phrase": "sorry", "about": "abuse"}', "E024", "key 'about'"),
    ("lexicon-mine.jsonl", LEX.format(family="joy", phrase="... so glad"), "E025", "key 'phrase'"),
    ("lexicon-mine.jsonl", LEX.format(family="joy", phrase="so {gladwords}"), "E026", "{gladwords}"),
    ("lexicon-mine.jsonl", LEX.format(family="glee", phrase="so glad"), "E027", "'glee'"),
    (
        "lexicon-mine.jsonl",
        LEX.format(family="joy", phrase="so glad")[:-1] + ', "topic": "yachts"}',
        "E028",
        "'yachts'",
    ),  # fmt: skip
    (
        "templates-mine.jsonl",
        '{"id": "t", "mode": "reflect", "kind": "reflection", "text": "Hi.", "need": "naps"}',
        "E029",
        "'naps'",
    ),  # fmt: skip
    ("crisis_combinations-mine.jsonl", '{"id": "k", "about": "abuse", "groups": ["nowhere"]}', "E030", "'nowhere'"),
    ("cues-mine.jsonl", '{"id": "c", "kind": "shouting", "phrase": "hey"}', "E032", "'shouting'"),
    ("review/flags-mine.jsonl", '{"id": "f", "kind": "nagging", "phrase": "you always"}', "E033", "'nagging'"),
    (
        "templates-mine.jsonl",
        '{"id": "t", "mode": "reflect", "kind": "reflection", "text": "You {sing}."}',
        "E014",
        "{sing}",
    ),  # fmt: skip
]


def _write(path: Path, line: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(line + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "row", "code", "text"), CASES, ids=[c[2] for c in CASES])
def test_each_kind_of_problem_has_its_code_file_line_and_key(
    tmp_path: Path, name: str, row: str, code: str, text: str
) -> None:
    folder = tmp_path / "mine"
    path = _write(folder / name, row)
    with pytest.raises(RuleError) as info:
        load_rules(folder)
    message = str(info.value)
    assert message.startswith(f"{code} {path}:1: "), message
    assert text in message
    assert info.value.code == code
    assert isinstance(info.value, ListenwellError) and isinstance(info.value, ValueError)
    problems = check_rules(folder)  # `listenwell rules check` finds the same problem, not "ok"
    assert len(problems) == 1 and problems[0] == message


@pytest.mark.parametrize(
    ("row", "code", "named"),
    [
        ('{"kind": "crisis", "valence": -0.9, "learned_needs": ["away"]}', "E030 ", "'learned_needs'"),
        ('{"kind": "crisis", "valence": -0.9, "learned_gated": ["grief"]}', "E021 ", "'learned_gated'"),
        ('{"kind": "crisis", "valence": -0.9, "learned_concepts": ["away"]}', "E030 ", "'learned_concepts'"),
        ('{"kind": "crisis", "valence": -0.9, "learned_concept_threshold": 1.5}', "E0", "'learned_concept_threshold'"),
        ('{"kind": "crisis", "valence": -0.9, "learned_unless": ["{no_such_class}"]}', "E026 ", "'learned_unless'"),
        ('{"kind": "crisis", "valence": -0.9, "learned_unless": ["... tired"]}', "E025 ", "'learned_unless'"),
    ],
)
def test_the_learned_gate_names_known_groups_and_subtypes(tmp_path: Path, row: str, code: str, named: str) -> None:
    path = _write(tmp_path / "cue_kinds-mine.jsonl", row)
    problems = check_rules(path)
    assert problems and problems[0].startswith(code) and named in problems[0], problems


def test_one_code_per_kind() -> None:
    codes = [c[2] for c in CASES]
    assert len(set(codes)) == len(codes)


def test_review_tables_fail_at_load_not_at_the_first_review(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "review" / "flags-mine.jsonl",
        '{"id": "f", "kind": "advice", "phrase": "you should", "unless": ["{no_such_class}"]}',
    )
    with pytest.raises(RuleError, match=rf"^E026 {re.escape(str(path))}:1: key 'unless': unknown word class"):
        load_rules(tmp_path)
    assert check_rules(tmp_path)[0].startswith("E026 ")


def test_a_with_phrase_and_a_shared_unless_are_compiled_at_load(tmp_path: Path) -> None:
    path = _write(tmp_path / "cues-mine.jsonl", '{"id": "c", "kind": "request", "phrase": "help", "with": ["me ..."]}')
    with pytest.raises(RuleError, match=rf"^E025 {re.escape(str(path))}:1: key 'with': .*start or end with '...'"):
        load_rules(path)
    shared = _write(tmp_path / "cue_kinds-mine.jsonl", '{"kind": "request", "valence": 0.1, "unless": ["{nope}"]}')
    with pytest.raises(RuleError, match=r"^E026 .*cue_kinds-mine.jsonl:1: key 'unless'"):
        load_rules(shared)


@pytest.mark.parametrize(
    ("entry", "code", "named"),
    [
        ("want ... die", "E068", "class 'mine_gap', entry 'want ... die'"),  # a gap inside an entry
        ("~want to ...", "E068", "entry '~want to ...'"),  # at its end too: a class entry is no phrase
        ("{wanting} ... {die_verb}", "E068", "a gap '...' cannot stand inside a word class entry"),
        ("~use {it_them_s9} more", "E026", "unknown word class {it_them_s9}"),  # a class named in an entry must exist
    ],
)
def test_a_word_class_entry_is_words_not_a_phrase(tmp_path: Path, entry: str, code: str, named: str) -> None:
    """A gap or an unknown class inside a word class entry was read as literal tokens, so the entry silently never
    matched; now it is an error naming the file, the line and the key."""
    path = _write(tmp_path / "wordclasses-mine.jsonl", json.dumps({"id": "mine_gap", "words": ["fine", entry]}))
    with pytest.raises(RuleError) as info:
        load_rules(path)
    message = str(info.value)
    assert message.startswith(f"{code} {path}:1: key 'words'"), message
    assert named in message, message
    assert [p.split()[0] for p in check_rules(path)] == [code]


def test_a_written_ellipsis_in_a_word_class_is_the_token_norm() -> None:
    """'…' in a class the engine reads word by word stands for the written ellipsis ("good news… but")."""
    catch = load_rules().word_class("catch_turns")
    assert {"... but", "... and"} <= catch
    assert not any("\u2026" in w for w in catch)


def test_check_rules_lists_every_problem(tmp_path: Path) -> None:
    _write(tmp_path / "lexicon" / "a.jsonl", LEX.format(family="glee", phrase="so {gladwords}"))
    _write(tmp_path / "cues.jsonl", '{"id": "c", "kind": "shouting", "phrase": "... hey"}')
    codes = sorted(p.split()[0] for p in check_rules(tmp_path))
    assert codes == ["E025", "E026", "E027", "E032"]


def test_the_engine_word_classes_are_declared_and_missing_is_an_error() -> None:
    rules = load_rules()
    declared = {n for names in ENGINE_WORD_CLASSES.values() for n in names}
    assert declared <= set(rules.tables["wordclasses"])
    merged = {t: dict(rows) for t, rows in rules.tables.items()}
    del merged["wordclasses"]["sarcasm_openers"]
    problems = list(_reference_problems(merged, rules.origins))
    assert [p.code for p in problems] == ["E031"] and "sarcasm_openers" in str(problems[0])
    with pytest.raises(RuleError, match="^E031 "):
        rules.word_class("no_such_class")


def test_every_word_class_the_code_reads_is_declared() -> None:
    declared = {n for names in ENGINE_WORD_CLASSES.values() for n in names}
    used = set()
    for path in PACKAGE.glob("*.py"):
        used |= set(re.findall(r"""(?:word_class|\bwc)\(["']([a-z_]+)["']\)""", path.read_text(encoding="utf-8")))
    assert used, "the scan finds the engine's word classes"
    assert used <= declared, f"declare these in ENGINE_WORD_CLASSES: {sorted(used - declared)}"


def test_every_catalogue_entry_starts_with_its_code() -> None:
    entries = {k: v for k, v in vars(Errors).items() if re.fullmatch(r"E\d{3}", k)}
    assert len(entries) >= 30
    for code, message in entries.items():
        assert message.startswith(code + " "), code


def test_every_intentional_error_is_a_listenwell_error() -> None:
    """No bare ``raise TypeError(...)`` / ``ValueError(...)``: a ListenwellError subclass carries the code."""
    bare = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                func = node.exc.func
                if isinstance(func, ast.Name) and func.id in {"TypeError", "ValueError", "Exception", "RuntimeError"}:
                    bare.append(f"{path.name}:{node.lineno}")
    assert bare == [], bare


def test_every_error_class_of_the_package_is_a_listenwell_error() -> None:
    """Every exception class listenwell defines (but ``Stopped``, a signal, not an error) is a ListenwellError."""
    names = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id.endswith(("Error", "Exception")) and b.id != "BaseException"
                for b in node.bases
            ):
                names.append((path.stem, node.name))
    assert len(names) >= 10
    for module_name, name in names:
        module = importlib.import_module(f"listenwell.{module_name}")
        assert issubclass(getattr(module, name), ListenwellError), f"{module_name}.{name}"


def test_input_errors_keep_their_builtin_types() -> None:
    with pytest.raises(TypeError, match="^E001 ") as info:
        listenwell.analyze(b"bytes")  # type: ignore[arg-type]
    assert isinstance(info.value, ListenwellError)
    with pytest.raises(ValueError, match="^E008 ") as too_small:
        listenwell.Listener(rules=load_rules(), max_length=0)
    assert isinstance(too_small.value, ListenwellError)


# --- the command line, batch files and the server: each problem has its code ------------------------------------
def _cli(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    import io

    from listenwell.cli import main

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Tty())
    code = main(args)
    out, err = capsys.readouterr()
    assert not out and len(err.strip().splitlines()) == 1, (out, err)
    return code, err


@pytest.mark.parametrize(
    ("args", "exit_code", "start"),
    [
        (["batch"], 2, "listenwell batch: E043 the following arguments are required: input; see listenwell batch"),
        (["--no-such-flag", "hi"], 2, "listenwell: E043 unrecognized arguments: --no-such-flag"),
        (["  \t"], 2, "listenwell: E044 the message is empty; give the words"),
        (["review", "ok", "--to", " "], 2, "listenwell: E044 --to is empty"),
        (["caf\udce9"], 1, "listenwell: E045 the message is not UTF-8 (byte 0xe9 at character 4); convert"),
        ([], 2, "listenwell: E046 no message: give one as an argument, or pipe one on stdin"),
        (["invite", "--count", "0"], 2, "listenwell invite: E010 --count must be a positive int, got 0"),
        (["batch", "x.jsonl", "--processes", "0"], 2, "listenwell batch: E010 --processes must be a positive int"),
        (["serve", "--max-body", "0"], 2, "listenwell serve: E010 --max-body must be a positive int, got 0"),
        (["serve", "--time-budget", "-1"], 2, "listenwell serve: E049 --time-budget must be a positive number"),
        (["serve", "--port", "70000"], 2, "listenwell serve: E050 --port must be between 0 and 65535, got 70000"),
    ],
)  # fmt: skip
def test_each_command_line_problem_has_its_code(
    args: list[str], exit_code: int, start: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, err = _cli(args, capsys, monkeypatch)
    assert code == exit_code and err.startswith(start), err


def test_an_unknown_feeling_for_invite_keeps_its_code(
    lw: listenwell.Listener, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, err = _cli(["invite", "--feeling", "glee"], capsys, monkeypatch)
    assert code == 2 and err.startswith("listenwell invite: E041 unknown feeling 'glee'"), err


def test_serve_without_its_extra_and_on_a_taken_port(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket
    import sys

    from listenwell._errors import ExtraNotInstalled, ServeError
    from listenwell.cli import _bind

    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "uvicorn", None)  # import uvicorn -> ImportError, as without the extra
        code, err = _cli(["serve"], capsys, monkeypatch)
    assert code == 1 and err.startswith("listenwell: E048 the server needs extra packages (uvicorn is missing)"), err
    assert 'pip install "listenwell[server]"' in err and issubclass(ExtraNotInstalled, ImportError)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=rf"^E047 cannot serve on 127.0.0.1:{port}: the port is taken") as info:
            _bind("127.0.0.1", port)
    assert isinstance(info.value, OSError)


def test_each_batch_that_cannot_start_has_its_code(tmp_path: Path) -> None:
    from listenwell.batch import BatchError, InputNotFound, read_records, run_batch

    src = _write(tmp_path / "in.jsonl", '{"text": "hi"}')
    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    cases: list[tuple[dict[str, object], str, str]] = [
        ({"input_path": str(tmp_path / "in.txt"), "output_path": "-"}, "E051", "unknown file type (.txt)"),
        ({"input_path": str(folder), "output_path": "-"}, "E053", "the input"),
        ({"input_path": str(src), "output_path": str(tmp_path)}, "E053", "the output"),
        ({"input_path": str(src), "output_path": str(src)}, "E054", "is the input"),
        ({"input_path": str(src), "output_path": "-", "fmt": "xml"}, "E055", "'xml'"),
        ({"input_path": str(src), "output_path": str(tmp_path / "o.csv"), "fmt": "csv", "resume": True}, "E056", ""),
        ({"input_path": str(src), "output_path": "-", "resume": True}, "E057", "not stdout"),
        ({"input_path": str(src), "output_path": str(tmp_path / "no" / "o.jsonl")}, "E058", "o.jsonl.partial"),
    ]
    for kwargs, code, text in cases:
        with pytest.raises(BatchError, match=f"^{code} ") as info:
            run_batch(**kwargs)  # type: ignore[arg-type]
        assert text in str(info.value) and isinstance(info.value, ListenwellError), str(info.value)
    with pytest.raises(InputNotFound, match="^E052 input file .* does not exist; check the path") as missing:
        run_batch(str(tmp_path / "nope.jsonl"), "-")
    assert isinstance(missing.value, FileNotFoundError) and missing.value.code == 1
    header = tmp_path / "h.csv"
    header.write_text("id,words\n1,hi\n", encoding="utf-8")
    with pytest.raises(BatchError, match=r"^E059 .*h.csv: the CSV header needs a 'text' column .*found: 'id', 'words'"):
        list(read_records(str(header)))


def test_each_unusable_batch_record_has_its_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from listenwell import batch

    lines = b"\n".join([b"", b'{"text": "caf\xe9"}', b"{nope", b"[" * 100_000, b"1" * 5000])
    (tmp_path / "in.jsonl").write_bytes(lines + b"\n")
    reasons = [r.reason for _n, r in batch.read_records(str(tmp_path / "in.jsonl"))]  # type: ignore[union-attr]
    assert [r.split()[0] for r in reasons] == ["E060", "E045", "E003", "E062", "E062"], reasons
    assert reasons[1].startswith("E045 the line is not UTF-8 (byte 0xe9 at column 14)")
    csv_file = tmp_path / "in.csv"
    csv_file.write_bytes(b"id,text\n1,caf\xe9\n2,abcdefghijklmnopqrstuvwxyz\n")
    monkeypatch.setattr(batch, "_CSV_FIELD_LIMIT", 12)
    reasons = [r.reason for _n, r in batch.read_records(str(csv_file))]  # type: ignore[union-attr]
    assert reasons[0].startswith("E045 column 'text' is not UTF-8 (byte 0xe9 at character 4)"), reasons
    assert reasons[1].startswith("E061 not valid CSV (field larger than field limit"), reasons
    records: list[tuple[str, object, str]] = [
        ("listen", {"id": 1}, "E063 missing key 'text' (the keys are: id)"),
        ("listen", [1, 2], "E064 expected a JSON object with 'text'"),
        ("listen", {"text": None}, "E065 key 'text' is null"),
        ("listen", {"text": 5}, "E066 key 'text' must be a string, got int"),
        ("listen", {"text": "  "}, "E044 key 'text' is empty"),
        ("review", {"draft": "ok", "message": 3}, "E066 key 'message' must be a string"),
    ]
    for mode, record, start in records:  # each is refused before any Listener is needed
        out = batch.process_record(None, mode, 1, record)
        assert out["error"].startswith(f"RecordError: {start}"), out


def test_an_empty_text_sent_to_the_server_has_its_code() -> None:
    pytest.importorskip("fastapi")
    from listenwell._errors import ArgumentValueError
    from listenwell.server import _words

    with pytest.raises(ArgumentValueError, match="^E044 the text is empty; give the words themselves"):
        _words(" \n")
