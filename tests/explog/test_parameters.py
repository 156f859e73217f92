"""Real parameters decided uniformly over their range (issue 15, item "parameters").

Generated family: for thresholds t, atoms whose truth flips at a = t (a^n against 1,
n^a against n^t, (1 + a/n)^n against exp(a)), each under ranges wholly below t, wholly
above t and straddling t. Below/above: the engine's verdict must match the truth for
every value in the range (proved, or refuted/unknown when false, never proved);
straddling: the engine answers unknown naming the parameter condition (the truth
differs inside the range); the statement is never proved (an instance may refute it).
Checked through the engine, `auto`, an explicit `by limit` step and a `using` fact; the
kernel's theorem states the range.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest

from rcproof.budget import Budget, budget_scope
from rcproof.growth import explog
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr

THRESHOLDS = (Fraction(1, 2), Fraction(1), Fraction(2), Fraction(5, 2))


def _q(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"({v.numerator}/{v.denominator})"


def _family() -> list[tuple[str, str, str, str, str, str]]:
    """(id, f, rel, g, range text, expected 'true' | 'false' | 'straddle')."""
    out = []
    for t in THRESHOLDS:
        lo, hi = t / 2, t * 2
        ranges = {"below": f"{_q(lo)} < a < {_q(t)}", "above": f"{_q(t)} < a < {_q(hi)}",
                  "straddle": f"{_q(lo)} < a < {_q(hi)}"}
        # n^a against n^t: o below, omega above
        for where, cond in ranges.items():
            truth_o = {"below": "true", "above": "false", "straddle": "straddle"}[where]
            truth_w = {"below": "false", "above": "true", "straddle": "straddle"}[where]
            out.append((f"pow_o_{t}_{where}", "n^a", "o", f"n^{_q(t)}", cond, truth_o))
            out.append((f"pow_w_{t}_{where}", "n^a", "omega", f"n^{_q(t)}", cond, truth_w))
            out.append((f"pow_log_{t}_{where}", "n^a*log(n)", "O", f"n^{_q(t)}", cond, truth_o))
    for where, cond, truth in (("below", "0 < a < 1", "true"), ("above", "1 < a < 3", "false"),
                               ("straddle", "1/2 < a < 2", "straddle")):
        out.append((f"geom_{where}", "a^n", "o", "1", cond, truth))
        out.append((f"geom_shift_{where}", "a^(n+1) + a^n", "o", "1", cond, truth))
    for cond in ("0 < a", "1 < a < 2", "0 < a < 1/1000"):
        out.append((f"euler_{cond}", "(1 + a/n)^n", "~", "exp(a)", cond, "true"))
        out.append((f"euler_off_{cond}", "(1 + a/n)^n", "~", "exp(2*a)", cond, "false"))
    return out


FAMILY = _family()


def _where(cond: str) -> explog.Range:
    parts = cond.split()
    comparison = A.Comparison(tuple(parse_expr(p) for p in parts[0::2]), tuple(parts[1::2]))
    return explog.from_comparisons(["a"], [comparison])


@pytest.mark.parametrize(("name", "f", "rel", "g", "cond", "truth"), FAMILY,
                         ids=[x[0] for x in FAMILY])
def test_engine_is_uniform(name: str, f: str, rel: str, g: str, cond: str,
                           truth: str) -> None:
    from rcproof.growth.tier3 import relation_with_parameters

    with budget_scope(Budget(100_000)):
        got = relation_with_parameters(parse_expr(f), parse_expr(g), rel, _where(cond))
    if truth == "straddle":
        assert isinstance(got, str) and "depends on whether" in got, got
    elif truth == "true":
        assert got is True, got
    else:
        assert got is not True, got


def _statement(f: str, rel: str, g: str, cond: str) -> str:
    return f"forall a : real where {cond}. {f} {'~' if rel == '~' else '='} " + (
        g if rel == "~" else f"{rel}({g})")


def test_family_through_auto(check: Callable[[str], dict]) -> None:  # type: ignore[type-arg]
    text = "\n".join(f"lemma t{i}: {_statement(f, rel, g, cond)}"
                     for i, (_, f, rel, g, cond, _) in enumerate(FAMILY))
    results = check(text)
    for i, (name, *_, truth) in enumerate(FAMILY):
        status = results[f"t{i}"].verdict.status
        if truth == "true":
            assert status == "proved", (name, results[f"t{i}"].verdict.reason)
        elif truth == "false":
            assert status in ("refuted", "unknown"), (name, status)
        else:  # false for part of the range: refuted by an instance, or unknown
            assert status in ("refuted", "unknown"), (name, status)


def test_the_issue_examples(check: Callable[[str], dict]) -> None:  # type: ignore[type-arg]
    results = check(
        "lemma a: forall a : real where 0 < a < 1. a^n = o(1)\n"
        "lemma b: forall a : real where 0 < a. (1 + a/n)^n ~ exp(a)\n"
        "lemma c: forall a : real where 1 < a. a^n = o(1)\n"
        "lemma d: forall a : real where 1/2 < a < 2. a^n = o(1)\n")
    assert results["a"].verdict.status == "proved"
    assert results["b"].verdict.status == "proved"
    assert results["c"].verdict.status == "refuted"
    assert results["d"].verdict.status != "proved"
    thm = results["a"].verdict.theorem
    assert thm is not None and isinstance(thm.prop, A.Forall) and thm.prop.where
    assert thm.oracles == ("limit",) and not thm.hypotheses


def test_explicit_proof_and_using(check: Callable[[str], dict]) -> None:  # type: ignore[type-arg]
    results = check(
        "theorem p: forall a : real where 0 < a < 1. a^n = o(1)\n"
        "proof\n  show forall a : real where 0 < a < 1. a^n = o(1) by limit\nqed\n"
        "theorem q: forall a : real where 0 < a < 1. a^n = o(1)\n"
        "proof\n  show forall a : real where 0 < a < 1. a^n = o(1) by smt\nqed\n"
        "lemma h: n = O(n^2)\n"
        "theorem r: forall a : real where 0 < a < 1. a^n = o(1)\n"
        "proof\n  show forall a : real where 0 < a < 1. a^n = o(1) by auto using h\nqed\n")
    assert results["p"].verdict.status == "proved"
    assert results["q"].verdict.status != "proved"  # Tier 2 alone does not cover it
    assert results["r"].verdict.status == "proved"


def test_an_empty_range_is_never_refuted(check: Callable[[str], dict]) -> None:  # type: ignore[type-arg]
    results = check("lemma e: forall a : real where 2 < a < 1. a^n = o(1)\n")
    assert results["e"].verdict.status != "refuted"
