"""Text for core terms inside messages, without the printer in the trusted base.

The engine and the kernel's Tier 1 core state why they refuse in words that quote
expressions. The one printer (`rcproof.syntax.notation`, a display concern whose bugs
cannot change a verdict) registers itself here when it is imported, so modules of the
kernel's import closure quote expressions through `text`/`Quoted` and never import it
(dependency inversion; ARCHITECTURE.md, "The trusted kernel": the kernel does not print).
Every command imports the printer before it reports; until then, `text` falls back to
the tree's `repr`, which is exact but not pretty.
"""

from __future__ import annotations

from collections.abc import Callable

from rcproof.syntax import core as A

_PRINTER: list[Callable[[A.Expr | A.Prop], str]] = []


def register(printer: Callable[[A.Expr | A.Prop], str]) -> None:
    """Install the printer `text` uses (the last registration wins)."""
    _PRINTER[:] = [printer]


def text(node: A.Expr | A.Prop) -> str:
    """The registered printer's text for `node` (its `repr` before one is registered)."""
    return _PRINTER[0](node) if _PRINTER else repr(node)


class Quoted:
    """An expression printed only when a message actually needs it (keeps Tier 1 fast)."""

    __slots__ = ("expr",)

    def __init__(self, expr: A.Expr) -> None:
        self.expr = expr

    def __str__(self) -> str:
        return text(self.expr)
