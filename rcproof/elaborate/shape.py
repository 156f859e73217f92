"""Classes of the RC shape: a time budget, a dimension, and an existential time.

A class has the *RC shape* when its body is an `exists t { … }` block that bounds its
first parameter from below, `t = O(f)` (the time budget), and the other constraints of
the block bound t from below by the family's resources (the laws). Its second parameter,
when it has one, is the *dimension* (THEORY.md §4: `RC(f, d = 3)`). Nothing here knows
the name of a class: `physics.rc`'s `RC` and a user's `RRC(f, d = 3)` are found the same
way. The choice is data here (`chosen_shape`); `elaborate/shapecheck.rc_shaped` refuses a
missing or ambiguous class with an error for the user. The minimal realization time `t*`
of a family in such a class is the largest of the lower bounds on t that the laws give
(docs/theory.md, "Minimal realization time").
"""

from __future__ import annotations

from dataclasses import dataclass

from rcproof.syntax import core as A
from rcproof.syntax import definitions as T

DEFAULT_CLASS = "RC"  # the default of `--class` and of `tstar`'s class argument


@dataclass(frozen=True)
class Shape:
    """A class of the RC shape: `budget` is the parameter bounding t, `dim` the dimension
    parameter (None when the class has no second parameter)."""

    cls: T.Class
    budget: str
    dim: str | None

    @property
    def name(self) -> str:
        return self.cls.name

    def instance(self, budget: A.Expr, dim: A.Expr | None) -> A.Expr:
        """The class instance `K(budget, dim = d)` (the dimension left at its default
        when `dim` is None)."""
        kwargs: tuple[tuple[str, A.Expr], ...] = ()
        if dim is not None and self.dim is not None:
            kwargs = ((self.dim, dim),)
        return A.Call(self.cls.name, (budget,), kwargs)

    def default_dim(self) -> A.Expr | None:
        for param in self.cls.decl.params:
            if param.name == self.dim:
                return param.default
        return None


def shape_of(cls: T.Class) -> Shape | None:
    """The RC shape of a class, or None when it does not have it."""
    decl = cls.decl
    if decl.exists_var is None or not decl.params:
        return None
    budget = decl.params[0].name
    var = decl.exists_var
    for constraint in decl.exists_constraints:
        if (isinstance(constraint, A.Relation) and constraint.rel in ("O", "Theta")
                and constraint.left == A.Name(var) and constraint.right == A.Name(budget)):
            dim = decl.params[1].name if len(decl.params) > 1 else None
            return Shape(cls, budget, dim)
    return None


def shaped_classes(definitions: T.Definitions) -> dict[str, Shape]:
    """The classes of the RC shape in a definition table, by name."""
    return {n: s for n, sym in definitions.entries
            if isinstance(sym, T.Class) and (s := shape_of(sym)) is not None}


def chosen_shape(definitions: T.Definitions, name: str | None = None) -> Shape | None:
    """The class named `name` when it has the RC shape; with no name, `RC` when it is in
    scope, else the only class of the RC shape. None when there is no such class or the
    choice is ambiguous (elaborate/shapecheck.py words why for the user)."""
    shaped = shaped_classes(definitions)
    if name is not None:
        return shaped.get(name)
    if DEFAULT_CLASS in shaped:
        return shaped[DEFAULT_CLASS]
    return next(iter(shaped.values())) if len(shaped) == 1 else None
