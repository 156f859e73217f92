"""exp(A + c·log X) = X^c·exp(A) exactly: the product normal form must add the exponent of
a factor that simplifying exp(…) brings in to the one already there (found by review:
exp(n + log n)/n was simplified to n, which proved exp(n + log n) = ω(n²·eⁿ))."""

from __future__ import annotations

import itertools

import pytest

from rcproof.prover.ground import decide_atom
from rcproof.syntax.parser import parse_prop

GROWTH = ["n", "2*n", "sqrt(n)", "exp(n)", "n^2", "log(n)^2"]
INNER = ["n", "log(n)", "n^2 + 1", "log(log(n))"]
POWERS = ["1", "2", "1/2", "-1"]
CASES = list(itertools.product(GROWTH, INNER, POWERS))


def _holds(text: str) -> bool | None:
    return decide_atom(parse_prop(text, "<t>"), 2.0).value  # type: ignore[arg-type]


@pytest.mark.parametrize(("a", "x", "c"), CASES)
def test_exp_of_a_log_sum_is_the_product(a: str, x: str, c: str) -> None:
    left = f"exp({a} + {c}*log({x}))"
    assert _holds(f"{left} ~ ({x})^({c}) * exp({a})") is True
    assert _holds(f"{left} = omega(({x})^({c}) * n * exp({a}))") is False
    assert _holds(f"{left} = o(({x})^({c}) * exp({a}))") is False
