"""Arguments of a family or class instance matched to the declared parameters."""

from __future__ import annotations

from rcproof.errors import RcError, did_you_mean
from rcproof.syntax import ast as A


def params_of_instance(params: tuple[A.Param, ...], call: A.Call, owner: str,
                       source: str) -> dict[str, A.Expr]:
    """Map an instance's positional and named arguments onto declared parameters."""
    names = [p.name for p in params]
    bound: dict[str, A.Expr] = {}
    if len(call.args) > len(names):
        raise RcError(f"{owner} takes {len(names)} argument(s), {len(call.args)} given",
                      call.span, f"its parameters: {', '.join(names) or 'none'}", source)
    for name, arg in zip(names, call.args):
        bound[name] = arg
    for key, arg in call.kwargs:
        if key not in names:
            hint = did_you_mean(key, set(names)) or (
                f"its parameters: {', '.join(names) or 'none'}")
            raise RcError(f"{owner} has no parameter '{key}'", arg.span or call.span, hint,
                          source)
        if key in bound:
            raise RcError(f"parameter '{key}' of {owner} is given twice",
                          arg.span or call.span, "give each parameter once", source)
        bound[key] = arg
    for param in params:
        if param.name not in bound:
            if param.default is None:
                raise RcError(f"{owner} needs a value for parameter '{param.name}'", call.span,
                              f"write {owner.split()[-1]}({param.name} = …)", source)
            bound[param.name] = param.default
    return bound
