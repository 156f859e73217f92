"""`by NAME` up to spelling: the instance of a fact's conclusion that equals the goal
once both are written one way (`sqrt(x)` as `x^(1/2)`, the operands of `+` and `*` in
a fixed order). Search only: the instance found is given to the kernel's `instance`
rule in the fact's own spelling, and the goal is then proved from it by `auto`, so a
wrong match here costs an `unknown`, never a wrong verdict (review 6 F10, review 7 F6).
"""

from __future__ import annotations

from fractions import Fraction
from itertools import count

from rcproof.kernel.instantiate import _match, _numerals_agree, substitute
from rcproof.syntax import ast as A
from rcproof.syntax.walk import rewrite

_HALF = A.Num(Fraction(1, 2))
_fresh = count()


def canonical(node: object) -> object:
    """`node` with sqrt(x) as x^(1/2) and each chain of `+` or `*` in a fixed order (the
    operands sorted by their printed form), bottom-up."""
    def change(e: object) -> object | None:
        if isinstance(e, A.Call) and e.func == "sqrt" and len(e.args) == 1 and not e.kwargs:
            return A.BinOp("^", canonical(e.args[0]), _HALF)  # type: ignore[arg-type]
        if isinstance(e, A.BinOp) and e.op in "+*":
            parts = sorted((canonical(x) for x in _chain(e, e.op)), key=repr)
            out = parts[0]
            for p in parts[1:]:
                out = A.BinOp(e.op, out, p)  # type: ignore[arg-type]
            return out
        return None

    return rewrite(node, change)


def _chain(e: A.Expr, op: str) -> list[A.Expr]:
    if isinstance(e, A.BinOp) and e.op == op:
        return _chain(e.left, op) + _chain(e.right, op)
    return [e]


def spelled_instance(fact: A.Prop, goal: A.Prop) -> A.Prop | None:
    """An instance of `fact`'s conclusion, in the fact's spelling, that equals `goal` up to
    spelling (every quantified variable of the fact determined); None when there is none
    or it is `goal` itself. The fact's `forall` prefix and implications are peeled one
    level at a time, as the kernel's `instantiate` does."""
    target = canonical(goal)
    body, canon = fact, canonical(fact)
    holes: set[str] = set()
    while True:
        subst: dict[str, object] = {}
        deferred: list[tuple[A.Expr, A.Expr]] = []
        if _match(canon, target, holes, subst, deferred) and _numerals_agree(deferred, subst):
            if not holes <= set(subst):
                return None
            found = substitute(body, subst)
            return None if found == goal else found  # type: ignore[return-value]
        if isinstance(body, A.Forall) and isinstance(canon, A.Forall):
            fresh = {x: A.Name(f"{x}#s{next(_fresh)}") for x in body.names}
            holes |= {y.id for y in fresh.values()}
            body = substitute(body.body, fresh)  # type: ignore[assignment]
            canon = substitute(canon.body, fresh)  # type: ignore[assignment]
        elif isinstance(body, A.Implies) and isinstance(canon, A.Implies):
            body, canon = body.right, canon.right
        else:
            return None
