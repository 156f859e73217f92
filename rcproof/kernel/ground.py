"""Tier 1 inside the kernel: the truth value of a ground Landau atom by the kernel's own
exact check (rcproof.tier1: exact sums of growth monomials, exponents compared by integer
powers), or None. It imports neither the engine's growth algebra, nor Tier 3, nor sympy;
an atom outside the check's scale gets no Tier 1 theorem here (rules.ground may then ask
the named oracle "growth", and the theorem records it).
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.syntax import ast as A
from rcproof.tier1.exponents import Unsupported
from rcproof.tier1.sums import decide as exact_decide


def poly_holds(f: tuple[Fraction, ...], g: tuple[Fraction, ...]) -> bool:
    """f = g^O(1) on rational exponent vectors (n, log n, log log n): some k ≥ 0 has
    f = O(g^k). (The engine's Tier 1 uses it; the kernel's check is tier1.sums.)"""
    zero = (Fraction(0),) * 3
    if g[0] > 0:
        return True
    if g[0] == 0 and g[1] > 0:
        return f[0] <= 0
    if g[0] == 0 and g[1] == 0 and g[2] > 0:
        return f[0] < 0 or (f[0] == 0 and f[1] <= 0)
    return tuple(f) <= zero


def decide(atom: A.Relation) -> bool | None:
    """Whether the ground atom holds, when the kernel's exact check settles it; else None."""
    try:
        return exact_decide(atom)
    except (Unsupported, RecursionError):
        return None
