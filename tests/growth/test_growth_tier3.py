"""Tier 3: the growth ladder, log rewrites, sympy in a killable child, cross-checks."""

from __future__ import annotations

import itertools
import time
from fractions import Fraction
from typing import Any

import pytest

from rcproof.growth import Order, compare_by_limit, compare_by_log_rewrite, tier3, to_sympy
from rcproof.growth.errors import NotInFragment
from rcproof.growth.numeric import log_ratio_points, trend_verdict
from rcproof.growth.positivity import eventually_positive
from rcproof.syntax.parser import parse_expr as P

LADDER = ["1", "log(log(n))", "log(n)", "n^(1/2)", "n^2", "n^(log(n))", "2^n", "n^n",
          "2^(2^n)"]
ADJACENT = list(itertools.pairwise(LADDER))
FAR = [("n^2", "2^(2^n)"), ("log(n)", "n^n"), ("n^(1/2)", "2^n"), ("1", "n^(log(n))"),
       ("n^(log(n))", "2^(2^n)")]


@pytest.mark.parametrize("f, g", ADJACENT + FAR)
def test_ladder_is_little_o(f: str, g: str) -> None:
    order = compare_by_limit(P(f), P(g))
    assert isinstance(order, Order) and order.kind == "o", order
    reverse = compare_by_limit(P(g), P(f))
    assert isinstance(reverse, Order) and reverse.kind == "omega", reverse


@pytest.mark.parametrize("f, g, kind", [
    ("3^n", "2^n", "omega"),
    ("2^n*n", "2^n", "omega"),
    ("exp(sqrt(log(n)))", "log(n)^5", "omega"),
    ("exp(sqrt(log(n)))", "n^(1/100)", "o"),
    ("n^n", "2*n^n", "Theta"),
    ("2^(n + 1)", "2^n", "Theta"),
    ("n^(log(log(n)))", "n^5", "omega"),
])
def test_out_of_fragment_comparisons(f: str, g: str, kind: str) -> None:
    order = compare_by_limit(P(f), P(g))
    assert isinstance(order, Order) and order.kind == kind, order


def test_log_rewrite_alone_is_tier1_based() -> None:
    assert compare_by_log_rewrite(P("n^n"), P("2^(2^n)")) == Order("o")
    assert compare_by_log_rewrite(P("2^n"), P("n^(log(n))")) == Order("omega")
    theta = compare_by_log_rewrite(P("n^n"), P("2*n^n"))
    assert theta is not None and theta.kind == "Theta" and theta.ratio is not None
    assert theta.ratio.lo <= 0.5 <= theta.ratio.hi
    assert compare_by_log_rewrite(P("2^n + n"), P("2^n")) is None  # log of a sum: undecided
    assert compare_by_log_rewrite(P("-(2^n)"), P("n")) is None  # never a log of a negative


def test_tier1_answers_are_returned_directly() -> None:
    assert compare_by_limit(P("n^2 + n"), P("n^2")) == compare_by_limit(P("n^2"), P("n^2"))
    assert compare_by_limit(P("n"), P("n^2")) == Order("o")


def test_unknown_reasons_are_strings() -> None:
    assert "eventually negative" in str(compare_by_limit(P("n - n^2"), P("n")))
    assert "identically zero" in str(compare_by_limit(P("n - n"), P("n")))
    assert "'m' must be substituted" in str(compare_by_limit(P("2^m"), P("n")))


def test_budget_exhaustion_is_reported() -> None:
    start = time.monotonic()
    result = compare_by_limit(P("2^n + n^n"), P("n^n + 3^n"), budget_seconds=0.05)
    assert isinstance(result, str) and "budget exhausted in Tier 3 (0.05 s)" in result
    assert time.monotonic() - start < 5


def _hang(conn: Any, f: Any, g: Any) -> None:
    time.sleep(60)


def test_hanging_child_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tier3, "_worker", _hang)
    start = time.monotonic()
    assert tier3._run_limit(P("n"), P("n"), 0.3) == (None, "insufficient")
    assert time.monotonic() - start < 5


def test_log_rewrite_is_preferred_to_sympy(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> None:
        raise AssertionError("sympy must not be consulted when the log rewrite decides")

    monkeypatch.setattr(tier3, "_run_limit", never)
    assert compare_by_limit(P("2^n"), P("n^n")) == Order("o")


def test_numeric_veto_gives_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tier3, "_run_limit", lambda f, g, s: (("o",), "disagree"))
    result = compare_by_limit(P("2^n + n"), P("2^n"))
    assert isinstance(result, str) and "numeric" in result
    monkeypatch.setattr(tier3, "_run_limit", lambda f, g, s: (("Theta", "1", "1"), "agree"))
    assert compare_by_limit(P("2^n + n"), P("2^n")) == Order("Theta", tier3.Coef.exact(1))


def test_sympy_failure_falls_back_to_the_rewrite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tier3, "_run_limit", lambda f, g, s: (None, "insufficient"))
    assert compare_by_limit(P("2^n"), P("n^n")) == Order("o")


def test_limit_messages() -> None:
    import sympy

    assert tier3._limit_message(sympy.Integer(0)) == ("o",)
    assert tier3._limit_message(sympy.oo) == ("omega",)
    assert tier3._limit_message(sympy.Rational(3, 2)) == ("Theta", "3/2", "3/2")
    kind, lo, hi = tier3._limit_message(sympy.E)
    e = Fraction(str(sympy.E.evalf(60)))
    assert kind == "Theta" and Fraction(lo) < e < Fraction(hi)
    assert tier3._limit_message(-sympy.oo)[0] == "unknown"
    assert tier3._limit_message(sympy.Integer(-2))[0] == "unknown"
    assert tier3._limit_message(sympy.AccumBounds(-1, 1))[0] == "unknown"


def test_numeric_trend() -> None:
    pts = list(log_ratio_points(P("n^2*log(n)^100"), P("n^(201/100)")))
    assert trend_verdict(pts, "o", None) == "agree"
    assert trend_verdict(pts, "omega", None) == "disagree"
    pts = list(log_ratio_points(P("2*n + log(n)"), P("n")))
    assert trend_verdict(pts, "Theta", 0.6931) == "agree"
    assert trend_verdict(pts, "Theta", 0.0) == "disagree"
    assert trend_verdict(pts[:2], "o", None) == "insufficient"
    # cancellation at huge magnitudes is detected, never trusted
    assert list(log_ratio_points(P("2^(2^n)"), P("2^(2^n)*n"))) == []


def test_to_sympy() -> None:
    import sympy

    n = sympy.Symbol("n", positive=True)
    expected = sympy.sqrt(n) * sympy.log(n) - sympy.Max(n, 2)
    assert to_sympy(P("n^(1/2)*log(n) - max(n, 2)")) == expected
    with pytest.raises(NotInFragment):
        to_sympy(P("m + 1"))


@pytest.mark.parametrize("text, expected", [
    ("2^n + n", True), ("2^n - n^3", True), ("n^3 - 2^n", False), ("log(2^n)", True),
    ("-(2^n)", False), ("log(1/2)", False), ("n - n^2", False), ("n^2 - n", True),
    ("max(-n, 2^n)", True), ("min(-n, 2^n)", False), ("exp(n) - exp(n)", False),
    ("sqrt(2^n)", True), ("factorial(n)", True), ("m", False),
])
def test_eventual_positivity(text: str, expected: bool) -> None:
    assert eventually_positive(P(text)) is expected


def test_negative_side_is_never_compared_by_limit() -> None:
    result = compare_by_limit(P("2^(-n)"), P("-n"))
    assert isinstance(result, str) and "eventually positive" in result
    result = compare_by_limit(P("n^3 - 2^n"), P("n"))
    assert isinstance(result, str)


def _ladder_step(pair: tuple[str, str]) -> str:
    return str(compare_by_limit(P(pair[0]), P(pair[1])))


def test_tier3_runs_inside_daemonic_pool_workers() -> None:
    """`--jobs` workers are daemonic; multiprocessing forbids them children, os.fork does not."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.map(_ladder_step, [("n^n", "2^(2^n)"), ("2^n + n", "2^n")]) == [
            "o", "Theta (f/g -> 1)"]
