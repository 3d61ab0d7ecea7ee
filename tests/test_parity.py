"""One way to make and split a doc: every golden message reads the same through ``analyze()`` and through the
spaCy component added to a user's pipeline the way the README shows (``nlp.add_pipe("listenwell")``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy

import listenwell
from tests import test_golden_analysis, test_golden_listen, test_golden_safety, test_regressions

DATA = Path(__file__).parent / "data"
# The bugs this file was written for: the splitter and tokenizer of a user's pipeline read them differently.
BUGS = ["jk... i want to die", "I'm not.. happy", "I'm nervous- the test is today", "nervous-", "so tired-"]


def _golden_messages() -> Iterator[str]:
    yield from BUGS
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]
    for name in dir(test_golden_analysis):
        table = getattr(test_golden_analysis, name)
        if name.isupper() and isinstance(table, list):
            yield from (message for message, _expected in table)
    yield from (row["text"] for row in test_golden_listen.ROWS)
    yield from (row[0] for row in test_golden_safety.GOLDEN)
    yield from (row[1] for row in test_regressions.ANALYSIS_REGRESSIONS)
    yield from (row[1] for row in test_regressions.LISTEN_REGRESSIONS)
    yield from (row[1] for row in test_regressions.SAFETY_REGRESSIONS)


def _encodable(text: str) -> bool:
    """spaCy's own tokenizer refuses a lone surrogate before any component runs; listenwell replaces it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


MESSAGES = list(dict.fromkeys(m for m in _golden_messages() if m.strip() and _encodable(m)))


@pytest.fixture(scope="module")
def readme_nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("listenwell", config={"suggest": False})
    return nlp


def test_there_are_many_golden_messages() -> None:
    assert len(MESSAGES) > 4000


@pytest.fixture(scope="module")
def default(readme_nlp: spacy.language.Language) -> listenwell.Listener:
    """listen()'s path (the default pipeline) over the very rules the component loaded: the tree's rule files
    may change while a run goes on, and only the path should differ here."""
    return listenwell.Listener(rules=readme_nlp.get_pipe("listenwell").listener.rules)


@pytest.mark.parametrize("text", BUGS)
def test_the_bug_messages_read_alike(
    readme_nlp: spacy.language.Language, default: listenwell.Listener, text: str
) -> None:
    assert readme_nlp(text)._.listenwell.analysis == default.analyze(text)
    assert default.analyze(text) == listenwell.analyze(text)


def test_nervous_dash_is_a_feeling_on_every_path(readme_nlp: spacy.language.Language) -> None:
    text = "I'm nervous- the test is today"
    doc = readme_nlp(text)
    assert [e.family for e in doc._.listenwell.analysis.emotions] == ["anxiety"]
    assert [(s.text, s.label_) for s in doc.spans["emotions"]] == [("nervous", "anxiety")]


@pytest.mark.slow  # every golden message, analysed twice
def test_every_golden_message_reads_alike(readme_nlp: spacy.language.Language, default: listenwell.Listener) -> None:
    direct = default.analyze_many(MESSAGES)
    differ: list[tuple[str, Any, Any]] = []
    for text, doc, mine in zip(MESSAGES, readme_nlp.pipe(MESSAGES, batch_size=256), direct, strict=True):
        theirs = doc._.listenwell.analysis
        if theirs != mine:
            differ.append((text, mine.to_dict(), theirs.to_dict()))
    assert not differ, f"{len(differ)} messages differ, first: {differ[0]}"


def test_suggestions_match_too() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("listenwell")
    same_rules = listenwell.Listener(rules=nlp.get_pipe("listenwell").listener.rules)
    texts = [row["text"] for row in test_golden_listen.ROWS]
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        assert doc._.listenwell.listening == same_rules.listen(text), text


def test_a_users_pipeline_gets_the_same_tokenizer_setup() -> None:
    nlp = spacy.blank("en")
    listener = listenwell.Listener(nlp=nlp)
    assert [t.text for t in nlp("nervous- ok")] == ["nervous", "-", "ok"]
    assert listener.nlp is nlp
    again = listenwell.Listener(nlp=nlp)  # set up once, not wrapped twice
    assert type(again.nlp.tokenizer) is type(listener.nlp.tokenizer)
    assert not hasattr(nlp.tokenizer.inner, "inner")
