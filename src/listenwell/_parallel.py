"""Several processes sharing one loaded Listener through fork (copy-on-write), results in input order.

Loading a Listener (rules, matcher patterns, VADER's lexicon, templates) takes most of a second and builds about
a hundred thousand objects. Where the platform forks, a pool started here inherits the parent's Listener instead
of building its own: workers start in milliseconds. Before forking, :func:`freeze` builds the Listener's lazy
parts and runs ``gc.freeze()``, so neither the parent's nor the workers' garbage collector walks (and so writes
to) the loaded objects again; pages stay shared for longer.

Inputs reach the workers through fork too (each task is only a range of positions), and each worker sends back
its chunk's results; they are yielded in input order. Where fork is unavailable (Windows, or when the platform's
multiprocessing cannot fork), the work runs in this process, with the same results.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, Protocol, TypeVar

from ._errors import ArgumentTypeError, ArgumentValueError, Errors

__all__ = ["can_fork", "freeze", "imap_forked"]


class Shared(Protocol):
    """What the workers share: a Listener (named by what is used of it, so this module needs no Listener)."""

    @property
    def suggester(self) -> Any: ...


T = TypeVar("T")
R = TypeVar("R")
L = TypeVar("L", bound=Shared)

# What a forked worker reads: set in the parent just before the pool forks, inherited by the children.
_SHARED: dict[int, tuple[Any, Sequence[Any], Callable[..., list[Any]]]] = {}
_SHARED_LOCK = threading.Lock()
_FROZEN: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()  # Listener -> suggester frozen
_WORKER_JOB: int | None = None


def can_fork() -> bool:
    """True where a pool can fork: POSIX with the ``fork`` start method available."""
    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def freeze(listener: Shared, *, suggest: bool = False) -> None:
    """Build the Listener's lazy parts (the suggester with ``suggest``), then collect once and ``gc.freeze()``.

    Frozen objects are left out of every later collection: a full collection no longer walks the loaded rules,
    and forked workers do not touch (and so copy) their pages for the collector's sake. Runs once per Listener
    and once more when its suggester is first built.
    """
    if suggest:
        _ = listener.suggester
    matcher = getattr(listener, "_matcher", None)
    if matcher is not None and hasattr(matcher, "prime"):
        matcher.prime()  # the matcher's sieve, made once here rather than once per worker
    built = getattr(listener, "_suggester", None) is not None
    if _FROZEN.get(listener) == built:
        return
    gc.collect()
    gc.freeze()
    _FROZEN[listener] = built


def _register_result_pickling() -> None:
    """Results travel back from the workers as (class, field values): half the cost of the dataclass default.

    Registered with multiprocessing's own pickler only, so no other pickling in the process changes.
    """
    import dataclasses
    from multiprocessing.reduction import ForkingPickler
    from operator import attrgetter

    from . import _results

    for value in vars(_results).values():
        if isinstance(value, type) and issubclass(value, _results._Result) and dataclasses.is_dataclass(value):
            fields = dataclasses.fields(value)
            if len(fields) < 2 or not all(f.init for f in fields):
                continue  # one name: attrgetter returns the value itself; a non-init field: keep the default
            names = [f.name for f in fields]
            get = attrgetter(*names)
            ForkingPickler.register(value, lambda obj, cls=value, get=get: (cls, get(obj)))


def _init_worker(job: int) -> None:
    """Set up a worker process for one job: its shared Listener, with fresh locks (a lock held at fork time stays held
    in the child)."""
    global _WORKER_JOB
    _WORKER_JOB = job
    listener = _SHARED[job][0]
    # A lock another parent thread held at fork time stays held in the child: give the child fresh ones.
    if hasattr(listener, "_lock"):
        listener._lock = threading.RLock()
    if hasattr(listener, "_in_zone"):
        listener._in_zone = False


def _run_range(bounds: tuple[int, int]) -> list[Any]:
    assert _WORKER_JOB is not None
    listener, items, fn = _SHARED[_WORKER_JOB]
    return fn(listener, items[bounds[0] : bounds[1]])


def _run_items(part: list[Any]) -> list[Any]:
    assert _WORKER_JOB is not None
    listener, _items, fn = _SHARED[_WORKER_JOB]
    return fn(listener, part)


def imap_forked(
    listener: L,
    fn: Callable[[L, Sequence[T]], list[R]],
    items: Iterable[T],
    n_process: int,
    *,
    chunk_size: int = 256,
    suggest: bool = False,
) -> Iterator[R]:
    """``fn(listener, chunk)`` over consecutive chunks of ``items`` in ``n_process`` forked workers, in order.

    ``fn`` returns one result per item; it may be any callable, closures included, since the workers inherit it
    through fork. A sequence reaches the workers through fork as well (a task is a range of positions); any
    other iterable is read lazily, a window of chunks at a time, and its chunks are sent to the workers.
    ``n_process=-1`` uses every core. With one process, or where fork is unavailable, the chunks run in this
    process instead, with the same results.
    """
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        raise ArgumentTypeError(Errors.E035.format(type_name=type(n_process).__name__))
    if n_process < 0:
        n_process = os.cpu_count() or 1  # like spaCy: -1 means every core
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ArgumentValueError(Errors.E010.format(name="chunk_size", value=chunk_size))
    if isinstance(items, Sequence):
        n = len(items)
        n_process = min(n_process, -(-n // chunk_size))
    if n_process <= 1 or not can_fork():
        it = iter(items)
        while part := list(islice(it, chunk_size)):
            yield from fn(listener, part)
        return
    freeze(listener, suggest=suggest)
    _register_result_pickling()
    with _SHARED_LOCK:
        job = max(_SHARED, default=0) + 1
        _SHARED[job] = (listener, items if isinstance(items, Sequence) else (), fn)
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(n_process, initializer=_init_worker, initargs=(job,)) as pool:
            if isinstance(items, Sequence):
                bounds = [(i, min(n, i + chunk_size)) for i in range(0, n, chunk_size)]
                for chunk in pool.imap(_run_range, bounds):
                    yield from chunk
                return
            it = iter(items)
            while True:  # a bounded window at a time: Pool.imap would read a whole stream up front
                window = [part for _ in range(4 * n_process) if (part := list(islice(it, chunk_size)))]
                if not window:
                    return
                for chunk in pool.imap(_run_items, window):
                    yield from chunk
    finally:
        with _SHARED_LOCK:
            del _SHARED[job]
