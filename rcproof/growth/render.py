"""Print expressions back in `.rc` syntax, so that every reason quotes what the user wrote."""

from __future__ import annotations

from fractions import Fraction

from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 4}
_NEG = 3
_ATOM = 5


def _num(v: Fraction) -> tuple[str, int]:
    v = Fraction(v)
    if v < 0:
        text, _ = _num(-v)
        return "-" + text, _NEG
    if v.denominator == 1:
        return str(v.numerator), _ATOM
    return f"{v.numerator}/{v.denominator}", _PREC["/"]


def _show(e: Expr) -> tuple[str, int]:
    """(text, precedence of its outermost operator)."""
    if isinstance(e, Num):
        return _num(e.value)
    if isinstance(e, Name):
        return e.id, _ATOM
    if isinstance(e, Call):
        args = [show(a) for a in e.args] + [f"{k} = {show(v)}" for k, v in e.kwargs]
        return f"{e.func}({', '.join(args)})", _ATOM
    if isinstance(e, Neg):
        text, prec = _show(e.operand)
        return "-" + (text if prec >= _NEG else f"({text})"), _NEG
    if isinstance(e, BinOp):
        prec = _PREC[e.op]
        left, lp = _show(e.left)
        right, rp = _show(e.right)
        if e.op == "^":
            left = left if lp == _ATOM else f"({left})"
            right = right if rp == _ATOM else f"({right})"
            return f"{left}^{right}", prec
        left = left if lp >= prec else f"({left})"
        right = right if rp > prec else f"({right})"
        sep = e.op if e.op in "*/" else f" {e.op} "
        return f"{left}{sep}{right}", prec
    raise TypeError(f"not an expression: {e!r}")


def show(e: Expr) -> str:
    """`n^(2/3)*log(n)`: .rc syntax with only the parentheses the grammar needs."""
    return _show(e)[0]


class Quoted:
    """An expression printed only when a message actually needs it (keeps Tier 1 fast)."""

    __slots__ = ("expr",)

    def __init__(self, expr: Expr) -> None:
        self.expr = expr

    def __str__(self) -> str:
        return show(self.expr)
