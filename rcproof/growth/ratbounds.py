"""Exact rational enclosures of log 2, log x and exp x, for the certificate checker.

The certificate checker (growth/check.py) needs upper bounds of n^α (log n)^β
(log log n)^γ at n = N0 = 2^k, i.e. of exp(α·t + β·log t + γ·log log t) with t = k·log 2.
Here those quantities are enclosed in intervals [lo, hi] of rationals whose endpoints are
rounded *outward* to a multiple of 2^-PREC (so the fractions stay small), using series
with explicit remainder bounds:

* log 2 = Σ_{j≥1} 1/(j·2^j), remainder after J terms ≤ 1/((J+1)·2^J);
* log x = m·log 2 + log r with x = 2^m·r, 1 ≤ r < 2, and log r = 2·atanh(y),
  y = (r−1)/(r+1) ∈ [0, 1/3): 2·Σ_{j≥0} y^(2j+1)/(2j+1), every term positive (the
  partial sum is a lower bound), remainder after J terms ≤ 2·y^(2J+1)/((2J+1)(1−y²));
* exp(−v) for v ≥ 0: (1/exp(w))^(2^s) with w = v/2^s ≤ 1/2 and exp(w) ≥ Σ_{j<J} w^j/j!
  (positive terms), so the reciprocal is an upper bound (only upper bounds of exp are
  needed, for arguments ≤ 0; a positive argument is refused).

Sources: the series and remainders are the textbook ones (Abramowitz & Stegun 4.1.27
for log via atanh, 4.2.1 for exp); outward rounding as in interval arithmetic (Moore,
Kearfott & Cloud, *Introduction to Interval Analysis*, SIAM 2009, ch. 3). It uses only
integers and Fractions, so checking a certificate with it needs no mpmath. Every function
returns None when it cannot enclose its input (the caller then uses another method).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

PREC = 96  # endpoints are multiples of 2^-PREC
_TERMS = 200  # at most this many series terms per enclosure

Interval = tuple[Fraction, Fraction]


def _down(x: Fraction) -> Fraction:
    return Fraction((x.numerator << PREC) // x.denominator, 1 << PREC)


def _up(x: Fraction) -> Fraction:
    return Fraction(-((-x.numerator << PREC) // x.denominator), 1 << PREC)


def _rounded(lo: Fraction, hi: Fraction) -> Interval:
    return _down(lo), _up(hi)


@lru_cache(maxsize=1)
def log2() -> Interval:
    """[lo, hi] ∋ log 2."""
    total, term = Fraction(0), Fraction(1)
    for j in range(1, PREC + 8):
        term /= 2
        total += term / j
    tail = Fraction(1, (PREC + 8) * (1 << (PREC + 7)))
    return _rounded(total, total + tail)


def _log_lower(x: Fraction) -> Fraction | None:
    """A lower bound of log x for x ≥ 1 (the atanh partial sum)."""
    if x < 1:
        return None
    y = (x - 1) / (x + 1)
    y2 = _down(y * y)
    total, power = Fraction(0), _down(y)
    for j in range(_TERMS):
        term = _down(power / (2 * j + 1))
        total += term
        if term < Fraction(1, 1 << (PREC + 4)):
            break
        power = _down(power * y2)
    return _down(2 * total)


def _log_upper(x: Fraction) -> Fraction | None:
    """An upper bound of log x for x ≥ 1 (the atanh partial sum plus its remainder)."""
    if x < 1:
        return None
    y = (x - 1) / (x + 1)
    y2 = _up(y * y)
    if y2 >= Fraction(15, 16):
        return None  # slow convergence: leave it to the caller's other method
    total, power = Fraction(0), _up(y)
    for j in range(_TERMS):
        total += _up(power / (2 * j + 1))
        power = _up(power * y2)
        remainder = 2 * power / ((2 * j + 3) * (1 - y2))
        if remainder < Fraction(1, 1 << (PREC + 4)):
            return _up(2 * total + remainder)
    return None


def _reduced(x: Fraction) -> tuple[int, Fraction]:
    """(m, r) with x = 2^m·r and 1 ≤ r < 2, for x ≥ 1."""
    m = max(0, x.numerator.bit_length() - x.denominator.bit_length() - 1)
    r = x / (1 << m)
    while r >= 2:
        m, r = m + 1, r / 2
    return m, r


def log(x: Interval) -> Interval | None:
    """[lo, hi] ∋ log u for every u in x (x ≥ 1), or None. Range reduction first:
    log(2^m·r) = m·log 2 + log r with 1 ≤ r < 2, where the series converges fast."""
    if x[0] < 1:
        return None
    (m_lo, r_lo), (m_hi, r_hi) = _reduced(x[0]), _reduced(x[1])
    lo, hi = _log_lower(r_lo), _log_upper(r_hi)
    if lo is None or hi is None:
        return None
    l2 = log2()
    return _down(m_lo * l2[0] + lo), _up(m_hi * l2[1] + hi)


def exp_upper(u: Fraction) -> Fraction | None:
    """An upper bound of exp(u) for u ≤ 0, or None (u > 0).

    Range reduction: with w = −u/2^s ≤ 1/2, exp(u) = exp(−w)^(2^s); exp(w) is bounded
    below by its Taylor partial sum in integer fixed point (each term rounded down), its
    reciprocal rounded up, then squared s times rounding up (all values in (0, 1])."""
    if u > 0:
        return None
    v = -u
    if v > 64:
        return Fraction(1, 1 << 64)  # e^-v < e^-64 < 2^-64
    s = 0
    while v > Fraction(1, 2) * (1 << s):
        s += 1
    one = 1 << PREC
    w_low = (v.numerator << PREC) // (v.denominator << s)  # ⌊w·2^PREC⌋ ≤ w·2^PREC
    total, term, j = 0, one, 0
    while term:
        total += term
        j += 1
        term = term * w_low // (j << PREC)
    upper = -((-(one * one)) // total)  # ⌈2^(2·PREC) / total⌉ ≥ exp(−w)·2^PREC
    for _ in range(s):
        upper = -((-(upper * upper)) // one)
    return Fraction(upper, one)


def scale(c: Fraction, x: Interval) -> Interval:
    """c·x for a rational c."""
    a, b = c * x[0], c * x[1]
    return _rounded(min(a, b), max(a, b))
