"""Exact real constants of the certificate checker: q₀ + Σ q_p·log p.

A `Const` is a rational linear form in 1 and the logarithms of positive integers p ≥ 2,
stored as a sorted tuple of (key, q) with q ≠ 0: key 0 stands for the number 1, key
p ≥ 2 for log p. `log_of(a/b)` factors a and b by trial division up to `_TRIAL` (any
cofactor above that stays one key), so log 4 and 2·log 2 are the same form. Two forms
that are equal as tuples are equal as reals; the converse may fail only for unfactored
cofactors, and then the checker meets an interval that cannot be separated from 0 and
refuses (it never decides a sign from the form alone). Signs come from mpmath interval
arithmetic (`interval`).

Shares no code with the exp-log engine (growth/explog/), whose constants are sympy
expressions: the checker is independent of the engine it checks.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rcproof.budget import spend

Const = tuple[tuple[int, Fraction], ...]

ZERO: Const = ()
_TRIAL = 1000  # trial division bound for factoring the argument of a logarithm
_MAX_BITS = 256  # larger integers are not factored (one key each)


def rational(q: Fraction) -> Const:
    """The rational number q as a form."""
    return ((0, q),) if q else ZERO


def as_rational(c: Const) -> Fraction | None:
    """The value of c when it is rational (no logarithm), else None."""
    if not c:
        return Fraction(0)
    if len(c) == 1 and c[0][0] == 0:
        return c[0][1]
    return None


def _form(parts: dict[int, Fraction]) -> Const:
    return tuple(sorted((k, q) for k, q in parts.items() if q))


def add(x: Const, y: Const, sign: int = 1) -> Const:
    """x + sign·y."""
    out = dict(x)
    for k, q in y:
        out[k] = out.get(k, Fraction(0)) + sign * q
    return _form(out)


def scale(x: Const, q: Fraction) -> Const:
    """q·x for a rational q."""
    return tuple((k, q * v) for k, v in x) if q else ZERO


def mul(x: Const, y: Const) -> Const | None:
    """x·y when one factor is rational (the forms are linear); None otherwise."""
    qx, qy = as_rational(x), as_rational(y)
    if qx is not None:
        return scale(y, qx)
    if qy is not None:
        return scale(x, qy)
    return None


def _factor(m: int) -> dict[int, int]:
    """m ≥ 1 as {prime: multiplicity}, with one unfactored cofactor key if any remains."""
    out: dict[int, int] = {}
    if m.bit_length() > _MAX_BITS:
        return {m: 1}
    d = 2
    while d <= _TRIAL and d * d <= m:
        spend(1, "checking a certificate (factoring a constant)")
        while m % d == 0:
            out[d] = out.get(d, 0) + 1
            m //= d
        d += 1 if d == 2 else 2
    if m > 1:
        out[m] = out.get(m, 0) + 1
    return out


def log_of(q: Fraction) -> Const:
    """log q for a rational q > 0 (raises ValueError for q ≤ 0)."""
    if q <= 0:
        raise ValueError("log of a non-positive number")
    parts: dict[int, Fraction] = {}
    for p, m in _factor(q.numerator).items():
        parts[p] = parts.get(p, Fraction(0)) + m
    for p, m in _factor(q.denominator).items():
        parts[p] = parts.get(p, Fraction(0)) - m
    return _form(parts)


def interval(c: Const) -> Any:
    """An mpmath interval (`mpmath.iv`, at its current precision) that contains c."""
    from mpmath import iv

    out = iv.mpf(0)
    for k, q in c:
        term = iv.mpf(q.numerator) / q.denominator
        out = out + (term if k == 0 else term * iv.log(iv.mpf(k)))
    return out
