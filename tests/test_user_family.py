"""A user's rule pack adds a family with no code change: a families.jsonl row, lexicon rows and a template.

The family ids are data (the rows of families.jsonl): analysis, suggestion, review and serialisation all take
the new id from the loaded tables, end to end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import listenwell
from listenwell._results import Analysis

MESSAGE = "I'm feeling so nostalgic about college"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pack")
    (root / "lexicon").mkdir()
    (root / "templates").mkdir()
    (root / "families.jsonl").write_text(
        '{"id": "nostalgia", "valence": -0.1, "phrase": "nostalgic", "mild": "a little nostalgic", '
        '"strong": "deeply nostalgic", "needs": ["connection"]}\n',
        encoding="utf-8",
    )
    (root / "lexicon" / "nostalgia.jsonl").write_text(
        '{"id": "nostalgia.nostalgic", "family": "nostalgia", "phrase": "nostalgic", "intensity": 0.6, '
        '"term": "nostalgic"}\n'
        '{"id": "nostalgia.old_days", "family": "nostalgia", "phrase": "miss the old days", "intensity": 0.6, '
        '"term": "nostalgic"}\n',
        encoding="utf-8",
    )
    (root / "templates" / "nostalgia.jsonl").write_text(
        '{"id": "mine.nostalgia", "mode": "reflect", "kind": "reflection", "family": ["nostalgia"], '
        '"text": "It sounds like you\'re feeling {feeling}, missing how things used to be."}\n',
        encoding="utf-8",
    )
    return root


def test_the_pack_checks_clean_and_adds_the_id(pack: Path) -> None:
    assert listenwell.check_rules(pack) == []
    rules = listenwell.load_rules(pack)
    assert "nostalgia" in rules.ids("families")
    assert "nostalgia" not in listenwell.load_rules().ids("families")


def test_a_new_family_end_to_end(pack: Path) -> None:
    listener = listenwell.Listener(rules=[pack])
    analysis = listener.analyze(MESSAGE)
    assert analysis.dominant == "nostalgia"
    assert Analysis.from_dict(analysis.to_dict()) == analysis
    listening = listener.listen(MESSAGE)
    assert listening.suggestions[0].rule == "mine.nostalgia"
    assert "nostalgic" in listening.reply
    assert listener.listen_many([MESSAGE, "miss the old days"])[1].analysis.dominant == "nostalgia"
    review = listener.review("Just get over it.", message=MESSAGE)
    assert any(m.kind == "feeling" and "nostalgia" in m.why for m in review.missed)


def test_a_lexicon_row_for_a_family_nobody_defined_is_an_error(pack: Path, tmp_path: Path) -> None:
    lonely = tmp_path / "lexicon-mine.jsonl"
    lonely.write_text((pack / "lexicon" / "nostalgia.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(listenwell.RuleError, match=r"^E027 .*lexicon-mine.jsonl:1: key 'family': unknown family"):
        listenwell.load_rules(lonely)


def test_a_family_row_carries_its_colour_and_whether_it_is_celebrated(tmp_path: Path) -> None:
    from listenwell._palette import FAMILY_COLOURS, family_colour, family_colours

    (tmp_path / "families.jsonl").write_text(
        '{"id": "glee", "valence": 0.9, "phrase": "gleeful", "mild": "a bit gleeful", "strong": "so gleeful", '
        '"needs": ["fun"], "colour": "#123abc", "celebrate": true}\n',
        encoding="utf-8",
    )
    (tmp_path / "lexicon.jsonl").write_text(
        '{"id": "glee.gleeful", "family": "glee", "phrase": "gleeful", "intensity": 0.8, "term": "gleeful"}\n',
        encoding="utf-8",
    )
    listener = listenwell.Listener(rules=[tmp_path])
    assert family_colour("glee", listener.rules) == "#123abc"
    assert family_colours(listener.rules)["joy"] == FAMILY_COLOURS["joy"]  # the shipped colours come from the table
    assert family_colour("glee") == family_colour("no_such_family")  # not shipped: the neutral grey
    assert listener.listen("I'm so gleeful about the news!").mode == "celebrate"
    plain = (tmp_path / "families.jsonl").read_text(encoding="utf-8").replace(', "celebrate": true', "")
    (tmp_path / "families.jsonl").write_text(plain, encoding="utf-8")
    assert listenwell.Listener(rules=[tmp_path]).listen("I'm so gleeful about the news!").mode == "reflect"


def test_a_colour_that_is_not_rrggbb_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "families.jsonl"
    bad.write_text(
        '{"id": "glee", "valence": 0.9, "phrase": "gleeful", "mild": "a bit gleeful", "strong": "so gleeful", '
        '"needs": ["fun"], "colour": "blue"}\n',
        encoding="utf-8",
    )
    with pytest.raises(listenwell.RuleError, match=r"^E020 .*families.jsonl:1: key 'colour'"):
        listenwell.load_rules(bad)


QUEASY = (
    '{"id": "queasiness", "valence": -0.5, "phrase": "queasy", "mild": "a bit queasy", "strong": "really queasy", '
    '"needs": ["comfort"]%s}\n'
)


def test_a_family_row_says_whether_a_small_ask_said_with_it_is_still_a_favour(tmp_path: Path) -> None:
    """``favour_ok`` (a column, not a set in the suggester): "can you call my mom ..., i'm so queasy" is a yes."""
    (tmp_path / "families.jsonl").write_text(QUEASY % ', "favour_ok": true', encoding="utf-8")
    (tmp_path / "lexicon.jsonl").write_text(
        '{"id": "queasiness.queasy", "family": "queasiness", "phrase": "queasy", "intensity": 0.6, "term": "queasy"}\n',
        encoding="utf-8",
    )
    ask = "can you call my mom with me tonight? i'm so queasy"
    listening = listenwell.Listener(rules=[tmp_path]).listen(ask)
    assert listening.analysis.dominant == "queasiness"
    assert listening.suggestions[0].rule.startswith("reflect.cue.favour.")
    (tmp_path / "families.jsonl").write_text(QUEASY % "", encoding="utf-8")
    plain = listenwell.Listener(rules=[tmp_path]).listen(ask)
    assert not plain.suggestions[0].rule.startswith("reflect.cue.favour.")  # a painful feeling: no plain yes


def test_two_families_for_one_tone_is_an_error(tmp_path: Path) -> None:
    """A tone alone names one family per sign (``from_tone``); joy already stands for a positive one."""
    (tmp_path / "families.jsonl").write_text(QUEASY % ', "from_tone": "positive"', encoding="utf-8")
    with pytest.raises(listenwell.RuleError, match=r"^E067 .*families.jsonl:1: key 'from_tone'.*'joy'"):
        listenwell.load_rules(tmp_path)
    assert [p.split()[0] for p in listenwell.check_rules(tmp_path)] == ["E067"]
    (tmp_path / "families.jsonl").write_text(QUEASY % ', "from_tone": "sour"', encoding="utf-8")
    with pytest.raises(listenwell.RuleError, match=r"^E021 .*key 'from_tone'"):
        listenwell.load_rules(tmp_path)


def test_a_user_familys_colour_shows_in_every_face(tmp_path: Path) -> None:
    """The CLI's highlight, the web page's CSS and displaCy's options read the colour from the Listener's rules."""
    from fastapi.testclient import TestClient

    from listenwell.cli import highlighted
    from listenwell.server import create_app

    (tmp_path / "families.jsonl").write_text(QUEASY % ', "colour": "#123abc"', encoding="utf-8")
    (tmp_path / "lexicon.jsonl").write_text(
        '{"id": "queasiness.queasy", "family": "queasiness", "phrase": "queasy", "intensity": 0.6, "term": "queasy"}\n',
        encoding="utf-8",
    )
    listener = listenwell.Listener(rules=[tmp_path])
    analysis = listener.analyze("i feel so queasy")
    styles = {str(span.style) for span in highlighted(analysis, listener.rules).spans}
    assert "bold #123abc" in styles
    assert "bold #123abc" not in {str(span.style) for span in highlighted(analysis).spans}  # shipped: grey
    assert listenwell.displacy_options(rules=listener.rules)["colors"]["queasiness"] == "#123abc"
    css = TestClient(create_app(listener=listener)).get("/families.css").text
    assert ".fam-queasiness { background: #123abc; }" in css and ".fam-joy {" in css
