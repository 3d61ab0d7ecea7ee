"""Every shipped table loads; bad rule files fail with file, line and key, and nothing is half-loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import listenwell
from listenwell._loading import _iter_files, load_rules, shipped_rules_root, table_for
from listenwell._rules import CUE_KINDS, FAMILIES, FLAG_KINDS, SCHEMAS, TABLES


def test_every_shipped_file_belongs_to_a_table_and_loads() -> None:
    files = list(_iter_files(shipped_rules_root()))
    assert len(files) >= 20
    for parts, _entry in files:
        assert table_for(parts) in TABLES, parts
    rules = load_rules()
    for table in TABLES:
        assert len(rules.tables[table]) > 0, f"table {table} is empty"


def test_shipped_tables_meet_their_sizes() -> None:
    rules = load_rules()
    lexicon = rules.rows("lexicon")
    assert len(lexicon) >= 1200
    assert {r.family for r in lexicon} == set(FAMILIES)
    assert {r.kind for r in rules.rows("cues")} == set(CUE_KINDS)
    assert len({r.topic for r in rules.rows("topics")}) >= 12
    assert len(rules.rows("templates")) >= 400
    assert {r.kind for r in rules.rows("review_kinds")} == set(FLAG_KINDS)
    assert len(rules.rows("situations")) >= 300


def test_every_shipped_table_has_a_licence_note() -> None:
    for parts, entry in _iter_files(shipped_rules_root()):
        first = entry.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), f"{'/'.join(parts)} has no header comment"


def test_rules_are_read_only(lw: listenwell.Listener) -> None:
    with pytest.raises(TypeError):
        lw.rules.tables["lexicon"]["x"] = None  # type: ignore[index]


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


BAD_ROWS = [
    ('{"id": "x", "family": "angr", "phrase": "grr", "intensity": 0.5, "term": "cross"}', "key 'family'"),
    ('{"id": "x", "family": "anger", "phrase": "grr", "intensity": 5, "term": "cross"}', "key 'intensity'"),
    ('{"id": "x", "family": "anger", "phrase": "grr", "intensity": 0.5}', "key 'term': missing"),
    ('{"id": "x", "family": "anger", "phrase": "grr", "intensity": 0.5, "term": "c", "colour": 1}', "key 'colour'"),
    ('{"id": "x", "family": "anger", "phrase": "grr", "intensity": "high", "term": "c"}', "key 'intensity'"),
    ('{"id": "x", "family": "anger", "phrase": "grr", "intensity": 0.5, "term": "c"', "not valid JSON"),
    ('["a list"]', "expected a JSON object"),
    (
        '{"id": "x", "family": "anger", "phrase": "my {nosuch} died", "intensity": 0.5, "term": "c"}',
        "unknown word class",
    ),
    ('{"id": "x", "family": "anger", "phrase": "... grr", "intensity": 0.5, "term": "c"}', "cannot start or end"),
]


@pytest.mark.parametrize(("row", "expected"), BAD_ROWS)
def test_bad_row_names_file_line_and_key(tmp_path: Path, row: str, expected: str) -> None:
    path = _write(
        tmp_path,
        "lexicon-mine.jsonl",
        ["# test rules", '{"id": "ok", "family": "anger", "phrase": "grr", "intensity": 0.5, "term": "cross"}', row],
    )
    with pytest.raises(listenwell.RuleError) as info:
        listenwell.Listener(rules=[path])
    message = str(info.value)
    assert "lexicon-mine.jsonl:3" in message
    assert expected in message


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    row = '{"id": "dup", "family": "anger", "phrase": "grr", "intensity": 0.5, "term": "cross"}'
    path = _write(tmp_path, "lexicon_x.jsonl", [row, row])
    with pytest.raises(listenwell.RuleError, match=r"lexicon_x.jsonl:2: duplicate id 'dup' \(first on line 1\)"):
        load_rules(path)


def test_unknown_table_name_is_explained(tmp_path: Path) -> None:
    path = _write(tmp_path, "feelings.jsonl", ['{"id": "a"}'])
    with pytest.raises(listenwell.ListenwellError, match="cannot tell which table"):
        load_rules(path)


def test_missing_path_is_explained(tmp_path: Path) -> None:
    with pytest.raises(listenwell.ListenwellError, match="does not exist"):
        load_rules(tmp_path / "nope.jsonl")


def test_user_rows_add_and_override_by_id(tmp_path: Path) -> None:
    path = _write(tmp_path, "lexicon-pets.jsonl", [
        '{"id": "joy.zoomies", "family": "joy", "phrase": "zoomies", "intensity": 0.7, "term": "giddy"}',
        '{"id": "anger.furious", "family": "frustration", "phrase": "furious", "intensity": 0.5, "term": "fed up"}',
    ])  # fmt: skip
    mine = listenwell.Listener(rules=[path])
    assert mine.analyze("the dog has the zoomies").dominant == "joy"
    assert mine.analyze("I am furious").dominant == "frustration"
    # the default Listener is untouched: no shared mutable state
    assert listenwell.analyze("the dog has the zoomies").dominant is None
    assert listenwell.analyze("I am furious").dominant == "anger"


def test_a_word_class_entry_with_a_tilde_covers_every_form_of_the_verb(tmp_path: Path) -> None:
    classes = _write(tmp_path, "wordclasses-mine.jsonl", ['{"id": "longing_x", "words": ["~yearn for", "ache"]}'])
    lexicon = _write(tmp_path, "lexicon-mine.jsonl", [
        '{"id": "sadness.yearn_home", "family": "sadness", "phrase": "{longing_x} home", "intensity": 0.6,'
        ' "term": "homesick"}',
    ])  # fmt: skip
    mine = listenwell.Listener(rules=[classes, lexicon])
    for text in ("I yearn for home", "she yearns for home", "I yearned for home", "yearning for home", "ache home"):
        assert any(e.rule == "sadness.yearn_home" for e in mine.analyze(text).emotions), text
    assert not any(e.rule == "sadness.yearn_home" for e in mine.analyze("~yearn for home").emotions)


def test_a_word_class_entry_may_name_another_class_so_concepts_compose(tmp_path: Path) -> None:
    classes = _write(tmp_path, "wordclasses-mine.jsonl", [
        '{"id": "kin_x", "words": ["my sister", "my mum"]}',
        '{"id": "visit_x", "words": ["~visit {kin_x}", "~call {kin_x} back"]}',
        '{"id": "loop_x", "words": ["{loop_x} again", "hum"]}',
    ])  # fmt: skip
    lexicon = _write(tmp_path, "lexicon-mine.jsonl", [
        '{"id": "joy.kin_visit", "family": "joy", "phrase": "{visit_x} today", "intensity": 0.6, "term": "glad"}',
        '{"id": "calm.loop", "family": "calm", "phrase": "{loop_x} quietly", "intensity": 0.4, "term": "calm"}',
    ])  # fmt: skip
    mine = listenwell.Listener(rules=[classes, lexicon])
    for text in ("I visited my sister today", "visiting my mum today", "she calls my sister back today"):
        assert any(e.rule == "joy.kin_visit" for e in mine.analyze(text).emotions), text
    assert not any(e.rule == "joy.kin_visit" for e in mine.analyze("I visited my cousin today").emotions)
    # a class that names itself is read as the words written, never expanded without end
    assert any(e.rule == "calm.loop" for e in mine.analyze("we hum quietly").emotions)


def test_check_rules_reports_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    (folder / "lexicon").mkdir(parents=True)
    _write(
        folder / "lexicon",
        "a.jsonl",
        ['{"id": 1}', '{"id": "y", "family": "nope", "phrase": "p", "intensity": 1, "term": "t"}'],
    )
    _write(folder, "cues.jsonl", ['{"id": "c", "kind": "shouting", "phrase": "hey"}'])
    problems = listenwell.check_rules(folder)
    assert len(problems) == 3
    assert any("a.jsonl:1" in p and "key 'id'" in p for p in problems)
    assert any("a.jsonl:2" in p and "key 'family'" in p for p in problems)
    assert any("cues.jsonl:1" in p and "key 'kind'" in p for p in problems)


def test_check_rules_accepts_good_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ok"
    folder.mkdir()
    _write(folder, "topics.jsonl", ['{"id": "topic.yoga", "topic": "health", "phrase": "yoga"}'])
    assert listenwell.check_rules(folder) == []


def test_every_schema_key_is_documented() -> None:
    readme = (Path(str(shipped_rules_root())) / "README.md").read_text(encoding="utf-8")
    for table, (_cls, _key, spec) in SCHEMAS.items():
        for key in spec:
            assert f"`{key}`" in readme or f'"{key}"' in readme, f"{table}.{key} not documented"


def test_json_lines_are_objects_one_per_line() -> None:
    for parts, entry in _iter_files(shipped_rules_root()):
        for n, line in enumerate(entry.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                assert isinstance(json.loads(line), dict), f"{'/'.join(parts)}:{n}"


def test_the_lexicon_has_one_file_per_family() -> None:
    """rules/lexicon/<family>.jsonl holds the rows of that family, and every family has its file."""
    rules = load_rules()
    by_file: dict[str, set[str]] = {}
    for key, row in rules.tables["lexicon"].items():
        where = rules.origins[f"lexicon|{key}"]
        assert where.startswith("rules/lexicon/"), where
        by_file.setdefault(where.split("/")[-1].split(":")[0], set()).add(row.family)
    assert {name: {name.removesuffix(".jsonl")} for name in by_file} == by_file
    assert {name.removesuffix(".jsonl") for name in by_file} == set(rules.ids("families"))


def test_joke_marks_are_kept_once() -> None:
    """A cue or crisis-signal row that a joke cancels names the one laughter class (``{laughter}``), never its own
    copy of "lol", "haha", "jk", "😂", ...: the shared exceptions live in one place, as the kind's do in
    cue_kinds.jsonl."""
    rules = load_rules()
    laughter = rules.word_class("laughter")
    copies = [
        f"{row.id}: {phrase!r}"
        for table in ("cues", "crisis_signals")
        for row in rules.tables[table].values()
        for phrase in row.unless
        if phrase.lower() in laughter
    ]
    assert not copies, "write {laughter} instead of: " + ", ".join(copies[:10])
    uses = [row.id for row in rules.tables["cues"].values() if "{laughter}" in row.unless]
    assert len(uses) > 50  # crisis, boundary and criticism rows share it
