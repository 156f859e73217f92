"""Tier 2 against Tier 1: a statement about a parameter pinned to a value (`a == 3/2`)
goes through z3; the same statement with the value written in goes through the growth
algebra. Whenever both decide, they must agree."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from rcproof.elaborate.loader import load_text
from rcproof.prover.tactics import Tactics

fractions = st.builds(Fraction, st.integers(-4, 4), st.integers(1, 3))
RELS = ["O", "Omega", "Theta", "o", "omega"]


def _term(exp_n: str, exp_log: Fraction) -> str:
    return f"n^({exp_n}) * log(n)^({exp_log})"


def _verdicts(template: str, value: Fraction) -> tuple[str, str]:
    symbolic = load_text(f"param a : real where a == {value.numerator}/{value.denominator}\n"
                         f"lemma x: {template.replace('A', 'a')}", "sym.rc")
    concrete = load_text(f"lemma x: {template.replace('A', f'({value})')}", "con.rc")
    results = []
    for unit in (symbolic, concrete):
        results.append(Tactics(unit.scope).check(unit.facts[0].prop).status)
    return results[0], results[1]


@settings(max_examples=60, deadline=None)
@given(value=fractions, k=fractions, b1=fractions, b2=fractions, c=fractions,
       rel=st.sampled_from(RELS))
def test_relations_agree(value: Fraction, k: Fraction, b1: Fraction, b2: Fraction,
                         c: Fraction, rel: str) -> None:
    left = _term(f"A * {k}", b1)
    right = _term(str(c), b2)
    tier2, tier1 = _verdicts(f"{left} = {rel}({right})", value)
    assert tier1 in ("proved", "refuted")
    assert tier2 in (tier1, "unknown")


@settings(max_examples=40, deadline=None)
@given(value=st.builds(Fraction, st.integers(1, 8), st.integers(1, 3)),
       depth=st.builds(Fraction, st.integers(0, 4), st.integers(1, 2)),
       budget=st.builds(Fraction, st.integers(1, 6), st.integers(1, 4)),
       negated=st.booleans())
def test_memberships_agree(value: Fraction, depth: Fraction, budget: Fraction,
                           negated: bool) -> None:
    word = "notin" if negated else "in"
    template = (f"F(s = n^(A)) {word} RC(n^({budget}))")
    family = ("import physics\n"
              f"family F(s = 1) {{ size = s; depth = n^({depth}) * log(n) }}\n")
    symbolic = load_text(family + f"param a : real where a == {value}\n"
                         f"theorem x: {template.replace('A', 'a')}", "sym.rc")
    concrete = load_text(family + f"theorem x: {template.replace('A', f'({value})')}",
                         "con.rc")
    tier2 = Tactics(symbolic.scope).check(symbolic.facts[0].prop).status
    tier1 = Tactics(concrete.scope).check(concrete.facts[0].prop).status
    assert tier1 in ("proved", "refuted")
    assert tier2 in (tier1, "unknown")
