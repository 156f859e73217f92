"""Pure questions about expressions that every stage asks: which names occur, whether an
expression is ground (n, numbers and built-ins only), its rational value if it is a
numeral. No solver, no growth algebra: the kernel depends on this module."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from rcproof.syntax import core as A

BUILTIN_FUNCTIONS = ("log", "sqrt", "exp", "max", "min")


def mentions(e: A.Expr, test: Callable[[str], bool]) -> bool:
    """Whether a bare name satisfying `test` occurs in `e`; stops at the first (hot path)."""
    if isinstance(e, A.Name):
        return test(e.id)
    if isinstance(e, A.Neg):
        return mentions(e.operand, test)
    if isinstance(e, A.BinOp):
        return mentions(e.left, test) or mentions(e.right, test)
    if isinstance(e, A.Call):
        return any(mentions(a, test) for a in e.args) or any(
            mentions(v, test) for _, v in e.kwargs)
    return False


def is_ground(e: A.Expr) -> bool:
    """Only n, numbers and built-ins: a question for the growth algebra alone."""
    if isinstance(e, A.Call) and e.func not in BUILTIN_FUNCTIONS:
        return False
    return not mentions(e, lambda name: name != "n")


def const_value(e: A.Expr) -> Fraction | None:
    """The rational value of a numeral expression (+ - * / of numbers), or None."""
    if isinstance(e, A.Num):
        return e.value
    if isinstance(e, A.Neg):
        v = const_value(e.operand)
        return None if v is None else -v
    if isinstance(e, A.BinOp) and e.op in "+-*/":
        a, b = const_value(e.left), const_value(e.right)
        if a is None or b is None:
            return None
        if e.op == "+":
            return a + b
        if e.op == "-":
            return a - b
        if e.op == "*":
            return a * b
        return None if b == 0 else a / b
    return None
