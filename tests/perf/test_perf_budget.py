"""Work budgets (issue 13): every long path spends from one budget per theorem, and an
exhausted budget is an `unknown` naming it, never a proof, never cached."""

from __future__ import annotations

import sqlite3
from fractions import Fraction
from pathlib import Path

import pytest
import z3

from rcproof import budget, cache
from rcproof.elaborate.loader import load_program
from rcproof.growth import certificate, check_certificate, coef
from rcproof.growth import check as checker
from rcproof.prover.run import Session, work_units
from rcproof.smt import budget as smt_budget
from rcproof.syntax.parser import parse_expr

ROOTS = [(k, q) for q in (2, 3, 5, 7, 31, 64, 10**3, 10**9, 10**18)
         for k in (0, 1, 2, 3, 8, 10**6, 2**61 - 1, 3**40, 7**25)]


@pytest.mark.parametrize(("k", "q"), ROOTS)
def test_exact_roots_are_exact_and_never_form_huge_powers(k: int, q: int) -> None:
    for root in (checker._root, coef._iroot):
        r = root(k, q)
        if r is not None:
            assert r ** q == k
        elif q <= 64:  # no integer x with x^q = k: check the neighbours of the float root
            guess = round(k ** (1 / q))
            assert all(x ** q != k for x in range(max(0, guess - 2), guess + 3))
        else:  # q > bits(k) for every k here: only 0 and 1 have integer roots
            assert k >= 2


@pytest.mark.parametrize("k", [1, 3, 6, 9])
@pytest.mark.parametrize("rel", ["omega", "Omega"])
def test_tiny_exponents_get_checked_certificates(k: int, rel: str) -> None:
    f, g = parse_expr(f"n^(1/10^{k})"), parse_expr("1")
    with budget.budget_scope(budget.Budget(budget.DEFAULT_UNITS)):
        cert = certificate(f, g, rel)
    assert cert is not None and check_certificate(f, g, cert)


def _sum(terms: int) -> str:
    return " + ".join(f"{i} * n^({i}/{terms})" for i in range(1, terms + 1))


@pytest.mark.parametrize("terms", [50, 200, 400])  # 2,000: the hang guard (deep stack)
def test_certificate_search_keeps_to_its_share(terms: int) -> None:
    """The N0 search takes at most half of what is left; a long sum cannot exhaust the
    theorem through its certificate (the certificate is then absent)."""
    f, g = parse_expr(_sum(terms)), parse_expr("n")
    units = 200_000
    with budget.budget_scope(budget.Budget(units)) as b:
        cert = certificate(f, g, "Theta")
        assert b.spent <= units // 2
    assert cert is None or check_certificate(f, g, cert)


def _hard_solver() -> z3.Solver:
    ctx = z3.Context()
    x, y, z = z3.Reals("x y z", ctx)
    solver = z3.Solver(ctx=ctx)
    solver.add(x * x * y + y * y * z > 7, x * y * z < 1, x + y + z > 3, x * x + z * z < 2)
    return solver


def _needed() -> tuple[z3.CheckSatResult, int]:
    with budget.budget_scope(budget.Budget(None)) as b:
        result = smt_budget.check(_hard_solver())
    return result, b.spent


@pytest.mark.parametrize("fraction", [Fraction(1, 100), Fraction(1, 10), Fraction(1, 2),
                                      Fraction(9, 10)])
def test_z3_queries_get_at_most_what_is_left(fraction: Fraction) -> None:
    _, needed = _needed()
    assert needed > 100
    units = int(needed * fraction)
    with budget.budget_scope(budget.Budget(units)) as b, \
            pytest.raises(budget.BudgetExhausted) as err:
        smt_budget.check(_hard_solver())
    assert "z3" in err.value.reason and b.spent > units


@pytest.mark.parametrize("factor", [1, 2, 10])
def test_z3_query_within_budget_answers_the_same(factor: int) -> None:
    result, needed = _needed()
    with budget.budget_scope(budget.Budget(needed * factor)):
        assert smt_budget.check(_hard_solver()) == result


def test_z3_spends_what_the_query_used() -> None:
    """z3's rlimit counter counts per context; the query is charged its increase."""
    with budget.budget_scope(budget.Budget(None)) as b:
        solver = _hard_solver()
        before = int(solver.statistics().get_key_value("rlimit count"))
        smt_budget.check(solver)
        after = int(solver.statistics().get_key_value("rlimit count"))
    assert b.spent == after - before > 0


def _generated(tmp_path: Path, count: int) -> Path:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from library import generate

    return generate(tmp_path / "lib", count=count, files=1, seed=7)[0]


def test_exhausted_budget_is_unknown_naming_it_and_not_cached(tmp_path: Path,
                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With one work unit per theorem, every theorem that needs real work is unknown
    naming the budget; the rest agree with a full budget; no budget-exhausted outcome
    reaches the cache (its key does not record how much of the budget was left)."""
    monkeypatch.setenv("RCPROOF_CACHE_DIR", str(tmp_path / "cache"))
    cache.clear()
    path = _generated(tmp_path, 80)
    program = load_program([path])
    fed = Session(list(program.files.values()))
    full = {r.name: r.verdict.status for u in program.requested_files() for r in fed.run(u)}
    assert set(full.values()) == {"proved"}
    starved = Session(list(program.files.values()), budget_seconds=1e-6)
    assert starved.work_units == 1
    exhausted = 0
    for unit in program.requested_files():
        for result in starved.run(unit):
            reason = str(result.verdict.reason or "")
            if result.verdict.status == "unknown" and reason.startswith("budget exhausted"):
                exhausted += 1
            else:
                assert result.verdict.status == full[result.name], (result.name, reason)
    assert exhausted >= len(full) // 4  # the rest took Tier 1 fast paths (no spending)
    db = sqlite3.connect(tmp_path / "cache" / "verdicts.sqlite3")
    keys = [k for (k,) in db.execute("SELECT key FROM verdicts")]
    assert keys  # the completed decisions are cached
    for k in keys:
        assert "work units" not in (getattr(cache.get(k), "reason", None) or "")


@pytest.mark.parametrize("option", [0.1, 1.0, 2.0, 7.5, 600.0])
def test_budget_option_is_millions_of_units(option: float) -> None:
    assert work_units(option) == round(option * 1_000_000)
    assert work_units(2.0) == budget.DEFAULT_UNITS


def test_spend_outside_a_theorem_is_unlimited() -> None:
    budget.spend(10**12, "anything")
    assert budget.current().limit is None


@pytest.mark.parametrize("terms", [100, 400])
def test_certificate_search_is_bounded_outside_a_theorem(terms: int) -> None:
    """`bound`, `table` and reports may search certificates outside any theorem: the
    search then takes half of a default budget at most."""
    f, g = parse_expr(_sum(terms)), parse_expr("n")
    outside = budget.current()
    assert outside.limit is None
    before = outside.spent
    cert = certificate(f, g, "Theta")
    assert outside.spent - before <= budget.DEFAULT_UNITS // 2
    assert cert is None or check_certificate(f, g, cert)


@pytest.mark.parametrize(("left", "right"), [("(n + 7)^3 - n^3", "n^2 + 5"),
                                             ("n * log(n) + 3 * n", "n^(3/2) + log(n)"),
                                             ("(2 * n + 1)^(1/10^9)", "1 + 1/n")])
def test_checks_outside_a_theorem_have_a_budget(left: str, right: str,
                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`compare` (and `bound`, `table`) check outside any theorem: each check gets the
    default budget; starved, it is unknown naming the budget, never a crash. (Starved
    first: decided atoms are memoized in the process.)"""
    from rcproof import relation

    with monkeypatch.context() as patch:
        patch.setattr(budget, "DEFAULT_UNITS", 1)
        starved = relation.compare(left, right)
    assert starved.rel is None
    assert "budget exhausted" in str(starved)
    assert relation.compare(left, right).rel is not None


def test_a_recorded_answer_costs_its_work_again() -> None:
    """Verdicts do not depend on what ran before in the process or on the cache: an
    answer recalled from the memo is charged the work it cost when computed."""
    from rcproof.budget import Budget, budget_scope
    from rcproof.elaborate.symbols import Scope
    from rcproof.prover import decide
    from rcproof.prover.decide import Decider
    from rcproof.syntax.parser import parse_prop

    formula = parse_prop("forall k : real where k > 0. n = o(n^(1 + k))", "<t>")
    decide._MEMO.clear()
    with budget_scope(Budget(None)) as first:
        Decider(Scope()).smt(formula, [], [])  # type: ignore[arg-type]
    with budget_scope(Budget(None)) as again:
        Decider(Scope()).smt(formula, [], [])  # type: ignore[arg-type]
    assert first.spent > 0 and again.spent == first.spent
