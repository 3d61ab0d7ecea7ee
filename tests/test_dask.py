"""listenwell.dask on a real distributed.LocalCluster with 2 worker processes: same results as listen_many, in order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import listenwell

pytestmark = pytest.mark.slow  # starts a local cluster of two worker processes
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from listenwell import dask as lwdask  # noqa: E402

MESSAGES = [
    "I've been so stressed at work and it feels like you don't even notice",
    "I got the promotion!!!",
    "",
    "I'm not angry, just really tired",
    "My boss yelled at me in front of everyone and I'm still shaking",
    "I need some space tonight, can we talk tomorrow?",
    "I feel so alone lately",
    "You never listen to me.",
    "We got the apartment!! I'm so happy",
    "I'm fine. Whatever.",
] * 4


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with distributed.Client(cluster) as c:
        c.register_plugin(lwdask.worker_plugin())
        yield c
    cluster.close()


def test_listen_bag_equals_listen_many(client: Any) -> None:
    bag = db.from_sequence(MESSAGES, npartitions=8)
    assert listen_results(bag) == listenwell.listen_many(MESSAGES)
    # every partition ran on a worker that loaded its Listener once (the plugin), never per task
    loads = client.run(lambda: __import__("listenwell.dask").dask.LOADS)
    assert len(loads) == 2 and set(loads.values()) == {1}


def listen_results(bag: Any) -> list[listenwell.Listening]:
    return list(lwdask.listen_bag(bag).compute())


def test_analyze_bag_and_dicts(client: Any) -> None:
    bag = db.from_sequence(MESSAGES, npartitions=5)
    assert list(lwdask.analyze_bag(bag).compute()) == listenwell.analyze_many(MESSAGES)
    dicts = lwdask.listen_bag(bag, as_dict=True, seed=3).compute()
    assert dicts == [r.to_dict() for r in listenwell.listen_many(MESSAGES, seed=3)]


class _Frame:
    """The two pandas calls a partition makes, enough to check the map_partitions helper without pandas."""

    def __init__(self, columns: dict[str, list[Any]]) -> None:
        self.columns = columns

    def __getitem__(self, name: str) -> Any:
        values = self.columns[name]
        return type("Column", (), {"tolist": lambda _self: list(values)})()

    def assign(self, **new: list[Any]) -> _Frame:
        return _Frame({**self.columns, **new})


def test_frame_partition_adds_a_json_column() -> None:
    import json

    frame = lwdask._frame_partition(_Frame({"text": MESSAGES[:4]}), "text", "listening", True, None, None)
    assert [json.loads(j) for j in frame.columns["listening"]] == [
        r.to_dict() for r in listenwell.listen_many(MESSAGES[:4])
    ]


def test_jsonl_folder_example_runs(client: Any, tmp_path: Any) -> None:
    """The example as a user runs it against a cluster (``--scheduler``): this module's, whose two workers have
    their Listeners loaded already, rather than a second local cluster of its own."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    (inputs / "a.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(MESSAGES)))
    example = Path(__file__).resolve().parent.parent / "examples" / "dask_jsonl.py"
    cmd = [sys.executable, str(example), str(inputs), str(outputs), "--scheduler", client.scheduler.address]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    rows = [json.loads(line) for f in sorted(outputs.glob("*.jsonl")) for line in f.read_text().splitlines()]
    assert [r["id"] for r in rows] == list(range(len(MESSAGES)))
    assert [r["listening"] for r in rows] == [x.to_dict() for x in listenwell.listen_many(MESSAGES)]
