"""JSON over HTTP: ``POST /v1/analyze``, ``/v1/listen``, ``/v1/listen/batch``, ``/v1/review``, ``GET /healthz``
(FastAPI), OpenAPI docs at ``/docs`` served from the package's own assets (no CDN).

Needs the extra: ``pip install "listenwell[server]"``. Responses are the same JSON as ``listenwell --json``
(``reply`` first), described field by field in the OpenAPI schema (``_api_models.py``). ``/v1/listen`` and
``/v1/listen/batch`` take a ``locale``; a batch holds at most ``batch_limit`` texts (default 100). An empty or
whitespace-only text is a 422. Every response carries ``X-Request-ID`` (the client's, or a new one), and each request
logs one line on ``listenwell.access``: method, path, status, milliseconds, request id; never a message.

Every error is JSON of one shape, ``{"error": CODE, "detail": MESSAGE}``:

====  ======================  =====================================================================
400   ``bad_request``         the body is not JSON, not UTF-8, or nested/numbered past what is parsed
404   ``not_found``           no such path
405   ``method_not_allowed``  wrong method for the path
413   ``body_too_large``      the body is over the server's limit (refused before it is read in full)
413   ``message_too_long``    a text is over the Listener's ``max_length``
413   ``batch_too_large``     more texts in one ``/v1/listen/batch`` request than ``batch_limit``
415   ``unsupported_media``   a content type other than JSON, or a charset other than UTF-8
422   ``bad_request``         well-formed JSON with missing or wrong fields
503   ``over_time_budget``    the analysis did not finish within the per-request time budget
500   ``internal_error``      anything else (logged with its traceback; the server keeps serving)
====  ======================  =====================================================================

Analysis runs on a thread pool, never on the event loop, so ``/healthz`` answers while a long message is being
read. A request that is not done within the time budget gets 503 at once. Its work is abandoned if it has not
started; if it has, it is isolated: it runs to its end on its own Listener, its result dropped, while later
requests go to a fresh Listener built from the same rules (the analysis is linear in the text, so that end is
near). The loaded rules are moved out of the garbage collector's way (``gc.freeze``) so that no collection pause
holds up ``/healthz``.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from ._api_models import AnalysisOut, ErrorOut, ListenBatchOut, ListeningOut, ReviewOut
from ._errors import ArgumentValueError, Errors, MessageTooLong
from ._listener import Listener
from ._loading import RuleSet

__all__ = ["create_app", "DEFAULT_MAX_BODY", "DEFAULT_TIME_BUDGET", "DEFAULT_BATCH_LIMIT"]

DEFAULT_MAX_BODY = 1_000_000  # bytes: room for a 20,000-character message written entirely in \\uXXXX escapes
DEFAULT_TIME_BUDGET = 10.0  # seconds a request may take, waiting included
DEFAULT_BATCH_LIMIT = 100  # texts per /v1/listen/batch request
_STATUS_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}
_log = logging.getLogger("listenwell.server")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _words(value: str) -> str:
    """A text must hold words: an empty or whitespace-only one is a 422, as it is a usage error in the CLI."""
    if not value.strip():
        raise ArgumentValueError(Errors.E044.format(what="the text"))  # pydantic reports it as a value error
    return value


Words = Annotated[str, AfterValidator(_words)]


class TextIn(BaseModel):
    text: Words = Field(description="the partner's message (not empty)")


class ListenIn(BaseModel):
    text: Words = Field(description="the partner's message (not empty)")
    context: list[str] | None = Field(default=None, description="earlier turns, oldest first")
    seed: int | None = Field(default=None, description="vary the suggestions")
    locale: str | None = Field(
        default=None, description="locale for crisis resources, e.g. en_US (default: the server's)"
    )


class ListenBatchIn(BaseModel):
    texts: list[Words] = Field(description="the messages, each not empty; at most the server's batch limit (100)")
    seed: int | None = Field(default=None, description="vary the suggestions")
    locale: str | None = Field(
        default=None, description="locale for crisis resources, e.g. en_US (default: the server's)"
    )


class ReviewIn(BaseModel):
    draft: Words = Field(description="the reply you drafted (not empty)")
    message: Words | None = Field(default=None, description="the partner's message it answers (not empty)")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "bad_request: the body is not UTF-8 JSON, or nested/numbered too deeply"},
    404: {"model": ErrorOut, "description": "not_found: no such path"},
    405: {"model": ErrorOut, "description": "method_not_allowed: wrong method for the path"},
    413: {"model": ErrorOut, "description": "body_too_large, message_too_long or batch_too_large"},
    415: {"model": ErrorOut, "description": "unsupported_media: not JSON, or not UTF-8"},
    422: {"model": ErrorOut, "description": "bad_request: missing, wrong or empty fields (the detail names them)"},
    503: {"model": ErrorOut, "description": "over_time_budget: not done within the per-request time budget"},
    500: {"model": ErrorOut, "description": "internal_error: anything else"},
}


def error_body(code: str, detail: str) -> dict[str, str]:
    """The one shape of every error response."""
    return {"error": code, "detail": detail}


def _error(status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content=error_body(code, detail), headers=headers)


class BodyGuard:
    """ASGI middleware in front of the app for requests with a body.

    It refuses a body over ``max_body`` bytes from its Content-Length before reading anything, and otherwise
    stops reading as soon as the bytes received pass the limit (a chunked or lying client). It then checks that
    the content type is JSON in UTF-8 and that the body decodes as UTF-8 and parses as JSON (so a UTF-16 body, an
    integer of 5,000 digits or 100,000 nested brackets gets a 400 here, not an error deeper in), and hands the
    buffered body on to the app.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        problem = self._check_headers(headers)
        if problem is not None:
            await problem(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                response = _error(
                    413, "body_too_large", f"the request body is over {self.max_body} bytes; send less text"
                )
                await response(scope, receive, send)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        problem = self._check_body(body)
        if problem is not None:
            await problem(scope, receive, send)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as the server would say it

        await self.app(scope, replay, send)

    def _check_headers(self, headers: dict[str, str]) -> JSONResponse | None:
        """A 400/413/415 answer when the Content-Length is not a number or too large, or the Content-Type is not JSON;
        None when they are fine."""
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _error(400, "bad_request", f"Content-Length {length[:40]!r} is not a number of bytes")
            if int(length) > self.max_body:
                return _error(
                    413, "body_too_large", f"the request body is {length} bytes; the limit is {self.max_body}"
                )
        ctype = headers.get("content-type")
        if ctype is not None:
            media, _, params = ctype.partition(";")
            media = media.strip().lower()
            if media and media != "application/json" and not media.endswith("+json"):
                return _error(415, "unsupported_media", f"send JSON (Content-Type: application/json), not {media}")
            for param in params.split(";"):
                key, _, value = param.partition("=")
                charset = value.strip().strip('"').lower()
                if key.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
                    return _error(415, "unsupported_media", f"send the JSON body as UTF-8, not {charset}")
        return None

    @staticmethod
    def _check_body(body: bytes) -> JSONResponse | None:
        """A 400 answer when the body is not UTF-8 or not valid JSON; None when it is."""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _error(
                400, "bad_request", f"the body is not UTF-8 (byte 0x{body[exc.start]:02x} at offset {exc.start})"
            )
        try:
            json.loads(text)
        except RecursionError:
            return _error(400, "bad_request", "the JSON is nested too deeply")
        except ValueError as exc:  # JSONDecodeError, or an integer past Python's digit limit
            reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
            return _error(400, "bad_request", f"the body is not valid JSON: {reason}")
        return None


_access = logging.getLogger("listenwell.access")


def _request_id(raw: str | None) -> str:
    """The client's X-Request-ID when it is a short printable token; otherwise a new one."""
    if raw and len(raw) <= 128 and raw.isascii() and raw.isprintable() and " " not in raw:
        return raw
    return uuid.uuid4().hex


class RequestLog:
    """ASGI middleware, outermost: echoes ``X-Request-ID`` (or makes one) on every response, and logs one line
    per request on ``listenwell.access``: method, path, status, milliseconds and the request id. Never the body,
    the query string or any message text: the messages are private."""

    def __init__(self, app: ASGIApp, enabled: bool = True) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k.lower() == b"x-request-id"), None)
        rid = _request_id(raw)
        started = time.perf_counter()
        status = [0]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                message = {**message, "headers": [*headers, (b"x-request-id", rid.encode("latin-1"))]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if self.enabled:
                ms = (time.perf_counter() - started) * 1000
                _access.info("%s %s %d %.1fms id=%s", scope["method"], scope["path"], status[0] or 500, ms, rid)


def _warm(listener: Listener) -> Listener:
    """Build the Listener's lazy parts now, not on a request, and keep the collector off what it has loaded."""
    listener.review("warm up", message="warm up")
    gc.collect()
    gc.freeze()
    return listener


def create_app(
    rules: Sequence[str] | None = None,
    listener: Listener | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    time_budget: float = DEFAULT_TIME_BUDGET,
    workers: int = 8,
    locale: str | None = None,
    access_log: bool = True,
    batch_limit: int = DEFAULT_BATCH_LIMIT,
) -> FastAPI:
    """A FastAPI app around one Listener, shared by all requests.

    ``max_body``: largest request body in bytes. ``time_budget``: seconds a request may take before it gets 503.
    ``workers``: threads that run analyses (the Listener serves one call at a time; more threads let a queued
    request be dropped the moment its budget runs out).
    """
    current = [_warm(listener or Listener(rules=list(rules) if rules else None, locale=locale))]
    replacing = threading.Lock()
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="listenwell")

    def isolate(stuck: Listener) -> None:
        """Later requests get a fresh Listener; the stuck one finishes its work alone."""
        with replacing:
            if current[0] is stuck:
                current[0] = _warm(Listener(rules=stuck.rules, max_length=stuck.max_length, locale=stuck.locale))

    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        title="listenwell",
        version=__version__,
        description="Find the feelings in a partner's message and suggest what to say back. "
        "A listening aid: no diagnosis, no substitute for professional help. "
        'Every error is JSON: {"error": code, "detail": message}.',
    )
    app.add_middleware(BodyGuard, max_body=max_body)
    app.add_middleware(RequestLog, enabled=access_log)  # added last: outermost, so it sees every response

    async def run(fn: Callable[[Listener], dict[str, object]]) -> JSONResponse:
        """Run ``fn`` on the pool within the time budget; its result as JSON, or 503."""
        deadline = time.monotonic() + time_budget
        used: list[Listener] = []

        def job() -> dict[str, object] | None:
            if time.monotonic() > deadline:
                return None  # the budget ran out while it waited: abandon it unstarted
            used.append(current[0])
            return fn(used[0])

        future = asyncio.wrap_future(pool.submit(job))
        try:
            result = await asyncio.wait_for(future, timeout=time_budget)  # cancels it if it has not started
        except asyncio.TimeoutError:
            if used:
                threading.Thread(target=isolate, args=(used[0],), daemon=True).start()
            return _error(
                503, "over_time_budget", f"the analysis took over {time_budget:g} s; try again or send less text",
                headers={"Retry-After": "1"},
            )  # fmt: skip
        if result is None:
            return _error(503, "over_time_budget", f"the request waited over {time_budget:g} s; try again")
        return JSONResponse(content=result)

    @app.exception_handler(MessageTooLong)
    async def too_long(_request: Request, exc: MessageTooLong) -> JSONResponse:
        return _error(413, "message_too_long", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        status = 400 if any(e.get("type") == "json_invalid" for e in errors) else 422
        detail = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in errors)
        return _error(status, "bad_request", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        _log.exception("listenwell: %s %s failed", request.method, request.url.path)
        return _error(500, "internal_error", f"{type(exc).__name__}: the server could not answer this request")

    @app.get("/healthz", responses=ERRORS, summary="Is the server up?")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/analyze", response_model=AnalysisOut, responses=ERRORS, summary="Analyse a message")
    async def analyze(body: TextIn) -> JSONResponse:
        return await run(lambda lw: lw.analyze(body.text).to_dict())

    @app.post("/v1/listen", response_model=ListeningOut, responses=ERRORS, summary="Suggest what to say back")
    async def listen(body: ListenIn) -> JSONResponse:
        return await run(
            lambda lw: lw.listen(body.text, context=body.context, seed=body.seed, locale=body.locale).to_dict()
        )

    @app.post(
        "/v1/listen/batch", response_model=ListenBatchOut, responses=ERRORS, summary="listen() over many messages"
    )
    async def listen_batch(body: ListenBatchIn) -> JSONResponse:
        if len(body.texts) > batch_limit:
            return _error(413, "batch_too_large", f"{len(body.texts)} texts; send at most {batch_limit} per request")
        return await run(
            lambda lw: {
                "results": [r.to_dict() for r in lw.listen_many(body.texts, seed=body.seed, locale=body.locale)]
            }
        )

    @app.post("/v1/review", response_model=ReviewOut, responses=ERRORS, summary="Review a drafted reply")
    async def review(body: ReviewIn) -> JSONResponse:
        return await run(lambda lw: lw.review(body.draft, message=body.message).to_dict())

    _mount_web(app, current[0].rules)
    _mount_docs(app)
    return app


def _mount_web(app: FastAPI, rules: RuleSet) -> None:
    """The web page at ``/``: one HTML page, its script and style from the package (``listenwell/web``), and the
    family colours of the served ``rules`` (a user's families too) as CSS, from the same palette the CLI and
    displaCy use. No CDN, nothing from elsewhere."""
    from importlib import resources

    from fastapi.responses import HTMLResponse, Response
    from starlette.staticfiles import StaticFiles

    from ._palette import family_colours

    web = resources.files("listenwell").joinpath("web")
    page = web.joinpath("index.html").read_text(encoding="utf-8")
    css = "\n".join(f".fam-{family} {{ background: {colour}; }}" for family, colour in family_colours(rules).items())

    @app.get("/", include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get("/families.css", include_in_schema=False)
    async def families_css() -> Response:
        return Response(css + "\n", media_type="text/css")

    app.mount("/web", StaticFiles(directory=str(web)), name="web")


def _mount_docs(app: FastAPI) -> None:
    """``/docs`` without a CDN: Swagger UI from the swagger-ui-bundle package (a dependency of the ``server``
    extra); without it, a small page of our own that lists the paths and schemas from ``/openapi.json``."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse

    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        swagger_ui_path = None

    if swagger_ui_path is not None:
        from starlette.staticfiles import StaticFiles

        app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

        @app.get("/docs", include_in_schema=False)
        async def docs() -> HTMLResponse:
            return get_swagger_ui_html(
                openapi_url="/openapi.json",
                title="listenwell API",
                swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                swagger_css_url="/docs/assets/swagger-ui.css",
                swagger_favicon_url="/docs/assets/favicon-32x32.png",
            )

        return

    @app.get("/docs", include_in_schema=False)
    async def plain_docs() -> HTMLResponse:
        return HTMLResponse(_PLAIN_DOCS)


_PLAIN_DOCS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>listenwell API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}
code,pre{background:#f4f4f4;padding:.1em .3em}h2{margin-top:1.5em}</style></head>
<body><h1>listenwell API</h1><p>The full schema: <a href="/openapi.json">/openapi.json</a>.</p>
<main id="api">Loading...</main>
<script>
fetch("/openapi.json").then(r => r.json()).then(spec => {
  const main = document.getElementById("api"); main.textContent = "";
  for (const [path, ops] of Object.entries(spec.paths)) for (const [method, op] of Object.entries(ops)) {
    const h = document.createElement("h2"); h.textContent = method.toUpperCase() + " " + path; main.append(h);
    const p = document.createElement("p"); p.textContent = op.summary || ""; main.append(p);
    const pre = document.createElement("pre");
    pre.textContent = JSON.stringify(op.responses, null, 1); main.append(pre);
  }
});
</script></body></html>"""
