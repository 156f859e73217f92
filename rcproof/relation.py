"""`rcproof compare`: the strongest Landau relation between two expressions.

`compare` returns a typed `Comparison` (the relation, the tier that decided it, the
(c, N0) certificate of a Tier 1 fact, the oracles the kernel's theorem trusted);
`compare_text` and `Comparison.to_json` print it for the command line and the Python API
(rcproof.api). Each relation is checked like a theorem: the engine searches, the kernel
replays, so a relation is printed only when a kernel theorem backs it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rcproof.elaborate.check import Checker
from rcproof.elaborate.symbols import BUILTINS, ParamSym, Scope
from rcproof.errors import RcError
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text as show
from rcproof.syntax.reason import Reason, as_text, because
from rcproof.syntax.terms import is_ground
from rcproof.syntax.walk import names

if TYPE_CHECKING:  # the search pipeline and lark are imported only off the Tier 1 path
    from rcproof.kernel import Verdict
    from rcproof.prover.tactics import Tactics

TIER_WORDS = {"growth": "Tier 1 (growth algebra)", "smt": "Tier 2 (z3)",
              "limit": "Tier 3 (limits: by logarithms or the exp-log engine)"}


@dataclass(frozen=True)
class Comparison:
    """The strongest relation `left rel right` that holds (`rel` is one of `~`, `o`,
    `Theta`, `omega`, `O`, `Omega`), or `rel = None` with the reason it is undecided.

    `tier` is growth | smt | limit; `certificate` the checked (c, N0) witness text of a
    Tier 1 fact, when there is one; `assumptions` the `--assume` comparisons used."""

    left: A.Expr
    right: A.Expr
    rel: str | None
    tier: str | None = None
    certificate: str | None = None
    reason: Reason | None = None
    assumptions: tuple[str, ...] = ()
    vacuous: bool = False
    oracles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.reason is not None and not isinstance(self.reason, Reason):
            raise TypeError("a comparison's reason is a Reason (rcproof.syntax.reason)")

    @property
    def statement(self) -> str | None:
        return None if self.rel is None else show(A.Relation(self.left, self.rel, self.right))

    def to_dict(self) -> dict[str, object]:
        return {"left": show(self.left), "right": show(self.right), "relation": self.rel,
                "statement": self.statement, "tier": self.tier,
                "certificate": self.certificate, "reason": as_text(self.reason),
                "assumptions": list(self.assumptions), "vacuous": self.vacuous,
                "oracles": list(self.oracles)}

    def to_json(self) -> str:
        import json

        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def __str__(self) -> str:
        if self.vacuous:
            return "the assumptions admit no parameter value"
        if self.rel is None:
            return str(self.reason) if self.reason else "undecided"
        lines = [self.statement or ""]
        if self.rel == "~":
            lines[0] += f"   (hence {show(A.Relation(self.left, 'Theta', self.right))})"
        tier = TIER_WORDS.get(self.tier or "growth", self.tier or "")
        if self.assumptions and self.tier == "smt":
            lines.append(f"  by {tier}, for every value allowed by the assumptions")
        else:
            lines.append(f"  by {tier}")
        if self.certificate:
            lines.append(f"  certificate: {self.certificate}")
        return "\n".join(lines)

    def _repr_latex_(self) -> str:
        from rcproof.syntax.notation import to_latex

        if self.rel is None:  # for notebooks (MathJax): prose as \text, formulas as math
            from rcproof.syntax.reason import render

            reason = self.reason if self.reason else because("undecided")
            return "$" + render(reason, lambda t: f"\\text{{{t}}}", to_latex) + "$"
        return f"${to_latex(A.Relation(self.left, self.rel, self.right))}$"


def _names(node: object) -> set[str]:
    """The parameter names of an expression or comparison."""
    return names(node) - {"n"} - set(BUILTINS)


def _scope(exprs: list[A.Expr], assumptions: list[str]) -> Scope:
    """Every free name is a real parameter, constrained by the --assume comparisons."""
    from rcproof.syntax.parser import parse_prop

    props: list[A.Comparison] = []
    for text in assumptions:
        prop = parse_prop(text, "--assume")
        if not isinstance(prop, A.Comparison):
            raise RcError(f"--assume takes a comparison such as 'd >= 2', not '{text}'")
        if "n" in names(prop):
            raise RcError(f"--assume '{text}' mentions n, the asymptotic variable",
                          None, "assumptions constrain the parameters (such as 'd >= 2'); "
                          "every relation is already about n → ∞")
        props.append(prop)
    scope = Scope()
    for name in sorted(_names(tuple(exprs)) | _names(tuple(props))):
        own = tuple(p for p in props if name in _names(p))
        decl = A.ParamDecl((name,), own)
        scope.symbols[name] = ParamSym(name, own, decl)
    for e in exprs:
        Checker(scope, "").expr(e, {})
    return scope


def compare(left_text: str, right_text: str, assumptions: list[str] | None = None
            ) -> Comparison:
    """The strongest relation between two expressions of n (free names are real
    parameters constrained by `assumptions`). Raises RcError on bad input."""
    assumed = tuple(assumptions or ())
    if not assumed:
        quick = _tier1_pair(left_text, right_text)
        if quick is not None:
            return quick
    return _searched(left_text, right_text, assumed)


def _searched(left_text: str, right_text: str, assumed: tuple[str, ...]) -> Comparison:
    """`compare` through the whole pipeline: the engine searches, the kernel replays."""
    from rcproof.prover.ground import set_certificates
    from rcproof.prover.tactics import Tactics
    from rcproof.syntax.parser import parse_expr, parse_prop

    set_certificates(True)  # compare always gives the certificate
    left, right = parse_expr(left_text, "<left>"), parse_expr(right_text, "<right>")
    scope = _scope([left, right], list(assumed))
    tactics = Tactics(scope)
    if assumed:  # contradictory assumptions are vacuous whether or not E1, E2 use them
        both = [parse_prop(text, "--assume") for text in assumed]
        joint = both[0]
        for prop in both[1:]:
            joint = A.And(joint, prop)
        if tactics.check(joint).status == "vacuous":
            return Comparison(left, right, None, reason=because(
                "the assumptions admit no parameter value"), assumptions=assumed, vacuous=True)
    if is_ground(left) and is_ground(right):
        return _ground(tactics, left, right)
    for rel in ("o", "Theta", "omega", "O", "Omega"):
        verdict = tactics.check(A.Relation(left, rel, right))
        if verdict.status == "proved":
            return Comparison(left, right, rel, "smt", assumptions=assumed,
                              oracles=verdict.oracles)
        if verdict.status == "vacuous":
            return Comparison(left, right, None, reason=because(
                "the assumptions admit no parameter value"), assumptions=assumed, vacuous=True)
    upper = tactics.check(A.Relation(left, "O", right))
    lower = tactics.check(A.Relation(left, "Omega", right))
    reason = because("no relation could be shown for every admissible value\n  ",
                     A.Relation(left, "O", right), ": ", upper.reason or upper.status, "\n  ",
                     A.Relation(left, "Omega", right), ": ", lower.reason or lower.status)
    return Comparison(left, right, None, reason=reason, assumptions=assumed)


def _tier1_pair(left_text: str, right_text: str) -> Comparison | None:
    """The comparison of a ground pair that Tier 1 settles, without the search pipeline
    (issue 13: `compare` of two monomials should cost little more than start-up), or None
    to take the whole pipeline instead.

    The same relations are tried in the same order as `_ground` does (`~`, o, Theta,
    omega), each by the kernel's Tier 1 rule (`kernel.rules.ground`, the theorem the
    pipeline's replay ends in), with the certificate computed and checked as the engine
    does (`prover.ground`). Anything else goes to the pipeline, which then answers and
    reports exactly as before: text the expression reader leaves to lark (errors
    included), a name other than n or a built-in, a checker error, an atom Tier 1 leaves
    open (Tier 3 may settle it), no relation proved. The work is budgeted with a quarter
    of the per-theorem budget, so an input that could exhaust the pipeline's budget is
    left to the pipeline and reported as it reports it."""
    from rcproof.syntax.exprread import read_expr

    left, right = read_expr(left_text, "<left>"), read_expr(right_text, "<right>")
    if left is None or right is None or not (is_ground(left) and is_ground(right)):
        return None
    try:
        for e in (left, right):
            Checker(Scope(), "").expr(e, {})
    except RcError:
        return None
    from rcproof import budget
    from rcproof.budget import Budget, BudgetExhausted, budget_scope
    from rcproof.growth.errors import GrowthError
    from rcproof.kernel import rules

    try:
        with budget_scope(Budget(budget.DEFAULT_UNITS // 4)):  # read now: tests patch it
            for rel in ("~", "o", "Theta", "omega"):
                atom = A.Relation(left, rel, right)
                thm = rules.ground(atom)
                if thm is None or thm.hypotheses or thm.oracles or thm.axioms:
                    return None
                if thm.prop == A.Not(atom):
                    continue
                if thm.prop != atom:
                    return None
                cert = _checked_certificate(left, right, "Theta" if rel == "~" else rel)
                return Comparison(left, right, rel, "growth", cert)
    except (BudgetExhausted, GrowthError):
        return None
    return None


def _checked_certificate(f: A.Expr, g: A.Expr, rel: str) -> str | None:
    """The (c, N0) certificate the engine attaches to a proved Tier 1 atom
    (prover.ground._decide_atom), as its derivation step prints it."""
    from rcproof.growth.certificates import certificate, check_certificate

    found = certificate(f, g, rel)
    return str(found) if found is not None and check_certificate(f, g, found) else None


def compare_text(left_text: str, right_text: str, assumptions: list[str]) -> str:
    return str(compare(left_text, right_text, assumptions))


def _certificate(verdict: Verdict) -> str | None:
    """The (c, N0) certificate of the Tier 1 or Tier 3 step, when the derivation has one
    (a Tier 3 step's detail is its certificate: a proved atom carries no other reason)."""
    return next((str(s.detail) for s in verdict.steps
                 if s.rule in ("growth", "limit") and s.detail), None)


def _ground(tactics: Tactics, left: A.Expr, right: A.Expr) -> Comparison:
    for rel in ("~", "o", "Theta", "omega"):
        verdict = tactics.check(A.Relation(left, rel, right))
        if verdict.status != "proved":
            continue
        tier = verdict.tiers[-1] if verdict.tiers else "growth"
        if rel == "~":
            theta = tactics.check(A.Relation(left, "Theta", right))
            certificate = _certificate(theta) if theta.status == "proved" else None
        else:
            certificate = _certificate(verdict)
        return Comparison(left, right, rel, tier, certificate, oracles=verdict.oracles)
    verdict = tactics.check(A.Relation(left, "O", right))
    return Comparison(left, right, None, reason=because("undecided: ",
                                                        verdict.reason or verdict.status))
