"""A `forall a : real where C. f rel g` that the exp-log engine's split shows false on
part of C is refuted by a value of that part (review 7, F4: it stayed unknown, "depends
on a", because the fixed candidates 0…3 and the bounds ± 1/2 missed the failing part).
Generated over thresholds (rational and irrational) and ranges straddling them; the
counter-example is checked to lie in the failing part; true statements stay proved."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

import rcproof

# (atom with parameter a, the set of a in (lo, hi) where it fails, as a predicate)
ATOMS = [
    ("a^n = O(n)", lambda a: a > 1),
    ("n^a = O(n)", lambda a: a > 1),
    ("exp(a*n) = O(2^n)", lambda a: a > math.log(2)),
    ("(a^2 - a + 1)^n = O(1)", lambda a: a > 1 or a < 0),
    ("exp(log(n)^(a + 1/2)) = O(n)", lambda a: a > 1 / 2),
    ("n^(a^2) = O(n^(7/4))", lambda a: a * a > 7 / 4),
]
RANGES = [(Fraction(1, 2), Fraction(3, 2)), (Fraction(3, 5), Fraction(11, 10)),
          (Fraction(1, 4), Fraction(7, 5))]


@pytest.mark.parametrize(("atom", "fails"), ATOMS)
@pytest.mark.parametrize(("lo", "hi"), RANGES)
def test_refuted_inside_the_failing_part(atom: str, fails: object, lo: Fraction,
                                         hi: Fraction) -> None:
    some_fail = any(fails(float(lo + (hi - lo) * k / 200)) for k in range(1, 200))  # type: ignore[operator]
    result = rcproof.verify_text(
        f"theorem t: forall a : real where {lo} < a < {hi}. {atom}\n")["t"]
    if not some_fail:
        assert result.status == "proved", result.reason
        return
    assert result.status == "refuted", result.reason
    value = Fraction((result.counterexample or {})["a"])
    assert lo < value < hi and fails(float(value)), (value, result.reason)  # type: ignore[operator]
