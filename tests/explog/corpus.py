"""A generated corpus of exp-log comparison pairs (deterministic: a seeded generator).

Expressions are built from a ladder of eventually positive atoms (powers of n and of
log n, log log n, exp and powers of 2 and 3, sqrt, exp of slow functions) combined
by sums, products, quotients, constant powers and logs of positive sums, plus
cancelling differences such as (n+1)^2 − n^2 and n^(1+1/n) − n whose leading terms are
lower than their parts. Every expression is eventually positive by construction.
"""

from __future__ import annotations

import random

ATOMS = [
    "n", "n^2", "n^(1/2)", "n^(3/2)", "log(n)", "log(n)^2", "log(log(n))", "exp(n)",
    "2^n", "3^n", "exp(n^(1/2))", "exp(log(n)^2)", "n^(log(n))", "exp(sqrt(log(n)))",
    "2", "3", "1/2", "exp(1)", "log(3)", "sqrt(2)", "exp(2*n)", "n^n",
]
CANCELLING = [
    "(n + 1)^2 - n^2", "n^(1+1/n) - n", "exp(n) - exp(n - 1)", "log(n + 1) - log(n)",
    "2^(n+1) - 2^n", "sqrt(n + 1) - sqrt(n)", "(1 + 1/n)^n", "log(exp(n) + n)",
    "n*log(1 + 1/n)", "exp(1/n) - 1", "log(2^n + 3^n)", "max(2^n, n^3)", "min(n^2, 3^n)",
]


def _expr(rng: random.Random, depth: int) -> str:
    if depth == 0 or rng.random() < 0.3:
        return rng.choice(ATOMS if rng.random() < 0.8 else CANCELLING)
    a, b = _expr(rng, depth - 1), _expr(rng, depth - 1)
    pick = rng.random()
    if pick < 0.3:
        return f"({a} + {b})"
    if pick < 0.6:
        return f"({a})*({b})"
    if pick < 0.75:
        return f"({a})/({b})"
    if pick < 0.9:
        return f"({a})^({rng.choice(['2', '1/2', '3', '-1', '2/3'])})"
    return f"log(2 + {a})"


def pairs(count: int, seed: int = 15, depth: int = 2) -> list[tuple[str, str]]:
    """`count` (f, g) pairs; about a third share a factor so that Θ and ~ occur often."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    while len(out) < count:
        f, g = _expr(rng, depth), _expr(rng, depth)
        if rng.random() < 0.35:
            common = _expr(rng, 1)
            g = f"({common})*({rng.choice(['1', '2', 'exp(1)', '1 + 1/n'])})"
            f = f"({common})*({f})/({f})" if rng.random() < 0.5 else f"({common})"
        out.append((f, g))
    return out
