"""The kernel's own Tier 1 check (rcproof.tier1) against the engine's growth algebra: it
never contradicts it, it decides the monomial fragment, swapped sides flip the answer,
and the exact exponent comparison agrees with integer powers."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rcproof import growth
from rcproof.kernel import rules
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr
from rcproof.tier1 import exponents as X
from rcproof.tier1 import sums
from rcproof.tier1.exponents import Unsupported

RELS = ("O", "o", "Theta", "Omega", "omega", "~")
_LEAVES = st.sampled_from(["n", "log(n)", "log(log(n))", "2", "1/3", "n^(1/2)", "n^2",
                           "n^(log(3)/log(2))", "n^(log(7)/log(4))", "(4*n)^(1/2)"])


def _trees(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    powers = st.sampled_from(["2", "1/2", "-1", "3", "2/3", "log(3)/log(2)"])
    return st.one_of(
        st.builds(lambda a, b: f"({a}) + ({b})", children, children),
        st.builds(lambda a, b: f"({a}) - ({b})", children, children),
        st.builds(lambda a, b: f"({a})*({b})", children, children),
        st.builds(lambda a, b: f"({a})/({b})", children, children),
        st.builds(lambda a, r: f"({a})^({r})", children, powers),
        st.builds(lambda a: f"sqrt({a})", children),
        st.builds(lambda a: f"log({a})", children),
        st.builds(lambda a, b: f"max({a}, {b})", children, children),
        st.builds(lambda a, b: f"min({a}, {b})", children, children),
        st.builds(lambda a: f"exp(log({a})/2)", children),
    )


TREES = st.recursive(_LEAVES, _trees, max_leaves=5)


def engine(atom: A.Relation) -> bool | None:
    try:
        return growth.holds(growth.compare(atom.left, atom.right), atom.rel)
    except growth.GrowthError:
        return None


def kernel(atom: A.Relation) -> bool | None:
    try:
        return sums.decide(atom)
    except Unsupported:
        return None


@settings(max_examples=300, deadline=None)
@given(TREES, TREES, st.sampled_from(RELS))
def test_the_kernel_check_never_contradicts_the_engine(f: str, g: str, rel: str) -> None:
    atom = A.Relation(parse_expr(f, "<f>"), rel, parse_expr(g, "<g>"))
    mine = kernel(atom)
    if mine is not None:
        assert engine(atom) in (mine, None), (f, rel, g)


MONOS = st.builds(lambda c, a, b, e: f"{c}*n^({a})*log(n)^({b})*log(log(n))^({e})",
                  st.sampled_from(["1", "2", "1/3", "7"]),
                  st.sampled_from(["0", "1", "-1/2", "2/3", "log(3)/log(2)"]),
                  st.sampled_from(["0", "1", "-2", "1/2"]),
                  st.sampled_from(["0", "1", "-1"]))


@settings(max_examples=200, deadline=None)
@given(MONOS, MONOS, st.sampled_from(RELS))
def test_monomials_are_decided_and_agree(f: str, g: str, rel: str) -> None:
    atom = A.Relation(parse_expr(f, "<f>"), rel, parse_expr(g, "<g>"))
    assert kernel(atom) is not None
    assert kernel(atom) == engine(atom)


@pytest.mark.parametrize("f, g", [("n", "n^2"), ("log(n)", "sqrt(n)"),
                                  ("n^(3/2)", "n^(log(3)/log(2))"),
                                  ("n^(log(7)/log(4))", "n^(1404/1000)"),
                                  ("n^2 + n", "n^2*log(n)"), ("log(log(n))", "log(n)")])
def test_an_atom_whose_sides_were_swapped_is_rejected(f: str, g: str) -> None:
    """f = o(g) is proved; g = o(f) and g = O(f) get only their negations."""
    lo, hi = parse_expr(f, "<f>"), parse_expr(g, "<g>")
    assert rules.ground(A.Relation(lo, "o", hi)).prop == A.Relation(lo, "o", hi)
    for rel in ("o", "O"):
        swapped = A.Relation(hi, rel, lo)
        thm = rules.ground(swapped)
        assert thm is not None and thm.prop == A.Not(swapped)


@pytest.mark.parametrize("text", ["n - n", "log(1)", "n^n", "2^n", "exp(n)", "f(n)",
                                  "log(n)^log(n)", "sqrt(n) - sqrt(n)", "-n", "x"])
def test_what_is_not_shown_positive_gets_no_answer(text: str) -> None:
    with pytest.raises(Unsupported):
        sums.leading(parse_expr(text, "<t>"))


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 60), st.integers(2, 60),
       st.fractions(min_value=-8, max_value=8, max_denominator=12))
def test_log_ratio_sign_matches_integer_powers(a: int, b: int, r: Fraction) -> None:
    """log a/log b − r has the sign of a^den − b^num (r = num/den ≥ 0), exactly."""
    value = X.add(X.ratio(X.log_of(Fraction(a)), X.log_of(Fraction(b))),
                  X.scale(r, Fraction(-1)))
    if r < 0:
        assert X.sign(value) == 1
        return
    lhs, rhs = a ** r.denominator, b ** r.numerator
    assert X.sign(value) == (lhs > rhs) - (lhs < rhs)


@pytest.mark.parametrize("text", ["(2*n)^(10^9)", "(3*n)^(123456789/2)", "n^(10^9) - n"])
def test_huge_powers_are_declined_not_computed(text: str) -> None:
    atom = A.Relation(parse_expr(text, "<f>"), "O", parse_expr("n", "<g>"))
    assert kernel(atom) in (None, False)


def test_two_bases_and_irrational_products_are_unsupported() -> None:
    l3_l2 = X.ratio(X.log_of(Fraction(3)), X.log_of(Fraction(2)))
    l3_l5 = X.ratio(X.log_of(Fraction(3)), X.log_of(Fraction(5)))
    assert isinstance(l3_l2, X.LogRatio)
    with pytest.raises(Unsupported):
        X.add(l3_l2, l3_l5)
    with pytest.raises(Unsupported):
        X.times(l3_l2, l3_l2)
    assert X.ratio(X.log_of(Fraction(8)), X.log_of(Fraction(4))) == Fraction(3, 2)
    assert X.ratio(X.log_of(Fraction(7)), X.log_of(Fraction(4))) == X.scale(
        X.ratio(X.log_of(Fraction(7)), X.log_of(Fraction(2))), Fraction(1, 2))


def test_the_growth_oracle_is_named_in_the_theorem() -> None:
    """(4n)^(1/3) has an irrational coefficient: outside the kernel's check, so the
    theorem, when the engine's algebra answers, records the oracle."""
    import rcproof.prover.tactics  # noqa: F401  (registers the engine's oracles)

    atom = A.Relation(parse_expr("(4*n)^(1/3)", "<f>"), "O", parse_expr("n", "<g>"))
    assert kernel(atom) is None
    thm = rules.ground(atom)
    assert thm is not None and thm.prop == atom and thm.oracles == ("growth",)
    assert rules.ground(A.Relation(atom.right, "O", atom.left)).prop == A.Not(
        A.Relation(atom.right, "O", atom.left))
