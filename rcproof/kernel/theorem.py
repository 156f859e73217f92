"""The abstract type of theorems (LCF style, after HOL Light's `fusion.ml`).

A `Theorem` is `hypotheses ⊢ proposition`, tagged with the oracles (external deciders:
z3, the limit engine) and the axioms/citations it rests on. Only the rules of
`rcproof.kernel.rules` make one: the class cannot be called, its fields cannot be set,
and it can be neither pickled nor copied into a new object, so a theorem read from a
cache or received from a worker process does not exist — such evidence is *replayed*
through the rules instead. (Python cannot stop code that reaches into `object.__new__`
on purpose; the contract is that nothing in rcproof outside `rules.py` does, checked by a
test that greps the tree.)
"""

from __future__ import annotations

from typing import NoReturn

from rcproof.syntax import core as A

_SEAL = object()


class Theorem:
    """`hypotheses ⊢ prop`: propositions are core terms (syntax trees after unfolding or
    as stated); `oracles` and `axioms` are sorted tuples of names."""

    __slots__ = ("_axioms", "_hypotheses", "_oracles", "_prop")

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise TypeError("a Theorem is made only by the kernel's rules (rcproof.kernel.rules)")

    @property
    def prop(self) -> A.Prop:
        return self._prop  # type: ignore[no-any-return]

    @property
    def hypotheses(self) -> tuple[A.Prop, ...]:
        return self._hypotheses  # type: ignore[no-any-return]

    @property
    def oracles(self) -> tuple[str, ...]:
        return self._oracles  # type: ignore[no-any-return]

    @property
    def axioms(self) -> tuple[str, ...]:
        return self._axioms  # type: ignore[no-any-return]

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("a Theorem cannot be changed")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("a Theorem cannot be changed")

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Theorem cannot be pickled: send its evidence and replay it")

    def __copy__(self) -> Theorem:
        return self

    def __deepcopy__(self, memo: object) -> Theorem:
        return self

    def __repr__(self) -> str:
        hyps = f"{len(self.hypotheses)} hypotheses " if self.hypotheses else ""
        return f"<Theorem {hyps}⊢ {type(self.prop).__name__}; oracles={list(self.oracles)}>"


def make(hypotheses: tuple[A.Prop, ...], prop: A.Prop, oracles: set[str] | tuple[str, ...],
         axioms: set[str] | tuple[str, ...], seal: object) -> Theorem:
    """The one constructor; `seal` must be the kernel's (only rules.py holds it)."""
    if seal is not _SEAL:
        raise TypeError("a Theorem is made only by the kernel's rules")
    thm = object.__new__(Theorem)
    object.__setattr__(thm, "_hypotheses", tuple(hypotheses))
    object.__setattr__(thm, "_prop", prop)
    object.__setattr__(thm, "_oracles", tuple(sorted(set(oracles))))
    object.__setattr__(thm, "_axioms", tuple(sorted(set(axioms))))
    return thm


def seal_for_rules() -> object:
    """Handed once to rules.py at import; any later call is refused."""
    global _SEAL_GIVEN
    if _SEAL_GIVEN:
        raise RuntimeError("the kernel's seal was already taken")
    _SEAL_GIVEN = True
    return _SEAL


_SEAL_GIVEN = False
