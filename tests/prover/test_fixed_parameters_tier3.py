"""Tier 3 with fixed parameters (review 7, F16): `param a : real where C` then an atom in
n and a, outside Tier 2 (a^n, exp(a·n)), is decided by the exp-log engine over the
closure `forall a where C`: proved when it holds for every admissible a, refuted when it
fails for every one, unknown with the condition otherwise. Generated over ranges; the
verdict is checked against the sign condition sampled on the range."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

import rcproof

# (atom in a, the set where it holds as a predicate on a)
ATOMS = [("a^n = o(1)", lambda a: a < 1), ("a^n = omega(n^3)", lambda a: a > 1),
         ("exp(a*n) = O(2^n)", lambda a: a <= math.log(2)),
         ("n^a = O(n^(1/2))", lambda a: a <= 0.5), ("(1 + a)^n = omega(1)", lambda a: a > 0)]
RANGES = [(Fraction(1, 10), Fraction(2, 5)), (Fraction(3, 2), Fraction(3)),
          (Fraction(1, 4), Fraction(3, 4))]


@pytest.mark.parametrize(("atom", "holds"), ATOMS)
@pytest.mark.parametrize(("lo", "hi"), RANGES)
def test_fixed_parameter_atoms(atom: str, holds: object, lo: Fraction, hi: Fraction) -> None:
    samples = [holds(float(lo + (hi - lo) * k / 100)) for k in range(1, 100)]  # type: ignore[operator]
    result = rcproof.verify_text(f"param a : real where {lo} < a < {hi}\ntheorem t: {atom}\n")["t"]
    if all(samples):
        assert result.status == "proved", result.reason
    elif not any(samples):
        assert result.status == "refuted", result.reason
    else:
        assert result.status == "unknown" and "depends on" in (result.reason or "")


def test_compare_with_an_assumption() -> None:
    result = rcproof.compare("a^n", "1", assume=["0 < a < 1"])
    assert result.rel in ("o",), result
