"""The HTTP server, started for real on a loopback port and called over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "listenwell.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("server did not start: " + proc.stderr.read().decode() if proc.stderr else "")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_healthz(base_url: str) -> None:
    r = httpx.get(base_url + "/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_endpoints_return_the_same_json_as_the_library(base_url: str) -> None:
    import listenwell

    text = "I've been so stressed at work and it feels like you don't even notice"
    assert httpx.post(base_url + "/v1/analyze", json={"text": text}).json() == listenwell.analyze(text).to_dict()
    assert httpx.post(base_url + "/v1/listen", json={"text": text}).json() == listenwell.listen(text).to_dict()
    body = {"draft": "Why are you so upset?", "message": text}
    assert httpx.post(base_url + "/v1/review", json=body).json() == listenwell.review(**body).to_dict()


def test_openapi_docs(base_url: str) -> None:
    spec = httpx.get(base_url + "/openapi.json").json()
    assert {"/v1/analyze", "/v1/listen", "/v1/review", "/healthz"} <= set(spec["paths"])
    assert httpx.get(base_url + "/docs").status_code == 200


@pytest.mark.parametrize(
    ("path", "content", "status"),
    [
        ("/v1/analyze", b"{not json", 400),
        ("/v1/analyze", b'{"txt": "hi"}', 422),
        ("/v1/analyze", b'{"text": 5}', 422),
        ("/v1/review", b'{"message": "hi"}', 422),
        ("/v1/listen", b'{"text": "hi", "seed": "x"}', 422),
    ],
)
def test_bad_requests_get_json_errors_and_the_server_keeps_serving(
    base_url: str, path: str, content: bytes, status: int
) -> None:
    r = httpx.post(base_url + path, content=content, headers={"content-type": "application/json"})
    assert r.status_code == status
    assert r.json()["error"] == "bad_request"
    assert httpx.post(base_url + "/v1/analyze", json={"text": "I'm ok"}).status_code == 200


def test_too_long_gets_413(base_url: str) -> None:
    r = httpx.post(base_url + "/v1/listen", json={"text": "a" * 20_001})
    assert r.status_code == 413
    assert r.json()["error"] == "message_too_long"
    assert httpx.get(base_url + "/healthz").status_code == 200
