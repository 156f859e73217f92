"""The printer quotes expressions in .rc syntax that parses back to the same tree."""

from __future__ import annotations

import pytest

from rcproof.growth.render import Quoted, show
from rcproof.syntax.parser import parse_expr as P


@pytest.mark.parametrize("text", [
    "n^(2/3)*log(n)^(2/3)", "n - (n - 1)", "n/(n*log(n))", "-n^2", "(-n)^2", "2^(2^n)",
    "sqrt(n^2 + n) - n", "max(n, log(n), 1)", "n^-1", "exp(-log(n)/2)", "(2/3)^n",
    "n - n^2", "log(log(n))^(-1)", "1/2*n",
])
def test_round_trip(text: str) -> None:
    expr = P(text)
    assert P(show(expr)) == expr


def test_readable() -> None:
    assert show(P("n ^ (2/3) * log( n )")) == "n^(2/3)*log(n)"
    assert show(P("n - (n - 1)")) == "n - (n - 1)"
    assert str(Quoted(P("sqrt(n)"))) == "sqrt(n)"
