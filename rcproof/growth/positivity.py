"""Is an expression eventually positive? A small structural prover for Tier 3.

sympy's limit of f/g means nothing for our relations unless f and g are eventually
positive (THEORY §1), and sympy does not check that. Positivity follows from the shape
(sums, products, powers of positive things, exp, n, positive constants); `log(a)` is
positive once a → +∞, and `a − b` once a = ω(b), both decided by the log rewrite; Tier 1
decides everything inside the fragment. False means "not shown", never "negative".
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.growth.errors import GrowthError
from rcproof.growth.leading import leading
from rcproof.growth.logcompare import compare_by_log_rewrite
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

_ONE = Num(Fraction(1))


def _tier1_positive(e: Expr) -> bool:
    try:
        leading(e)
    except GrowthError:
        return False
    return True


def eventually_positive(e: Expr) -> bool:
    """True only when e(n) > 0 for all large n is shown."""
    if _tier1_positive(e):
        return True
    if isinstance(e, Num):
        return e.value > 0
    if isinstance(e, Name):
        return e.id == "n"
    if isinstance(e, Neg):
        return False
    if isinstance(e, BinOp):
        if e.op in "+*/":
            return eventually_positive(e.left) and eventually_positive(e.right)
        if e.op == "^":
            return eventually_positive(e.left)
        if e.op == "-":
            order = compare_by_log_rewrite(e.left, e.right)
            return (order is not None and order.kind == "omega"
                    and eventually_positive(e.right))
        return False
    if isinstance(e, Call) and e.args and not e.kwargs:
        if e.func in ("exp",):
            return True
        if e.func in ("sqrt", "factorial"):
            return eventually_positive(e.args[0])
        if e.func == "max":
            return any(eventually_positive(a) for a in e.args)
        if e.func == "min":
            return all(eventually_positive(a) for a in e.args)
        if e.func == "log":
            order = compare_by_log_rewrite(_ONE, e.args[0])
            return order is not None and order.kind == "o"
    return False
