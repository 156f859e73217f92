"""Tier 2 beyond polynomial growth: compare logarithms when a side grows exponentially.

For `c^n`, `n^(log n)`, `n^n`, `c^(c^n)` (with symbolic c) growth vectors do not exist,
but their logarithms often do. If log f = o(log g) and log g → ∞ then f = o(g), since
log g − log f → ∞; applied again to the logarithms it reaches one level further up the
ladder. These are sufficient conditions only, so an atom is encoded as "true where the
condition for it holds, false where the condition for the opposite holds, unknown
elsewhere" — never as an equivalence.
"""

from __future__ import annotations

import z3

from rcproof.growth.logrewrite import logify
from rcproof.smt.growthvec import GrowthVectors, lex_lt
from rcproof.smt.realterm import Untranslatable
from rcproof.syntax import ast as A

DEPTH = 3


def _attempt(gv: GrowthVectors, build):  # type: ignore[no-untyped-def]
    """Run a translation; on failure drop the side conditions it had added."""
    mark = len(gv.sides)
    try:
        return build()
    except Untranslatable:
        del gv.sides[mark:]
        raise


def smaller(gv: GrowthVectors, f: A.Expr, g: A.Expr, depth: int = DEPTH) -> z3.BoolRef:
    """A condition under which f = o(g)."""
    try:
        return _attempt(gv, lambda: lex_lt(gv.vec(f), gv.vec(g)))
    except Untranslatable:
        if depth == 0:
            raise
    log_f, log_g = logify(f), logify(g)
    return z3.And(smaller(gv, log_f, log_g, depth - 1), grows(gv, log_g, depth - 1))


def grows(gv: GrowthVectors, h: A.Expr, depth: int = DEPTH) -> z3.BoolRef:
    """A condition under which h → +∞."""
    try:
        return _attempt(gv, lambda: lex_lt(gv.zero, gv.vec(h)))
    except Untranslatable:
        if depth == 0:
            raise
    return grows(gv, logify(h), depth - 1)


def log_relation(gv: GrowthVectors, rel: str, f: A.Expr, g: A.Expr,
                 unknown: z3.BoolRef) -> z3.BoolRef:
    """The atom `f = rel(g)` where it is decided by comparing logarithms, else `unknown`."""
    if rel in ("poly", "polylog"):
        raise Untranslatable("poly/polylog of exponential growth is outside Tier 2")
    below = _optional(gv, lambda: smaller(gv, f, g))
    above = _optional(gv, lambda: smaller(gv, g, f))
    if below is None and above is None:
        raise Untranslatable("neither side's logarithm has a growth vector")
    false = z3.BoolVal(False, gv.ctx)
    true = z3.BoolVal(True, gv.ctx)
    when_below = {"o": true, "O": true, "omega": false, "Omega": false, "Theta": false,
                  "~": false}[rel]
    when_above = {"o": false, "O": false, "omega": true, "Omega": true, "Theta": false,
                  "~": false}[rel]
    out = unknown
    if above is not None:
        out = z3.If(above, when_above, out)
    if below is not None:
        out = z3.If(below, when_below, out)
    return out


def _optional(gv: GrowthVectors, build):  # type: ignore[no-untyped-def]
    try:
        return _attempt(gv, build)
    except Untranslatable:
        return None
