"""Minimal realization time t*_d of a family in a class of the RC shape: the tight bound,
the law that binds, and the smallest class instance that holds the family (checked by
the kernel). The class is any class of the RC shape (rcproof.elaborate.shape), `RC` by
default; t*_d is the largest lower bound on its time t (docs/theory.md, "Minimal
realization time"). A family known only by bounds gets an interval Ω(low) … O(high)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from rcproof import growth
from rcproof.elaborate.loader import SourceFile, load_program
from rcproof.elaborate.shape import Shape
from rcproof.elaborate.shapecheck import rc_shaped
from rcproof.elaborate.symbols import FamilySym, Scope
from rcproof.elaborate.unfold import Bound, FamilyView, Law, Unfolder
from rcproof.errors import RcError, did_you_mean
from rcproof.prover.tactics import Tactics
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_ascii
from rcproof.syntax.notation import to_text as show
from rcproof.syntax.parser import parse_expr
from rcproof.syntax.reason import Formula, Reason, because
from rcproof.syntax.walk import names, rewrite

N = A.Name("n")


def law_name(law: Law) -> str:
    """A law by the name its comment gives it, else the constraint itself as text."""
    return law if isinstance(law, str) else show(law)


@dataclass(frozen=True)
class TightBound:
    """t*_d of `family` in class `cls` at dimension `dim`.

    Exactly one of: `time` (t*_d = Θ(time); `laws` bind, their lower bounds are
    Θ(time); `checked`/`tight` are the kernel's verdicts on membership in cls(time, d)
    and on no budget o(time) sufficing); `cases` (a split over intervals of the variable
    `split`, each case a TightBound with its interval in `interval` and `note`);
    `low`/`high` (a family known by bounds: t*_d = Ω(low) and O(high), each end printed
    only when the kernel proved it); or neither, with the reason in `note`. `note` and
    `interval` are typed reasons (rcproof.syntax.reason): reports print them."""

    family: A.Expr
    dim: A.Expr
    time: A.Expr | None
    laws: tuple[str, ...]
    size: A.Expr | None = None
    volume_fill: A.Expr | None = None  # size / t*^d, how full the light cone is
    cases: tuple[TightBound, ...] = ()  # a case split over intervals of symbolic d
    checked: str | None = None         # kernel verdict on membership in K(time, d)
    tight: str | None = None           # kernel verdict on: in no K(f, d) with f = o(time)
    note: Reason | None = None
    cls: str = "RC"                    # the class of the RC shape the bound is about
    low: A.Expr | None = None          # a family known by bounds: t*_d = Omega(low) ...
    high: A.Expr | None = None         # ... and O(high), each checked by the kernel
    split: str | None = None           # the variable `cases` split on (d, or a parameter)
    excluded: bool = False             # kernel-proved: in no class instance at this d
    interval: Reason | None = None     # a case's interval of the split variable

    @property
    def settled(self) -> bool:
        """What `rcproof bound` exits 0 for (docs/language.md: 0 only when what is
        claimed is proved): a Θ whose membership and tightness the kernel proved, a case
        split whose every case is settled, or an interval with a proved end (only proved
        ends are printed). An undetermined t*, no realization, or a Θ with a kernel
        verdict other than proved exits 1."""
        if self.cases:
            return all(case.settled for case in self.cases)
        if self.time is not None:
            return self.checked == "proved" and self.tight == "proved"
        return self.low is not None or self.high is not None

    @property
    def volume(self) -> A.Expr | None:
        """The realization's volume, Θ(t*^d) (the light cone of radius t*)."""
        return None if self.time is None else A.BinOp("^", self.time, self.dim)

    @property
    def boundary(self) -> A.Expr | None:
        """The area of its boundary, Θ(t*^(d-1))."""
        if self.time is None:
            return None
        return A.BinOp("^", self.time, A.BinOp("-", self.dim, A.Num(Fraction(1))))


def parse_dim(text: str) -> A.Expr:
    """A dimension given on the command line: a number >= 2 (`3`, `5/2`, `2.5`) or one
    name (`d`), meaning the answer as a function of every d >= 2.

    Raises RcError (exit 2) for anything else: `0`, `1`, `-1`, `1/2`, `d+1`."""
    hint = ("a dimension is a number >= 2 such as 3 or 5/2, or one name such as d for "
            "the answer as a function of every d >= 2")
    try:
        e = parse_expr(text.strip(), "--dim")
    except RcError:
        raise RcError(f"--dim: '{text}' is not a dimension", None, hint) from None
    if isinstance(e, A.Name) and e.id != "n":
        return e
    value = _number(e)
    if value is None:
        raise RcError(f"--dim: '{text}' is not a dimension", None, hint)
    if value < 2:
        raise RcError(f"--dim: {text} is below 2", None,
                      hint + " (THEORY.md §4: realizations live in d >= 2 dimensions)")
    return A.Num(value)


def _number(e: A.Expr) -> Fraction | None:
    """The value of a rational constant written with + - * / and unary minus."""
    if isinstance(e, A.Num):
        return Fraction(e.value)
    if isinstance(e, A.Neg):
        inner = _number(e.operand)
        return None if inner is None else -inner
    if isinstance(e, A.BinOp) and e.op in "+-*/":
        a, b = _number(e.left), _number(e.right)
        if a is None or b is None or (e.op == "/" and b == 0):
            return None
        return {"+": a + b, "-": a - b, "*": a * b}[e.op] if e.op != "/" else a / b
    return None


def find_family(units: list[SourceFile], name: str) -> tuple[SourceFile, FamilySym]:
    for unit in units:
        sym = unit.scope.get(name)
        if isinstance(sym, FamilySym):
            return unit, sym
    known = {n for u in units for n, s in u.scope.symbols.items() if isinstance(s, FamilySym)}
    raise RcError(f"unknown family '{name}'", None,
                  did_you_mean(name, known) or (
                      f"families here: {', '.join(sorted(known))}" if known else
                      "this file declares no family: declare one (`family F { size = n^2; "
                      "depth = log(n) }`) or import a module that does (`import zoo`)"))


def parse_instance(text: str) -> A.Expr:
    """A family given on the command line: a name (`SMAT`) or an instance
    (`SMAT(p = log(n))`). Raises RcError (exit 2) for anything else."""
    e = parse_expr(text.strip(), "<family>")
    if isinstance(e, A.Name) or (isinstance(e, A.Call) and not e.args):
        return e
    raise RcError(f"'{text}' is not a family instance", None,
                  "write a family name, or one with named arguments such as "
                  "SMAT(p = log(n))")


def instance(given: A.Expr | str, params: list[str]) -> A.Expr:
    """`given` with the `--param NAME=EXPR` values added (an argument written in the
    instance itself wins)."""
    if isinstance(given, str):
        given = A.Name(given)
    name = given.id if isinstance(given, A.Name) else given.func  # type: ignore[attr-defined]
    kwargs = list(given.kwargs) if isinstance(given, A.Call) else []
    for text in params:
        if "=" not in text:
            raise RcError(f"--param takes NAME=EXPR, not '{text}'", None,
                          "for example --param 'p=log(n)'")
        key, value = text.split("=", 1)
        if key.strip() not in {k for k, _ in kwargs}:
            kwargs.append((key.strip(), parse_expr(value.strip(), "--param")))
    return A.Call(name, (), tuple(kwargs)) if kwargs else A.Name(name)


def check_instance(scope: Scope, family: A.Expr) -> None:
    """Name and kind checks of an instance built from the command line."""
    from rcproof.elaborate.check import Checker

    checker = Checker(scope, "")
    checker.family_ref(family, {})
    for _, value in family.kwargs if isinstance(family, A.Call) else ():
        checker.expr(value, {})


def lower_bounds(scope: Scope, shape: Shape, family: A.Expr, dim: A.Expr
                 ) -> tuple[list[Bound], A.Expr, FamilyView]:
    """The lower bounds on t that the class's laws put on this family, its size, and the
    family as the prover sees it (its bounded resources)."""
    unfolder = Unfolder(scope.definitions)
    view = unfolder.family(family, {}, {})
    return _class_lowers(unfolder, shape, dim, view), view.resource("size"), view


def _class_lowers(unfolder: Unfolder, shape: Shape, dim: A.Expr, view: FamilyView
                  ) -> list[Bound]:
    """The lower bounds the class's laws put on t for `view`, the budget set to n."""
    return _law_bounds(unfolder, shape, dim, view)[0]


def _law_bounds(unfolder: Unfolder, shape: Shape, dim: A.Expr, view: FamilyView
                ) -> tuple[Any, Any, Any]:
    """(lower bounds, upper bounds, t-free constraints) of the class's laws for `view`
    at dimension `dim`, the budget set to n (`Unfolder.bounds`)."""
    env = {shape.budget: N}
    if shape.dim is not None:
        env[shape.dim] = dim
    args = {p.name: env.get(p.name, p.default) for p in shape.cls.decl.params}
    return unfolder.bounds(shape.cls, unfolder._class_env(  # type: ignore[arg-type,return-value]
        shape.cls, args, view))  # type: ignore[arg-type]


def floor(unit: SourceFile, dim: A.Expr, cls: str | None = None
          ) -> tuple[A.Expr, tuple[str, ...]] | None:
    """The lower bound on t that the class's laws give every family, whatever its
    resources (for RC the flux law's n^(1/(d-1)), the entropy floor), with those laws;
    None when no law is free of the family's resources."""
    shape = rc_shaped(unit.scope, cls)
    view = FamilyView(A.Name("_any_family"))  # every resource abstract
    lowers = _class_lowers(Unfolder(unit.scope.definitions), shape, dim, view)
    def has_resource(e: A.Expr) -> bool:
        found = False

        def look(node: object) -> object | None:
            nonlocal found
            if isinstance(node, A.Call) and node.args and node.args[0] == view.label:
                found = True
            return None

        rewrite(e, look)
        return found

    free = [b for b in lowers if not has_resource(b.expr)]
    if not free:
        return None
    try:
        leads = [(growth.leading(b.expr), law_name(b.law)) for b in free]
    except growth.GrowthError:
        return None
    top = max(lead.exps for lead, _ in leads)
    laws = tuple(dict.fromkeys(law for lead, law in leads if lead.exps == top))
    return next(lead for lead, _ in leads if lead.exps == top).to_expr(), laws


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


def default_dim(unit: SourceFile, cls: str | None = None) -> A.Expr:
    """The default dimension of the class (`d = 3` for physics.rc's RC)."""
    shape = rc_shaped(unit.scope, cls)
    value = shape.default_dim()
    if value is None:
        raise RcError(f"class {shape.name} has no default dimension", None,
                      "give one with --dim")
    return parse_dim(to_ascii(value))


def tight_bound(unit: SourceFile, family: A.Expr, dim: A.Expr | None, budget: float = 2.0,
                cls: str | None = None) -> TightBound:
    """t*_d of `family` in the class `cls` (default: see `rc_shaped`) at dimension `dim`
    (a number >= 2 or a name for every d >= 2, see `parse_dim`; None: the class's
    default dimension)."""
    scope = unit.scope
    check_instance(scope, family)
    shape = rc_shaped(scope, cls)
    if shape.dim is None:
        raise RcError(f"class {shape.name} has no dimension parameter", None,
                      "t*_d needs a class with parameters (f, d): the time budget and "
                      "the dimension")
    if dim is None:
        dim = default_dim(unit, cls)
    lowers, size, view = lower_bounds(scope, shape, family, dim)
    undefined = _outside_constraints(scope, shape, family, dim, view, budget)
    if undefined is not None:
        return undefined
    if isinstance(dim, A.Num):
        if view.bounded:
            return _interval_bound(scope, shape, family, dim, lowers, view, budget)
        split = _param_split(scope, lowers)
        if split is not None:  # `--param 'k=n^a'` with `a` declared: split on a
            return _symbolic(scope, shape, family, dim, lowers, budget, split)
        return _concrete(scope, shape, family, dim, lowers, size, budget)
    return _symbolic(scope, shape, family, dim, lowers, budget)


def _outside_constraints(scope: Scope, shape: Shape, family: A.Expr, dim: A.Expr,
                         view: FamilyView, budget: float) -> TightBound | None:
    """t* is Θ(max of the lower bounds) only when the class's constraints free of t
    (`size = O(n)` outside `exists t`) hold for the family (docs/theory.md, "Minimal
    realization time"; review 7, F5). None when Tier 1 shows each holds
    (`elaborate.tstar.t_free_holds`, the rule `tstar` unfolds by, so verify, bound and
    table agree) or, for a family known by bounds, the kernel proves it; otherwise no
    t*: "none (no realization)" when the kernel proves the family in no class instance
    at this dimension (for every d >= 2 with a symbolic one), else undetermined with
    the constraint that was not shown."""
    from rcproof.elaborate.tstar import t_free_holds

    unfolder = Unfolder(scope.definitions)
    free = _law_bounds(unfolder, shape, dim, view)[2]
    kernel = Tactics(scope, budget)
    where = (A.Comparison((dim, A.Num(Fraction(2))), (">=",)),)

    def shown(rel: A.Prop) -> bool:
        if isinstance(rel, A.Relation) and rel.rel != "~" and t_free_holds(rel) is True:
            return True
        claim = rel if isinstance(dim, A.Num) else A.Forall((dim.id,), "real", where, rel)
        return kernel.check(claim).status == "proved"  # a family known by bounds

    unshown = [rel for rel in free if not shown(rel)]
    if not unshown:
        return None
    if isinstance(dim, A.Num):
        excluded = _in_no_class(kernel, shape, family, dim)
    else:
        excluded = _in_no_class(kernel, shape, family, dim, (dim.id, where))
    if excluded is not None:
        return excluded
    return TightBound(family, dim, None, (), cls=shape.name, note=because(
        f"t* in {shape.name} is undefined: its constraint ", unshown[0], " (free of its "
        "time t) was not shown to hold for this family, which may be in no "
        f"{shape.name} class at all"))


def _membership(shape: Shape, family: A.Expr, time: A.Expr, dim: A.Expr) -> A.Prop:
    return A.Membership(family, shape.instance(time, dim))


def _concrete(scope: Scope, shape: Shape, family: A.Expr, dim: A.Expr, lowers: list[Bound],
              size: A.Expr, budget: float) -> TightBound:
    kernel = Tactics(scope, budget)
    fill = None
    try:
        leads = [(growth.leading(b.expr), b) for b in lowers]
    except growth.GrowthError as exc:
        largest = _largest_by_kernel(kernel, lowers)
        if largest is None:
            return TightBound(family, dim, None, (), note=because(
                "outside Tier 1 (", exc.reason, "), and the kernel proved no lower bound "
                "to dominate the others"), cls=shape.name)
        time, laws = largest
        size_fill = None
    else:
        top = max(lead.exps for lead, _ in leads)
        laws = tuple(dict.fromkeys(law_name(b.law) for lead, b in leads if lead.exps == top))
        time = next(lead for lead, _ in leads if lead.exps == top).to_expr()
        size_fill = size
    if size_fill is not None:
        try:
            size = growth.leading(size_fill).to_expr()
            fill = growth.leading(A.BinOp("/", size, A.BinOp("^", time, dim))).to_expr()
        except growth.GrowthError:
            pass
    verdict = kernel.check(_membership(shape, family, time, dim))
    if verdict.status == "refuted":
        excluded = _in_no_class(kernel, shape, family, dim)
        if excluded is not None:
            return excluded
    return TightBound(family, dim, time, laws, size=size, volume_fill=fill,
                      checked=verdict.status,
                      tight=kernel.check(_tightness(shape, family, time, dim)).status,
                      cls=shape.name)


def _largest_by_kernel(kernel: Tactics, lowers: list[Bound]
                       ) -> tuple[A.Expr, tuple[str, ...]] | None:
    """The largest lower bound when Tier 1 cannot expand one of them (`2^n`, a constant
    beyond the interval range): the bound b with every other bound O(b), proved by the
    kernel with the exp-log engine (Tier 3) that `verify` uses; its laws are those whose
    bound the kernel proves Θ(b). None when no bound is proved to dominate."""
    for candidate in lowers:
        others = [A.Relation(o.expr, "O", candidate.expr) for o in lowers
                  if o.expr != candidate.expr]
        claim: A.Prop = A.Truth(True)
        for rel in others:
            claim = A.And(claim, rel)
        if others and kernel.check(claim).status != "proved":
            continue
        laws = tuple(dict.fromkeys(
            law_name(b.law) for b in lowers if b.expr == candidate.expr
            or kernel.check(A.Relation(b.expr, "Theta", candidate.expr)).status == "proved"))
        return candidate.expr, laws
    return None


def _in_no_class(kernel: Tactics, shape: Shape, family: A.Expr, dim: A.Expr,
                 every: tuple[str, tuple[A.Prop, ...]] | None = None) -> TightBound | None:
    """When membership at the largest lower bound is refuted, a law without the time
    budget (`size = O(n)`) may exclude the family from every class instance: a
    TightBound without time saying so when the kernel proves `∀f : fun. family ∉ K(f, d)`,
    None otherwise (the caller then reports the refuted membership as it is). `every`
    (a variable and its range) asks it for every value of a symbolic dimension."""
    taken = names(family)
    var = next(name for name in "fghuvw" if name not in taken)
    claim: A.Prop = A.Forall((var,), "fun", (), A.Membership(
        family, shape.instance(A.Name(var), dim), negated=True))
    if every is not None:  # a symbolic dimension: for every d in its range
        claim = A.Forall((every[0],), "real", every[1], claim)
    if kernel.check(claim).status != "proved":
        return None
    return TightBound(family, dim, None, (), cls=shape.name, excluded=True,
                      note=because(f"no realization: in no {shape.name} class at this "
                                   "dimension (kernel: proved ", claim, "); a law without "
                                   "the time budget excludes it"))


def _interval_bound(scope: Scope, shape: Shape, family: A.Expr, dim: A.Expr,
                    lowers: list[Bound], view: FamilyView, budget: float) -> TightBound:
    """A family known by bounds (`size = O(n^2)`): t*_d = Ω(low) and O(high).

    `high` is the largest lower bound with every bounded resource at its upper bound,
    `low` the largest lower bound among the laws whose resources all have lower bounds,
    taken at those. Both are only proposals: the kernel checks `family in K(high, d)` and
    `family in no K(f, d) with f = o(low)`, and only checked ends are printed."""
    label, bounded = view.label, view.bounded
    uppers = {name: v for name, bs in bounded for rel, v in bs if rel in ("O", "o")}
    lows = {name: v for name, bs in bounded for rel, v in bs if rel in ("Omega", "omega")}

    def at(values: dict[str, A.Expr], e: A.Expr) -> A.Expr | None:
        missing = False

        def swap(node: object) -> object:
            nonlocal missing
            if isinstance(node, A.Call) and len(node.args) == 1 and node.args[0] == label \
                    and node.func in {name for name, _ in bounded}:
                if node.func not in values:
                    missing = True
                    return node
                return values[node.func]
            return None

        out = rewrite(e, swap)
        return None if missing else out  # type: ignore[return-value]

    def largest(values: dict[str, A.Expr], every: bool = False
                ) -> tuple[A.Expr, tuple[str, ...]] | None:
        """The largest lower bound at `values`; with `every`, None unless every law's
        bound can be evaluated there (an upper end must dominate them all)."""
        leads = []
        for b in lowers:
            e = at(values, b.expr)
            if e is None:
                if every:
                    return None
                continue
            try:
                leads.append((growth.leading(e), law_name(b.law)))
            except growth.GrowthError:
                return None
        if not leads:
            return None
        top = max(lead.exps for lead, _ in leads)
        laws = tuple(dict.fromkeys(law for lead, law in leads if lead.exps == top))
        return next(lead for lead, _ in leads if lead.exps == top).to_expr(), laws

    kernel = Tactics(scope, budget)
    high = largest(uppers, every=True)  # resources no law mentions need no upper bound
    low = largest(lows)
    high_expr = low_expr = None
    laws: tuple[str, ...] = ()
    if high is not None and kernel.check(
            _membership(shape, family, high[0], dim)).status == "proved":
        high_expr, laws = high
    if low is not None and kernel.check(
            _tightness(shape, family, low[0], dim)).status == "proved":
        low_expr = low[0]
    if low_expr is not None and high_expr is not None and low_expr == high_expr:
        return TightBound(family, dim, high_expr, laws, checked="proved", tight="proved",
                          cls=shape.name)
    if high_expr is None:  # no realization time checked: maybe there is none at all
        excluded = _in_no_class(kernel, shape, family, dim)
        if excluded is not None:
            return excluded
    note = because("the family is known only by bounds")
    return TightBound(family, dim, None, laws, note=note, cls=shape.name, low=low_expr,
                      high=high_expr)


def _tightness(shape: Shape, family: A.Expr, time: A.Expr, dim: A.Expr) -> A.Prop:
    """No budget below the bound: forall f = o(time), family notin K(f, d)."""
    name = "f"
    return A.Forall((name,), "fun", (A.Relation(A.Name(name), "o", time),), A.Membership(
        family, shape.instance(A.Name(name), dim), negated=True))


@dataclass(frozen=True)
class _Split:
    """A real variable the bound is split on: the symbolic dimension (every d >= 2) or a
    declared parameter (within its declared constraints `where`)."""

    var: A.Name
    low: Fraction | None
    high: Fraction | None
    where: tuple[A.Prop, ...] = ()
    strict: frozenset[Fraction] = frozenset()  # declared ends that are excluded (`0 < a`)

    def grid(self) -> list[Fraction]:
        low = self.low if self.low is not None else (
            self.high - 16 if self.high is not None else Fraction(-16))
        if self.high is not None:
            step = (self.high - low) / 64
            return [low + k * step for k in range(65)]
        return [low + Fraction(k, 4) for k in range(33)] + [low + k for k in (10, 14, 30, 62)]


def _symbolic(scope: Scope, shape: Shape, family: A.Expr, dim: A.Expr, lowers: list[Bound],
              budget: float, split: _Split | None = None) -> TightBound:
    """The bound that dominates for every value of the split variable (every d >= 2, or
    every admissible value of a declared parameter), kernel-checked; or a case split into
    intervals, each checked by the kernel."""
    kernel = Tactics(scope, budget)
    if split is None:
        assert isinstance(dim, A.Name)
        split = _Split(dim, Fraction(2), None)
    word = split.var.id
    found = _on_interval(kernel, shape, family, dim, split, lowers, split.low, split.high)
    if found is not None:
        return found
    points = _breakpoints(split, lowers)
    cases = None if points is None else _pieces(kernel, shape, family, dim, split, lowers,
                                                  points)
    if cases is not None:
        return TightBound(family, dim, None, (), cases=tuple(cases),
                          note=because(f"the binding law changes with {word}"),
                          cls=shape.name, split=word)
    hint = "give --dim a number" if split.var == dim else f"give {word} a value"
    return TightBound(family, dim, None, (), note=because(
        f"no single law binds for every {word} and no case split was found: {hint}"),
        cls=shape.name)


def _param_split(scope: Scope, lowers: list[Bound]) -> _Split | None:
    """The one declared parameter the lower bounds depend on, with its declared range."""
    from rcproof.elaborate.symbols import ParamSym
    params = sorted({x for b in lowers for x in names(b.expr)
                     if isinstance(scope.get(x), ParamSym)})
    if len(params) != 1:
        return None
    sym = scope.get(params[0])
    assert isinstance(sym, ParamSym)
    low = high = None
    strict: set[Fraction] = set()
    name = A.Name(sym.name)
    for c in sym.constraints:
        for (a, b), op in zip(itertools.pairwise(c.terms), c.ops) if isinstance(
                c, A.Comparison) else ():
            if a == name and _number(b) is not None:  # a OP value
                value, above = _number(b), op in (">", ">=")
            elif b == name and _number(a) is not None:  # value OP a
                value, above = _number(a), op in ("<", "<=")
            else:
                continue
            assert value is not None
            if op in ("<", ">"):
                strict.add(value)
            if above:
                low = value if low is None else max(low, value)
            elif op != "==":
                high = value if high is None else min(high, value)
    return _Split(name, low, high, tuple(sym.constraints), frozenset(strict))


def _interval(split: _Split, low: Fraction | None, high: Fraction | None,
              open_ends: tuple[bool, bool] = (False, False)) -> tuple[A.Prop, ...]:
    where: list[A.Prop] = list(split.where)
    if low is not None:
        where.append(A.Comparison((split.var, A.Num(low)), (">" if open_ends[0] else ">=",)))
    if high is not None:
        where.append(A.Comparison((split.var, A.Num(high)), ("<" if open_ends[1] else "<=",)))
    return tuple(where)


def _span(split: _Split, low: Fraction | None, high: Fraction | None,
          open_ends: tuple[bool, bool] = (False, False)) -> Reason:
    """`0 < a <= 1`: an end the declaration excludes, or `open_ends` opens, is shown
    strict; a single point as `d = 3`."""
    var = split.var.id
    name = A.Name(var)
    if low is not None and low == high:
        return because(Formula(A.Comparison((name, A.Num(low)), ("==",)),
                               text=f"{var} = {low}"))
    lt = {e: "<" if e in split.strict and e in (split.low, split.high) else "<="
          for e in (low, high) if e is not None}
    if low is not None and open_ends[0]:
        lt[low] = "<"
    if high is not None and open_ends[1]:
        lt[high] = "<"
    if low is not None and high is not None:
        node: A.Prop | A.Expr = A.Comparison((A.Num(low), name, A.Num(high)),
                                             (lt[low], lt[high]))
        text = f"{low} {lt[low]} {var} {lt[high]} {high}"
    elif low is not None:
        op = lt[low].replace("<", ">")
        node, text = A.Comparison((name, A.Num(low)), (op,)), f"{var} {op} {low}"
    elif high is not None:
        node = A.Comparison((name, A.Num(high)), (lt[high],))
        text = f"{var} {lt[high]} {high}"
    else:
        node, text = name, var
    return because(Formula(node, text=text))


def _on_interval(kernel: Tactics, shape: Shape, family: A.Expr, dim: A.Expr, split: _Split,
                 lowers: list[Bound], low: Fraction | None, high: Fraction | None,
                 open_ends: tuple[bool, bool] = (False, False)) -> TightBound | None:
    """The lower bound that dominates all others for every value in [low, high] of the
    split variable, if one does (each claim checked by the kernel under `forall`)."""
    where = _interval(split, low, high, open_ends)
    var = split.var.id

    def every(p: A.Prop) -> str:
        return kernel.check(A.Forall((var,), "real", where, p)).status

    for candidate in lowers:
        claim: A.Prop = A.Truth(True)
        for other in lowers:
            if other is not candidate:
                claim = A.And(claim, A.Relation(other.expr, "O", candidate.expr))
        if every(claim) != "proved":
            continue
        laws = tuple(dict.fromkeys(law_name(b.law) for b in lowers if every(
            A.Relation(b.expr, "Theta", candidate.expr)) == "proved"))
        time = simplify_power(_lead_base(candidate.expr))
        member = every(_membership(shape, family, time, dim))
        tight = every(_tightness(shape, family, time, dim))
        span = _span(split, low, high, open_ends)
        return TightBound(family, dim, time, laws, checked=member, tight=tight,
                          note=because("for every ", span), cls=shape.name, interval=span)
    return None


def _pieces(kernel: Tactics, shape: Shape, family: A.Expr, dim: A.Expr, split: _Split,
            lowers: list[Bound], points: list[tuple[Fraction, bool]]
            ) -> list[TightBound] | None:
    """The cases between the breakpoints, each proved by the kernel; None when one is
    not. At an exact tie the two neighbouring closed intervals share the point. At a tie
    in the power of n only (a log factor decides the point itself, review 7 F10) the point
    goes with the neighbour whose law the kernel proves there: [a, p] then (p, b], or
    [a, p) then [p, b], or else [a, p), the point p on its own, and (p, b]."""
    edges = [split.low, *(p for p, _ in points), split.high]
    exact = [True, *(e for _, e in points), True]

    def attempt(low: Fraction | None, high: Fraction | None, start_open: bool,
                may_open: bool) -> tuple[TightBound | None, bool]:
        ends = [(start_open, False)] + ([(start_open, True)] if may_open else [])
        for end in ends:
            case = _on_interval(kernel, shape, family, dim, split, lowers, low, high, end)
            if case is not None:
                return case, end[1]
        return None, False

    cases: list[TightBound] = []
    start_open = False
    for i, (low, high) in enumerate(itertools.pairwise(edges)):
        may_open = not exact[i + 1] and high is not None
        case, high_open = attempt(low, high, start_open, may_open)
        if case is None and not start_open and not exact[i] and low is not None:
            point = _on_interval(kernel, shape, family, dim, split, lowers, low, low)
            if point is None:
                return None
            cases.append(point)
            case, high_open = attempt(low, high, True, may_open)
        if case is None:
            return None
        cases.append(case)
        start_open = not exact[i + 1] and not high_open
    return cases


def _winners(var: A.Name, lowers: list[Bound], value: Fraction, power_of_n: bool = False
             ) -> frozenset[int] | None:
    """Which lower bounds are largest at var = value (Tier 1 on the instance); with
    `power_of_n`, compared by their power of n alone (log factors ignored)."""
    from rcproof.kernel.instantiate import substitute

    try:
        exps = [growth.leading(substitute(b.expr, {var.id: A.Num(value)})).exps  # type: ignore[arg-type]
                for b in lowers]
    except (growth.GrowthError, ZeroDivisionError, ArithmeticError):
        return None
    keys = [e.a if power_of_n else e for e in exps]
    top = max(keys)
    return frozenset(i for i, e in enumerate(keys) if e == top)


def _breakpoints(split: _Split, lowers: list[Bound]) -> list[tuple[Fraction, bool]] | None:
    """Rational values where the largest lower bound changes, each with whether the
    bounds tie exactly there: found on a grid and by bisection, kept only when the
    bounds tie there in their power of n (a rational point, from the exponents of n;
    a log factor only decides which law binds at the point itself). The kernel then
    checks every interval between them (`_pieces`)."""
    var = split.var
    grid = [v for v in split.grid() if (split.low is None or v > split.low)
            and (split.high is None or v < split.high)]
    owners = [_winners(var, lowers, v) for v in grid]
    if not grid or any(w is None for w in owners):
        return None
    points: dict[Fraction, bool] = {}
    for (a, wa), (b, wb) in itertools.pairwise(zip(grid, owners)):
        if len(wa) > 1:  # type: ignore[arg-type]
            points[a] = True
        if wa == wb or len(wa) > 1 or len(wb) > 1:  # type: ignore[arg-type]
            continue
        low, high = a, b
        for _ in range(60):
            mid = (low + high) / 2
            if _winners(var, lowers, mid) == wa:
                low = mid
            else:
                high = mid
        guess = ((low + high) / 2).limit_denominator(1000)
        tie = _winners(var, lowers, guess)
        tie_n = _winners(var, lowers, guess, power_of_n=True)
        if tie is None or tie_n is None or not (wa | wb) <= tie_n:  # type: ignore[operator]
            return None
        points[guess] = points.get(guess, True) and (wa | wb) <= tie  # type: ignore[operator]
    if len(owners[-1]) > 1:  # type: ignore[arg-type]
        points[grid[-1]] = True
    return sorted(points.items())


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
