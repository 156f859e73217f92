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
    """The constraint at which the assumptions become unsatisfiable, or None."""
    if not constraints:
        return None
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
