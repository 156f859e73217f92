"""Decide an unfolded formula: ground atoms by Tier 1/3, the rest by z3 (Tier 2).

Semantics (THEORY.md §2b): named parameters, declared `fun`s and the bounded resources of
named families are fixed unknown objects; `forall` variables range over everything their
hypotheses allow. proved = holds for every admissible fixed object and every bound
value; refuted = fails for every admissible fixed object (for bound variables: one
counter-example suffices, and it is named); otherwise unknown, saying what decides it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction

import z3

from rcproof import budget
from rcproof.elaborate.symbols import FunSym, ParamSym, Scope
from rcproof.growth.coef import approx
from rcproof.kernel.verdict import Counterexample
from rcproof.prover.ground import TIER1, TIER2, AtomVerdict, decide_atom
from rcproof.smt.budget import check as budgeted_check
from rcproof.smt.budget import rlimit
from rcproof.smt.growthvec import GrowthVectors, Vec, relation
from rcproof.smt.logcompare import log_relation
from rcproof.smt.params import comparison
from rcproof.smt.realterm import Untranslatable
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text as show
from rcproof.syntax.props import evaluate, ground_atoms, is_closed, substitute_atoms
from rcproof.syntax.reason import Assignments, Formula, Reason, Text, because, joined
from rcproof.syntax.terms import BUILTIN_FUNCTIONS
from rcproof.syntax.walk import names, nodes


@dataclass
class Outcome:
    status: str  # proved | refuted | unknown | vacuous
    tiers: list[str]
    reason: Reason | None = None
    counterexample: Counterexample | None = None
    atoms: list[AtomVerdict] = field(default_factory=list)
    work: int = 0  # work units the answer cost; a recorded answer costs them again
    condition: bool = False  # an unknown whose reason says where, in the fixed unknowns


class _Translation:
    """One z3 encoding of a formula, with the objects the report may name."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.ctx = z3.Context()
        self.numerals: dict[Fraction, z3.ArithRef] = {}  # shared by the atoms' translations
        self.reals: dict[str, z3.ArithRef] = {}
        self.vectors: dict[A.Expr, Vec] = {}
        self.fixed: set[str] = set()          # names of fixed unknown objects used
        self.fixed_terms: dict[str, A.Expr] = {}  # each of them as a term, for reasons
        self.bound_real: dict[str, str] = {}  # source name -> z3 name, stripped foralls
        self.scopes: list[dict[str, str]] = [{}]
        self.frame_ids: list[int] = [0]  # a unique id per quantifier; 0 = stripped prefix
        self.uninterpreted: list[str] = []
        self.partial: list[Reason] = []  # atoms encoded by sufficient conditions only
        self.guards: list[z3.BoolRef] = []  # side conditions of the top-level atoms
        self.pins: list[z3.BoolRef] = []  # bounds on irrational constants (true facts)
        self.inner_quantifier = False
        self._fixed_resource = False  # the atom being encoded mentions one
        self._by_logs = False  # the atom being encoded is compared through logarithms
        self.quantified: list[list[z3.ExprRef]] = []
        self._fresh = 0

    # -- symbols --
    def kind(self, name: str) -> str | None:
        for frame in reversed(self.scopes):
            if name in frame:
                return "param" if frame[name] == "real" else "fun" if frame[name] == "fun" else None
        sym = self.scope.get(name)
        if isinstance(sym, ParamSym):
            return "param"
        if isinstance(sym, FunSym):
            return "fun"
        return None

    def _key(self, name: str) -> str:
        """`name@id` for a bound variable (id of its quantifier), `name` for a fixed one."""
        for depth in range(len(self.scopes) - 1, -1, -1):
            if name in self.scopes[depth]:
                return f"{name}@{self.frame_ids[depth]}"
        return name

    def real(self, name: str) -> z3.ArithRef:
        key = self._key(name)
        if key not in self.reals:
            self.reals[key] = z3.Real(key, self.ctx)
            if "@" not in key:
                self.fixed.add(name)
                self.fixed_terms[name] = A.Name(name)
            else:
                self._bind(key, [self.reals[key]])
        return self.reals[key]

    def vector(self, e: A.Expr) -> Vec:
        if isinstance(e, A.Name):
            key: A.Expr = A.Name(self._key(e.id))
            owner = e.id
        else:
            assert isinstance(e, A.Call)
            label = e.args[0]
            owner = label.id if isinstance(label, A.Name) else ""
            key = A.Call(e.func, (A.Name(self._key(owner)) if owner else label,))
            if "@" not in (self._key(owner) if owner else ""):
                self._fixed_resource = True  # a resource of a named family
        if key not in self.vectors:
            self._fresh += 1
            vec = tuple(z3.Real(f"g{self._fresh}_{i}", self.ctx) for i in range(3))
            self.vectors[key] = vec  # type: ignore[assignment]
            owner_key = self._key(owner) if owner else ""
            if "@" in owner_key:
                self._bind(owner_key, list(vec))
            else:

                self.fixed.add(show(e))
                self.fixed_terms[show(e)] = e
        return self.vectors[key]

    def fixed_reason(self) -> Reason:
        """The fixed unknown objects used, sorted by name, as formulas."""
        return joined(", ", [because(Formula(self.fixed_terms.get(name, A.Name(name)),
                                             text=name)) for name in sorted(self.fixed)])

    def _bind(self, key: str, variables: list[z3.ExprRef]) -> None:
        """Attach new variables to the quantifier that binds them (`name@id`); id 0 is
        the stripped prefix, whose variables stay free."""
        frame = int(key.rsplit("@", 1)[1])
        if frame != 0:
            self.quantified[self.frame_ids.index(frame) - 1].extend(variables)

    def _unknown(self, guard: bool = False) -> z3.BoolRef:
        """An atom Tier 2 cannot state: an uninterpreted predicate of the bound variables.

        `guard`: the atom's encoding is exact where its side conditions hold and this
        predicate stands in elsewhere; a model in which every guard holds is then a
        genuine counter-example (see `guards`)."""
        self._fresh += 1
        args = [v for frame in self.quantified for v in frame]
        name = f"u{self._fresh}"
        if not guard:
            self.uninterpreted.append(name)
        if not args:
            return z3.Bool(name, self.ctx)
        fn = z3.Function(name, *[a.sort() for a in args], z3.BoolSort(self.ctx))
        return fn(*args)

    # -- propositions --
    def prop(self, p: A.Prop, reasons: list[Reason]) -> z3.BoolRef:
        if isinstance(p, A.Truth):
            return z3.BoolVal(p.value, self.ctx)
        if isinstance(p, A.Not):
            return z3.Not(self.prop(p.operand, reasons))
        if isinstance(p, A.And):
            return z3.And(self.prop(p.left, reasons), self.prop(p.right, reasons))
        if isinstance(p, A.Or):
            return z3.Or(self.prop(p.left, reasons), self.prop(p.right, reasons))
        if isinstance(p, A.Implies):
            return z3.Implies(self.prop(p.left, reasons), self.prop(p.right, reasons))
        if isinstance(p, A.Forall):
            self.inner_quantifier = True
            self._fresh += 1
            self.scopes.append({name: p.kind for name in p.names})
            self.frame_ids.append(self._fresh)
            self.quantified.append([])
            hyps = [self.prop(h, reasons) for h in p.where]
            body = self.prop(p.body, reasons)
            bound = self.quantified.pop()
            self.scopes.pop()
            self.frame_ids.pop()
            inner = z3.Implies(z3.And(*hyps), body) if hyps else body
            return z3.ForAll(bound, inner) if bound else inner
        return self.atom(p, reasons)

    def atom(self, p: A.Prop, reasons: list[Reason]) -> z3.BoolRef:
        """One atom. Its encoding holds only under the side conditions the translation
        collected (a constant is positive, a difference keeps its leading term, a
        logarithm grows), so it is guarded by them *everywhere*: `If(side, encoded, u)`
        with `u` unknown. Side conditions are never proved from hypotheses whose own
        encodings assume them (that was circular)."""

        gv = GrowthVectors(self.ctx, self.kind, self.real, self.vector, self.numerals)
        self._fixed_resource = False
        self._by_logs = False
        try:
            if isinstance(p, A.Comparison):
                encoded = comparison(p, gv.reals)
            else:
                assert isinstance(p, A.Relation)
                encoded = self._relation(gv, p)
        except Untranslatable as exc:
            if self._fixed_resource and isinstance(p, A.Relation) and p.rel == "~":
                reasons.append(because(
                    p, ": a named family's resource is known only up to a constant factor "
                    "(`size = E` means Θ(E)) or by bounds, so `~` cannot be decided from its "
                    "declaration"))
            else:
                reasons.append(because(p, ": ", exc.reason))
            return self._unknown()
        if self._fixed_resource and not self._mimicked(p):
            reasons.append(because(
                p, ": a named family's resource is any function meeting its declaration "
                "(Θ(E) for `size = E`, or its bounds), not only n^a·log(n)^b·log(log(n))^c, so "
                "Tier 2 compares it only by plain Landau relations with such functions, outside "
                "inner quantifiers"))
            return self._unknown()
        self.pins.extend(gv.reals.pins)
        if not gv.sides:
            return encoded
        side = z3.And(*gv.sides)
        if not self.quantified:
            self.guards.append(side)
        return z3.If(side, encoded, self._unknown(guard=True))

    def _mimicked(self, p: A.Prop) -> bool:
        """Whether an atom about a named family's bounded resource may use a growth vector.

        Such a resource is a fixed but arbitrary eventually positive function h meeting
        its bounds, possibly outside the universe n^a (log n)^b (log log n)^c. For finitely
        many universe functions g_i, some universe function u stands in the same plain
        Landau relations to every g_i as h does (u mimics h: take u just beside the cut
        that h makes in the lexicographic order); so a statement whose atoms compare the
        resource with universe functions only, outside inner quantifiers, holds for every
        such h iff it holds for every such u. An inner quantifier, poly/polylog (an
        implicit one) or a comparison through logarithms (2^n is not in the universe)
        breaks the argument, and so does the resource under log or exp."""
        return not (self.quantified or self._by_logs or (
            isinstance(p, A.Relation) and p.rel in ("poly", "polylog"))
            or self._fixed_under_log(p))

    def _fixed_under_log(self, p: A.Prop) -> bool:
        """A named family's resource inside log or exp: log of a super-polynomial
        resource (2^(n^2)) grows like n^2, which no universe function's log does."""
        for item in nodes(p):
            if isinstance(item, A.Call) and item.func in ("log", "exp"):
                for inner in nodes(item.args):
                    if isinstance(inner, A.Call) and inner.func not in BUILTIN_FUNCTIONS \
                            and self._is_fixed_label(inner.args[0]):
                        return True
        return False

    def _is_fixed_label(self, label: A.Expr) -> bool:
        return not isinstance(label, A.Name) or "@" not in self._key(label.id)

    def _relation(self, gv: GrowthVectors, p: A.Relation) -> z3.BoolRef:
        """Growth vectors when both sides have them; else compare logarithms."""
        mark = len(gv.sides)
        try:
            return relation(gv, p.rel, gv.vec(p.left), gv.vec(p.right))
        except Untranslatable as exc:
            del gv.sides[mark:]
            if "exponent" not in exc.reason and "exp of" not in exc.reason:
                raise

        self._by_logs = True
        self.partial.append(because(p, " is decided only where the logarithms of its two "
                                    "sides grow differently"))
        return log_relation(gv, p.rel, p.left, p.right, self._unknown())

    def register(self, names: tuple[str, ...], kind: str) -> None:
        """Variables of a stripped `forall`: free in the query, reported in models."""
        for name in names:
            self.scopes[0][name] = kind
            self.bound_real[name] = kind


def split(p: A.Prop) -> list[tuple[list[tuple[tuple[str, ...], str]], list[A.Prop], A.Prop]]:
    """Peel the positive `forall` prefix and split conjunctions: each part is (the
    variables it binds, its hypotheses, its matrix). The statement is valid iff every
    part is, and each part is a smaller, quantifier-free z3 query."""
    if isinstance(p, A.Forall):
        return [([(p.names, p.kind), *binders], [*p.where, *hyps], m)
                for binders, hyps, m in split(p.body)]
    if isinstance(p, A.And):
        return split(p.left) + split(p.right)
    if isinstance(p, A.Implies) and not isinstance(p.right, A.Truth):
        return [(binders, hyps, A.Implies(p.left, m)) for binders, hyps, m in split(p.right)]
    return [([], [], p)]


def _real(tr: _Translation, value: Fraction) -> z3.ArithRef:
    return z3.RealVal(f"{value.numerator}/{value.denominator}", tr.ctx)


def _mentions_any(e: z3.ExprRef, names: set[z3.ExprRef]) -> bool:
    todo, seen = [e], set()
    ids = {v.get_id() for v in names}
    while todo:
        item = todo.pop()
        if item.get_id() in seen:
            continue
        seen.add(item.get_id())
        if z3.is_const(item) and item.get_id() in ids:
            return True
        todo.extend(item.children())
    return False


def _fraction(value: z3.ExprRef) -> str:
    if z3.is_rational_value(value):
        frac = Fraction(value.numerator_as_long(), value.denominator_as_long())
        return str(frac)
    if z3.is_algebraic_value(value):
        return value.approx(6).as_decimal(6).rstrip("?")
    return str(value)


def _algebraic(value: z3.ExprRef) -> A.Expr | str:
    """An irrational model value exactly: a root of a polynomial of degree 2 by the
    quadratic formula (−√2 for the first root of x² − 2), a real root of x^k − c as
    ±c^(1/k); any other algebraic number as "the root of P near v", never a truncated
    decimal, which is not itself a counter-example (review 7, F1)."""
    if not z3.is_algebraic_value(value):
        return _fraction(value)
    coefs = [Fraction(int(str(c))) for c in value.poly()]  # ascending powers
    first = value.index() == 1  # roots are numbered from the least
    degree = len(coefs) - 1
    if degree == 2 and coefs[1] != 0:
        c, b, a = coefs
        root = A.Call("sqrt", (A.Num(b * b - 4 * a * c),))
        lesser = (a > 0) == first
        top = A.BinOp("-" if lesser else "+", A.Num(-b), root)
        return A.BinOp("/", top, A.Num(2 * a))
    if degree >= 2 and all(k == 0 for k in coefs[1:-1]) and coefs[0] * coefs[-1] < 0:
        magnitude: A.Expr = A.BinOp("^", A.Num(-coefs[0] / coefs[-1]),
                                    A.Num(Fraction(1, degree)))
        if degree == 2:
            magnitude = A.Call("sqrt", (A.Num(-coefs[0] / coefs[-1]),))
        return A.Neg(magnitude) if degree % 2 == 0 and first else magnitude
    terms = " + ".join(f"{k}·x^{i}" for i, k in enumerate(coefs) if k)
    return f"the root of {terms} = 0 near {_fraction(value)}"


def _growth_expr(values: list[Fraction]) -> A.Expr:
    """n^a · log(n)^b · log(log(n))^c as an expression (printed by the one printer)."""
    n = A.Name("n")
    bases = (n, A.Call("log", (n,)), A.Call("log", (A.Call("log", (n,)),)))
    out: A.Expr | None = None
    for base, exp in zip(bases, values):
        if exp == 0:
            continue
        factor = base if exp == 1 else A.BinOp("^", base, A.Num(exp))
        out = factor if out is None else A.BinOp("*", out, factor)
    return out if out is not None else A.Num(Fraction(1))


def _model_pairs(tr: _Translation, model: z3.ModelRef) -> Counterexample:
    """The model's values: each real as a number, each growth vector as the function
    n^a·log(n)^b·log(log(n))^c (text only for an irrational vector)."""
    items: list[tuple[A.Expr, A.Expr | str]] = []
    for key, var in sorted(tr.reals.items()):
        name = A.Name(A.source_name(key.split("@")[0]))
        value = model.eval(var, model_completion=True)
        number = _rational(value)
        items.append((name, A.Num(number) if number is not None else _algebraic(value)))
    for key, vec in tr.vectors.items():
        raw = [model.eval(c, model_completion=True) for c in vec]
        values = [_rational(r) for r in raw]
        if any(v is None for v in values):
            items.append((_unkey(key), "growth vector (" + ", ".join(_fraction(r) for r in raw)
                          + ")"))
            continue
        items.append((_unkey(key), _growth_expr(values)))  # type: ignore[arg-type]
    return _distinct_names(items, [*sorted(tr.reals), *(repr(k) for k in tr.vectors)])


def _distinct_names(items: list[tuple[A.Expr, A.Expr | str]], keys: list[str]
                    ) -> Counterexample:
    """The pairs with a prime added to a bound variable's name when a fixed object of
    the same name is also assigned (`f` and the `forall f` that rebinds it printed both
    as `f`, review 7): `keys` are the translation's keys in the same order (a bound
    one carries `@id`)."""
    shown = [show(name) for name, _ in items]
    out = []
    for (name, value), key, text in zip(items, keys, shown):
        if "@" in key and shown.count(text) > 1:
            name = _primed(name)
        out.append((name, value))
    return tuple(out)


def _primed(e: A.Expr) -> A.Expr:
    """x′ for a name x, size(C′) for a resource of a family variable C."""
    if isinstance(e, A.Name):
        return A.Name(e.id + "'")
    if isinstance(e, A.Call) and e.args and isinstance(e.args[0], A.Name):
        return A.Call(e.func, (_primed(e.args[0]),))
    return e


def _rational(value: z3.ExprRef) -> Fraction | None:
    if z3.is_rational_value(value):
        return Fraction(value.numerator_as_long(), value.denominator_as_long())
    return None


def _linear(formula: z3.ExprRef) -> bool:
    """No product of two non-numeral terms, no division by one, no power: linear real
    arithmetic, where quantifier elimination is complete and bounded by the rlimit."""
    todo, seen = [formula], set()
    while todo:
        e = todo.pop()
        if e.get_id() in seen:
            continue
        seen.add(e.get_id())
        if z3.is_app(e):
            kind = e.decl().kind()
            args = e.children()
            if kind == z3.Z3_OP_MUL and sum(not z3.is_rational_value(a) for a in args) > 1:
                return False
            if kind in (z3.Z3_OP_DIV, z3.Z3_OP_IDIV) and not z3.is_rational_value(args[1]):
                return False
            if kind == z3.Z3_OP_POWER:
                return False
            todo.extend(args)
        elif z3.is_quantifier(e):
            todo.append(e.body())
    return True


def _stripped(tr: _Translation) -> list[z3.ExprRef]:
    """The z3 variables of the stripped `forall` prefix (reals and growth vectors of
    `name@0`)."""
    out: list[z3.ExprRef] = [v for key, v in tr.reals.items() if key.endswith("@0")]
    for key, vec in tr.vectors.items():
        label = key if isinstance(key, A.Name) else key.args[0]  # type: ignore[union-attr]
        if isinstance(label, A.Name) and label.id.endswith("@0"):
            out.extend(vec)
    return out


def _exact_in_binders(tr: _Translation, undecided: bool) -> bool:
    """Whether the query may quantify over the stripped variables: every atom is encoded
    exactly (no unknown predicate, whose stand-in would not depend on those variables;
    no undecided ground atom; side-condition guards are the caller's: they must follow
    from the hypotheses, so that their stand-ins never matter), and the fixed unknowns are
    parameters or `fun` symbols, not resources of named families (those are only
    mimicked by growth vectors in plain atoms; docs/theory.md)."""
    if tr.uninterpreted or undecided:
        return False
    return not any(isinstance(key, A.Call) and not (
        isinstance(key.args[0], A.Name) and "@" in key.args[0].id) for key in tr.vectors)


def _unkey(e: A.Expr) -> A.Expr:
    if isinstance(e, A.Name):
        return A.Name(A.source_name(e.id.split("@")[0]))
    assert isinstance(e, A.Call)
    label = e.args[0]
    return A.Call(e.func, (_unkey(label) if isinstance(label, A.Name) else label,))


class Decider:
    """Decides unfolded formulas in one file's scope."""

    def __init__(self, scope: Scope, budget_seconds: float = 2.0) -> None:
        self.scope = scope
        self.budget_seconds = budget_seconds
        self._params: tuple[int, list[ParamSym]] | None = None

    def decide(self, formula: A.Prop, hypotheses: list[A.Relation] | None = None,
               sides: list[A.Comparison] | None = None) -> Outcome:
        """Decide under the current theorem's work budget (BudgetExhausted propagates).

        Outside any theorem (`compare`, `bound`, `table`) the decision gets a default
        budget of its own, and running out of it is an `unknown` naming the budget."""
        if budget.current().limit is not None:
            return self._decide(formula, hypotheses, sides)
        try:
            with budget.budget_scope(budget.Budget(budget.DEFAULT_UNITS)):
                return self._decide(formula, hypotheses, sides)
        except budget.BudgetExhausted as exc:
            return Outcome("unknown", [TIER1], reason=because(exc.reason))

    def _decide(self, formula: A.Prop, hypotheses: list[A.Relation] | None,
                sides: list[A.Comparison] | None) -> Outcome:
        hypotheses = hypotheses or []
        sides = sides or []
        ground = ground_atoms(formula)
        verdicts = [decide_atom(atom, self.budget_seconds) for atom in dict.fromkeys(ground)]
        tiers = sorted({v.tier for v in verdicts}) or [TIER1]
        values = {v.atom: v.value for v in verdicts if v.value is not None}
        reduced = substitute_atoms(formula, values)
        if is_closed(reduced) and not sides:
            value = evaluate(reduced)
            if value is True:
                return Outcome("proved", tiers, atoms=verdicts)
            if value is False:
                return Outcome("refuted", tiers, atoms=verdicts,
                               reason=_false_atoms(verdicts))
            return Outcome("unknown", tiers, atoms=verdicts, reason=_undecided(verdicts))
        answer = self.smt(reduced, hypotheses, sides)
        reason = answer.reason
        if reason is not None and _UNDECIDED in reason.segments:
            reason = reason.splice(_UNDECIDED, _undecided(verdicts))
        return Outcome(answer.status, sorted(set(tiers) | {TIER2}), reason,
                       answer.counterexample, verdicts, condition=answer.condition)

    def smt(self, formula: A.Prop, hypotheses: list[A.Relation],
            sides: list[A.Comparison]) -> Outcome:
        """Tier 2 on a formula whose decided ground atoms are already truth values: the
        z3 oracle. Memoized by the exact query (formula, hypotheses, side conditions, what
        its names are in this scope, the z3 budget), in memory and in the cache, so the
        kernel's replay and a later run cost a look-up. Returns status, reason and
        counter-example only (no atoms)."""
        from rcproof import cache
        from rcproof.budget import measured, spend_once

        query = self._query(formula, hypotheses, sides)
        found = _MEMO.get(query)
        if found is None:
            key = cache.key("z3", *query)
            stored = cache.get(key)
            found = stored if isinstance(stored, Outcome) else None
            if found is None:
                found, work = measured(query, lambda: self._smt(formula, hypotheses, sides))
                found.work = work
                cache.put(key, found)
            _MEMO[query] = found
        # A recorded answer costs what computing it cost, once per theorem, so a verdict
        # does not depend on what ran before or on the cache (ARCHITECTURE.md).
        spend_once(query, found.work, "recalling a recorded z3 answer")
        return Outcome(found.status, list(found.tiers), found.reason, found.counterexample,
                       condition=found.condition)

    def _query(self, formula: A.Prop, hypotheses: list[A.Relation],
               sides: list[A.Comparison]) -> tuple[object, ...]:
        """Everything the answer depends on: the formula, hypotheses and side conditions,
        what each name in them means here (a parameter with its constraints, or an
        abstract function), and z3's budget."""
        return (formula, tuple(hypotheses), tuple(sides),
                self._meaning((formula, tuple(hypotheses), tuple(sides))), rlimit())

    def _meaning(self, items: object) -> tuple[tuple[str, str, tuple[A.Prop, ...]], ...]:
        """What each name in `items` means in this scope: a parameter with its
        constraints (and, in turn, the parameters those name), or an abstract function
        (every other name translates alike)."""
        meaning: dict[str, tuple[str, str, tuple[A.Prop, ...]]] = {}
        todo = sorted(names(items))
        while todo:  # with the parameters the constraints name, as the decision uses them
            name = todo.pop()
            if name in meaning:
                continue
            sym = self.scope.get(name)
            if isinstance(sym, ParamSym):
                meaning[name] = (name, "param", sym.constraints)
                todo.extend(sorted(names(sym.constraints)))
            elif isinstance(sym, FunSym):
                meaning[name] = (name, "fun", ())
        return tuple(meaning[name] for name in sorted(meaning))

    def _smt(self, formula: A.Prop, hypotheses: list[A.Relation],
             sides: list[A.Comparison]) -> Outcome:
        parts = split(formula)
        outcomes = [self._recalled_part(binders, hyps, matrix, hypotheses, sides)
                    for binders, hyps, matrix in parts]
        for outcome in outcomes:
            if outcome.status == "refuted":
                return outcome
        unknown = [(o, part) for o, part in zip(outcomes, parts) if o.status == "unknown"]
        if unknown:
            if len(parts) > 1 and not any(binders for binders, _, _ in parts):
                # Each part may hold for some value while no value satisfies them all.
                joint = self._recalled_part([], [], formula, hypotheses, sides)
                if joint.status == "refuted":
                    return joint
            outcome, (_, _, matrix) = unknown[0]
            if len(parts) > 1 and outcome.reason:
                outcome.reason = because("for the part ", matrix, ": ", outcome.reason)
                outcome.condition = False  # about one part, not the whole statement
            return outcome
        if all(o.status == "vacuous" for o in outcomes):
            return outcomes[0]
        return Outcome("proved", [])

    def _recalled_part(self, binders: list[tuple[tuple[str, ...], str]], hyps: list[A.Prop],
                       matrix: A.Prop, hypotheses: list[A.Relation],
                       sides: list[A.Comparison]) -> Outcome:
        """`_part`, answered once per run for each exact part (issue 13: the library's
        theorems split into many equal parts, e.g. one definition's conjunct under the
        same hypotheses). The key holds everything `_part` reads: the part, the
        theorem's hypotheses and side conditions, what each name means in this scope,
        z3's budget. A recalled part spends exactly the work units its computation
        spent, every time (not once per theorem), so the budget, and so every verdict
        and every recorded `work`, is the same as without the memo."""
        items = (tuple(binders), tuple(hyps), matrix, tuple(hypotheses), tuple(sides))
        key = (*items, self._meaning(items), rlimit())
        found = _PARTS.get(key)
        if found is not None:
            outcome, work = found
            budget.spend(work, _PART_WHAT)
            return _copy(outcome)
        account = budget.current()
        before = account.spent
        outcome = self._part(binders, hyps, matrix, hypotheses, sides)
        if len(_PARTS) >= PART_ENTRIES:
            _PARTS.clear()
        _PARTS[key] = (_copy(outcome), account.spent - before)
        return outcome

    def _part(self, binders: list[tuple[tuple[str, ...], str]], hyps: list[A.Prop],
              matrix: A.Prop, hypotheses: list[A.Relation],
              sides: list[A.Comparison]) -> Outcome:
        tr = _Translation(self.scope)
        for binder_names, kind in binders:
            tr.register(binder_names, kind)
        reasons: list[Reason] = []
        goal = tr.prop(matrix, reasons)
        side_facts = [tr.prop(s, reasons) for s in dict.fromkeys(sides)]
        where = [tr.prop(h, reasons) for h in hyps]
        fixed_hyps = [tr.prop(h, reasons) for h in hypotheses]
        assumptions = fixed_hyps + self._param_assumptions(tr, reasons) + tr.pins
        undecided = bool(ground_atoms(matrix)) or any(ground_atoms(h) for h in hyps)
        if undecided:
            reasons.append(because(_UNDECIDED))

        if self._check(tr, assumptions + where) == z3.unsat:
            # Exact: an atom whose encoding needs a side condition is guarded by it, so
            # only hypotheses that are false wherever they are exact make this unsat.
            return Outcome("vacuous", [], reason=because("the hypotheses admit no object"))
        if side_facts:
            # The exponents of class constraints: shown from the parameter assumptions and
            # the comparison hypotheses alone, never from hypotheses whose unfolding
            # assumed them.
            exact = [w for w, h in zip(where, hyps) if isinstance(h, A.Comparison)]
            if self._check(tr, assumptions[len(fixed_hyps):] + exact
                           + [z3.Not(z3.And(*side_facts))]) != z3.unsat:

                shown = joined(", ", [because(s) for s in dict.fromkeys(sides)])
                return Outcome("unknown", [], reason=because(
                    "cannot show that the exponent ", shown,
                    " (add an assumption on the parameters)"))
            assumptions = assumptions + side_facts
        status = self._check(tr, assumptions + where + [z3.Not(goal)])
        if status == z3.unsat:
            return Outcome("proved", [])
        has_bound = bool(tr.bound_real)
        fixed = bool(tr.fixed)
        if not has_bound and self._check(tr, [*assumptions, goal]) == z3.unsat:
            return Outcome("refuted", [], reason=because(
                "fails for every admissible value of ", tr.fixed_reason())
                if fixed else None,
                           counterexample=None)
        shown: list[bool] = []  # whether the guards follow from the hypotheses, asked once

        def guards_follow() -> bool:
            if not shown:
                shown.append(not tr.guards or self._check(
                    tr, assumptions + where + [z3.Not(z3.And(*tr.guards))]) == z3.unsat)
            return shown[0]

        uniform = has_bound and fixed and _exact_in_binders(tr, undecided) and guards_follow()
        if uniform:
            somewhere, example = self._holds_for_some_fixed(tr, assumptions, where, goal)
            if somewhere == z3.unsat:
                bound = sorted(A.source_name(x) for x in tr.bound_real)
                return Outcome("refuted", [], counterexample=None, reason=because(
                    "fails for every admissible value of ", tr.fixed_reason(),
                    ": for each, some value of ",
                    joined(", ", [because(Formula(A.Name(x), text=x)) for x in bound]), " fails"))
        budget_hit = status == z3.unknown
        counter = None
        genuine = not tr.uninterpreted and not undecided and not tr.inner_quantifier
        if genuine:
            facts = assumptions + where + tr.guards
            model = self._simple_model(tr, [*facts, z3.Not(goal)])
            if model is not None and tr.pins and not _fails_for_all_pins(tr, model, facts,
                                                                         goal, self._check):
                model = None
            genuine = not tr.pins
            if model is not None:
                counter = _model_pairs(tr, model)
                if not fixed:
                    return Outcome("refuted", [], counterexample=counter or None,
                                   reason=because("fails at ", Assignments(counter))
                                   if counter else None)
        if budget_hit and not reasons:
            return Outcome("unknown", [],
                           reason=because("budget exhausted in Tier 2 (z3 rlimit)"))
        reasons.extend(tr.partial)
        if not guards_follow():
            reasons.append(because(
                "a side condition of the growth-vector translation (a constant is positive, "
                "a difference keeps its leading term, a logarithm grows) could not be shown"))
        if reasons:
            unique = {str(r): r for r in reversed(reasons)}  # the first of equal texts
            shown_once = [unique.pop(str(r)) for r in reasons if str(r) in unique]
            return Outcome("unknown", [], reason=joined("; ", shown_once))
        if fixed:
            text = because("depends on the unknown ", tr.fixed_reason())
            threshold = self._threshold(tr, assumptions + where, goal) \
                if genuine and not hyps else None
            if threshold is not None:
                return Outcome("unknown", [], reason=text + ": holds iff " + threshold,
                               condition=True)
            if has_bound:  # an example may give values to the fixed unknowns only
                model = example if uniform else None
                holds = tuple((name, value) for name, value in _model_pairs(tr, model)
                              if show(name) in tr.fixed) if model is not None else None
            else:
                holds = self._holds_example(tr, assumptions + where + [goal],
                                            _antecedents(tr, matrix)) if genuine else None
            if holds:
                text += because(": holds when ", Assignments(holds))
            if counter:
                text += because("; fails when ", Assignments(counter))
            return Outcome("unknown", [], reason=text + _missing_bound_hint(hypotheses),
                           condition=True)
        return Outcome("unknown", [],
                       reason=because("Tier 2 could not decide (z3 returned unknown)"))

    def _simple_model(self, tr: _Translation, facts: list[z3.BoolRef]) -> z3.ModelRef | None:
        """A model, preferring whole numbers for the reals and functions n^k with whole k
        (easier to read: `d = 2` rather than `d = 43669/21185`) when one exists, then
        halves, then any."""
        simple = []
        for a, b, c in tr.vectors.values():
            simple += [b == 0, c == 0, z3.IsInt(a)]
        tries = [z3.And(*simple, *(v == _real(tr, Fraction(x)) for v in tr.reals.values()))
                 for x in _SIMPLE_VALUES] if len(tr.reals) == 1 else []
        if len(tr.reals) > 1 and not tr.inner_quantifier:
            tries.append(z3.And(*simple, *(z3.IsInt(v) for v in tr.reals.values())))
        if simple:
            tries.append(z3.And(*simple))
        for extra in *([t] for t in tries), []:
            solver = self._solver(tr, facts + extra)
            if budgeted_check(solver) == z3.sat:
                return solver.model()
        return None

    def _threshold(self, tr: _Translation, assumptions: list[z3.BoolRef],
                   goal: z3.BoolRef) -> Reason | None:
        """For one unknown real parameter p: "p <= c" (or <, >=, >) such that the
        statement holds exactly there, found by bisection between a value where it
        holds and one where it fails, then checked both ways by z3."""
        if tr.vectors or len(tr.reals) != 1:
            return None
        (name, p), = tr.reals.items()

        def at(value: Fraction, *facts: z3.BoolRef) -> bool:
            return self._check(tr, [*assumptions, p == _real(tr, value), *facts]) == z3.sat

        inside = self._value(tr, p, [*assumptions, goal])
        outside = self._value(tr, p, [*assumptions, z3.Not(goal)])
        if inside is None or outside is None:
            return None
        low, high = inside, outside
        for _ in range(60):
            mid = (low + high) / 2
            if at(mid, z3.Not(goal)):
                high = mid
            else:
                low = mid
        c = ((low + high) / 2).limit_denominator(1000)
        below = inside < outside
        for op in (("<=", "<") if below else (">=", ">")):
            region = {"<=": p <= _real(tr, c), "<": p < _real(tr, c),
                      ">=": p >= _real(tr, c), ">": p > _real(tr, c)}[op]
            exact = z3.And(z3.Implies(region, goal), z3.Implies(goal, region))
            if self._check(tr, [*assumptions, z3.Not(exact)]) == z3.unsat:
                exact_form = A.Comparison((A.Name(A.source_name(name.split("@")[0])),
                                           A.Num(c)), (op,))
                return because(Formula(exact_form, text=f"{name} {op} {c}"))
        return None

    def _value(self, tr: _Translation, var: z3.ArithRef,
               facts: list[z3.BoolRef]) -> Fraction | None:
        solver = self._solver(tr, facts)
        if budgeted_check(solver) != z3.sat:
            return None
        value = solver.model().eval(var, model_completion=True)
        if not z3.is_rational_value(value):
            return None
        return Fraction(value.numerator_as_long(), value.denominator_as_long())

    def _holds_for_some_fixed(self, tr: _Translation, assumptions: list[z3.BoolRef],
                              where: list[z3.BoolRef], goal: z3.BoolRef
                              ) -> tuple[z3.CheckSatResult, z3.ModelRef | None]:
        """Whether some value of the fixed unknowns makes the statement hold for *every*
        value of the stripped `forall` variables (∃fixed ∀bound. where → goal), with a
        model when z3 finds one. `unsat`: the statement fails for every admissible value
        of the fixed unknowns (refuted). Only for exact encodings
        (`_exact_in_binders`)."""
        stripped = _stripped(tr)
        binds = [_mentions_any(a, set(stripped)) for a in assumptions]
        inner = [a for a, b in zip(assumptions, binds) if b]
        outer = [a for a, b in zip(assumptions, binds) if not b]
        antecedent = z3.And(*inner, *where) if inner or where else z3.BoolVal(True, tr.ctx)
        if not all(_linear(f) for f in [*outer, antecedent, goal]):
            # z3's quantifier elimination does not honour the rlimit on nonlinear real
            # arithmetic (b^2 in an exponent ran for minutes): no uniform answer then.
            return z3.unknown, None
        claim = z3.ForAll(stripped, z3.Implies(antecedent, goal))
        # Quantifier elimination first (complete for the linear real arithmetic of
        # growth vectors), so the answer does not hang on z3's instantiation heuristics.
        solver = z3.Then(z3.Tactic("qe", tr.ctx), z3.Tactic("smt", tr.ctx)).solver()
        solver.add(*outer, claim)
        result = budgeted_check(solver)
        return result, solver.model() if result == z3.sat else None

    def _holds_example(self, tr: _Translation, facts: list[z3.BoolRef],
                       antecedents: list[z3.BoolRef]) -> Counterexample | None:
        """Values for which the statement holds, preferring values that make the
        antecedents of its implications (the facts a step uses) true: `g = n²` satisfies
        `g = O(n) → g = o(n)` only vacuously and would read as a witness (review 5); when no
        simple value satisfies them, no example is offered (review 7: "holds when f = 1"
        for a step no f meeting its facts makes true)."""
        if antecedents:  # an example that falsifies them holds only vacuously: none then
            model = self._simple_model(tr, facts + antecedents + tr.guards)
        else:
            model = self._simple_model(tr, facts + tr.guards)
        return (_model_pairs(tr, model) or None) if model is not None else None

    def _param_assumptions(self, tr: _Translation, reasons: list[Reason]) -> list[z3.BoolRef]:
        out = []
        size = len(self.scope.symbols)  # scan the scope once per size, not per part
        if self._params is None or self._params[0] != size:
            self._params = (size, self.scope.params())
        # A constraint may name another parameter (`param e where e > d`), which is then
        # fixed too and brings its own constraints: repeat until none is new (each
        # parameter once, in declaration order). Before, d's constraints were left out
        # when d was declared first, and a "fails when d = -1" ignored `d > 1`.
        done: set[str] = set()
        while True:
            new = [sym for sym in self._params[1]
                   if sym.name in tr.fixed and sym.name not in done]
            if not new:
                return out
            for sym in new:
                done.add(sym.name)
                out.extend(tr.prop(c, reasons) for c in sym.constraints)

    def _solver(self, tr: _Translation, facts: list[z3.BoolRef]) -> z3.Solver:
        solver = z3.Solver(ctx=tr.ctx)
        solver.add(*facts)
        return solver

    def _check(self, tr: _Translation, facts: list[z3.BoolRef]) -> z3.CheckSatResult:
        return budgeted_check(self._solver(tr, facts))


_SIMPLE_VALUES = (2, 3, 1, 0, 4)  # tried first for a lone real in a counter-model
_UNDECIDED = Text("<the undecided ground relations>")  # replaced by their list in decide
_MEMO: dict[tuple[object, ...], Outcome] = {}  # z3 oracle answers here, by exact query
# Parts of queries (`Decider._recalled_part`) with the work units each cost.
_PARTS: dict[tuple[object, ...], tuple[Outcome, int]] = {}
PART_ENTRIES = 20_000  # emptied when it reaches this many parts
_PART_WHAT = "deciding with z3 (Tier 2)"  # as when the part is computed (smt/budget.py)


def _copy(outcome: Outcome) -> Outcome:
    """A copy the caller may change (`_smt` rewrites a part's reason)."""
    return replace(outcome, tiers=list(outcome.tiers), atoms=list(outcome.atoms))


def _false_atoms(verdicts: list[AtomVerdict]) -> Reason | None:
    false = [_refutation(v) for v in verdicts if v.value is False]
    return because("fails: ", joined("; ", false)) if false else None


_ORDER_WORDS = {"o": "grows strictly slower", "omega": "grows strictly faster",
                "Theta": "grows at the same rate"}


def _refutation(v: AtomVerdict) -> Reason:
    """What a false atom's sides do instead, from the order that decided it: `exp(n) =
    ω(n⁵)` for a refuted `exp(n) = O(n⁵)`, with the limit of the ratio for Θ (exact, or
    about a decimal value); `not …` when no order was recorded."""
    order = v.order
    if order is None or order.kind not in _ORDER_WORDS:
        return because(Formula(A.Not(v.atom), text=f"not {show(v.atom)}"))
    ratio = order.ratio if order.kind == "Theta" else None
    if ratio is not None and ratio.is_exact and ratio.value == 1:
        actual = A.Relation(v.atom.left, "~", v.atom.right)
        return because(Formula(actual), " (the ratio tends to 1), so not ", Formula(v.atom))
    actual = A.Relation(v.atom.left, order.kind, v.atom.right)
    if ratio is None:
        limit = because("")
    elif ratio.is_exact:
        limit = because(", the ratio tends to ", A.Num(ratio.value))
    else:
        limit = because(f", the ratio tends to about {approx((ratio.lo + ratio.hi) / 2)}")
    return because(Formula(actual), " (", _ORDER_WORDS[order.kind], limit, "), so not ",
                   Formula(v.atom))


def _undecided(verdicts: list[AtomVerdict]) -> Reason:
    parts = [because(v.atom, f": {v.reason}") for v in verdicts if v.value is None]
    return joined("; ", parts) if parts else because("undecided")


def _missing_bound_hint(hypotheses: list[A.Relation]) -> Reason:
    if not hypotheses:
        return because()
    uppers = [h for h in hypotheses if h.rel in ("O", "o")]
    lowers = [h for h in hypotheses if h.rel in ("Omega", "omega")]

    def named(bounds: list[A.Relation]) -> Reason:  # each resource once, by its text
        once = {show(h.left): h.left for h in reversed(bounds)}
        return joined(", ", [because(once.pop(show(h.left))) for h in bounds
                             if show(h.left) in once])

    if uppers and not lowers:
        return because(" (only upper bounds are known: needs a lower bound on ",
                       named(uppers), ")")
    if lowers and not uppers:
        return because(" (only lower bounds are known: needs an upper bound on ",
                       named(lowers), ")")
    return because()


def _fails_for_all_pins(tr: _Translation, model: z3.ModelRef, facts: list[z3.BoolRef],
                        goal: z3.BoolRef, check: Callable[..., z3.CheckSatResult]) -> bool:
    """A model that uses an irrational constant (known only within its pinned bounds) is
    a counter-example only if, with every other variable fixed to its model value, the
    facts hold and the goal fails for *every* value of the constants within the bounds."""
    fixes = [d() == model[d] for d in model.decls()
             if d.arity() == 0 and not d.name().startswith("const:")]
    return (check(tr, tr.pins + fixes + [goal]) == z3.unsat
            and check(tr, tr.pins + fixes + [z3.Not(z3.And(*facts))]) == z3.unsat)


def _antecedents(tr: _Translation, matrix: A.Prop) -> list[z3.BoolRef]:
    """The left sides of `matrix`'s chain of implications A → (B → C), translated (their
    translation notes are dropped: they only steer the choice of an example)."""
    out = []
    while isinstance(matrix, A.Implies):
        out.append(tr.prop(matrix.left, []))
        matrix = matrix.right
    return out
