"""The web page at / in a real headless Chromium (Debian's, driven by Playwright), against `listenwell serve`.

Skipped only where /usr/bin/chromium or Playwright is missing; CI installs both (.ci/run, the dev extra).
Set LISTENWELL_SCREENSHOT_DIR to keep the screenshot (docs/web.png in the README was taken so).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

import listenwell
from listenwell._palette import FAMILY_COLOURS

pytestmark = pytest.mark.slow  # drives Chromium against a local server

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
MESSAGE = "I'm not angry, just so tired. I've been so stressed at work and it feels like you don't even notice"
DRAFT = "Why didn't you just tell me? You should relax."
CRISIS = "I want to end my life"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "listenwell", "serve", "--port", "0", "--access-log", "off"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ},
    )  # fmt: skip
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        url = line.split("serving ", 1)[1].split(" ", 1)[0] if "serving " in line else ""
        assert url.startswith("http://127.0.0.1:"), line + proc.stderr.read()  # type: ignore[union-attr]
        yield url.rstrip("/")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_the_page_in_chromium(server: str, tmp_path: Path) -> None:
    elsewhere: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 900, "height": 1400},
        )  # fmt: skip
        try:
            page = browser.new_page()
            page.on(
                "request", lambda req: None if urlparse(req.url).hostname == "127.0.0.1" else elsewhere.append(req.url)
            )
            page.goto(server + "/")

            # keyboard only: the skip link, then the two labelled boxes, then Ctrl+Enter
            page.keyboard.press("Tab")
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.id") == "message"
            page.keyboard.type(MESSAGE)
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.id") == "draft"
            page.keyboard.type(DRAFT)
            page.keyboard.press("Control+Enter")
            page.wait_for_selector("body[data-runs='1']", timeout=30_000)

            assert page.get_by_role("textbox", name="Their message").input_value() == MESSAGE  # labels reach the boxes
            assert page.get_by_role("textbox", name="Your draft reply (optional)").input_value() == DRAFT
            expected = listenwell.listen(MESSAGE)
            assert page.text_content("#reply") == expected.reply  # the reply first
            assert page.locator("#reply").is_visible() and page.locator("#safety").is_hidden()
            reply_top = page.locator("#reply").bounding_box()["y"]  # type: ignore[index]
            alternatives_top = page.locator("#alternatives").bounding_box()["y"]  # type: ignore[index]
            assert reply_top < alternatives_top
            alternatives = page.locator("#alternatives li").all_text_contents()
            assert alternatives and all(a in [s.text for s in expected.suggestions] for a in alternatives)

            # feelings highlighted by family, in the family's colour; the denied anger is struck, not marked
            felt = {e.family for e in expected.analysis.emotions if not e.negated}
            assert felt and {"exhaustion", "anger"} <= {e.family for e in expected.analysis.emotions}
            for family in felt:
                mark = page.locator(f"#highlighted mark.fam[data-family='{family}']").first
                assert mark.is_visible()
                colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
                assert colour == _rgb(FAMILY_COLOURS[family]), family
            assert page.locator("#highlighted mark[data-family='anger']").count() == 0
            assert "not anger" in page.text_content("#highlighted s.negated")  # type: ignore[operator]

            # the review's flags inline on the draft, each explained below
            review = listenwell.review(DRAFT, message=MESSAGE)
            kinds = [f.kind for f in review.flags]
            assert "why_question" in kinds and "advice" in kinds
            for flag in review.flags:
                mark = page.locator(f"#draft-marked mark.flag[data-kind='{flag.kind}']")
                assert mark.count() == 1 and mark.first.text_content().startswith(flag.text)  # type: ignore[union-attr]
                assert page.locator(f"#flags li[data-kind='{flag.kind}']").count() == 1
            assert flag.suggestion in page.text_content("#flags")  # type: ignore[operator]

            shot = tmp_path / "web.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            keep = os.environ.get("LISTENWELL_SCREENSHOT_DIR")
            if keep:
                shutil.copy(shot, Path(keep) / "web.png")

            # a crisis: the safety panel, with resources, and no ordinary suggestions
            page.fill("#message", CRISIS)
            page.fill("#draft", "")
            page.click("#go")
            page.wait_for_selector("body[data-runs='2']", timeout=30_000)
            assert page.locator("#safety").is_visible() and page.locator("#answer").is_hidden()
            assert page.text_content("#safety-reply") == listenwell.listen(CRISIS).reply
            assert page.locator("#resources li").count() == len(listenwell.listen(CRISIS).resources) > 0
            assert page.locator("#review").is_hidden()
            if keep:
                page.screenshot(path=str(Path(keep) / "web-safety.png"), full_page=True)

            # an empty message is refused on the page, before any request
            page.fill("#message", "   ")
            page.click("#go")
            assert page.locator("#error").is_visible()
        finally:
            browser.close()
    assert elsewhere == [], elsewhere  # offline: every asset came from this server
