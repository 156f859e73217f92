"""Tier 1 inside the kernel: the truth value of a ground Landau atom by the exact growth
algebra (rcproof.growth, rational exponent vectors and enclosed coefficients), or None.

Only the Tier 1 modules of the growth package are imported, never Tier 3 or sympy.
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.growth.compare import compare, holds
from rcproof.growth.errors import GrowthError
from rcproof.growth.leading import leading
from rcproof.syntax import ast as A


def poly_holds(f: tuple[Fraction, ...], g: tuple[Fraction, ...]) -> bool:
    """f = g^O(1) on exponent vectors (n, log n, log log n): some k ≥ 0 has f = O(g^k)."""
    zero = (Fraction(0),) * 3
    if g[0] > 0:
        return True
    if g[0] == 0 and g[1] > 0:
        return f[0] <= 0
    if g[0] == 0 and g[1] == 0 and g[2] > 0:
        return f[0] < 0 or (f[0] == 0 and f[1] <= 0)
    return tuple(f) <= zero


def decide(atom: A.Relation) -> bool | None:
    """Whether the ground atom holds, when the growth algebra settles it; else None."""
    try:
        if atom.rel in ("poly", "polylog"):
            base = atom.right if atom.rel == "poly" else A.Call("log", (atom.right,))
            return poly_holds(tuple(leading(atom.left).exps), tuple(leading(base).exps))
        return holds(compare(atom.left, atom.right), atom.rel)
    except GrowthError:
        return None
