"""Unit tests of Tier 1 expansions: each operation, each refusal, each reason."""

from __future__ import annotations

import math
from fractions import Fraction as Q

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rcproof.growth import (
    Exps,
    GrowthError,
    NotInFragment,
    NotPositive,
    SignUnknown,
    expand,
    leading,
)
from rcproof.growth.monomial import monomial
from rcproof.growth.render import show
from rcproof.syntax.parser import parse_expr as P


def ex(a: object = 0, b: object = 0, e: object = 0) -> Exps:
    return Exps(Q(a), Q(b), Q(e))  # type: ignore[arg-type]


def lead(text: str) -> tuple[Exps, Q | None]:
    g = leading(P(text))
    return g.exps, (g.coef.value if g.coef.is_exact else None)


@pytest.mark.parametrize("text, exps, coef", [
    ("n^2 - n", ex(2), Q(1)),
    ("(n^2*log(n)^2)^(1/3)", ex(Q(2, 3), Q(2, 3)), Q(1)),
    ("log(n^3)", ex(0, 1), Q(3)),
    ("log(n^2*log(n)^5)", ex(0, 1), Q(2)),
    ("log(n^(1/2)*log(n)^(-7))", ex(0, 1), Q(1, 2)),
    ("log(log(n))", ex(0, 0, 1), Q(1)),
    ("log(log(n)^2)", ex(0, 0, 1), Q(2)),
    ("max(n, n^2)", ex(2), Q(1)),
    ("min(n, n^2)", ex(1), Q(1)),
    ("max(n, 2*n)", ex(1), Q(2)),
    ("min(3*n, 2*n, n^2)", ex(1), Q(2)),
    ("sqrt(n^2 + n) - n", ex(), Q(1, 2)),
    ("n/(n + 1)", ex(), Q(1)),
    ("(n^3 + n)/(2*n)", ex(2), Q(1, 2)),
    ("exp(2*log(n))", ex(2), Q(1)),
    ("exp(log(log(n)))", ex(0, 1), Q(1)),
    ("exp(log(n)/2 + 3*log(log(n)))", ex(Q(1, 2), 3), Q(1)),
    ("n^(3/2)*log(n)/sqrt(n)", ex(1, 1), Q(1)),
    ("(n + 1)^(1/2) - n^(1/2)", ex(Q(-1, 2)), Q(1, 2)),
    ("log(n + 1) - log(n)", ex(-1), Q(1)),
    ("(log(n) + 1)^(1/2) - log(n)^(1/2)", ex(0, Q(-1, 2)), Q(1, 2)),
    ("(n + 1)^3 - n^3", ex(2), Q(3)),
    ("(n + 1)^100", ex(100), Q(1)),
    ("1/n", ex(-1), Q(1)),
    ("n^(-1/2)*log(n)", ex(Q(-1, 2), 1), Q(1)),
    ("n^0", ex(), Q(1)),
    ("5", ex(), Q(5)),
    ("log(n*log(log(n)))", ex(0, 1), Q(1)),
    ("n^2*log(log(n))^(-3)", ex(2, 0, -3), Q(1)),
    ("exp(1/n)", ex(), Q(1)),
    ("exp(1/n) - 1", ex(-1), Q(1)),
    ("n*(exp(1/n) - 1) - 1", ex(-1), Q(1, 2)),
    ("log(2*n) - log(n)", ex(), None),
    ("(n^2 + 1)^(1/2) - n", ex(-1), Q(1, 2)),
    ("((n^2 + n)^2)^(1/4) - sqrt(n)*sqrt(n)", ex(), Q(1, 2)),
])
def test_leading(text: str, exps: Exps, coef: Q | None) -> None:
    got_exps, got_coef = lead(text)
    assert got_exps == exps
    if coef is not None:
        assert got_coef == coef


def test_inexact_coefficients_are_enclosed() -> None:
    for text, value in [("sqrt(2)*n", math.sqrt(2)), ("log(2*n) - log(n)", math.log(2)),
                        ("exp(1)*n", math.e), ("n^(1 + 1/log(n))", math.e),
                        ("2^(1/3)*n^2 + n", 2 ** (1 / 3))]:
        c = leading(P(text)).coef
        assert not c.is_exact
        assert c.lo <= Q(value) <= c.hi
        assert c.hi - c.lo < Q(1, 10**9)


def test_expansion_of_sqrt_keeps_enough_terms() -> None:
    x = expand(P("sqrt(n^2 + n) - n"))
    assert x.terms[0] == (ex(), x.terms[0][1]) and x.terms[0][1].value == Q(1, 2)
    assert x.terms[1][0] == ex(-1) and x.terms[1][1].value == Q(-1, 8)
    assert x.err is not None and x.err < ex(-1)


def test_exact_cancellation_is_exact() -> None:
    x = expand(P("(n + 1)^2 - n^2 - 2*n"))
    assert x.err is None
    assert [(m, c.value) for m, c in x.terms] == [(ex(), Q(1))]


def test_error_term_is_below_every_term() -> None:
    for text in ["sqrt(n^2+n)", "log(n+1)", "exp(1/n)*n", "(n+log(n))^(1/3)", "(n+1)^50",
                 "log(n*log(log(n)))"]:
        x = expand(P(text))
        assert x.err is not None
        assert all(m > x.err for m, _ in x.terms)
        assert list(x.terms) == sorted(x.terms, key=lambda t: t[0], reverse=True)


@pytest.mark.parametrize("text, kind, words", [
    ("n - n^2", NotPositive, "n - n² is eventually negative"),
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
    ("n^(log(2)*log(3))", NotInFragment, "irrational"),
    ("log(log(log(n)))", NotInFragment, "log log log n"),
    ("exp(log(n*log(log(n)))*log(2))", NotInFragment, "only known up to"),
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
    assert g.exps == ex(1)
    assert g.coef.lo <= Q(2 ** 0.5) <= g.coef.hi
    g2 = leading(P("max(n*log(2)*2, n*log(4))"))  # undecidable by intervals
    assert g2.exps == ex(1) and g2.coef.lo <= Q(math.log(4)) <= g2.coef.hi


def test_growth_to_expr_and_str() -> None:
    assert show(leading(P("(n^2*log(n)^2)^(1/3)")).to_expr()) == "n^(2/3)·log(n)^(2/3)"
    assert str(leading(P("3*n*log(log(n))^(-1)"))) == "3·n·log(log(n))^(-1)"
    assert str(leading(P("7"))) == "7"
    assert str(leading(P("1/n"))) == "n^(-1)"
    g = leading(P("sqrt(2)*n"))
    assert show(g.to_expr()) == "n" and str(g).startswith("≈1.41421")
    # the AST round-trips through the parser to the same growth
    for text in ["n^(2/3)*log(n)^(2/3)", "3*n*log(log(n))^(-1)", "1/2*n^(-1/2)"]:
        g = leading(P(text))
        assert leading(g.to_expr()) == g


def test_big_exponents_are_fine() -> None:
    assert lead("n^(10^100)")[0] == ex(10**100)
    assert lead("(n^2 + n)^1000")[0] == ex(2000)
    assert lead("2^100*n")[1] == 2**100


# ---- the single-monomial fast path agrees with the full expansion -------------------

_leaves = st.sampled_from(["n", "log(n)", "log(log(n))", "2", "3/2", "n^(1/3)", "log(n)^(-2)"])


def _grow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    exps = st.sampled_from(["2", "1/2", "-1", "3/4", "-2/3", "0"])
    return st.one_of(
        st.builds(lambda a, b: f"({a})*({b})", children, children),
        st.builds(lambda a, b: f"({a})/({b})", children, children),
        st.builds(lambda a, r: f"({a})^({r})", children, exps),
        st.builds(lambda a: f"sqrt({a})", children),
        st.builds(lambda a: f"log({a})", children),
        st.builds(lambda a: f"exp(log({a}))", children),
        st.builds(lambda a: f"-({a})", children),
    )


@settings(max_examples=300, deadline=None)
@given(st.recursive(_leaves, _grow, max_leaves=6))
def test_fast_path_agrees_with_expansion(text: str) -> None:
    expr = P(text)
    mono = monomial(expr)
    try:
        full = expand(expr)
    except GrowthError:
        full = None
    if mono is None:
        return
    c, m = mono
    if c == 0:
        assert full is not None and full.is_zero()
        return
    assert full is not None, text
    assert full.err is None and len(full.terms) == 1, text
    (fm, fc), = full.terms
    assert fm == m and fc.is_exact and fc.value == c, text
