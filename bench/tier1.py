"""Benchmark: Tier 1 `compare` against `sympy.limit(f/g, n, oo)` on growth-monomial pairs.

Both run in this process on the same seeded corpus; every answer is cross-checked (a
disagreement is a bug and is counted), as are Tier 1 with and without its
single-monomial fast path. The speed-up is measured per pair on the pairs
both sides answered. `python bench/tier1.py [--quick] [--pairs N]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rcproof.growth import Order, compare, expand, to_sympy
from rcproof.growth.leading import positive_leading
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Num

SEED = 20250917
QUICK_SYMPY_PAIRS = 40
_N: Expr = Name("n")
_LOG: Expr = Call("log", (_N,))
_LOGLOG: Expr = Call("log", (_LOG,))


def _frac(rng: random.Random, lo: int, hi: int, dens: tuple[int, ...]) -> Fraction:
    d = rng.choice(dens)
    return Fraction(rng.randint(lo * d, hi * d), d)


def _monomial(rng: random.Random) -> tuple[Expr, tuple[Fraction, ...]]:
    c = Fraction(rng.choice([1, 1, 2, 3, 5]), rng.choice([1, 1, 2, 3]))
    a = _frac(rng, -1, 3, (1, 2, 3, 4))
    b = _frac(rng, -3, 3, (1, 2, 3))
    e = _frac(rng, -2, 2, (1, 2)) if rng.random() < 0.4 else Fraction(0)
    out: Expr = Num(c)
    for base, k in ((_N, a), (_LOG, b), (_LOGLOG, e)):
        if k:
            out = BinOp("*", out, BinOp("^", base, Num(k)))
    return out, (c, a, b, e)


def make_pairs(count: int, seed: int = SEED) -> list[tuple[Expr, Expr]]:
    """`count` pairs of growth monomials; one in four differs only in its coefficient or in
    one exponent by a small step (the boundary cases)."""
    rng = random.Random(seed)
    pairs: list[tuple[Expr, Expr]] = []
    for i in range(count):
        f, (c, a, b, e) = _monomial(rng)
        if i % 4 == 0:
            which = rng.randrange(4)
            c2 = c * 2 if which == 0 else c
            a2 = a + Fraction(1, 4) if which == 1 else a
            b2 = b - Fraction(1, 3) if which == 2 else b
            e2 = e + Fraction(1, 2) if which == 3 else e
            g: Expr = Num(c2)
            for base, k in ((_N, a2), (_LOG, b2), (_LOGLOG, e2)):
                if k:
                    g = BinOp("*", g, BinOp("^", base, Num(k)))
        else:
            g, _ = _monomial(rng)
        pairs.append((f, g))
    return pairs


def _sympy_order(value: Any) -> tuple[str, Fraction | None] | None:
    import sympy

    if value == 0:
        return ("o", None)
    if value == sympy.oo:
        return ("omega", None)
    if value.is_Rational and value > 0:
        return ("Theta", Fraction(int(value.p), int(value.q)))
    return None


def _agrees(ours: Order, theirs: tuple[str, Fraction | None]) -> bool:
    if ours.kind != theirs[0]:
        return False
    if ours.kind == "Theta":
        return ours.ratio is not None and ours.ratio.is_exact and ours.ratio.value == theirs[1]
    return True


def compare_by_expansion(f: Expr, g: Expr) -> Order:
    """Tier 1 without the single-monomial fast path: full expansions of both sides."""
    lf, lg = positive_leading(expand(f), f), positive_leading(expand(g), g)
    if lf.exps != lg.exps:
        return Order("o" if lf.exps < lg.exps else "omega")
    return Order("Theta", lf.coef / lg.coef)


def _time_tier1(pairs: list[tuple[Expr, Expr]], repeat: int = 5,
                how: Callable[[Expr, Expr], Order] = compare) -> tuple[list[float], list[Order]]:
    """Per-pair best-of-`repeat` times of `how` (seconds) and its answers."""
    best = [float("inf")] * len(pairs)
    answers: list[Order] = []
    for r in range(repeat):
        for i, (f, g) in enumerate(pairs):
            t0 = time.perf_counter()
            order = how(f, g)
            dt = time.perf_counter() - t0
            best[i] = min(best[i], dt)
            if r == 0:
                answers.append(order)
    return best, answers


def run(pairs: int = 300, quick: bool = False) -> dict[str, Any]:
    """Time both sides, count disagreements, print and return the summary."""
    import sympy

    corpus = make_pairs(max(pairs, 300))
    tier1_times, answers = _time_tier1(corpus)
    full_times, full_answers = _time_tier1(corpus, how=compare_by_expansion)
    disagreements = sum(a != b for a, b in zip(answers, full_answers))
    n = sympy.Symbol("n", positive=True)
    checked = corpus if not quick else corpus[:QUICK_SYMPY_PAIRS]
    sympy_times: list[float] = []
    common_tier1: list[float] = []
    common_full: list[float] = []
    unusable = 0
    for i, (f, g) in enumerate(checked):
        ratio = to_sympy(f) / to_sympy(g)
        t0 = time.perf_counter()
        value = sympy.limit(ratio, n, sympy.oo)
        dt = time.perf_counter() - t0
        theirs = _sympy_order(value)
        if theirs is None:
            unusable += 1
            continue
        if not _agrees(answers[i], theirs):
            disagreements += 1
        sympy_times.append(dt)
        common_tier1.append(tier1_times[i])
        common_full.append(full_times[i])
    speedup = sum(sympy_times) / sum(common_tier1) if common_tier1 else float("nan")
    speedup_full = sum(sympy_times) / sum(common_full) if common_full else float("nan")
    result = {
        "pairs": len(corpus),
        "sympy_pairs": len(sympy_times),
        "sympy_unusable": unusable,
        "disagreements": disagreements,
        "tier1_total_s": sum(tier1_times),
        "tier1_mean_us": 1e6 * sum(tier1_times) / len(tier1_times),
        "sympy_mean_ms": 1e3 * sum(sympy_times) / len(sympy_times) if sympy_times else None,
        "speedup": speedup,
        "expansion_mean_us": 1e6 * sum(full_times) / len(full_times),
        "speedup_expansion_path": speedup_full,
    }
    print(f"tier1: {len(corpus)} pairs in {result['tier1_total_s'] * 1e3:.2f} ms "
          f"({result['tier1_mean_us']:.1f} us/pair)")
    if sympy_times:
        print(f"sympy.limit: {len(sympy_times)} pairs in {sum(sympy_times):.2f} s "
              f"({result['sympy_mean_ms']:.1f} ms/pair); unusable answers: {unusable}")
    print(f"disagreements: {disagreements}")
    print(f"tier1 speedup vs sympy.limit: {speedup:.0f}x")
    print(f"  (full expansion path, no monomial fast path: "
          f"{result['expansion_mean_us']:.1f} us/pair, {speedup_full:.0f}x)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    result = run(args.pairs, args.quick)
    sys.exit(1 if result["disagreements"] else 0)


if __name__ == "__main__":
    main()
