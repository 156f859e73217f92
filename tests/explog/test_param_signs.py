"""Signs of parameter constants that are not rational functions (params.param_sign):
A − B through log A − log B, a sum over its common denominator, α·a + β.

Generated family: for thresholds t and shapes whose sign changes exactly at a = t
(√a − √t, exp(a) − exp(t), e⁻¹·exp(a) − exp(t − 1), 1 − log(a)/log(t) and its negation,
t^a − t^t, a·log 3 − t·log 3; and a·log 2 − log 3, whose threshold is irrational), over
ranges wholly below t, wholly above t and straddling t: over a one-sided range the sign
is decided and is the true sign at every grid point (checked numerically); over a
straddling range the engine never claims one sign.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from rcproof.budget import Budget, budget_scope
from rcproof.growth.explog.constants import Undecided, sign_of
from rcproof.growth.explog.params import Range, param_sign, parameter_scope, symbol

a = symbol("a")
THRESHOLDS = (Fraction(3, 2), Fraction(2), Fraction(7, 2))


def _shapes(t: Fraction) -> list[tuple[str, sympy.Expr]]:
    r = sympy.Rational(t.numerator, t.denominator)
    return [("sqrt", sympy.sqrt(a) - sympy.sqrt(r)),
            ("exp", sympy.exp(a) - sympy.exp(r)),
            ("exp_scaled", sympy.exp(-1) * sympy.exp(a) - sympy.exp(r - 1)),
            ("power", r ** a - r ** r),
            ("linear", a * sympy.log(3) - r * sympy.log(3)),
            ("log_ratio", 1 - sympy.log(a) / sympy.log(r)),
            ("log_ratio_neg", sympy.log(a) / sympy.log(r) - 1)]


def _family() -> list[tuple[str, sympy.Expr, Fraction, Fraction]]:
    out = []
    for t in THRESHOLDS:
        for name, c in _shapes(t):
            for where, (lo, hi) in {"below": (t / 2, t), "above": (t, 2 * t),
                                    "straddle": (t / 2, 2 * t)}.items():
                out.append((f"{name}_{t}_{where}", c, lo, hi))
    return out


FAMILY = [*_family(),  # a·log 2 − log 3: the threshold log₂ 3 = 1.58496… is irrational
          ("irrational_below", a * sympy.log(2) - sympy.log(3), Fraction(1), Fraction(3, 2)),
          ("irrational_above", a * sympy.log(2) - sympy.log(3), Fraction(8, 5), Fraction(2)),
          ("irrational_straddle", a * sympy.log(2) - sympy.log(3), Fraction(1), Fraction(2))]


@pytest.mark.parametrize(("name", "c", "lo", "hi"), FAMILY, ids=[x[0] for x in FAMILY])
def test_sign_is_uniform_and_true(name: str, c: sympy.Expr, lo: Fraction, hi: Fraction) -> None:
    where = Range(("a",), (a > sympy.Rational(lo.numerator, lo.denominator),
                           a < sympy.Rational(hi.numerator, hi.denominator)))
    points = [lo + (hi - lo) * Fraction(k, 10) for k in range(1, 10)]
    truth = {int(sympy.sign(sympy.N(c.subs(a, sympy.Rational(p.numerator, p.denominator)),
                                    50))) for p in points}
    with budget_scope(Budget(1_000_000)), parameter_scope(where):
        try:
            got = param_sign(c, sign_of)
        except Undecided:
            got = None
    if len(truth) == 1:
        assert got == truth.pop(), (name, got)  # one-sided: decided, and right
    else:
        assert got is None, (name, got)  # straddling: never one sign
