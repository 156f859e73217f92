"""Products of exponentials of huge constants merge exactly (review 6): exp(x)·exp(y) =
exp(x + y), so exp(exp(10^21)) against exp(exp(10^21) + c) is decided by the constant
exp(−c), without evaluating exp(10^21). Generated over offsets c and huge inner
constants; the verdicts are checked against the offset's sign, the false relations are
never proved."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

import rcproof
from rcproof.growth.explog.constants import combine_exps, sign_of

HUGE = ["exp(10^21)", "exp(exp(40))", "log(3)*exp(10^25) + sqrt(2)"]
OFFSETS = [Fraction(1), Fraction(-3, 2), Fraction(1, 1000), Fraction(0)]


@pytest.mark.parametrize("big", HUGE)
@pytest.mark.parametrize("offset", OFFSETS)
def test_shifted_huge_exponentials(big: str, offset: Fraction) -> None:
    c = f"({offset.numerator}/{offset.denominator})"
    report = rcproof.verify_text(
        f"theorem theta: exp({big}) * n = Theta(exp({big} + {c}) * n)\n"
        f"theorem little: exp({big}) = o(exp({big} + {c}))\n"
        f"theorem tilde: exp({big}) ~ exp({big} + {c})\n"
        f"theorem bigger: exp({big} + {c}) * n = o(exp({big}))\n")
    assert report["theta"].status == "proved", report["theta"].reason
    assert report["little"].status == "refuted", report["little"].reason
    assert report["tilde"].status == ("proved" if offset == 0 else "refuted")
    assert report["bigger"].status == "refuted"


@pytest.mark.parametrize("k", [21, 300])
def test_merge_is_exact(k: int) -> None:
    x = sympy.exp(sympy.Integer(10) ** k)
    assert combine_exps(sympy.exp(-1 - x) * sympy.exp(x)) == sympy.exp(-1)
    assert sign_of(sympy.exp(x) * sympy.exp(-x + 2) - 7) == 1  # e^2 > 7
    merged = combine_exps(3 * sympy.exp(x) * sympy.exp(-x) * sympy.exp(sympy.Integer(5)))
    assert merged == 3 * sympy.exp(5)
