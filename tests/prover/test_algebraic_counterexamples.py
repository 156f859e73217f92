"""Irrational counter-example values are printed exactly (review 7, F1): z3's algebraic
model values were cut to six decimals, and the printed value (a = -1.414213) was no
counter-example. Generated over polynomials whose roots z3 returns: each printed value,
read back, is a root of the polynomial and lies where z3 put it."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
import z3

import rcproof
from rcproof.growth.sympy_bridge import to_sympy
from rcproof.prover.decide import _algebraic

# ascending coefficients of polynomials with irrational real roots
POLYS = [(-2, 0, 1), (-3, 0, 1), (-2, 0, 0, 1), (-1, 1, 1), (1, -4, 1), (-5, 0, 0, 0, 1),
         (-7, 0, 3), (2, 0, -1), (-1, -1, 0, 1)]


@pytest.mark.parametrize("coefs", POLYS)
def test_every_real_root_is_printed_exactly(coefs: tuple[int, ...]) -> None:
    x = z3.Real("x")
    poly = sum(c * x**i for i, c in enumerate(coefs))
    seen: list[z3.ExprRef] = []
    for _ in range(len(coefs)):
        solver = z3.Solver()
        solver.add(poly == 0, *[x != v for v in seen])
        if solver.check() != z3.sat:
            break
        value = solver.model()[x]
        seen.append(value)
        if not z3.is_algebraic_value(value):
            continue
        printed = _algebraic(value)
        approx = float(value.approx(20).as_decimal(20).rstrip("?"))
        if isinstance(printed, str):
            assert printed.startswith("the root of"), printed
            continue
        exact = to_sympy(printed)
        s = sympy.Symbol("s")
        assert sympy.simplify(sum(c * s**i for i, c in enumerate(coefs)).subs(s, exact)) == 0
        assert abs(float(exact) - approx) < 1e-9, (printed, approx)


def test_a_refutation_prints_no_truncated_decimal() -> None:
    report = rcproof.verify_text(
        "theorem p: forall a : real where a*a <= 2. n^(a*a) = o(n^2)\n"
        "theorem q: forall a : real where a^3 <= 2, a > 0. n^(a^3) = o(n^2)\n")
    for name in ("p", "q"):
        assert report[name].status == "refuted"
        value = (report[name].counterexample or {}).get("a", "")
        assert "." not in value and value, report[name].counterexample


def test_a_rational_value_stays_a_number() -> None:
    assert _algebraic(z3.RealVal(Fraction(3, 2))) == "3/2"
