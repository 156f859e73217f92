"""Frozen syntax tree of `.rc` files.

Every node carries the source span it came from (excluded from equality and hashing,
so two spellings of the same statement compare equal). Expressions are this project's
single expression type: every later stage reads them, none invents a parallel one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True)
class Span:
    """A region of a source file, 1-based lines and columns (end exclusive)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


# ---- expressions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Num:
    value: Fraction
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Name:
    id: str
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Call:
    """`f(a, b, k = e)`: built-ins (log, sqrt, exp, max, min), resources, instances."""

    func: str
    args: tuple[Expr, ...] = ()
    kwargs: tuple[tuple[str, Expr], ...] = ()
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class BinOp:
    op: str  # one of + - * / ^
    left: Expr
    right: Expr
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Neg:
    operand: Expr
    span: Span | None = field(default=None, compare=False, repr=False)


Expr = Num | Name | Call | BinOp | Neg


def source_name(ident: str) -> str:
    """The name as the user wrote it. Unfolding renames bound variables apart (`x#3`, see
    elaborate/unfold.Unfolder.fresh); `#` cannot occur in source names."""
    return ident.split("#", 1)[0]

# ---- propositions --------------------------------------------------------------------

LANDAU = ("O", "Omega", "Theta", "o", "omega", "~", "poly", "polylog")


@dataclass(frozen=True)
class Relation:
    """`left = REL(right)`; `rel` is one of LANDAU (`~` for asymptotic equality)."""

    left: Expr
    rel: str
    right: Expr
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Comparison:
    """A chained comparison between parameter expressions: `0 < e < 1`."""

    terms: tuple[Expr, ...]
    ops: tuple[str, ...]
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Membership:
    member: Expr
    cls: Expr
    negated: bool = False
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Inclusion:
    left: Expr
    right: Expr
    strict: bool = False
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Truth:
    """A proposition already decided (produced by unfolding, never parsed)."""

    value: bool
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Not:
    operand: Prop
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class And:
    left: Prop
    right: Prop
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Or:
    left: Prop
    right: Prop
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Implies:
    left: Prop
    right: Prop
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Forall:
    names: tuple[str, ...]
    kind: str  # "real", "fun" or "family"
    where: tuple[Prop, ...]
    body: Prop
    span: Span | None = field(default=None, compare=False, repr=False)


Prop = Truth | Relation | Comparison | Membership | Inclusion | Not | And | Or | Implies | Forall

# ---- declarations --------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    target: str
    is_path: bool
    doc: str | None = None
    span: Span | None = field(default=None, compare=False, repr=False)


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
