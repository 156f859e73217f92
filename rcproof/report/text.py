"""Plain-text rendering shared by reports and reasons."""

from __future__ import annotations

from rcproof.syntax import ast as A


def show(node: A.Expr | A.Prop) -> str:
    """The Unicode text of an expression or proposition (one printer: notation.py)."""
    from rcproof.syntax.notation import to_text

    return to_text(node)
