"""Signs read from the form of a constant (review 5, F2): exp(x) > 0 for real x, and
products, sums of one sign and real powers of positive constants keep it, even where no
interval of any affordable precision separates the value from 0 (exp(−10^21))."""

from __future__ import annotations

import pytest
import sympy

import rcproof
from rcproof.growth.explog.constants import _structural_sign, sign_of

TINY = [sympy.exp(-sympy.Integer(10) ** k) for k in (3, 30, 21 * 10)]


@pytest.mark.parametrize("c", TINY)
@pytest.mark.parametrize(("shape", "sign"), [
    (lambda c: c, 1), (lambda c: -c, -1), (lambda c: 3 * c * sympy.pi, 1),
    (lambda c: c + sympy.exp(sympy.Integer(2)), 1), (lambda c: -c - sympy.E, -1),
    (lambda c: c ** sympy.sqrt(2), 1), (lambda c: sympy.sqrt(c) * sympy.Rational(-1, 7), -1),
])
def test_sign_from_the_form(c: sympy.Expr, shape: object, sign: int) -> None:
    value = shape(c)  # type: ignore[operator]
    assert sign_of(value) == sign
    assert _structural_sign(value) in (0, sign)


@pytest.mark.parametrize("c", [sympy.log(2) - 1, sympy.sqrt(2) - sympy.Rational(3, 2),
                               sympy.exp(1) - 3, sympy.pi - sympy.exp(1) - 1])
def test_a_difference_is_left_to_intervals(c: sympy.Expr) -> None:
    """Terms of both signs: the form says nothing (0); intervals decide."""
    assert _structural_sign(c) == 0
    assert sign_of(c) == (1 if float(c) > 0 else -1)


@pytest.mark.parametrize("k", [21, 100, 400])
def test_tiny_positive_exponents_through_verify(k: int) -> None:
    report = rcproof.verify_text(
        f"theorem up: n^(exp(-10^{k})) = omega(log(n)^1000)\n"
        f"theorem down: n^(-exp(-10^{k})) = o(1)\n"
        f"theorem false1: n^(exp(-10^{k})) = O(log(n)^1000)\n"
        f"theorem false2: n^(-exp(-10^{k})) = Omega(1)\n")
    assert report["up"].status == "proved" and report["down"].status == "proved"
    assert report["false1"].status != "proved" and report["false2"].status != "proved"


@pytest.mark.parametrize("k", [30, 400, 5000])
@pytest.mark.parametrize("statement", [
    "exp(-10^{k}) * n = Theta(n)", "n^(exp(-10^{k})) = Theta(n^(exp(-10^{k})))",
    "2^(10^{k}) * n = O(n)", "exp(10^{k}) * n = omega(n)", "exp(-10^{k}) * n = o(n)",
    "10^{k} * n = Theta(n)", "n^(10^(-{k})) = omega(log(n))",
])
def test_huge_and_tiny_constants_never_crash(k: int, statement: str) -> None:
    """Review 5: a Fraction beyond the float range crashed a message (float(x) raised
    OverflowError); every such statement ends with a verdict, and none of these false
    ones is proved."""
    text = statement.format(k=k)
    result = rcproof.verify_text(f"theorem t: {text}\n")["t"]
    assert result.status != "error", (text, result.reason)
    assert len(result.reason or "") < 2000, result.reason
    if "omega(n)" in text or "o(n)" in text:
        assert result.status != "proved", text
