"""Generic traversal of the syntax tree."""

from __future__ import annotations

import dataclasses

from rcproof.syntax import ast as A


def names(node: object) -> set[str]:
    """Every bare name in a node (function names of calls and keyword names excluded)."""
    out: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, A.Name):
            out.add(item.id)
        elif isinstance(item, tuple):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item)
                         if f.name != "span")
    return out
