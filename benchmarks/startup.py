"""Start-up, side by side in one run, each in fresh processes: the spaCy floor, the CLI, and a Listener.

    python benchmarks/startup.py [--rounds 15] [--cold]

One round runs, each in a fresh process and one right after the other:
- ``python -c "import spacy; spacy.blank('en')"`` (the floor every spaCy-based tool pays),
- ``listenwell "hello"`` (the whole CLI: import, load, build, analyse, suggest, print),
- ``python -c "import listenwell; listenwell.Listener()"`` (spaCy, the rules and a Listener's own pipeline),
in an order that rotates from round to round, so no command always runs first or last after a busy spell. Each
command is compared with the floor run of its own round (a paired difference and a paired ratio), and the report
gives the median and the interquartile range (the middle half, Q1..Q3) of those paired figures over the rounds, by
wall time and by CPU time (user + system). On a shared machine single wall times swing by half a second; a
round's floor and its Listener see the same machine, so their difference swings much less.

The targets: the CLI at most 1.5x the floor; a Listener adding at most 0.3 s to it; the peak memory (max RSS)
after building a Listener under 200 MB. Each is reported as met when the upper quartile is within the target
(the margin is printed), "met at the median only" when only the median is. Nothing here touches the network.

Every command runs once before timing, so the start-up cache (``listenwell._cache``) is warm, as it is for a
user from the second run on; ``--cold`` turns the cache off to show the first run. Likewise listenwell's Python
bytecode is written first when this Python does not write it itself (``PYTHONDONTWRITEBYTECODE``): pip writes it
when it installs the wheel, and spaCy's is there already, so without it the comparison would time compiling
listenwell's source in every process (about 0.07 s here) against a spaCy that is compiled.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

FLOOR = "import spacy; spacy.blank('en')"
LISTENER = "import listenwell; listenwell.Listener()"
PEAK = "import resource, listenwell; listenwell.Listener(); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
TARGET_CLI_RATIO = 1.5
TARGET_LISTENER_EXTRA = 0.3
TARGET_PEAK_MB = 200


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: Sequence[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process."""
    cpu = _cpu_children()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _cpu_children() - cpu


def rounds(cmds: Sequence[Sequence[str]], n: int) -> list[list[tuple[float, float]]]:
    """``n`` rounds; in each, every command once, the order rotated by one from round to round. Returns, per
    round, (wall, cpu) of each command in the order of ``cmds``."""
    out = []
    for r in range(n):
        order = [(i + r) % len(cmds) for i in range(len(cmds))]
        times: dict[int, tuple[float, float]] = {}
        for i in order:
            times[i] = _run(cmds[i])
        out.append([times[i] for i in range(len(cmds))])
    return out


def spread(values: Sequence[float]) -> tuple[float, float, float]:
    """(Q1, median, Q3) of the values (inclusive quartiles: with few rounds the extremes are not extrapolated)."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, med, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, med, q3


def _verdict(q: tuple[float, float, float], target: float) -> str:
    """Met when the upper quartile is within the target (lower is better), with the margin left."""
    _q1, med, q3 = q
    if q3 <= target:
        return f"met (Q3 within the target by {target - q3:.2f})"
    if med <= target:
        return f"met at the median only (Q3 over by {q3 - target:.2f})"
    return f"NOT met (median over by {med - target:.2f})"


def _cli() -> list[str]:
    exe = shutil.which("listenwell", path=os.path.dirname(sys.executable)) or shutil.which("listenwell")
    return [exe, "hello"] if exe else [sys.executable, "-m", "listenwell", "hello"]


def _write_bytecode() -> str:
    """Write listenwell's bytecode beside its source when Python would not (as pip does on install)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("listenwell")
    if spec is None or not spec.submodule_search_locations:
        return "not found"
    if not sys.dont_write_bytecode:
        return "written by Python"
    folder = list(spec.submodule_search_locations)[0]
    ok = compileall.compile_dir(folder, quiet=1, workers=1)
    return "written first (PYTHONDONTWRITEBYTECODE is set)" if ok else "could not be written"


def _peak_mb(times: int) -> list[float]:
    """Max RSS (MB) of a process that built a Listener, ``times`` fresh processes."""
    out = []
    for _ in range(times):
        text = subprocess.run([sys.executable, "-c", PEAK], check=True, capture_output=True, text=True).stdout
        kb = int(text.split()[-1])
        out.append(kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024)
    return out


def _q(q: tuple[float, float, float], fmt: str) -> str:
    return f"{format(q[1], fmt)}  [{format(q[0], fmt)} .. {format(q[2], fmt)}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="paired rounds (each runs every command once)")
    parser.add_argument("--repeat", type=int, default=None, help=argparse.SUPPRESS)  # the old name of --rounds
    parser.add_argument("--cold", action="store_true", help="turn the start-up cache off (LISTENWELL_CACHE_DIR=off)")
    args = parser.parse_args()
    n = max(1, args.repeat or args.rounds)
    if args.cold:
        os.environ["LISTENWELL_CACHE_DIR"] = "off"
    bytecode = _write_bytecode()
    floor_cmd = [sys.executable, "-c", FLOOR]
    listener_cmd = [sys.executable, "-c", LISTENER]
    for cmd in (floor_cmd, _cli(), listener_cmd):  # warm the cache and the file system
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results = rounds([floor_cmd, _cli(), listener_cmd], n)
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    peaks = _peak_mb(3)

    cache = "off" if args.cold else "warm"
    print(
        f"start-up: {n} paired rounds (floor, CLI and Listener() once each per round, fresh processes, order "
        f"rotated); {os.cpu_count()} cores, load {load_before:.1f} -> {load_after:.1f}, cache {cache}, listenwell "
        f"bytecode {bytecode}"
    )
    print("median  [Q1 .. Q3] over the rounds")
    for label, k in (("wall", 0), ("cpu ", 1)):
        floor = [r[0][k] for r in results]
        cli = [r[1][k] for r in results]
        lw = [r[2][k] for r in results]
        cli_ratio = spread([c / f for c, f in zip(cli, floor, strict=True)])
        lw_extra = spread([x - f for x, f in zip(lw, floor, strict=True)])
        lw_ratio = spread([x / f for x, f in zip(lw, floor, strict=True)])
        cli_extra = spread([c - f for c, f in zip(cli, floor, strict=True)])
        print(f"  {label}  spacy.blank('en')        {_q(spread(floor), '.2f')} s")
        print(f'  {label}  listenwell "hello"       {_q(spread(cli), ".2f")} s')
        print(f"  {label}  Listener()               {_q(spread(lw), '.2f')} s")
        print(
            f"  {label}  CLI / floor              {_q(cli_ratio, '.2f')} x    (CLI - floor {_q(cli_extra, '+.2f')} s)"
            f"   target <= {TARGET_CLI_RATIO}x: {_verdict(cli_ratio, TARGET_CLI_RATIO)}"
        )
        print(
            f"  {label}  Listener() - floor       {_q(lw_extra, '+.2f')} s   "
            f"(Listener() / floor {_q(lw_ratio, '.2f')} x)   "
            f"target <= +{TARGET_LISTENER_EXTRA} s: {_verdict(lw_extra, TARGET_LISTENER_EXTRA)}"
        )
    peak = spread(peaks)
    print(
        f"  peak memory after Listener()  {_q(peak, '.0f')} MB ({len(peaks)} processes)   target < {TARGET_PEAK_MB}"
        f" MB: {_verdict(peak, TARGET_PEAK_MB)}"
    )


if __name__ == "__main__":
    main()
