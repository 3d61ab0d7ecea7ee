"""Start-up, side by side in one run, each in fresh processes: the spaCy floor, the CLI, and a Listener.

    python benchmarks/startup.py [--repeat 5]

Prints the best of ``--repeat`` wall times of:
- ``python -c "import spacy; spacy.blank('en')"`` (the floor every spaCy-based tool pays),
- ``listenwell "hello"`` (the whole CLI: import, load, build, analyse, suggest, print),
- ``python -c "import listenwell; listenwell.Listener()"`` (spaCy, the rules and a Listener's own pipeline),
and the ratios the design sets targets for: the CLI at most 1.5x the floor, a Listener adding at most 0.3 s,
and the peak memory (max RSS) after building a Listener under 200 MB. Nothing here touches the network.

Every command runs once before timing, so the start-up cache (``listenwell._cache``) is warm, as it is for a
user from the second run on; ``--cold`` turns the cache off to show the first run. Likewise listenwell's Python
bytecode is written first when this Python does not write it itself (``PYTHONDONTWRITEBYTECODE``): pip writes it
when it installs the wheel, and spaCy's is there already, so without it the comparison would time compiling
listenwell's source in every process (about 0.07 s here) against a spaCy that is compiled.

Beside the wall time, each line gives the best CPU time (user + system) of the same runs: on a shared machine
whose other work makes wall times swing by seconds, CPU time still says how much work a start-up does.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _walls(cmds: list[list[str]], repeat: int) -> tuple[list[float], list[float]]:
    """Best wall time and best CPU time (user + system) of each command; the commands take turns, so a busy
    spell on the machine hits all alike."""
    best = [float("inf")] * len(cmds)
    best_cpu = [float("inf")] * len(cmds)
    for _ in range(repeat):
        for i, cmd in enumerate(cmds):
            cpu = _cpu_children()
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best[i] = min(best[i], time.perf_counter() - start)
            best_cpu[i] = min(best_cpu[i], _cpu_children() - cpu)
    return best, best_cpu


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command; the best is kept")
    parser.add_argument("--cold", action="store_true", help="turn the start-up cache off (LISTENWELL_CACHE_DIR=off)")
    args = parser.parse_args()
    if args.cold:
        os.environ["LISTENWELL_CACHE_DIR"] = "off"
    bytecode = _write_bytecode()
    subprocess.run(_cli(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the cache
    (floor, cli, listener), (floor_cpu, cli_cpu, listener_cpu) = _walls(
        [[sys.executable, "-c", FLOOR], _cli(), [sys.executable, "-c", LISTENER]], args.repeat
    )
    out = subprocess.run([sys.executable, "-c", PEAK], check=True, capture_output=True, text=True).stdout
    peak_kb = int(out.split()[-1])
    peak_mb = peak_kb / 1024 if sys.platform != "darwin" else peak_kb / 1024 / 1024
    cache = "off" if args.cold else "warm"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"start-up, best of {args.repeat} fresh processes each ({os.cpu_count()} cores, load {load:.1f}, "
        f"cache {cache}, listenwell bytecode {bytecode}): wall time, and CPU time (user + system)"
    )
    print(f"  spacy.blank('en')           {floor:6.2f} s   1.00x            cpu {floor_cpu:5.2f} s   1.00x")
    print(
        f'  listenwell "hello"          {cli:6.2f} s   {cli / floor:4.2f}x            cpu {cli_cpu:5.2f} s   '
        f"{cli_cpu / floor_cpu:4.2f}x   target <= {TARGET_CLI_RATIO}x"
    )
    print(
        f"  Listener()                  {listener:6.2f} s   +{listener - floor:.2f} s          "
        f"cpu {listener_cpu:5.2f} s   +{listener_cpu - floor_cpu:.2f} s   target <= +{TARGET_LISTENER_EXTRA} s"
    )
    print(f"  peak memory after Listener() {peak_mb:5.0f} MB            target < {TARGET_PEAK_MB} MB")


if __name__ == "__main__":
    main()
