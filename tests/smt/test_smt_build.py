"""smt/build.py builds the very terms z3py's operators build (issue 13): on generated
growth vectors (variables, numerals, products, if-then-else) every helper's term is the
same z3 term as z3py's (`eq`: z3 hash-conses terms) and prints the same, so queries, z3's
answers and its rlimit counts do not change."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import z3

from rcproof.smt import build


def _component(rng: random.Random, ctx: z3.Context, depth: int = 2) -> z3.ArithRef:
    pick = rng.random()
    if depth == 0 or pick < 0.35:
        return z3.Real(f"g{rng.randint(0, 3)}", ctx)
    if pick < 0.6:
        value = Fraction(rng.randint(-3, 3), rng.choice((1, 2, 3)))
        return z3.RealVal(f"{value.numerator}/{value.denominator}", ctx)
    if pick < 0.8:
        return _component(rng, ctx, depth - 1) * _component(rng, ctx, depth - 1)
    cond = _component(rng, ctx, depth - 1) < _component(rng, ctx, depth - 1)
    return z3.If(cond, _component(rng, ctx, depth - 1), _component(rng, ctx, depth - 1))


def _same(mine: z3.ExprRef, theirs: z3.ExprRef) -> None:
    assert mine.eq(theirs), (mine, theirs)
    assert mine.sexpr() == theirs.sexpr()


@pytest.mark.parametrize("seed", range(6))
def test_helpers_build_z3pys_terms(seed: int) -> None:
    rng = random.Random(seed)
    ctx = z3.Context()
    for _ in range(60):
        a, b, c = (_component(rng, ctx) for _ in range(3))
        _same(build.lt(a, b), a < b)
        _same(build.eq(a, b), a == b)
        p, q, r = a < b, b == c, c < a
        _same(build.and_(p, q), z3.And(p, q))
        _same(build.and_(p, q, r), z3.And(p, q, r))
        _same(build.or_(p, q), z3.Or(p, q))
        _same(build.or_(p, q, r), z3.Or(p, q, r))
        _same(build.ite(p, a, b), z3.If(p, a, b))


def test_growth_vector_comparisons_print_as_before() -> None:
    """The lexicographic order as growthvec.py built it with z3py's operators."""
    from rcproof.smt import growthvec

    ctx = z3.Context()
    rng = random.Random(7)
    for _ in range(40):
        u = tuple(_component(rng, ctx) for _ in range(3))
        v = tuple(_component(rng, ctx) for _ in range(3))
        old_lt = z3.Or(u[0] < v[0], z3.And(u[0] == v[0], z3.Or(
            u[1] < v[1], z3.And(u[1] == v[1], u[2] < v[2]))))
        old_eq = z3.And(u[0] == v[0], u[1] == v[1], u[2] == v[2])
        _same(growthvec.lex_lt(u, v), old_lt)  # type: ignore[arg-type]
        _same(growthvec.vec_eq(u, v), old_eq)  # type: ignore[arg-type]
        _same(growthvec.lex_le(u, v), z3.Or(old_lt, old_eq))  # type: ignore[arg-type]


def test_shared_numerals_are_the_terms_realval_builds() -> None:
    from rcproof.smt.realterm import RealTerms

    ctx = z3.Context()
    shared: dict[Fraction, z3.ArithRef] = {}
    rng = random.Random(3)
    for _ in range(200):
        value = Fraction(rng.randint(-50, 50), rng.randint(1, 12))
        terms = RealTerms(ctx, lambda name: None, shared)  # a new translation, one context
        _same(terms.num(value), z3.RealVal(f"{value.numerator}/{value.denominator}", ctx))
    assert len(shared) <= 200 and shared  # recalled, not rebuilt
