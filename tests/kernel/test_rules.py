"""Every kernel rule's rejection paths, and the ways a `proved` could be forged."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_text
from rcproof.kernel import Theorem, Verdict, rules
from rcproof.kernel.theorem import make, seal_for_rules
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr, parse_prop

SOURCE = """import physics
param a : real where a > 1
family S { size = n^2; depth = log(n) }
axiom big: a > 2
lemma fact: forall k : real where k > 0. n = o(n^(1 + k))
"""


@pytest.fixture(scope="module")
def scope(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    import os

    old = os.getcwd()
    os.chdir(Path(__file__).resolve().parents[2] / "theorems")
    try:
        return load_text(SOURCE, "k.rc").scope.definitions
    finally:
        os.chdir(old)


def prop(text: str) -> A.Prop:
    return parse_prop(text, "<test>")


def true_atom() -> Theorem:
    thm = rules.ground(prop("n = o(n^2)"))  # type: ignore[arg-type]
    assert thm is not None
    return thm


# ---- the abstract type ----------------------------------------------------------------

def test_theorem_cannot_be_constructed_changed_or_pickled() -> None:
    thm = true_atom()
    with pytest.raises(TypeError):
        Theorem()
    with pytest.raises(AttributeError):
        thm._prop = prop("n = O(1)")  # type: ignore[misc]
    with pytest.raises(TypeError):
        pickle.dumps(thm)
    assert copy.deepcopy(thm) is thm


def test_the_seal_is_held_by_the_rules_only() -> None:
    with pytest.raises(TypeError):
        make((), prop("n = O(1)"), (), (), object())
    with pytest.raises(RuntimeError):
        seal_for_rules()


# ---- verdicts ---------------------------------------------------------------------------

def test_proved_needs_a_theorem_of_exactly_its_statement() -> None:
    thm = true_atom()
    with pytest.raises(ValueError):
        Verdict("proved", prop("n = O(1)"))  # a bare proposition
    with pytest.raises(ValueError):
        Verdict("proved", prop("n = O(1)"), thm)  # someone else's theorem
    good = Verdict("proved", prop("n = o(n^2)"), thm)
    with pytest.raises(ValueError):
        dataclasses.replace(good, statement=prop("n = O(1)"))  # a replaced field
    with pytest.raises(ValueError):
        Verdict("refuted", prop("n = o(n^2)"), thm)  # refuted needs ⊢ ¬statement
    with pytest.raises(ValueError):
        Verdict("unknown", prop("n = o(n^2)"), thm)
    with pytest.raises(TypeError):
        pickle.dumps(good)


# ---- rules without premises -----------------------------------------------------------

def test_ground_decides_or_declines() -> None:
    false = rules.ground(prop("n^2 = O(n)"))  # type: ignore[arg-type]
    assert false is not None and false.prop == A.Not(prop("n^2 = O(n)"))
    assert rules.ground(prop("n - n = O(1)")) is None  # type: ignore[arg-type]
    assert rules.ground(prop("2^n = O(3^n)")) is None  # type: ignore[arg-type]


def test_oracles_must_be_registered_and_say_yes() -> None:
    query = rules.Query(prop("n = O(n)"))
    assert rules.oracle("nobody", query) is None
    rules.register_oracle("test-no", lambda q: False)
    assert rules.oracle("test-no", query) is None
    rules.register_oracle("test-yes", lambda q: True)
    thm = rules.oracle("test-yes", query)
    assert thm is not None and thm.oracles == ("test-yes",)
    with pytest.raises(RuntimeError):
        rules.register_oracle("test-yes", lambda q: True)


def test_axiom_rule_takes_declared_axioms_only(scope) -> None:  # type: ignore[no-untyped-def]
    thm = rules.axiom(scope, "big")
    assert thm is not None and thm.axioms == ("big",) and thm.prop == prop("a > 2")
    assert rules.axiom(scope, "fact") is None  # a lemma is not an axiom
    assert rules.axiom(scope, "nosuch") is None


# ---- unfolding --------------------------------------------------------------------------

def test_unfold_accepts_its_own_reduction(scope) -> None:  # type: ignore[no-untyped-def]
    from rcproof.elaborate.unfold import unfold

    goal = prop("S in RC(n^(2/3))")
    atoms = [rules.ground(a) for a in _atoms(unfold(goal, scope).formula)]
    assert all(atoms)
    thm = rules.unfold(goal, scope, None, atoms)  # type: ignore[arg-type]
    assert thm is not None and thm.prop == goal


def test_unfold_rejects_foreign_or_wrong_evidence(scope) -> None:  # type: ignore[no-untyped-def]
    from rcproof.elaborate.unfold import unfold

    goal = prop("S in RC(n^(2/3))")
    atoms = [rules.ground(a) for a in _atoms(unfold(goal, scope).formula)]
    foreign = rules.ground(prop("n = o(n^5)"))  # type: ignore[arg-type]
    assert rules.unfold(goal, scope, None, [*atoms, foreign]) is None  # type: ignore[list-item]
    assert rules.unfold(goal, scope, None, atoms[:-1]) is None  # type: ignore[arg-type]
    rules.register_oracle("test-any", lambda q: True)
    wrong_body = rules.oracle("test-any", rules.Query(prop("n = O(1)")))
    assert rules.unfold(goal, scope, wrong_body, atoms) is None  # type: ignore[arg-type]
    hyp_body = rules.oracle("test-any", rules.Query(prop("n = O(n)"), (prop("n = O(1)"),)))
    assert rules.unfold(prop("n = O(n)"), scope, hyp_body, []) is None  # type: ignore[arg-type]
    false_goal = prop("S in RC(sqrt(n))")
    false_atoms = [rules.ground(a) for a in _atoms(unfold(false_goal, scope).formula)]
    thm = rules.unfold(false_goal, scope, None, false_atoms)  # type: ignore[arg-type]
    assert thm is not None and thm.prop == A.Not(false_goal)


def _atoms(p: A.Prop) -> list[A.Relation]:
    from rcproof.syntax.props import ground_atoms

    return ground_atoms(p)


# ---- discharge, instance, witness ---------------------------------------------------

def test_discharge_needs_the_exact_premises() -> None:
    rules.register_oracle("test-imp", lambda q: True)
    imp = rules.oracle("test-imp", rules.Query(prop("n = o(n^2) -> n = O(n)")))
    assert imp is not None
    other = rules.ground(prop("n = o(n^3)"))
    assert rules.discharge(imp, [other]) is None  # type: ignore[list-item]
    assert rules.discharge(imp, [true_atom(), true_atom()]) is None
    done = rules.discharge(imp, [true_atom()])
    assert done is not None and done.prop == prop("n = O(n)")


def test_instance_checks_kind_range_and_obligations(scope) -> None:  # type: ignore[no-untyped-def]
    rules.register_oracle("test-fact", lambda q: True)
    fact = rules.oracle("test-fact", rules.Query(prop("forall k : real where k > 0. "
                                                   "n = o(n^(1 + k))")))
    assert fact is not None
    goal = prop("n = o(n^(1 + 1/2))")
    ob = rules.oracle("test-fact", rules.Query(prop("1/2 > 0")))
    assert rules.instance(fact, goal, [ob], scope) is not None  # type: ignore[list-item]
    assert rules.instance(fact, goal, [], scope) is None
    wrong = rules.oracle("test-fact", rules.Query(prop("1/3 > 0")))
    assert rules.instance(fact, goal, [wrong], scope) is None  # type: ignore[list-item]
    out_of_range = prop("n = o(n^(1 + log(n)))")  # k := log(n) is not a real
    ob2 = rules.oracle("test-fact", rules.Query(prop("log(n) > 0")))
    assert rules.instance(fact, out_of_range, [ob2], scope) is None  # type: ignore[list-item]


def test_witness_must_match_its_value(scope) -> None:  # type: ignore[no-untyped-def]
    statement = prop("forall d : real where d >= 2. n^(1/(d-1)) = o(n^(1/2))")
    assert isinstance(statement, A.Forall)
    rules.register_oracle("test-w", lambda q: True)
    claim = rules.instance_claim(statement, A.Num(Fraction(3)))
    thm = rules.oracle("test-w", rules.Query(claim))
    assert thm is not None
    assert rules.witness(statement, A.Num(Fraction(2)), thm, scope) is None
    refuted = rules.witness(statement, A.Num(Fraction(3)), thm, scope)
    assert refuted is not None and refuted.prop == A.Not(statement)
    assert rules.witness(prop("n = O(n)"), A.Num(Fraction(3)), thm, scope) is None


def test_witness_for_a_function_must_be_in_the_universe(scope) -> None:  # type: ignore[no-untyped-def]
    statement = prop("forall f : fun. f = O(n^5)")
    assert isinstance(statement, A.Forall)
    rules.register_oracle("test-w2", lambda q: True)
    for term, ok in (("n^6", True), ("n^6 - n", True), ("2^n", False), ("n^n", False)):
        value = parse_expr(term, "<t>")
        thm = rules.oracle("test-w2", rules.Query(rules.instance_claim(statement, value)))
        assert thm is not None
        assert (rules.witness(statement, value, thm, scope) is not None) is ok, term


# ---- witnesses of strict inclusions (proposed by the engine, built by the kernel) ---------

STRICT = "RC(sqrt(n)) subsetneq RC(n^(2/3))"


def _yes(query: rules.Query) -> bool:
    return True


def _strengthened_proof(goal: A.Prop, scope, witnesses):  # type: ignore[no-untyped-def]
    """A body for the strengthened unfolding of `goal` with `witnesses`, by an oracle that
    says yes to anything: what reaches the kernel when the engine's search is wrong."""
    from rcproof.elaborate.unfold import unfold

    unfolded = unfold(goal, scope, witnesses)
    strong = unfolded.strengthened()
    assert strong is not None
    rules.register_oracle("test-strong", _yes)
    return rules.oracle("test-strong", rules.Query(strong, tuple(unfolded.hypotheses)))


def test_witness_proposer_is_recorded_and_replayed(scope) -> None:  # type: ignore[no-untyped-def]
    from rcproof.elaborate.unfold import unfold
    from rcproof.prover.witness import fullest_member

    goal = prop(STRICT)
    proposed = unfold(goal, scope, fullest_member)
    assert len(proposed.witnesses) == 1 and proposed.witnesses[0] is not None
    replayed = unfold(goal, scope, tuple(proposed.witnesses))
    assert replayed.formula == proposed.formula
    assert unfold(goal, scope).formula != proposed.formula  # no witness: existential only
    body = _strengthened_proof(goal, scope, tuple(proposed.witnesses))
    thm = rules.unfold(goal, scope, body, [], strengthened=True,
                       witnesses=tuple(proposed.witnesses))
    assert thm is not None and thm.prop == goal


def _bad_witnesses() -> list[object]:
    from rcproof.elaborate.unfold import FamilyView

    n = parse_expr("n", "<t>")
    return [
        FamilyView(A.Name("W"), (("size", n),), (("depth", (("O", n),)),)),  # only bounded
        FamilyView(A.Name("W"), (("size", n), ("depth", n)), named=True),  # a declared one
        FamilyView(A.Name("S"), (("size", n), ("depth", n))),  # a user's family name
        FamilyView(A.Name("W"), (("size", "n"),)),  # not a core term
        ("size", n),  # not a family at all
    ]


@pytest.mark.parametrize("index", range(len(_bad_witnesses())))
def test_unfold_rejects_a_malformed_witness(scope, index: int) -> None:  # type: ignore[no-untyped-def]
    from rcproof.elaborate.unfold import UnfoldError, unfold

    bad = _bad_witnesses()[index]
    goal = prop(STRICT)
    with pytest.raises(UnfoldError):
        unfold(goal, scope, (bad,))  # type: ignore[arg-type]
    rules.register_oracle("test-strong", _yes)
    anything = rules.oracle("test-strong", rules.Query(goal))
    assert rules.unfold(goal, scope, anything, [], strengthened=True,
                        witnesses=(bad,)) is None  # type: ignore[arg-type]


def test_unfold_binds_the_body_to_the_given_witness(scope) -> None:  # type: ignore[no-untyped-def]
    """A body proved for one witness does not replay with another, nor with a proposer
    (the kernel takes witnesses as data), nor without the witness."""
    from rcproof.elaborate.unfold import FamilyView
    from rcproof.prover.witness import fullest_member

    goal = prop(STRICT)
    n = parse_expr("n", "<t>")
    other = FamilyView(A.Name("W"), (("depth", n), ("size", n)))
    body = _strengthened_proof(goal, scope, (other,))
    assert rules.unfold(goal, scope, body, [], strengthened=True, witnesses=(other,))
    from rcproof.elaborate.unfold import unfold

    fullest = tuple(unfold(goal, scope, fullest_member).witnesses)
    assert rules.unfold(goal, scope, body, [], strengthened=True, witnesses=fullest) is None
    assert rules.unfold(goal, scope, body, [], strengthened=True) is None
    assert rules.unfold(goal, scope, body, [], strengthened=True,
                        witnesses=fullest_member) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("size", ["2^n", "n - n", "log(n)^log(n)", "0", "exp(n)"])
def test_unfold_rejects_a_witness_outside_the_function_universe(
        scope, size: str) -> None:  # type: ignore[no-untyped-def]
    """∃-introduction has the range check of instantiation: a witness family's resources
    are universe terms, however the body was proved."""
    from rcproof.elaborate.unfold import FamilyView

    goal = prop(STRICT)
    n = parse_expr("n", "<t>")
    outside = FamilyView(A.Name("W"), (("depth", n), ("size", parse_expr(size, "<t>"))))
    inside = FamilyView(A.Name("W"), (("depth", n), ("size", n)))
    for witness, accepted in ((outside, False), (inside, True)):
        body = _strengthened_proof(goal, scope, (witness,))
        thm = rules.unfold(goal, scope, body, [], strengthened=True, witnesses=(witness,))
        assert (thm is not None) is accepted


# ---- instances the checker would have refused reach the kernel: no theorem, no crash ------

@pytest.mark.parametrize("goal", [
    "S(q = 2) in RC(n)",  # S has no parameter q
    "S(2) in RC(n)",  # nor a positional one
    "S in RC(n, 3, 4)",  # RC takes two
    "S in RC(d = 3)",  # RC's budget f has no default
    "S in RC(n, d = 3, d = 2)",  # given twice
    "a in RC(n)",  # a parameter is not a family
    "S in S",  # a family is not a class
    "tstar(S, 3, S) = O(n)",  # tstar's class is not a class of the RC shape
])
def test_unfold_refuses_an_unchecked_instance(scope, goal: str) -> None:  # type: ignore[no-untyped-def]
    from rcproof.elaborate.unfold import UnfoldError, unfold

    statement = prop(goal)
    with pytest.raises(UnfoldError):
        unfold(statement, scope)
    rules.register_oracle("test-strong", _yes)
    anything = rules.oracle("test-strong", rules.Query(statement))
    assert rules.unfold(statement, scope, anything, []) is None
    assert rules.unfold(statement, scope, None, []) is None


@pytest.mark.parametrize("call, expect", [
    ("K(1)", {"f": "1", "d": "3"}),
    ("K(1, 2)", {"f": "1", "d": "2"}),
    ("K(d = 2, f = 1)", {"f": "1", "d": "2"}),
    ("K(1, 2, 3)", "too many"),
    ("K(e = 1)", "unknown"),
    ("K(1, f = 2)", "twice"),
    ("K(d = 2)", "missing"),
])
def test_bind_arguments_is_data(call: str, expect: object) -> None:
    from rcproof.elaborate.arguments import ArgumentProblem, bind_arguments
    from rcproof.elaborate.instances import params_of_instance
    from rcproof.errors import RcError

    params = (A.Param("f", None), A.Param("d", parse_expr("3", "<t>")))
    node = parse_expr(call, "<t>")
    assert isinstance(node, A.Call)
    got = bind_arguments(params, node)
    if isinstance(expect, str):
        assert isinstance(got, ArgumentProblem) and got.kind == expect
        with pytest.raises(RcError):
            params_of_instance(params, node, "class K", "")
    else:
        assert got == {k: parse_expr(v, "<t>") for k, v in expect.items()}  # type: ignore[union-attr]
        assert params_of_instance(params, node, "class K", "") == got


@pytest.mark.parametrize("junk", [A.Name("n"), A.Num(Fraction(1)), "S in RC(n)", None])
def test_unfold_refuses_what_is_not_a_core_statement(scope, junk: object) -> None:  # type: ignore[no-untyped-def]
    assert rules.unfold(junk, scope, None, []) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("goal, offered", [
    ("RC(sqrt(n)) subsetneq RC(n^(2/3))", True),
    ("RC(n) subsetneq RC(n^2)", True),
    ("RC(2^n) subsetneq RC(3^n)", False),  # the fullest member's size 27^n: no universe term
    ("RC(n) subsetneq RC(exp(n))", False),
])
def test_engine_offers_only_witnesses_the_kernel_accepts(scope, goal: str, offered: bool
                                                          ) -> None:  # type: ignore[no-untyped-def]
    from rcproof.elaborate.unfold import unfold
    from rcproof.prover.witness import fullest_member

    found = unfold(prop(goal), scope, fullest_member).witnesses
    assert len(found) == 1 and (found[0] is not None) is offered
