"""Benchmark: the exp-log engine (Tier 3) against `sympy.limit(f/g, n, oo)`.

Both sides answer the same seeded exp-log corpus (tests/explog/corpus.py) in one run.
The engine runs in this process under its default per-comparison work budget; sympy
runs in a worker process (so that a pair it cannot finish is abandoned after a time
limit), timing only its own `limit` call. Printed: per-comparison times, their ratio on
the pairs both answered (target ≥ 20×), and the disagreements on pairs the engine
decides (target 0), each with a numeric hint (f/g at n = 10^4 … 10^32) saying which side
the values support. `python bench/explog.py [--quick] [--pairs N]`.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from rcproof.budget import DEFAULT_UNITS, Budget, BudgetExhausted, budget_scope  # noqa: E402
from rcproof.growth import explog  # noqa: E402
from rcproof.growth.explog.constants import compare_constants  # noqa: E402
from rcproof.growth.sympy_bridge import to_sympy, variable  # noqa: E402
from rcproof.syntax.parser import parse_expr  # noqa: E402
from tests.explog.corpus import pairs as make_pairs  # noqa: E402

RATIO_TARGET = 20.0
SYMPY_SECONDS = 10.0
UNITS = DEFAULT_UNITS // 40


def _engine(f: str, g: str) -> tuple[tuple[str, Any], float]:
    fe, ge = parse_expr(f), parse_expr(g)
    t0 = time.perf_counter()
    try:
        with budget_scope(Budget(UNITS)):
            got = explog.compare(fe, ge)
        answer: tuple[str, Any] = (got.order.kind, got.ratio)
    except (explog.Undecided, BudgetExhausted) as exc:
        answer = ("unknown", str(exc))
    return answer, time.perf_counter() - t0


def _sympy_job(pair: tuple[str, str]) -> tuple[str, float]:
    import sympy

    ratio = to_sympy(parse_expr(pair[0])) / to_sympy(parse_expr(pair[1]))
    t0 = time.perf_counter()
    value = sympy.limit(ratio, variable(), sympy.oo)
    return str(value), time.perf_counter() - t0


def _sympy_answer(text: str) -> tuple[str, Any] | None:
    import sympy

    value = sympy.sympify(text)
    if value == 0:
        return ("o", None)
    if value == sympy.oo:
        return ("omega", None)
    if value.is_number and value.is_finite and value.is_positive:
        return ("Theta", value)
    return None


def _numeric_side(pair: tuple[str, str], mine: tuple[str, Any],
                  theirs: tuple[str, Any]) -> str:
    """Which side the values of f/g at n = 10^4, 10^8, 10^16, 10^32 (50 digits) look
    like: a hint printed next to a disagreement, never a verdict."""
    import sympy

    ratio = to_sympy(parse_expr(pair[0])) / to_sympy(parse_expr(pair[1]))
    try:
        values = [abs(sympy.N(ratio.subs(variable(), sympy.Integer(10) ** k), 50))
                  for k in (4, 8, 16, 32)]
    except Exception:  # numeric trouble: no hint
        return "no numeric hint"
    shrinking = all(b < a for a, b in itertools.pairwise(values))
    growing = all(b > a for a, b in itertools.pairwise(values))
    trend = "o" if shrinking and values[-1] < 1e-3 else (
        "omega" if growing and values[-1] > 1e3 else "Theta")
    sides = [name for name, v in (("engine", mine), ("sympy", theirs)) if v[0] == trend]
    return f"numeric values {[float(v) for v in values]} look like {trend}: " + (
        " and ".join(sides) if sides else "neither")


def _agree(mine: tuple[str, Any], theirs: tuple[str, Any]) -> bool:
    if mine[0] != theirs[0]:
        return False
    return mine[0] != "Theta" or compare_constants(mine[1], theirs[1]) == 0


def run(count: int = 200, quick: bool = False) -> dict[str, Any]:
    """Time both sides on `count` pairs; print and return the summary."""
    print("\n== exp-log engine (Tier 3) vs sympy.limit (bench/explog.py)")
    corpus = make_pairs(count if not quick else min(count, 60), seed=4242, depth=2)
    _engine("n", "2^n")  # warm the imports, as sympy's worker is warmed below
    ctx = multiprocessing.get_context("fork")
    pool = ctx.Pool(1)
    pool.apply(_sympy_job, (("n", "n + 1"),))
    mine_t: list[float] = []
    theirs_t: list[float] = []
    decided = answered = timeouts = disagreements = 0
    examples: list[str] = []
    try:
        for pair in corpus:
            mine, dt = _engine(*pair)
            decided += mine[0] != "unknown"
            job = pool.apply_async(_sympy_job, (pair,))
            try:
                text, st = job.get(SYMPY_SECONDS)
                theirs = _sympy_answer(text)
            except multiprocessing.TimeoutError:
                timeouts += 1
                pool.terminate()
                pool = ctx.Pool(1)
                continue
            except Exception:  # sympy raised: no answer
                continue
            if theirs is None:
                continue
            answered += 1
            if mine[0] == "unknown":
                continue
            mine_t.append(dt)
            theirs_t.append(st)
            if not _agree(mine, theirs):
                disagreements += 1
                if len(examples) < 5:
                    examples.append(f"{pair}: engine {mine}, sympy {theirs}; "
                                    f"{_numeric_side(pair, mine, theirs)}")
    finally:
        pool.terminate()
    ratio = sum(theirs_t) / sum(mine_t) if mine_t else float("nan")
    print(f"pairs {len(corpus)}: engine decided {decided}, sympy answered {answered} "
          f"({timeouts} over {SYMPY_SECONDS:g} s), both {len(mine_t)}")
    if mine_t:
        print(f"engine per comparison: mean {1e3 * statistics.mean(mine_t):.2f} ms, "
              f"median {1e3 * statistics.median(mine_t):.2f} ms")
        print(f"sympy  per comparison: mean {1e3 * statistics.mean(theirs_t):.2f} ms, "
              f"median {1e3 * statistics.median(theirs_t):.2f} ms")
    print(f"speed-up (sympy time / engine time on common pairs): {ratio:.1f}x "
          f"(target >= {RATIO_TARGET:g}x: {'met' if ratio >= RATIO_TARGET else 'NOT met'})")
    print(f"disagreements on pairs the engine decides: {disagreements} (target 0)")
    for line in examples:
        print(f"  {line}")
    return {"pairs": len(corpus), "decided": decided, "answered": answered,
            "both": len(mine_t), "ratio": ratio, "disagreements": disagreements}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="60 pairs")
    parser.add_argument("--pairs", type=int, default=200)
    args = parser.parse_args(argv)
    run(args.pairs, args.quick)


if __name__ == "__main__":
    main()
