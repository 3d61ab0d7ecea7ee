"""The HTTP server under hostile input and load: one JSON error shape, bodies refused before they are read, no
5xx on well-formed requests, /healthz answering while the heaviest message is read, 503 past the time budget.

Each server here is started on 127.0.0.1 by the test module and stopped at its end. The full load test
(10,000 requests) is ``python benchmarks/loadtest.py``; this runs a small one.
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from loadtest import rss_mib, run_load, server  # noqa: E402

pytestmark = pytest.mark.slow
HEAVIEST = ("!?!!?.,;:-" * 2000)[:20_000]  # the slowest in-limit text in benchmarks/scaling.py
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def srv() -> Iterator[tuple[str, int]]:
    with server() as (url, proc):
        yield url, proc.pid


def _is_error(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text[:200]
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error", "detail"} and body["error"] == code, body
    assert isinstance(body["detail"], str) and body["detail"]


@pytest.mark.parametrize(
    ("content", "headers", "status", "code"),
    [
        (b"{not json", JSON, 400, "bad_request"),
        (b'{"text": "hi"}'.decode().encode("utf-16"), JSON, 400, "bad_request"),
        ('{"text": "café"}'.encode("latin-1"), JSON, 400, "bad_request"),
        (b"[" * 100_000 + b"]" * 100_000, JSON, 400, "bad_request"),
        (b'{"text": "hi", "seed": ' + b"9" * 5000 + b"}", JSON, 400, "bad_request"),
        (b'{"text": "hi"}', {"content-type": "text/plain"}, 415, "unsupported_media"),
        (b'{"text": "hi"}', {"content-type": "application/json; charset=latin-1"}, 415, "unsupported_media"),
        (b'{"txt": "hi"}', JSON, 422, "bad_request"),
        (b'{"text": "hi", "context": 5}', JSON, 422, "bad_request"),
        (b'{"text": "hi", "context": {"a": 1}}', JSON, 422, "bad_request"),
    ],
    ids=["bad-json", "utf16", "latin1", "deep", "big-int", "ctype", "charset", "missing", "ctx-int", "ctx-dict"],
)
def test_malformed_bodies_get_one_json_error_shape(
    srv: tuple[str, int], content: bytes, headers: dict[str, str], status: int, code: str
) -> None:
    url, _pid = srv
    _is_error(httpx.post(url + "/v1/listen", content=content, headers=headers), status, code)
    assert httpx.post(url + "/v1/analyze", json={"text": "I'm ok"}).status_code == 200


def test_other_errors_share_the_shape(srv: tuple[str, int]) -> None:
    url, _pid = srv
    _is_error(httpx.get(url + "/nope"), 404, "not_found")
    _is_error(httpx.get(url + "/v1/listen"), 405, "method_not_allowed")
    _is_error(httpx.post(url + "/v1/listen", json={"text": "a" * 20_001}), 413, "message_too_long")


def test_a_big_body_is_refused_before_it_is_read(srv: tuple[str, int]) -> None:
    url, pid = srv
    before = rss_mib(pid)
    r = httpx.post(url + "/v1/listen", content=b"x" * 50_000_000, headers=JSON)
    _is_error(r, 413, "body_too_large")
    assert "50000000" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap applies while reading
        for _ in range(50):
            yield b"x" * 100_000

    _is_error(httpx.post(url + "/v1/listen", content=chunks(), headers=JSON), 413, "body_too_large")
    if before > 0:
        assert rss_mib(pid) - before < 30, "the server read the refused bodies in full"
    assert httpx.get(url + "/healthz").status_code == 200


def test_lone_surrogates_are_analysed(srv: tuple[str, int]) -> None:
    url, _pid = srv
    raw = b'{"text": "I feel so alone \\udc2c\\ud83d", "context": ["\\udfff hi"]}'
    r = httpx.post(url + "/v1/listen", content=raw, headers=JSON)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["analysis"]["text"] == "I feel so alone \ufffd\ufffd"
    assert data["analysis"]["dominant"] == "loneliness"
    r = httpx.post(url + "/v1/review", content=b'{"draft": "\\ud800 calm down", "message": "\\udc00"}', headers=JSON)
    assert r.status_code == 200 and r.json()["flags"], r.text


def test_healthz_answers_while_the_heaviest_message_is_read(srv: tuple[str, int]) -> None:
    url, _pid = srv
    result: dict[str, object] = {}

    def heavy() -> None:
        result["status"] = httpx.post(url + "/v1/listen", json={"text": HEAVIEST}, timeout=120).status_code

    thread = threading.Thread(target=heavy)
    thread.start()
    time.sleep(0.1)
    latencies = []
    with httpx.Client() as client:
        while thread.is_alive() or len(latencies) < 5:
            start = time.perf_counter()
            assert client.get(url + "/healthz").status_code == 200
            latencies.append(time.perf_counter() - start)
            time.sleep(0.02)
    thread.join()
    assert result["status"] == 200
    # Within 100 ms; the median is asserted, not every sample, since other processes share this machine's cores.
    assert statistics.median(latencies) < 0.1, latencies


def test_small_load_with_hostile_requests(srv: tuple[str, int]) -> None:
    url, pid = srv
    run_load(url, pid, requests=100, concurrency=32, hostile_share=0.05, seed=1, flood=5_000)  # warm up
    first = run_load(url, pid, requests=200, concurrency=32, hostile_share=0.05, seed=2, flood=5_000)
    second = run_load(url, pid, requests=200, concurrency=32, hostile_share=0.05, seed=3, flood=5_000)
    for report in (first, second):
        assert not report.failures, "\n".join(report.lines())
        assert report.healthy_after
        assert sum(n for (kind, status), n in report.statuses.items() if kind == "ok" and status == 200) > 150
    if first.rss_after > 0:
        assert second.rss_after < first.rss_after * 1.1, "\n".join(first.lines() + second.lines())


def test_a_request_over_the_time_budget_gets_503_and_the_server_carries_on(
    lw: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from listenwell.server import create_app

    listen = lw.listen

    def slow_listen(text: str, **kwargs: Any) -> Any:  # a request that takes longer than the budget, every time
        time.sleep(1.5)
        return listen(text, **kwargs)

    monkeypatch.setattr(lw, "listen", slow_listen)
    with TestClient(create_app(listener=lw, time_budget=0.3)) as client:
        r = client.post("/v1/listen", json={"text": "I feel so alone"})
        _is_error(r, 503, "over_time_budget")
        assert r.headers.get("retry-after")
        assert client.get("/healthz").status_code == 200
        deadline = time.monotonic() + 60  # the stuck work finishes alone; a fresh Listener takes over
        while True:
            r = client.post("/v1/analyze", json={"text": "I'm so tired"})
            if r.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert r.status_code == 200 and r.json()["dominant"] == "exhaustion"
