"""log f as an expression, with log(a·b) = log a + log b, log(a^b) = b·log a, log(exp x) = x.

Rewriting `2^n` to `n·log(2)` or `n^(log n)` to `log(n)·log(n)` brings many
super-polynomial functions back into Tier 1. The identities need the pieces to be
positive; we never assume that: every piece that is not an `exp` ends up as a leaf
`log(piece)`, and Tier 1 refuses a `log` whose argument it cannot show eventually
positive. So whenever Tier 1 expands a rewritten expression, f itself was positive.
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

_ZERO = Num(Fraction(0))


def _is_num(e: Expr, v: int) -> bool:
    return isinstance(e, Num) and e.value == v


def _add(a: Expr, b: Expr) -> Expr:
    if _is_num(a, 0):
        return b
    if _is_num(b, 0):
        return a
    return BinOp("+", a, b)


def _sub(a: Expr, b: Expr) -> Expr:
    if _is_num(b, 0):
        return a
    if _is_num(a, 0):
        return Neg(b)
    return BinOp("-", a, b)


def _mul(a: Expr, b: Expr) -> Expr:
    if _is_num(a, 0) or _is_num(b, 0):
        return _ZERO
    if _is_num(a, 1):
        return b
    if _is_num(b, 1):
        return a
    return BinOp("*", a, b)


def logify(e: Expr) -> Expr:
    """An expression equal to log(e) wherever every leaf `log(·)` it contains is defined."""
    if isinstance(e, Num) and e.value == 1:
        return _ZERO
    if isinstance(e, BinOp):
        if e.op == "*":
            return _add(logify(e.left), logify(e.right))
        if e.op == "/":
            return _sub(logify(e.left), logify(e.right))
        if e.op == "^":
            return _mul(simplify_logs(e.right), logify(e.left))
    if isinstance(e, Call) and len(e.args) == 1 and not e.kwargs:
        if e.func == "exp":
            return simplify_logs(e.args[0])
        if e.func == "sqrt":
            return _mul(Num(Fraction(1, 2)), logify(e.args[0]))
        if e.func == "factorial":
            return Call("loggamma", (_add(simplify_logs(e.args[0]), Num(Fraction(1))),))
    if isinstance(e, Call) and e.func in ("max", "min") and e.args and not e.kwargs:
        return Call(e.func, tuple(logify(a) for a in e.args))
    return Call("log", (simplify_logs(e),))


def simplify_logs(e: Expr) -> Expr:
    """`e` with every `log(x)` replaced by `logify(x)`."""
    if isinstance(e, (Num, Name)):
        return e
    if isinstance(e, Neg):
        return Neg(simplify_logs(e.operand))
    if isinstance(e, BinOp):
        return BinOp(e.op, simplify_logs(e.left), simplify_logs(e.right))
    if isinstance(e, Call):
        if e.func == "log" and len(e.args) == 1 and not e.kwargs:
            return logify(e.args[0])
        return Call(e.func, tuple(simplify_logs(a) for a in e.args), e.kwargs)
    return e
