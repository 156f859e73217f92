"""Matching a named fact's conclusion against a goal to instantiate its quantifiers."""

from __future__ import annotations

import dataclasses

from rcproof.syntax import ast as A
from rcproof.syntax.walk import bound_names, names, rewrite


def _match(pattern: object, target: object, holes: set[str], subst: dict[str, object]) -> bool:
    if isinstance(pattern, A.Name) and pattern.id in holes:
        if pattern.id in subst:
            return subst[pattern.id] == target
        subst[pattern.id] = target
        return True
    if type(pattern) is not type(target):
        return False
    if isinstance(pattern, tuple):
        return len(pattern) == len(target) and all(  # type: ignore[arg-type]
            _match(p, t, holes, subst) for p, t in zip(pattern, target))  # type: ignore[arg-type]
    if dataclasses.is_dataclass(pattern):
        for f in dataclasses.fields(pattern):
            if f.name == "span":
                continue
            if not _match(getattr(pattern, f.name), getattr(target, f.name), holes, subst):
                return False
        return True
    return bool(pattern == target)


def substitute(node: object, subst: dict[str, object]) -> object:
    """Replace free names by the given subtrees."""
    return rewrite(node, lambda x: subst.get(x.id) if isinstance(x, A.Name) else None)


def instantiate(fact: A.Prop, goal: A.Prop) -> list[A.Prop] | None:
    """The hypotheses to check when `goal` is an instance of `fact`'s conclusion.

    The fact's `forall` prefix and implications are peeled one level at a time, trying a
    match at each level, so a goal may itself keep some of the fact's quantifiers."""
    holes: set[str] = set()
    hyps: list[A.Prop] = []
    body = fact
    while True:
        subst: dict[str, object] = {}
        if _match(body, goal, holes, subst):
            break
        if isinstance(body, A.Forall):
            holes.update(body.names)
            hyps.extend(body.where)
            body = body.body
        elif isinstance(body, A.Implies):
            hyps.append(body.left)
            body = body.right
        else:
            return None
    inner = bound_names(body)
    if any(names(value) & inner for value in subst.values()):
        return None  # the instance would capture a variable bound inside the fact
    if set(subst) != holes & names(fact):
        missing = (holes & names(fact)) - set(subst)
        if any(_occurs(h, missing) for h in hyps):
            return None
    return [substitute(h, subst) for h in hyps]  # type: ignore[misc]


def _occurs(node: object, names: set[str]) -> bool:
    return bool(names(node) & names)

