"""Our syntax tree → sympy, for Tier 3 only (sympy never leaks out of `growth/`)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rcproof.growth.errors import NotInFragment
from rcproof.runtime import guard_sympy_primality
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

_FUNCS = ("log", "sqrt", "exp", "max", "min", "factorial")


def variable() -> Any:
    """The asymptotic variable as a positive sympy symbol."""
    import sympy

    return sympy.Symbol("n", positive=True)


def to_sympy(expr: Expr) -> Any:
    """The sympy expression for `expr`, with n positive; unknown names are refused."""
    import sympy

    guard_sympy_primality(sympy)

    if isinstance(expr, Num):
        v = Fraction(expr.value)
        return sympy.Rational(v.numerator, v.denominator)
    if isinstance(expr, Name):
        if expr.id != "n":
            raise NotInFragment(f"'{expr.id}' must be substituted before a growth comparison")
        return variable()
    if isinstance(expr, Neg):
        return -to_sympy(expr.operand)
    if isinstance(expr, BinOp):
        a, b = to_sympy(expr.left), to_sympy(expr.right)
        ops = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
               "/": lambda: a / b, "^": lambda: sympy.Pow(a, b)}
        if expr.op not in ops:
            raise NotInFragment(f"unknown operator '{expr.op}'")
        return ops[expr.op]()
    if isinstance(expr, Call) and expr.func in _FUNCS and not expr.kwargs and expr.args:
        args = [to_sympy(a) for a in expr.args]
        if expr.func in ("max", "min"):
            return (sympy.Max if expr.func == "max" else sympy.Min)(*args)
        if len(args) != 1:
            raise NotInFragment(f"{expr.func} takes exactly one argument")
        fn = {"log": sympy.log, "sqrt": sympy.sqrt, "exp": sympy.exp,
              "factorial": sympy.factorial}[expr.func]
        return fn(args[0])
    raise NotInFragment(f"cannot translate {expr!r} for Tier 3")
