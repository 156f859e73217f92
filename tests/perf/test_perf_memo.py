"""Cached AST hashes and the Tier 1 leading-term memo (issue 13) save work only: equality
stays structural, no per-process hash crosses a process boundary, and a recalled leading
term costs the budget what computing it cost."""

from __future__ import annotations

import importlib
import pickle
import random
from fractions import Fraction

import pytest

from rcproof import budget
from rcproof.syntax import ast as A

leading_module = importlib.import_module("rcproof.growth.leading")  # the package's
# `leading` attribute is the function


def _expr(rng: random.Random, depth: int) -> A.Expr:
    """A random ground expression of n (numbers, n, log, sqrt, + * / ^)."""
    if depth == 0 or rng.random() < 0.25:
        return A.Num(Fraction(rng.randint(1, 9), rng.choice([1, 2, 3]))) if rng.random() < 0.4 \
            else A.Name("n")
    pick = rng.random()
    if pick < 0.2:
        return A.Call(rng.choice(["log", "sqrt"]), (_expr(rng, depth - 1),))
    if pick < 0.35:
        return A.BinOp("^", _expr(rng, depth - 1), A.Num(Fraction(rng.randint(1, 5), 2)))
    return A.BinOp(rng.choice("+*/"), _expr(rng, depth - 1), _expr(rng, depth - 1))


def _prop(rng: random.Random) -> A.Prop:
    atom = A.Relation(_expr(rng, 3), rng.choice(A.LANDAU[:5]), _expr(rng, 3))
    return A.Not(atom) if rng.random() < 0.3 else A.And(atom, atom)


# ---- cached hashes -------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(8))
def test_cached_hash_agrees_with_structure_and_is_never_pickled(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        p = _prop(rng)
        twin = pickle.loads(pickle.dumps(p))  # a structurally equal, separate tree
        assert A._HASH not in twin.__dict__  # nothing cached travels
        h = hash(p)
        assert A._HASH in p.__dict__  # cached now …
        assert A._HASH not in pickle.loads(pickle.dumps(p)).__dict__  # … and not pickled
        assert twin == p and hash(twin) == h and twin == p
        other = _prop(rng)
        hash(other)
        assert (other == p) == (repr(other) == repr(p))  # equality is still structural
        assert {p: 1}.get(twin) == 1


def test_a_stale_cached_hash_cannot_make_unequal_trees_equal() -> None:
    left, right = A.Name("n"), A.Name("m")
    hash(left)
    right.__dict__[A._HASH] = left.__dict__[A._HASH]  # as if it had collided
    assert left != right  # a hash match still compares the fields


# ---- the leading-term memo -----------------------------------------------------------

@pytest.mark.parametrize("seed", range(6))
def test_a_recalled_leading_term_costs_what_computing_it_cost(seed: int) -> None:
    from rcproof.growth.errors import GrowthError

    rng = random.Random(100 + seed)
    for _ in range(30):
        e = _expr(rng, 4)
        leading_module._MEMO.pop(e, None)
        results = []
        for _ in range(2):  # computed, then recalled
            with budget.budget_scope(budget.Budget(10**9)) as account:
                try:
                    results.append((leading_module.leading(e), account.spent))
                except GrowthError as exc:
                    results.append((type(exc), account.spent))
        assert results[0] == results[1], e


@pytest.mark.parametrize("depth", [10, 2_000, 20_000])
def test_equality_of_deep_trees_needs_no_recursion(depth: int) -> None:
    """Equal sums of thousands of terms meet in memos; comparing them must not hit the
    recursion limit, and a difference at the deepest leaf is still seen."""

    def chain(last: int) -> A.Expr:
        e: A.Expr = A.Num(Fraction(last))
        for i in range(depth):
            e = A.BinOp("+", e, A.BinOp("^", A.Name("n"), A.Num(Fraction(i % 7, 3))))
        return e

    assert chain(1) == chain(1)
    assert chain(1) != chain(2)
    assert chain(1) != A.Neg(chain(1))
