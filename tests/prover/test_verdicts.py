"""Each statement kind: proved, refuted (with a counter-example), unknown, vacuous."""

from __future__ import annotations

from pathlib import Path

LANGUAGE_EXAMPLE = (Path(__file__).parent.parent / "language_example.rc").read_text(
    encoding="utf-8")


def status(results, name):  # type: ignore[no-untyped-def]
    return results[name].verdict.status


def test_language_example_all_proved(check) -> None:  # type: ignore[no-untyped-def]
    results = check(LANGUAGE_EXAMPLE)
    assert {n: r.verdict.status for n, r in results.items()} == {
        n: "proved" for n in results}
    assert len(results) == 9


def test_relations(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
lemma a: n^2 * log(n) = o(n^(9/4))
lemma b: n^2 = o(n^2 * log(n))
lemma c: n^2 - n ~ n^2
lemma d: 2 * n^2 + n ~ n^2
lemma e: n = omega(n^2)
lemma f: log(n)^100 = o(n^(1/100))
lemma g: n^3 = Theta(n^3 + n^2 * log(n))
""")
    assert status(r, "a") == "proved"
    assert status(r, "b") == "proved"
    assert status(r, "c") == "proved"
    assert status(r, "d") == "refuted"
    assert status(r, "e") == "refuted"
    assert status(r, "f") == "proved"
    assert status(r, "g") == "proved"


def test_membership_kinds(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
import physics
family SMAT { size = n^2
  depth = log(n) }
family Bounded { size = O(n^2); depth = O(log(n)) }
family Both { size = O(n^2); size2 = Omega(n); depth = log(n) }
theorem in3: SMAT in RC(n^(2/3))
theorem out: SMAT in RC(sqrt(n))
theorem bounded_in: Bounded in RC(n^(2/3))
theorem bounded_out: Bounded notin RC(sqrt(n))
theorem vac: forall d : real where d > 3, d < 2. SMAT in RC(n, d)
""")
    assert status(r, "in3") == "proved"
    assert status(r, "out") == "refuted"
    assert status(r, "bounded_in") == "proved"
    unknown = r["bounded_out"].verdict
    assert unknown.status == "unknown"
    assert "lower bound" in str(unknown.reason or "")
    assert status(r, "vac") == "vacuous"


def test_parameters_follow_section_2b(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
param a : real where a > 1
lemma depends: n^a = O(n^2)
lemma always: n^a = omega(n)
lemma never: n^a = o(n)
theorem counter: forall e : real where e > 0. n^e = O(n)
""")
    assert status(r, "depends") == "unknown"
    assert "a" in str(r["depends"].verdict.reason or "")
    assert status(r, "always") == "proved"
    assert status(r, "never") == "refuted"
    counter = r["counter"].verdict
    assert counter.status == "refuted"
    assert "e = " in _text(counter.counterexample)


def test_inclusions(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
import physics
theorem up: RC(sqrt(n)) subset RC(n)
theorem down: RC(n) subset RC(sqrt(n))
theorem strict: RC(sqrt(n)) subsetneq RC(n)
theorem not_strict: RC(n) subsetneq RC(n)
theorem empty_both: not (RC(n^(1/3)) subsetneq RC(n^(2/5)))
""")
    assert status(r, "up") == "proved"
    assert status(r, "down") == "refuted"
    assert status(r, "strict") == "proved"
    assert status(r, "not_strict") == "refuted"
    assert status(r, "empty_both") == "proved"


def test_family_quantifier_counterexample(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
import physics
theorem wrong: forall C : family where size(C) = O(n^2). C in RC(n^(2/3))
""")
    v = r["wrong"].verdict
    assert v.status == "refuted"
    assert "depth(C)" in _text(v.counterexample)


def test_explicit_proofs(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
import physics
family SMAT { size = n^2; depth = log(n) }
theorem good: SMAT notin RC(sqrt(n))
proof
  have s: size(SMAT) = Theta(n^2) by unfold
  have size(SMAT)^(1/3) = omega(sqrt(n)) by growth using s
  show SMAT notin RC(sqrt(n)) by unfold
qed
theorem bad_step: SMAT notin RC(sqrt(n))
proof
  have size(SMAT) = Theta(n^3) by unfold
  show SMAT notin RC(sqrt(n)) by unfold
qed
theorem wrong_show: SMAT notin RC(sqrt(n))
proof
  show SMAT notin RC(n^(1/3)) by unfold
qed
theorem tier_mismatch: forall e : real where e > 0. n = o(n^(1 + e))
proof
  show forall e : real where e > 0. n = o(n^(1 + e)) by growth
qed
""")
    assert status(r, "good") == "proved"
    assert status(r, "bad_step") == "unknown"
    assert "line" in str(r["bad_step"].verdict.reason or "")
    assert status(r, "wrong_show") == "unknown"
    assert status(r, "tier_mismatch") == "unknown"


def test_false_axiom_is_not_trusted(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
axiom bad: forall f : fun. f = O(1)
theorem uses: n = O(1)
proof
  show n = O(1) by bad
qed
""")
    assert status(r, "bad") == "unknown"
    assert status(r, "uses") == "unknown"


def test_axiom_and_cite_instantiation(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
param c : real where c > 0
axiom ax: forall x : real where x > 0. n^x = omega(log(n))
theorem inst: n^c = omega(log(n))
proof
  show n^c = omega(log(n)) by ax
qed
""")
    assert status(r, "ax") == "axiom"
    assert status(r, "inst") == "proved"


def test_inclusion_unknown_and_vacuous(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
import physics
param a : real where a > 0
theorem depends: RC(n^a) subset RC(sqrt(n))
theorem vacuous: forall d : real where d > 3, d < 2. RC(n, d) subset RC(sqrt(n), d)
theorem rel_vacuous: forall e : real where e > 1, e < 0. n^e = O(1)
""")
    assert status(r, "depends") == "unknown"
    assert "a" in str(r["depends"].verdict.reason or "")
    assert status(r, "vacuous") == "vacuous"
    assert status(r, "rel_vacuous") == "vacuous"


def test_connectives(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
import physics
family SMAT { size = n^2; depth = log(n) }
theorem both: SMAT in RC(n) and SMAT notin RC(sqrt(n))
theorem either: SMAT in RC(sqrt(n)) or SMAT in RC(n^(2/3))
theorem neither: SMAT in RC(sqrt(n)) or SMAT in RC(n^(1/3))
theorem implies: SMAT in RC(sqrt(n)) -> SMAT in RC(n^(1/3))
theorem implies_false: SMAT in RC(n) -> SMAT in RC(n^(1/3))
theorem negation: not (SMAT in RC(sqrt(n)))
""")
    assert status(r, "both") == "proved"
    assert status(r, "either") == "proved"
    assert status(r, "neither") == "refuted"
    assert status(r, "implies") == "proved"
    assert status(r, "implies_false") == "refuted"
    assert status(r, "negation") == "proved"


def test_general_class_not_only_rc(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
-- A made-up class: time t with depth <= t, size * depth <= t^3, polylog fan-in.
class K(f) { exists t { t = O(f); depth = O(t); size * depth = O(t^3) } fanin = polylog(n) }
family A { size = n^2; depth = n; fanin = log(n)^3 }
family B { size = n; depth = log(n); fanin = n }
theorem a_in: A in K(n)
theorem a_out: A notin K(n^(9/10))
theorem b_out: B notin K(n)
""")
    assert status(r, "a_in") == "proved"
    assert status(r, "a_out") == "proved"
    assert status(r, "b_out") == "proved"


def test_instantiation_never_captures_a_bound_variable(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
theorem fact: forall d : real. not (forall e : real. e == d)
theorem capture: not (forall e : real. e == e)
proof
  show not (forall e : real. e == e) by fact
qed
theorem honest: not (forall e : real. e == 3)
proof
  show not (forall e : real. e == 3) by fact
qed
""")
    assert status(r, "fact") == "proved"
    assert status(r, "capture") != "proved"
    assert status(r, "honest") == "proved"


def test_unknown_names_the_threshold(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
param a : real where a > 0
lemma l1: n^a = O(n^2)
lemma l2: n^(1/a) = O(n^2)
lemma l3: log(n)^a = o(log(n)^3)
""")
    assert str(r["l1"].verdict.reason) == "depends on the unknown a: holds iff a <= 2"
    assert str(r["l2"].verdict.reason) == "depends on the unknown a: holds iff a >= 1/2"
    assert str(r["l3"].verdict.reason) == "depends on the unknown a: holds iff a < 3"


def test_nonsense_subterms_give_unknown_not_error(check) -> None:  # type: ignore[no-untyped-def]
    r = check("""
lemma a: n = O(max((log(sqrt(log(n))) + max((0 - n^n), exp(n))), sqrt(-n)))
lemma b: exp(min(0, sqrt(2^n))) = Theta(exp(min(1/0, 2^n)))
""")
    assert status(r, "a") == "unknown" and "√(-n) is not eventually positive" in str(
        r["a"].verdict.reason or "")  # Tier 3 (the exp-log engine) names the subterm
    assert status(r, "b") != "error"


def _text(pairs: object) -> str:
    """A verdict's counter-example (data) as the text reports print."""
    from rcproof.syntax.notation import assignments_text

    return assignments_text(pairs) if pairs else ""  # type: ignore[arg-type]
