"""Load test: start ``listenwell serve`` on loopback, send mixed requests at a fixed concurrency, report.

Run: python benchmarks/loadtest.py [--requests 10000] [--concurrency 32] [--hostile 0.02] [--seed 0]

Requests go to /v1/analyze, /v1/listen and /v1/review in turn, with real messages. A share of them (``--hostile``)
are hostile: 20,000-character emoji and punctuation floods, lone surrogates, malformed or deeply nested JSON,
integers of 5,000 digits, UTF-16 and non-UTF-8 bodies, a wrong content type, and a body over the server's limit.
Floods and surrogates are well-formed and must get 200; the rest must get a 4xx with a JSON error body. The
report gives the status counts, the latency percentiles of well-formed requests, the server's memory (RSS)
before and after, and whether it still answers /healthz. The test suite runs a small version of this
(``tests/test_hardening_server.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

MESSAGES = [
    "I've been so stressed at work and it feels like you don't even notice",
    "I'm not angry, just really tired",
    "We got the apartment!!! I can't believe it",
    "My boss yelled at me in front of everyone and I'm still shaking",
    "I miss my mom so much lately",
    "Can you please pick up the kids today?",
    "Honestly I'm fine. Whatever.",
    "I need some space tonight, can we talk tomorrow?",
    "I feel like you never listen to me",
    "I got the promotion!!!",
]
DRAFTS = ["Why didn't you just tell me? You should relax.", "That sounds so hard. What happened?", "At least it's over"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB (Linux), or -1 where /proc is not there."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return -1.0


@contextmanager
def server(*args: str, timeout: float = 90) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``listenwell serve`` on a free loopback port, stopped (and reaped) on exit."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "listenwell.cli", "serve", "--host", "127.0.0.1", "--port", str(port), *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError("server exited: " + (proc.stderr.read().decode() if proc.stderr else ""))
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in time")
            time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


@dataclass
class Request:
    path: str
    content: bytes
    headers: dict[str, str]
    well_formed: bool  # must get 200
    kind: str


def _json(path: str, body: Any, kind: str = "ok") -> Request:
    content = json.dumps(body).encode()
    return Request(path, content, {"content-type": "application/json"}, True, kind)


def hostile(rng: random.Random, flood: int) -> Request:
    kinds = ["emoji", "punct", "surrogate", "bad_json", "nested", "big_int", "utf16", "latin1", "ctype", "huge"]
    kind = rng.choice(kinds)
    if kind == "emoji":
        return _json("/v1/listen", {"text": "😭" * flood}, kind)
    if kind == "punct":
        return _json("/v1/analyze", {"text": ("!?!!?.,;:-" * flood)[:flood]}, kind)
    if kind == "surrogate":
        raw = b'{"text": "I am so sad \\udc2c\\ud83d and alone"}'
        return Request("/v1/listen", raw, {"content-type": "application/json"}, True, kind)
    bad: dict[str, tuple[bytes, str]] = {
        "bad_json": (b'{"text": "unterminated', "application/json"),
        "nested": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
        "big_int": (b'{"text": "hi", "seed": ' + b"7" * 5000 + b"}", "application/json"),
        "utf16": ('{"text": "hi"}'.encode("utf-16"), "application/json"),
        "latin1": ('{"text": "café"}'.encode("latin-1"), "application/json"),
        "ctype": (b'{"text": "hi"}', "text/plain"),
        "huge": (b'{"text": "' + b"a" * 2_000_000 + b'"}', "application/json"),
    }
    content, ctype = bad[kind]
    path = rng.choice(["/v1/analyze", "/v1/listen", "/v1/review"])
    return Request(path, content, {"content-type": ctype}, False, kind)


def ordinary(i: int, rng: random.Random) -> Request:
    text = rng.choice(MESSAGES)
    if i % 3 == 0:
        return _json("/v1/analyze", {"text": text})
    if i % 3 == 1:
        return _json("/v1/listen", {"text": text, "seed": rng.randrange(1000)})
    return _json("/v1/review", {"draft": rng.choice(DRAFTS), "message": text})


@dataclass
class Report:
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # what broke the rules: 5xx, a non-JSON error, ...
    seconds: float = 0.0
    rss_before: float = -1.0
    rss_after: float = -1.0
    rss_samples: list[float] = field(default_factory=list)  # the server's RSS after each tenth of the requests
    healthy_after: bool = False

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return 0.0
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]

    def lines(self) -> list[str]:
        ok = sum(n for (kind, _s), n in self.statuses.items() if kind == "ok")
        total = sum(self.statuses.values())
        out = [
            f"{total} requests in {self.seconds:.1f} s ({total / max(self.seconds, 1e-9):.0f}/s), {ok} well-formed",
            "status by kind: " + ", ".join(f"{k} {s}: {n}" for (k, s), n in sorted(self.statuses.items())),
            f"well-formed latency ms: p50 {self.percentile(50) * 1000:.1f}, p95 {self.percentile(95) * 1000:.1f}, "
            f"p99 {self.percentile(99) * 1000:.1f}, max {max(self.latencies, default=0) * 1000:.1f}",
            f"server RSS MiB: {self.rss_before:.0f} before, {self.rss_after:.0f} after; "
            f"healthy after: {self.healthy_after}",
            "server RSS MiB after each tenth of the requests: " + " ".join(f"{x:.0f}" for x in self.rss_samples),
            f"rule breaks: {len(self.failures)}" + "".join(f"\n  {f}" for f in self.failures[:10]),
        ]
        return out


async def _send(
    client: httpx.AsyncClient, url: str, req: Request, report: Report, sem: asyncio.Semaphore, pid: int, total: int
) -> None:
    async with sem:
        start = time.perf_counter()
        try:
            r = await client.post(url + req.path, content=req.content, headers=req.headers)
        except httpx.HTTPError as exc:
            report.failures.append(f"{req.kind} {req.path}: {type(exc).__name__} {exc}")
            return
        elapsed = time.perf_counter() - start
    report.statuses[("ok" if req.kind == "ok" else req.kind, r.status_code)] += 1
    done = sum(report.statuses.values())
    if total >= 10 and done % (total // 10) == 0:
        report.rss_samples.append(rss_mib(pid))
    if req.well_formed:
        if req.kind == "ok":
            report.latencies.append(elapsed)
        if r.status_code != 200:
            report.failures.append(f"{req.kind} {req.path}: {r.status_code} {r.text[:120]}")
        return
    try:
        body = r.json()
    except ValueError:
        body = None
    if not (400 <= r.status_code < 500) or not isinstance(body, dict) or set(body) != {"error", "detail"}:
        report.failures.append(f"{req.kind} {req.path}: {r.status_code} {r.text[:120]}")


async def _load(url: str, requests: list[Request], concurrency: int, report: Report, pid: int) -> None:
    sem = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        await asyncio.gather(*(_send(client, url, r, report, sem, pid, len(requests)) for r in requests))


def run_load(
    url: str, pid: int, *, requests: int, concurrency: int, hostile_share: float, seed: int = 0, flood: int = 20_000
) -> Report:
    rng = random.Random(seed)
    plan = [hostile(rng, flood) if rng.random() < hostile_share else ordinary(i, rng) for i in range(requests)]
    report = Report()
    report.rss_before = rss_mib(pid)
    start = time.perf_counter()
    asyncio.run(_load(url, plan, concurrency, report, pid))
    report.seconds = time.perf_counter() - start
    report.rss_after = rss_mib(pid)
    try:
        report.healthy_after = httpx.get(url + "/healthz", timeout=5).json().get("status") == "ok"
    except (httpx.HTTPError, ValueError):
        report.healthy_after = False
    return report


HEAVY = {
    "mixed punctuation": ("!?!!?.,;:-" * 2000)[:20_000],
    "emoji": "😭" * 20_000,
    "sad words": ("so sad and I feel alone " * 900)[:20_000],
    "boundaries": ("I need some space " * 1200)[:20_000],
}


def healthz_while_heavy(url: str) -> list[str]:
    """For each heavy 20,000-character text and endpoint: the request's time and /healthz latency meanwhile."""
    import threading

    lines = []
    for name, text in HEAVY.items():
        for path, body in (("/v1/listen", {"text": text}), ("/v1/review", {"draft": text, "message": text})):
            result: dict[str, Any] = {}

            def heavy(path: str = path, body: dict[str, Any] = body, result: dict[str, Any] = result) -> None:
                start = time.perf_counter()
                result["status"] = httpx.post(url + path, json=body, timeout=120).status_code
                result["seconds"] = time.perf_counter() - start

            thread = threading.Thread(target=heavy)
            thread.start()
            time.sleep(0.05)
            probes = []
            with httpx.Client() as client:
                while thread.is_alive():
                    start = time.perf_counter()
                    client.get(url + "/healthz")
                    probes.append(time.perf_counter() - start)
                    time.sleep(0.02)
            thread.join()
            probes.sort()
            worst = probes[-1] * 1000 if probes else 0.0
            median = probes[len(probes) // 2] * 1000 if probes else 0.0
            lines.append(
                f"{path:<11} {name:<18} {result['status']} in {result['seconds']:.2f} s; "
                f"/healthz meanwhile: {len(probes)} probes, median {median:.1f} ms, max {worst:.1f} ms"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--hostile", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with server() as (url, proc):
        # warm up with the same mix, so that the allocator's high-water mark for the floods is reached first
        warm = run_load(url, proc.pid, requests=500, concurrency=args.concurrency, hostile_share=0.05, seed=-1)
        print(f"warm-up: {sum(warm.statuses.values())} requests; server RSS {warm.rss_after:.0f} MiB")
        report = run_load(
            url, proc.pid, requests=args.requests, concurrency=args.concurrency, hostile_share=args.hostile,
            seed=args.seed,
        )  # fmt: skip
        probes = healthz_while_heavy(url)
    print(f"concurrency {args.concurrency}, hostile share {args.hostile:.0%}, seed {args.seed}")
    for line in report.lines():
        print(line)
    print("heaviest in-limit requests, one at a time:")
    for line in probes:
        print("  " + line)
    return 0 if not report.failures and report.healthy_after else 1


if __name__ == "__main__":
    sys.exit(main())
