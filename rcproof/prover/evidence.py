"""Evidence as data: the kernel rule calls that made a theorem's verdict, recorded so a
later run can replay them through the kernel without the engine's search.

The engine calls the kernel's theorem-making rules through `call(name, *args)`. While a
`Trace` is open (one per fact being verified, innermost first), each call is written
down as (rule name, arguments, whether it made a theorem). Arguments are kept as they
are (core terms, queries, definition tables, witness families: data), except theorems,
which cannot be stored (kernel/theorem.py): a theorem made by an earlier call of the
same trace becomes `Made(i)`, and the theorem of another fact's verdict (a `by NAME` or
`using NAME` premise) becomes `FactTheorem(path, name)`. A call whose arguments hold any
other theorem leaves the trace unusable (`broken`): that fact is then not stored.

`replay(record, theorem_of)` calls the same rules, in order, with the same arguments
(premises replaced by the theorems the replay itself made, or by the current verdicts'
theorems of the named facts) and rebuilds the `Verdict` from the recorded data and the
theorem the last calls made. Nothing recorded is trusted: every theorem comes out of a
kernel rule that re-checks it, and `Verdict` refuses a `proved`/`refuted` status whose
theorem does not state exactly its statement. A record that does not replay (a rule
that now refuses, a rule that now accepts where it refused, an unknown rule name, a
missing premise) gives None, and the caller verifies the fact afresh: a stale or forged
record costs time, never a verdict. This is the "evidence, which the receiving kernel
replays" of ARCHITECTURE.md (The trusted kernel); the model is the proof terms of
LCF-style provers (HOL Light's proof recording), kept as a flat list of rule calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rcproof.kernel import Theorem, Verdict, rules
from rcproof.syntax import core as A

# The kernel's rules that make theorems; no other name is ever called on replay.
RULES = frozenset({"ground", "oracle", "axiom", "unfold", "discharge", "instance",
                   "witness", "refute_conjunction"})


class Made(NamedTuple):
    """The theorem made by call number `index` of the same trace."""

    index: int


class FactTheorem(NamedTuple):
    """The theorem of the verdict of fact `name` of file `path`."""

    path: str
    name: str


class _Broken(Exception):
    """An argument holds a theorem the trace cannot name."""


@dataclass
class Trace:
    """The rule calls made while one fact was verified (`calls`: name, positional and
    keyword arguments with theorems encoded, and whether the call made a theorem)."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any], bool]] = field(default_factory=list)
    broken: bool = False
    _made: dict[int, tuple[int, Theorem]] = field(default_factory=dict)

    def note(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any],
             result: Theorem | None) -> None:
        if self.broken:
            return
        try:
            encoded = (_encode(args, self._made), {k: _encode(v, self._made)
                                                   for k, v in kwargs.items()})
        except _Broken:
            self.broken = True
            return
        if result is not None:
            self._made[id(result)] = (len(self.calls), result)  # kept alive: ids stay unique
        self.calls.append((name, encoded[0], encoded[1], result is not None))

    def ref(self, thm: Theorem | None) -> Made | FactTheorem | None:
        """How this trace names `thm` (a verdict's theorem); raises _Broken if it cannot."""
        return None if thm is None else _encode(thm, self._made)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Record:
    """A fact's verdict as data: the recorded rule calls, and the verdict's fields with
    its theorem named by reference (`theorem`). Picklable; holds no Theorem."""

    calls: tuple[tuple[str, tuple[Any, ...], dict[str, Any], bool], ...]
    theorem: Made | FactTheorem | None
    status: str
    statement: A.Prop
    tiers: tuple[str, ...]
    reason: Any
    counterexample: Any
    steps: tuple[Any, ...]


_open: list[Trace] = []  # the traces of the facts being verified, innermost last
_facts: dict[int, tuple[FactTheorem, Theorem]] = {}  # verdict theorems by id, kept alive


def call(name: str, *args: Any, **kwargs: Any) -> Any:
    """`rules.<name>(*args, **kwargs)`, written down in the innermost open trace."""
    result = getattr(rules, name)(*args, **kwargs)
    if _open:
        _open[-1].note(name, args, kwargs, result)
    return result


def open_trace() -> Trace:
    trace = Trace()
    _open.append(trace)
    return trace


def close_trace(trace: Trace) -> None:
    if _open and _open[-1] is trace:
        _open.pop()


def verdict_made(path: str, name: str, verdict: Verdict) -> None:
    """Remember that `verdict.theorem` is fact `name`'s: later traces name it so."""
    if verdict.theorem is not None:
        _facts[id(verdict.theorem)] = (FactTheorem(path, name), verdict.theorem)


def forget() -> None:
    """Drop the verdict theorems remembered by `verdict_made` (at the end of a run)."""
    _facts.clear()


def record(trace: Trace, verdict: Verdict) -> Record | None:
    """The verdict with the trace that made it, or None when it cannot be stored (a broken
    trace, an `error` verdict, a theorem the trace did not make)."""
    if trace.broken or verdict.status == "error":
        return None
    try:
        ref = trace.ref(verdict.theorem)
    except _Broken:
        return None
    return Record(tuple(trace.calls), ref, verdict.status, verdict.statement,
                  verdict.tiers, verdict.reason, verdict.counterexample, verdict.steps)


def _encode(value: Any, made: dict[int, tuple[int, Theorem]]) -> Any:
    if isinstance(value, Theorem):
        if id(value) in made:
            return Made(made[id(value)][0])
        if id(value) in _facts:
            return _facts[id(value)][0]
        raise _Broken
    if type(value) in (list, tuple):
        return type(value)(_encode(v, made) for v in value)
    return value


def replay(rec: Record, statement: A.Prop,
           theorem_of: Callable[[str, str], Theorem | None]) -> Verdict | None:
    """The recorded verdict of `statement`, its theorem made again by the kernel's rules
    from the recorded calls; None when the record does not replay exactly (see above).
    `theorem_of(path, name)`: the current verdict theorem of another fact, or None."""
    if rec.statement != statement:
        return None
    made: list[Theorem | None] = []

    def decode(value: Any) -> Any:
        if isinstance(value, Made):
            if not 0 <= value.index < len(made) or made[value.index] is None:
                raise _Broken
            return made[value.index]
        if isinstance(value, FactTheorem):
            thm = theorem_of(value.path, value.name)
            if thm is None:
                raise _Broken
            return thm
        if type(value) in (list, tuple):
            return type(value)(decode(v) for v in value)
        return value

    try:
        for name, args, kwargs, made_one in rec.calls:
            if name not in RULES:
                return None
            result = getattr(rules, name)(*decode(args),
                                          **{k: decode(v) for k, v in kwargs.items()})
            if (result is not None) != made_one:
                return None
            made.append(result)
        theorem = decode(rec.theorem) if rec.theorem is not None else None
        return Verdict(rec.status, statement, theorem, rec.tiers, rec.reason,
                       rec.counterexample, rec.steps)
    except (_Broken, ValueError, TypeError):
        return None
