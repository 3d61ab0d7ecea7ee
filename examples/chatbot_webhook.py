"""A small chat-bot adapter: receives a message webhook over HTTP and answers with suggestions.

The payload follows the shape common chat platforms use for an incoming message event:
    {"type": "message", "message": {"id": "...", "text": "...", "from": {"id": "..."}}, "conversation": {"id": "..."}}
The reply is {"reply", "conversation_id", "reply_to", "mode", "suggestions": [...], "resources": [...]}: "reply" is the
one message to offer first; "suggestions" are the alternatives. Earlier turns of each
conversation are kept in memory, so suggestions are not repeated within a conversation.

Run it:  python examples/chatbot_webhook.py --port 8080   (or import make_app())
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from typing import Any

from fastapi import FastAPI, HTTPException

import listenwell


def make_app() -> FastAPI:
    app = FastAPI(title="listenwell webhook adapter")
    history: dict[str, list[str]] = defaultdict(list)

    @app.post("/webhook")
    async def webhook(event: dict[str, Any]) -> dict[str, Any]:
        message = event.get("message") or {}
        text = message.get("text")
        if event.get("type") != "message" or not isinstance(text, str):
            raise HTTPException(status_code=422, detail="expected a message event with message.text")
        conversation = str((event.get("conversation") or {}).get("id", "default"))
        listening = listenwell.listen(text, context=history[conversation])
        history[conversation].append(text)
        history[conversation].extend([listening.reply, *(s.text for s in listening.suggestions)])
        return {
            "reply": listening.reply,
            "conversation_id": conversation,
            "reply_to": message.get("id"),
            "mode": listening.mode,
            "suggestions": [{"text": s.text, "kind": s.kind} for s in listening.suggestions],
            "resources": [r.to_dict() for r in listening.resources],
        }

    return app


if __name__ == "__main__":
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    uvicorn.run(make_app(), host=args.host, port=args.port, log_level="warning")
