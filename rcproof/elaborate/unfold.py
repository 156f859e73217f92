"""Definitions out: lets, family resources and class membership become Landau formulas.

This is elaboration's instantiation of families and classes into core terms. It is part
of the trusted base: the kernel's `unfold` rule (kernel/rules.py) re-runs it on the
statement it is asked to prove, so `tools/trusted_base.py` counts it in the kernel's
import closure. It reads declarations only from the file's frozen definition table
(syntax/definitions.Definitions), never from the symbol table; a statement it cannot
unfold exactly raises `UnfoldError` with a typed `UnfoldProblem` (syntax/unfoldproblem.py).

What is a definition and what is search: lets (δ), family resources (declared values
and bounds, arguments substituted), class membership (the laws instantiated for the
member, t eliminated as below), t* (the max of the lower bounds) and the Θ-exact
placement of declared values are definitions, unfolded the same way by the engine and
by the kernel. The choice of a witness family for a strict inclusion is search and
lives outside (prover/witness.py): the kernel is given the witness and only builds the
instance of the existential it stands for.

`C ∈ K` for a class `K { exists t { … } … }` holds iff some t satisfies every
constraint. Each constraint that mentions t is a lower or an upper bound on t
(`size = O(t^d)` is the lower bound size^(1/d)); such a t exists iff every lower bound
is O of every upper bound (o where either is strict), witnessed by t = max of the lower
bounds. So membership unfolds, exactly, into that pairwise conjunction plus the
t-free constraints, with no quantifier left over t.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TypeVar

from rcproof.elaborate.arguments import ArgumentProblem, bind_arguments
from rcproof.elaborate.tstar import TSTAR, minimal_time
from rcproof.syntax import core as A
from rcproof.syntax import decls as D
from rcproof.syntax import definitions as T
from rcproof.syntax.props import circuit_facts
from rcproof.syntax.terms import const_value, is_ground, mentions
from rcproof.syntax.unfoldproblem import Law, Missing, UnfoldError, UnfoldProblem
from rcproof.syntax.walk import nodes

S = TypeVar("S", D.FamilyDecl, T.Class)
BUILTINS = T.BUILTINS

CONVERSE = {"O": "Omega", "Omega": "O", "o": "omega", "omega": "o", "Theta": "Theta",
            "~": "~"}
ONE = A.Num(Fraction(1))


@dataclass(frozen=True)
class FamilyView:
    """A family as the prover sees it: exact resources (Θ expressions), bounded ones, and
    every other resource an abstract function `resource(label)` (a bound family variable
    has only those)."""

    label: A.Expr
    exact: tuple[tuple[str, A.Expr], ...] = ()
    bounded: tuple[tuple[str, tuple[tuple[str, A.Expr], ...]], ...] = ()
    named: bool = False  # a declared family (its exact resources are Θ of their values)

    def states(self, name: str) -> bool:
        return any(k == name for k, _ in self.exact) or any(k == name for k, _ in self.bounded)

    def resource(self, name: str) -> A.Expr:
        for key, value in self.exact:
            if key == name:
                return value
        return A.Call(name, (self.label,))

    def hypotheses(self) -> list[A.Relation]:
        """What is known about the bounded resources (fixed unknown functions)."""
        out = []
        for name, bounds in self.bounded:
            for rel, bound in bounds:
                out.append(A.Relation(A.Call(name, (self.label,)), rel, bound))
        return out


@dataclass
class Bound:
    """t ≥ expr (lower) or t ≤ expr (upper), up to constants; strict for o/omega."""

    expr: A.Expr
    strict: bool
    law: Law


@dataclass
class Unfolded:
    """The unfolded formula plus what the derivation should say about it."""

    formula: A.Prop
    # printed by reports: the laws each bound atom pairs, the witness families and the
    # declared families unfolded (whose solved recurrences the engine shows)
    notes: list[tuple[Law, Law] | FamilyView | D.FamilyDecl] = field(default_factory=list)
    hypotheses: list[A.Relation] = field(default_factory=list)
    sides: list[A.Comparison] = field(default_factory=list)
    witnessed: list[A.Or] = field(default_factory=list)  # `witness ∨ ∃ family` nodes
    witnesses: list[FamilyView | None] = field(default_factory=list)  # per strict ⊂, in order
    kinds: dict[str, str] = field(default_factory=dict)  # bound name -> real | fun | family

    def copy(self) -> Unfolded:
        """A copy whose lists can be changed without changing this one."""
        return Unfolded(self.formula, list(self.notes), list(self.hypotheses),
                        list(self.sides), list(self.witnessed), list(self.witnesses),
                        dict(self.kinds))

    def strengthened(self) -> A.Prop | None:
        """The formula with each positive `witness ∨ ∃` replaced by the witness alone.

        It implies the exact formula, so proving it proves the statement; it avoids a
        quantifier that z3 handles badly. Never used to refute."""
        if not self.witnessed:
            return None
        marks = set(self.witnessed)

        def walk(p: A.Prop, positive: bool) -> A.Prop:
            if isinstance(p, A.Or) and positive and p in marks:
                return walk(p.left, positive)
            if isinstance(p, A.Not):
                return A.Not(walk(p.operand, not positive))
            if isinstance(p, A.Implies):
                return A.Implies(walk(p.left, not positive), walk(p.right, positive))
            if isinstance(p, (A.And, A.Or)):
                return type(p)(walk(p.left, positive), walk(p.right, positive))
            if isinstance(p, A.Forall):
                return A.Forall(p.names, p.kind, tuple(walk(h, not positive) for h in p.where),
                                walk(p.body, positive))
            return p

        return walk(self.formula, True)


def mul(a: A.Expr, b: A.Expr) -> A.Expr:
    if a == ONE:
        return b
    if b == ONE:
        return a
    return A.BinOp("*", a, b)


def div(a: A.Expr, b: A.Expr) -> A.Expr:
    return a if b == ONE else A.BinOp("/", a, b)


def power(a: A.Expr, k: A.Expr) -> A.Expr:
    if k == ONE or a == ONE:
        return a
    if isinstance(a, A.BinOp) and a.op == "^":
        inner = const_value(a.right)
        outer = const_value(k)
        if inner is not None and outer is not None:
            return power(a.left, A.Num(inner * outer))
        if reciprocal(k) == a.right:
            return a.left
    return A.BinOp("^", a, k)


def reciprocal(k: A.Expr) -> A.Expr:
    value = const_value(k)
    if value is not None and value != 0:
        return A.Num(1 / value)
    if isinstance(k, A.BinOp) and k.op == "/" and k.left == ONE:
        return k.right
    return A.BinOp("/", ONE, k)


def split_power(e: A.Expr, var: str) -> tuple[A.Expr, A.Expr] | None:
    """e = cofactor · var^k with var not in cofactor: (k, cofactor), else None."""
    if isinstance(e, A.Name) and e.id == var:
        return ONE, ONE
    if not _mentions(e, var):
        return A.Num(Fraction(0)), e
    if isinstance(e, A.BinOp) and e.op in "*/":
        left, right = split_power(e.left, var), split_power(e.right, var)
        if left is None or right is None:
            return None
        if e.op == "*":
            return _add(left[0], right[0]), mul(left[1], right[1])
        return _add(left[0], _negate(right[0])), div(left[1], right[1])
    if isinstance(e, A.BinOp) and e.op == "^" and not _mentions(e.right, var):
        inner = split_power(e.left, var)
        if inner is None:
            return None
        return _times(inner[0], e.right), power(inner[1], e.right)
    if isinstance(e, A.Call) and e.func == "sqrt":
        return split_power(A.BinOp("^", e.args[0], A.Num(Fraction(1, 2))), var)
    return None


def tidy(e: A.Expr) -> A.Expr:
    """Drop the identities that default parameters leave behind (x·1, 1^k, x^1, x/1)."""
    if isinstance(e, A.BinOp):
        left, right = tidy(e.left), tidy(e.right)
        if e.op == "*":
            return mul(left, right)
        if e.op == "/":
            return div(left, right)
        if e.op == "^":
            return power(left, right)
        return A.BinOp(e.op, left, right)
    if isinstance(e, A.Neg):
        return A.Neg(tidy(e.operand))
    if isinstance(e, A.Call):
        return A.Call(e.func, tuple(tidy(a) for a in e.args), e.kwargs)
    return e


def _add(a: A.Expr, b: A.Expr) -> A.Expr:
    va, vb = const_value(a), const_value(b)
    if va is not None and vb is not None:
        return A.Num(va + vb)
    if va == 0:
        return b
    if vb == 0:
        return a
    return A.BinOp("+", a, b)


def _negate(a: A.Expr) -> A.Expr:
    v = const_value(a)
    return A.Num(-v) if v is not None else A.Neg(a)


def _times(a: A.Expr, b: A.Expr) -> A.Expr:
    va, vb = const_value(a), const_value(b)
    if va is not None and vb is not None:
        return A.Num(va * vb)
    if va == 1:
        return b
    if vb == 1:
        return a
    return A.BinOp("*", a, b)


def _mentions(e: A.Expr, var: str) -> bool:
    return mentions(e, lambda name: name == var)


def structural(family: str) -> tuple[A.Relation, ...]:
    """The structural facts of THEORY.md §4 (`syntax.props.circuit_facts`) of the family
    named `family`. Added as hypotheses of every family variable, so counter-example
    families are real circuits."""
    return circuit_facts(A.Name(family))


def _arguments(params: tuple[D.Param, ...], call: A.Call, what: str, name: str
               ) -> dict[str, A.Expr]:
    """The instance's arguments by parameter; the checker has already worded a mismatch
    for the user, so here it only stops the unfolding."""
    given = bind_arguments(params, call)
    if isinstance(given, ArgumentProblem):
        raise UnfoldError(UnfoldProblem(Missing.ARITY, name, what, detail=given.kind,
                                        parameter=given.name or ""))
    return given


def conjoin(parts: list[A.Prop]) -> A.Prop:
    if not parts:
        return A.Truth(True)
    out = parts[0]
    for part in parts[1:]:
        out = A.And(out, part)
    return out


def flatten_and(p: A.Prop) -> list[A.Prop]:
    if isinstance(p, A.And):
        return flatten_and(p.left) + flatten_and(p.right)
    return [p]


class Unfolder:
    """Unfolds one statement with the definition table of its file."""

    def __init__(self, definitions: T.Definitions, theta: bool = False,
                 witnesses: Witnesses = ()) -> None:
        self.definitions = definitions
        self.theta = theta
        self._witnesses = witnesses if callable(witnesses) else iter(witnesses)
        self._exact: dict[A.Call, A.Expr] = {}  # r(F) -> E for a declared `r = E`
        self.result = Unfolded(A.Truth(True))
        self._hyp_keys: set[A.Relation] = set()
        self._kinds: dict[str, str] = {}  # fresh bound name -> "real" | "fun" | "family"

    def fresh(self, name: str, kind: str) -> str:
        """A unique name for a bound variable (`x#3`): after unfolding no two binders share
        a name and no binder shares one with a declared object, so moving a quantifier
        across a premise (prover/decide.split) or substituting under it cannot capture.
        Reports print the part before `#`."""
        fresh = f"{A.source_name(name)}#{len(self._kinds) + 1}"
        self._kinds[fresh] = kind
        return fresh

    # ---- expressions ----
    def expr(self, e: A.Expr, env: dict[str, A.Expr], bound: dict[str, str]) -> A.Expr:
        """Replace lets, family/class parameters and resources by what they stand for."""
        if isinstance(e, A.Num):
            return e
        if isinstance(e, A.Name):
            if e.id in env:
                return env[e.id]
            if e.id in bound:
                return A.Name(bound[e.id])
            sym = self.definitions.get(e.id)
            if isinstance(sym, D.LetDecl):
                return self.expr(sym.expr, {}, {})
            return A.Name(e.id)
        if isinstance(e, A.Neg):
            return A.Neg(self.expr(e.operand, env, bound))
        if isinstance(e, A.BinOp):
            return A.BinOp(e.op, self.expr(e.left, env, bound), self.expr(e.right, env, bound))
        if not isinstance(e, A.Call):
            raise UnfoldError(UnfoldProblem(Missing.MALFORMED, what="an expression",
                                            detail=type(e).__name__))
        if e.func in BUILTINS:
            return A.Call(e.func, tuple(self.expr(a, env, bound) for a in e.args))
        if e.func == TSTAR:  # the minimal realization time, from a class's laws
            return minimal_time(self, e, env, bound)
        view = self.family(e.args[0], env, bound)
        return self.resource(view, e.func)

    def resource(self, view: FamilyView, name: str) -> A.Expr:
        """A resource of a family as a term. A declared family's `r = E` means r = Θ(E):
        with `theta`, the resource stays the unknown function r(F) here and `theta_pass`
        puts E in where Θ-equal functions are interchangeable (see there)."""
        value = view.resource(name)
        if not (self.theta and view.named) or (isinstance(value, A.Call) and \
                value == A.Call(name, (view.label,))):
            return value
        marker = A.Call(name, (view.label,))
        self._exact[marker] = value
        return marker

    def family(self, ref: A.Expr, env: dict[str, A.Expr], bound: dict[str, str]) -> FamilyView:
        """The view of a family reference: a declared family instance or a bound variable."""
        if isinstance(ref, A.Name) and self._kinds.get(bound.get(ref.id, "")) == "family":
            return FamilyView(A.Name(bound[ref.id]))
        name, sym, given = self._declared(ref, D.FamilyDecl, "family")
        mapping: dict[str, A.Expr] = {}
        for param in sym.params:
            value = given[param.name]
            explicit = value is not param.default
            mapping[param.name] = self.expr(value, env if explicit else {}, bound
                                            if explicit else {})
        label_args = tuple((p.name, mapping[p.name]) for p in sym.params
                           if given[p.name] is not p.default)
        label: A.Expr = A.Call(name, (), label_args) if label_args else A.Name(name)
        local = dict(mapping)
        exact: list[tuple[str, A.Expr]] = []
        bounded: list[tuple[str, tuple[tuple[str, A.Expr], ...]]] = []
        for item in sym.items:
            value = tidy(self.expr(item.expr, local, {}))
            if isinstance(item, D.FamilyLet):
                local[item.name] = value
            elif item.rel == "Theta":
                exact.append((item.name, value))
            else:
                bounded.append((item.name, ((item.rel, value),)))
        view = FamilyView(label, tuple(exact), tuple(bounded), named=True)
        self.result.notes.append(sym)  # its solved recurrences, for --steps
        for hyp in view.hypotheses():
            if hyp not in self._hyp_keys:
                self._hyp_keys.add(hyp)
                self.result.hypotheses.append(hyp)
        return view

    # ---- propositions ----
    def prop(self, p: A.Prop, bound: dict[str, str]) -> A.Prop:
        if isinstance(p, A.Relation):
            return A.Relation(self.expr(p.left, {}, bound), p.rel, self.expr(p.right, {}, bound))
        if isinstance(p, A.Comparison):
            return A.Comparison(tuple(self.expr(t, {}, bound) for t in p.terms), p.ops)
        if isinstance(p, A.Truth):
            return p
        if isinstance(p, A.Not):
            return A.Not(self.prop(p.operand, bound))
        if isinstance(p, (A.And, A.Or, A.Implies)):
            return type(p)(self.prop(p.left, bound), self.prop(p.right, bound))
        if isinstance(p, A.Forall):
            inner = dict(bound)
            inner.update({name: self.fresh(name, p.kind) for name in p.names})
            fresh = tuple(inner[name] for name in p.names)
            facts = [f for name in fresh for f in structural(name)] if p.kind == "family" else []
            return A.Forall(fresh, p.kind,
                            (*facts, *(self.prop(h, inner) for h in p.where)),
                            self.prop(p.body, inner))
        if isinstance(p, A.Membership):
            view = self.family(p.member, {}, bound)
            cls, args = self.class_instance(p.cls, bound)
            body = self.membership(view, cls, args)
            return A.Not(body) if p.negated else body
        if not isinstance(p, A.Inclusion):
            raise UnfoldError(UnfoldProblem(Missing.MALFORMED, what="a statement",
                                            detail=type(p).__name__))
        return self.inclusion(p, bound)

    def _declared(self, ref: A.Expr, kind: type[S], word: str
                  ) -> tuple[str, S, dict[str, A.Expr]]:
        """The declaration a family or class reference names, with its arguments bound
        to its parameters; UnfoldError when the name is not a `word` here."""
        name = ref.id if isinstance(ref, A.Name) else ref.func  # type: ignore[union-attr]
        sym = self.definitions.get(name)
        if not isinstance(sym, kind):
            raise UnfoldError(UnfoldProblem(Missing.UNDECLARED, A.source_name(name), word))
        call = ref if isinstance(ref, A.Call) else A.Call(name)
        return name, sym, _arguments(sym.params, call,
                                     word, name)

    def class_instance(self, ref: A.Expr, bound: dict[str, str]
                       ) -> tuple[T.Class, dict[str, A.Expr]]:
        _, sym, given = self._declared(ref, T.Class, "class")
        args = {}
        for param in sym.params:
            value = given[param.name]
            explicit = value is not param.default
            args[param.name] = self.expr(value, {}, bound if explicit else {})
        return sym, args

    def _class_env(self, cls: T.Class, args: dict[str, A.Expr], view: FamilyView
                   ) -> dict[str, A.Expr]:
        env = dict(args)
        defaults = {d.name: d.expr for d in cls.decl.defaults}
        for name in cls.resources:
            if name not in defaults or not view.named or view.states(name):
                env[name] = self.resource(view, name)
        for name, expr in defaults.items():
            if name not in env:  # a declared family that does not state it: the default
                env[name] = self.expr(expr, env, {})
        return env

    def bounds(self, cls: T.Class, env: dict[str, A.Expr]
               ) -> tuple[list[Bound], list[Bound], list[A.Prop]]:
        """Lower and upper bounds on the class's existential t, and t-free constraints."""
        var = None if cls.decl.exists_var is None else f"{cls.decl.exists_var}#0"
        lowers: list[Bound] = []
        uppers: list[Bound] = []
        free: list[A.Prop] = []
        env = dict(env)
        if cls.decl.exists_var is not None and var is not None:
            env[cls.decl.exists_var] = A.Name(var)
        for constraint in cls.decl.exists_constraints:
            for atom in flatten_and(constraint):
                if not isinstance(atom, A.Relation):
                    raise UnfoldError(UnfoldProblem(Missing.LAW_NOT_LANDAU, cls.name))
                law = self._law(cls, atom)
                rel = A.Relation(self.expr(atom.left, env, {}), atom.rel,
                                 self.expr(atom.right, env, {}))
                if var is None or not (_mentions(rel.left, var) or _mentions(rel.right, var)):
                    free.append(rel)
                    continue
                self._bound(rel, var, law, lowers, uppers)
        for constraint in cls.decl.constraints:
            for atom in flatten_and(constraint):
                if not isinstance(atom, A.Relation):
                    raise UnfoldError(UnfoldProblem(Missing.LAW_NOT_LANDAU, cls.name))
                free.append(A.Relation(self.expr(atom.left, env, {}), atom.rel,
                                       self.expr(atom.right, env, {})))
        return lowers, uppers, free

    def _law(self, cls: T.Class, atom: A.Relation) -> Law:
        """The law a class constraint states: its trailing comment's name, else itself."""
        note = cls.note(atom.span.line) if atom.span is not None else None
        if note:
            return note.split(":", 1)[0].strip()
        return atom

    def _bound(self, rel: A.Relation, var: str, law: Law, lowers: list[Bound],
               uppers: list[Bound]) -> None:
        left, right, kind = rel.left, rel.right, rel.rel
        if _mentions(left, var) and _mentions(right, var):
            raise UnfoldError(UnfoldProblem(Missing.LAW_BOTH_SIDES, law=law,
                                            variable=A.source_name(var)))
        if _mentions(left, var):
            left, right, kind = right, left, CONVERSE[kind]
        split = split_power(right, var)
        if split is None or kind in ("~", "poly", "polylog"):
            raise UnfoldError(UnfoldProblem(Missing.LAW_UNSOLVABLE, law=law,
                                            variable=A.source_name(var)))
        k, cofactor = split
        value = const_value(k)
        if value is None:
            self.result.sides.append(A.Comparison((k, A.Num(Fraction(0))), (">",)))
        elif value == 0:
            raise UnfoldError(UnfoldProblem(Missing.LAW_NO_BOUND, law=law,
                                            variable=A.source_name(var)))
        elif value < 0:
            kind = CONVERSE[kind]
        base = power(div(left, cofactor), reciprocal(k))
        strict = kind in ("o", "omega")
        if kind in ("O", "o", "Theta"):
            lowers.append(Bound(base, strict, law))
        if kind in ("Omega", "omega", "Theta"):
            uppers.append(Bound(base, strict, law))

    def membership(self, view: FamilyView, cls: T.Class, args: dict[str, A.Expr]) -> A.Prop:
        lowers, uppers, free = self.bounds(cls, self._class_env(cls, args, view))
        atoms: list[A.Prop] = []
        for low in lowers:
            for up in uppers:
                rel = "o" if low.strict or up.strict else "O"
                atoms.append(A.Relation(low.expr, rel, up.expr))
                self.result.notes.append((low.law, up.law))
        atoms.extend(free)
        return conjoin(atoms)

    def inclusion(self, p: A.Inclusion, bound: dict[str, str]) -> A.Prop:
        left_cls, left_args = self.class_instance(p.left, bound)
        right_cls, right_args = self.class_instance(p.right, bound)
        name = self.fresh("C", "family")
        member = FamilyView(A.Name(name))
        subset: A.Prop = A.Forall((name,), "family", structural(name), A.Implies(
            self.membership(member, left_cls, left_args),
            self.membership(member, right_cls, right_args)))
        if not p.strict:
            return subset
        # Strict: some family is in the right class and not in the left one. The
        # existential is kept (exact in every polarity); the fullest member of the right
        # class is offered beside it as a witness, which is what proofs usually use.
        other = self.fresh("C'", "family")
        someone = FamilyView(A.Name(other))
        exists: A.Prop = A.Not(A.Forall((other,), "family", structural(other), A.Not(A.And(
            self.membership(someone, right_cls, right_args),
            A.Not(self.membership(someone, left_cls, left_args))))))
        witness = self._witness(right_cls, right_args)
        if witness is None:
            return A.And(subset, exists)
        self.result.notes.append(witness)
        size, depth = witness.resource("size"), witness.resource("depth")
        real = conjoin([A.Relation(size, "Omega", ONE), A.Relation(depth, "Omega", ONE),
                        A.Relation(depth, "O", size)])  # the witness is a real circuit
        offered = A.And(real, A.And(self.membership(witness, right_cls, right_args),
                                    A.Not(self.membership(witness, left_cls, left_args))))
        either = A.Or(offered, exists)
        self.result.witnessed.append(either)
        return A.And(subset, either)

    def _witness(self, cls: T.Class, args: dict[str, A.Expr]) -> FamilyView | None:
        """The family offered for the next strict inclusion: asked of the engine's
        proposer, or the next of the witnesses given for a replay. Any family with exact
        resources will do — `offered` is the existential's body at that family, with
        the structural facts of a real circuit — so a given witness is only checked to
        be such a family (not a declared one, no merely bounded resource); the kernel's
        `unfold` rule also checks that its resources are terms of the function universe
        (kernel/instantiate.witness_range)."""
        if callable(self._witnesses):
            try:
                found: FamilyView | None = self._witnesses(self, cls, args)
            except UnfoldError:
                found = None
        else:
            found = next(self._witnesses, None)
            if found is not None and not (
                    type(found) is FamilyView and not found.named and not found.bounded
                    and found.label == A.Name(WITNESS) and isinstance(found.exact, tuple)
                    and all(isinstance(item, tuple) and len(item) == 2
                            and isinstance(item[0], str) and isinstance(item[1], A.Expr)
                            for item in found.exact)):
                raise UnfoldError(UnfoldProblem(Missing.WITNESS_NOT_EXACT))
        self.result.witnesses.append(found)
        return found


WITNESS = "W"  # the label of a witness family (reports print "witness family W")
Witnesses = Callable[[Unfolder, T.Class, dict[str, A.Expr]], "FamilyView | None"] | tuple[
    "FamilyView | None", ...]


# Unfoldings that consulted no witness, by (statement, definition table): see `unfold`.
_MEMO: dict[tuple[A.Prop, T.Definitions], Unfolded] = {}
MEMO_ENTRIES = 4096  # the oldest entry goes when the memo is full


def unfold(p: A.Prop, definitions: T.Definitions, witnesses: Witnesses = ()) -> Unfolded:
    """Unfold a statement; raises UnfoldError when it cannot be done exactly.

    `witnesses` gives the family offered beside each strict inclusion's existential, in
    the order they are met: a proposer (the engine's search, prover/witness.py) or the
    tuple a previous unfolding recorded in `Unfolded.witnesses` (the kernel's replay).
    With none, a strict inclusion keeps only its existential.

    Memo (issue 13, a cheaper replay): the unfolding is a function of `p` and the
    immutable, content-compared `definitions` alone as long as no witness is asked for
    (no strict inclusion is met; `Unfolded.witnesses` stays empty, and `witnesses` is
    never read). Such a result is kept under (p, definitions) and each caller gets its
    own copy, so the engine's unfolding of a statement is not repeated by the kernel's
    `unfold` rule, and nobody can change what the other reads. An unfolding that asked
    for a witness, or failed, is never kept."""
    key = (p, definitions)
    try:
        done = _MEMO.get(key)
    except TypeError:  # not a tree of core terms (a list inside): unfolding refuses it
        return _unfold(p, definitions, witnesses)
    if done is not None:
        return done.copy()
    result = _unfold(p, definitions, witnesses)
    if not result.witnesses:
        if len(_MEMO) >= MEMO_ENTRIES:
            del _MEMO[next(iter(_MEMO))]
        _MEMO[key] = result.copy()
    return result


def _unfold(p: A.Prop, definitions: T.Definitions, witnesses: Witnesses) -> Unfolded:
    unfolder = Unfolder(definitions, theta=True, witnesses=witnesses)
    formula = unfolder.prop(p, {})
    unfolder.result.formula = formula
    unfolder.result.kinds = dict(unfolder._kinds)
    def is_real(name: str) -> bool:
        return unfolder._kinds.get(name) == "real" or isinstance(definitions.get(name),
                                                                     D.ParamDecl)

    return ThetaPass(unfolder._exact, unfolder.result, is_real).run()


# Relations that hold for f and g iff they hold for any Θ-equal f', g'.
THETA_INVARIANT = ("O", "Omega", "Theta", "o", "omega", "poly", "polylog")


class ThetaPass:
    """Put each declared resource's value E in for r(F) where that is exact.

    `size = E` in a family means size = Θ(E), not size = E. A Landau relation in
    THETA_INVARIANT is unchanged when a function in it is replaced by a Θ-equal one, as
    long as the function sits in a product, quotient, sum of positive terms, constant
    power, sqrt, max or min, or under a log whose argument tends to infinity. There E is
    put in. Anywhere else (`~`, a difference, an exponent, exp, log of a bounded
    argument) r(F) stays an unknown function with the hypothesis r(F) = Θ(E), and Tier 2
    treats it like any bounded resource."""

    def __init__(self, exact: dict[A.Call, A.Expr], result: Unfolded,
                 is_real: Callable[[str], bool]) -> None:
        self.exact = exact
        self.is_real = is_real
        self.result = result
        self.known = set(result.hypotheses)

    def run(self) -> Unfolded:
        if not self.exact:
            return self.result
        r = self.result
        r.formula = self.prop(r.formula)
        r.witnessed = [self.prop(w) for w in r.witnessed]  # type: ignore[misc]
        return r

    def prop(self, p: A.Prop) -> A.Prop:
        if isinstance(p, A.Relation):
            safe = p.rel in THETA_INVARIANT
            return A.Relation(self.expr(p.left, safe), p.rel, self.expr(p.right, safe))
        if isinstance(p, A.Comparison):
            return A.Comparison(tuple(self.expr(t, False) for t in p.terms), p.ops)
        if isinstance(p, A.Not):
            return A.Not(self.prop(p.operand))
        if isinstance(p, (A.And, A.Or, A.Implies)):
            return type(p)(self.prop(p.left), self.prop(p.right))
        if isinstance(p, A.Forall):
            return A.Forall(p.names, p.kind, tuple(self.prop(h) for h in p.where),
                            self.prop(p.body))
        return p

    def expr(self, e: A.Expr, safe: bool) -> A.Expr:
        if isinstance(e, A.Call) and e in self.exact:
            value = self.expr(self.exact[e], True)
            if safe:
                return value
            hyp = A.Relation(e, "Theta", value)
            if hyp not in self.known:
                self.known.add(hyp)
                self.result.hypotheses.append(hyp)
            return e
        if isinstance(e, A.BinOp):
            if e.op in "*/+":
                return A.BinOp(e.op, self.expr(e.left, safe), self.expr(e.right, safe))
            if e.op == "^":
                constant = not any(isinstance(x, A.Call) or (
                    isinstance(x, A.Name) and not self.is_real(x.id)) for x in nodes(e.right))
                return A.BinOp("^", self.expr(e.left, safe and constant),
                               self.expr(e.right, False))
            return A.BinOp(e.op, self.expr(e.left, False), self.expr(e.right, False))
        if isinstance(e, A.Neg):
            return A.Neg(self.expr(e.operand, False))
        if isinstance(e, A.Call) and e.func in ("sqrt", "max", "min"):
            return A.Call(e.func, tuple(self.expr(a, safe) for a in e.args), e.kwargs)
        if isinstance(e, A.Call) and e.func == "log" and len(e.args) == 1:
            inner = self.expr(e.args[0], True)
            if safe and _grows(inner):
                return A.Call("log", (inner,))
            return A.Call("log", (self.expr(e.args[0], False),))
        if isinstance(e, A.Call) and e.func in BUILTINS:
            return A.Call(e.func, tuple(self.expr(a, False) for a in e.args), e.kwargs)
        return e


def _grows(e: A.Expr) -> bool:
    """Whether a ground expression tends to infinity (the kernel's Tier 1 check,
    rcproof.tier1; False when unsure)."""
    from rcproof.tier1.exponents import Unsupported
    from rcproof.tier1.sums import ZERO, cmp, leading

    if not is_ground(e):
        return False
    try:
        return cmp(leading(e)[1], ZERO) > 0
    except (Unsupported, RecursionError):
        return False
