"""The HTTP contract: OpenAPI describes every field of the to_dict() shapes, one error shape, request ids, the
access log (no message text), locale, the batch endpoint and /docs with no CDN. In-process (TestClient)."""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import listenwell  # noqa: E402
from listenwell import _results  # noqa: E402


@pytest.fixture(scope="module")
def client(lw: listenwell.Listener) -> Any:
    from fastapi.testclient import TestClient

    from listenwell.server import create_app

    return TestClient(create_app(listener=lw, batch_limit=5))


@pytest.fixture(scope="module")
def spec(client: Any) -> dict[str, Any]:
    return client.get("/openapi.json").json()  # type: ignore[no-any-return]


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return _resolve(spec, spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    for key in ("anyOf", "oneOf"):  # "X | None": the non-null branch
        if key in schema:
            branches = [b for b in schema[key] if b.get("type") != "null"]
            if len(branches) == 1:
                return _resolve(spec, branches[0])
    return schema


def _same_shape(spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str) -> None:
    schema = _resolve(spec, schema)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        assert set(props) == set(value), f"{where}: schema {sorted(props)} != to_dict {sorted(value)}"
        assert set(schema.get("required", ())) == set(props), f"{where}: every field is always sent"
        for key, sub in props.items():
            assert _resolve(spec, sub).get("description") or sub.get("description"), f"{where}.{key}: no description"
            _same_shape(spec, sub, value[key], f"{where}.{key}")
    elif isinstance(value, list):
        assert schema.get("type") == "array", where
        for i, item in enumerate(value):
            _same_shape(spec, schema["items"], item, f"{where}[{i}]")


def _response_schema(spec: dict[str, Any], path: str, status: str = "200") -> dict[str, Any]:
    return spec["paths"][path]["post"]["responses"][status]["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def test_openapi_schemas_match_to_dict_shapes(spec: dict[str, Any], lw: listenwell.Listener) -> None:
    message = "I'm not angry, just so tired. You never help with the kids and I want to end my life"
    listening = lw.listen(message, locale="en_US").to_dict()
    assert listening["analysis"]["emotions"] and listening["analysis"]["cues"] and listening["resources"]
    review = lw.review("Why didn't you just tell me? You should relax. I hear you.", message=message).to_dict()
    assert review["flags"] and review["strengths"] and review["missed"] and review["message"]
    _same_shape(spec, _response_schema(spec, "/v1/analyze"), listening["analysis"], "Analysis")
    _same_shape(spec, _response_schema(spec, "/v1/listen"), listening, "Listening")
    _same_shape(spec, _response_schema(spec, "/v1/review"), review, "Review")
    _same_shape(spec, _response_schema(spec, "/v1/listen/batch"), {"results": [listening]}, "ListenBatch")


@pytest.mark.parametrize(
    ("cls", "model"),
    [("Analysis", "AnalysisOut"), ("Sentiment", "SentimentOut"), ("EmotionMention", "EmotionMentionOut"),
     ("Cue", "CueOut"), ("Listening", "ListeningOut"), ("Suggestion", "SuggestionOut"), ("Resource", "ResourceOut"),
     ("Review", "ReviewOut"), ("Flag", "FlagOut"), ("Strength", "StrengthOut"), ("Missed", "MissedOut"),
     ("Balance", "BalanceOut")],
)  # fmt: skip
def test_every_result_field_is_in_its_schema(spec: dict[str, Any], cls: str, model: str) -> None:
    fields = {f.name for f in dataclasses.fields(getattr(_results, cls))}
    assert set(spec["components"]["schemas"][model]["properties"]) == fields


def test_reply_comes_first(client: Any) -> None:
    body = client.post("/v1/listen", json={"text": "I feel so alone lately"}).json()
    assert next(iter(body)) == "reply" and body["reply"]


@pytest.mark.parametrize("status", ["400", "404", "405", "413", "415", "422", "503"])
def test_one_error_model_is_documented(spec: dict[str, Any], status: str) -> None:
    for path, ops in spec["paths"].items():
        for op in ops.values():
            schema = op["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (path, status)
    assert set(spec["components"]["schemas"]["ErrorOut"]["properties"]) == {"error", "detail"}


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("post", "/v1/analyze", {"content": b"{nope", "headers": {"content-type": "application/json"}}, 400),
        ("get", "/v1/nothing", {}, 404),
        ("get", "/v1/listen", {}, 405),
        ("post", "/v1/listen", {"json": {"text": "a" * 20_001}}, 413),
        ("post", "/v1/listen/batch", {"json": {"texts": ["hi"] * 6}}, 413),
        ("post", "/v1/analyze", {"content": b"text=hi", "headers": {"content-type": "text/plain"}}, 415),
        ("post", "/v1/analyze", {"json": {"txt": "hi"}}, 422),
        ("post", "/v1/analyze", {"json": {"text": ""}}, 422),
        ("post", "/v1/listen", {"json": {"text": "  \n "}}, 422),
        ("post", "/v1/review", {"json": {"draft": " "}}, 422),
        ("post", "/v1/review", {"json": {"draft": "ok", "message": ""}}, 422),
        ("post", "/v1/listen/batch", {"json": {"texts": ["fine", ""]}}, 422),
    ],
)
def test_every_error_has_the_one_shape(
    client: Any, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error", "detail"} and body["error"] and body["detail"]


def test_empty_text_422_names_the_field(client: Any) -> None:
    detail = client.post("/v1/listen/batch", json={"texts": ["fine", " "]}).json()["detail"]
    assert "texts.1" in detail and "empty" in detail


def test_locale_in_the_request_picks_the_resources(client: Any) -> None:
    text = "I want to end my life"
    us = client.post("/v1/listen", json={"text": text, "locale": "en_US"}).json()["resources"]
    gb = client.post("/v1/listen", json={"text": text, "locale": "en_GB"}).json()["resources"]
    assert us != gb and {r["locale"] for r in us} & {"en_US"} and {r["locale"] for r in gb} & {"en_GB"}
    batch = client.post("/v1/listen/batch", json={"texts": [text], "locale": "en_GB"}).json()["results"]
    assert batch[0]["resources"] == gb


def test_batch_gives_the_same_results_as_listen_many(client: Any, lw: listenwell.Listener) -> None:
    texts = ["I feel so alone lately", "We're engaged!!!", "I need some space tonight"]
    body = client.post("/v1/listen/batch", json={"texts": texts, "seed": 3}).json()
    assert body == {"results": [r.to_dict() for r in lw.listen_many(texts, seed=3)]}


def test_request_id_is_echoed_or_made(client: Any) -> None:
    r = client.post("/v1/analyze", json={"text": "hi there"}, headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    made = client.get("/healthz").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert client.get("/nowhere", headers={"X-Request-ID": "e-404"}).headers["x-request-id"] == "e-404"
    assert client.get("/healthz", headers={"X-Request-ID": "bad id\t"}).headers["x-request-id"] != "bad id\t"


def test_one_access_log_line_per_request_without_the_message(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    secret = "my sister's secret diagnosis"
    with caplog.at_level(logging.INFO, logger="listenwell.access"):
        client.post("/v1/listen?note=private", json={"text": secret}, headers={"X-Request-ID": "r-1"})
        client.post("/v1/review", json={"draft": secret})
    lines = [r.getMessage() for r in caplog.records if r.name == "listenwell.access"]
    assert len(lines) == 2
    assert lines[0].startswith("POST /v1/listen 200 ") and lines[0].endswith("id=r-1")
    for line in lines:
        assert "secret" not in line and "sister" not in line and "private" not in line


def test_docs_work_offline(client: Any) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/") for u in urls), urls  # nothing from another host
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert "swagger-ui-bundle.js" in page.text
