"""Comparisons through logarithms, using only Tier 1: the proof half of Tier 3.

If log g − log f → +∞ then f = o(g). `logify` turns 2^n into n·log(2) and n^(log n)
into log(n)·log(n), which Tier 1 expands exactly; when log f and log g are themselves
outside the fragment (n^n against 2^(2^n)), the same comparison is applied to them,
a few levels deep: if log f = o(log g) and log g → +∞, then log g − log f → +∞.
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.growth import expansion as X
from rcproof.growth.coef import Coef
from rcproof.growth.compare import Order, compare
from rcproof.growth.errors import GrowthError
from rcproof.growth.expand import expand
from rcproof.growth.exps import ZERO
from rcproof.growth.logrewrite import logify
from rcproof.syntax.ast import BinOp, Expr, Num

REWRITE_DEPTH = 3
_ONE = Num(Fraction(1))


def _from_log_difference(d: X.Expansion) -> Order | None:
    """The order of f against g from an expansion of d = log g − log f (None: undecided)."""
    sign = d.sign()
    top = d.top()
    if top is None:  # d ≡ 0
        return Order("Theta", Coef.exact(1))
    if top < ZERO:  # d → 0: f/g → 1
        return Order("Theta", Coef.exact(1))
    if not d.terms:  # only an error term, ≥ O(1)
        return Order("Theta") if top == ZERO else None
    lead, coef = d.terms[0]
    if lead == ZERO:  # d → coef: f/g → e^(−coef)
        try:
            return Order("Theta", (-coef).exp())
        except GrowthError:
            return Order("Theta")
    if sign == 1:
        return Order("o")
    if sign == -1:
        return Order("omega")
    return None


def _tends_to_infinity(a: Expr, depth: int) -> bool:
    r = compare_by_log_rewrite(_ONE, a, depth)
    return r is not None and r.kind == "o"


def compare_by_log_rewrite(f: Expr, g: Expr, depth: int = REWRITE_DEPTH) -> Order | None:
    """Decide f against g through log f and log g with Tier 1 only (None: undecided)."""
    try:
        return compare(f, g)
    except GrowthError:
        pass
    if depth <= 0:
        return None
    a, b = logify(f), logify(g)
    try:
        direct = _from_log_difference(expand(BinOp("-", b, a)))
        if direct is not None:
            return direct
    except GrowthError:
        pass
    inner = compare_by_log_rewrite(a, b, depth - 1)
    if inner is None:
        return None
    # b − a → +∞ when a = o(b) (or a/b → ρ < 1) and b → +∞; symmetrically for ω.
    if inner.kind == "o" or (inner.kind == "Theta" and inner.ratio is not None
                             and inner.ratio.hi < 1):
        return Order("o") if _tends_to_infinity(b, depth - 1) else None
    if inner.kind == "omega" or (inner.kind == "Theta" and inner.ratio is not None
                                 and inner.ratio.lo > 1):
        return Order("omega") if _tends_to_infinity(a, depth - 1) else None
    return None
