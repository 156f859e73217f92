"""Issue 12, verdicts that should be decided: a constant plus an abstract function,
refutation by an admissible instance, structural facts of circuits, axioms named."""

from __future__ import annotations

import pytest

CONSTANT_PLUS = [
    ("forall k : fun where k = O(n). 1 + k = O(n)", "proved"),
    ("forall k : fun. 1 + k = Omega(1)", "proved"),
    ("forall k : fun. 3 + k = Omega(k)", "proved"),
    ("forall k : fun where k = omega(1). 2 + k = Theta(k)", "proved"),
    ("forall k : fun. k + 1/2 = Omega(1)", "proved"),
    ("forall k : fun. 1 + k = O(k)", "refuted"),
    ("forall k : fun where k = O(n). 1 + k = o(n)", "refuted"),
]


@pytest.mark.parametrize(("statement", "status"), CONSTANT_PLUS)
def test_constant_plus_abstract_function(check, statement: str, status: str) -> None:  # type: ignore[no-untyped-def]
    assert check(f"theorem t: {statement}\n")["t"].verdict.status == status


INSTANCES = [
    ("import physics\ntheorem t: forall d : real where d >= 2. "
     "RC(n^(1/(d-1)), d) subsetneq RC(n, d)", "d = 2"),
    ("theorem t: forall d : real where d >= 2. n^(1/(d-1)) = o(n^(1/2))", "d = "),
    ("theorem t: forall e : real where e > 0. n^e = o(n)", "e = "),
]


@pytest.mark.parametrize(("text", "where"), INSTANCES)
def test_refuted_by_an_admissible_instance(check, text: str, where: str) -> None:  # type: ignore[no-untyped-def]
    v = check(text + "\n")["t"].verdict
    assert v.status == "refuted" and where in _text(v.counterexample), v


def test_counter_examples_are_real_circuits(check) -> None:  # type: ignore[no-untyped-def]
    v = check("import physics\ntheorem t: forall C : family. C in RC(n)\n")["t"].verdict
    assert v.status == "refuted"
    assert "n^(-" not in _text(v.counterexample) and "= 1," not in _text(v.counterexample)


def test_structural_facts_are_used(check) -> None:  # type: ignore[no-untyped-def]
    results = check("theorem a: forall C : family where size(C) = O(n). depth(C) = O(n)\n"
                    "theorem b: forall C : family. size(C) = Omega(1)\n")
    assert results["a"].verdict.status == "proved"
    assert results["b"].verdict.status == "proved"


def test_an_axiom_that_decides_is_named(check) -> None:  # type: ignore[no-untyped-def]
    v = check("import physics\nfamily S { size = n^2; depth = log(n) }\n"
              "param D : real where D >= 2\naxiom four_d: D == 4\n"
              "theorem t: S in RC(sqrt(n), D)\n")["t"].verdict
    assert v.status == "unknown" and "using four_d" in str(v.reason or "")
    assert v.axioms == ()


def _text(pairs: object) -> str:
    """A verdict's counter-example (data) as the text reports print."""
    from rcproof.syntax.notation import assignments_text

    return assignments_text(pairs) if pairs else ""  # type: ignore[arg-type]
