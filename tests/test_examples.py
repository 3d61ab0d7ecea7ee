"""Every example in examples/ runs, as a user would run it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("name", ["basic.py", "spacy_pipeline.py", "batch_csv.py"])
def test_script_example_runs(name: str) -> None:
    p = subprocess.run([sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip()


def test_basic_example_output() -> None:
    out = subprocess.run([sys.executable, str(EXAMPLES / "basic.py")], capture_output=True, text=True).stdout
    assert "dominant feeling: overwhelm" in out and "why_question" in out and "advice" in out


def test_chatbot_webhook_example_over_http() -> None:
    httpx = pytest.importorskip("httpx")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, str(EXAMPLES / "chatbot_webhook.py"), "--port", str(port)],
                            env={**os.environ})  # fmt: skip
    url = f"http://127.0.0.1:{port}/webhook"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                event = {"type": "message", "message": {"id": "m1", "text": "I'm so lonely since we moved"},
                         "conversation": {"id": "c1"}}  # fmt: skip
                r = httpx.post(url, json=event, timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        assert r.status_code == 200
        first = r.json()
        assert first["reply_to"] == "m1" and first["suggestions"]
        again = httpx.post(url, json=event).json()
        assert again["suggestions"][0]["text"] != first["suggestions"][0]["text"], "no repeats in a conversation"
        assert httpx.post(url, json={"type": "typing"}).status_code == 422
    finally:
        proc.terminate()
        proc.wait(timeout=10)
