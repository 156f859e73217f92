"""Frozen syntax tree of `.rc` files: the core terms (syntax/core.py), the declaration
forms (syntax/decls.py), and the surface-only forms defined here — imports, theorems
with their explicit proofs, whole files.

Every node carries the source span it came from (excluded from equality and hashing,
so two spellings of the same statement compare equal). Every name of the two modules it
builds on is re-exported, so `from rcproof.syntax import ast as A` sees the whole tree;
the trusted kernel imports core and decls directly and never this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rcproof.syntax.core import _HASH as _HASH  # where a node caches its hash
from rcproof.syntax.core import (
    LANDAU,
    And,
    BinOp,
    Call,
    Comparison,
    Expr,
    Forall,
    Implies,
    Inclusion,
    Membership,
    Name,
    Neg,
    Not,
    Num,
    Or,
    Prop,
    Relation,
    Span,
    Truth,
    source_name,
)
from rcproof.syntax.decls import (
    Axiom,
    Cite,
    ClassDecl,
    FamilyDecl,
    FamilyLet,
    FunDecl,
    LetDecl,
    Param,
    ParamDecl,
    Resource,
    ResourceDefault,
)

__all__ = [
    "LANDAU", "And", "Axiom", "BinOp", "Call", "Cite", "ClassDecl", "Comparison", "Decl",
    "Expr", "FamilyDecl", "FamilyLet", "Forall", "FunDecl", "Implies", "Import",
    "Inclusion", "LetDecl", "Membership", "Module", "Name", "Neg", "Not", "Num", "Or",
    "Param", "ParamDecl", "Proof", "Prop", "Relation", "Resource", "ResourceDefault",
    "Span", "Step", "Theorem", "Truth", "source_name",
]


@dataclass(frozen=True)
class Import:
    target: str
    is_path: bool
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Step:
    """One `have`/`show` line of an explicit proof."""

    kind: str  # "have" or "show"
    label: str | None
    prop: Prop
    tactic: str
    using: tuple[str, ...]
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Proof:
    steps: tuple[Step, ...]
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Theorem:
    name: str
    prop: Prop
    proof: Proof | None
    is_lemma: bool = False
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


Decl = Import | ParamDecl | LetDecl | FunDecl | FamilyDecl | ClassDecl | Axiom | Cite | Theorem


@dataclass(frozen=True)
class Module:
    path: str
    source: str
    decls: tuple[Decl, ...]
