"""Reading exact constant exponents from syntax: `log(7)/log(2)` → an exact `RealExp`.

The field read: rationals, √ of rationals inside a logarithm, log of positive rational or
quadratic numbers, sums and rational multiples, and division by c·log(b) for a rational
b (which makes a ratio of logarithms, growth/realexp.py). Anything else is not an exact
exponent (`exact_value` returns None) and Tier 1 falls back to its general expansion.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Union

from rcproof.growth.errors import NotInFragment
from rcproof.growth.quadratic import Quadratic, primitive_base, sqrt_of
from rcproof.growth.realexp import LogForm, Real, RealExp, log_form, rebase
from rcproof.syntax.core import BinOp, Call, Expr, Name, Neg, Num


class _Logs:
    """An intermediate value: Σ c·log(α) (a LogForm), possibly with a rational part."""

    __slots__ = ("form", "q0")

    def __init__(self, q0: Fraction, form: LogForm) -> None:
        self.q0, self.form = q0, {k: v for k, v in form.items() if v}


Value = Union[Quadratic, _Logs, "RealExp"]


def exact_value(e: Expr) -> Real | None:
    """The exact value of a constant exponent expression, or None when it is not in the
    field: rationals, √ of rationals inside a log, log of positive quadratic numbers,
    sums and rational multiples, and log(x)/log(b) for a rational base b.

    `log(7)/log(2)` → RealExp; `(3 + 1)/2` → Fraction(2); `log(n)` → None."""
    try:
        v = _value(e)
    except (NotInFragment, ZeroDivisionError, ValueError):
        return None
    if isinstance(v, Quadratic):
        return v.rational
    if isinstance(v, _Logs):
        return RealExp.make(v.q0, {(a, None): c for a, c in v.form.items()})
    return v


def _as_logs(v: Value) -> _Logs | RealExp:
    if isinstance(v, Quadratic):
        r = v.rational
        if r is None:
            raise NotInFragment("a square root outside a logarithm")
        return _Logs(r, {})
    return v


def _value(e: Expr) -> Value:
    if isinstance(e, Num):
        return Quadratic(Fraction(e.value))
    if isinstance(e, Neg):
        v = _value(e.operand)
        return -v if isinstance(v, (Quadratic, RealExp)) else _Logs(-v.q0, {
            k: -c for k, c in v.form.items()})
    if isinstance(e, Call) and len(e.args) == 1 and not e.kwargs:
        if e.func == "sqrt":
            inner = _value(e.args[0])
            r = inner.rational if isinstance(inner, Quadratic) else None
            if r is None:
                raise NotInFragment("square root of an irrational number")
            return sqrt_of(r)
        if e.func == "log":
            inner = _value(e.args[0])
            if not isinstance(inner, Quadratic):
                raise NotInFragment("log of an irrational logarithm")
            return _Logs(Fraction(0), log_form(inner))
        raise NotInFragment(f"{e.func} in an exponent")
    if isinstance(e, BinOp):
        return _binop(e.op, _value(e.left), _value(e.right))
    raise NotInFragment("not a constant")


def _binop(op: str, x: Value, y: Value) -> Value:
    if isinstance(x, Quadratic) and isinstance(y, Quadratic):
        if op == "+":
            return x + y
        if op == "-":
            return x + (-y)
        if op == "*":
            return x * y
        if op == "/":
            return x * y.inverse()
        ry = y.rational
        rx = x.rational
        if op == "^" and ry is not None and ry.denominator == 1 and abs(ry) <= 64:
            out = Quadratic(Fraction(1))
            for _ in range(abs(int(ry))):
                out = out * x
            return out if ry >= 0 else out.inverse()
        if op == "^" and ry is not None and rx is not None and ry.denominator == 2:
            return sqrt_of(rx ** int(ry * 2)) if rx > 0 else _fail("power")
        raise NotInFragment("a power in an exponent")
    if op == "/" and isinstance(y, _Logs) and not y.q0 and len(y.form) >= 1:
        # division by c·log(b) for a rational b: a logarithm ratio
        base = _single_log_base(y)
        if base is None:
            raise NotInFragment("division by a sum of logarithms")
        b, c = base
        num = _as_logs(x)
        if isinstance(num, RealExp) or num.q0:
            raise NotInFragment("a rational divided by a logarithm")
        gamma, k = primitive_base(b)
        q0, atoms = rebase(num.form, gamma)
        scale = 1 / (c * k)
        return _realexp_value(RealExp.make(q0 * scale, {a: v * scale for a, v in atoms.items()}))
    if op in "*/":
        if isinstance(y, Quadratic) and y.rational is not None:
            r = y.rational if op == "*" else 1 / y.rational
            return _scale(x, r)
        if op == "*" and isinstance(x, Quadratic) and x.rational is not None:
            return _scale(y, x.rational)
        raise NotInFragment("a product of irrational numbers in an exponent")
    if op in "+-":
        a, b = _as_logs(x), _as_logs(y)
        if op == "-":
            b = _scale(b, Fraction(-1))  # type: ignore[assignment]
        if isinstance(a, _Logs) and isinstance(b, _Logs):
            form = dict(a.form)
            for k, c in b.form.items():
                form[k] = form.get(k, Fraction(0)) + c
            return _Logs(a.q0 + b.q0, form)
        return _realexp_value(_to_real(a) + _to_real(b))
    raise NotInFragment("a power of a logarithm in an exponent")


def _fail(what: str) -> Value:
    raise NotInFragment(f"a {what} in an exponent")


def _realexp_value(r: Real) -> Value:
    return Quadratic(r) if isinstance(r, Fraction) else r


def _to_real(v: _Logs | RealExp) -> Real:
    if isinstance(v, RealExp):
        return v
    return RealExp.make(v.q0, {(a, None): c for a, c in v.form.items()})


def _scale(v: Value, r: Fraction) -> Value:
    if isinstance(v, Quadratic):
        return v * Quadratic(r)
    if isinstance(v, _Logs):
        return _Logs(v.q0 * r, {k: c * r for k, c in v.form.items()})
    return _realexp_value(v * r)


def _single_log_base(y: _Logs) -> tuple[Fraction, Fraction] | None:
    """(b, c) with y = c·log b for a rational b (the form only has primes)."""
    if any(a[0] != "p" for a in y.form):
        return None
    # y = Σ e_p log p = c·log b: take c = gcd-free scale, b = ∏ p^(e_p/c)
    values = list(y.form.values())
    c = values[0]
    for v in values[1:]:
        c = _frac_gcd(c, v)
    b = Fraction(1)
    for (_, p), e in y.form.items():
        b *= Fraction(p) ** int(e / c)
    return b, c


def _frac_gcd(x: Fraction, y: Fraction) -> Fraction:
    from math import gcd, lcm

    den = lcm(x.denominator, y.denominator)
    return Fraction(gcd(int(x * den), int(y * den)), den)


def name_free(e: Expr) -> bool:
    """No names at all: only numbers and built-ins (a candidate constant)."""
    if isinstance(e, Name):
        return False
    if isinstance(e, Neg):
        return name_free(e.operand)
    if isinstance(e, BinOp):
        return name_free(e.left) and name_free(e.right)
    if isinstance(e, Call):
        return all(name_free(a) for a in e.args) and not e.kwargs
    return True
