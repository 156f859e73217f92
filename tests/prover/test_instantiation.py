"""Instantiating named facts: kinds and ranges, capture, variables fixed by nothing."""

from __future__ import annotations

import pytest

from rcproof.kernel.instantiate import Refusal, free_names, instantiate, substitute
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr, parse_prop


def _admit_all(kind: str, term: A.Expr) -> str | None:
    return None


def test_capture_avoiding_substitution_renames_the_binder() -> None:
    p = parse_prop("forall k : real where k > 0. x < k", "<t>")
    out = substitute(p, {"x": parse_expr("k + 1", "<t>")})
    assert isinstance(out, A.Forall)
    assert out.names[0] != "k"
    assert free_names(out) == {"k"}  # the substituted k stays free, the binder was renamed


def test_bound_occurrences_are_not_substituted() -> None:
    p = parse_prop("(forall k : real. k > 0) and k > 1", "<t>")
    out = substitute(p, {"k": A.Num(2)})  # type: ignore[arg-type]
    assert free_names(out) == set()
    assert "k" in {n for n in p.left.names}  # type: ignore[union-attr]


def test_variable_only_in_a_hypothesis_is_refused_not_a_crash() -> None:
    fact = parse_prop("forall a, b : real where b > a. n^a = O(n^a)", "<t>")
    goal = parse_prop("n^2 = O(n^2)", "<t>")
    out = instantiate(fact, goal, _admit_all)
    assert isinstance(out, Refusal) and "determines" in out.why and out.variable == "b"


def test_hypotheses_are_substituted_without_capture() -> None:
    fact = parse_prop("forall k : real where (forall m : real where m > k. m > 0). "
                      "n^k = O(n^k)", "<t>")
    goal = parse_prop("n^m = O(n^m)", "<t>")
    out = instantiate(fact, goal, _admit_all)
    assert isinstance(out, list) and len(out) == 1
    hyp = out[0]
    assert isinstance(hyp, A.Forall) and hyp.names[0] != "m"
    assert free_names(hyp) == {"m"}


@pytest.mark.parametrize(("statement", "word"), [
    ("forall f : fun. f = poly(n)", "fun"),
    ("forall k : real. log(n)^k = o(n)", "real"),
])
def test_refusals_name_the_variable_and_kind(statement: str, word: str) -> None:
    fact = parse_prop(statement, "<t>")
    goal = parse_prop("n^n = poly(n)" if word == "fun" else "log(n)^n = o(n)", "<t>")
    out = instantiate(fact, goal, lambda kind, term: f"not a {kind}")
    assert isinstance(out, Refusal) and out.kind == word and out.why == f"not a {word}"


def test_by_name_through_a_file(check) -> None:  # type: ignore[no-untyped-def]
    results = check("lemma g: forall a, b : real where b > a. n^a = O(n^a)\n"
                    "theorem t: n^2 = O(n^2)\nproof\n  show n^2 = O(n^2) by g\nqed\n"
                    "lemma k: forall e : real where e > 0. n = o(n^(1 + e))\n"
                    "theorem u: n = o(n^(1 + 1/2))\nproof\n  show n = o(n^(1 + 1/2)) by k\nqed\n")
    assert results["t"].verdict.status == "unknown"
    assert results["u"].verdict.status == "proved"
    assert results["u"].verdict.oracles == ("z3",)  # the obligation 1/2 > 0 went to z3


ENTROPY = ("forall d : real where d >= 2. forall C : family where "
           "size(C) = omega(n^(d/(d-1))). C notin RC(n^(1/(d-1)), d)")


@pytest.mark.parametrize(("goal", "matches"), [
    ("G notin RC(n^(1/3), 4)", True),      # 1/(4 - 1) written as its value
    ("G notin RC(n^(1/(4-1)), 4)", True),
    ("G notin RC(n^(2/3), 5/2)", True),    # 1/(5/2 - 1) = 2/3
    ("G notin RC(n^(1/2), 3)", True),
    ("G notin RC(n^(1/4), 4)", False),     # 1/4 is not 1/(4 - 1)
    ("G notin RC(n^(1/3), 3)", False),
    ("G notin RC(n^(1/2), 2)", False),
    ("G notin RC(n^(1/3), d)", False),     # no number to compare with
])
def test_numerals_match_up_to_their_value(goal: str, matches: bool) -> None:
    """Review 3, F13: `by NAME` matches a numeral written differently from the fact's
    pattern (n^(1/3) against n^(1/(d-1)) with d = 4), and only when the values agree."""
    got = instantiate(parse_prop(ENTROPY), parse_prop(goal), lambda kind, term: None)
    assert isinstance(got, list) == matches, got
    if matches:
        need = got[-4]  # the fact's hypothesis, then the three structural facts of G
        assert isinstance(need, A.Relation) and need.rel == "omega"
        assert [h.rel for h in got[-3:]] == ["Omega", "Omega", "O"]  # type: ignore[union-attr]


def test_numeral_matching_through_the_kernel(check) -> None:  # type: ignore[no-untyped-def]
    src = ("import scaling\nfamily G { size = n^2; depth = 1 }\n"
           "theorem yes: G notin RC(n^(1/3), 4)\nproof\n"
           "  show G notin RC(n^(1/3), 4) by entropy_limit\nqed\n"
           "theorem no: G notin RC(n^(1/4), 4)\nproof\n"
           "  show G notin RC(n^(1/4), 4) by entropy_limit\nqed\n")
    got = check(src)
    assert got["yes"].verdict.status == "proved", got["yes"].verdict
    assert got["no"].verdict.status == "unknown", got["no"].verdict
