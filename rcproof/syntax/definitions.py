"""The definition table: what each name of a file stands for, as core terms.

At the end of elaboration each file's names are frozen into one `Definitions` table:
name -> the core definition it stands for, as its declaration form (syntax/decls.py):
`ParamDecl`, `LetDecl`, `FunDecl`, `FamilyDecl` (every resource in closed form, a
recurrence already replaced by the closed form elaboration solved it to), `Axiom`,
`Cite`, and `Class` below (a class declaration with the names of its laws). Theorems and
lemmas are not definitions: they are not in the table. Definitional unfolding
(elaborate/unfold.py) and the kernel's rules read only this table; they never see the
symbol table (elaborate/symbols.Scope), its source paths, solved-recurrence notes or
surface theorem forms. The table is immutable
and compares by content, so a table built from edited declarations is a different table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rcproof.syntax import decls as D

BUILTINS = {"log": (1, 1), "sqrt": (1, 1), "exp": (1, 1), "max": (1, 99), "min": (1, 99)}
TSTAR = "tstar"  # tstar(F, d, K): the minimal realization time (rcproof.elaborate.tstar)


@dataclass(frozen=True)
class Class:
    """A class; `notes` maps source lines of its constraints to their trailing comments
    (the name of the law each states, "causality: …"); `resources` are the member's
    resources its constraints mention, resolved where the class is declared."""

    name: str
    decl: D.ClassDecl
    notes: tuple[tuple[int, str], ...] = ()
    resources: tuple[str, ...] = ()

    @property
    def params(self) -> tuple[D.Param, ...]:
        return self.decl.params

    def note(self, line: int) -> str | None:
        return dict(self.notes).get(line)


Definition = D.ParamDecl | D.LetDecl | D.FunDecl | D.FamilyDecl | Class | D.Axiom | D.Cite


@dataclass(frozen=True)
class Definitions:
    """One file's names and what each stands for, frozen at the end of elaboration.

    `entries` are (name, definition) pairs sorted by name; `get` is a dictionary look-up
    (the dictionary and the hash are computed once, when the table is made; neither is
    part of equality). ValueError when a name occurs twice."""

    entries: tuple[tuple[str, Definition], ...] = ()
    _index: dict[str, Definition] = field(default_factory=dict, compare=False, repr=False,
                                          hash=False)
    _hash: int = field(default=0, init=False, compare=False, repr=False, hash=False)

    def __post_init__(self) -> None:
        self._index.update(self.entries)
        if len(self._index) != len(self.entries):
            raise ValueError("a definition table names each symbol once")
        object.__setattr__(self, "_hash", hash(self.entries))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[type[Definitions], tuple[tuple[tuple[str, Definition], ...]]]:
        # rebuilt from its entries: string hashes are salted per process, so the hash
        # kept by another process (a `--jobs` worker) would be wrong here
        return (Definitions, (self.entries,))

    def get(self, name: str) -> Definition | None:
        return self._index.get(name)
