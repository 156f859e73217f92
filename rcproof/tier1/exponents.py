"""Exponents for the kernel's Tier 1 check: rationals and ratios log X / log c, exactly.

An exponent is a `Fraction`, or a `LogRatio` log X / log c where X = ∏ p^q over primes
(rational q) and c ≥ 2 is an integer that is not a perfect power (so each exponent has one
canonical form). Over one base c the ratios and the rationals form a Q-vector space:
r = log(c^r)/log c, so sums and rational multiples stay in the form. The sign of
log X / log c is the sign of log X, decided without approximation: with D the common
denominator of the q, X > 1 exactly when ∏_{q>0} p^(qD) > ∏_{q<0} p^(−qD), two integers.
Sums over two different bases, products of two irrational exponents, and integers past
`MAX_FACTOR` raise `Unsupported`: the kernel then has no Tier 1 theorem (never a guess).

This is an independent method (integer powers), not a copy of the engine's interval
enclosures (growth/realexp.py, growth/logbounds.py), so the two cross-check each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import gcd, lcm

from rcproof.budget import spend

MAX_FACTOR = 10**12  # trial division bound for integers read from numerals
MAX_BITS = 1 << 20  # size of the integers compared by `sign`

Factored = tuple[tuple[int, Fraction], ...]  # ∏ p^q, primes ascending, q ≠ 0


class Unsupported(Exception):
    """Outside what the kernel's Tier 1 check decides (the atom then gets no theorem)."""


@dataclass(frozen=True)
class LogRatio:
    """log X / log base, irrational (a rational value is always a `Fraction`)."""

    top: Factored
    base: int


Real = Fraction | LogRatio


def factor(k: int) -> dict[int, int]:
    """The prime factorization of an integer 1 ≤ k ≤ MAX_FACTOR, by trial division."""
    if not 1 <= k <= MAX_FACTOR:
        raise Unsupported("integer outside the factorization bound")
    out: dict[int, int] = {}
    p = 2
    while p * p <= k:
        spend(1, "factoring an integer (kernel Tier 1)")
        while k % p == 0:
            out[p] = out.get(p, 0) + 1
            k //= p
        p += 1 if p == 2 else 2
    if k > 1:
        out[k] = out.get(k, 0) + 1
    return out


def log_of(q: Fraction) -> dict[int, Fraction]:
    """log q for a rational q > 0 as {prime: multiplicity}: log q = Σ m·log p."""
    if q <= 0:
        raise Unsupported("log of a number that is not positive")
    out = {p: Fraction(e) for p, e in factor(q.numerator).items()}
    for p, e in factor(q.denominator).items():
        out[p] = out.get(p, Fraction(0)) - e
    return out


def _clean(form: dict[int, Fraction]) -> Factored:
    return tuple(sorted((p, q) for p, q in form.items() if q))


def ratio(top: dict[int, Fraction], bottom: dict[int, Fraction]) -> Real:
    """log X / log Y for Y an integer power ≠ 1 of an integer base: a canonical exponent."""
    bottom = {p: q for p, q in bottom.items() if q}
    if not bottom:
        raise Unsupported("division by log 1")
    if any(q.denominator != 1 for q in bottom.values()) or len(
            {q > 0 for q in bottom.values()}) != 1:
        raise Unsupported("the base of a logarithm ratio is not an integer power")
    g = 0
    for q in bottom.values():
        g = gcd(g, int(q))
    base = 1
    for p, q in bottom.items():
        base *= p ** (int(q) // g)  # g carries the sign, so base ≥ 2
    return over_base({p: q / g for p, q in top.items()}, base)


def over_base(top: dict[int, Fraction], base: int) -> Real:
    """log X / log base in canonical form (`base` not a perfect power)."""
    clean = _clean(top)
    fb = factor(base)
    first = min(fb)
    have = dict(clean)
    r = have.get(first, Fraction(0)) / fb[first]
    if all(have.get(p, Fraction(0)) == r * fb.get(p, 0) for p in {*have, *fb}):
        return r  # X = base^r: a rational exponent
    return LogRatio(clean, base)


def _top(x: LogRatio, base: int) -> dict[int, Fraction]:
    if x.base != base:
        raise Unsupported("exponents over two different logarithm bases")
    return dict(x.top)


def add(x: Real, y: Real) -> Real:
    """x + y (two ratios must share their base)."""
    if isinstance(x, Fraction) and isinstance(y, Fraction):
        return x + y
    base = x.base if isinstance(x, LogRatio) else y.base  # type: ignore[union-attr]
    out: dict[int, Fraction] = {}
    for term in (x, y):
        part = _top(term, base) if isinstance(term, LogRatio) else {
            p: e * term for p, e in factor(base).items()}
        for p, q in part.items():
            out[p] = out.get(p, Fraction(0)) + q
    return over_base(out, base)


def scale(x: Real, r: Fraction) -> Real:
    """r·x for a rational r."""
    if isinstance(x, Fraction):
        return x * r
    return over_base({p: q * r for p, q in x.top}, x.base) if r else Fraction(0)


def times(x: Real, y: Real) -> Real:
    """x·y when at least one factor is rational."""
    if isinstance(y, Fraction):
        return scale(x, y)
    if isinstance(x, Fraction):
        return scale(y, x)
    raise Unsupported("the product of two irrational exponents")


def sign(x: Real) -> int:
    """−1, 0 or 1: the exact sign of x (log X by comparing two integers)."""
    if isinstance(x, Fraction):
        return (x > 0) - (x < 0)
    d = lcm(*(q.denominator for _, q in x.top))
    bits = sum(abs(q * d) * p.bit_length() for p, q in x.top)
    if bits > MAX_BITS:
        raise Unsupported("the exact comparison needs integers too large")
    spend(1 + int(bits) // 4096, "comparing exponents exactly (kernel Tier 1)")
    up = down = 1
    for p, q in x.top:
        if q > 0:
            up *= p ** int(q * d)
        else:
            down *= p ** int(-q * d)
    return (up > down) - (up < down)


def compare(x: Real, y: Real) -> int:
    """The sign of x − y."""
    if x == y:
        return 0
    return sign(add(x, scale(y, Fraction(-1))))
