"""Exponent vectors (a, b, e) of n^a·(log n)^b·(log log n)^e, ordered lexicographically.

Components are Fractions (the fast path) or, rarely, exact irrational `RealExp`s such as
log 7/log 2, which compare exactly with Fractions and each other (growth/realexp.py).

A NamedTuple so that `<` is the lexicographic growth order for free and comparisons cost
one tuple compare; `+`/`-` are overridden to be vector operations (never concatenation).
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from rcproof.growth.realexp import Real, is_real

_ZERO = Fraction(0)


class Exps(NamedTuple):
    """Exponents of n, log n and log log n; `x < y` means n^x = o(n^y) as n → ∞."""

    a: Real
    b: Real
    e: Real

    def __add__(self, other: object) -> Exps:  # type: ignore[override]
        if not isinstance(other, Exps):
            return NotImplemented
        # Skipping zero components avoids most Fraction arithmetic (a hot path).
        a1, b1, e1 = self
        a2, b2, e2 = other
        return Exps(a1 + a2 if a1 and a2 else a1 or a2,
                    b1 + b2 if b1 and b2 else b1 or b2,
                    e1 + e2 if e1 and e2 else e1 or e2)

    def __sub__(self, other: Exps) -> Exps:
        return self + (-other)

    def __neg__(self) -> Exps:
        a, b, e = self
        return Exps(-a if a else a, -b if b else b, -e if e else e)

    def __mul__(self, r: object) -> Exps:  # type: ignore[override]
        """Scale by a rational or an exact irrational (`RealExp`): the exponents of m^r."""
        if not isinstance(r, (int, Fraction)) and not is_real(r):
            return NotImplemented
        a, b, e = self
        return Exps(a * r if a else a, b * r if b else b, e * r if e else e)

    def is_zero(self) -> bool:
        return not (self.a or self.b or self.e)

    def __str__(self) -> str:
        return f"({self.a}, {self.b}, {self.e})"


ZERO = Exps(_ZERO, _ZERO, _ZERO)
N = Exps(Fraction(1), _ZERO, _ZERO)
LOG = Exps(_ZERO, Fraction(1), _ZERO)
LOGLOG = Exps(_ZERO, _ZERO, Fraction(1))
