"""Tier 3: the growth ladder and the issue-15 examples through the exp-log engine."""

from __future__ import annotations

import itertools

import pytest

from rcproof.budget import Budget, budget_scope
from rcproof.growth import (
    Coef,
    Order,
    compare_by_limit,
    relation_by_limit,
    to_sympy,
)
from rcproof.growth.errors import NotInFragment
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


# Issue 15: (f, relation, g, verdict). The first group was *wrong* under sympy's limit.
ISSUE_15 = [
    ("(n^(1+1/n) - n)*exp(exp(n))", "omega", "log(n)*exp(exp(n))", False),
    ("(n^(1+1/n) - n)*exp(exp(n))", "O", "log(n)*exp(exp(n))", True),
    ("(n^(1+1/n) - n)*exp(exp(n))", "~", "log(n)*exp(exp(n))", True),
    ("(n^(2+1/n) - n^2)*exp(exp(n))", "~", "n*log(n)*exp(exp(n))", True),
    ("(n^(2+1/n) - n^2)*exp(exp(n))", "omega", "n*log(n)*exp(exp(n))", False),
    ("(n^(1+1/n) - n)*2^(2^n)", "~", "log(n)*2^(2^n)", True),
    ("(n^(1+1/n) - n)*2^(2^n)", "omega", "log(n)*2^(2^n)", False),
    ("(n^(1+1/n) - n)*(exp(n) + n)", "~", "log(n)*(exp(n) + n)", True),
    ("(n^(2+1/n) - n^2)*(exp(n) + n)", "Theta", "n*log(n)*(exp(n) + n)", True),
    # unknown before, decided by any serious engine
    ("log(exp(n) + 1)", "Theta", "n", True),
    ("2^(n+1) - 2^n", "Theta", "2^n", True),
    ("exp(n) - exp(n-1)", "Theta", "exp(n)", True),
    ("exp(n) - exp(n-1)", "~", "exp(n)", False),
    ("log(2^n + 3^n)", "Theta", "n", True),
    ("max(2^n, n^100)", "Theta", "2^n", True),
    ("(1 + 1/n)^n", "~", "exp(1)", True),
    ("n^(1/log(n))", "~", "exp(1)", True),
    ("2*n*exp(n)", "~", "n*exp(n)*2", True),
    ("exp(n + 1000)", "~", "exp(n)", False),
    ("exp(n + 1000)", "Theta", "exp(n)", True),
    ("(1 + 3/n)^n", "~", "exp(3)", True),
    ("(1 + 3/n)^n", "~", "exp(2)", False),
]


@pytest.mark.parametrize("f, rel, g, verdict", ISSUE_15)
def test_issue_15_examples(f: str, rel: str, g: str, verdict: bool) -> None:
    assert relation_by_limit(P(f), P(g), rel) is verdict


def test_tier1_answers_are_returned_directly() -> None:
    assert compare_by_limit(P("n^2 + n"), P("n^2")) == compare_by_limit(P("n^2"), P("n^2"))
    assert compare_by_limit(P("n"), P("n^2")) == Order("o")


def test_unknown_reasons_are_strings() -> None:
    assert "eventually negative" in str(compare_by_limit(P("n - n^2"), P("n")))
    assert "identically zero" in str(compare_by_limit(P("n - n"), P("n")))
    assert "'m' must be substituted" in str(compare_by_limit(P("2^m"), P("n")))
    assert "eventually negative" in str(compare_by_limit(P("2^n - 3^n"), P("n")))
    assert "not an exp-log function" in str(compare_by_limit(P("factorial(n)"), P("2^n")))


def test_budget_exhaustion_is_reported_in_work_units() -> None:
    with budget_scope(Budget(50)):
        result = compare_by_limit(P("2^n + n^n"), P("n^n + 3^n"))
    assert isinstance(result, str) and "budget exhausted (50 work units)" in result


def test_budget_without_a_theorem_scope_scales_with_budget_seconds() -> None:
    small = compare_by_limit(P("2^n + n^n"), P("n^n + 3^n"), budget_seconds=1e-6)
    assert isinstance(small, str) and "budget exhausted" in small
    assert compare_by_limit(P("2^n + n^n"), P("n^n + 3^n")) == Order("Theta", Coef.exact(1))


def test_sympy_is_never_consulted(monkeypatch: pytest.MonkeyPatch) -> None:
    import sympy

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("sympy.limit must stay off the verdict path")

    monkeypatch.setattr(sympy, "limit", never)
    assert compare_by_limit(P("2^n + n"), P("2^n")) == Order("Theta", Coef.exact(1))
    assert relation_by_limit(P("2^n + n"), P("2^n"), "~") is True


def test_to_sympy() -> None:
    import sympy

    n = sympy.Symbol("n", positive=True)
    expected = sympy.sqrt(n) * sympy.log(n) - sympy.Max(n, 2)
    assert to_sympy(P("n^(1/2)*log(n) - max(n, 2)")) == expected
    with pytest.raises(NotInFragment):
        to_sympy(P("m + 1"))


def test_negative_side_is_never_compared_by_limit() -> None:
    result = compare_by_limit(P("2^(-n)"), P("-n"))
    assert isinstance(result, str) and "negative" in result
    result = compare_by_limit(P("n^3 - 2^n"), P("n"))
    assert isinstance(result, str)


def _ladder_step(pair: tuple[str, str]) -> str:
    return str(compare_by_limit(P(pair[0]), P(pair[1])))


def test_tier3_runs_inside_daemonic_pool_workers() -> None:
    """`--jobs` workers are daemonic; the engine runs in-process, so they can use it."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.map(_ladder_step, [("n^n", "2^(2^n)"), ("2^n + n", "2^n")]) == [
            "o", "Theta (f/g -> 1)"]
