"""Arguments of a family or class instance bound to the declared parameters, as data.

Positional arguments first, then named ones, then the declared defaults. A mismatch is
returned as an `ArgumentProblem` (typed, no text): the checker (elaborate/instances.py)
words it for the user with a location; definitional unfolding, which runs only on
checked statements, refuses to unfold. Kept free of the error printer so that the
kernel's import closure does not hold it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rcproof.syntax import core as A
from rcproof.syntax import decls as D


@dataclass(frozen=True)
class ArgumentProblem:
    """Why an instance does not fit its declaration: `kind` is "too many" (`given`
    positional arguments), "unknown" or "twice" (the keyword `name`, at `node`), or
    "missing" (the parameter `name` has no value and no default)."""

    kind: str
    name: str | None = None
    node: A.Expr | None = None
    given: int = 0


def bind_arguments(params: tuple[D.Param, ...], call: A.Call
                   ) -> dict[str, A.Expr] | ArgumentProblem:
    """parameter name -> argument (the declared default object itself when omitted)."""
    names = [p.name for p in params]
    if len(call.args) > len(names):
        return ArgumentProblem("too many", given=len(call.args))
    bound: dict[str, A.Expr] = dict(zip(names, call.args))
    for key, arg in call.kwargs:
        if key not in names:
            return ArgumentProblem("unknown", key, arg)
        if key in bound:
            return ArgumentProblem("twice", key, arg)
        bound[key] = arg
    for param in params:
        if param.name not in bound:
            if param.default is None:
                return ArgumentProblem("missing", param.name)
            bound[param.name] = param.default
    return bound
