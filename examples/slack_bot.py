"""A Slack bot: slash commands that help you listen, on Slack's own Bolt framework (slack_bolt).

    /listen <what they said>   the reply to send first, other ways to say it, what to ask (or the safety reply)
    /review <your draft>       your draft reviewed against the last message you gave /listen
    /opener [topic]            a way in when they have not said anything yet (family, work, relationship, stress)

Each user's chat is a listenwell.Conversation, kept between requests as JSON (swap the dict for your store), so
feelings carry forward, nothing is said twice, and distress across several messages is noticed. The answers are
ephemeral: only the person asking sees them. Nothing is sent anywhere but back to Slack.

Run it (a Slack app with the three slash commands pointing at this server):
    SLACK_BOT_TOKEN=xoxb-... SLACK_SIGNING_SECRET=... python examples/slack_bot.py --port 3000
tests/test_examples.py dispatches signed requests to it locally with Bolt's own BoltRequest, no network.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App

import listenwell

TOPICS = ("family", "work", "relationship", "stress")


def _lines(listening: listenwell.Listening) -> str:
    """A Listening as Slack mrkdwn: the reply first, then the rest."""
    if listening.mode == "safety":
        out = [":rotating_light: *Safety first.* Take this seriously and stay with them.", f"*Say:* {listening.reply}"]
        out += [f"• *{r.name}:* {r.contact}" for r in listening.resources]
        return "\n".join(out)
    out = [f"*You could say:* {listening.reply}"]
    alternatives = [s.text for s in listening.suggestions if s.text not in listening.reply]
    out += [f"• {text}" for text in alternatives]
    return "\n".join(out)


def _review_lines(review: listenwell.Review) -> str:
    if not review.flags and not review.missed:
        return ":white_check_mark: No roadblocks found."
    out = [f":x: *{f.kind.replace('_', ' ')}* ({f.text!r}): {f.why}\n   _Try:_ {f.suggestion}" for f in review.flags]
    out += [f":grey_exclamation: *missed {m.kind}:* {m.why}\n   _Try:_ {m.suggestion}" for m in review.missed]
    return "\n".join(out)


def make_app(
    *,
    token: str | None = None,
    signing_secret: str | None = None,
    authorize: Callable[..., Any] | None = None,
    store: dict[str, str] | None = None,
) -> App:
    """The Bolt app. ``store`` keeps each user's conversation as JSON (default: a dict in memory)."""
    app = App(
        token=token if authorize is None else None,
        signing_secret=signing_secret or os.environ["SLACK_SIGNING_SECRET"],
        authorize=authorize,
        process_before_response=True,  # answer within the request (the ack carries the answer)
    )
    chats: dict[str, str] = {} if store is None else store

    def conversation(body: dict[str, Any]) -> listenwell.Conversation:
        saved = chats.get(f"{body['team_id']}:{body['user_id']}")
        return listenwell.Conversation.from_dict(json.loads(saved)) if saved else listenwell.Conversation()

    def keep(body: dict[str, Any], chat: listenwell.Conversation) -> None:
        chats[f"{body['team_id']}:{body['user_id']}"] = chat.to_json()

    @app.command("/listen")
    def listen(ack: Ack, command: dict[str, Any]) -> None:
        text = command.get("text", "")
        if not text.strip():
            ack("Paste what they said after /listen, e.g. `/listen I feel so alone lately`.")
            return
        chat = conversation(command)
        listening = chat.add(text)
        keep(command, chat)
        ack(text=_lines(listening), response_type="ephemeral")

    @app.command("/review")
    def review(ack: Ack, command: dict[str, Any]) -> None:
        draft = command.get("text", "")
        if not draft.strip():
            ack("Paste your draft after /review, e.g. `/review That sounds so hard. What happened?`.")
            return
        chat = conversation(command)
        result = chat.add(draft, who="me")
        keep(command, chat)
        ack(text=_review_lines(result), response_type="ephemeral")

    @app.command("/opener")
    def opener(ack: Ack, command: dict[str, Any]) -> None:
        topic = command.get("text", "").strip().lower() or None
        if topic is not None and topic not in TOPICS:
            ack(f"Try one of: {', '.join(TOPICS)} (or nothing).")
            return
        openers = listenwell.invite(topic=topic, count=2)
        ack(text="\n".join(f"• {s.text}" for s in openers), response_type="ephemeral")

    return app


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=3000, help="port for Bolt's own HTTP server")
    args = parser.parse_args()
    make_app(token=os.environ["SLACK_BOT_TOKEN"]).start(port=args.port)
