"""Minimal realization time t*_d of a family: the tight bound, the law that binds, and
the smallest RC class that holds the family (checked by the kernel)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from rcproof import growth
from rcproof.elaborate.loader import SourceFile, load_program
from rcproof.elaborate.symbols import ClassSym, FamilySym, Scope
from rcproof.errors import RcError, did_you_mean
from rcproof.kernel.unfold import Bound, Unfolder
from rcproof.prover.tactics import Tactics
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr

N = A.Name("n")


@dataclass(frozen=True)
class TightBound:
    """t*_d = Θ(time); `laws` bind (their lower bounds are Θ(time))."""

    family: A.Expr
    dim: A.Expr
    time: A.Expr | None
    laws: tuple[str, ...]
    size: A.Expr | None = None
    volume_fill: A.Expr | None = None  # size / t*^d, how full the light cone is
    cases: tuple[TightBound, ...] = ()  # a case split over intervals of symbolic d
    checked: str | None = None         # kernel verdict on membership in RC(time, d)
    tight: str | None = None           # kernel verdict on: in no RC(f, d) with f = o(time)
    note: str | None = None


def find_family(units: list[SourceFile], name: str) -> tuple[SourceFile, FamilySym]:
    for unit in units:
        sym = unit.scope.get(name)
        if isinstance(sym, FamilySym):
            return unit, sym
    known = {n for u in units for n, s in u.scope.symbols.items() if isinstance(s, FamilySym)}
    raise RcError(f"unknown family '{name}'", None,
                  did_you_mean(name, known) or f"families here: {', '.join(sorted(known))}")


def rc_class(scope: Scope) -> ClassSym:
    sym = scope.get("RC")
    if isinstance(sym, ClassSym):
        return sym
    raise RcError("class RC is not in scope here", None, "add `import physics` to the file")


def instance(name: str, params: list[str]) -> A.Expr:
    kwargs = []
    for text in params:
        if "=" not in text:
            raise RcError(f"--param takes NAME=EXPR, not '{text}'")
        key, value = text.split("=", 1)
        kwargs.append((key.strip(), parse_expr(value.strip(), "--param")))
    return A.Call(name, (), tuple(kwargs)) if kwargs else A.Name(name)


def lower_bounds(scope: Scope, family: A.Expr, dim: A.Expr) -> tuple[list[Bound], A.Expr]:
    """The lower bounds on t that RC's laws put on this family, and its size."""
    unfolder = Unfolder(scope)
    view = unfolder.family(family, {}, {})
    cls = rc_class(scope)
    env = {"f": N, "d": dim}
    env_args = {p.name: env.get(p.name, p.default) for p in cls.decl.params}
    lowers, _, _ = unfolder.bounds(cls, unfolder._class_env(cls, env_args, view))  # type: ignore[arg-type]
    return lowers, view.resource("size")


def simplify_power(e: A.Expr) -> A.Expr:
    """(n^a)^b → n^(a·b) for display."""
    if isinstance(e, A.BinOp) and e.op == "^":
        base = simplify_power(e.left)
        if isinstance(base, A.BinOp) and base.op == "^" and base.left == N:
            inner = base.right
            if isinstance(inner, A.Num) and isinstance(e.right, A.BinOp) and e.right.op == "/" \
                    and e.right.left == A.Num(Fraction(1)):
                top, bottom = inner.value.numerator, inner.value.denominator
                divisor = e.right.right if bottom == 1 else A.BinOp(
                    "*", A.Num(Fraction(bottom)), e.right.right)
                return A.BinOp("^", N, A.BinOp("/", A.Num(Fraction(top)), divisor))
            if isinstance(inner, A.Num) and isinstance(e.right, A.Num):
                return A.BinOp("^", N, A.Num(inner.value * e.right.value))
        return A.BinOp("^", base, e.right)
    return e


def tight_bound(unit: SourceFile, family: A.Expr, dim: A.Expr,
                budget: float = 2.0) -> TightBound:
    scope = unit.scope
    lowers, size = lower_bounds(scope, family, dim)
    if isinstance(dim, A.Num):
        return _concrete(scope, family, dim, lowers, size, budget)
    return _symbolic(scope, family, dim, lowers, budget)


def _concrete(scope: Scope, family: A.Expr, dim: A.Expr, lowers: list[Bound], size: A.Expr,
              budget: float) -> TightBound:
    try:
        leads = [(growth.leading(b.expr), b) for b in lowers]
    except growth.GrowthError as exc:
        return TightBound(family, dim, None, (), note=f"outside Tier 1: {exc.reason}")
    top = max(lead.exps for lead, _ in leads)
    laws = tuple(dict.fromkeys(b.law for lead, b in leads if lead.exps == top))
    time = next(lead for lead, _ in leads if lead.exps == top).to_expr()
    fill = None
    try:
        size = growth.leading(size).to_expr()
        fill = growth.leading(A.BinOp("/", size, A.BinOp("^", time, dim))).to_expr()
    except growth.GrowthError:
        pass
    kernel = Tactics(scope, budget)
    verdict = kernel.check(A.Membership(family, A.Call("RC", (time,), (("d", dim),))))
    return TightBound(family, dim, time, laws, size=size, volume_fill=fill,
                      checked=verdict.status,
                      tight=kernel.check(_tightness(family, time, dim)).status)


def _tightness(family: A.Expr, time: A.Expr, dim: A.Expr) -> A.Prop:
    """No budget below the bound: forall f = o(time), family notin RC(f, d)."""
    name = "f"
    return A.Forall((name,), "fun", (A.Relation(A.Name(name), "o", time),), A.Membership(
        family, A.Call("RC", (A.Name(name),), (("d", dim),)), negated=True))


def _symbolic(scope: Scope, family: A.Expr, dim: A.Expr, lowers: list[Bound],
              budget: float) -> TightBound:
    """The bound that dominates for every d >= 2 (kernel-checked), or a case split into
    intervals of d, each checked by the kernel."""
    kernel = Tactics(scope, budget)
    assert isinstance(dim, A.Name)
    found = _on_interval(kernel, family, dim, lowers, Fraction(2), None)
    if found is not None:
        return found
    cases = []
    points = _breakpoints(dim, lowers)
    if points is not None:
        edges = [Fraction(2), *points, None]
        for low, high in itertools.pairwise(edges):
            case = _on_interval(kernel, family, dim, lowers, low, high)
            if case is None:
                break
            cases.append(case)
        else:
            return TightBound(family, dim, None, (), cases=tuple(cases),
                              note="the binding law changes with d")
    return TightBound(family, dim, None, (), note="no single law binds for every d >= 2 "
                      "and no case split was found: give --dim a number")


def _interval(dim: A.Name, low: Fraction, high: Fraction | None) -> tuple[A.Prop, ...]:
    where: list[A.Prop] = [A.Comparison((dim, A.Num(low)), (">=",))]
    if high is not None:
        where.append(A.Comparison((dim, A.Num(high)), ("<=",)))
    return tuple(where)


def _on_interval(kernel: Tactics, family: A.Expr, dim: A.Name, lowers: list[Bound],
                 low: Fraction, high: Fraction | None) -> TightBound | None:
    """The lower bound that dominates all others for every d in [low, high], if one does."""
    where = _interval(dim, low, high)
    for candidate in lowers:
        claim: A.Prop = A.Truth(True)
        for other in lowers:
            if other is not candidate:
                claim = A.And(claim, A.Relation(other.expr, "O", candidate.expr))
        if kernel.check(A.Forall((dim.id,), "real", where, claim)).status != "proved":
            continue
        laws = tuple(dict.fromkeys(b.law for b in lowers if kernel.check(A.Forall(
            (dim.id,), "real", where, A.Relation(b.expr, "Theta", candidate.expr))
        ).status == "proved"))
        time = simplify_power(_lead_base(candidate.expr))
        member = kernel.check(A.Forall((dim.id,), "real", where, A.Membership(
            family, A.Call("RC", (time,), (("d", dim),)))))
        tight = kernel.check(A.Forall((dim.id,), "real", where,
                                      _tightness(family, time, dim)))
        span = f"{dim.id} >= {low}" if high is None else f"{low} <= {dim.id} <= {high}"
        return TightBound(family, dim, time, laws, checked=member.status, tight=tight.status,
                          note=f"for every {span}")
    return None


def _winners(dim: A.Name, lowers: list[Bound], value: Fraction) -> frozenset[int] | None:
    """Which lower bounds are largest at d = value (Tier 1 on the instance)."""
    from rcproof.kernel.instantiate import substitute

    try:
        exps = [growth.leading(substitute(b.expr, {dim.id: A.Num(value)})).exps  # type: ignore[arg-type]
                for b in lowers]
    except growth.GrowthError:
        return None
    top = max(exps)
    return frozenset(i for i, e in enumerate(exps) if e == top)


def _breakpoints(dim: A.Name, lowers: list[Bound]) -> list[Fraction] | None:
    """Rational values of d where the largest lower bound changes: found on a grid and by
    bisection, kept only when the bounds tie exactly there (the kernel then checks every
    interval between them)."""
    grid = [Fraction(k, 4) for k in range(8, 41)] + [Fraction(k) for k in (12, 16, 32, 64)]
    owners = [_winners(dim, lowers, v) for v in grid]
    if any(w is None for w in owners):
        return None
    points: list[Fraction] = []
    for (a, wa), (b, wb) in zip(zip(grid, owners), zip(grid[1:], owners[1:])):
        if len(wa) > 1 and a > 2:  # type: ignore[arg-type]
            points.append(a)
        if wa == wb or len(wa) > 1 or len(wb) > 1:  # type: ignore[arg-type]
            continue
        low, high = a, b
        for _ in range(60):
            mid = (low + high) / 2
            if _winners(dim, lowers, mid) == wa:
                low = mid
            else:
                high = mid
        guess = ((low + high) / 2).limit_denominator(1000)
        tie = _winners(dim, lowers, guess)
        if tie is None or not (wa | wb) <= tie:  # type: ignore[operator]
            return None
        points.append(guess)
    return sorted(set(points))


def _lead_base(e: A.Expr) -> A.Expr:
    """base^k with a ground base: replace the base by its leading term (display only)."""
    if isinstance(e, A.BinOp) and e.op == "^":
        try:
            return A.BinOp("^", growth.leading(e.left).to_expr(), e.right)
        except growth.GrowthError:
            return e
    return e


def load_for_bound(path: Path) -> list[SourceFile]:
    program = load_program([path])
    return program.requested_files()
