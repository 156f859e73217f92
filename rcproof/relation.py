"""`rcproof compare`: the strongest Landau relation between two expressions.

`compare` returns a typed `Comparison` (the relation, the tier that decided it, the
(c, N0) certificate of a Tier 1 fact, the oracles the kernel's theorem trusted);
`compare_text` and `Comparison.to_json` print it for the command line and the Python API
(rcproof.api). Each relation is checked like a theorem: the engine searches, the kernel
replays, so a relation is printed only when a kernel theorem backs it."""

from __future__ import annotations

from dataclasses import dataclass

from rcproof.elaborate.check import Checker
from rcproof.elaborate.symbols import BUILTINS, ParamSym, Scope
from rcproof.errors import RcError
from rcproof.kernel import Verdict
from rcproof.prover.tactics import Tactics
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text as show
from rcproof.syntax.parser import parse_expr, parse_prop
from rcproof.syntax.reason import Reason, as_text, because
from rcproof.syntax.terms import is_ground
from rcproof.syntax.walk import names

TIER_WORDS = {"growth": "Tier 1 (growth algebra)", "smt": "Tier 2 (z3)",
              "limit": "Tier 3 (exp-log engine)"}


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
    from rcproof.prover.ground import set_certificates

    assumed = tuple(assumptions or ())
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
