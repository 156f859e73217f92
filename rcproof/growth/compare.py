"""Tier 1 comparison of two eventually positive expressions, and which relations it proves."""

from __future__ import annotations

from dataclasses import dataclass

from rcproof.growth.coef import Coef
from rcproof.growth.leading import leading
from rcproof.syntax.core import Expr

RELATIONS = ("O", "Omega", "Theta", "o", "omega", "~")


@dataclass(frozen=True)
class Order:
    """Exactly one of f = o(g), Θ(g), ω(g); `ratio` = lim f/g when Θ and known."""

    kind: str  # 'o' | 'Theta' | 'omega'
    ratio: Coef | None = None

    def __str__(self) -> str:
        if self.kind == "Theta" and self.ratio is not None:
            return f"Theta (f/g -> {self.ratio})"
        return self.kind


def compare(f: Expr, g: Expr) -> Order:
    """Tier 1: the order of f against g, by their leading terms (raises GrowthError)."""
    lf = leading(f)
    lg = leading(g)
    if lf.exps < lg.exps:
        return Order("o")
    if lf.exps > lg.exps:
        return Order("omega")
    return Order("Theta", lf.coef / lg.coef)


_HOLDS = {
    "O": ("o", "Theta"),
    "Omega": ("Theta", "omega"),
    "Theta": ("Theta",),
    "o": ("o",),
    "omega": ("omega",),
}


def holds(order: Order, rel: str) -> bool | None:
    """Whether `f rel g` follows from `order`; None only for an undecidable `~`."""
    if rel == "~":
        if order.kind != "Theta":
            return False
        if order.ratio is None:
            return None
        return order.ratio.equals(Coef.exact(1))
    if rel not in _HOLDS:
        raise ValueError(f"unknown relation {rel!r}; expected one of {', '.join(RELATIONS)}")
    return order.kind in _HOLDS[rel]
