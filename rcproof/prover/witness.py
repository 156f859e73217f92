"""Search: the family the engine offers as a witness of a strict class inclusion.

`K1 ⊊ K2` unfolds (elaborate/unfold.py) into `K1 ⊆ K2 ∧ (offered ∨ ∃C. C ∈ K2 ∧ C ∉ K1)`,
where `offered` is the existential's body at one concrete family W. Any W with exact
resources is sound (the kernel builds `offered` from it and the structural facts of a
circuit), so choosing W is search, outside the trusted base. The choice here is the
fullest member of K2: every resource as large as K2's laws allow when its time t is at
K2's upper bound, t = Θ(min of the upper bounds), i.e. a resource r with the law
r = O(c·t^k) is set to c·t^k (THEORY.md §4: the laws bound t from below by the
resources).
"""

from __future__ import annotations

from rcproof.elaborate.unfold import (
    ONE,
    WITNESS,
    FamilyView,
    Unfolder,
    mul,
    power,
    reciprocal,
    split_power,
)
from rcproof.kernel.instantiate import witness_range
from rcproof.syntax import ast as A
from rcproof.syntax import definitions as T
from rcproof.syntax.terms import const_value
from rcproof.syntax.unfoldproblem import Missing, UnfoldError, UnfoldProblem


def fullest_member(unfolder: Unfolder, cls: T.Class, args: dict[str, A.Expr]
                   ) -> FamilyView:
    """The fullest member of the class instance `cls(args)`, as a family view labelled W.

    Raises UnfoldError when the class has no upper bound on its time (then no member is
    fullest) or when a resource so chosen lies outside the function universe (the kernel
    accepts no such witness); the strict inclusion then keeps only its existential."""
    resources = list(cls.resources)
    env = dict(args)
    env.update({r: A.Name(r) for r in resources})
    lowers, uppers, _ = unfolder.bounds(cls, env)
    if not uppers:
        raise UnfoldError(UnfoldProblem(Missing.NO_FULLEST_MEMBER, cls.name))
    top = uppers[0].expr if len(uppers) == 1 else A.Call("min", tuple(u.expr for u in uppers))
    chosen: dict[str, A.Expr] = {}
    for low in lowers:
        target = _resource_power(low.expr, resources)
        if target is None:
            continue
        name, k, cofactor = target
        value = mul(cofactor, power(top, k))
        chosen[name] = value if name not in chosen else A.Call("min", (chosen[name], value))
    for needed in ("size", "depth"):
        chosen.setdefault(needed, ONE)
    resources = tuple(sorted(chosen.items()))
    why = witness_range(resources, unfolder.definitions, dict(unfolder._kinds))
    if why is not None:  # the kernel would refuse it: offer none, keep the existential
        raise UnfoldError(UnfoldProblem(Missing.WITNESS_OUTSIDE, cls.name, detail=why))
    return FamilyView(A.Name(WITNESS), resources)


def _resource_power(e: A.Expr, resources: list[str]) -> tuple[str, A.Expr, A.Expr] | None:
    """For a lower bound e = cofactor·r^k on t given by a resource r: (r, 1/k,
    cofactor^(-1/k)), so that r = cofactor^(-1/k)·t^(1/k) meets the bound with equality."""
    for name in resources:
        split = split_power(e, name)
        if split is None or const_value(split[0]) == 0:
            continue
        k, cofactor = split
        # e = cofactor · r^k  ⇒  r = (t / cofactor)^(1/k), with t at its upper bound.
        inverse = reciprocal(k)
        return name, inverse, power(ONE if cofactor == ONE else reciprocal(cofactor), inverse)
    return None
