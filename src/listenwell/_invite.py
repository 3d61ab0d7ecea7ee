"""Openers for a partner who has not opened up yet, from the ``invite`` rule table.

Each opener is one message in three parts: an I-statement of the listener's own feeling ("I've been missing our
evenings together lately."), no pressure ("No rush, whenever you feel like talking."), and one open question.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from ._errors import ArgumentValueError, Errors
from ._results import Suggestion
from ._rules import INVITE_TOPICS

if TYPE_CHECKING:
    from ._listener import Listener
    from ._rules import Opener

__all__ = ["INVITE_TOPICS", "invite"]


def _order(rows: list[Opener], seed: int | None) -> list[Opener]:
    """The table's order without a seed; a seed shuffles it the same way every time."""
    if seed is None:
        return rows
    return sorted(rows, key=lambda r: hashlib.sha256(f"{seed}|{r.id}".encode()).digest())


def invite(
    listener: Listener,
    feeling: str | None = None,
    topic: str | None = None,
    *,
    count: int = 3,
    seed: int | None = None,
) -> list[Suggestion]:
    """Up to ``count`` openers, those that fit both ``feeling`` and ``topic`` first, then those that fit one.

    ``feeling``: the family of the listener's own feeling that the opener names (``loneliness``: "I've been
    missing ..."; ``anxiety``: "I've been a bit worried ..."; ``love``, ``hope``, ``sadness``, ``gratitude``).
    ``topic``: ``family``, ``work``, ``relationship`` or ``stress``; openers with no topic fit any.
    """
    families = {r.id for r in listener.rules.rows("families")}
    if feeling is not None and feeling not in families:
        raise ArgumentValueError(Errors.E041.format(feeling=feeling))
    if topic is not None and topic not in INVITE_TOPICS:
        raise ArgumentValueError(Errors.E042.format(topic=topic, topics=", ".join(INVITE_TOPICS)))
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ArgumentValueError(Errors.E010.format(name="count", value=count))
    rows: list[Opener] = _order(list(listener.rules.rows("invite")), seed)

    def fits(row: Opener) -> int:
        """2: fits what was asked for exactly; 1: fits the topic, or any topic with the feeling; 0: neither."""
        topic_ok = topic is None or row.topic == topic
        feeling_ok = feeling is None or row.feeling == feeling
        if topic_ok and feeling_ok:
            return 2
        if (topic is not None and row.topic == topic) or (feeling_ok and row.topic is None):
            return 1
        return 0

    ranked = sorted((r for r in rows if fits(r)), key=lambda r: -fits(r))  # stable: table (or seeded) order kept
    return [
        Suggestion(
            text=r.text,
            kind="invitation",
            rule=r.id,
            evidence=(f"feeling:{r.feeling}",) + ((f"topic:{r.topic}",) if r.topic else ()),
        )  # fmt: skip
        for r in ranked[:count]
    ]
