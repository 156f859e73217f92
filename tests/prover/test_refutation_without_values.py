"""A refutation without counter-example values says why (review 6: it printed no reason
at all): a strict inclusion, that the classes are not nested or that the reverse
inclusion holds too (equal budgets written differently); a non-membership, that the
membership holds. Generated over budgets, dimensions and families."""

from __future__ import annotations

import pytest

import rcproof

EQUAL = [("n^2", "2*n^2"), ("n", "n + log(n)"), ("sqrt(n)", "n^(1/2)"), ("n", "n"),
         ("n*log(n)", "log(n^3)*n")]
DIMS = ["", ", 2", ", 3"]


@pytest.mark.parametrize(("f", "g"), EQUAL)
@pytest.mark.parametrize("dim", DIMS)
def test_equal_classes(f: str, g: str, dim: str) -> None:
    report = rcproof.verify_text(
        f"import physics\ntheorem t: RC({f}{dim}) subsetneq RC({g}{dim})\n")
    result = report["t"]
    assert result.status == "refuted", result.reason
    assert "holds too" in (result.reason or "") and "not strict" in (result.reason or "")


@pytest.mark.parametrize(("small", "big"), [("n", "sqrt(n)"), ("n^2", "n"), ("n", "log(n)")])
def test_not_nested(small: str, big: str) -> None:
    """RC(f) ⊊ RC(g) with g = o(f): RC(f) is not inside RC(g); the reason names a family
    of RC(f) outside RC(g) (its resources) or says the classes are not nested."""
    result = rcproof.verify_text(
        f"import physics\ntheorem t: RC({small}) subsetneq RC({big})\n")["t"]
    assert result.status == "refuted", result.reason
    reason = result.reason or ""
    assert "not nested" in reason or ("fails at" in reason and "depth(C)" in reason), reason


@pytest.mark.parametrize(("small", "big"), [("sqrt(n)", "n"), ("n", "n^2")])
def test_true_strict_inclusions_stay_proved(small: str, big: str) -> None:
    result = rcproof.verify_text(
        f"import physics\ntheorem t: RC({small}) subsetneq RC({big})\n")["t"]
    assert result.status == "proved", result.reason


@pytest.mark.parametrize(("size", "depth", "budget"), [
    ("n", "log(n)", "n"), ("n^3", "n", "n"), ("n^2", "sqrt(n)", "n^(2/3)")])
def test_a_refuted_non_membership_names_the_membership(size: str, depth: str,
                                                       budget: str) -> None:
    result = rcproof.verify_text(
        f"import physics\nfamily F {{ size = {size}; depth = {depth} }}\n"
        f"theorem t: F notin RC({budget})\n")["t"]
    assert result.status == "refuted", result.reason
    assert "F ∈ RC(" in (result.reason or "") and "holds" in (result.reason or "")


CIRCUIT_LEMMAS = ("lemma sd: forall C : family. depth(C) = O(size(C))\n"
                  "lemma dpos: forall C : family. depth(C) = Omega(1)\n")


@pytest.mark.parametrize(("family", "fact", "claim"), [
    ("family H { size = n; depth = n^2 }", "sd", "depth(H) = O(size(H))"),
    ("family H { size = n; depth = 1/n }", "dpos", "depth(H) = Omega(1)"),
    ("family H(k = 1) { size = n^k; depth = 1 }", "sd", "depth(H(k = -1)) = O(size(H(k = -1)))"),
])
def test_a_fact_over_circuits_names_the_non_circuit(family: str, fact: str,
                                                    claim: str) -> None:
    result = rcproof.verify_text(
        f"{family}\n{CIRCUIT_LEMMAS}theorem t: {claim}\nproof\n  show {claim} by {fact}\nqed\n"
    )["t"]
    assert result.status == "unknown"
    reason = result.reason or ""
    assert "holds for circuit families only" in reason and "structural fact" in reason, reason


@pytest.mark.parametrize("false", ["n^2 = O(n)", "log(n) = omega(n)", "n = Theta(n^2)"])
def test_refuted_with_facts_and_as_an_implication(false: str) -> None:
    report = rcproof.verify_text(
        f"{CIRCUIT_LEMMAS}theorem u: {false}\nproof\n  show {false} by auto using sd\nqed\n"
        f"theorem i: (forall C : family. depth(C) = O(size(C))) -> {false}\n")
    assert "so not" in (report["u"].reason or ""), report["u"].reason
    assert report["i"].status == "refuted"
    assert "holds and" in (report["i"].reason or "") and "fails" in (report["i"].reason or "")
