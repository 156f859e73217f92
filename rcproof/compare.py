"""`rcproof compare`: the strongest Landau relation between two expressions."""

from __future__ import annotations

from rcproof.elaborate.check import Checker
from rcproof.elaborate.symbols import BUILTINS, ParamSym, Scope
from rcproof.errors import RcError
from rcproof.prover.decide import Decider
from rcproof.smt.realterm import is_ground
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text as show
from rcproof.syntax.parser import parse_expr, parse_prop
from rcproof.syntax.walk import names

TIER_WORDS = {"growth": "Tier 1 (growth algebra)", "smt": "Tier 2 (z3)",
              "limit": "Tier 3 (sympy limit, cross-checked)"}


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
        props.append(prop)
    scope = Scope()
    for name in sorted(_names(tuple(exprs))):
        own = tuple(p for p in props if name in _names(p))
        decl = A.ParamDecl((name,), own)
        scope.symbols[name] = ParamSym(name, own, decl)
    for e in exprs:
        Checker(scope, "").expr(e, {})
    return scope


def compare_text(left_text: str, right_text: str, assumptions: list[str]) -> str:
    from rcproof.prover.ground import set_certificates

    set_certificates(True)  # compare always prints the certificate
    left, right = parse_expr(left_text, "<left>"), parse_expr(right_text, "<right>")
    scope = _scope([left, right], assumptions)
    decider = Decider(scope)
    if is_ground(left) and is_ground(right):
        return _ground(decider, left, right)
    lines = []
    for rel in ("o", "Theta", "omega", "O", "Omega"):
        outcome = decider.decide(A.Relation(left, rel, right))
        if outcome.status == "proved":
            lines.append(f"{show(A.Relation(left, rel, right))}")
            lines.append(f"  by {TIER_WORDS['smt']}, for every value allowed by the "
                         "assumptions" if assumptions else f"  by {TIER_WORDS['smt']}")
            return "\n".join(lines)
        if outcome.status == "vacuous":
            return "the assumptions admit no parameter value"
    outcome = decider.decide(A.Relation(left, "O", right))
    other = decider.decide(A.Relation(left, "Omega", right))
    return (f"no single relation holds for every admissible value\n"
            f"  {show(A.Relation(left, 'O', right))}: {outcome.reason or outcome.status}\n"
            f"  {show(A.Relation(left, 'Omega', right))}: {other.reason or other.status}")


def _ground(decider: Decider, left: A.Expr, right: A.Expr) -> str:
    for rel in ("~", "o", "Theta", "omega"):
        outcome = decider.decide(A.Relation(left, rel, right))
        if outcome.status != "proved":
            continue
        atom = outcome.atoms[0] if outcome.atoms else None
        lines = [show(A.Relation(left, rel, right))]
        if rel == "~":
            lines[0] += f"   (hence {show(A.Relation(left, 'Theta', right))})"
        tier = atom.tier if atom else "growth"
        lines.append(f"  by {TIER_WORDS.get(tier, tier)}")
        if rel == "~":
            cert = decider.decide(A.Relation(left, "Theta", right))
            atom = cert.atoms[0] if cert.atoms else None
        if atom is not None and atom.certificate:
            lines.append(f"  certificate: {atom.certificate}")
        return "\n".join(lines)
    outcome = decider.decide(A.Relation(left, "O", right))
    return f"undecided: {outcome.reason}"
