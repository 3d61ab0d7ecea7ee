"""Conversation (turns read together, feeling carried, distress noticed) and invite() (openers), as tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import listenwell
from listenwell import Conversation, Listening, Review
from listenwell._rules import INVITE_TOPICS

# Five partner turns and one of mine. (who, text, expected reading): the reading is (this turn's own dominant
# feeling, the feeling the conversation carries after it, whether the turn was read with an earlier one, whether
# it counts as distressed, whether the reply offers professional help). For my turns: the review's flag kinds.
FIVE_TURNS = [  # the offer comes once distress has run across 3 of 4 turns, and not again at once
    ("partner", "My dog died yesterday", ("sadness", "sadness", False, True, False)),
    ("me", "Why didn't you call me right away?", ["why_question"]),
    ("partner", "his leash is still by the door", (None, "sadness", True, False, False)),
    ("partner", "I feel so empty and alone without him", ("sadness", "sadness", False, True, False)),
    ("partner", "Work was awful too, I cried in the bathroom", ("sadness", "sadness", False, True, True)),
    ("partner", "I'm not angry, just so exhausted", ("exhaustion", "exhaustion", False, True, False)),
]


@pytest.fixture(scope="module")
def chat() -> tuple[Conversation, list[Listening | Review]]:
    c = Conversation()
    return c, [c.add(text, who=who) for who, text, _ in FIVE_TURNS]


@pytest.mark.parametrize("i", range(len(FIVE_TURNS)))
def test_golden_five_turn_conversation(i: int, chat: tuple[Conversation, list[Listening | Review]]) -> None:
    c, results = chat
    who, text, expected = FIVE_TURNS[i]
    result = results[i]
    turn = c.turns[i]
    assert turn.who == who and turn.text == text and turn.result == result
    if who == "me":
        assert isinstance(result, Review) and [f.kind for f in result.flags] == expected
        return
    assert isinstance(result, Listening)
    dominant, carried_after, was_carried, distressed, offers_help = expected
    assert result.analysis.dominant == dominant
    assert Conversation.from_dict(c.to_dict()).turns[: i + 1] == c.turns[: i + 1]
    feeling_then = Conversation.from_dict({"turns": c.to_dict()["turns"][: i + 1]}).feeling
    assert feeling_then == carried_after
    assert (turn.carried is not None) == was_carried
    assert turn.distressed == distressed
    assert any(s.kind == "professional_help" for s in result.suggestions) == offers_help
    assert result.reply and all(r.reply != result.reply for r in results[:i] if isinstance(r, Listening))


def test_a_bare_turn_carries_the_grief_about_the_dog_never_a_guessed_topic(chat) -> None:  # type: ignore[no-untyped-def]
    _c, results = chat
    missing = results[2]
    assert isinstance(missing, Listening)
    said = " ".join([missing.reply, *(s.text for s in missing.suggestions)]).lower()
    assert "pets" not in said and "the pets" not in said
    assert any(w in said for w in ("heartbroken", "miss", "dog", "sad", "grief"))


def test_a_topic_name_the_partner_never_used_counts_as_guessed(lw: listenwell.Listener) -> None:
    c = Conversation(lw)
    c.add("My dog died yesterday")
    guess = Listening(analysis=listenwell.Analysis(text="I just miss him so much"), mode="reflect",
                      reply="It sounds like the pets have been on your mind.")  # fmt: skip
    assert c._guessed(guess, "I just miss him so much")
    assert not c._guessed(guess, "I miss the pets")  # their own word fits
    own = Listening(analysis=listenwell.Analysis(text="the pets", topics=("pets",)), mode="reflect",
                    reply="It sounds like the pets have been on your mind.")  # fmt: skip
    assert not c._guessed(own, "the pets")  # this turn's own topic is not carried


def test_the_offer_of_help_is_gentle_and_comes_once(chat) -> None:  # type: ignore[no-untyped-def]
    c, results = chat
    offers = [s for r in results if isinstance(r, Listening) for s in r.suggestions if s.kind == "professional_help"]
    assert len(offers) == 1
    text = offers[0].text.lower()
    assert "counsellor" in text and ("if" in text or "option" in text)
    for pressure in ("you need to", "you should", "you must", "have to"):
        assert pressure not in text
    assert listenwell.review(offers[0].text).flags == ()
    assert offers[0].evidence == ("distress:3/4 partner turns",)


def test_my_turn_is_reviewed_against_their_latest_message(chat) -> None:  # type: ignore[no-untyped-def]
    _c, results = chat
    review = results[1]
    assert isinstance(review, Review) and review.message is not None
    assert review.message.text == "My dog died yesterday"


def test_conversation_serialises_as_json_and_back(chat) -> None:  # type: ignore[no-untyped-def]
    c, _ = chat
    data = json.loads(c.to_json())
    again = Conversation.from_dict(data)
    assert again.to_dict() == c.to_dict() and again.feeling == c.feeling and len(again) == len(c)
    again.add("Thank you for listening to me")  # a restored conversation carries on
    assert len(again) == len(c) + 1


@pytest.mark.parametrize(
    ("text", "who", "error"),
    [("", "partner", ValueError), ("  ", "me", ValueError), ("hi", "them", ValueError), (b"hi", "partner", TypeError)],
)
def test_bad_turns_are_refused(text: object, who: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        Conversation().add(text, who=who)  # type: ignore[call-overload]


def test_a_crisis_keeps_the_safety_reply_and_no_offer() -> None:
    c = Conversation()
    for text in ("I'm so exhausted and sad", "Everything feels hopeless", "I'm so lonely"):
        c.add(text)
    r = c.add("I want to end my life")
    assert r.mode == "safety" and r.resources
    assert not any(s.kind == "professional_help" for s in r.suggestions)


# --- invite ----------------------------------------------------------------------------------------------------
OPENERS = listenwell.default_listener().rules.rows("invite")


@pytest.mark.parametrize("row", OPENERS, ids=lambda r: r.id)
def test_every_opener_passes_review_with_no_flags(row) -> None:  # type: ignore[no-untyped-def]
    v = listenwell.review(row.text)
    assert v.flags == () and v.ok, [(f.kind, f.text) for f in v.flags]
    assert row.text.startswith("I") and row.text.count("?") == 1 and row.text.endswith("?")


def test_every_topic_has_openers_and_openers_fit_what_was_asked() -> None:
    assert len(OPENERS) >= 12
    for topic in INVITE_TOPICS:
        got = listenwell.invite(topic=topic)
        assert len(got) == 3 and all(s.kind == "invitation" for s in got)
        assert all(f"topic:{topic}" in s.evidence for s in got[:2])
    both = listenwell.invite(feeling="loneliness", topic="relationship", count=2)
    assert both[0].rule == "invite.relationship.loneliness"
    assert listenwell.invite() == listenwell.invite()
    assert {s.rule for s in listenwell.invite(seed=1, count=5)} != {s.rule for s in listenwell.invite(count=5)}


@pytest.mark.parametrize("kwargs", [{"topic": "money"}, {"feeling": "happy"}, {"count": 0}])
def test_invite_refuses_what_it_does_not_know(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"^E0(41|42|10) ") as info:  # a coded ListenwellError
        listenwell.invite(**kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, listenwell.ListenwellError)


@pytest.mark.parametrize(
    ("row", "key"),
    [
        ({"feel": "You've seemed distant.", "ease": "No rush.", "ask": "How are you?"}, "feel"),
        ({"feel": "I miss you.", "ease": "Can we talk?", "ask": "How are you?"}, "ease"),
        ({"feel": "I miss you.", "ease": "No rush.", "ask": "Are you okay?"}, "ask"),
        ({"feel": "I miss you.", "ease": "No rush.", "ask": "What? How?"}, "ask"),
        ({"feel": "I miss you.", "ease": "No rush.", "ask": "How are you?", "topic": "money"}, "topic"),
    ],
)
def test_a_bad_opener_row_names_its_file_line_and_key(tmp_path: Path, row: dict[str, str], key: str) -> None:
    f = tmp_path / "invite-mine.jsonl"
    good = {"id": "mine.ok", "feeling": "love", "feel": "I miss you.", "ease": "No rush.", "ask": "How are you?"}
    f.write_text(json.dumps(good) + "\n" + json.dumps({"id": "mine.bad", "feeling": "love", **row}) + "\n")
    problems = listenwell.check_rules(f)
    assert len(problems) == 1 and f"{f}:2" in problems[0] and f"key '{key}'" in problems[0], problems


def test_a_users_opener_is_used(tmp_path: Path) -> None:
    f = tmp_path / "invite-mine.jsonl"
    row = {"id": "mine.garden", "feeling": "love", "topic": "stress", "feel": "I've loved our walks lately.",
           "ease": "No rush at all.", "ask": "How are you feeling this week?"}  # fmt: skip
    f.write_text(json.dumps(row) + "\n", encoding="utf-8")
    from types import SimpleNamespace

    from listenwell._invite import invite

    got = invite(SimpleNamespace(rules=listenwell.load_rules([f])), topic="stress", count=20)  # type: ignore[arg-type]
    assert "mine.garden" in {s.rule for s in got}


def test_invite_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from listenwell import cli

    assert cli.main(["invite", "--topic", "work", "--json"]) == 0
    out = capsys.readouterr().out
    assert [s["text"] for s in json.loads(out)] == [s.text for s in listenwell.invite(topic="work")]
    assert cli.main(["invite", "--topic", "work", "--feeling", "happy"]) == 2
    assert "unknown feeling" in capsys.readouterr().err
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    p = subprocess.run([sys.executable, "-m", "listenwell", "invite", "-n", "1"], capture_output=True, text=True,
                       env=env, timeout=120)  # fmt: skip
    assert p.returncode == 0 and listenwell.invite(count=1)[0].text[:40] in " ".join(p.stdout.split())


def test_every_result_has_to_json(lw: listenwell.Listener) -> None:
    listening = lw.listen("I'm not angry, just so tired")
    review = lw.review("Why are you upset?", message="I'm not angry, just so tired")
    for result in (listening, listening.analysis, review):
        text = result.to_json()
        assert type(result).from_dict(json.loads(text)) == result
    assert next(iter(json.loads(listening.to_json()))) == "reply"
