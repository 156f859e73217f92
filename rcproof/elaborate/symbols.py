"""What a name can stand for after elaboration, and the scope that maps names to them.

The symbols carry what elaboration and the engine want (source paths, solved
recurrences, surface theorem forms); `Scope.definitions` freezes them into the kernel's
definition table (syntax/definitions.Definitions), the only form in which definitional
unfolding and the kernel's rules see declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from rcproof.syntax import core as A
from rcproof.syntax import decls as D
from rcproof.syntax import definitions as T


@runtime_checkable
class Solved(Protocol):
    """A solved recurrence (elaborate/recurrence.Derivation), seen from here by its text."""

    resource: str
    method: str  # "Akra–Bazzi" or "subtract and conquer"

    def describe(self) -> str: ...

BUILTINS = T.BUILTINS
TSTAR = T.TSTAR
RESERVED = {"n", "oo", TSTAR} | set(BUILTINS)


@dataclass(frozen=True)
class ParamSym:
    """`param x : real where …`: one fixed real known only through its constraints."""

    name: str
    constraints: tuple[A.Prop, ...]
    decl: D.ParamDecl

    def definition(self) -> T.Definition:
        return self.decl


@dataclass(frozen=True)
class LetSym:
    name: str
    expr: A.Expr
    decl: D.LetDecl

    def definition(self) -> T.Definition:
        return self.decl


@dataclass(frozen=True)
class FunSym:
    """`fun f`: one fixed abstract function Θ(n^a log^b n loglog^c n), a, b, c unknown."""

    name: str
    decl: D.FunDecl

    def definition(self) -> T.Definition:
        return self.decl


@dataclass(frozen=True)
class FamilySym:
    """A family; `decl` states every resource in closed form (a recurrence replaced by
    the closed form it was solved to), `derivations` records how (elaborate/recurrence)."""

    name: str
    decl: D.FamilyDecl
    path: str
    derivations: tuple[Solved, ...] = ()

    def resources(self) -> dict[str, D.Resource]:
        return {item.name: item for item in self.decl.items if isinstance(item, D.Resource)}

    def definition(self) -> T.Definition:
        return self.decl


@dataclass(frozen=True)
class ClassSym:
    """A class; `notes` maps source lines of its constraints to their trailing comments,
    which name the law each constraint states ("causality: …"). `resources` are the
    member's resources its constraints mention (`size`, `depth`, …), resolved once in the
    scope where the class is declared, so a later or importing file's declarations
    cannot change what the class means."""

    name: str
    decl: D.ClassDecl
    path: str
    notes: tuple[tuple[int, str], ...] = ()
    resources: tuple[str, ...] = ()

    def note(self, line: int) -> str | None:
        return dict(self.notes).get(line)

    def definition(self) -> T.Definition:
        return T.Class(self.name, self.decl, self.notes, self.resources)


@dataclass(frozen=True)
class FactSym:
    """A named proposition: axiom, cite, theorem or lemma."""

    name: str
    kind: str  # "axiom" | "cite" | "theorem" | "lemma"
    prop: A.Prop
    # syntax/decls.Axiom or Cite, or syntax/ast.Theorem (a surface form, outside the
    # trusted base: the kernel reads only `prop`, and `reference` of a citation)
    decl: object
    path: str

    @property
    def reference(self) -> str | None:
        return self.decl.reference if isinstance(self.decl, D.Cite) else None

    def definition(self) -> T.Definition | None:
        """An axiom or a citation (theorems and lemmas are not definitions)."""
        return self.decl if isinstance(self.decl, (D.Axiom, D.Cite)) else None


Symbol = ParamSym | LetSym | FunSym | FamilySym | ClassSym | FactSym

KIND_WORDS = {
    ParamSym: "parameter", LetSym: "abbreviation", FunSym: "abstract function",
    FamilySym: "family", ClassSym: "class", FactSym: "fact",
}


def kind_word(sym: Symbol) -> str:
    return KIND_WORDS[type(sym)]


@dataclass
class Scope:
    """The names visible in one file: its own declarations and everything it imports."""

    symbols: dict[str, Symbol] = field(default_factory=dict)
    _frozen: tuple[tuple[tuple[str, Symbol], ...], T.Definitions] | None = field(
        default=None, compare=False, repr=False)

    @property
    def definitions(self) -> T.Definitions:
        """The definition table of these names (syntax/definitions.Definitions): built once,
        and again only if a symbol was added or replaced since (the fingerprint holds the
        names and symbol objects themselves, compared by identity first), so it is never
        stale."""
        mark = tuple(self.symbols.items())
        if self._frozen is None or self._frozen[0] != mark:
            pairs = ((name, sym.definition()) for name, sym in self.symbols.items())
            table = T.Definitions(tuple(sorted(
                ((name, d) for name, d in pairs if d is not None), key=lambda item: item[0])))
            self._frozen = (mark, table)
        return self._frozen[1]

    def get(self, name: str) -> Symbol | None:
        return self.symbols.get(name)

    def names(self) -> set[str]:
        return set(self.symbols)

    def params(self) -> list[ParamSym]:
        return [s for s in self.symbols.values() if isinstance(s, ParamSym)]
