"""listenwell on Dask, for more messages than one machine holds: ``pip install "listenwell[dask]"``.

Each Dask worker process loads the Listener once (a per-process cache, filled ahead of the first task by
:func:`worker_plugin` if you register it) and runs every partition it is given through ``analyze_many`` /
``listen_many``; results are the same as one process's, in the bag's order.

>>> import dask.bag as db                                                       # doctest: +SKIP
>>> from listenwell.dask import listen_bag
>>> bag = db.from_sequence(["I feel so alone lately", "I got the job!"], npartitions=2)
>>> [r.mode for r in listen_bag(bag).compute()]
['reflect', 'celebrate']

On a cluster the same code runs unchanged: start a scheduler and workers on the machines
(``dask scheduler`` on one, ``dask worker tcp://SCHEDULER:8786 --nworkers 2`` on each, with listenwell
installed), connect with ``distributed.Client("tcp://SCHEDULER:8786")`` and call ``compute()`` as above.
``client.register_plugin(worker_plugin())`` makes each worker load its Listener as it starts.

``analyze_frame`` / ``listen_frame`` add a column of JSON results to a dask DataFrame (``map_partitions``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._listener import Listener

__all__ = [
    "analyze_bag", "analyze_frame", "analyze_partition", "listen_bag", "listen_frame",
    "listen_partition", "worker_listener", "worker_plugin",
]  # fmt: skip

RulesSpec = tuple[str, ...] | None
_CACHE: dict[RulesSpec, Listener] = {}
_CACHE_LOCK = threading.Lock()
LOADS = 0  # Listeners this process has loaded (the tests check it stays one per worker)


def _spec(rules: str | Path | Iterable[str | Path] | None) -> RulesSpec:
    """The rules argument as a tuple of path strings (picklable, hashable), or None for the shipped rules."""
    if rules is None:
        return None
    if isinstance(rules, str | Path):
        return (str(rules),)
    return tuple(str(r) for r in rules)


def worker_listener(rules: str | Path | Iterable[str | Path] | None = None) -> Listener:
    """This process's Listener for ``rules`` (the default one without), loaded on first use and then kept."""
    key = _spec(rules)
    listener = _CACHE.get(key)
    if listener is None:
        with _CACHE_LOCK:
            listener = _CACHE.get(key)
            if listener is None:
                import listenwell

                global LOADS
                LOADS += 1
                listener = listenwell.default_listener() if key is None else listenwell.Listener(rules=list(key))
                _CACHE[key] = listener
    return listener


def worker_plugin(rules: str | Path | Iterable[str | Path] | None = None, *, suggest: bool = True) -> Any:
    """A ``distributed`` worker plugin that loads the Listener as each worker starts, not in its first task.

    ``client.register_plugin(worker_plugin(rules=...))``; the rules files must exist on every worker.
    """
    from distributed import WorkerPlugin

    spec = _spec(rules)

    class ListenwellPlugin(WorkerPlugin):
        name = "listenwell"

        def setup(self, worker: Any) -> None:
            listener = worker_listener(spec)
            if suggest:
                _ = listener.suggester

    return ListenwellPlugin()


# --- partitions: what each task runs --------------------------------------------------------------------------
def analyze_partition(
    texts: Iterable[str], rules: RulesSpec = None, as_dict: bool = False, batch_size: int = 256
) -> list[Any]:
    """``analyze_many`` over one partition with this process's Listener (``as_dict``: ``to_dict()`` of each)."""
    results = worker_listener(rules).analyze_many(list(texts), batch_size=batch_size)
    return [r.to_dict() for r in results] if as_dict else list(results)


def listen_partition(
    texts: Iterable[str],
    rules: RulesSpec = None,
    as_dict: bool = False,
    batch_size: int = 256,
    seed: int | None = None,
) -> list[Any]:
    """``listen_many`` over one partition with this process's Listener (``as_dict``: ``to_dict()`` of each)."""
    results = worker_listener(rules).listen_many(list(texts), seed=seed, batch_size=batch_size)
    return [r.to_dict() for r in results] if as_dict else list(results)


# --- bags -------------------------------------------------------------------------------------------------------
def analyze_bag(
    bag: Any, *, rules: str | Path | Iterable[str | Path] | None = None, as_dict: bool = False, batch_size: int = 256
) -> Any:
    """A bag of ``Analysis`` (or of their dicts), one per message of ``bag``, in order."""
    return bag.map_partitions(analyze_partition, _spec(rules), as_dict, batch_size)


def listen_bag(
    bag: Any,
    *,
    rules: str | Path | Iterable[str | Path] | None = None,
    as_dict: bool = False,
    batch_size: int = 256,
    seed: int | None = None,
) -> Any:
    """A bag of ``Listening`` (or of their dicts), one per message of ``bag``, in order."""
    return bag.map_partitions(listen_partition, _spec(rules), as_dict, batch_size, seed)


# --- data frames --------------------------------------------------------------------------------------------
def _frame_partition(frame: Any, column: str, out: str, listen: bool, rules: RulesSpec, seed: int | None) -> Any:
    """One dataframe partition with a column of JSON results (listen or analyze) for the texts in ``column``."""
    texts: Sequence[Any] = frame[column].tolist()
    if listen:
        results = listen_partition(texts, rules, as_dict=True, seed=seed)
    else:
        results = analyze_partition(texts, rules, as_dict=True)
    return frame.assign(**{out: [json.dumps(r, ensure_ascii=False) for r in results]})


def _frame(df: Any, column: str, out: str, listen: bool, rules: RulesSpec, seed: int | None) -> Any:
    meta = df._meta.assign(**{out: df._meta[column].astype(object)})
    return df.map_partitions(_frame_partition, column, out, listen, rules, seed, meta=meta)


def analyze_frame(
    df: Any, column: str = "text", *, out: str = "analysis", rules: str | Path | Iterable[str | Path] | None = None
) -> Any:
    """``df`` with a column ``out`` holding each row's ``Analysis`` as JSON (``map_partitions``)."""
    return _frame(df, column, out, False, _spec(rules), None)


def listen_frame(
    df: Any,
    column: str = "text",
    *,
    out: str = "listening",
    rules: str | Path | Iterable[str | Path] | None = None,
    seed: int | None = None,
) -> Any:
    """``df`` with a column ``out`` holding each row's ``Listening`` as JSON (``map_partitions``)."""
    return _frame(df, column, out, True, _spec(rules), seed)
