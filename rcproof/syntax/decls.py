"""Declaration forms that elaboration's symbol table holds: parameters, lets, abstract
functions, families (their resources and lets), classes (their parameters, `exists`
constraints and defaults), axioms, citations. At the end of elaboration they are frozen
into the definition table that the kernel reads (syntax/definitions.py).

Surface-only forms (imports, theorems with their proofs, whole files) are in syntax/ast.py,
outside the trusted base. Spans are excluded from equality as in syntax/core.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rcproof.syntax.core import Expr, Prop, Span

# The built-in tactics a proof step may name after `by` (anything else names a fact).
TACTIC_NAMES = ("auto", "unfold", "growth", "smt", "limit")


@dataclass(frozen=True)
class ParamDecl:
    names: tuple[str, ...]
    constraints: tuple[Prop, ...]
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class LetDecl:
    name: str
    expr: Expr
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FunDecl:
    names: tuple[str, ...]
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Param:
    name: str
    default: Expr | None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Resource:
    """`size = E` (rel `Theta`) or `size = O(E)` (rel `O`, `Omega`, ...)."""

    name: str
    rel: str
    expr: Expr
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FamilyLet:
    name: str
    expr: Expr
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FamilyDecl:
    name: str
    params: tuple[Param, ...]
    items: tuple[Resource | FamilyLet, ...]
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ResourceDefault:
    """`default work = size` in a class: a member that does not state `work` has this."""

    name: str
    expr: Expr
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ClassDecl:
    name: str
    params: tuple[Param, ...]
    exists_var: str | None
    exists_constraints: tuple[Prop, ...]
    constraints: tuple[Prop, ...]
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)
    defaults: tuple[ResourceDefault, ...] = ()


@dataclass(frozen=True)
class Axiom:
    name: str
    prop: Prop
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Cite:
    name: str
    prop: Prop
    reference: str
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)
