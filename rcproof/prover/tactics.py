"""The tactics: search for a proof or a refutation with the engine, then replay what it
found through the kernel's rules. Nothing here can make a `proved` verdict on its own:
a `Verdict` with that status needs a kernel `Theorem` of exactly its statement.

`Tactics(scope).check(statement, tactic, facts)` is the one entry point of `auto`,
`unfold`, `growth`, `smt` and `limit`; `by_fact` instantiates a named fact;
`refute_by_instance` tries admissible values of a real variable. The engine's oracles
(z3 on growth vectors, the Tier 3 limit engine) are registered with the kernel here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction
from itertools import pairwise

from rcproof import budget
from rcproof.elaborate.symbols import FamilySym, Scope, Solved
from rcproof.elaborate.unfold import FamilyView, Unfolded, UnfoldError
from rcproof.elaborate.unfold import unfold as unfold_definitions
from rcproof.growth.certificates import Certificate
from rcproof.kernel import Step, Theorem, Verdict, rules, unknown
from rcproof.kernel.instantiate import Refusal, admits, instantiate
from rcproof.prover import evidence
from rcproof.prover.decide import Decider, Outcome
from rcproof.prover.ground import (
    TIER1,
    TIER2,
    TIER3,
    AtomVerdict,
    decide_atom,
    decide_parametric,
    parametric_atom,
)
from rcproof.prover.respell import spelled_instance
from rcproof.prover.witness import fullest_member
from rcproof.syntax import ast as A
from rcproof.syntax.decls import TACTIC_NAMES, FamilyDecl
from rcproof.syntax.notation import to_text as show
from rcproof.syntax.props import circuit_facts, is_closed, substitute_atoms
from rcproof.syntax.reason import Assignments, Formula, Reason, Ref, because, joined
from rcproof.syntax.terms import const_value, is_ground, mentions
from rcproof.syntax.walk import names, nodes

# Which tiers a tactic may use.
TACTIC_TIERS = {
    "auto": {TIER1, TIER2, TIER3},
    "unfold": {TIER1, TIER2, TIER3},
    "growth": {TIER1},
    "smt": {TIER1, TIER2},
    "limit": {TIER1, TIER3},
}
assert tuple(TACTIC_TIERS) == TACTIC_NAMES  # the language's tactic words (syntax/decls.py)


# ---- the engine's oracles, as the kernel sees them ------------------------------------

def _z3_oracle(query: rules.Query) -> bool:
    """Tier 2: z3 on the growth-vector encoding (prover/decide.py, smt/), memoized by the
    exact query, so the kernel's call after the engine's search costs a look-up."""
    assert query.scope is not None
    outcome = Decider(query.scope).smt(query.prop, list(query.hypotheses), list(query.sides))
    return outcome.status == ("refuted" if query.refute else "proved")


def parameter_closure(atom: A.Prop, scope: object) -> A.Forall | None:
    """`forall a, b : real where C. atom` for a Landau atom whose only names besides n are
    declared parameters (`param a : real where C`), with every constraint of the
    parameters it reaches: a statement about fixed unknowns holds when it holds for every
    admissible value of them, and is refuted when it fails for every one (THEORY.md §2b),
    which is what the exp-log engine decides for the closure. None for anything else."""
    if not isinstance(atom, A.Relation) or not isinstance(scope, Scope):
        return None
    params = {p.name: p for p in scope.params()}
    todo = [x for x in names(atom) if x != "n"]
    if not todo or any(x not in params for x in todo):
        return None
    reached: list[str] = []
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.append(name)
        for c in params[name].constraints:
            todo.extend(x for x in names(c) if x in params and x not in reached)
    where = tuple(c for x in sorted(reached) for c in params[x].constraints)
    if not all(isinstance(c, A.Comparison) for c in where):
        return None
    return A.Forall(tuple(sorted(reached)), "real", where, atom)


def _limit_oracle(query: rules.Query) -> bool:
    """Tier 3: the limit engine on one ground atom (memoized by prover/ground.py), or on
    `forall a : real where C. atom` decided uniformly over the range C: the query's
    proposition, hence the kernel's theorem, then states the range it assumed."""
    shape = parametric_atom(query.prop)
    closed = parameter_closure(query.prop, query.scope) if shape is None else None
    if closed is not None:
        shape = parametric_atom(closed)
    if shape is not None:
        found = decide_parametric(shape[0], _limit_budget.get())
        return found.value is (not query.refute)
    if not isinstance(query.prop, A.Relation):
        return False
    verdict = decide_atom(query.prop, _limit_budget.get())
    return verdict.value is (not query.refute)


def _growth_oracle(query: rules.Query) -> bool:
    """Tier 1 as an oracle: the engine's full growth algebra (growth/compare.py, with
    interval coefficients and every irrational exponent) on a ground atom that the
    kernel's own small check (rcproof.tier1) cannot settle."""
    from rcproof import growth
    from rcproof.kernel.ground import poly_holds

    atom = query.prop
    if not isinstance(atom, A.Relation):
        return False
    try:
        if atom.rel in ("poly", "polylog"):
            base = atom.right if atom.rel == "poly" else A.Call("log", (atom.right,))
            value = poly_holds(tuple(growth.leading(atom.left).exps),  # type: ignore[arg-type]
                               tuple(growth.leading(base).exps))  # type: ignore[arg-type]
        else:
            value = growth.holds(growth.compare(atom.left, atom.right), atom.rel)
    except growth.GrowthError:
        return False
    return value is (not query.refute)


# Seconds of the Tier 3 fallback for the check running now: set by `Tactics.check` for
# its dynamic extent (the kernel calls the oracles from inside it), so two Tactics with
# different budgets never see each other's.
_limit_budget: ContextVar[float] = ContextVar("rcproof_limit_budget", default=2.0)


@contextmanager
def limit_seconds(seconds: float) -> Iterator[None]:
    """The Tier 3 seconds budget the limit oracle reads, for a replay of recorded
    evidence (prover/evidence.py) outside `Tactics.check`."""
    token = _limit_budget.set(seconds)
    try:
        yield
    finally:
        _limit_budget.reset(token)


rules.register_oracle("growth", _growth_oracle)
rules.register_oracle("z3", _z3_oracle)
rules.register_oracle("limit", _limit_oracle)


def _candidates(statement: A.Forall) -> list[A.Expr]:
    """Values worth trying for the variable of `forall x : K where H. P` (at most 16).

    `real`: the values of the numeric bounds in H (the boundary of `d >= 2` is 2, of
    `3/5 < a` is 3/5, not 3 and 5), the midpoints between consecutive bounds, half a
    unit either side of each bound, then 0, 1, 2, 3. `fun`: the functions of n the
    statement mentions, each also minus and plus 1 (cancellation is where hypotheses
    about differences fail), then 2, n, log(n), n^2, sqrt(n), 1/n."""
    if statement.kind == "real":
        bounds = sorted({v for h in statement.where if isinstance(h, A.Comparison)
                         for t in h.terms if (v := const_value(t)) is not None})
        middles = [(x + y) / 2 for x, y in pairwise(bounds)]
        near = [v + d for v in bounds for d in (Fraction(0), Fraction(1, 2), Fraction(-1, 2))]
        values = list(dict.fromkeys([*middles, *near, *map(Fraction, (0, 1, 2, 3))]))[:12]
        return [A.Num(v) for v in values]
    n, one = A.Name("n"), A.Num(Fraction(1))
    seen = [x for x in nodes((statement.where, statement.body))
            if isinstance(x, (A.BinOp, A.Call, A.Name)) and is_ground(x)  # type: ignore[arg-type]
            and mentions(x, lambda name: name == "n")]  # type: ignore[arg-type]
    out: list[A.Expr] = []
    for e in seen:
        out += [e, A.BinOp("-", e, one), A.BinOp("+", e, one)]  # type: ignore[list-item]
    out += [A.Num(Fraction(2)), n, A.Call("log", (n,)), A.BinOp("^", n, A.Num(Fraction(2))),
            A.Call("sqrt", (n,)), A.BinOp("/", one, n)]
    return list(dict.fromkeys(out))[:16]


def _note(item: object) -> Reason:
    """An unfolding note (a pair of laws, or a witness family) as a reason."""
    if type(item) is tuple:  # a pair of laws (first: the runtime Protocol check is slow)
        low, up = item
        return because(low, " vs ", up)  # each law by its name (prose) or its constraint
    if isinstance(item, FamilyView):
        parts = [because(Assignments(((A.Name(name), value),))) for name, value in item.exact]
        for name, bounds in item.bounded:
            parts.extend(because(Formula(A.Relation(A.Name(name), rel, b),
                                         text=f"{name} = {rel}({show(b)})"))
                         for rel, b in bounds)
        return because("witness family ", A.Name("W"), ": ", joined(", ", parts))
    if isinstance(item, Solved):  # a resource derived from a recurrence
        return because(item.describe())
    low, up = item  # type: ignore[misc]
    return because(low, " vs ", up)  # each law by its name (prose) or its constraint


def certificate_reason(cert: Certificate) -> Reason:
    """A checked (c, N0) certificate (growth/certificates.py) as a reason: `for all
    n >= 2^k: f(n) <= c · g(n)`, each inequality a formula (text as `describe()`)."""
    n, k = A.Name("n"), cert.log2_n0
    f, g = A.Call("f", (n,)), A.Call("g", (n,))

    def times(c: Fraction | None) -> A.Expr:  # c · g(n); g(n) alone when c = 1
        return g if c == 1 else A.BinOp("*", A.Num(c if c is not None else Fraction(0)), g)

    if cert.rel in ("O", "o"):
        body: A.Prop = A.Comparison((f, times(cert.c)), ("<=",))
    elif cert.rel in ("Omega", "omega"):
        body = A.Comparison((f, times(cert.c)), (">=",))
    else:
        body = A.Comparison((times(cert.c_low), f, times(cert.c)), ("<=", "<="))
    head = f"n >= 2^{k}"
    text = cert.describe()
    return because("for all ", Formula(A.Comparison((n, A.BinOp("^", A.Num(Fraction(2)),
                                                                 A.Num(Fraction(k)))),
                                                    (">=",)), text=head),
                   ": ", Formula(body, text=text[len(f"for all {head}: "):]))


def _evidence(atom: AtomVerdict) -> Reason | None:
    """What a decided atom's derivation step shows: its certificate, or why it is open."""
    if atom.certificate is not None:
        return certificate_reason(atom.certificate)
    return because(atom.reason) if atom.reason else None


def _structural_subject(hyp: A.Prop) -> A.Expr | None:
    """The family F when `hyp` is one of F's structural facts (syntax.props.circuit_facts),
    which the instantiation of a `forall C : family` fact adds for the family given."""
    if isinstance(hyp, A.Relation) and isinstance(hyp.left, A.Call) and hyp.left.args:
        family = hyp.left.args[0]
        if hyp in circuit_facts(family):
            return family
    return None


def refusal_text(refusal: Refusal) -> Reason:
    """Why an instantiation was refused (kernel/instantiate.py), as a reason."""
    if refusal.variable is None:
        return because(refusal.why)
    if refusal.term is None:
        return because(f"{refusal.why}: '{refusal.variable}'")
    return because(f"its variable '{refusal.variable}' : {refusal.kind} cannot be ",
                   refusal.term, f": {refusal.why}")


class Tactics:
    """Checks statements in one file's scope."""

    def __init__(self, scope: Scope, budget_seconds: float = 2.0) -> None:
        self.scope = scope
        self.decider = Decider(scope, budget_seconds)
        self.budget_seconds = budget_seconds

    def _notes(self, unfolded: Unfolded) -> list[object]:
        """The unfolding's notes, each declared family unfolded replaced by the
        recurrences elaboration solved for it (the symbol table keeps those)."""
        out: list[object] = []
        for item in unfolded.notes:
            if isinstance(item, FamilyDecl):
                sym = self.scope.get(item.name)
                out.extend(sym.derivations if isinstance(sym, FamilySym) else ())
            else:
                out.append(item)
        return out

    # ---- auto and the tier tactics ----
    def check(self, statement: A.Prop, tactic: str = "auto",
              facts: tuple[Theorem, ...] = ()) -> Verdict:
        """Decide `facts → statement` by unfolding and the tiers the tactic allows; a
        proof or refutation found is replayed through the kernel, the facts discharged.

        Within a theorem this spends the theorem's work budget (BudgetExhausted goes up
        to the prover); outside one (`compare`, `bound`, `table`) each check gets the
        default budget, and running out of it is an `unknown` naming the budget."""
        token = _limit_budget.set(self.budget_seconds)
        try:
            if budget.current().limit is not None:
                return self._check(statement, tactic, facts)
            with budget.budget_scope(budget.Budget(budget.DEFAULT_UNITS)):
                return self._check(statement, tactic, facts)
        except budget.BudgetExhausted as exc:
            if budget.current().limit is not None:
                raise
            return unknown(statement, because(exc.reason))
        finally:
            _limit_budget.reset(token)

    def _check(self, statement: A.Prop, tactic: str, facts: tuple[Theorem, ...]) -> Verdict:
        goal = statement
        for fact in reversed(facts):
            goal = A.Implies(fact.prop, goal)
        try:
            unfolded = unfold_definitions(goal, self.scope.definitions, fullest_member)
        except UnfoldError as exc:
            return unknown(statement, because(exc.problem))
        steps: list[Step] = []
        if unfolded.formula != goal:
            once: list[Reason] = []  # each distinct note once, in order of appearance
            seen: set[str] = set()
            for r in map(_note, self._notes(unfolded)):
                text = str(r)
                if text not in seen:
                    seen.add(text)
                    once.append(r)
            steps.append(Step(unfolded.formula, "unfold", note=tuple(once)))
        outcome, strong = self._decide(unfolded)
        condition = None  # where a parametric statement holds and where it fails
        if outcome.status == "unknown" and TIER3 in TACTIC_TIERS.get(tactic, set()):
            found = self._parametric(statement)
            if isinstance(found, Verdict):
                return found
            if not outcome.condition:  # Tier 2's own condition on the unknowns is kept
                condition = found
        for atom in outcome.atoms:
            steps.append(Step(atom.atom if atom.value is not False else A.Not(atom.atom),
                              atom.tier, atom.tier, _evidence(atom)))
        if TIER2 in outcome.tiers and outcome.status in ("proved", "refuted"):
            steps.append(Step(None, "smt", TIER2, because(
                "z3: valid under the hypotheses" if outcome.status == "proved"
                else "z3: counter-model")))
        allowed = TACTIC_TIERS.get(tactic, TACTIC_TIERS["auto"])
        used = set(outcome.tiers)
        if outcome.status in ("proved", "refuted") and not used <= allowed:
            extra = ", ".join(sorted(used - allowed))
            return unknown(statement, because(f"`by {tactic}` does not cover this: it needs "
                                              f"{extra}"), tuple(steps))
        if outcome.status not in ("proved", "refuted"):
            return Verdict(outcome.status, statement, tiers=tuple(outcome.tiers),
                           reason=outcome.reason if condition is None else condition,
                           counterexample=outcome.counterexample, steps=tuple(steps))
        thm = self._replay(goal, unfolded, outcome, strong)
        if thm is not None and facts:
            thm = evidence.call("discharge", thm, list(facts))
        if thm is None:
            return unknown(statement, because(
                "the kernel did not accept the engine's "
                f"{outcome.status} derivation (a bug in the engine: please report it)"),
                tuple(steps))
        reason = outcome.reason
        if outcome.status == "refuted" and reason is None and outcome.counterexample is None:
            reason = self._why_refuted(statement, bool(facts))
        return Verdict(outcome.status, statement, thm, tuple(outcome.tiers), reason,
                       outcome.counterexample, tuple(steps))

    def _why_refuted(self, statement: A.Prop, used_facts: bool) -> Reason:
        """What a refutation without counter-example values rests on. For a strict
        inclusion K ⊊ K': that K ⊆ K' fails, or that K' ⊆ K holds too (the classes are
        equal, or K' is empty), each decided by this prover (an explanation only: the
        refutation is already the kernel's). For F ∉ K: F ∈ K holds; for ¬P: P holds;
        for P → Q: P holds and Q fails; with `using` facts, the reason of the statement
        refuted alone.
        Otherwise: the statement is false for every object, by the definitions."""
        if isinstance(statement, A.Inclusion) and statement.strict:
            left, right = statement.left, statement.right
            try:
                forward = self._check(A.Inclusion(left, right), "auto", ())
                if forward.status == "refuted":
                    return because("the classes are not nested: ",
                                   Formula(A.Not(A.Inclusion(left, right))))
                backward = self._check(A.Inclusion(right, left), "auto", ())
                if backward.status == "proved":
                    return because(Formula(A.Inclusion(right, left)), " holds too, so no "
                                   "family lies in the right class and outside the left "
                                   "one: the inclusion is not strict")
            except budget.BudgetExhausted:
                pass
        if used_facts:  # refuted with `using` facts: the statement alone says why
            try:
                alone = self._check(statement, "auto", ())
            except budget.BudgetExhausted:
                alone = None
            if alone is not None and alone.status == "refuted" and alone.reason is not None:
                return alone.reason
        if isinstance(statement, A.Implies):
            return because(Formula(statement.left), " holds and ", Formula(statement.right),
                           " fails")
        if isinstance(statement, A.Membership) and statement.negated:
            return because(Formula(A.Membership(statement.member, statement.cls)),
                           " holds: the class's law is met")
        if isinstance(statement, A.Not):
            return because(Formula(statement.operand), " holds")
        return because("false for every object, by the definitions (its negation is "
                       "valid: no values to show)")

    def _parametric(self, statement: A.Prop) -> Verdict | Reason | None:
        """`forall a : real where C. f rel g` proved by Tier 3 with parameters: the limit
        oracle's theorem is the statement itself (range included). When the answer is
        not uniform over C: the condition it depends on ("holds when a < 1, fails when
        a > 1"), for an unknown's reason. None otherwise: a false statement is left to
        the refutation by an instance, which names a value."""
        closed = statement if isinstance(statement, A.Forall) else (
            parameter_closure(statement, self.scope))
        shape = parametric_atom(closed) if closed is not None else None
        if shape is None:
            return None
        found = decide_parametric(shape[0], _limit_budget.get())
        if found.value is None or (found.value is False and closed is statement):
            return found.condition  # a false `forall` is left to refutation by an instance
        query = rules.Query(statement, scope=self.scope, refute=found.value is False)
        thm = evidence.call("oracle", "limit", query)
        if thm is None:
            return None
        # `using` facts are not needed: the oracle's theorem is the statement outright
        status = "proved" if found.value else "refuted"
        step = Step(statement if found.value else A.Not(statement), TIER3, TIER3,
                    because("exp-log engine, uniformly over the parameter range"))
        reason = None if found.value else because(
            "fails for every admissible value of the parameters (exp-log engine)")
        return Verdict(status, statement, thm, (TIER3,), reason, None, (step,))

    def _decide(self, unfolded: Unfolded) -> tuple[Outcome, bool]:
        """The engine's decision of the unfolded formula; True when it proved the
        strengthened formula (witnesses in place of existentials) instead."""
        outcome = self.decider.decide(unfolded.formula, unfolded.hypotheses, unfolded.sides)
        strong = unfolded.strengthened()
        if outcome.status != "proved" and strong is not None:
            attempt = self.decider.decide(strong, unfolded.hypotheses, unfolded.sides)
            if attempt.status == "proved":
                return attempt, True
        return outcome, False

    def _replay(self, goal: A.Prop, unfolded: Unfolded, outcome: Outcome,
                strong: bool) -> Theorem | None:
        """The engine's evidence through the kernel: each decided ground atom by Tier 1
        (re-decided) or the limit oracle, the rest by the z3 oracle, then the unfolding."""
        atoms: list[Theorem] = []
        values: dict[A.Relation, bool] = {}
        for av in outcome.atoms:
            if av.value is None:
                continue
            thm = self._atom(av)
            if thm is None:
                return None
            atoms.append(thm)
            values[av.atom] = av.value
        target = unfolded.strengthened() if strong else unfolded.formula
        assert target is not None
        reduced = substitute_atoms(target, values)
        body = None
        if not (is_closed(reduced) and not unfolded.sides):
            body = evidence.call("oracle", "z3", rules.Query(
                reduced, tuple(unfolded.hypotheses), tuple(unfolded.sides), self.scope,
                refute=outcome.status == "refuted"))
            if body is None:
                return None
        return evidence.call("unfold", goal, self.scope.definitions, body, atoms,
                             strengthened=strong, witnesses=tuple(unfolded.witnesses))

    def _atom(self, av: AtomVerdict) -> Theorem | None:
        if av.tier == TIER1:
            thm = evidence.call("ground", av.atom)
        else:
            thm = evidence.call("oracle", "limit", rules.Query(av.atom, refute=av.value is False))
        want = av.atom if av.value else A.Not(av.atom)
        return thm if thm is not None and thm.prop == want else None

    # ---- refutation by an instance ----
    def refute_by_instance(self, statement: A.Prop) -> Verdict | None:
        """Refute `forall x : K where H. P` (K real or fun) by one admissible value v: if
        `H[x := v] and not P[x := v]` is proved, the statement is refuted with v as its
        counter-example (kernel rule `witness`); a conjunction, by refuting one side.
        None when no candidate works."""
        if isinstance(statement, A.And):
            for part in (statement.left, statement.right):
                found = self.refute_by_instance(part)
                thm = evidence.call("refute_conjunction", statement, found.theorem) if (
                    found is not None and found.theorem is not None) else None
                if found is not None and thm is not None:
                    return Verdict("refuted", statement, thm, found.tiers, found.reason,
                                   found.counterexample, found.steps)
            return None
        if not (isinstance(statement, A.Forall) and statement.kind in ("real", "fun")
                and len(statement.names) == 1):
            return None
        check = admits(self.scope.definitions)
        for value in self._failing_point(statement) + _candidates(statement):
            if check(statement.kind, value) is not None:
                continue
            v = self.check(rules.instance_claim(statement, value))
            if v.status != "proved" or v.theorem is None:
                continue
            thm = evidence.call("witness", statement, value, v.theorem, self.scope.definitions)
            if thm is None:
                continue
            name = A.Name(A.source_name(statement.names[0]))
            pairs: tuple[tuple[A.Expr, A.Expr | str], ...] = ((name, value),)
            return Verdict("refuted", statement, thm, v.tiers,
                           because("fails at ", Assignments(pairs)), pairs, v.steps)
        return None

    def _failing_point(self, statement: A.Forall) -> list[A.Expr]:
        """The value where the exp-log engine's split of the range found the atom of
        `forall a : real where C. f rel g` false, first among the candidates (review 7:
        the fixed candidates missed a failing interval such as 1 < a < 3/2)."""
        shape = parametric_atom(statement)
        if shape is None:
            return []
        found = decide_parametric(shape[0], self.budget_seconds)
        return [A.Num(found.failing_at)] if found.failing_at is not None else []

    # ---- named facts ----
    def by_fact(self, statement: A.Prop, fact: Theorem, name: str, kind: str,
                facts: tuple[Theorem, ...] = ()) -> Verdict:
        """Instantiate a named fact whose conclusion matches, then check its hypotheses.

        Each quantified variable of the fact takes only a term of its kind and range
        (kernel/instantiate.py); the obligations are the fact's hypotheses, substituted
        without capture, each checked by `auto` with the `using` facts."""
        inst = instantiate(fact.prop, statement, admits(self.scope.definitions))
        if isinstance(inst, Refusal):
            respelled = self._by_respelled_fact(statement, fact, name, kind, facts)
            if respelled is not None:
                return respelled
            return unknown(statement, because(f"{kind} '", Ref(kind, name), "' does not apply: ",
                                              refusal_text(inst)))
        steps = [Step(statement, "instance",
                      note=(because(f"instance of {kind} ", Ref(kind, name)),))]
        tiers: set[str] = set()
        shown: list[Theorem] = []
        for hyp in inst:
            v = self.check(hyp, "auto", facts)
            steps.extend(v.steps)
            tiers.update(v.tiers)
            if v.status != "proved" or v.theorem is None:
                why = v.reason or (because("fails at ", Assignments(v.counterexample))
                                   if v.counterexample else None)
                said = "is refuted" if v.status == "refuted" else "not shown"
                family = _structural_subject(hyp)
                if family is not None:
                    return unknown(statement, because(
                        Ref(kind, name), " holds for circuit families only, and ", family,
                        " is not shown to be one: its structural fact ", hyp, f" {said}",
                        because(": ", why) if why else because()), tuple(steps))
                return unknown(statement, because(
                    "hypothesis ", hyp, " of ", Ref(kind, name), f" {said}",
                    because(": ", why) if why else because()), tuple(steps))
            shown.append(v.theorem)
        thm = evidence.call("instance", fact, statement, shown, self.scope.definitions)
        if thm is None:
            return unknown(statement, because("the kernel did not accept the instance of ",
                                              Ref(kind, name)), tuple(steps))
        return Verdict("proved", statement, thm, tuple(sorted(tiers)), steps=tuple(steps))

    def _by_respelled_fact(self, statement: A.Prop, fact: Theorem, name: str, kind: str,
                           facts: tuple[Theorem, ...]) -> Verdict | None:
        """`by NAME` when the goal is the fact's instance written differently (`n^(1/2)`
        for `sqrt(n)`, `n*2` for `2*n`): the instance in the fact's spelling through the
        kernel's `instance` rule, then the goal from it by `auto` (prover/respell.py).
        None when no such instance exists or either step fails."""
        instance = spelled_instance(fact.prop, statement)
        if instance is None:
            return None
        shown = self.by_fact(instance, fact, name, kind, facts)
        if shown.status != "proved" or shown.theorem is None:
            return None
        final = self.check(statement, "auto", (*facts, shown.theorem))
        if final.status != "proved" or final.theorem is None:
            return None
        return Verdict("proved", statement, final.theorem,
                       tuple(sorted(set(shown.tiers) | set(final.tiers))),
                       steps=(*shown.steps, *final.steps))

    def consistent(self, props: list[A.Prop]) -> Verdict | None:
        """None when the conjunction of assumed facts is not shown contradictory; else the
        verdict that shows it (THEORY.md §7: a proof from an inconsistent set of axioms is
        not reported as proved)."""
        if len(props) < 2:
            return None
        conj = props[0]
        for p in props[1:]:
            conj = A.And(conj, p)
        # `not (a1 and … and ak)` proved: no admissible object satisfies them all.
        v = self.check(A.Not(conj))
        return v if v.status == "proved" else None

    def conclude(self, statement: A.Prop, shown: A.Prop, steps: list[Verdict]) -> Verdict:
        """An explicit proof: every step proved and the last one shows the statement."""
        derivation = tuple(s for v in steps for s in v.steps)
        for v in steps:
            if v.status != "proved":
                return Verdict(v.status if v.status != "refuted" else "unknown", statement,
                               reason=v.reason, steps=derivation)
        last = steps[-1].theorem if steps else None
        if shown != statement or last is None or last.prop != statement:
            return unknown(statement, because("the `show` step does not state the theorem"),
                           derivation)
        tiers = tuple(sorted({t for v in steps for t in v.tiers}))
        return Verdict("proved", statement, last, tiers, steps=derivation)
