"""Deciding ground atoms (only n, numbers, built-ins): Tier 1, then budgeted Tier 3."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rcproof import growth
from rcproof.syntax import ast as A

TIER1, TIER2, TIER3 = "growth", "smt", "limit"


@dataclass(frozen=True)
class AtomVerdict:
    """One ground Landau atom decided (value None: undecided, with the reason)."""

    atom: A.Relation
    value: bool | None
    tier: str
    reason: str | None = None
    certificate: str | None = None


def _lex_le(u: tuple[Fraction, ...], v: tuple[Fraction, ...]) -> bool:
    return tuple(u) <= tuple(v)


def poly_holds(f: tuple[Fraction, ...], g: tuple[Fraction, ...]) -> bool:
    """f = g^O(1) on exponent vectors (same case split as the Tier 2 encoding)."""
    zero = (Fraction(0),) * 3
    if g[0] > 0:
        return True
    if g[0] == 0 and g[1] > 0:
        return f[0] <= 0
    if g[0] == 0 and g[1] == 0 and g[2] > 0:
        return f[0] < 0 or (f[0] == 0 and f[1] <= 0)
    return _lex_le(f, zero)


def _exps(e: A.Expr) -> tuple[Fraction, ...]:
    lead = growth.leading(e)
    return tuple(lead.exps)


_certificates = True


def set_certificates(value: bool) -> None:
    """Whether proved Tier 1 atoms carry (c, N0) certificates. They cost more than the
    decision itself, so reports that never print them (plain `verify`) turn them off."""
    global _certificates
    _certificates = value


def certificates_enabled() -> bool:
    return _certificates


def decide_atom(atom: A.Relation, budget_seconds: float) -> AtomVerdict:
    """Tier 1 when both sides are growth expansions, Tier 3 (sympy limit) otherwise."""
    f, g, rel = atom.left, atom.right, atom.rel
    try:
        if rel in ("poly", "polylog"):
            base = g if rel == "poly" else A.Call("log", (g,))
            return AtomVerdict(atom, poly_holds(_exps(f), _exps(base)), TIER1)
        order = growth.compare(f, g)
        value = growth.holds(order, rel)
        if value is None:
            return AtomVerdict(atom, None, TIER1,
                               "the limit of the ratio (the leading coefficients) is not "
                               "determined exactly")
        cert = None
        if value and _certificates and rel in ("O", "o", "Theta", "Omega", "omega"):
            found = growth.certificate(f, g, rel)
            if found is not None and growth.check_certificate(f, g, found):
                cert = found.describe()
        return AtomVerdict(atom, value, TIER1, certificate=cert)
    except (growth.NotInFragment, growth.SignUnknown) as exc:
        outside = exc.reason  # Tier 3 may still settle it (it checks positivity itself)
    except growth.GrowthError as exc:
        return AtomVerdict(atom, None, TIER1, exc.reason)
    if rel not in ("O", "Omega", "Theta", "o", "omega", "~"):
        return AtomVerdict(atom, None, TIER3, outside)
    answer = growth.compare_by_limit(f, g, budget_seconds)
    if isinstance(answer, str):
        return AtomVerdict(atom, None, TIER3, answer)
    value = growth.holds(answer, rel)
    if value is None:
        return AtomVerdict(atom, None, TIER3, "the limit of the ratio is not determined")
    return AtomVerdict(atom, value, TIER3)
