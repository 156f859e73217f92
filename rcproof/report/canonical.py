"""Class and family instances in one canonical form, for reports that must identify or
show them: every parameter named, defaults filled in (`RC(n)`, `RC(n, 3)` and
`RC(n, d = 3)` are all `RC(n, d = 3)`), values in the display normal form."""

from __future__ import annotations

from rcproof.elaborate.instances import params_of_instance
from rcproof.elaborate.shape import shape_of
from rcproof.elaborate.symbols import ClassSym, FamilySym, Scope
from rcproof.errors import RcError
from rcproof.report.simplify import tidy
from rcproof.syntax import ast as A
from rcproof.syntax.walk import rewrite


def canonical(ref: A.Expr, scope: Scope) -> A.Expr:
    """The canonical instance: a class as `K(first, rest = …)`, a family as
    `F(p = …, …)` (a family without parameters as `F`); anything else unchanged. The
    budget of a class of the RC shape is shown in Θ normal form (`RC(2·n)` is `RC(n)`:
    the class bounds t by O(f), which sees f only up to a constant factor)."""
    name = ref.id if isinstance(ref, A.Name) else ref.func if isinstance(ref, A.Call) else None
    sym = scope.get(name) if name is not None else None
    if not isinstance(sym, (ClassSym, FamilySym)):
        return ref
    call = ref if isinstance(ref, A.Call) else A.Call(sym.name)
    try:
        given = params_of_instance(sym.decl.params, call, sym.name, "")
    except RcError:
        return ref
    values = [(p.name, tidy(given[p.name])) for p in sym.decl.params]
    if isinstance(sym, ClassSym):
        if not values:
            return A.Name(sym.name)
        if shape_of(sym) is not None:  # t = O(f) sees its budget f only up to Θ
            values[0] = (values[0][0], tidy(values[0][1], theta=True))
        return A.Call(sym.name, (values[0][1],), tuple(values[1:]))
    return A.Call(sym.name, (), tuple(values)) if values else A.Name(sym.name)


def explicit_defaults(node: object, scope: Scope) -> object:
    """`node` with each class instance's default arguments written out, so that `RC(f)`
    prints as RC_3(f): the dimension is part of what a reader must see."""

    def fill(item: object) -> object | None:
        if not isinstance(item, (A.Name, A.Call)):
            return None
        name = item.id if isinstance(item, A.Name) else item.func
        sym = scope.get(name)
        if not isinstance(sym, ClassSym):
            return item
        call = item if isinstance(item, A.Call) else A.Call(name)
        given = {p.name for p in sym.decl.params[:len(call.args)]} | {
            k for k, _ in call.kwargs}
        extra = tuple((p.name, p.default) for p in sym.decl.params
                      if p.name not in given and p.default is not None)
        return A.Call(name, call.args, call.kwargs + extra) if extra else item

    return rewrite(node, fill)
