"""Arguments of a family or class instance matched to the declared parameters, with a
located error for the user when they do not fit (elaborate/arguments.py binds them)."""

from __future__ import annotations

from rcproof.elaborate.arguments import ArgumentProblem, bind_arguments
from rcproof.errors import RcError, did_you_mean
from rcproof.syntax import ast as A


def params_of_instance(params: tuple[A.Param, ...], call: A.Call, owner: str,
                       source: str) -> dict[str, A.Expr]:
    """Map an instance's positional and named arguments onto declared parameters.

    Raises RcError (exit 2) naming the parameter, with a fix, when they do not fit."""
    bound = bind_arguments(params, call)
    if not isinstance(bound, ArgumentProblem):
        return bound
    names = [p.name for p in params]
    listed = f"its parameters: {', '.join(names) or 'none'}"
    span = bound.node.span if bound.node is not None and bound.node.span else call.span
    if bound.kind == "too many":
        raise RcError(f"{owner} takes {len(names)} argument(s), {bound.given} given",
                      call.span, listed, source)
    if bound.kind == "unknown":
        raise RcError(f"{owner} has no parameter '{bound.name}'", span,
                      did_you_mean(bound.name or "", set(names)) or listed, source)
    if bound.kind == "twice":
        raise RcError(f"parameter '{bound.name}' of {owner} is given twice", span,
                      "give each parameter once", source)
    raise RcError(f"{owner} needs a value for parameter '{bound.name}'", call.span,
                  f"write {owner.split()[-1]}({bound.name} = …)", source)
