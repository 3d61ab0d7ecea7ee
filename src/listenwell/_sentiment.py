"""Sentiment: VADER's compound score, corrected where the feelings and cues found say otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["corrected_valence", "make_vader"]

# How far found evidence pulls the valence away from VADER once there is enough of it (total weight >= 0.5).
# VADER reads "I feel so overwhelmed at work lately" as positive ("so", no lexicon hit on "overwhelmed" in
# context); a named feeling is better evidence than word polarity, so evidence gets the larger share.
EVIDENCE_SHARE = 0.75
# When VADER and the evidence point the same way, VADER's magnitude is kept mostly as it is: on the VADER tweet
# ratings (evaldata) full blending lowered the correlation with human valence from 0.872 to 0.853.
AGREEING_SHARE = 0.3


def make_vader() -> Any:
    """A fresh VADER analyser (its lexicon ships inside the vaderSentiment package).

    listenwell's linear-time mirror of ``polarity_scores`` (``_vader.FastVader``, same output) when the installed
    vaderSentiment is the version it mirrors; the package's own analyser otherwise.
    """
    from ._vader import make_analyzer

    return make_analyzer()


def corrected_valence(compound: float, mentions: Sequence[tuple[float, float]], cue_valences: Sequence[float]) -> float:
    """Blend VADER's compound with (valence, weight) evidence from feelings and cues, in -1..1."""
    items = [(v, w) for v, w in mentions if w > 0] + [(v, 1.0) for v in cue_valences if v]
    total = sum(w for _v, w in items)
    if total <= 0:
        return round(compound, 4)
    evidence = sum(v * w for v, w in items) / total
    share = EVIDENCE_SHARE * min(1.0, 2 * total)  # one clear feeling (weight >= 0.5) is enough evidence
    if compound * evidence > 0:
        share *= AGREEING_SHARE  # same direction: VADER's graded strength is kept, the evidence only nudges
    value = (1 - share) * compound + share * evidence
    return round(max(-1.0, min(1.0, value)), 4)
