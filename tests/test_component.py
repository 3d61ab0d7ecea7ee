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


def test_negated_and_hedged_are_visible_on_spans() -> None:
    doc = _nlp()("I'm not angry. I'm just a bit sad about the trip.")
    spans = {s.label_: s for s in doc.spans["emotions"]}
    assert spans["anger"]._.listenwell.negated and not spans["anger"]._.listenwell.hedged
    assert spans["sadness"]._.listenwell.hedged and not spans["sadness"]._.listenwell.negated


def test_per_sentence_results() -> None:
    doc = _nlp()("I'm not angry. I'm just a bit sad about the trip. I don't want to talk about it right now.")
    sents = list(doc.sents)
    assert [s._.listenwell.dominant for s in sents] == [None, "sadness", None]
    assert [e.family for e in sents[0]._.listenwell.emotions] == ["anger"]  # there, but denied
    assert sents[2]._.listenwell.has_cue("boundary") and not sents[1]._.listenwell.has_cue("boundary")
    whole = doc[:]._.listenwell
    assert whole.emotions == doc._.listenwell.analysis.emotions


def test_displacy_options_colour_each_family() -> None:
    from spacy import displacy

    import listenwell
    from listenwell._palette import FAMILY_COLOURS

    doc = _nlp()("My boss yelled at me and I'm so exhausted")
    options = listenwell.displacy_options()
    assert options["spans_key"] == "emotions" and options["colors"] == FAMILY_COLOURS
    html = displacy.render(doc, style="span", options=options)
    for span in doc.spans["emotions"]:
        assert FAMILY_COLOURS[span.label_] in html


def test_a_process_that_only_reads_a_docbin(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "docs.spacy"
    DocBin(docs=[_nlp()(TEXTS[0])], store_user_data=True).to_disk(path)
    code = (
        "import listenwell, spacy; from spacy.tokens import DocBin; "
        f"docs = list(DocBin().from_disk({str(path)!r}).get_docs(spacy.blank('en').vocab)); "
        "d = docs[0]; print(d._.listenwell.analysis.dominant, [s._.listenwell.dominant for s in d.spans['emotions']])"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr  # no E046: import listenwell registered the extensions
    assert p.stdout.split()[0] == "shame"
    lazy = "import sys, listenwell; assert 'spacy' not in sys.modules; from spacy.tokens import Doc, Span; " + (
        "print(Doc.has_extension('listenwell'), Span.has_extension('listenwell'))"
    )
    out = subprocess.run([sys.executable, "-c", lazy], capture_output=True, text=True)
    assert out.stdout.split() == ["True", "True"], out.stderr
