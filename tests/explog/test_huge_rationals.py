"""Huge rationals in the exp-log engine (review 7, F11/F12): the sign of a rational
combination of logarithms of rationals is decided exactly by integer comparison (log(1 +
10^−10000) expands to log(10^10000 + 1) − 10000·log 10, beyond any affordable interval),
and reasons cut long digit runs instead of printing 10,001-digit integers."""

from __future__ import annotations

import random

import mpmath
import pytest
import sympy

import rcproof
from rcproof.growth.explog.constants import _log_sum_sign, const_message, sign_of


@pytest.mark.parametrize("k", [300, 2000, 10000])
def test_one_plus_a_tiny_rational_to_the_n(k: int) -> None:
    report = rcproof.verify_text(
        f"theorem up: (1 + 10^(-{k}))^n = omega(n^5)\n"
        f"theorem flat: (1 + 10^(-{k}))^n = O(1)\n"
        f"theorem below: (1 - 10^(-{k}))^n = o(1)\n")
    assert report["up"].status == "proved", report["up"].reason
    assert report["flat"].status != "proved"
    assert report["below"].status == "proved", report["below"].reason
    for name in ("up", "flat", "below"):
        assert len(report[name].reason or "") < 2000


def test_sums_of_logs_against_high_precision() -> None:
    rng = random.Random(7)
    for _ in range(200):
        terms = []
        for _ in range(rng.randint(1, 4)):
            q = sympy.Rational(rng.randint(-9, 9), rng.randint(1, 4))
            r = sympy.Rational(rng.randint(1, 10**rng.randint(1, 30)), rng.randint(1, 50))
            terms.append(q * sympy.log(r))
        c = sympy.Add(*terms)
        exact = _log_sum_sign(c)
        if c.is_Rational or exact == 0:
            continue
        with mpmath.workprec(2000):
            value = mpmath.mpf(0)
            for t in terms:
                q, rest = t.as_coeff_Mul()
                if rest == 1:
                    continue
                r = rest.args[0]
                value += mpmath.mpf(q.p) / q.q * mpmath.log(mpmath.mpf(r.p) / r.q)
        assert exact == (1 if value > 0 else -1), (c, value)
        assert sign_of(c) == exact


def test_long_digit_runs_are_cut_in_messages() -> None:
    c = sympy.log(sympy.Integer(10) ** 10000 + 1)
    text = const_message(c)
    assert "(10001 digits)" in text and len(text) < 80, text


@pytest.mark.parametrize("k", [5000, 100000])
def test_a_parameter_bound_beyond_the_numeral_limit_is_no_crash(k: int) -> None:
    """`param a : real where a > 10^100000` raised an internal ValueError (review 8)."""
    result = rcproof.verify_text(f"param a : real where a > 10^{k}\n"
                                 "theorem t: n^a = omega(n^2)\n")["t"]
    assert result.status in ("proved", "unknown"), result.reason
