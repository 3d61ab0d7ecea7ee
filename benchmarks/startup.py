"""Start-up, side by side in one run, each in fresh processes: the spaCy floor, the CLI, and a Listener.

    python benchmarks/startup.py [--repeat 5]

Prints the best of ``--repeat`` wall times of:
- ``python -c "import spacy; spacy.blank('en')"`` (the floor every spaCy-based tool pays),
- ``listenwell "hello"`` (the whole CLI: import, load, build, analyse, suggest, print),
- ``python -c "import listenwell; listenwell.Listener()"`` (spaCy, the rules and a Listener's own pipeline),
and the ratios the design sets targets for: the CLI at most 1.5x the floor, a Listener adding at most 0.3 s,
and the peak memory (max RSS) after building a Listener under 200 MB. Nothing here touches the network.

Every command runs once before timing, so the start-up cache (``listenwell._cache``) is warm, as it is for a
user from the second run on; ``--cold`` turns the cache off to show the first run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time

FLOOR = "import spacy; spacy.blank('en')"
LISTENER = "import listenwell; listenwell.Listener()"
PEAK = "import resource, listenwell; listenwell.Listener(); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
TARGET_CLI_RATIO = 1.5
TARGET_LISTENER_EXTRA = 0.3
TARGET_PEAK_MB = 200


def _walls(cmds: list[list[str]], repeat: int) -> list[float]:
    """Best wall time of each command; the commands take turns, so a busy spell on the machine hits all alike."""
    best = [float("inf")] * len(cmds)
    for _ in range(repeat):
        for i, cmd in enumerate(cmds):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def _cli() -> list[str]:
    exe = shutil.which("listenwell", path=os.path.dirname(sys.executable)) or shutil.which("listenwell")
    return [exe, "hello"] if exe else [sys.executable, "-m", "listenwell", "hello"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command; the best is kept")
    parser.add_argument("--cold", action="store_true", help="turn the start-up cache off (LISTENWELL_CACHE_DIR=off)")
    args = parser.parse_args()
    if args.cold:
        os.environ["LISTENWELL_CACHE_DIR"] = "off"
    subprocess.run(_cli(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the cache
    floor, cli, listener = _walls(
        [[sys.executable, "-c", FLOOR], _cli(), [sys.executable, "-c", LISTENER]], args.repeat
    )
    out = subprocess.run([sys.executable, "-c", PEAK], check=True, capture_output=True, text=True).stdout
    peak_kb = int(out.split()[-1])
    peak_mb = peak_kb / 1024 if sys.platform != "darwin" else peak_kb / 1024 / 1024
    cache = "off" if args.cold else "warm"
    print(f"start-up, best of {args.repeat} fresh processes each ({os.cpu_count()} cores, cache {cache})")
    print(f"  spacy.blank('en')           {floor:6.2f} s   1.00x")
    print(f'  listenwell "hello"          {cli:6.2f} s   {cli / floor:4.2f}x   target <= {TARGET_CLI_RATIO}x')
    print(
        f"  Listener()                  {listener:6.2f} s   +{listener - floor:.2f} s   "
        f"target <= +{TARGET_LISTENER_EXTRA} s"
    )
    print(f"  peak memory after Listener() {peak_mb:5.0f} MB            target < {TARGET_PEAK_MB} MB")


if __name__ == "__main__":
    main()
