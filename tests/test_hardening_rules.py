"""Rule validation names every dangling reference with its own error code, instead of a raw exception or silence."""

from __future__ import annotations

from pathlib import Path

import pytest

import listenwell
from listenwell._loading import check_rules, load_rules

TEMPLATE = '{{"id": "mine.{n}", "mode": "reflect", "kind": "reflection", "text": "{text}"}}'
LEXICON = '{{"id": "{id}", "family": "joy", "phrase": "{phrase}", "intensity": 0.5, "term": "glad"}}'


def _write(path: Path, *lines: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_unknown_template_slot_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "templates-mine.jsonl",
        TEMPLATE.format(n=1, text="It sounds like {feeling}."),
        TEMPLATE.format(n=2, text="You feel {foo} about {topic}."),
    )
    with pytest.raises(listenwell.RuleError, match=r"^E014 .*templates-mine.jsonl:2: key 'text': unknown slot \{foo\}"):
        load_rules(path)
    problems = check_rules(path)
    assert len(problems) == 1 and "templates-mine.jsonl:2" in problems[0] and "E014" in problems[0]
    assert "{feeling}" in problems[0], "the message lists the slots a template may use"


def test_every_shipped_template_uses_known_slots() -> None:
    assert load_rules().rows("templates")


def test_a_folder_named_like_a_rule_file(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    _write(folder / "lexicon-x.jsonl" / "inner.txt", "not a rule")
    with pytest.raises(listenwell.ListenwellError, match=r"^E011 .*lexicon-x.jsonl is a folder"):
        load_rules(folder)
    with pytest.raises(listenwell.ListenwellError, match=r"^E011 "):
        load_rules(folder / "lexicon-x.jsonl")
    assert check_rules(folder)[0].startswith("E011 ")


@pytest.mark.parametrize("name", ["lexicon-x.json", "topics.ndjson"])
def test_a_file_that_would_be_ignored_is_named(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "mine"
    _write(folder / "lexicon-ok.jsonl", LEXICON.format(id="joy.zoomies", phrase="zoomies"))
    _write(folder / name, LEXICON.format(id="joy.other", phrase="other"))
    _write(folder / "README.md", "notes are fine")
    with pytest.raises(listenwell.ListenwellError, match=rf"^E012 .*{name} would be ignored"):
        load_rules(folder)


def test_the_same_id_in_two_user_files_names_both(tmp_path: Path) -> None:
    a = _write(tmp_path / "a" / "lexicon-a.jsonl", LEXICON.format(id="joy.zoomies", phrase="zoomies"))
    b = _write(tmp_path / "b" / "lexicon-b.jsonl", LEXICON.format(id="joy.zoomies", phrase="the zoomies"))
    with pytest.raises(listenwell.ListenwellError) as info:
        listenwell.Listener(rules=[a, b])
    message = str(info.value)
    assert message.startswith("E013 ") and f"{b}:1" in message and f"{a}:1" in message
    both = tmp_path / "both"
    _write(both / "lexicon-1.jsonl", LEXICON.format(id="joy.zoomies", phrase="zoomies"))
    _write(both / "lexicon-2.jsonl", LEXICON.format(id="joy.zoomies", phrase="zoomies"))
    assert check_rules(both)[0].startswith("E013 ")
    # replacing a shipped row once is still how overrides work
    assert listenwell.Listener(rules=[a]).analyze("the dog has the zoomies").dominant == "joy"


def test_a_rule_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "lexicon-latin1.jsonl"
    path.write_bytes(LEXICON.format(id="joy.cafe", phrase="café").encode("latin-1") + b"\n")
    with pytest.raises(listenwell.ListenwellError, match=r"^E015 .*not UTF-8 \(byte 0xe9"):
        load_rules(path)
    assert check_rules(path)[0].startswith("E015 ")
