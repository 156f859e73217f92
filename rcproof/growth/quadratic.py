"""Exact arithmetic on rationals and real quadratic numbers u + v·√D (D squarefree).

What the exact exponents (growth/realexp.py) are built from: prime factorizations of
rationals (trial division up to 10^5, then a prime below 10^10, a perfect power, or a
deterministic Miller–Rabin prime below 3.3·10^24; anything else is refused with
NotInFragment), primitive bases (b = γ^k with γ not a proper power), and the field
operations and exact sign of u + v·√D (the sign by comparing u² with v²·D).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import gcd

from rcproof.budget import spend
from rcproof.growth.errors import NotInFragment
from rcproof.growth.logbounds import is_prime

_TRIAL = 10**5  # trial division bound
_MAX_FACTOR_BITS = 256  # larger numbers are not factored (NotInFragment)


# ---- integers and rationals -------------------------------------------------------------

@lru_cache(maxsize=1024)
def _factor_int(k: int) -> tuple[tuple[int, int], ...]:
    """Prime factorization of k ≥ 1: trial division up to 10^5 (budgeted), then the
    cofactor is prime below 10^10, a perfect power, or a (BPSW) probable prime; anything
    else is refused. (Soundness never rests on it: a wrong factorization only makes a
    tie undetectable, and the interval test then answers unknown.)"""
    if k.bit_length() > _MAX_FACTOR_BITS:
        raise NotInFragment(f"the number {k} is too large to factor for an exact exponent")
    out: dict[int, int] = {}
    d = 2
    while d * d <= k and d <= _TRIAL:
        if k % d == 0:
            while k % d == 0:
                k //= d
                out[d] = out.get(d, 0) + 1
        d += 1 if d == 2 else 2
    spend(d // 64 + 1, "factoring an exponent's base")
    if k > 1:
        for p, e in _cofactor(k):
            out[p] = out.get(p, 0) + e
    return tuple(sorted(out.items()))


def _cofactor(k: int) -> list[tuple[int, int]]:
    """k > 1 without prime factors ≤ 10^5."""
    if k < _TRIAL * _TRIAL:
        return [(k, 1)]
    for e in range(k.bit_length(), 1, -1):
        root = _int_root(k, e)
        if root is not None:
            return [(p, c * e) for p, c in _factor_int(root)]
    if is_prime(k):
        return [(k, 1)]
    raise NotInFragment(f"the number {k} is too large to factor for an exact exponent")


def _int_root(k: int, e: int) -> int | None:
    r = round(k ** (1 / e)) if k.bit_length() < 1000 else None
    if r is None:
        return None
    for c in (r - 1, r, r + 1):
        if c > 1 and c ** e == k:
            return c
    return None


def factor(q: Fraction) -> dict[int, int]:
    """q > 0 as {prime: exponent} (negative exponents for the denominator)."""
    out = dict(_factor_int(q.numerator))
    for p, e in _factor_int(q.denominator):
        out[p] = out.get(p, 0) - e
    return out


def _gcd_all(values: list[int]) -> int:
    g = 0
    for v in values:
        g = gcd(g, abs(v))
    return g


def primitive_base(b: Fraction) -> tuple[Fraction, int]:
    """(γ, k) with b = γ^k, γ > 1 rational and not a proper power, k a non-zero integer.

    Raises ValueError for b = 1 (no base)."""
    if b <= 0 or b == 1:
        raise ValueError(f"{b} is not a logarithm base")
    f = factor(b)
    g = _gcd_all(list(f.values()))
    gamma = Fraction(1)
    for p, e in f.items():
        gamma *= Fraction(p) ** (e // g)
    k = g
    if gamma < 1:
        gamma, k = 1 / gamma, -k
    return gamma, k


# ---- quadratic irrationals ---------------------------------------------------------------

def _squarefree(d: Fraction) -> tuple[Fraction, int]:
    """√d = s·√D with s rational, D a squarefree integer ≥ 1 (d > 0)."""
    f = factor(d)
    s, big_d = Fraction(1), 1
    for p, e in f.items():
        # p^e = p^(2⌊e/2⌋) · p^(e mod 2)
        s *= Fraction(p) ** (e // 2)
        if e % 2:
            big_d *= p
    return s, big_d


class Quadratic:
    """u + v·√D with u, v rational and D a squarefree integer (v = 0 or D = 1: rational)."""

    __slots__ = ("big_d", "u", "v")

    def __init__(self, u: Fraction, v: Fraction = Fraction(0), big_d: int = 1) -> None:
        if big_d == 1 or v == 0:
            u, v, big_d = u + v if big_d == 1 else u, Fraction(0), 1
        self.u, self.v, self.big_d = u, v, big_d

    @property
    def rational(self) -> Fraction | None:
        return self.u if self.v == 0 else None

    def _join(self, other: Quadratic) -> int:
        if self.v and other.v and self.big_d != other.big_d:
            raise NotInFragment("an exponent mixes square roots of different numbers")
        return self.big_d if self.v else other.big_d

    def __add__(self, other: Quadratic) -> Quadratic:
        return Quadratic(self.u + other.u, self.v + other.v, self._join(other))

    def __neg__(self) -> Quadratic:
        return Quadratic(-self.u, -self.v, self.big_d)

    def __mul__(self, other: Quadratic) -> Quadratic:
        d = self._join(other)
        return Quadratic(self.u * other.u + self.v * other.v * d,
                         self.u * other.v + self.v * other.u, d)

    def inverse(self) -> Quadratic:
        norm = self.u * self.u - self.v * self.v * self.big_d
        if norm == 0:
            raise NotInFragment("division by zero in an exponent")
        return Quadratic(self.u / norm, -self.v / norm, self.big_d)

    def sign(self) -> int:
        """Exact sign: compare u with −v·√D by squaring."""
        if self.v == 0:
            return (self.u > 0) - (self.u < 0)
        if self.u == 0 or (self.u > 0) == (self.v > 0):
            return 1 if (self.v > 0 if self.u == 0 else self.u > 0) else -1
        # opposite signs: u + v√D > 0 iff u² > v²D when u > 0, iff u² < v²D when u < 0
        bigger_u = self.u * self.u > self.v * self.v * self.big_d
        return (1 if bigger_u else -1) if self.u > 0 else (-1 if bigger_u else 1)


def sqrt_of(d: Fraction) -> Quadratic:
    if d < 0:
        raise NotInFragment("square root of a negative number in an exponent")
    s, big_d = _squarefree(d)
    return Quadratic(Fraction(0), s, big_d) if big_d != 1 else Quadratic(s)
