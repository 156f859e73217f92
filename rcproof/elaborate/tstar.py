"""`tstar(F, d)`: the minimal realization time of a family instance, unfolded.

Definition (docs/theory.md, "Minimal realization time"): for a class K of the RC shape
(rcproof.elaborate.shape) with dimension parameter d, each constraint of its `exists t`
block other than the budget solves to a lower bound t ≥ Θ(b_i) on the realization time;
t*_d(F) = Θ(max_i b_i). With physics.rc's RC this is THEORY.md §4's
t*_d = Θ(max(depth, size^(1/d), n^(1/(d-1)))), read off the class's own laws: no law is
known to this module. `tstar(F)` takes the class's default dimension (d = 3 for RC);
`tstar(F, d, K)` names the class (default: RC when in scope, else the only class of the
RC shape).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rcproof.elaborate.shape import chosen_shape
from rcproof.syntax import core as A
from rcproof.syntax.definitions import TSTAR
from rcproof.syntax.unfoldproblem import Missing, UnfoldError, UnfoldProblem
from rcproof.syntax.walk import rewrite

if TYPE_CHECKING:
    from rcproof.elaborate.unfold import Unfolder

__all__ = ["TSTAR", "minimal_time", "t_free_holds"]


def t_free_holds(rel: A.Relation) -> bool | None:
    """Whether a constraint of the class that does not mention t holds for the family:
    True or False when the kernel's own Tier 1 check (rcproof.tier1: exact sums of
    growth monomials, compared by their leading terms) decides it, None otherwise.

    Only Landau relations other than `~` are asked, whose truth a Θ-equal substitution
    of the family's exact resources keeps. The equivalence F ∈ K(f, d) ⟺
    t*_d(F) = O(f) of docs/theory.md needs such a constraint (`size = O(n)` outside
    `exists t`) to hold: when it fails, F is in no instance of K and t* is undefined
    (review 7, F5)."""
    from rcproof.tier1 import exponents, sums

    try:
        return sums.decide(rel)
    except (exponents.Unsupported, ValueError, ArithmeticError, RecursionError):
        return None


def minimal_time(unfolder: Unfolder, call: A.Call, env: dict[str, A.Expr],
                 bound: dict[str, str]) -> A.Expr:
    """The core term of `tstar(F, d, K)`: max of the lower bounds K's laws put on t.

    Raises UnfoldError (the statement is then unknown with that reason) when a law is
    strict (`o(t)`: no least t exists), when a law other than the budget bounds t from
    above, when K bounds t from below by nothing, or when a constraint of K free of t
    is not shown to hold for the family (`t_free_holds`: the family may be in no
    instance of K, and t* = Θ(max of the lower bounds) would claim one)."""
    cls_arg = call.args[2] if len(call.args) > 2 else None
    name = cls_arg.id if isinstance(cls_arg, A.Name) else None
    shape = chosen_shape(unfolder.definitions, name)
    if shape is None:  # the checker has told the user why (elaborate/shapecheck.py)
        raise UnfoldError(UnfoldProblem(Missing.TSTAR_NO_CLASS, name or ""))
    dim = (unfolder.expr(call.args[1], env, bound) if len(call.args) > 1
           else shape.default_dim())
    view = unfolder.family(call.args[0], env, bound)
    args = {p.name: p.default for p in shape.cls.decl.params}
    # The budget only bounds t from above; a name no user can write marks its bound, so
    # that any other upper bound on t (which may exclude the least t) is seen below.
    budget = A.Name("budget#tstar")
    args[shape.budget] = budget
    if shape.dim is not None and dim is not None:
        args[shape.dim] = dim
    lowers, uppers, free = unfolder.bounds(shape.cls, unfolder._class_env(  # type: ignore[arg-type]
        shape.cls, args, view))  # type: ignore[arg-type]
    if any(b.expr != budget for b in uppers):
        raise UnfoldError(UnfoldProblem(Missing.TSTAR_UPPER, shape.name))
    if any(b.strict for b in lowers):
        raise UnfoldError(UnfoldProblem(Missing.TSTAR_STRICT, shape.name))
    if not lowers:
        raise UnfoldError(UnfoldProblem(Missing.TSTAR_NO_LOWER, shape.name))
    exact = dict(unfolder._exact)  # resources in Θ mode: the marker r(F) stands for E
    for rel in free:
        shown = t_free_holds(rewrite(rel, exact.get)) if isinstance(  # type: ignore[arg-type]
            rel, A.Relation) and rel.rel != "~" else None
        if shown is not True:
            raise UnfoldError(UnfoldProblem(Missing.TSTAR_OUTSIDE, shape.name, law=rel,
                                            detail="fails" if shown is False else "unshown"))
    exprs = list(dict.fromkeys(b.expr for b in lowers))
    return exprs[0] if len(exprs) == 1 else A.Call("max", tuple(exprs))
