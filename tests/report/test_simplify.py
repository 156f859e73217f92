"""The display simplifier is exact (Θ-preserving in Θ mode): a property over generated
expressions, checked by the growth algebra and by interval evaluation; and the issue's
examples print in normal form."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rcproof import growth
from rcproof.report.simplify import tidy, tidy_prop
from rcproof.report.text import show
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr, parse_prop

N = A.Name("n")

# ---- a generated corpus of ground expressions (positive for large n) -------------------

_consts = st.sampled_from([Fraction(1), Fraction(2), Fraction(3), Fraction(1, 2),
                           Fraction(2, 3), Fraction(5, 4)]).map(A.Num)
_exps = st.sampled_from([Fraction(1), Fraction(2), Fraction(1, 3), Fraction(-1, 2),
                         Fraction(3, 2), Fraction(0)]).map(A.Num)


def _extend(inner: st.SearchStrategy[A.Expr]) -> st.SearchStrategy[A.Expr]:
    return st.one_of(
        st.tuples(inner, inner).map(lambda p: A.BinOp("+", *p)),
        st.tuples(inner, inner).map(lambda p: A.BinOp("*", *p)),
        st.tuples(inner, inner).map(lambda p: A.BinOp("/", *p)),
        st.tuples(inner, _exps).map(lambda p: A.BinOp("^", *p)),
        inner.map(lambda x: A.Call("log", (A.BinOp("+", x, A.Num(Fraction(1))),))),
        inner.map(lambda x: A.Call("sqrt", (x,))),
        st.tuples(inner, inner).map(lambda p: A.Call("max", p)),
    )


EXPRS = st.recursive(st.one_of(st.just(N), _consts,
                               st.just(A.Call("log", (N,))),
                               st.just(A.Call("log", (A.Num(Fraction(1)),)))),
                     _extend, max_leaves=7)


def _order(f: A.Expr, g: A.Expr) -> growth.Order | None:
    try:
        return growth.compare(f, g)
    except (growth.GrowthError, ArithmeticError):
        return None


def _value(e: A.Expr, x: int) -> object:
    from mpmath import iv

    from rcproof.growth.numeric import NumericFailure, evaluate

    iv.prec = 80
    try:
        return evaluate(e, iv.mpf(x), iv)
    except (NumericFailure, ValueError, ZeroDivisionError):
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPRS)
def test_exact_mode_is_asymptotically_equal(e: A.Expr) -> None:
    """tidy(e) ~ e by the growth algebra (the ratio's interval holds 1 where a constant
    such as log 2 makes it inexact), and they agree at sample points."""
    order = _order(e, tidy(e))
    assume(order is not None)
    assert order is not None and growth.holds(order, "~") is not False, (show(e),
                                                                          show(tidy(e)))
    for x in (3, 50):
        a, b = _value(e, x), _value(tidy(e), x)
        if a is not None and b is not None:
            assert a.a <= b.b + 1e-9 and b.a <= a.b + 1e-9, (show(e), x)  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EXPRS)
def test_theta_mode_is_theta_equal(e: A.Expr) -> None:
    order = _order(e, tidy(e, theta=True))
    assume(order is not None)
    assert order is not None and order.kind == "Theta", (show(e), show(tidy(e, theta=True)))


@settings(max_examples=100, deadline=None)
@given(EXPRS)
def test_theta_mode_has_no_constant_factor(e: A.Expr) -> None:
    """No numeric coefficient survives inside Θ (the leading term's is dropped)."""
    assume(_order(e, e) is not None)
    out = tidy(e, theta=True)
    assert not (isinstance(out, A.BinOp) and out.op in "*/"
                and isinstance(out.left, A.Num) and out.left.value != 1), show(out)


# ---- the issue's examples ---------------------------------------------------------------

EXAMPLES = [  # (input, exact, Θ)
    ("n + log(1)", "n", "n"),
    ("n/n^(1/3) + log(n^(1/3))", "n^(2/3) + log(n)/3", "n^(2/3)"),
    ("n*log(n + n)", "n·log(2·n)", "n·log(n)"),
    ("2*n", "2·n", "n"),
    ("(n + n)^(1/3)", "2^(1/3)·n^(1/3)", "n^(1/3)"),
    ("(n^(2/3))^3", "n²", "n²"),
    ("(n^(1/(d-1)))^(d-1)", "n", "n"),
    ("(n^(4/5))^(5/2 - 1)", "n^(6/5)", "n^(6/5)"),
    ("2*f*3", "6·f", "f"),
    ("L * H * (n^2 * w + n * w^2)", "L·H·(n²·w + n·w²)", "L·H·(n²·w + n·w²)"),
]


@pytest.mark.parametrize(("text", "exact", "theta"), EXAMPLES)
def test_issue_examples(text: str, exact: str, theta: str) -> None:
    e = parse_expr(text, "x")
    assert show(tidy(e)) == exact
    assert show(tidy(e, theta=True)) == theta


def test_tidy_prop_simplifies_landau_arguments_only() -> None:
    p = parse_prop("size(F) + 0 = Theta(2*n + n)", "x")
    assert show(tidy_prop(p)) == "size(F) = Θ(n)"


# ---- beyond the monomial fragment: exponentials, checked by sympy's limit ---------------

_GROWING = st.sampled_from(["n", "log(n)", "sqrt(n)", "n^2"]).map(parse_expr)
_BASES = st.sampled_from(["2", "3", "1/2", "n + 1", "n + sqrt(n)", "2*n", "log(n) + 1"]
                         ).map(parse_expr)


def _exp_log() -> st.SearchStrategy[A.Expr]:
    power = st.tuples(_BASES, _GROWING).map(lambda p: A.BinOp("^", *p))
    factor = st.one_of(power, _GROWING, _consts, st.just(parse_expr("exp(n)")))
    return st.lists(factor, min_size=1, max_size=3).map(
        lambda fs: fs[0] if len(fs) == 1 else A.BinOp("*", fs[0], fs[1]) if len(fs) == 2
        else A.BinOp("*", A.BinOp("*", fs[0], fs[1]), fs[2]))


def _ratio_limit(f: A.Expr, g: A.Expr) -> object:
    import sympy

    from rcproof.growth import to_sympy

    n = sympy.Symbol("n", positive=True)
    return sympy.limit(sympy.simplify(to_sympy(f) / to_sympy(g)), n, sympy.oo)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_exp_log())
def test_exp_log_theta_mode_is_theta_equal(e: A.Expr) -> None:
    """Θ mode keeps a constant base whose exponent grows (2^n is not Θ(1)), and never
    replaces the base of a growing power by its Θ-class ((n + √n)^n is not Θ(n^n))."""
    import sympy

    out = tidy(e, theta=True)
    if out == e:
        return
    limit = _ratio_limit(e, out)
    assert limit.is_finite and limit.is_positive, (show(e), show(out), limit)  # type: ignore[attr-defined]
    exact = tidy(e)
    if exact != e:
        assert sympy.simplify(_ratio_limit(e, exact) - 1) == 0, (show(e), show(exact))


@pytest.mark.parametrize(("text", "theta"), [
    ("3^n", "3^n"), ("2^(2^n)", "2^(2^n)"), ("n^log(n)", "n^log(n)"),
    ("(n + sqrt(n))^n", "(n + √n)^n"), ("3*exp(n)", "exp(n)"), ("2^(1/3)*n", "n")])
def test_exponentials_keep_their_base(text: str, theta: str) -> None:
    assert show(tidy(parse_expr(text, "x"), theta=True)) == theta
