"""JSON over HTTP: ``POST /v1/analyze``, ``/v1/listen``, ``/v1/review``, ``GET /healthz`` (FastAPI).

Needs the extra: ``pip install "listenwell[server]"``. Responses are the same JSON as ``listenwell --json``.
Errors come back as JSON: 400/422 for a malformed body, 413 for text over the maximum length.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from . import __version__
from ._errors import MessageTooLong
from ._listener import Listener

__all__ = ["create_app"]


class TextIn(BaseModel):
    text: str = Field(description="the partner's message")


class ListenIn(BaseModel):
    text: str = Field(description="the partner's message")
    context: list[str] | None = Field(default=None, description="earlier turns, oldest first")
    seed: int | None = Field(default=None, description="vary the suggestions")


class ReviewIn(BaseModel):
    draft: str = Field(description="the reply you drafted")
    message: str | None = Field(default=None, description="the partner's message it answers")


def create_app(rules: Sequence[str] | None = None, listener: Listener | None = None) -> FastAPI:
    """A FastAPI app around one Listener (shared by all requests; requests are handled one at a time)."""
    lw = listener or Listener(rules=list(rules) if rules else None)
    app = FastAPI(
        title="listenwell",
        version=__version__,
        description="Find the feelings in a partner's message and suggest what to say back. "
        "A listening aid: no diagnosis, no substitute for professional help.",
    )

    @app.exception_handler(MessageTooLong)
    async def too_long(_request: Request, exc: MessageTooLong) -> JSONResponse:
        return JSONResponse(status_code=413, content={"error": "message_too_long", "detail": str(exc)})

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        status = 400 if any(e.get("type") == "json_invalid" for e in errors) else 422
        detail = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in errors)
        return JSONResponse(status_code=status, content={"error": "bad_request", "detail": detail})

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/analyze")
    async def analyze(body: TextIn) -> dict[str, object]:
        return lw.analyze(body.text).to_dict()

    @app.post("/v1/listen")
    async def listen(body: ListenIn) -> dict[str, object]:
        return lw.listen(body.text, context=body.context, seed=body.seed).to_dict()

    @app.post("/v1/review")
    async def review(body: ReviewIn) -> dict[str, object]:
        return lw.review(body.draft, message=body.message).to_dict()

    return app
