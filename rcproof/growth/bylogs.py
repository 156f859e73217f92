"""Tier 3's first step: f = o(g) shown from the logarithms of f and g by Tier 1 alone.

For eventually positive f and g, f/g → 0 iff log g − log f → +∞, because
f/g = exp(−(log g − log f)) (comparing functions through their logarithms: Hardy,
*Orders of Infinity*, 1910; the comparability classes of Gruntz, *On Computing Limits in
a Symbolic Manipulation System*, ETH Zürich thesis, 1996). `2^n`, `n^(log n)` or `n^n` leave the
growth-monomial fragment, but their logarithms (`n·log 2`, `log(n)²`, `n·log n`, by
`logrewrite.logify`) are in it, so Tier 1 expands log g − log f and reads off its limit:
a leading term n^a·(log n)^b·(log log n)^c with (a, b, c) > 0 in the lexicographic order
and an exactly known sign means ±∞. One level further up the ladder (`2^(2^n)`): if
log f = o(log g) (the same rule, one level down) and log g → +∞, then
log g − log f = log g · (1 − log f / log g) → +∞.

Positivity is never assumed: `logify` leaves every piece that is not an `exp` as a leaf
`log(piece)`, and Tier 1 refuses a `log` whose argument it cannot show eventually
positive, so an expansion of the rewritten expressions exists only if f and g (and, one
level down, log f and log g) are eventually positive. Anything else (a cancellation to a
finite limit, an unknown sign, an expression Tier 1 cannot expand) answers None and the
exp-log engine decides; this step only avoids loading it (and sympy, about 0.2 s) for
the comparisons it settles exactly. Work is counted by Tier 1's budget charges.
"""

from __future__ import annotations

from rcproof.growth.compare import Order
from rcproof.growth.errors import GrowthError
from rcproof.growth.expand import expand
from rcproof.growth.exps import ZERO
from rcproof.growth.logrewrite import logify
from rcproof.syntax.ast import BinOp, Expr

DEPTH = 2  # levels of logarithms: 2^n needs one, 2^(2^n) two


def _limit_sign(e: Expr) -> int | None:
    """+1 if e → +∞, −1 if e → −∞ (both shown by a Tier 1 expansion), else None."""
    try:
        x = expand(e)
    except GrowthError:
        return None
    sign = x.sign()
    if sign in (1, -1) and x.terms[0][0] > ZERO:
        return sign
    return None


def tends_to_infinity(h: Expr, depth: int = DEPTH) -> bool:
    """h → +∞: by its expansion, or because log h → +∞ (`depth` levels of logarithms)."""
    if _limit_sign(h) == 1:
        return True
    return depth > 0 and tends_to_infinity(logify(h), depth - 1)


def smaller(f: Expr, g: Expr, depth: int = DEPTH) -> bool:
    """f = o(g), for eventually positive f and g (which a True answer also shows)."""
    log_f, log_g = logify(f), logify(g)
    if _limit_sign(BinOp("-", log_g, log_f)) == 1:
        return True
    return depth > 0 and smaller(log_f, log_g, depth - 1) and tends_to_infinity(log_g,
                                                                                 depth - 1)


def order_by_logs(f: Expr, g: Expr) -> Order | None:
    """Order("o") or Order("omega") when the logarithms show it, else None (the
    logarithms' difference has a finite limit or is not decided here)."""
    if smaller(f, g):
        return Order("o")
    if smaller(g, f):
        return Order("omega")
    return None
