"""Screen a folder of JSONL message files with Dask: one output JSON line per input line, in order.

    pip install "listenwell[dask]"
    python examples/dask_jsonl.py IN_FOLDER OUT_FOLDER [--workers 2] [--scheduler tcp://HOST:8786]

Each input line is {"id": ..., "text": ...}; each output line is {"id": ..., "listening": {...}}. With
``--scheduler`` the same code runs on a multi-machine cluster (listenwell installed on every worker); without,
a LocalCluster of ``--workers`` processes starts here. Each worker loads the Listener once. With no arguments it
writes a small sample folder to a temporary directory and screens that.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def screen(partition: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One partition: listen_many over its texts with this worker's Listener."""
    from listenwell.dask import listen_partition

    records = list(partition)
    results = listen_partition([r.get("text", "") for r in records], as_dict=True)
    return [{"id": r.get("id"), "listening": res} for r, res in zip(records, results, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="?")
    parser.add_argument("outputs", nargs="?")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    args = parser.parse_args()

    import dask.bag as db
    from distributed import Client, LocalCluster

    from listenwell.dask import worker_plugin

    tmp = Path(tempfile.mkdtemp(prefix="listenwell-dask-"))
    inputs = Path(args.inputs) if args.inputs else tmp / "in"
    outputs = Path(args.outputs) if args.outputs else tmp / "out"
    if not args.inputs:  # a sample folder: two files of messages
        inputs.mkdir(parents=True)
        sample = ["I feel so alone lately", "I got the promotion!!!", "You never listen to me.", "I'm fine. Whatever."]
        for k in range(2):
            with open(inputs / f"part{k}.jsonl", "w", encoding="utf-8") as f:
                for i, text in enumerate(sample):
                    f.write(json.dumps({"id": f"{k}-{i}", "text": text}) + "\n")
    outputs.mkdir(parents=True, exist_ok=True)

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1)
    with Client(args.scheduler or cluster) as client:
        client.register_plugin(worker_plugin())  # each worker loads its Listener once, as it starts
        bag = db.read_text(str(inputs / "*.jsonl")).map(json.loads)
        lines = bag.map_partitions(screen).map(lambda r: json.dumps(r, ensure_ascii=False))
        lines.to_textfiles(str(outputs / "*.jsonl"))
    if cluster is not None:
        cluster.close()
    written = sorted(outputs.glob("*.jsonl"))
    first = json.loads(written[0].read_text(encoding="utf-8").splitlines()[0])
    print(f"{len(written)} files written to {outputs}; first reply: {first['listening']['suggestions'][0]['text']}")


if __name__ == "__main__":
    main()
