"""Generic traversal of the syntax tree."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from rcproof.syntax import core as A

_CHILDREN: dict[type, tuple[str, ...] | None] = {}


def _children(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass node other than its span (None: not a node);
    computed once per class (`dataclasses.fields` per visited node was a hot spot)."""
    if cls not in _CHILDREN:
        _CHILDREN[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name != "span") \
            if dataclasses.is_dataclass(cls) else None
    return _CHILDREN[cls]


def nodes(node: object) -> Iterator[object]:
    """Every syntax node below (and including) `node`, spans excluded."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(item)
            continue
        cls = item.__class__
        fields = _CHILDREN[cls] if cls in _CHILDREN else _children(cls)
        if fields is not None:
            yield item
            stack.extend([getattr(item, name) for name in fields])


def names(node: object) -> set[str]:
    """Every bare name in a node (function names of calls and keyword names excluded)."""
    return {item.id for item in nodes(node) if isinstance(item, A.Name)}


def rewrite(node: object, change: Callable[[object], object | None]) -> object:
    """A copy of `node` in which every subtree for which `change` returns something is
    replaced by it (that subtree is not descended into); spans are dropped."""
    replaced = change(node)
    if replaced is not None:
        return replaced
    if isinstance(node, tuple):
        return tuple(rewrite(x, change) for x in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {f.name: rewrite(getattr(node, f.name), change)
                   for f in dataclasses.fields(node) if f.name != "span"}
        return dataclasses.replace(node, **changes)
    return node
