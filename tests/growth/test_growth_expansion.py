"""Unit tests of Tier 1 expansions: each operation, each refusal, each reason."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from rcproof.growth import (
    Exps,
    GrowthError,
    NotInFragment,
    NotPositive,
    SignUnknown,
    expand,
    leading,
)
from rcproof.growth.render import show
from rcproof.syntax.parser import parse_expr as P


def E(a: object = 0, b: object = 0, e: object = 0) -> Exps:
    return Exps(F(a), F(b), F(e))  # type: ignore[arg-type]


def lead(text: str) -> tuple[Exps, F | None]:
    g = leading(P(text))
    return g.exps, (g.coef.value if g.coef.is_exact else None)


@pytest.mark.parametrize("text, exps, coef", [
    ("n^2 - n", E(2), F(1)),
    ("(n^2*log(n)^2)^(1/3)", E(F(2, 3), F(2, 3)), F(1)),
    ("log(n^3)", E(0, 1), F(3)),
    ("log(n^2*log(n)^5)", E(0, 1), F(2)),
    ("log(n^(1/2)*log(n)^(-7))", E(0, 1), F(1, 2)),
    ("log(log(n))", E(0, 0, 1), F(1)),
    ("log(log(n)^2)", E(0, 0, 1), F(2)),
    ("max(n, n^2)", E(2), F(1)),
    ("min(n, n^2)", E(1), F(1)),
    ("max(n, 2*n)", E(1), F(2)),
    ("min(3*n, 2*n, n^2)", E(1), F(2)),
    ("sqrt(n^2 + n) - n", E(), F(1, 2)),
    ("n/(n + 1)", E(), F(1)),
    ("(n^3 + n)/(2*n)", E(2), F(1, 2)),
    ("exp(2*log(n))", E(2), F(1)),
    ("exp(log(log(n)))", E(0, 1), F(1)),
    ("exp(log(n)/2 + 3*log(log(n)))", E(F(1, 2), 3), F(1)),
    ("n^(3/2)*log(n)/sqrt(n)", E(1, 1), F(1)),
    ("(n + 1)^(1/2) - n^(1/2)", E(F(-1, 2)), F(1, 2)),
    ("log(n + 1) - log(n)", E(-1), F(1)),
    ("(log(n) + 1)^(1/2) - log(n)^(1/2)", E(0, F(-1, 2)), F(1, 2)),
    ("(n + 1)^3 - n^3", E(2), F(3)),
    ("(n + 1)^100", E(100), F(1)),
    ("1/n", E(-1), F(1)),
    ("n^(-1/2)*log(n)", E(F(-1, 2), 1), F(1)),
    ("n^0", E(), F(1)),
    ("5", E(), F(5)),
    ("log(n*log(log(n)))", E(0, 1), F(1)),
    ("n^2*log(log(n))^(-3)", E(2, 0, -3), F(1)),
    ("exp(1/n)", E(), F(1)),
    ("exp(1/n) - 1", E(-1), F(1)),
    ("n*(exp(1/n) - 1) - 1", E(-1), F(1, 2)),
    ("log(2*n) - log(n)", E(), None),
    ("(n^2 + 1)^(1/2) - n", E(-1), F(1, 2)),
    ("((n^2 + n)^2)^(1/4) - sqrt(n)*sqrt(n)", E(), F(1, 2)),
])
def test_leading(text: str, exps: Exps, coef: F | None) -> None:
    got_exps, got_coef = lead(text)
    assert got_exps == exps
    if coef is not None:
        assert got_coef == coef


def test_inexact_coefficients_are_enclosed() -> None:
    import math

    for text, value in [("sqrt(2)*n", math.sqrt(2)), ("log(2*n) - log(n)", math.log(2)),
                        ("exp(1)*n", math.e), ("n^(1 + 1/log(n))", math.e),
                        ("2^(1/3)*n^2 + n", 2 ** (1 / 3))]:
        c = leading(P(text)).coef
        assert not c.is_exact
        assert c.lo <= F(value) <= c.hi
        assert c.hi - c.lo < F(1, 10**9)


def test_expansion_of_sqrt_keeps_enough_terms() -> None:
    x = expand(P("sqrt(n^2 + n) - n"))
    assert x.terms[0] == (E(), x.terms[0][1]) and x.terms[0][1].value == F(1, 2)
    assert x.terms[1][0] == E(-1) and x.terms[1][1].value == F(-1, 8)
    assert x.err is not None and x.err < E(-1)


def test_exact_cancellation_is_exact() -> None:
    x = expand(P("(n + 1)^2 - n^2 - 2*n"))
    assert x.err is None
    assert [(m, c.value) for m, c in x.terms] == [(E(), F(1))]


def test_error_term_is_below_every_term() -> None:
    for text in ["sqrt(n^2+n)", "log(n+1)", "exp(1/n)*n", "(n+log(n))^(1/3)", "(n+1)^50",
                 "log(n*log(log(n)))"]:
        x = expand(P(text))
        assert x.err is not None
        assert all(m > x.err for m, _ in x.terms)
        assert list(x.terms) == sorted(x.terms, key=lambda t: t[0], reverse=True)


@pytest.mark.parametrize("text, kind, words", [
    ("n - n^2", NotPositive, "n - n^2 is eventually negative"),
    ("n - n", NotPositive, "n - n is identically zero"),
    ("1/0", NotPositive, "division by zero"),
    ("1/(n - n)", NotPositive, "division by zero"),
    ("log(0)", NotPositive, "log of zero"),
    ("log(1/n)", NotPositive, "log(1/n) is eventually negative"),
    ("sqrt(-n)", NotPositive, "-n is eventually negative"),
    ("log(n - n^2)", NotPositive, "eventually negative"),
    ("-n", NotPositive, "eventually negative"),
    ("log(1 - 2)", NotPositive, "negative"),
    ("2^(1/2)*2^(1/2)*n - 2*n", SignUnknown, "cannot determine the sign"),
    ("log(2*n) - log(n) - log(2)", SignUnknown, "cannot determine the sign"),
    ("n*log(n*log(log(n))) - n*log(n)", SignUnknown, "cannot determine the sign"),
    ("2^n", NotInFragment, "outside the growth-monomial fragment"),
    ("n^(log(n))", NotInFragment, "outside the growth-monomial fragment"),
    ("exp(n)", NotInFragment, "outside"),
    ("exp(-n)", NotInFragment, "outside"),
    ("exp(sqrt(log(n)))", NotInFragment, "outside"),
    ("exp(log(n)*log(log(n)))", NotInFragment, "outside"),
    ("exp(sqrt(log(log(n))))", NotInFragment, "outside"),
    ("n^(log(2))", NotInFragment, "irrational"),
    ("log(log(log(n)))", NotInFragment, "log log log n"),
    ("exp(log(n*log(log(n))))", NotInFragment, "only known up to"),
    ("m^2", NotInFragment, "'m' must be substituted"),
    ("size(n)", NotInFragment, "'size' must be substituted"),
    ("log(n, 2)", NotInFragment, "exactly one argument"),
    ("exp(1000)*n", NotInFragment, "too large"),
])
def test_refusals_have_reasons(text: str, kind: type[GrowthError], words: str) -> None:
    with pytest.raises(kind) as info:
        leading(P(text))
    assert words in info.value.reason
    assert str(info.value) == info.value.reason


def test_max_of_equal_leading_terms_uses_a_coefficient_hull() -> None:
    g = leading(P("max(sqrt(2)*n + 1, sqrt(2)*n + log(n))"))
    assert g.exps == E(1)
    assert g.coef.lo <= F(1.41421356) <= g.coef.hi
    g2 = leading(P("max(n*log(2)*2, n*log(4))"))  # undecidable by intervals
    assert g2.exps == E(1) and g2.coef.lo <= F(1.3862943) <= g2.coef.hi


def test_growth_to_expr_and_str() -> None:
    assert show(leading(P("(n^2*log(n)^2)^(1/3)")).to_expr()) == "n^(2/3)*log(n)^(2/3)"
    assert str(leading(P("3*n*log(log(n))^(-1)"))) == "3*n*log(log(n))^-1"
    assert str(leading(P("7"))) == "7"
    assert str(leading(P("1/n"))) == "n^-1"
    g = leading(P("sqrt(2)*n"))
    assert show(g.to_expr()) == "n" and str(g).startswith("≈1.41421")
    # the AST round-trips through the parser to the same growth
    for text in ["n^(2/3)*log(n)^(2/3)", "3*n*log(log(n))^(-1)", "1/2*n^(-1/2)"]:
        g = leading(P(text))
        assert leading(g.to_expr()) == g


def test_big_exponents_are_fine() -> None:
    assert lead("n^(10^100)")[0] == E(10**100)
    assert lead("(n^2 + n)^1000")[0] == E(2000)
    assert lead("2^100*n")[1] == 2**100
