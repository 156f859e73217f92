"""The kernel's rules: the only functions that make a `Theorem`.

Every rule re-checks what it is given and returns None (never a theorem) when the check
fails; the engine proposes, the rules dispose (ARCHITECTURE.md, "The trusted kernel").
Propositions are compared as syntax trees (spans ignored). Declarations are read only from
the definition table that elaboration froze (syntax/definitions.Definitions): the rules
never see the symbol table, so nothing after elaboration re-reads declarations.

* `ground(atom)`: ⊢ atom or ⊢ ¬atom, re-decided here by the kernel's exact Tier 1 check
  (rcproof.tier1), else by the named oracle "growth" (the engine's full algebra).
* `oracle(name, query)`: hyps ⊢ P when the registered oracle `name` (z3, limit) says so;
  tagged with the name.
* `axiom(definitions, name)`: ⊢ P for the declared axiom or citation `name: P`; tagged.
* `unfold(goal, definitions, body, atoms, witnesses)`: from ⊢ reduced and ⊢ ±atom…,
  ⊢ goal or ⊢ ¬goal; the kernel unfolds the definitions itself (elaborate/unfold.py over
  the file's definition table, given the engine's witness families for strict
  inclusions), substitutes the atoms and evaluates.
* `discharge(imp, facts)`: from ⊢ f1 → … → s and ⊢ f1 …, ⊢ s (syntactic match).
* `instance(fact, goal, obligations, definitions)`: from ⊢ ∀x:K. H → P and ⊢ H[t], ⊢ P[t],
  with t checked against x's kind and range and substituted without capture.
* `refute_conjunction(p ∧ q, thm)`: from ⊢ ¬p or ⊢ ¬q, ⊢ ¬(p ∧ q).
* `witness(statement, v, thm, definitions)`: from ⊢ H[v] ∧ ¬P[v] with v admissible for x,
  ⊢ ¬∀x. H → P.

Sources: HOL Light's `fusion.ml` (an abstract theorem type whose rules take theorems);
Isabelle's oracles (an external decision is admitted only tagged with its name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rcproof.elaborate.unfold import FamilyView
from rcproof.elaborate.unfold import unfold as definitional_unfolding
from rcproof.kernel import ground as tier1
from rcproof.kernel.instantiate import (
    Refusal,
    admits,
    instantiate,
    substitute,
    witness_range,
)
from rcproof.kernel.theorem import Theorem, make, seal_for_rules
from rcproof.syntax import core as A
from rcproof.syntax import decls as D
from rcproof.syntax import definitions as T
from rcproof.syntax.props import evaluate, ground_atoms, is_closed, substitute_atoms
from rcproof.syntax.unfoldproblem import UnfoldError

_SEAL = seal_for_rules()


@dataclass(frozen=True)
class Query:
    """What an oracle is asked: does `prop` hold, for every admissible value of the
    parameters and abstract functions of `scope`, given the definitional `hypotheses`
    (declared bounds of named families' resources) and the unfolding's side conditions
    `sides` (which the oracle must establish itself)?"""

    prop: A.Prop
    hypotheses: tuple[A.Relation, ...] = ()
    sides: tuple[A.Comparison, ...] = ()
    scope: object = None  # the engine's symbol table, for the oracle; the kernel never reads it
    refute: bool = False  # asks whether `prop` fails instead (the theorem is then ⊢ ¬prop)


Oracle = Callable[[Query], bool]
_ORACLES: dict[str, Oracle] = {}


def register_oracle(name: str, answer: Oracle) -> None:
    """Admit an external decider under `name` (once; a second, different one is refused).
    `answer(query)` is True only when the query's proposition holds."""
    if _ORACLES.get(name, answer) is not answer:
        raise RuntimeError(f"oracle {name!r} is already registered")
    _ORACLES[name] = answer


def _join(*theorems: Theorem) -> tuple[set[str], set[str]]:
    return ({o for t in theorems for o in t.oracles}, {a for t in theorems for a in t.axioms})


# ---- rules without premises ----------------------------------------------------------

def ground(atom: A.Relation) -> Theorem | None:
    """⊢ atom or ⊢ ¬atom for a ground Landau atom that the kernel's exact Tier 1 check
    decides; outside its scale (an irrational coefficient such as 4^(1/3), exponents over
    two logarithm bases), the registered oracle "growth" (the engine's full Tier 1
    algebra) may answer, and the theorem is tagged with it. Else None."""
    value = tier1.decide(atom)
    if value is None:
        for refute in (False, True):
            thm = oracle("growth", Query(atom, refute=refute))
            if thm is not None:
                return thm
        return None
    return make((), atom if value else A.Not(atom), (), (), _SEAL)


def oracle(name: str, query: Query) -> Theorem | None:
    """`hypotheses ⊢ prop` (or ⊢ ¬prop for a refutation query) when the registered
    oracle `name` answers the query."""
    answer = _ORACLES.get(name)
    if answer is None or answer(query) is not True:
        return None
    prop = A.Not(query.prop) if query.refute else query.prop
    return make(query.hypotheses, prop, {name}, (), _SEAL)


def axiom(definitions: T.Definitions, name: str) -> Theorem | None:
    """⊢ P for the axiom or citation `name: P` of the definition table, tagged with its
    name."""
    sym = definitions.get(name)
    if not isinstance(sym, (D.Axiom, D.Cite)):
        return None
    return make((), sym.prop, (), {name}, _SEAL)


# ---- rules with premises -------------------------------------------------------------

def unfold(goal: A.Prop, definitions: T.Definitions, body: Theorem | None, atoms: list[Theorem],
           strengthened: bool = False, witnesses: tuple[FamilyView | None, ...] = ()
           ) -> Theorem | None:
    """⊢ goal (or ⊢ ¬goal) from its definitional unfolding.

    The kernel unfolds `goal` itself (families, classes, lets; elaborate/unfold.py), replaces
    the ground atoms that the `atoms` theorems decide by their truth values, and accepts
    when the result evaluates to a truth value (no `body`), or `body` proves the reduced
    formula or its negation from the unfolding's own hypotheses. With `strengthened`,
    `body` proves the formula with each witnessed disjunction replaced by its witness,
    which implies the formula (positive direction only). `witnesses` are the families
    the engine offered for the strict inclusions (any family with exact resources; the
    kernel builds what each must satisfy itself)."""
    if not isinstance(witnesses, tuple):  # data only: the kernel runs no proposer
        return None
    try:
        unfolded = definitional_unfolding(goal, definitions, witnesses)
    except UnfoldError:
        return None
    if any(w is not None and witness_range(w.exact, definitions, unfolded.kinds) is not None
           for w in unfolded.witnesses):
        return None  # a witness family's resources must lie in the function universe
    target = unfolded.strengthened() if strengthened else unfolded.formula
    if target is None:
        return None
    present = set(ground_atoms(target))
    values: dict[A.Relation, bool] = {}
    for thm in atoms:
        prop, value = (thm.prop.operand, False) if isinstance(thm.prop, A.Not) else (
            thm.prop, True)
        if thm.hypotheses or not isinstance(prop, A.Relation) or prop not in present:
            return None
        values[prop] = value
    reduced = substitute_atoms(target, values)
    if body is None:
        truth = evaluate(reduced) if is_closed(reduced) and not unfolded.sides else None
    elif not set(body.hypotheses) <= set(unfolded.hypotheses):
        return None
    else:
        truth = True if body.prop == reduced else (
            False if body.prop == A.Not(reduced) else None)
    if truth is None or (strengthened and truth is False):
        return None
    oracles, axioms = _join(*atoms, *([body] if body else []))
    return make((), goal if truth else A.Not(goal), oracles, axioms, _SEAL)


def discharge(implication: Theorem, facts: list[Theorem]) -> Theorem | None:
    """From ⊢ f1 → (f2 → … → s) and ⊢ f1, ⊢ f2, …: ⊢ s. From ⊢ ¬(f1 → … → s): ⊢ ¬s
    (the negated implication already says each fi holds and s fails)."""
    negated = isinstance(implication.prop, A.Not)
    core = implication.prop.operand if isinstance(implication.prop, A.Not) else (
        implication.prop)
    for fact in facts:
        if not isinstance(core, A.Implies) or fact.hypotheses or core.left != fact.prop:
            return None
        core = core.right
    if negated:
        oracles, axioms = _join(implication)
        return make(implication.hypotheses, A.Not(core), oracles, axioms, _SEAL)
    oracles, axioms = _join(implication, *facts)
    return make(implication.hypotheses, core, oracles, axioms, _SEAL)


def instance(fact: Theorem, goal: A.Prop, obligations: list[Theorem],
             definitions: T.Definitions) -> Theorem | None:
    """⊢ goal as an instance of ⊢ fact, each quantified variable given a term of its kind
    and range (kernel/instantiate.py), with ⊢ H for each substituted hypothesis H."""
    if fact.hypotheses:
        return None
    hyps = instantiate(fact.prop, goal, admits(definitions))
    if isinstance(hyps, Refusal) or len(hyps) != len(obligations):
        return None
    for need, thm in zip(hyps, obligations):
        if thm.hypotheses or thm.prop != need:
            return None
    oracles, axioms = _join(fact, *obligations)
    return make((), goal, oracles, axioms, _SEAL)


def witness(statement: A.Prop, value: A.Expr, thm: Theorem,
            definitions: T.Definitions) -> Theorem | None:
    """⊢ ¬(∀x : K where H. P) from ⊢ H[x := v] ∧ ¬P[x := v] for one admissible v: a number
    for a `real` x, a term of the function universe for a `fun` x."""
    if not (isinstance(statement, A.Forall) and statement.kind in ("real", "fun")
            and len(statement.names) == 1) or thm.hypotheses:
        return None
    if admits(definitions)(statement.kind, value) is not None:
        return None
    if thm.prop != instance_claim(statement, value):
        return None
    oracles, axioms = _join(thm)
    return make((), A.Not(statement), oracles, axioms, _SEAL)


def refute_conjunction(statement: A.Prop, part: Theorem) -> Theorem | None:
    """⊢ ¬(p ∧ q) from ⊢ ¬p or ⊢ ¬q."""
    if not (isinstance(statement, A.And) and isinstance(part.prop, A.Not)) or part.hypotheses:
        return None
    if part.prop.operand not in (statement.left, statement.right):
        return None
    oracles, axioms = _join(part)
    return make((), A.Not(statement), oracles, axioms, _SEAL)


def instance_claim(statement: A.Forall, value: A.Expr) -> A.Prop:
    """H[x := v] ∧ … ∧ ¬P[x := v]: what shows that v violates `forall x where H. P`."""
    name = statement.names[0]
    claim: A.Prop = A.Not(substitute(statement.body, {name: value}))  # type: ignore[arg-type]
    for h in reversed(statement.where):
        claim = A.And(substitute(h, {name: value}), claim)  # type: ignore[arg-type]
    return claim
