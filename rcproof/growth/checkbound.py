"""h(n) ≥ 0 for all real n ≥ N0 = 2^k, for a finite sum h of monomials with enclosed
coefficients: the base step of the certificate checker (check.py, checkexp.py).

h = Σ k_i·n^a_i·(log n)^b_i·(log log n)^e_i, each k_i given by an mpmath interval that
contains it (exact rationals are point intervals). With m the largest monomial whose
coefficient k_1 is enclosed in (0, ∞), h/m = k_1 + Σ k_i·r_i where r_i = m_i/m is
n^α (log n)^β (log log n)^γ with (α, β, γ) < 0 lexicographically. With t = log n,
d/dt log r_i = α + β/t + γ/(t·log t); past its critical point (a sufficient closed-form
condition on t₀ = log N0, below) it is ≤ 0, so r_i is non-increasing on [N0, ∞) and
k_i·r_i(n) ≥ min(k_i, 0)·r_i(N0). Hence h/m ≥ k_1 + Σ min(k_i, 0)·r_i(N0) > … ≥ 0 is
checked in interval arithmetic in log space (t₀ = k·log 2; 2^k is never formed). N0 ≥ 16
makes log n > e and log log n > 1, so every monomial is positive and log t ≥ 1.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rcproof.budget import spend

Mono = tuple[Fraction, Fraction, Fraction]

IV_UNITS = 30  # work units per monomial bounded in interval arithmetic (about 30 µs)
EXP_LIMIT = 1 << 40  # |x| beyond this: exp(x) is bounded, never evaluated


def iv_of(x: Fraction) -> Any:
    """x as an mpmath interval (exact for dyadic x, else a tight enclosure)."""
    from mpmath import iv

    return iv.mpf(x.numerator) / x.denominator


def scales(log2_n0: int) -> tuple[Any, Any, Any]:
    """(log N0, log log N0, log log log N0) as intervals, for N0 = 2^log2_n0."""
    from mpmath import iv

    t0 = iv.mpf(log2_n0) * iv.log(2)
    log_t0 = iv.log(t0)
    return t0, log_t0, iv.log(log_t0)


def mono_log(m: Mono, log2_n0: int) -> Any:
    """log of n^a (log n)^b (log log n)^e at n = N0, as an interval."""
    t0, log_t0, loglog_t0 = scales(log2_n0)
    return iv_of(m[0]) * t0 + iv_of(m[1]) * log_t0 + iv_of(m[2]) * loglog_t0


def exp_enclosure(x: Any) -> Any | None:
    """An interval containing exp(y) for every y in x, or None when x reaches above
    EXP_LIMIT; below −EXP_LIMIT the enclosure is [0, exp(−EXP_LIMIT)] (never computing
    exp of an astronomically large argument)."""
    from mpmath import iv

    if not (x.b <= EXP_LIMIT):
        return None
    if x.b < -EXP_LIMIT:
        return iv.mpf([0, iv.exp(iv.mpf(-EXP_LIMIT)).b])
    if x.a < -EXP_LIMIT:
        return iv.mpf([0, iv.exp(x).b])
    return iv.exp(x)


def monomials_nonnegative(h: dict[Mono, Any], log2_n0: int) -> bool:
    """h(n) ≥ 0 for every real n ≥ 2^log2_n0 (≥ 16), coefficients as intervals, none of
    them the exact zero (see the module docstring); False means "not proved"."""
    if not h:
        return True
    if log2_n0 < 4:
        return False
    from mpmath import iv

    lead = max(h)
    bound = h[lead]
    if not (bound.a > 0):
        return False
    t0, log_t0, _ = scales(log2_n0)
    if not (log_t0.a >= 1):  # needed below: log t ≥ 1, so 1/(t log t) ≤ 1/t
        return False
    spend(IV_UNITS * len(h), "checking a certificate (interval bounds)")
    for m, k in h.items():
        if m == lead or k.a >= 0:
            continue
        alpha, beta, gamma = (m[0] - lead[0], m[1] - lead[1], m[2] - lead[2])
        if alpha < 0:
            # α + β/t + γ/(t log t) ≤ α + (|β| + |γ|)/t ≤ 0 once t ≥ (|β|+|γ|)/|α|.
            if not (t0.a >= iv_of((abs(beta) + abs(gamma)) / -alpha).b):
                return False
        elif beta < 0:
            # (β + γ/log t)/t ≤ 0 once log t ≥ γ/|β|.
            if gamma > 0 and not (log_t0.a >= iv_of(gamma / -beta).b):
                return False
        elif not (alpha == 0 and beta == 0 and gamma < 0):
            return False  # not below the leading monomial: cannot happen, refuse anyway
        ratio = exp_enclosure(mono_log((alpha, beta, gamma), log2_n0))
        if ratio is None:
            return False
        bound = bound + iv.mpf(k.a) * ratio  # k.a < 0 here
    return bool(bound.a >= 0)
