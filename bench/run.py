"""All benchmarks in one run: `python bench/run.py [--quick]`.

1. Tier 1 `compare` against `sympy.limit` (bench/tier1.py's `run`).
2. `rcproof verify` on the bundled library, cold (fresh empty cache) and cached: in-process
   `verify_paths` time and the wall time of a `python -m rcproof verify` subprocess.
3. A generated library (bench/library.py) with `jobs=1` and `jobs=2`, no cache:
   theorems per second, and a check that both runs give the same statuses in order.
4. The ratios of issue 13 (bench/scale.py): start-up against the import floor, one large
   file against one a tenth of its size, `--jobs 2` against one job, cache hit cost, and
   the pathological inputs.

Every number is printed as an absolute time and, where a target exists, as a ratio to it.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

COLD_TARGET_S = 2.0
CACHED_TARGET_S = 0.5
RATE_TARGET = 200.0


def _machine() -> None:
    print("== machine")
    print(f"platform : {platform.platform()}")
    print(f"cpu      : {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} logical CPUs")
    print(f"python   : {platform.python_implementation()} {platform.python_version()}")


def _tier1(quick: bool) -> None:
    print("\n== 1. Tier 1 vs sympy.limit (bench/tier1.py)")
    try:
        import tier1
    except Exception as err:  # someone else's file: report, go on
        print(f"bench/tier1.py is missing or broken ({type(err).__name__}: {err}); skipped")
        return
    try:
        tier1.run(quick=quick)
    except Exception as err:
        print(f"bench/tier1.py run() failed ({type(err).__name__}: {err}); skipped")


def _statuses(files: list[tuple[str, list[Any]]]) -> list[tuple[str, str, str]]:
    return [(path, r.name, r.verdict.status) for path, results in files for r in results]


def _timed_verify(paths: list[Path], jobs: int = 1,
                  use_cache: bool = True) -> tuple[float, list[tuple[str, str, str]]]:
    from rcproof.verify import verify_paths

    # As `rcproof verify` does for its text report: no (c, N0) certificates.
    start = time.perf_counter()
    files = verify_paths(paths, jobs=jobs, use_cache=use_cache, evidence=False)
    return time.perf_counter() - start, _statuses(files)


def _subprocess_verify(args: list[str]) -> tuple[float, int]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "rcproof", "verify", *args], cwd=ROOT,
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode == 2:
        print(f"  (subprocess input error: {proc.stderr.strip()[-300:]})")
    return elapsed, proc.returncode


def _reset_cache(folder: Path) -> None:
    """Point the verdict cache at an empty folder (`clear` closes any open connection)."""
    from rcproof import cache

    os.environ["RCPROOF_CACHE_DIR"] = str(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cache.clear()


def _summary(statuses: list[tuple[str, str, str]]) -> str:
    counts = Counter(s for _, _, s in statuses)
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def _library(scratch: Path) -> None:
    print("\n== 2. rcproof verify on the bundled library")
    # in-process: cold (fresh empty cache) then cached (second run, same cache)
    _reset_cache(scratch / "cache-inproc")
    cold, statuses = _timed_verify([])
    cached, again = _timed_verify([])
    print(f"theorems             : {len(statuses)} ({_summary(statuses)})")
    print(f"in-process cold      : {cold:7.3f} s   ({cold / COLD_TARGET_S:.2f} x the "
          f"{COLD_TARGET_S} s target)")
    print(f"in-process cached    : {cached:7.3f} s   ({cached / CACHED_TARGET_S:.2f} x the "
          f"{CACHED_TARGET_S} s target; {cold / max(cached, 1e-9):.1f}x faster than cold)")
    for path, name, status in statuses:
        if status not in ("proved", "axiom", "cited"):
            print(f"  not proved: {Path(path).name}:{name} is {status}")
    if again != statuses:
        print("WARNING: cached statuses differ from cold statuses")
    # subprocess: a fresh interpreter, as a user runs it
    _reset_cache(scratch / "cache-subproc")
    sub_cold, code = _subprocess_verify([])
    sub_cached, _ = _subprocess_verify([])
    print(f"subprocess cold      : {sub_cold:7.3f} s   ({sub_cold / COLD_TARGET_S:.2f} x the "
          f"{COLD_TARGET_S} s target; exit status {code})")
    print(f"subprocess cached    : {sub_cached:7.3f} s   ({sub_cached / CACHED_TARGET_S:.2f} x "
          f"the {CACHED_TARGET_S} s target; {sub_cold / max(sub_cached, 1e-9):.1f}x faster "
          f"than cold)")
    start = time.perf_counter()
    _subprocess_verify(["--help"])
    print(f"  (interpreter + import floor, `verify --help`: {time.perf_counter() - start:.3f} s)")


def _scale(scratch: Path, count: int) -> None:
    from library import generate

    print(f"\n== 3. generated library: {count} theorems, no cache")
    paths = generate(scratch / "generated", count=count, files=10)
    t1, s1 = _timed_verify(paths, jobs=1, use_cache=False)
    t2, s2 = _timed_verify(paths, jobs=2, use_cache=False)
    r1, r2 = len(s1) / t1, len(s2) / t2
    print(f"theorems             : {len(s1)} in {len(paths)} files ({_summary(s1)})")
    print(f"--jobs 1             : {t1:7.3f} s   {r1:7.1f} theorems/s")
    print(f"--jobs 2             : {t2:7.3f} s   {r2:7.1f} theorems/s   "
          f"({r2 / RATE_TARGET:.2f} x the {RATE_TARGET:.0f}/s target; speed-up "
          f"{t1 / t2:.2f}x over --jobs 1)")
    same = s1 == s2
    print(f"identical statuses, same order (jobs 1 vs 2): {'yes' if same else 'NO'}")
    if not same:
        diff = [(a, b) for a, b in zip(s1, s2) if a != b][:5]
        print(f"  first differences: {diff}")


def _issue13(scratch: Path, quick: bool) -> None:
    print("\n== 4. scale and start-up ratios (issue 13; bench/scale.py)")
    import scale

    scale.run(scratch, quick=quick)


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run the three benchmarks in order."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="smaller runs (under 30 s): quick Tier 1, 300 generated theorems")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    old_cache = os.environ.get("RCPROOF_CACHE_DIR")
    _machine()
    _tier1(args.quick)
    __import__("explog").run(quick=args.quick)  # the exp-log engine vs sympy.limit
    with tempfile.TemporaryDirectory(prefix="rcproof-bench-") as tmp:
        scratch = Path(tmp)
        _reset_cache(scratch / "cache-default")  # never touch the user's cache
        _library(scratch)
        _scale(scratch, 300 if args.quick else 1000)
        _issue13(scratch, args.quick)
    if old_cache is None:
        os.environ.pop("RCPROOF_CACHE_DIR", None)
    else:
        os.environ["RCPROOF_CACHE_DIR"] = old_cache
    print(f"\ntotal benchmark time: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
