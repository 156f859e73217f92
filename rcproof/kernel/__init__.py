"""The trusted kernel: the only code that makes a `proved` (or `refuted`) verdict.

A verdict is created here and nowhere else (the constructor checks a private token).
The kernel admits a statement only through its own rules, each of which re-does the
check it names: `unfold` re-derives the formula from the definitions, `growth` and
`limit` re-decide ground atoms (Tier 1 / Tier 3), `smt` re-asks z3 for validity,
`instance` re-matches a named fact and re-checks its hypotheses. The prover may search
however it likes; it only ever proposes statements and tactics to these rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from rcproof.elaborate.symbols import Scope
from rcproof.prover.decide import Decider, Outcome
from rcproof.prover.ground import TIER1, TIER2, TIER3, certificates_enabled
from rcproof.prover.unfold import Unfolded, UnfoldError, unfold
from rcproof.syntax import ast as A

STATUSES = ("proved", "refuted", "unknown", "axiom", "cited", "vacuous", "error")
class _Token:
    """The kernel's seal on proved/refuted verdicts. It unpickles to the same singleton,
    so verdicts from the cache or a worker process keep their seal."""

    def __reduce__(self) -> str:
        return "_TOKEN"


_TOKEN = _Token()

# Which tiers a tactic may use.
TACTIC_TIERS = {
    "auto": {TIER1, TIER2, TIER3},
    "unfold": {TIER1, TIER2, TIER3},
    "growth": {TIER1},
    "smt": {TIER1, TIER2},
    "limit": {TIER1, TIER3},
}


@dataclass(frozen=True)
class Step:
    """One line of a derivation: the claim, the rule that admitted it, and its evidence."""

    claim: A.Prop | None
    rule: str
    tier: str | None = None
    detail: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Verdict:
    status: str
    statement: A.Prop
    tiers: tuple[str, ...] = ()
    reason: str | None = None
    counterexample: str | None = None
    steps: tuple[Step, ...] = ()
    axioms: tuple[str, ...] = ()   # axioms and citations the verdict depends on
    oracles: tuple[str, ...] = ()  # external deciders it trusted (z3, the limit engine)
    token: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.status in ("proved", "refuted") and self.token is not _TOKEN:
            raise PermissionError("only the kernel may make proved/refuted verdicts")
        if self.status not in STATUSES:
            raise ValueError(self.status)


# The oracle each tier trusts; Tier 1 is re-decided by exact arithmetic and needs none.
ORACLES = {TIER2: "z3", TIER3: "limit"}


def oracles_of(tiers: tuple[str, ...] | list[str] | set[str]) -> tuple[str, ...]:
    return tuple(sorted({ORACLES[t] for t in tiers if t in ORACLES}))


def _make(status: str, statement: A.Prop, **kw: object) -> Verdict:
    kw.setdefault("oracles", oracles_of(kw.get("tiers", ())))  # type: ignore[arg-type]
    return Verdict(status, statement, token=_TOKEN, **kw)  # type: ignore[arg-type]


def assumed(statement: A.Prop, kind: str, reference: str | None = None) -> Verdict:
    """Axioms and citations: reported as such, never as proved."""
    status = "cited" if kind == "cite" else "axiom"
    return Verdict(status, statement, reason=reference)


def unknown(statement: A.Prop, reason: str, steps: tuple[Step, ...] = ()) -> Verdict:
    return Verdict("unknown", statement, reason=reason, steps=steps)


def _candidates(hyps: tuple[A.Prop, ...]) -> list[Fraction]:
    """Values worth trying for a real variable: the numbers its hypotheses mention (the
    boundary of `d >= 2` is 2), half a unit either side, then 0, 1, 2, 3."""
    from rcproof.syntax.walk import nodes

    found = [x.value for h in hyps for x in nodes(h) if isinstance(x, A.Num)]
    near = [v + d for v in found for d in (Fraction(0), Fraction(1, 2), Fraction(-1, 2))]
    out = list(dict.fromkeys([*near, *map(Fraction, (0, 1, 2, 3))]))
    return out[:8]


class Kernel:
    """Checks statements in one file's scope."""

    def __init__(self, scope: Scope, budget_seconds: float = 2.0) -> None:
        self.scope = scope
        self.decider = Decider(scope, budget_seconds)

    def check(self, statement: A.Prop, tactic: str = "auto",
              facts: tuple[A.Prop, ...] = (), axioms: tuple[str, ...] = ()) -> Verdict:
        """Decide `facts → statement` by unfolding and the tiers the tactic allows."""
        goal = statement
        for fact in reversed(facts):
            goal = A.Implies(fact, goal)
        try:
            unfolded = unfold(goal, self.scope)
        except UnfoldError as exc:
            return unknown(statement, exc.reason)
        steps: list[Step] = []
        if unfolded.formula != goal:
            steps.append(Step(unfolded.formula, "unfold", note="; ".join(
                dict.fromkeys(unfolded.notes)) or None))
        outcome = self._decide(unfolded)
        for atom in outcome.atoms:
            steps.append(Step(atom.atom if atom.value is not False else A.Not(atom.atom),
                              atom.tier, atom.tier, atom.certificate or atom.reason))
        if TIER2 in outcome.tiers and outcome.status in ("proved", "refuted"):
            steps.append(Step(None, "smt", TIER2, "z3: valid under the hypotheses"
                              if outcome.status == "proved" else "z3: counter-model"))
        allowed = TACTIC_TIERS.get(tactic, TACTIC_TIERS["auto"])
        used = set(outcome.tiers)
        if outcome.status in ("proved", "refuted") and not used <= allowed:
            extra = ", ".join(sorted(used - allowed))
            return unknown(statement, f"`by {tactic}` does not cover this: it needs {extra}",
                           tuple(steps))
        return self._verdict(statement, outcome, tuple(steps), axioms)

    def _decide(self, unfolded: Unfolded) -> Outcome:
        """Decide the unfolded formula, through the verdict cache."""
        from rcproof import cache
        from rcproof.elaborate.symbols import FunSym, ParamSym
        from rcproof.smt.budget import rlimit

        params = sorted((s.name, s.constraints) for s in self.scope.symbols.values()
                        if isinstance(s, ParamSym))
        params.extend((s.name, "fun") for s in self.scope.symbols.values()
                      if isinstance(s, FunSym))
        k = cache.key(unfolded.formula, unfolded.hypotheses, unfolded.sides, params,
                      rlimit(), self.decider.budget_seconds, certificates_enabled())
        cached = cache.get(k)
        if isinstance(cached, Outcome):
            return cached
        outcome = self.decider.decide(unfolded.formula, unfolded.hypotheses, unfolded.sides)
        strong = unfolded.strengthened()
        if outcome.status != "proved" and strong is not None:
            # The strengthened formula implies the exact one: proving it suffices.
            attempt = self.decider.decide(strong, unfolded.hypotheses, unfolded.sides)
            if attempt.status == "proved":
                outcome = attempt
        cache.put(k, outcome)
        return outcome

    def _verdict(self, statement: A.Prop, outcome: Outcome, steps: tuple[Step, ...],
                 axioms: tuple[str, ...] = ()) -> Verdict:
        kw = {"tiers": tuple(outcome.tiers), "reason": outcome.reason,
              "counterexample": outcome.counterexample, "steps": steps,
              "axioms": axioms, "oracles": oracles_of(outcome.tiers)}
        if outcome.status in ("proved", "refuted"):
            return _make(outcome.status, statement, **kw)
        return Verdict(outcome.status, statement, **kw)  # type: ignore[arg-type]

    def refute_by_instance(self, statement: A.Prop, axioms: tuple[str, ...] = ()
                           ) -> Verdict | None:
        """Refute `forall x : real where H. P` by one admissible value: if
        `H[x := v] and not P[x := v]` is proved for a candidate v, the statement is
        refuted and v is its counter-example. Candidates are the numbers its hypotheses
        mention, those ± 1/2, and 0, 1, 2, 3 (at most 8 tries). None when none works."""
        from rcproof.prover.match import substitute

        if not (isinstance(statement, A.Forall) and statement.kind == "real"
                and len(statement.names) == 1):
            return None
        name = statement.names[0]
        for value in _candidates(statement.where):
            number = A.Num(value)
            hyps = [substitute(h, {name: number}) for h in statement.where]
            body = substitute(statement.body, {name: number})
            claim: A.Prop = A.Not(body)  # type: ignore[arg-type]
            for h in reversed(hyps):
                claim = A.And(h, claim)  # type: ignore[arg-type]
            v = self.check(claim, "auto", (), axioms)
            if v.status == "proved":
                shown = f"{A.source_name(name)} = {value}"
                return _make("refuted", statement, tiers=v.tiers, steps=v.steps,
                             reason=f"fails at {shown}", counterexample=shown, axioms=axioms)
        return None

    def consistent(self, props: list[A.Prop]) -> Verdict | None:
        """None when the conjunction of assumed facts is not shown contradictory; else the
        refuted/vacuous verdict that shows it (THEORY.md §7: a proof from an inconsistent
        set of axioms is not reported as proved)."""
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
        if shown != statement:
            return unknown(statement, "the `show` step does not state the theorem",
                           derivation)
        tiers = tuple(sorted({t for v in steps for t in v.tiers}))
        axioms = tuple(sorted({a for v in steps for a in v.axioms}))
        return _make("proved", statement, tiers=tiers, steps=derivation, axioms=axioms)

    def by_fact(self, statement: A.Prop, fact: A.Prop, name: str, kind: str,
                facts: tuple[A.Prop, ...] = (), axioms: tuple[str, ...] = ()) -> Verdict:
        """Instantiate a named fact whose conclusion matches, then check its hypotheses.

        Each quantified variable of the fact takes only a term of its kind and range
        (prover/match.py); the obligations are the fact's hypotheses, substituted without
        capture, each checked by `auto` with the `using` facts."""
        from rcproof.prover.match import Refusal, instantiate

        inst = instantiate(fact, statement, self._admits)
        if isinstance(inst, Refusal):
            return unknown(statement, f"{kind} '{name}' does not apply: {inst.reason}")
        steps = [Step(statement, "instance", note=f"instance of {kind} {name}")]
        tiers: set[str] = set()
        for hyp in inst:
            v = self.check(hyp, "auto", facts)
            steps.extend(v.steps)
            tiers.update(v.tiers)
            if v.status != "proved":
                return unknown(statement, f"hypothesis of {name} not shown: {v.reason}",
                               tuple(steps))
        return _make("proved", statement, tiers=tuple(sorted(tiers)), steps=tuple(steps),
                     axioms=axioms)

    def _admits(self, kind: str, term: A.Expr) -> str | None:
        """None when `term` is in the range of a variable of `kind` (see prover/match)."""
        from rcproof import growth
        from rcproof.elaborate.symbols import FamilySym, FunSym, ParamSym
        from rcproof.prover.match import real_term, universe_term
        from rcproof.prover.unfold import Unfolder

        def kind_of(name: str) -> str | None:
            sym = self.scope.get(name)
            return "param" if isinstance(sym, ParamSym) else (
                "fun" if isinstance(sym, FunSym) else None)

        def ground_monomial(e: A.Expr) -> bool:
            try:
                growth.leading(e)
            except growth.GrowthError:
                return False
            return True

        unfolder = Unfolder(self.scope)
        if kind == "real":
            return real_term(unfolder.expr(term, {}, {}), lambda x: kind_of(x) == "param")
        if kind == "fun":
            return universe_term(unfolder.expr(term, {}, {}), kind_of, ground_monomial)
        name = term.id if isinstance(term, A.Name) else (
            term.func if isinstance(term, A.Call) else None)
        if name is None or not isinstance(self.scope.get(name), FamilySym):
            return "a family variable takes a declared family"
        view = unfolder.family(term, {}, {})
        if view.bounded:
            return ("its resources " + ", ".join(r for r, _ in view.bounded)
                    + " are only bounded, so they need not lie in the function universe")
        for resource, value in view.exact:
            why = universe_term(value, kind_of, ground_monomial)
            if why is not None:
                return f"its {resource} is outside the function universe ({why})"
        return None
