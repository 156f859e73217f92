"""Are the declared parameter assumptions satisfiable together? (z3, budgeted)."""

from __future__ import annotations

import z3

from rcproof.smt.budget import check
from rcproof.smt.realterm import RealTerms, Untranslatable
from rcproof.syntax import ast as A

_OPS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b, "==": lambda a, b: a == b}


def comparison(c: A.Comparison, terms: RealTerms) -> z3.BoolRef:
    """A chained comparison as a z3 conjunction."""
    values = [terms.term(t) for t in c.terms]
    parts = [_OPS[op](a, b) for op, a, b in zip(c.ops, values, values[1:])]
    return z3.And(*parts) if len(parts) > 1 else parts[0]


def inconsistent_params(constraints: list[A.Prop]) -> A.Prop | None:
    """The constraint at which the assumptions become unsatisfiable, or None.

    The answer (the culprit's position) is kept in the oracle cache under the exact
    constraints, like every z3 answer (rcproof/cache.py): a warm run of a library whose
    parameter declarations have not changed does not start z3 (issue 13)."""
    if not constraints:
        return None
    from rcproof import cache

    if not cache.enabled():
        return _first_inconsistent(constraints)
    k = cache.key("params", tuple(constraints))
    stored = cache.get(k)
    if isinstance(stored, int) and -1 <= stored < len(constraints):
        return None if stored < 0 else constraints[stored]
    culprit = _first_inconsistent(constraints)
    cache.put(k, -1 if culprit is None else next(
        i for i, c in enumerate(constraints) if c is culprit))
    return culprit


def _first_inconsistent(constraints: list[A.Prop]) -> A.Prop | None:
    ctx = z3.Context()
    names: dict[str, z3.ArithRef] = {}

    def var(name: str) -> z3.ArithRef:
        if name not in names:
            names[name] = z3.Real(name, ctx)
        return names[name]

    terms = RealTerms(ctx, var)
    solver = z3.Solver(ctx=ctx)
    for c in constraints:
        if not isinstance(c, A.Comparison):
            continue
        try:
            solver.add(comparison(c, terms))
        except Untranslatable:
            continue
        for side in terms.sides:
            solver.add(side)
        terms.sides.clear()
        if check(solver) == z3.unsat:
            return c
    return None
