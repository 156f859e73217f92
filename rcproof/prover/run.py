"""Turn each theorem of a file into a verdict: `auto`, or an explicit proof checked step
by step. Only kernel verdicts are returned; this module decides what to ask."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from rcproof.budget import DEFAULT_UNITS, Budget, BudgetExhausted, budget_scope
from rcproof.elaborate.loader import SourceFile
from rcproof.elaborate.symbols import FactSym
from rcproof.kernel import Theorem, Verdict, assumed, unknown
from rcproof.prover import evidence
from rcproof.prover.evidence import Record
from rcproof.prover.tactics import TACTIC_TIERS, Tactics
from rcproof.syntax import ast as A
from rcproof.syntax.reason import Reason, Ref, because, joined
from rcproof.syntax.walk import names

TRUSTED = ("proved", "axiom", "cited")


@dataclass(frozen=True)
class Result:
    """One theorem's verdict with where it came from and how long it took."""

    path: str
    fact: FactSym
    verdict: Verdict
    ms: float

    @property
    def name(self) -> str:
        return self.fact.name

    @property
    def line(self) -> int:
        span = self.fact.decl.span
        return span.line if span else 0


def work_units(option: float) -> int:
    """Work units per theorem for `--budget OPTION` (OPTION in millions of units: the
    default 2.0 is `rcproof.budget.DEFAULT_UNITS`, and the count scales linearly)."""
    return max(1, round(DEFAULT_UNITS * option / 2.0))


class Session:
    """Verdicts shared across the files of one run, so that a theorem used from another
    file is verified (once) before it is trusted."""

    def __init__(self, units: list[SourceFile], budget_seconds: float = 2.0,
                 evidence: dict[tuple[str, str], Record] | None = None,
                 record: bool = False) -> None:
        """`evidence`: recorded verdicts (prover/evidence.py) to replay through the
        kernel instead of searching, by (path, fact name); a record that does not
        replay is verified afresh. `record`: keep each verdict's evidence in
        `self.records` (for the whole-file cache, rcproof/verify.py)."""
        self.units = {u.path: u for u in units}
        self.evidence = evidence or {}
        self.record = record
        self.records: dict[tuple[str, str], Record] = {}
        self.replayed = 0  # facts whose verdict came from replayed evidence
        self.budget_seconds = budget_seconds
        self.work_units = work_units(budget_seconds)
        self.results: dict[tuple[str, str], Result] = {}
        self._running: set[tuple[str, str]] = set()
        self._provers: dict[str, Prover] = {}
        self._inner: list[float] = []  # per open theorem: seconds spent on nested ones
        self._consistency: dict[tuple[str, ...], Verdict | None] = {}

    def consistency(self, axioms: tuple[str, ...],
                    check: Callable[[], Verdict | None]) -> Verdict | None:
        """Joint consistency of a set of axioms, checked once per set and run."""
        if axioms not in self._consistency:
            self._consistency[axioms] = check()
        return self._consistency[axioms]

    def prover(self, path: str) -> Prover:
        if path not in self._provers:
            self._provers[path] = Prover(self.units[path], self)
        return self._provers[path]

    def result(self, fact: FactSym) -> Result | None:
        """The verdict of a fact, verifying it now if needed (None while in progress)."""
        key = (fact.path, fact.name)
        if key in self.results:
            return self.results[key]
        if key in self._running or fact.path not in self.units:
            return None
        self._running.add(key)
        self._inner.append(0.0)
        start = time.perf_counter()
        replayed = self._replayed(fact)
        trace = evidence.open_trace() if self.record and replayed is None else None
        try:
            if replayed is not None:
                verdict = replayed
            else:
                with budget_scope(Budget(self.work_units)):  # each theorem its own budget
                    verdict = self.prover(fact.path).verify(fact)
        except BudgetExhausted as exc:
            verdict = unknown(fact.prop, because(exc.reason))
        except RecursionError:
            verdict = unknown(fact.prop,
                              because("the statement is nested too deeply for the checker"))
        except Exception as exc:  # one broken theorem must not stop the rest
            verdict = Verdict("error", fact.prop,
                              reason=because(f"internal error: {type(exc).__name__}: {exc}"))
        finally:
            if trace is not None:
                evidence.close_trace(trace)
        evidence.verdict_made(fact.path, fact.name, verdict)
        if replayed is not None and self.record:
            self.records[key] = self.evidence[key]  # replayed: its record stays as it was
        elif trace is not None:
            made = evidence.record(trace, verdict)
            if made is not None:
                self.records[key] = made
        elapsed = time.perf_counter() - start
        # Facts verified on demand inside this theorem are timed (and budgeted) as
        # themselves, not as part of it.
        nested = self._inner.pop()
        if self._inner:
            self._inner[-1] += elapsed
        ms = (elapsed - nested) * 1000
        self._running.discard(key)
        self.results[key] = Result(fact.path, fact, verdict, ms)
        return self.results[key]

    def _replayed(self, fact: FactSym) -> Verdict | None:
        """The fact's recorded verdict replayed through the kernel, or None (no record,
        or one that does not replay exactly: the caller then verifies the fact)."""
        found = self.evidence.get((fact.path, fact.name))
        if found is None:
            return None
        from rcproof.prover.tactics import limit_seconds

        def theorem_of(path: str, name: str) -> Theorem | None:
            sym = self.units[path].scope.get(name) if path in self.units else None
            result = self.result(sym) if isinstance(sym, FactSym) else None
            return result.verdict.theorem if result is not None else None

        try:  # under the theorem's budget: a replay spends less than the search did
            with budget_scope(Budget(self.work_units)), limit_seconds(self.budget_seconds):
                verdict = evidence.replay(found, fact.prop, theorem_of)
        except Exception:  # any failure to replay costs the search, nothing else
            return None
        if verdict is not None:
            self.replayed += 1
        return verdict

    def run(self, unit: SourceFile) -> list[Result]:
        out = []
        for fact in unit.facts:
            result = self.result(fact)
            assert result is not None
            out.append(result)
        return out


class Prover:
    """Checks the facts of one file; theorems may use facts already proved."""

    def __init__(self, unit: SourceFile, session: Session) -> None:
        self.unit = unit
        self.session = session
        self.tactics = Tactics(unit.scope, session.budget_seconds)

    def verify(self, fact: FactSym) -> Verdict:
        if fact.kind in ("axiom", "cite"):
            # An assumption that the semantics refutes would make everything provable:
            # report it instead of trusting it.
            check = self.tactics.check(fact.prop)
            if check.status in ("refuted", "vacuous"):
                return unknown(fact.prop, because(
                    f"this {fact.kind} is false in rcproof's semantics (",
                    check.reason or check.status, "); nothing may rely on it"), check.steps)
            reference = because(fact.reference) if fact.reference is not None else None
            return assumed(fact.prop, fact.kind, reference)
        decl = fact.decl
        assert isinstance(decl, A.Theorem)
        if decl.proof is not None:
            return self._explicit(decl)
        # `auto` uses no named fact unless asked (`using`, `by NAME`): instantiating
        # every proved fact on every undecided theorem was costly and the route of most
        # wrong verdicts (issue 10).
        verdict = self.tactics.check(fact.prop)
        if verdict.status == "unknown":
            refuted = self.tactics.refute_by_instance(fact.prop)
            if refuted is not None:
                return refuted
            hint = self._deciding_axiom(fact)
            if hint is not None:
                return unknown(fact.prop, because(verdict.reason or "undecided", "; ", hint),
                               verdict.steps)
        return verdict

    def _deciding_axiom(self, fact: FactSym) -> Reason | None:
        """`auto` never assumes an axiom silently; when one in scope about the same names
        would decide the statement, say which, so the user can write `using NAME`."""
        mentioned = names(fact.prop)
        tried = 0
        for sym in self.unit.scope.symbols.values():
            if not (isinstance(sym, FactSym) and sym.kind in ("axiom", "cite")
                    and sym is not fact and names(sym.prop) & mentioned):
                continue
            if tried == 4:
                break
            if self._usable(sym.name) is None:
                continue
            tried += 1
            thm = evidence.call("axiom", self.unit.scope.definitions, sym.name)
            v = self.tactics.check(fact.prop, "auto", (thm,) if thm is not None else ())
            if v.status in ("proved", "refuted"):
                ref = Ref(sym.kind, sym.name)
                return because(f"{v.status} when {sym.kind} '", ref, "' is assumed: write "
                               "`proof show … by auto using ", ref, " qed`")
        return None

    def _usable(self, name: str) -> FactSym | None:
        sym = self.unit.scope.get(name)
        if not isinstance(sym, FactSym):
            return None
        result = self.session.result(sym)
        return sym if result is not None and result.verdict.status in TRUSTED else None

    def _not_usable(self, name: str) -> Reason:
        """Why a name after `by` or `using` gives no theorem, in words."""
        sym = self.unit.scope.get(name)
        if not isinstance(sym, FactSym):
            return because(f"'{name}' is neither a tactic ({', '.join(TACTIC_TIERS)}) nor a "
                           "declared fact")
        result = self.session.result(sym)
        if result is None:
            return because(f"{sym.kind} '", Ref(sym.kind, name),
                           "' is being checked (a proof may not use itself)")
        v = result.verdict
        why = because(": ", v.reason) if v.reason else because()
        return because(f"{sym.kind} '", Ref(sym.kind, name),
                       f"' is {v.status}, so nothing may rely on it", why)

    def _theorem(self, name: str) -> tuple[FactSym, Theorem] | None:
        """A usable fact as a kernel theorem: an axiom or citation by the kernel's axiom
        rule (tagged with its name), a proved theorem by its own verdict's theorem."""
        sym = self._usable(name)
        if sym is None:
            return None
        if sym.kind in ("axiom", "cite"):
            thm = evidence.call("axiom", self.unit.scope.definitions, name)
        else:
            result = self.session.result(sym)
            thm = result.verdict.theorem if result is not None else None
        return (sym, thm) if thm is not None else None

    def _explicit(self, decl: A.Theorem) -> Verdict:
        assert decl.proof is not None
        labels: dict[str, Theorem] = {}
        checked: list[Verdict] = []
        for step in decl.proof.steps:
            facts: list[Theorem] = []
            for used in step.using:
                if used in labels:
                    facts.append(labels[used])
                    continue
                found = self._theorem(used)
                if found is None:
                    return unknown(decl.prop, because(f"step at line {_line(step)}: ",
                                                      self._not_usable(used)))
                facts.append(found[1])
            if step.tactic in TACTIC_TIERS:
                verdict = self.tactics.check(step.prop, step.tactic, tuple(facts))
            else:
                found = self._theorem(step.tactic)
                if found is None:
                    return unknown(decl.prop, because(f"step at line {_line(step)}: ",
                                                      self._not_usable(step.tactic)))
                sym, thm = found
                verdict = self.tactics.by_fact(step.prop, thm, sym.name, sym.kind, tuple(facts))
            if verdict.status != "proved" or verdict.theorem is None:
                reason = because(f"step at line {_line(step)} ({step.kind} … by {step.tactic}): "
                                 f"{verdict.status}")
                if verdict.reason:
                    reason += because(", ", verdict.reason)
                return unknown(decl.prop, reason, verdict.steps)
            checked.append(verdict)
            if step.label:
                labels[step.label] = verdict.theorem
        last = decl.proof.steps[-1]
        verdict = self.tactics.conclude(decl.prop, last.prop, checked)
        clash = self._inconsistent(verdict.axioms)
        if verdict.status == "proved" and clash is not None:
            return unknown(decl.prop, clash, verdict.steps)
        return verdict

    def _inconsistent(self, axioms: tuple[str, ...]) -> Reason | None:
        """A reason when the axioms a proof rests on contradict each other, else None."""
        syms = [self.unit.scope.get(a) for a in axioms]
        props = [s.prop for s in syms if isinstance(s, FactSym)]
        contradiction = self.session.consistency(axioms, lambda: self.tactics.consistent(props))
        if contradiction is None:
            return None
        names = joined(", ", [because(Ref(_kind(s), a)) for s, a in zip(syms, axioms)])
        return because("the axioms and citations this proof uses contradict each other (",
                       names, ": no admissible object satisfies them all)")


def _kind(sym: object) -> str:
    return sym.kind if isinstance(sym, FactSym) else "axiom"


def _line(step: A.Step) -> int:
    return step.span.line if step.span else 0
