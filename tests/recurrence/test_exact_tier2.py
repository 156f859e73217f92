"""Irrational exponents in Tier 2: z3 constants pinned by rational bounds, equal only to
themselves; a counter-example that uses one must fail for every value within its bounds."""

from __future__ import annotations

import pytest

CASES = [
    # (statement, expected status)
    ("forall d : real where d >= 2. n^(log(7)/log(2)) = O(n^d) or d < log(7)/log(2)",
     "proved"),
    ("forall d : real where d >= 2. n^(log(7)/log(2)) = o(n^d) or d <= log(49)/log(4)",
     "proved"),
    ("forall d : real where d >= 2. n^(log(7)/log(2)) = O(n^d)", "refuted"),
    ("forall d : real where d >= 2. n^(log(7)/log(2)) = O(n^d) or d < 2807354922/1000000000",
     "refuted"),
    ("forall d : real where d > 0. n^(d*log(3)/log(2)) = Theta(n^(d*log(9)/log(4)))",
     "proved"),
    ("forall d : real where d > 0. n^(d*log(3)/log(2)) = o(n^(d*log(5)/log(3)))", "refuted"),
    ("forall d : real where d > 0. n^(d*log(3)/log(2)) = omega(n^(d*log(5)/log(3)))",
     "proved"),
    ("forall d : real where d > 0. n^(d*log((1+sqrt(5))/2)/log(2)) = "
     "Theta(n^(-d*log((sqrt(5)-1)/2)/log(2)))", "proved"),
]


@pytest.mark.parametrize(("statement", "status"), CASES)
def test_tier2_decides_irrational_exponents(check, statement: str, status: str) -> None:  # type: ignore[no-untyped-def]
    result = check(f"theorem t: {statement}")["t"]
    assert result.verdict.status == status, result.verdict.reason
