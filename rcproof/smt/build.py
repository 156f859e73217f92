"""Building z3 terms without z3py's per-argument coercion (issue 13: cold runs).

z3py's `And`, `Or`, `If`, `<` and `==` look up each argument's sort, compare sorts and
wrap temporary objects before they call the C API; for the many small lexicographic
comparisons of growth vectors (smt/growthvec.py) that was about a third of translating
a query. These helpers call the C API (`Z3_mk_and`, `Z3_mk_lt`, …, the documented
functions of z3's API) directly, for arguments that already are terms of one context
and of one sort (Booleans, or reals: every growth-vector component is a real). z3
hash-conses terms, so each helper returns the very term z3py would have built
(tests/smt/test_smt_build.py checks that on generated terms, and that they print
alike: Python's operator dispatch is mimicked too, see `_reflected`): queries, and so z3's
answers and rlimit counts, are unchanged.
"""

from __future__ import annotations

import z3
from z3.z3types import Ast


def _array(args: tuple[z3.ExprRef, ...]) -> Ast:
    return (Ast * len(args))(*[a.as_ast() for a in args])


def and_(*args: z3.BoolRef) -> z3.BoolRef:
    """z3.And(*args) for two or more Boolean terms of one context."""
    ctx = args[0].ctx
    return z3.BoolRef(z3.Z3_mk_and(ctx.ref(), len(args), _array(args)), ctx)


def or_(*args: z3.BoolRef) -> z3.BoolRef:
    """z3.Or(*args) for two or more Boolean terms of one context."""
    ctx = args[0].ctx
    return z3.BoolRef(z3.Z3_mk_or(ctx.ref(), len(args), _array(args)), ctx)


def ite(cond: z3.BoolRef, then: z3.ArithRef, other: z3.ArithRef) -> z3.ArithRef:
    """z3.If(cond, then, other) for two real terms of cond's context."""
    ctx = cond.ctx
    return z3.ArithRef(z3.Z3_mk_ite(ctx.ref(), cond.as_ast(), then.as_ast(),
                                    other.as_ast()), ctx)


def _reflected(a: z3.ArithRef, b: z3.ArithRef) -> bool:
    """Whether Python evaluates `a < b` as `b > a` (and `a == b` as `b == a`): the right
    operand's class is a proper subclass of the left's (a numeral, `RatNumRef`, on the
    right of a variable), so its reflected comparison runs first."""
    left, right = type(a), type(b)
    return left is not right and issubclass(right, left)


def lt(a: z3.ArithRef, b: z3.ArithRef) -> z3.BoolRef:
    """a < b for two real terms of one context (the term z3py's `a < b` builds)."""
    ctx = a.ctx
    if _reflected(a, b):
        return z3.BoolRef(z3.Z3_mk_gt(ctx.ref(), b.as_ast(), a.as_ast()), ctx)
    return z3.BoolRef(z3.Z3_mk_lt(ctx.ref(), a.as_ast(), b.as_ast()), ctx)


def eq(a: z3.ArithRef, b: z3.ArithRef) -> z3.BoolRef:
    """a == b for two real terms of one context (the term z3py's `a == b` builds)."""
    ctx = a.ctx
    if _reflected(a, b):
        a, b = b, a
    return z3.BoolRef(z3.Z3_mk_eq(ctx.ref(), a.as_ast(), b.as_ast()), ctx)
