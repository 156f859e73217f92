"""A "holds when" example satisfies the facts a statement assumes (review 5, F7).

`g = O(n) → g = o(n)` holds vacuously at g = n², which is no witness: the example must
make every antecedent of the implication chain true, and the consequent with it. Each
example printed is checked here against the growth algebra (rcproof.compare)."""

from __future__ import annotations

import re

import pytest

import rcproof

RELS = ("O", "o", "Theta", "Omega", "omega")
HOLDS = {"O": {"o", "Theta", "~"}, "o": {"o"}, "Theta": {"Theta", "~"},
         "Omega": {"omega", "Theta", "~"}, "omega": {"omega"}}

CASES = [(r1, x, r2, y) for r1, x, r2, y in [
    ("O", "n", "o", "n"), ("O", "n^2", "o", "n"), ("Omega", "1", "O", "n"),
    ("O", "n^3", "Theta", "n^2"), ("omega", "log(n)", "o", "n"), ("Theta", "n", "o", "n^2"),
    ("O", "n*log(n)", "o", "n"), ("Omega", "n", "omega", "n"),
]]


def _holds(value: str, rel: str, bound: str) -> bool:
    return rcproof.compare(value, bound).rel in HOLDS[rel]


@pytest.mark.parametrize(("r1", "x", "r2", "y"), CASES)
@pytest.mark.parametrize("form", ["implication", "step using a fact"])
def test_holds_example_satisfies_the_antecedent(r1: str, x: str, r2: str, y: str,
                                                form: str) -> None:
    if form == "implication":
        src = f"fun g\ntheorem t: g = {r1}({x}) -> g = {r2}({y})\n"
    else:
        src = (f"fun g\naxiom fact: g = {r1}({x})\ntheorem t: g = {r2}({y})\nproof\n"
               f"  show g = {r2}({y}) by smt using fact\nqed\n")
    result = rcproof.verify_text(src)["t"]
    found = re.search(r"holds when g = ([^;]+?)(;|$)", result.reason or "")
    if result.status != "unknown" or found is None:
        return  # decided, or no example printed: nothing to check
    example = found.group(1).replace("²", "^2").replace("³", "^3").replace("·", "*")
    assert _holds(example, r1, x), (src, result.reason)
    assert _holds(example, r2, y), (src, result.reason)


@pytest.mark.parametrize(("fact", "goal"), [
    ("f = omega(n^2)", "f = o(f)"), ("f = omega(n^2)", "f = O(n)"),
    ("f = O(log(n))", "f = omega(n)"), ("f = Theta(n)", "f = o(sqrt(n))")])
def test_no_vacuous_holds_example(fact: str, goal: str) -> None:
    """A step false for every f meeting its `using` fact offers no "holds when" value
    (review 7: "holds when f = 1" for f = o(f) using f = ω(n²))."""
    import rcproof

    result = rcproof.verify_text(
        f"fun f\naxiom ax: {fact}\ntheorem t: {goal}\nproof\n"
        f"  show {goal} by auto using ax\nqed\n")["t"]
    assert result.status != "proved"
    assert "holds when" not in (result.reason or ""), result.reason


def test_a_rebound_name_is_primed_in_values() -> None:
    """`forall f` rebinding a declared `fun f`: the two are printed f and f′, not both f
    (review 7, F14)."""
    import rcproof

    result = rcproof.verify_text(
        "fun f\naxiom ax: f = o(n)\ntheorem a2: forall f : fun. f = O(n)\nproof\n"
        "  have h: f = o(n) by ax\n  show forall f : fun. f = O(n) by auto using h\nqed\n")
    reason = result["a2"].reason or ""
    assert "f' = " in reason, reason
