"""From our syntax tree to an `Expansion`: the only entry from expressions into Tier 1."""

from __future__ import annotations

from fractions import Fraction

from rcproof.growth import expansion as X
from rcproof.growth.coef import Coef
from rcproof.growth.errors import NotInFragment
from rcproof.growth.exps import ZERO, N
from rcproof.growth.render import Quoted, show
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

VARIABLE = "n"
_HALF = Fraction(1, 2)


def expand(expr: Expr) -> X.Expansion:
    """The asymptotic expansion of `expr` as n → ∞ (raises GrowthError subclasses)."""
    if isinstance(expr, Num):
        return X.constant(Coef.exact(Fraction(expr.value)))
    if isinstance(expr, Name):
        if expr.id != VARIABLE:
            raise NotInFragment(f"'{expr.id}' must be substituted before a growth comparison")
        return X.monomial(Coef.exact(1), N)
    if isinstance(expr, Neg):
        return X.neg(expand(expr.operand))
    if isinstance(expr, BinOp):
        return _binop(expr)
    if isinstance(expr, Call):
        return _call(expr)
    raise NotInFragment(f"not an expression: {expr!r}")


def _binop(e: BinOp) -> X.Expansion:
    left = expand(e.left)
    if e.op == "^":
        return _power(e, left)
    right = expand(e.right)
    if e.op == "+":
        return X.add(left, right)
    if e.op == "-":
        return X.sub(left, right)
    if e.op == "*":
        return X.mul(left, right)
    if e.op == "/":
        return X.mul(left, X.inverse(right, Quoted(e.right)))
    raise NotInFragment(f"unknown operator '{e.op}'")


def rational_value(x: X.Expansion) -> Fraction | None:
    """The exact rational constant that `x` is, or None."""
    if x.is_zero():
        return Fraction(0)
    if x.err is None and len(x.terms) == 1:
        m, c = x.terms[0]
        if m == ZERO and c.is_exact:
            return c.value
    return None


def _power(e: BinOp, base: X.Expansion) -> X.Expansion:
    """b^r for a rational constant r; otherwise b^E = exp(E·log b) for b eventually > 0."""
    exponent = expand(e.right)
    r = rational_value(exponent)
    if r is not None:
        return X.power(base, r, Quoted(e.left))
    return X.exp(X.mul(exponent, X.log(base, Quoted(e.left))), Quoted(e))


def _call(e: Call) -> X.Expansion:
    if e.kwargs:
        raise NotInFragment(f"{show(e)}: keyword arguments must be substituted first")
    if e.func in ("max", "min"):
        if not e.args:
            raise NotInFragment(f"{e.func}() needs at least one argument")
        out = expand(e.args[0])
        for arg in e.args[1:]:
            out = X.extremum(out, expand(arg), e.func == "max", Quoted(e))
        return out
    if e.func not in ("log", "sqrt", "exp"):
        raise NotInFragment(f"'{e.func}' must be substituted before a growth comparison")
    if len(e.args) != 1:
        raise NotInFragment(f"{e.func} takes exactly one argument: {show(e)}")
    arg = expand(e.args[0])
    if e.func == "log":
        return X.log(arg, Quoted(e.args[0]))
    if e.func == "sqrt":
        return X.power(arg, _HALF, Quoted(e.args[0]))
    return X.exp(arg, Quoted(e))
