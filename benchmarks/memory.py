"""Memory: peak RSS of a process that streams N messages, each with a word never seen before, through
``listen_many(stream=True)``, for 20,000 and 200,000 messages (each size in a fresh process).

Run: python benchmarks/memory.py [--sizes 20000,200000] [--call listen|analyze]

The 200,000 figure must stay within 10% of the 20,000 one: spaCy's string store and lexemes for new words are
freed batch by batch (``nlp.memory_zone``), the matcher's caches are bounded, and the stream holds one batch of
results at a time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

LIMIT = 1.10

CHILD = r"""
import json, resource, sys, time
import listenwell
n, call = int(sys.argv[1]), sys.argv[2]
lw = listenwell.Listener()
lw.listen("warm up")
texts = (f"I feel so zq{i}x{i * 7919 % 10007} about work lately and you never notice" for i in range(n))
start = time.perf_counter()
many = lw.listen_many if call == "listen" else lw.analyze_many
count = 0
for _result in many(texts, stream=True):
    count += 1
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"n": count, "peak_mib": peak_kib / 1024, "seconds": elapsed, "strings": len(lw.nlp.vocab.strings)}))
"""


def measure(n: int, call: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(n), call], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="20000,200000")
    parser.add_argument("--call", choices=("listen", "analyze"), default="listen")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = [measure(n, args.call) for n in sizes]
    print(f"{args.call}_many(stream=True), one new word per message, each size in a fresh process")
    print(f"{'messages':>10}{'peak RSS MiB':>14}{'seconds':>10}{'strings after':>15}")
    for r in rows:
        print(f"{int(r['n']):>10}{r['peak_mib']:>14.1f}{r['seconds']:>10.1f}{int(r['strings']):>15}")
    ratio = rows[-1]["peak_mib"] / rows[0]["peak_mib"]
    print(f"peak at {sizes[-1]} over peak at {sizes[0]}: {ratio:.3f} (limit {LIMIT})")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
