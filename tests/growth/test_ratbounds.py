"""Exact rational enclosures (growth/ratbounds.py) against mpmath at high precision, and
the certificate checker's rational path (check._exactly_nonnegative) against its interval
path: the rational path never proves what is false, and it settles the plain cases."""

from __future__ import annotations

from fractions import Fraction as Q

import mpmath
from hypothesis import given, settings
from hypothesis import strategies as st

from rcproof.growth import ratbounds
from rcproof.growth.check import _exactly_nonnegative
from rcproof.growth.checkbound import iv_of, monomials_nonnegative

mpmath.mp.prec = 400


def _mp(x: Q) -> mpmath.mpf:
    return mpmath.mpf(x.numerator) / x.denominator


def test_log2_encloses() -> None:
    lo, hi = ratbounds.log2()
    assert _mp(lo) <= mpmath.log(2) <= _mp(hi) and hi - lo < Q(1, 1 << 90)


_RATS = st.builds(Q, st.integers(1, 10**6), st.integers(1, 10**4))


@settings(max_examples=200, deadline=None)
@given(_RATS, _RATS)
def test_log_encloses(a: Q, b: Q) -> None:
    x = (1 + min(a, b), 1 + max(a, b))
    got = ratbounds.log(x)
    assert got is not None
    assert _mp(got[0]) <= mpmath.log(_mp(x[0])) and mpmath.log(_mp(x[1])) <= _mp(got[1])
    assert got[1] - got[0] <= x[1] - x[0] + Q(1, 1 << 80)


@settings(max_examples=200, deadline=None)
@given(st.builds(Q, st.integers(-10**6, 10**6), st.integers(1, 10**4)))
def test_exp_upper_bounds(u: Q) -> None:
    got = ratbounds.exp_upper(u)
    if u > 0:
        assert got is None
        return
    assert got is not None and mpmath.exp(_mp(u)) <= _mp(got)
    if u > -40:
        assert _mp(got) <= mpmath.exp(_mp(u)) * (1 + mpmath.mpf(2) ** -60) + _mp(Q(1, 1 << 90))


_EXP = st.sampled_from([Q(k, d) for d in (1, 2, 3) for k in range(-3 * d, 3 * d + 1)])
_COEF = st.sampled_from([Q(1), Q(2), Q(1, 2), Q(-1), Q(-3), Q(-1, 10), Q(-100), Q(7, 3)])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.tuples(_EXP, _EXP, _EXP), _COEF, min_size=1, max_size=5),
       st.integers(4, 200))
def test_rational_path_proves_only_what_intervals_prove(h: dict, log2_n0: int) -> None:
    lead = max(h)
    if h[lead] <= 0:
        return
    exact = _exactly_nonnegative(h, lead, log2_n0)
    by_intervals = monomials_nonnegative({m: iv_of(k) for m, k in h.items()}, log2_n0)
    if exact:
        assert by_intervals, (h, log2_n0)
    # a bound true with margin is found by both
    if by_intervals and all(k > 0 for m, k in h.items() if m != lead):
        assert exact


def test_rational_path_settles_monomial_certificates() -> None:
    """n³ − n²·log n ≥ 0 from 2^4 (the `compare 'n^2 * log(n)' 'n^3'` certificate) and
    cases with a log log factor, without intervals."""
    one, zero = Q(1), Q(0)
    assert _exactly_nonnegative({(Q(3), zero, zero): one, (Q(2), one, zero): -one},
                                (Q(3), zero, zero), 4)
    assert _exactly_nonnegative({(one, one, zero): Q(3, 2), (one, zero, one): -one},
                                (one, one, zero), 40)
    assert not _exactly_nonnegative({(one, zero, zero): one, (one, zero, zero - 1): -Q(10)},
                                    (one, zero, zero), 4)
