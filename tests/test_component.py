"""The spaCy component: entry-point registration, span groups, extensions, multiprocessing and DocBin."""

from __future__ import annotations

import subprocess
import sys

import spacy
from spacy.tokens import DocBin

TEXTS = [
    "My boss yelled at me in front of everyone and I'm still shaking",
    "I got into grad school!!!",
    "I don't want to talk about it right now.",
]


def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("listenwell")
    return nlp


def test_factory_is_found_without_importing_listenwell() -> None:
    code = (
        "import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('listenwell'); "
        "doc = nlp('I feel so alone'); print([s.label_ for s in doc.spans['emotions']])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "loneliness" in out


def test_spans_and_extensions() -> None:
    import listenwell

    doc = _nlp()(TEXTS[0])
    analysis = listenwell.analyze(TEXTS[0])
    assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["emotions"]] == [
        (e.start, e.end, e.family) for e in analysis.emotions
    ]
    assert [s.label_ for s in doc.spans["cues"]] == [c.kind for c in analysis.cues]
    results = doc._.listenwell
    assert results.analysis.dominant == analysis.dominant
    assert results.listening is not None and results.listening.suggestions


def test_pipe_with_two_processes_and_docbin_round_trip() -> None:
    nlp = _nlp()
    docs = list(nlp.pipe(TEXTS, n_process=2))
    assert [d._.listenwell.analysis.dominant for d in docs] == [nlp(t)._.listenwell.analysis.dominant for t in TEXTS]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for a, b in zip(docs, back, strict=True):
        assert b._.listenwell.analysis == a._.listenwell.analysis
        assert [s.label_ for s in b.spans["emotions"]] == [s.label_ for s in a.spans["emotions"]]


def test_config_options() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("listenwell", config={"suggest": False, "namespace": "lw2", "emotions_key": "feelings"})
    doc = nlp("I'm so proud of myself")
    assert doc._.lw2.listening is None
    assert [s.label_ for s in doc.spans["feelings"]] == ["pride"]
