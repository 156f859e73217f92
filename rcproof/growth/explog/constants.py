"""Exact real constants of the exp-log engine and their signs, proved by intervals.

A constant is a sympy number built from rationals, `E`, `exp`, `log` and real powers
(radicals). Exact arithmetic is sympy's; *signs* are never read from floating point:
`sign_of` evaluates the constant in mpmath's interval arithmetic (`mpmath.iv`) at
increasing precision (53, 128, 320, 800 bits) until the enclosure excludes 0. A constant
that no enclosure separates from 0 is zero only when an exact rewrite (log expansion,
then `simplify` on small constants) turns it into the number 0; otherwise the sign is
*unknown* and `Undecided` names the constant (Richardson: zero-equivalence of constants
is the undecidable core of the field, so the engine never guesses).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction
from typing import Any

from rcproof.budget import spend

PRECISIONS = (53, 128, 320, 800)  # bits of the interval evaluations, in order
_SIMPLIFY_OPS = 60  # constants larger than this (sympy count_ops) skip `simplify`


_boxes: ContextVar[dict[Any, tuple[Fraction, Fraction]] | None] = ContextVar(
    "rcproof_explog_boxes", default=None)


@contextmanager
def question_scope() -> Iterator[None]:
    """Memoize 53-bit enclosures of constants for one question (never across questions,
    so the work counted for a question does not depend on what was asked before)."""
    token = _boxes.set({})
    try:
        yield
    finally:
        _boxes.reset(token)


def _box(c: Any) -> tuple[Fraction, Fraction] | None:
    """The memoized 53-bit enclosure of c, or None when c has none."""
    memo = _boxes.get()
    if memo is not None and c in memo:
        return memo[c]
    try:
        box = enclosure(c, PRECISIONS[0])
    except Undecided:
        return None
    if memo is not None:
        memo[c] = box
    return box


class Undecided(Exception):
    """The engine cannot settle a step; `reason` names the subterm, in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def number(value: Fraction | int) -> Any:
    """The exact sympy rational for `value`."""
    import sympy

    v = Fraction(value)
    return sympy.Rational(v.numerator, v.denominator)


def _interval(c: Any, iv: Any) -> Any:
    """An mpmath interval enclosing the sympy constant `c` (raises Undecided if unknown)."""
    import sympy

    spend(1, "evaluating a constant in interval arithmetic")
    if c.is_Rational:
        return iv.mpf(int(c.p)) / int(c.q)
    if c is sympy.E:
        return iv.e
    if c is sympy.pi:
        return iv.pi
    if c.is_Add:
        total = iv.mpf(0)
        for a in c.args:
            total += _interval(a, iv)
        return total
    if c.is_Mul:
        prod = iv.mpf(1)
        for a in c.args:
            prod *= _interval(a, iv)
        return prod
    if c.is_Pow:
        base, ex = c.args
        if ex.is_Integer:
            return _interval(base, iv) ** int(ex)
        b = _interval(base, iv)
        if not b.a > 0:
            raise Undecided(f"cannot show that the base of the constant {c} is positive")
        return iv.exp(iv.log(b) * _interval(ex, iv))
    if isinstance(c, sympy.exp):
        return iv.exp(_interval(c.args[0], iv))
    if isinstance(c, sympy.log):
        a = _interval(c.args[0], iv)
        if not a.a > 0:
            raise Undecided(f"cannot show that the argument of the constant {c} is positive")
        return iv.log(a)
    raise Undecided(f"the constant {c} is outside the exp-log constants")


MAX_BINARY_EXPONENT = 1 << 16  # |binary exponent| of an enclosure bound used exactly


def enclosure(c: Any, bits: int) -> tuple[Fraction, Fraction]:
    """Rational bounds lo ≤ c ≤ hi from an interval evaluation at `bits` of precision."""
    import mpmath

    ctx = mpmath.iv
    old = ctx.prec
    ctx.prec = bits
    try:
        box = _interval(c, ctx)
        lo, hi = box.a, box.b
    except (OverflowError, ValueError, ZeroDivisionError, MemoryError) as exc:
        raise Undecided(f"the constant {c} cannot be enclosed ({type(exc).__name__})") from None
    finally:
        ctx.prec = old
    if not (mpmath.isfinite(lo) and mpmath.isfinite(hi)):
        raise Undecided(f"the constant {c} has no finite enclosure")
    return _fraction(lo), _fraction(hi)


def _fraction(x: Any) -> Fraction:
    """The exact rational value of a finite mpmath (interval endpoint) number."""
    import mpmath

    negative, man, exp, _ = mpmath.mpf(x)._mpf_
    if abs(int(exp)) > MAX_BINARY_EXPONENT:
        raise Undecided(f"an enclosure bound 2^{int(exp)} is too large to use exactly")
    value = Fraction(int(man)) * (Fraction(2) ** int(exp))
    return -value if negative else value


def normal(c: Any) -> Any:
    """c with its rational-function structure in the transcendental atoms cancelled
    (sympy `cancel`: (2 − log 2)/(log 2 − 2) becomes −1), an exact rewrite."""
    import sympy

    if c.is_Rational:
        return c
    spend(5, "normalizing a constant")
    return sympy.cancel(c)


MAX_SIMPLIFY_BITS = 512  # larger rationals are never handed to sympy's simplification


def is_exact_zero(c: Any) -> bool:
    """True only when an exact rewrite of the constant `c` gives the number 0."""
    import sympy

    if c == 0:
        return True
    if any(max(abs(r.p), abs(r.q)).bit_length() > MAX_SIMPLIFY_BITS
           for r in c.atoms(sympy.Rational)):
        return False  # sympy's rewrites of huge rationals are not bounded by any budget
    spend(200, "simplifying a constant exactly")
    if sympy.expand(sympy.expand_log(c, force=True)) == 0:
        return True
    if sympy.count_ops(c) <= _SIMPLIFY_OPS:
        return bool(sympy.simplify(c) == 0)
    return False


def sign_of(c: Any) -> int:
    """−1, 0 or +1, proved (interval or exact zero); raises Undecided naming `c`."""
    if c.is_Rational:
        return int(bool(c > 0)) - int(bool(c < 0))
    box = _box(c)
    if box is not None and (box[0] > 0 or box[1] < 0):
        return 1 if box[0] > 0 else -1
    for bits in PRECISIONS[1:]:
        try:
            lo, hi = enclosure(c, bits)
        except Undecided:
            break
        if lo > 0:
            return 1
        if hi < 0:
            return -1
    if is_exact_zero(c):
        return 0
    raise Undecided(f"cannot decide the sign of the constant {c}: no interval up to "
                    f"{PRECISIONS[-1]} bits separates it from 0, and no exact rewrite "
                    "shows it is 0")


def compare_constants(a: Any, b: Any) -> int:
    """The sign of a − b (−1, 0, +1), proved; raises Undecided."""
    if a == b:
        return 0
    if a.is_Rational and b.is_Rational:
        return int(bool(a > b)) - int(bool(a < b))
    ba, bb = _box(a), _box(b)
    if ba is not None and bb is not None:
        if ba[0] > bb[1]:
            return 1
        if ba[1] < bb[0]:
            return -1
    return sign_of(a - b)
