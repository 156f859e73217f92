"""From our syntax tree to an `Expansion`: the only entry from expressions into Tier 1."""

from __future__ import annotations

from fractions import Fraction

from rcproof.budget import spend
from rcproof.growth import expansion as X
from rcproof.growth.coef import Coef
from rcproof.growth.errors import NotInFragment
from rcproof.growth.exactread import exact_value, name_free
from rcproof.growth.exps import ZERO, N
from rcproof.growth.monomial import monomial
from rcproof.syntax.core import BinOp, Call, Expr, Name, Neg, Num
from rcproof.syntax.display import Quoted
from rcproof.syntax.display import text as show

VARIABLE = "n"
_HALF = Fraction(1, 2)


def expand(expr: Expr) -> X.Expansion:
    """The asymptotic expansion of `expr` as n → ∞ (raises GrowthError subclasses;
    BudgetExhausted when the theorem's work budget runs out: 1 unit per node)."""
    spend(1, "expanding an expression (Tier 1)")
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
    """b^r for a rational or exact irrational constant r (log 7/log 2); otherwise
    b^E = exp(E·log b) for b eventually > 0."""
    if name_free(e.right):
        exact = exact_value(e.right)  # rational or an exact irrational such as log 7/log 2
        if exact is not None:
            return X.power(base, exact, Quoted(e.left))
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
    if e.func == "exp":
        return _exp(e)
    arg = expand(e.args[0])
    if e.func == "log":
        return X.log(arg, Quoted(e.args[0]))
    return X.power(arg, _HALF, Quoted(e.args[0]))


def _exp(e: Call) -> X.Expansion:
    """exp(Σ r_i·log(A_i) + rest) = Π A_i^(r_i) · exp(rest), each A_i shown positive.

    Taking the powers directly (instead of expanding log A_i) keeps exp(log(x)/2) = sqrt(x)
    exact even when log(x) would need a log log log n error term.
    """
    out = X.constant(Coef.exact(1))
    rest: list[tuple[int, Expr]] = []
    for sign, term in _summands(e.args[0], 1):
        found = _rational_times_log(term)
        if found is None:
            rest.append((sign, term))
            continue
        r, inner = found
        base = expand(inner)
        if base.sign() != 1:
            rest.append((sign, term))  # let the log itself explain the failure
            continue
        out = X.mul(out, X.power(base, r * sign, Quoted(inner)))
    if not rest:
        return out
    tail = X.constant(Coef.exact(0))
    for sign, term in rest:
        x = expand(term)
        tail = X.add(tail, x if sign > 0 else X.neg(x))
    return X.mul(out, X.exp(tail, Quoted(e)))


def _summands(e: Expr, sign: int) -> list[tuple[int, Expr]]:
    if isinstance(e, BinOp) and e.op in "+-":
        return _summands(e.left, sign) + _summands(e.right, sign if e.op == "+" else -sign)
    if isinstance(e, Neg):
        return _summands(e.operand, -sign)
    return [(sign, e)]


def _is_log(e: Expr) -> bool:
    return isinstance(e, Call) and e.func == "log" and len(e.args) == 1 and not e.kwargs


def _constant(e: Expr) -> Fraction | None:
    mono = monomial(e)
    return mono[0] if mono is not None and mono[1] == ZERO else None


def _rational_times_log(e: Expr) -> tuple[Fraction, Expr] | None:
    """(r, A) when e is log(A), r*log(A), log(A)*r or log(A)/r for a rational constant r."""
    if _is_log(e):
        return Fraction(1), e.args[0]  # type: ignore[union-attr]
    if isinstance(e, BinOp) and e.op in "*/":
        pairs = [(e.left, e.right)] if e.op == "/" else [(e.left, e.right), (e.right, e.left)]
        for lg, k in pairs:
            r = _constant(k) if _is_log(lg) else None
            if r:
                return (r if e.op == "*" else 1 / r), lg.args[0]  # type: ignore[union-attr]
    return None
