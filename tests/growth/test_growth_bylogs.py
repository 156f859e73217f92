"""Tier 3's first step (`growth.bylogs`): comparing through logarithms with Tier 1.

A generated family of pairs beyond the monomial fragment (c^(n^k), n^(r·log n), n^n,
exp(n^k), 2^(2^n), times monomials, sums of them) is decided both by the logarithm step
and by the exp-log engine: wherever the step answers, the engine must decide the same
order (never o/omega where the engine says Theta or stays undecided), and the step must
settle most of the ladder-type pairs (else it would be a step that never fires)."""

from __future__ import annotations

import random

import pytest

from rcproof.budget import Budget, budget_scope
from rcproof.growth import Order, compare_by_limit, relation_by_limit
from rcproof.growth.bylogs import order_by_logs, smaller, tends_to_infinity
from rcproof.syntax.parser import parse_expr as P

_FACTORS = ["n", "n^2", "n^(1/2)", "log(n)", "log(n)^3", "log(log(n))", "2^n", "3^n",
            "(3/2)^n", "2^(n^2)", "2^(n^(1/2))", "n^log(n)", "n^(2*log(n))", "n^n",
            "exp(n)", "exp(n^2)", "exp(log(n)^2)", "2^(2^n)", "2^(n + 1)", "exp(2*n)",
            "4^n", "n^(n/2)", "3"]


def _random_expr(rng: random.Random) -> str:
    factors = rng.sample(_FACTORS, rng.choice((1, 1, 2, 2, 3)))
    product = "*".join(f"({f})" for f in factors)
    if rng.random() < 0.25:
        product = f"{product} + ({rng.choice(_FACTORS)})"
    return product


def _pairs(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(_random_expr(rng), _random_expr(rng)) for _ in range(count)]


def _engine_order(f: str, g: str) -> str | None:
    from rcproof.growth import explog

    try:
        with budget_scope(Budget(2_000_000)):
            return explog.compare(P(f), P(g)).order.kind
    except Exception:  # undecided, budget: no reference answer for this pair
        return None


@pytest.mark.parametrize("seed", range(4))
def test_agrees_with_the_engine(seed: int) -> None:
    decided = 0
    pairs = _pairs(30, seed)
    for f, g in pairs:
        with budget_scope(Budget(2_000_000)):
            mine = order_by_logs(P(f), P(g))
        if mine is None:
            continue
        decided += 1
        assert _engine_order(f, g) == mine.kind, (f, g, mine)
    assert decided >= len(pairs) // 3, decided


@pytest.mark.parametrize("f, g", [
    ("2^n", "3^n"), ("2^n", "n^n"), ("n^log(n)", "2^n"), ("n^n", "2^(2^n)"),
    ("n^2", "n^log(n)"), ("n^100", "exp(log(n)^2)"), ("3^n", "n^n"),
])
def test_ladder_pairs_are_little_o(f: str, g: str) -> None:
    assert order_by_logs(P(f), P(g)) == Order("o")
    assert order_by_logs(P(g), P(f)) == Order("omega")


@pytest.mark.parametrize("f, g", [
    ("2^(n + 1)", "2^n"),        # log difference → log 2: Theta, not for this step
    ("n^n", "2*n^n"),
    ("4^n", "2^(2*n)"),
    ("-(2^n)", "3^n"),           # not positive: never shown, whatever the logs say
    ("(1 - 2^n)", "3^n"),
    ("0", "2^n"),
    ("n^2", "n^3"),              # in the fragment: Tier 1 itself answers before this step
])
def test_no_answer_outside_the_rule(f: str, g: str) -> None:
    if (f, g) == ("n^2", "n^3"):
        assert order_by_logs(P(f), P(g)) == Order("o")
        return
    assert order_by_logs(P(f), P(g)) is None
    assert order_by_logs(P(g), P(f)) is None


def test_positivity_is_checked_one_level_down() -> None:
    # log(1/2 + 1/n) → log(1/2) < 0: its logarithm does not exist, so no claim about it.
    assert not tends_to_infinity(P("1/2 + 1/n"))
    assert not smaller(P("exp(-n)"), P("exp(-n^2)"))
    assert tends_to_infinity(P("2^(2^n)"))


def test_tier3_uses_the_step_without_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from rcproof.growth import tier3

    def no_engine(*args: object) -> object:
        raise AssertionError("the engine was asked")

    monkeypatch.setattr(tier3, "_engine", no_engine)
    assert relation_by_limit(P("2^n"), P("n^n"), "o") is True
    assert relation_by_limit(P("2^n"), P("n^n"), "~") is False
    assert relation_by_limit(P("2^(2^n)"), P("n^n"), "Omega") is True
    assert compare_by_limit(P("n^log(n)"), P("2^n")) == Order("o")
