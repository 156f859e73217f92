"""Generic traversal of the syntax tree."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from rcproof.syntax import ast as A


def nodes(node: object) -> Iterator[object]:
    """Every syntax node below (and including) `node`, spans excluded."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            yield item
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item)
                         if f.name != "span")


def names(node: object) -> set[str]:
    """Every bare name in a node (function names of calls and keyword names excluded)."""
    return {item.id for item in nodes(node) if isinstance(item, A.Name)}


def bound_names(node: object) -> set[str]:
    """Names bound by any `forall` within a node."""
    return {name for item in nodes(node) if isinstance(item, A.Forall) for name in item.names}
