"""Exponent vectors (a, b, e) of n^a·(log n)^b·(log log n)^e, ordered lexicographically.

A NamedTuple so that `<` is the lexicographic growth order for free and comparisons cost
one tuple compare; `+`/`-` are overridden to be vector operations (never concatenation).
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

_ZERO = Fraction(0)


class Exps(NamedTuple):
    """Exponents of n, log n and log log n; `x < y` means n^x = o(n^y) as n → ∞."""

    a: Fraction
    b: Fraction
    e: Fraction

    def __add__(self, other: object) -> Exps:  # type: ignore[override]
        if not isinstance(other, Exps):
            return NotImplemented
        return Exps(self.a + other.a, self.b + other.b, self.e + other.e)

    def __sub__(self, other: Exps) -> Exps:
        return Exps(self.a - other.a, self.b - other.b, self.e - other.e)

    def __neg__(self) -> Exps:
        return Exps(-self.a, -self.b, -self.e)

    def __mul__(self, r: object) -> Exps:  # type: ignore[override]
        """Scale by a rational: the exponents of m^r."""
        if not isinstance(r, (int, Fraction)):
            return NotImplemented
        return Exps(self.a * r, self.b * r, self.e * r)

    def is_zero(self) -> bool:
        return not (self.a or self.b or self.e)

    def __str__(self) -> str:
        return f"({self.a}, {self.b}, {self.e})"


ZERO = Exps(_ZERO, _ZERO, _ZERO)
N = Exps(Fraction(1), _ZERO, _ZERO)
LOG = Exps(_ZERO, Fraction(1), _ZERO)
LOGLOG = Exps(_ZERO, _ZERO, Fraction(1))
