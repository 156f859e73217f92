"""Core terms: the expressions and propositions every stage reads, and the kernel checks.

A frozen syntax tree; every node carries the source span it came from (excluded from
equality and hashing, so two spellings of the same statement compare equal). These are
the project's single expression and proposition types: later stages read them, none
invents a parallel one. The trusted kernel (rcproof/kernel/) depends on this module and
on the declaration forms of syntax/decls.py, never on the surface module syntax/ast.py
(theorem statements with their proofs, imports, whole files).
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



# ---- cached hashes (issue 13) --------------------------------------------------------
#
# Trees are used as memo keys (oracle answers, Tier 1 decisions, unfoldings) over and
# over; the generated `__hash__` of a frozen dataclass re-hashes the whole subtree (and
# every Fraction in it) each time. Each node therefore keeps its hash once computed, in
# its own `__dict__` under `_HASH`. The cached value is never pickled (`__getstate__`
# drops it): string hashes are salted per process, so a hash computed in a worker is
# wrong in the parent. Equality gets two shortcuts: the same object, and two cached
# hashes that differ; otherwise it is the generated field-by-field comparison.

_HASH = "_hash"
_COMPARED: dict[type, tuple[str, ...]] = {}  # node class -> its compared fields


def _same(left: object, right: object) -> bool:
    """Structural equality of two trees of the same class, without recursion (a sum of
    a few hundred terms is a tree that deep; equal trees from different sources meet
    in every memo)."""
    stack = [(left, right)]
    while stack:
        x, y = stack.pop()
        if x is y:
            continue
        cls = x.__class__
        names = _COMPARED.get(cls)
        if cls is not y.__class__:
            if names is not None or y.__class__ in _COMPARED or x != y:
                return False
        elif names is not None:
            mine = x.__dict__.get(_HASH)
            if mine is not None:
                theirs = y.__dict__.get(_HASH)
                if theirs is not None and theirs != mine:
                    return False
            stack.extend([(getattr(x, n), getattr(y, n)) for n in names])
        elif cls is tuple:
            if len(x) != len(y):  # type: ignore[arg-type]
                return False
            stack.extend(zip(x, y))  # type: ignore[call-overload]
        elif x != y:
            return False
    return True


def _cache_hash(cls: type) -> None:
    """Give `cls` a cached `__hash__` (one Python frame per tree level, as the generated
    one) and an iterative `__eq__` over the compared fields (the span excluded)."""
    from dataclasses import fields
    from operator import attrgetter

    names = tuple(f.name for f in fields(cls) if f.compare)
    _COMPARED[cls] = names
    values = attrgetter(*names)
    if len(names) == 1:
        single = values

        def values(node: object) -> tuple[object, ...]:  # type: ignore[misc]
            return (single(node),)

    def cached_hash(self: object) -> int:
        state = self.__dict__
        h = state.get(_HASH)
        if h is None:
            h = state[_HASH] = hash(values(self))
        return h  # type: ignore[no-any-return]

    def eq(self: object, other: object) -> bool:
        if self is other:
            return True
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _same(self, other)

    def getstate(self: object) -> dict[str, object]:
        state = self.__dict__
        if _HASH in state:
            state = dict(state)
            del state[_HASH]
        return state

    cls.__hash__ = cached_hash  # type: ignore[method-assign,assignment]
    cls.__eq__ = eq  # type: ignore[method-assign,assignment]
    cls.__getstate__ = getstate  # type: ignore[attr-defined]


for _node in (Num, Name, Call, BinOp, Neg, Relation, Comparison, Membership, Inclusion,
              Truth, Not, And, Or, Implies, Forall):
    _cache_hash(_node)
