"""Conversation: the turns of one chat, read together.

Each partner turn is listened to with the earlier turns as context; a turn that names no feeling of its own
("I just miss him so much") is read together with the latest partner turn that did ("My dog died yesterday"), so
the feeling and the situation carry forward in the partner's own words. A topic carried from earlier turns is
never named with a word the partner did not use (no "the pets" for a dog). When the partner has been distressed
across several turns, the reply gently offers professional help as an option (``help_offers.jsonl``), never as a
necessity; a crisis still gets the safety reply of that one message. Each of my turns is reviewed against the
partner's latest message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal, overload

from ._errors import ArgumentTypeError, ArgumentValueError, Errors
from ._results import Analysis, Listening, Review, Suggestion

if TYPE_CHECKING:
    from ._listener import Listener

__all__ = ["Conversation", "Turn"]

WHO = ("partner", "me")
_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn: who said it, what they said, and what listenwell made of it (a Listening or a Review).

    ``carried``: for a partner turn read with an earlier one, the family carried forward; ``distressed``: whether
    this partner turn counts toward the distress that runs across turns.
    """

    who: str
    text: str
    result: Listening | Review
    carried: str | None = None
    distressed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The turn as plain JSON data; the result is stored whole, so ``from_dict`` needs no Listener."""
        return {"who": self.who, "text": self.text, "carried": self.carried, "distressed": self.distressed,
                "result": self.result.to_dict()}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        """A turn from ``to_dict``'s data: a partner's turn holds a Listening, the listener's a Review."""
        result_cls = Listening if data["who"] == "partner" else Review
        return cls(who=data["who"], text=data["text"], result=result_cls.from_dict(data["result"]),
                   carried=data.get("carried"), distressed=bool(data.get("distressed", False)))  # fmt: skip


def _words(text: str) -> set[str]:
    words = set(_WORD.findall(text.lower()))
    return words | {w[:-1] for w in words if w.endswith("s")} | {w + "s" for w in words}


class Conversation:
    """The turns of a chat between the partner and me. ``add(text)`` for what they said returns a Listening;
    ``add(draft, who="me")`` returns the Review of my reply against their latest message.

    ``distress_window``/``distress_turns``: the offer of professional help comes when at least ``distress_turns``
    of the last ``distress_window`` partner turns were distressed (a crisis, a strongly negative reading, or a
    strong negative feeling), and not again within the next ``distress_window`` partner turns.
    """

    def __init__(
        self,
        listener: Listener | None = None,
        *,
        seed: int | None = None,
        locale: str | None = None,
        distress_window: int = 4,
        distress_turns: int = 3,
    ) -> None:
        if listener is None:
            from ._default import default_listener

            listener = default_listener()
        if not 1 <= distress_turns <= distress_window:
            raise ArgumentValueError(Errors.E040.format(turns=distress_turns, window=distress_window))
        self.listener = listener
        self.seed = seed
        self.locale = locale
        self.distress_window = distress_window
        self.distress_turns = distress_turns
        self.turns: list[Turn] = []

    def __len__(self) -> int:
        return len(self.turns)

    def __repr__(self) -> str:
        return f"Conversation({len(self.turns)} turns, feeling={self.feeling!r})"

    # --- reading -----------------------------------------------------------------------------------------
    @property
    def partner_turns(self) -> list[Turn]:
        """The partner's turns so far, oldest first."""
        return [t for t in self.turns if t.who == "partner"]

    @property
    def feeling(self) -> str | None:
        """The feeling the conversation is carrying: the latest partner turn's dominant feeling, or the one it
        carried forward (None before any feeling was found)."""
        for turn in reversed(self.partner_turns):
            assert isinstance(turn.result, Listening)
            found = turn.result.analysis.dominant or turn.carried
            if found:
                return found
        return None

    @property
    def distressed(self) -> bool:
        """True when the partner has been distressed across turns (see the class docstring)."""
        recent = self.partner_turns[-self.distress_window :]
        return sum(t.distressed for t in recent) >= self.distress_turns

    # --- adding turns ------------------------------------------------------------------------------------
    @overload
    def add(self, text: str, who: Literal["partner"] = "partner") -> Listening: ...
    @overload
    def add(self, text: str, who: Literal["me"]) -> Review: ...
    @overload
    def add(self, text: str, who: str) -> Listening | Review: ...
    def add(self, text: str, who: str = "partner") -> Listening | Review:
        """Add a turn; a partner turn returns its Listening, one of mine the Review of my draft."""
        if who not in WHO:
            raise ArgumentValueError(Errors.E037.format(who=who))
        if not isinstance(text, str):
            raise ArgumentTypeError(Errors.E038.format(type_name=type(text).__name__))
        if not text.strip():
            raise ArgumentValueError(Errors.E039)
        if who == "me":
            last = self.partner_turns[-1].text if self.partner_turns else None
            review = self.listener.review(text, message=last)
            self.turns.append(Turn("me", text, review))
            return review
        listening, carried = self._listen(text)
        distressed = self._is_distressed(listening.analysis)
        turn = Turn("partner", text, listening, carried=carried, distressed=distressed)
        self.turns.append(turn)
        offer = self._offer(listening)
        if offer is not None:
            listening = replace(listening, suggestions=(*listening.suggestions, offer))
            self.turns[-1] = replace(turn, result=listening)
        return listening

    def _listen(self, text: str) -> tuple[Listening, str | None]:
        """The reply to a partner's turn, and the earlier turn it carries on from: a turn with no feeling, topic
        or mode of its own ("yeah, all week") is read joined to the last turn that had one."""
        partner = [t.text for t in self.partner_turns]
        shown = [t.result.reply for t in self.partner_turns if isinstance(t.result, Listening)]
        context = partner + shown
        own = self._listen_fitting(text, context)
        felt = [e for e in own.analysis.emotions if not e.negated]
        if felt or own.mode in ("safety", "boundary", "celebrate") or own.analysis.topics:
            return own, None
        anchor = self._anchor()
        if anchor is None:
            return own, None
        before = anchor.text.rstrip()
        joined = self._listen_fitting(before + (" " if before.endswith((".", "!", "?")) else ". ") + text, context)
        if joined.mode != "reflect" or not joined.analysis.dominant:
            return own, None
        assert isinstance(anchor.result, Listening)
        family = joined.analysis.dominant
        return replace(own, reply=joined.reply, suggestions=joined.suggestions, resources=joined.resources), family

    def _anchor(self) -> Turn | None:
        """The latest of the last two partner turns that named a feeling of its own (what a bare turn goes on)."""
        for turn in reversed(self.partner_turns[-2:]):
            assert isinstance(turn.result, Listening)
            if turn.result.analysis.dominant and turn.result.mode == "reflect" and turn.carried is None:
                return turn
        return None

    def _listen_fitting(self, text: str, context: Sequence[str]) -> Listening:
        """listen() with the context; if it names a topic carried from earlier turns with a word the partner never
        used ("the pets" for a dog), the message is heard on its own words instead."""
        shown = {t.result.reply for t in self.partner_turns if isinstance(t.result, Listening)}
        r = self.listener.listen(text, context=list(context), seed=self.seed, locale=self.locale)
        if context and self._guessed(r, text):
            context = ()
            r = self.listener.listen(text, seed=self.seed, locale=self.locale)
        for attempt in range(1, 4):  # a reply already shown in this chat is not shown again: vary the seed
            if r.reply not in shown or r.mode == "safety":
                break
            seed = (self.seed or 0) * 7919 + attempt
            r = self.listener.listen(text, context=list(context), seed=seed, locale=self.locale)
        return r

    def _guessed(self, r: Listening, text: str) -> bool:
        """Whether the reply names a topic the partner never called by name ("the kids" when only "homework" was said):
        a guess, not their words."""
        names = {row.id: row.name for row in self.listener.rules.rows("names") if row.kind == "topic"}
        determiners = self.listener.rules.word_class("topic_name_determiners")
        said = _words(" ".join([*(t.text for t in self.partner_turns), text]))
        lines = " ".join([r.reply, *(s.text for s in r.suggestions)]).lower()
        for topic, name in names.items():
            if topic in r.analysis.topics or name.lower() not in lines:
                continue
            head = [w for w in _WORD.findall(name.lower()) if w not in determiners]
            if head and not set(head) <= said:
                return True
        return False

    def _is_distressed(self, analysis: Analysis) -> bool:
        """Whether one turn counts towards distress across turns: a crisis cue, a strong painful feeling of the writer's
        own, or a clearly dark tone."""
        if analysis.has_cue("crisis"):
            return True
        valence = {row.id: row.valence for row in self.listener.rules.rows("families")}
        strong = any(
            not e.negated and valence.get(e.family, 0.0) < 0 and e.intensity >= 0.7 and e.experiencer == "speaker"
            for e in analysis.emotions
        )
        return strong or analysis.valence <= -0.5

    def _offer(self, listening: Listening) -> Suggestion | None:
        """A gentle offer of professional help, once per window, when distress has run across turns."""
        if listening.mode == "safety" or not self.distressed:
            return None
        recent = self.partner_turns[-self.distress_window : -1]
        if any(s.kind == "professional_help" for t in recent for s in getattr(t.result, "suggestions", ())):
            return None
        topics = {topic for t in self.partner_turns[-self.distress_window :]
                  for topic in getattr(t.result, "analysis", Analysis(text="")).topics}  # fmt: skip
        rows = list(self.listener.rules.rows("help_offers"))
        if not rows:
            return None
        row = next((r for r in rows if r.topic and r.topic in topics), None) or next(
            (r for r in rows if r.topic is None), rows[0]
        )
        count = sum(t.distressed for t in self.partner_turns[-self.distress_window :])
        window = len(self.partner_turns[-self.distress_window :])
        return Suggestion(text=row.text, kind="professional_help", rule=row.id,
                          evidence=(f"distress:{count}/{window} partner turns",))  # fmt: skip

    # --- serialising -------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain data a chat app can keep between requests; ``from_dict`` rebuilds the conversation."""
        return {
            "turns": [t.to_dict() for t in self.turns], "seed": self.seed, "locale": self.locale,
            "distress_window": self.distress_window, "distress_turns": self.distress_turns,
        }  # fmt: skip

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any], listener: Listener | None = None) -> Conversation:
        """A conversation from ``to_dict``'s data, with its settings and turns; ``listener`` reads the turns added next
        (the default one when None)."""
        c = cls(
            listener,
            seed=data.get("seed"),
            locale=data.get("locale"),
            distress_window=data.get("distress_window", 4),
            distress_turns=data.get("distress_turns", 3),
        )
        c.turns = [Turn.from_dict(t) for t in data.get("turns", ())]
        return c
