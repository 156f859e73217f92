"""Rigorous rational enclosures of log x and √x for rational x, in integer arithmetic.

Used by the exact exponents (growth/realexp.py) to refine intervals to any precision
without floating point or third-party libraries (the kernel's closure stays small).

Method: for an integer N = 2^k·f with f in [1, 2), log N = k·log 2 + 2·atanh(z) with
z = (f − 1)/(f + 1) in [0, 1/3), and log 2 = 2·atanh(1/3). atanh(z) = Σ z^(2i+1)/(2i+1)
is summed in fixed point with scale S = 2^bits: with t_0 = ⌊S·z⌋ and
t_(i+1) = ⌊t_i·z²⌋ the error of t_i stays below 1/(1 − z²) ≤ 9/8, each term ⌊t_i/(2i+1)⌋
is at most 2.125 below the true S·z^(2i+1)/(2i+1), and once t_K = 0 the tail is below 2.
Hence S·atanh(z) lies in [Σ, Σ + 3K + 2], an enclosure proved term by term (a standard
argument; see e.g. R. Brent and P. Zimmermann, Modern Computer Arithmetic, 2010, §4.4).
√D lies in [r/S, (r + 1)/S] with r = isqrt(D·S²).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import isqrt

from rcproof.budget import spend

Interval = tuple[Fraction, Fraction]


def _atanh_scaled(p: int, q: int, bits: int) -> tuple[int, int]:
    """(lo, hi) with lo ≤ 2^bits·atanh(p/q) ≤ hi, for 0 ≤ p/q ≤ 1/3."""
    scale = 1 << bits
    t = scale * p // q
    p2, q2 = p * p, q * q
    total, i = 0, 0
    while t:
        total += t // (2 * i + 1)
        i += 1
        t = t * p2 // q2
    spend(i * (bits // 64 + 1), "bounding a logarithm")
    return total, total + 3 * i + 2


@lru_cache(maxsize=4096)
def _log_int_scaled(n: int, bits: int) -> tuple[int, int]:
    """(lo, hi) with lo ≤ 2^bits·log n ≤ hi for an integer n ≥ 1."""
    if n == 1:
        return 0, 0
    k = n.bit_length() - 1
    l2_lo, l2_hi = _atanh_scaled(1, 3, bits)
    lo, hi = 2 * k * l2_lo, 2 * k * l2_hi
    num, den = n - (1 << k), n + (1 << k)  # z = (f − 1)/(f + 1) with f = n/2^k
    if num:
        a_lo, a_hi = _atanh_scaled(num, den, bits)
        lo, hi = lo + 2 * a_lo, hi + 2 * a_hi
    return lo, hi


def log_bounds(x: Fraction, bits: int) -> Interval:
    """lo ≤ log x ≤ hi for a rational x > 0, each within about 2^(−bits+log2(bits))."""
    if x <= 0:
        raise ValueError("log of a non-positive number")
    n_lo, n_hi = _log_int_scaled(x.numerator, bits)
    d_lo, d_hi = _log_int_scaled(x.denominator, bits)
    scale = 1 << bits
    return Fraction(n_lo - d_hi, scale), Fraction(n_hi - d_lo, scale)


def sqrt_bounds(d: int, bits: int) -> Interval:
    """lo ≤ √d ≤ hi for an integer d ≥ 0."""
    scale = 1 << bits
    r = isqrt(d * scale * scale)
    if r * r == d * scale * scale:
        return Fraction(r, scale), Fraction(r, scale)
    return Fraction(r, scale), Fraction(r + 1, scale)


# ---- primality (for canonical factorizations) -------------------------------------------

_MR_BASES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
_MR_LIMIT = 3_317_044_064_679_887_385_961_981  # these bases are deterministic below it


def is_prime(n: int) -> bool | None:
    """Deterministic Miller–Rabin below 3.3·10^24 (bases: the first 13 primes; Sorenson
    and Webster 2015); None (unknown) above."""
    if n < 2:
        return False
    for p in _MR_BASES:
        if n % p == 0:
            return n == p
    if n >= _MR_LIMIT:
        return None
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in _MR_BASES:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
