"""Enclosures keep their precision (review 8): the endpoints of a 128-, 320- or 800-bit
interval were converted through `mpmath.mpf`, which rounds to 53 bits to nearest, so the
"enclosure" of √2 was one double above √2, and a parameter equal to √2 (or within 1e-16
of log 2) got a sign by rounding: false statements proved, true ones refuted."""

from __future__ import annotations

import pytest
import sympy

import rcproof
from rcproof.growth.explog.constants import PRECISIONS, enclosure

CONSTANTS = [sympy.sqrt(2), sympy.sqrt(3), sympy.log(2), sympy.pi, sympy.E,
             sympy.exp(sympy.Rational(1, 3)), sympy.log(3) / sympy.log(2),
             2 ** sympy.Rational(1, 3)]


@pytest.mark.parametrize("c", CONSTANTS)
@pytest.mark.parametrize("bits", PRECISIONS)
def test_enclosures_contain_the_constant_and_shrink(c: sympy.Expr, bits: int) -> None:
    lo, hi = enclosure(c, bits)
    assert lo < hi
    assert hi - lo < sympy.Rational(2) ** (8 - bits) * max(1, abs(float(c)))
    exact = sympy.N(c, bits // 3 + 30)
    assert sympy.Rational(lo.numerator, lo.denominator) < exact
    assert exact < sympy.Rational(hi.numerator, hi.denominator)


@pytest.mark.parametrize("statement", [
    "forall a : real where a^2 == 2, a > 0. n^(a - sqrt(2)) = o(1)",
    "forall a : real where a^2 == 2, a > 0. a^n = o(sqrt(2)^n)",
    "forall a : real where a^2 == 3, a > 0. a^n = omega(sqrt(3)^n)",
    "forall a : real where 0.69314718055994529 < a < 0.69314718055994532. "
    "exp(a*n) = Omega(2^n)",
    "forall a : real where 0.69314718055994529 < a < 0.69314718055994532. "
    "exp(a*n) = o(2^n)"])
def test_parameters_at_irrational_points_are_never_decided_wrongly(statement: str) -> None:
    result = rcproof.verify_text(f"theorem t: {statement}\n")["t"]
    assert result.status != "proved", result.reason


@pytest.mark.parametrize(("statement", "forbidden"), [
    ("a^n = Theta(sqrt(2)^n)", "refuted"), ("n^(a - sqrt(2)) = Theta(1)", "refuted"),
    ("exp((a - sqrt(2))*n) = Theta(1)", "refuted"), ("a^n = o(sqrt(2)^n)", "proved")])
def test_a_parameter_equal_to_an_irrational(statement: str, forbidden: str) -> None:
    result = rcproof.verify_text(
        f"param a : real where a^2 == 2, a > 0\ntheorem t: {statement}\n")["t"]
    assert result.status != forbidden, result.reason
