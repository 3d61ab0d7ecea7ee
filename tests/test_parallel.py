"""Forked workers sharing one Listener give the same results as one process, in input order."""

from __future__ import annotations

import os

import pytest

import listenwell
from listenwell import _parallel

MESSAGES = [
    "I've been so stressed at work and it feels like you don't even notice",
    "I got the promotion!!!",
    "",
    "I'm not angry, just really tired",
    "   ",
    "My boss yelled at me in front of everyone and I'm still shaking",
    "I need some space tonight, can we talk tomorrow?",
    "I feel so alone lately \U0001f622",
    "You never listen to me.",
    "We got the apartment!! I'm so happy",
    "I'm fine. Whatever.",
    "I miss my mom so much",
] * 9  # 108 messages: several chunks per worker at the sizes below

forks = pytest.mark.skipif(not _parallel.can_fork(), reason="the platform cannot fork: work runs in one process")


@forks
@pytest.mark.parametrize("batch_size", [1, 7, 256])
def test_analyze_many_in_processes_equals_one_process(lw: listenwell.Listener, batch_size: int) -> None:
    one = lw.analyze_many(MESSAGES)
    assert lw.analyze_many(MESSAGES, n_process=2, batch_size=batch_size) == one
    assert [a.text for a in one] == MESSAGES


@forks
@pytest.mark.parametrize("seed", [None, 7])
def test_listen_many_in_processes_equals_one_process(lw: listenwell.Listener, seed: int | None) -> None:
    one = lw.listen_many(MESSAGES, seed=seed)
    assert lw.listen_many(MESSAGES, seed=seed, n_process=2, batch_size=5) == one
    assert [r.analysis.text for r in one] == MESSAGES


@forks
def test_streamed_input_in_processes_keeps_order(lw: listenwell.Listener) -> None:
    one = lw.listen_many(MESSAGES)
    streamed = lw.listen_many(iter(MESSAGES), stream=True, n_process=2, batch_size=3)
    assert not isinstance(streamed, list)
    assert list(streamed) == one


def test_one_process_and_no_fork_run_here(monkeypatch: pytest.MonkeyPatch, lw: listenwell.Listener) -> None:
    one = lw.analyze_many(MESSAGES)
    monkeypatch.setattr(_parallel, "can_fork", lambda: False)
    assert lw.analyze_many(MESSAGES, n_process=2, batch_size=10) == one
    assert lw.analyze_many(MESSAGES, n_process=1) == one


@forks
def test_workers_are_forked_children_sharing_the_listener(lw: listenwell.Listener) -> None:
    def pids(listener: listenwell.Listener, part: object) -> list[tuple[int, int]]:
        return [(os.getpid(), id(listener))] * len(part)  # type: ignore[arg-type]

    seen = list(_parallel.imap_forked(lw, pids, list(range(40)), 2, chunk_size=4))
    assert len(seen) == 40
    assert {pid for pid, _ in seen} - {os.getpid()}  # the chunks ran in worker processes
    assert {ident for _, ident in seen} == {id(lw)}  # the same (inherited) Listener object, not a rebuilt one


@forks
def test_module_functions_take_n_process() -> None:
    assert listenwell.analyze_many(MESSAGES[:12], n_process=2) == listenwell.analyze_many(MESSAGES[:12])
    assert listenwell.listen_many(MESSAGES[:12], n_process=2) == listenwell.listen_many(MESSAGES[:12])


def test_input_errors_raise_before_any_fork(lw: listenwell.Listener) -> None:
    with pytest.raises(TypeError):
        lw.analyze_many(["fine", 3], n_process=2)  # type: ignore[list-item]
    with pytest.raises(listenwell.MessageTooLong):
        lw.listen_many(["fine", "x" * (lw.max_length + 1)], n_process=2)
    with pytest.raises(TypeError):
        lw.analyze_many(MESSAGES, n_process="2")  # type: ignore[arg-type]
