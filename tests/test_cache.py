"""The start-up cache: a Listener built from the cache reads messages exactly as one built from the files, an
entry is keyed by everything it depends on, and a broken or unwritable cache only costs time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import listenwell
from listenwell import _cache
from listenwell._loading import load_rules

MESSAGES = [
    "I'm nervous- the test is today",
    "my boss yelled at me in front of everyone and I'm still shaking",
    "jk... i want to die",
    "I don't want to talk about it right now.",
    "I got into grad school!!!",
    "I'm not angry, just tired",
]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LISTENWELL_CACHE_DIR", str(folder))
    return folder


def test_a_cached_listener_reads_like_a_fresh_one(cache: Path) -> None:
    built = listenwell.Listener()  # an empty cache: compiled from the files, then written
    kinds = sorted(p.name.split("-")[0] for p in cache.iterdir())
    assert kinds == ["norms", "patterns", "rules", "vader"]  # the rule words' norms, and VADER's parsed lexicon
    from_cache = listenwell.Listener()
    assert from_cache.rules.fingerprint == built.rules.fingerprint
    assert from_cache.rules.tables == built.rules.tables
    assert dict(from_cache.rules.origins) == dict(built.rules.origins)  # read back only when asked for
    for text in MESSAGES:
        assert from_cache.analyze(text) == built.analyze(text)
        assert from_cache.review("Why? You should relax.", text) == built.review("Why? You should relax.", text)
    kinds = sorted(p.name.split("-")[0] for p in cache.iterdir())
    assert kinds == ["norms", "patterns", "patterns", "rules", "vader"]  # review's patterns; its words join the norms


def test_the_cache_is_rebuilt_when_a_rule_changes(cache: Path, tmp_path: Path) -> None:
    mine = tmp_path / "topics-mine.jsonl"
    mine.write_text('{"id": "topic.mine", "topic": "health", "phrase": "yoga class"}\n', encoding="utf-8")
    first = load_rules(mine)
    mine.write_text('{"id": "topic.mine", "topic": "health", "phrase": "pilates class"}\n', encoding="utf-8")
    second = load_rules(mine)
    assert first.fingerprint != second.fingerprint
    assert second.tables["topics"]["topic.mine"].phrase == "pilates class"
    assert load_rules(mine).fingerprint == second.fingerprint  # unchanged files: the same entry


def test_a_broken_entry_is_ignored_and_rewritten(cache: Path) -> None:
    expected = load_rules()
    entries = list(cache.glob("rules-*.marshal"))
    assert len(entries) == 1
    entries[0].write_bytes(b"\x00not marshal at all")
    again = load_rules()
    assert again.tables == expected.tables
    assert _cache.read("rules", again.fingerprint or "") is not None  # written back


def test_an_entry_under_another_key_is_not_used(cache: Path) -> None:
    _cache.write("rules", "a" * 64, {"anything": 1})
    path = next(cache.glob("rules-*.marshal"))
    path.rename(path.with_name("rules-" + "b" * 32 + ".marshal"))
    assert _cache.read("rules", "b" * 64) is None  # the stored key is checked, not just the file name


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("LISTENWELL_CACHE_DIR", str(folder / "inner"))
    assert load_rules().rows("families")


def test_a_file_path_as_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LISTENWELL_CACHE_DIR", str(blocker))
    assert load_rules().rows("families")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LISTENWELL_CACHE_DIR", "off")
    assert _cache.cache_dir() is None
    assert _cache.read("rules", "x") is None
    monkeypatch.delenv("LISTENWELL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert _cache.cache_dir() == Path("/somewhere/listenwell")


def test_the_key_covers_the_tokenizer(lw: listenwell.Listener) -> None:
    """Another tokenizer splits rule words differently: its patterns get an entry of their own."""
    import spacy

    from listenwell._listener import ANALYSIS_TABLES

    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("gonna", [{"ORTH": "gon"}, {"ORTH": "na", "NORM": "to"}])
    custom = listenwell.Listener(nlp=nlp)
    mine = custom._matcher._cache_key(custom.rules, ANALYSIS_TABLES)
    default = lw._matcher._cache_key(lw.rules, ANALYSIS_TABLES)
    assert mine and default and mine != default
    assert _cache.read("patterns", mine) is not None
