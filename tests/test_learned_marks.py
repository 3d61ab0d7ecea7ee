"""Marks in a learned table (``@`` + a word class id, ``@neg``, ``@laugh``): the net reads the terms training saw.

The shipped tables hold none today (``benchmarks/train_learned_terms.py --features marks`` makes them; the
leave-one-set-out measure in ``benchmarks/loso_learned.py`` kept plain words), so these tests build a small table.
"""

from __future__ import annotations

from listenwell import _accel
from listenwell._learned import BOUNDARY_CLASSES, LearnedTerms, features, learned_marks

CLASSES = {"blows": ["punched", "~kick", "hit", "slap"], "one_word": ["alone"], "phrases": ["beat up", "{x}"]}
TABLE = [
    ("<bias>", 1.0, -1.0),
    ("@blows", -0.5, 1.5),
    ("@neg", 0.2, -0.1),
    ("@laugh", 0.9, -0.9),
    ("punched", -0.1, 0.3),
    ("he punched", -0.2, 0.4),
    ("arm", 0.0, 0.1),
]
MESSAGES = [
    ["he", "punched", "my", "arm", "lol"],
    ["i", "did", "not", "kick", "anyone"],
    ["she", "hit", "me", ".", "he", "punched", "me"],
    ["all", "alone", "tonight"],
    [],
]


def test_marks_are_made_from_single_content_words_of_classes_of_three_or_more() -> None:
    marks = learned_marks(CLASSES)
    assert marks["kick"] == ("@blows",) and marks["punched"] == ("@blows",)
    assert "alone" not in marks  # a class of one word adds nothing the word does not say
    assert "beat" not in marks and "up" not in marks  # phrases and nested classes are no single words
    assert marks["not"] == ("@neg",) and marks["lol"] == ("@laugh",)


def test_the_net_finds_the_marks_training_features_hold() -> None:
    """Every term the table holds among ``features(norms, marks)`` is found, where it first occurs, with the C loop
    and without; a marked word that is no term itself is not reported."""
    marks = learned_marks(CLASSES)
    model = LearnedTerms.from_columns(TABLE, 0.5, BOUNDARY_CLASSES, marks)
    weights = {row[0] for row in TABLE}
    saved = _accel.speedups
    try:
        for speedups in {saved, None}:
            _accel.speedups = speedups
            for norms in MESSAGES:
                got = model._present(norms)
                assert set(got) == features(norms, marks) & weights, norms
                for term, start in got.items():
                    firsts = [i for i, n in enumerate(norms) if term in (n, *marks.get(n, ()))]
                    if " " not in term:
                        assert start == firsts[0], (term, norms)
    finally:
        _accel.speedups = saved
    verdict = model.verdict(["he", "punched", "my", "arm"])
    assert verdict is not None and verdict.about == "boundary" and "@blows" in verdict.terms
    assert model.verdict(["he", "punched", "my", "arm", "lol"]) is None  # the laugh weighs against it
