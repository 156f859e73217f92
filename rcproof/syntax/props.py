"""Propositional structure of core terms: the ground atoms of a formula, replacing
decided atoms by truth values, and three-valued evaluation. Pure functions shared by the
engine (which decides atoms) and the kernel (which re-checks the same reduction)."""

from __future__ import annotations

from fractions import Fraction

from rcproof.syntax import core as A
from rcproof.syntax.terms import is_ground


def circuit_facts(family: A.Expr) -> tuple[A.Relation, ...]:
    """What every circuit family satisfies (THEORY.md §4, structural facts), for the
    family term `family` (a name, a bound variable or an instance call): at least one gate,
    depth at least 1, and size ≥ depth (a longest path has depth gates):
    size(F) = Ω(1), depth(F) = Ω(1), depth(F) = O(size(F))."""
    one = A.Num(Fraction(1))
    size, depth = A.Call("size", (family,)), A.Call("depth", (family,))
    return (A.Relation(size, "Omega", one), A.Relation(depth, "Omega", one),
            A.Relation(depth, "O", size))


def ground_atoms(p: A.Prop) -> list[A.Relation]:
    """The Landau atoms of `p` whose sides are ground (n, numbers, built-ins), in order,
    each once, under connectives and quantifiers alike."""
    out: list[A.Relation] = []
    _collect(p, out)
    return list(dict.fromkeys(out))


def _collect(p: A.Prop, out: list[A.Relation]) -> None:
    if isinstance(p, A.Relation):
        if is_ground(p.left) and is_ground(p.right):
            out.append(p)
    elif isinstance(p, A.Not):
        _collect(p.operand, out)
    elif isinstance(p, (A.And, A.Or, A.Implies)):
        _collect(p.left, out)
        _collect(p.right, out)
    elif isinstance(p, A.Forall):
        for h in p.where:
            _collect(h, out)
        _collect(p.body, out)


def substitute_atoms(p: A.Prop, values: dict[A.Relation, bool]) -> A.Prop:
    """Replace decided ground atoms by their truth values."""
    if isinstance(p, A.Relation):
        return A.Truth(values[p]) if p in values else p
    if isinstance(p, A.Not):
        return A.Not(substitute_atoms(p.operand, values))
    if isinstance(p, (A.And, A.Or, A.Implies)):
        return type(p)(substitute_atoms(p.left, values), substitute_atoms(p.right, values))
    if isinstance(p, A.Forall):
        return A.Forall(p.names, p.kind, tuple(substitute_atoms(h, values) for h in p.where),
                        substitute_atoms(p.body, values))
    return p


def evaluate(p: A.Prop) -> bool | None:
    """Three-valued evaluation of a formula whose atoms are all truth values."""
    if isinstance(p, A.Truth):
        return p.value
    if isinstance(p, A.Not):
        v = evaluate(p.operand)
        return None if v is None else not v
    if isinstance(p, A.And):
        a, b = evaluate(p.left), evaluate(p.right)
        if a is False or b is False:
            return False
        return None if a is None or b is None else True
    if isinstance(p, A.Or):
        a, b = evaluate(p.left), evaluate(p.right)
        if a is True or b is True:
            return True
        return None if a is None or b is None else False
    if isinstance(p, A.Implies):
        a, b = evaluate(p.left), evaluate(p.right)
        if a is False or b is True:
            return True
        return None if a is None or b is None else False
    return None


def is_closed(p: A.Prop) -> bool:
    """Only truth values left, and no quantifier whose hypotheses might be empty."""
    if isinstance(p, A.Truth):
        return True
    if isinstance(p, A.Not):
        return is_closed(p.operand)
    if isinstance(p, (A.And, A.Or, A.Implies)):
        return is_closed(p.left) and is_closed(p.right)
    return False
