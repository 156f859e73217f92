"""Quote expressions in reasons with the project's one printer (report/notation.py)."""

from __future__ import annotations

from rcproof.syntax.ast import Expr
from rcproof.syntax.notation import to_text as show

__all__ = ["Quoted", "show"]


class Quoted:
    """An expression printed only when a message actually needs it (keeps Tier 1 fast)."""

    __slots__ = ("expr",)

    def __init__(self, expr: Expr) -> None:
        self.expr = expr

    def __str__(self) -> str:
        return show(self.expr)
