"""Every example in examples/ runs, as a user would run it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # runs each example as a user runs it (a server example as its own process)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run_script(name: str, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run an example file as ``python examples/NAME ARGS`` runs it (as ``__main__``, with its own globals and
    ``sys.argv``), in this process: the session's start-up is not paid again for each example. Its stdout."""
    import runpy

    argv = sys.argv
    sys.argv = [str(EXAMPLES / name), *args]
    try:
        runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    finally:
        sys.argv = argv
    return capsys.readouterr().out


@pytest.mark.parametrize("name", ["basic.py", "spacy_pipeline.py", "batch_csv.py"])
def test_script_example_runs(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run_script(name, capsys)
    assert out.strip()
    if name == "basic.py":
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
        assert first["reply_to"] == "m1" and first["suggestions"] and next(iter(first)) == "reply" and first["reply"]
        again = httpx.post(url, json=event).json()
        assert again["suggestions"][0]["text"] != first["suggestions"][0]["text"], "no repeats in a conversation"
        assert httpx.post(url, json={"type": "typing"}).status_code == 422
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _load_example(name: str) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), EXAMPLES / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_slack_bot_example_with_bolts_own_requests() -> None:
    """Signed slash-command requests as Slack sends them, dispatched to the Bolt app here: no network."""
    pytest.importorskip("slack_bolt")
    from urllib.parse import urlencode

    from slack_bolt import BoltRequest
    from slack_bolt.authorization import AuthorizeResult
    from slack_sdk.signature import SignatureVerifier

    import listenwell

    secret = "test-signing-secret"
    store: dict[str, str] = {}
    bot = _load_example("slack_bot.py")
    app = bot.make_app(
        signing_secret=secret,
        authorize=lambda **_: AuthorizeResult(
            enterprise_id=None, team_id="T1", bot_token="xoxb-test", bot_user_id="B1"
        ),
        store=store,
    )

    def slash(command: str, text: str, signature: str | None = None) -> Any:
        body = urlencode({"command": command, "text": text, "team_id": "T1", "user_id": "U1", "channel_id": "C1",
                          "response_url": "https://hooks.slack.test/x", "trigger_id": "1.2"})  # fmt: skip
        stamp = str(int(time.time()))
        sign = signature or SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        headers = {"content-type": ["application/x-www-form-urlencoded"], "x-slack-request-timestamp": [stamp],
                   "x-slack-signature": [sign]}  # fmt: skip
        return app.dispatch(BoltRequest(body=body, headers=headers))

    first = slash("/listen", "My dog died yesterday")
    assert first.status == 200
    answer = json.loads(first.body)
    assert answer["response_type"] == "ephemeral"
    assert listenwell.listen("My dog died yesterday").reply in answer["text"]
    second = json.loads(slash("/listen", "I just miss him so much").body)["text"]
    assert "pets" not in second and second != answer["text"]  # the conversation carried on
    assert len(json.loads(store["T1:U1"])["turns"]) == 2
    review = json.loads(slash("/review", "Why didn't you tell me sooner? You should get a new dog.").body)["text"]
    assert "why question" in review and "advice" in review
    safety = json.loads(slash("/listen", "I want to end my life").body)["text"]
    assert "Safety first" in safety and listenwell.listen("I want to end my life").reply in safety
    assert "Paste what they said" in slash("/listen", "   ").body
    opener = json.loads(slash("/opener", "work").body)["text"]
    assert listenwell.invite(topic="work", count=1)[0].text in opener
    assert slash("/listen", "hi", signature="v0=forged").status == 401


def test_pandas_column_example(capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas")
    import listenwell

    example = _load_example("pandas_column.py")
    frame = pd.DataFrame({"id": [1, 2], "text": ["I feel so alone lately", "I'm not angry, just really tired"]})
    done = example.add_listening(frame)
    assert list(done.columns) == ["id", "text", "reply", "mode", "dominant", "feelings"]
    assert done["reply"].tolist() == [listenwell.listen(t).reply for t in frame["text"]]
    assert done["dominant"].tolist() == ["loneliness", "exhaustion"] and done["feelings"][1] == ["exhaustion"]
    assert list(frame.columns) == ["id", "text"]  # the input is left as it was
    out = _run_script("pandas_column.py", capsys)
    assert "reply" in out and "exhaustion" in out
