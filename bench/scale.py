"""The ratios of issue 13, measured in one run against baselines taken in the same run.

* start-up: CPU time (user + system, median of several runs) of `rcproof compare` on a
  monomial pair, of `rcproof verify` on the bundled library with a warm cache and with
  `--no-cache`, each divided by that of `python -c "import z3, lark, click"`;
* a generated single file of N theorems against one of N/10: CPU time per theorem
  (in-process, one job), and wall time of `--jobs 2` against `--jobs 1` on the large one
  (with the CPU time of parent and workers, so a loaded machine shows as such);
* the cost of a cache hit (µs per `cache.get` on a table of stored answers);
* the pathological inputs of the issue, each timed once (the hang guard test asserts
  that they finish; here only how long they take).

Run by `bench/run.py`; alone: `python bench/scale.py [--quick]`.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import z3, lark, click"]
TARGETS = {"compare": 1.2, "warm": 1.5, "cold": 3.0, "per_theorem": 1.2, "jobs2": 1.6}


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_of(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = _child_cpu()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return _child_cpu() - before


def _median_cpu(cmd: list[str], cwd: Path, env: dict[str, str], runs: int) -> float:
    return statistics.median(_cpu_of(cmd, cwd, env) for _ in range(runs))


def _verdict(ratio: float, target: float, higher_is_better: bool = False) -> str:
    met = ratio >= target if higher_is_better else ratio <= target
    sign = ">=" if higher_is_better else "<="
    return f"(target {sign} {target}: {'met' if met else 'NOT met'})"


def startup(scratch: Path, runs: int) -> dict[str, float]:
    """CPU-time ratios of compare / warm / cold verify to the import floor."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["RCPROOF_CACHE_DIR"] = str(scratch / "cache-startup")
    # As installed: rcproof's modules load from bytecode, like z3, lark and click in the
    # floor (pip compiles them). With PYTHONDONTWRITEBYTECODE every run compiled all of
    # rcproof again (about 60 ms), a cost of the environment, not of rcproof.
    dont_write = env.pop("PYTHONDONTWRITEBYTECODE", None)
    rc = [sys.executable, "-m", "rcproof"]
    _cpu_of([*rc, "verify"], ROOT, env)  # fill the cache, the parser tables, the bytecode
    _cpu_of([*rc, "compare", "n", "1"], ROOT, env)
    if dont_write:
        print("(PYTHONDONTWRITEBYTECODE was set: unset for these runs)")
    floor = _median_cpu(FLOOR, ROOT, env, runs)
    times = {
        "compare": _median_cpu([*rc, "compare", "n^2 * log(n)", "n^3"], ROOT, env, runs),
        "warm": _median_cpu([*rc, "verify"], ROOT, env, runs),
        "cold": _median_cpu([*rc, "verify", "--no-cache"], ROOT, env, max(1, runs // 2)),
    }
    print(f"import floor (python -c 'import z3, lark, click'): {floor * 1000:7.1f} ms CPU")
    ratios = {}
    for name, label in (("compare", "compare on a monomial pair"),
                        ("warm", "bundled library, warm cache"),
                        ("cold", "bundled library, --no-cache")):
        ratios[name] = times[name] / floor
        print(f"{label:32s}: {times[name] * 1000:7.1f} ms CPU = {ratios[name]:5.2f}x the "
              f"floor {_verdict(ratios[name], TARGETS[name])}")
    return ratios


def _in_process(paths: list[Path], jobs: int) -> tuple[float, float, float, int]:
    """(wall s, own CPU s, workers' CPU s, theorems) of one verify_paths call."""
    from rcproof.verify import verify_paths

    wall, cpu, kids = time.perf_counter(), time.process_time(), _child_cpu()
    files = verify_paths(paths, jobs=jobs, use_cache=False, evidence=False)
    count = sum(len(results) for _, results in files)
    return (time.perf_counter() - wall, time.process_time() - cpu, _child_cpu() - kids,
            count)


def single_file(scratch: Path, large: int) -> dict[str, float]:
    """Per-theorem CPU cost of a large single file against one a tenth of its size, and
    the wall-time speed-up of two jobs on the large file."""
    sys.path.insert(0, str(ROOT / "bench"))
    from library import generate

    small = max(1, large // 10)
    small_path = generate(scratch / "single-small", count=small, files=1)
    large_path = generate(scratch / "single-large", count=large, files=1)
    _, small_cpu, _, n_small = _in_process(small_path, 1)
    wall1, large_cpu, _, n_large = _in_process(large_path, 1)
    wall2, parent2, kids2, _ = _in_process(large_path, 2)
    per_small, per_large = small_cpu / n_small * 1000, large_cpu / n_large * 1000
    ratio = per_large / per_small
    speedup = wall1 / wall2
    print(f"single file, {n_small:6,d} theorems: {per_small:6.3f} ms CPU per theorem")
    print(f"single file, {n_large:6,d} theorems: {per_large:6.3f} ms CPU per theorem = "
          f"{ratio:4.2f}x {_verdict(ratio, TARGETS['per_theorem'])}")
    print(f"--jobs 1 on {n_large:,d}: {wall1:6.2f} s wall ({large_cpu:.2f} s CPU)")
    print(f"--jobs 2 on {n_large:,d}: {wall2:6.2f} s wall ({parent2:.2f} s parent + "
          f"{kids2:.2f} s workers CPU) = {speedup:4.2f}x faster "
          f"{_verdict(speedup, TARGETS['jobs2'], higher_is_better=True)}")
    return {"per_theorem": ratio, "jobs2": speedup}


def cache_hits(scratch: Path, entries: int = 2000) -> float:
    """Microseconds per cache hit on a table of `entries` stored oracle answers."""
    from rcproof import cache
    from rcproof.prover.decide import Outcome

    os.environ["RCPROOF_CACHE_DIR"] = str(scratch / "cache-hits")
    cache.set_enabled(True)
    cache.clear()
    keys = [cache.key("bench", i) for i in range(entries)]
    start = time.perf_counter()
    for k in keys:
        cache.put(k, Outcome("proved", ["smt"], None, None))
    per_put = (time.perf_counter() - start) / entries * 1e6
    start = time.perf_counter()
    for k in keys:
        cache.get(k)
    cache.flush()
    per_hit = (time.perf_counter() - start) / entries * 1e6
    size = (scratch / "cache-hits" / "verdicts.sqlite3").stat().st_size
    print(f"cache hit: {per_hit:6.1f} us each, write {per_put:6.1f} us ({entries:,d} entries,"
          f" file {size / 1e6:.2f} MB, limit {cache.max_bytes() / 1e6:.0f} MB, LRU eviction)")
    cache.clear()
    return per_hit


def pathological(scratch: Path) -> None:
    """Wall time of each pathological input of the issue under default budgets."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["RCPROOF_CACHE_DIR"] = str(scratch / "cache-patho")
    terms = " + ".join(f"{i} * n^({i}/2000)" for i in range(1, 2001))
    files = {"sum2000.rc": f"theorem big: {terms} = Theta(n)\n",
             "tiny.rc": "theorem tiny: n^(1/10^9) = omega(log(n))\n",
             "three.rc": "theorem three: log(exp(n) + 1) = Theta(n) and n^(1/n) = Theta(1)"
                         " and log(n)^log(n) = omega(n^5)\n"}
    for name, text in files.items():
        (scratch / name).write_text(text, encoding="utf-8")
    rc = [sys.executable, "-m", "rcproof"]
    runs: list[tuple[str, list[str]]] = [
        ("compare 'n^(1/10^9)' '1'", [*rc, "compare", "n^(1/10^9)", "1"]),
        *[(f"verify --json {name}", [*rc, "verify", "--json", "--no-cache", name])
          for name in files],
    ]
    for label, cmd in runs:
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=scratch, env=env, capture_output=True, text=True,
                              timeout=600, check=False)
        print(f"{label:38s}: {time.perf_counter() - start:6.2f} s wall, exit {done.returncode}")


def run(scratch: Path, quick: bool = False) -> dict[str, float]:
    """All of the above; returns the ratios by name."""
    timed: list[tuple[str, Callable[[], object]]] = [
        ("start-up (CPU time, medians)", lambda: startup(scratch, 3 if quick else 7)),
        ("one large file", lambda: single_file(scratch, 2000 if quick else 10_000)),
        ("cache", lambda: cache_hits(scratch)),
        ("pathological inputs", lambda: pathological(scratch)),
    ]
    ratios: dict[str, float] = {}
    for title, step in timed:
        print(f"-- {title}")
        out = step()
        if isinstance(out, dict):
            ratios.update(out)
    return ratios


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="rcproof-scale-") as tmp:
        run(Path(tmp), quick="--quick" in sys.argv)
