"""Numeric evidence for Tier 3: log f − log g at n = e^x for growing x.

This never proves anything; it can only veto a sympy answer whose trend it contradicts.
Values are computed in log space (via `logify`) so that 2^(2^n) or n^n never have to be
formed, in mpmath interval arithmetic so that catastrophic cancellation is detected
(a point whose enclosure is too wide is dropped rather than trusted).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from rcproof.growth.logrewrite import logify
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

POINTS = (16, 32, 64, 128, 256, 512, 1024, 2048, 8192, 32768, 131072, 524288)  # x = log n
_PRECISIONS = (128, 1024)
_FUNCS = ("log", "sqrt", "exp", "max", "min")
_EXP_ARG_LIMIT = 10**7  # e^(10^7) is still cheap to enclose; beyond that, give up


def _exp(x: Any, iv: Any) -> Any:
    if x.b > _EXP_ARG_LIMIT:
        raise NumericFailure("value too large to enclose")
    return iv.exp(x)


class NumericFailure(Exception):
    """The expression cannot be enclosed (non-positive log argument, unknown name, ...)."""


def _positive(x: Any) -> None:
    if not (x.a > 0):
        raise NumericFailure("argument not shown positive")


def evaluate(e: Expr, n: Any, iv: Any) -> Any:
    """An interval enclosing `e` at n (itself an interval); raises NumericFailure."""
    if isinstance(e, Num):
        v = Fraction(e.value)
        return iv.mpf(v.numerator) / v.denominator
    if isinstance(e, Name):
        if e.id != "n":
            raise NumericFailure(e.id)
        return n
    if isinstance(e, Neg):
        return -evaluate(e.operand, n, iv)
    if isinstance(e, BinOp):
        a, b = evaluate(e.left, n, iv), evaluate(e.right, n, iv)
        if e.op == "+":
            return a + b
        if e.op == "-":
            return a - b
        if e.op == "*":
            return a * b
        if e.op == "/":
            if not (b.a > 0 or b.b < 0):
                raise NumericFailure("division by an interval containing 0")
            return a / b
        _positive(a)
        return _exp(b * iv.log(a), iv)
    if isinstance(e, Call) and e.func in _FUNCS and e.args and not e.kwargs:
        args = [evaluate(a, n, iv) for a in e.args]
        if e.func in ("max", "min"):
            pick = max if e.func == "max" else min
            return iv.mpf([pick(x.a for x in args), pick(x.b for x in args)])
        if e.func == "exp":
            return _exp(args[0], iv)
        _positive(args[0])
        return getattr(iv, e.func)(args[0])
    raise NumericFailure("unsupported expression")


def log_ratio_points(f: Expr, g: Expr) -> Iterator[tuple[int, Any]]:
    """Yield (x, enclosure of log f − log g at n = e^x) for the points enclosed tightly."""
    from mpmath import iv

    diff = BinOp("-", logify(f), logify(g))
    for x in POINTS:
        value = _enclose(diff, x, iv)
        if value is not None:
            yield x, value


def _enclose(diff: Expr, x: int, iv: Any) -> Any:
    """A tight enclosure (width ≤ 1e-6·(1 + |value|)) at n = e^x, or None."""
    saved = iv.prec
    try:
        for prec in _PRECISIONS:
            iv.prec = prec
            try:
                value = evaluate(diff, iv.exp(x), iv)
            except (NumericFailure, ArithmeticError, ValueError):
                return None
            if value.delta.b <= 1e-6 * (1 + abs(value.mid).b):
                return value
        return None
    finally:
        iv.prec = saved


def trend_verdict(points: list[tuple[int, Any]], kind: str, log_ratio: float | None) -> str:
    """'agree', 'disagree' or 'insufficient': does the numeric trend fit `kind`?

    o needs log f − log g falling over the last points, omega rising, Theta settling
    (near the log of the claimed ratio when there is one). Comparisons use the interval
    endpoints, so rounding can never manufacture agreement.
    """
    if len(points) < 3:
        return "insufficient"
    d1, d2, d3 = (p[1] for p in points[-3:])
    if kind == "o":
        ok = d3.b < d2.a and d3.b < d1.a
    elif kind == "omega":
        ok = d3.a > d2.b and d3.a > d1.b
    else:
        spread = max(d2.b, d3.b) - min(d2.a, d3.a)
        near = log_ratio is None or (abs(d3 - log_ratio).b <= 0.5)
        ok = bool(spread <= 0.25) and near
    return "agree" if ok else "disagree"
