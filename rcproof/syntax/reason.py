"""Why a verdict is what it is, as data.

A `Reason` is an immutable sequence of segments: prose (`Text`), a proposition or
expression (`Formula`), assignments `name = value` (`Assignments`, the shape of a
counter-example), a reference to a declared name (`Ref`: an axiom, a theorem, a
tactic) and a typed unfolding problem (`UnfoldProblem`, syntax/unfoldproblem.py: what a
definition lacks; `problem_segments` words it as prose and formulas). The prover
builds reasons from the objects it decided; every report prints the segments with its
own printer (`str(reason)` is the Unicode text of `notation.to_text`;
`report/latex.py` typesets the formulas with `notation.to_latex`), so no report reads a
reason's text back (issue 11, "Reports only print").

`because(*parts)` builds a reason: a `str` is prose, an `A.Expr`/`A.Prop` a formula, a
segment or another `Reason` is spliced in. Reasons concatenate with `+` (also with a
`str`, which is prose) and join with `Reason.join`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Union

from rcproof.syntax import ast as A
from rcproof.syntax.unfoldproblem import Missing, UnfoldProblem

# Assigned things (a variable, or a resource such as size(C)) and their values (a number
# or a function of n; text only for a value with no expression).
Pairs = tuple[tuple[A.Expr, "A.Expr | str"], ...]


@dataclass(frozen=True)
class Text:
    """Prose, printed as it is (escaped by the LaTeX printer)."""

    text: str


@dataclass(frozen=True)
class Formula:
    """A proposition or an expression, printed by the report's formula printer.

    `text`, when given, is the form the text printer shows instead of `to_text(node)`
    (the wording `verify` has always printed, e.g. `not P` or `a <= 3/2`); the LaTeX
    printer always typesets `node`."""

    node: A.Prop | A.Expr
    text: str | None = None


@dataclass(frozen=True)
class Assignments:
    """`x = v, size(C) = n²`: what is assigned and its value, as data."""

    pairs: Pairs


@dataclass(frozen=True)
class Ref:
    """A declared name (`kind` is axiom, cite, theorem, lemma, tactic, …), printed as
    the bare name in text and in typewriter type in LaTeX."""

    kind: str
    name: str


Segment = Text | Formula | Assignments | Ref | UnfoldProblem
Part = Union[str, A.Expr, A.Prop, Segment, "Reason"]
_SEGMENTS = (Text, Formula, Assignments, Ref, UnfoldProblem)


def _law(p: UnfoldProblem) -> tuple[Text | Formula, ...]:
    """A class law: its name (from its comment), its line, or the relation itself."""
    law = p.law
    if isinstance(law, str):
        return (Text(f"`{law}`"),)
    if law is None:
        return (Text("a law"),)
    if law.span is not None:
        return (Text(f"on line {law.span.line}"),)
    return (Formula(law),)


def problem_segments(p: UnfoldProblem) -> tuple[Text | Formula, ...]:
    """The words of a typed unfolding problem (syntax/unfoldproblem.py), as prose and
    formulas: what every printer shows for it."""
    k, var = p.kind, p.variable
    words: dict[Missing, tuple[Text | Formula, ...]] = {
        Missing.UNDECLARED: (Text(f"'{p.name}' is not a {p.what} here"),),
        Missing.ARITY: (Text(f"the arguments of {p.what} {p.name} do not fit its "
                             f"parameters ({p.detail}"
                             f"{' ' + p.parameter if p.parameter else ''})"),),
        Missing.MALFORMED: (Text(f"not {p.what}: {p.detail}"),),
        Missing.LAW_NOT_LANDAU: (Text(f"class {p.name}: a law is not a Landau relation"),),
        Missing.LAW_BOTH_SIDES: (Text("the constraint "), *_law(p),
                                 Text(f" mentions {var} on both sides"),),
        Missing.LAW_UNSOLVABLE: (Text("cannot solve the constraint "), *_law(p),
                                 Text(f" for {var}")),
        Missing.LAW_NO_BOUND: (Text("the constraint "), *_law(p),
                               Text(f" does not bound {var}")),
        Missing.WITNESS_NOT_EXACT: (Text("the witness offered for a strict inclusion is "
                                         "not a family with exact resources"),),
        Missing.NO_FULLEST_MEMBER: (Text(f"class {p.name} has no upper bound on its time; "
                                         "no witness family can be built"),),
        Missing.WITNESS_OUTSIDE: (Text(f"the fullest member of {p.name} is no witness: "
                                       f"{p.detail}"),),
        Missing.TSTAR_NO_CLASS: (Text(f"no class {'named ' + p.name + ' ' if p.name else ''}"
                                      "of the RC shape is chosen for tstar"),),
        Missing.TSTAR_UPPER: (Text(f"t* in class {p.name} is undefined: a law other than "
                                   "the budget bounds t from above, so the least t may "
                                   "not be admissible"),),
        Missing.TSTAR_STRICT: (Text(f"t* in class {p.name} is undefined: a law bounds t "
                                    "strictly (o or omega), so no least realization time "
                                    "exists"),),
        Missing.TSTAR_NO_LOWER: (Text(f"class {p.name} puts no lower bound on its time t"),),
        Missing.TSTAR_OUTSIDE: (Text(f"t* in class {p.name} is undefined here: its "
                                     "constraint "), *_law(p),
                                Text(" (free of its time t) "
                                     + ("fails for this family, so it is in no "
                                        f"{p.name} class at all" if p.detail == "fails"
                                        else "was not shown to hold for this family, "
                                        f"so it may be in no {p.name} class at all")),),
    }
    return words[k]


def segment_text(seg: Segment) -> str:
    """One segment as Unicode text (the printer of `verify`, `--json` and the API)."""
    from rcproof.syntax.notation import assignments_text, to_text

    if isinstance(seg, Text):
        return seg.text
    if isinstance(seg, Formula):
        return seg.text if seg.text is not None else to_text(seg.node)
    if isinstance(seg, Assignments):
        return assignments_text(seg.pairs)
    if isinstance(seg, UnfoldProblem):
        return "".join(segment_text(s) for s in problem_segments(seg))
    return seg.name


@dataclass(frozen=True)
class Reason:
    """An immutable sequence of segments; `str()` gives its text."""

    segments: tuple[Segment, ...] = ()

    def __post_init__(self) -> None:
        for seg in self.segments:
            if not isinstance(seg, _SEGMENTS):
                raise TypeError(f"a reason segment must be Text, Formula, Assignments, "
                                f"Ref or UnfoldProblem, not {type(seg).__name__}")

    def __str__(self) -> str:
        return "".join(segment_text(s) for s in self.segments)

    def __contains__(self, text: object) -> bool:
        """Whether the text of the reason contains `text` (for tests and tools; reports
        print the segments and never search the text)."""
        return isinstance(text, str) and text in str(self)

    def __bool__(self) -> bool:
        return any(not isinstance(s, Text) or s.text for s in self.segments)

    def __add__(self, other: Part) -> Reason:
        return because(self, other)

    def __radd__(self, other: Part) -> Reason:
        return because(other, self)

    def join(self, reasons: Iterable[Reason]) -> Reason:
        """The reasons with this one between each two (like `str.join`)."""
        out: list[Part] = []
        for i, r in enumerate(reasons):
            if i:
                out.append(self)
            out.append(r)
        return because(*out)

    def splice(self, old: Segment, new: Reason) -> Reason:
        """This reason with each segment equal to `old` replaced by the segments of `new`."""
        out: list[Segment] = []
        for seg in self.segments:
            out.extend(new.segments if seg == old else (seg,))
        return Reason(tuple(out))

    def shows(self, pairs: Pairs | None) -> bool:
        """Whether the reason already states these assignments (a counter-example)."""
        return bool(pairs) and any(isinstance(s, Assignments) and s.pairs == pairs
                                   for s in self.segments)

    def formulas(self) -> tuple[A.Prop | A.Expr, ...]:
        """The propositions and expressions the reason names (for tests and tools)."""
        return tuple(s.node for s in self.segments if isinstance(s, Formula))


def render(reason: Reason, prose: Callable[[str], str],
           formula: Callable[[A.Prop | A.Expr], str],
           name: Callable[[Ref], str] | None = None) -> str:
    """A reason in another notation (LaTeX): `prose` prints text, `formula` a formula,
    `name` a reference (default: as prose). An assignment `x = v` is the formula of the
    equation; a value with no expression stays prose (`x has growth vector (…)`)."""
    out: list[str] = []
    for seg in reason.segments:
        if isinstance(seg, Text):
            out.append(prose(seg.text))
        elif isinstance(seg, Formula):
            out.append(formula(seg.node))
        elif isinstance(seg, Assignments):
            items = [formula(A.Comparison((key, value), ("==",))) if not isinstance(value, str)
                     else formula(key) + prose(f" has {value}") for key, value in seg.pairs]
            out.append(prose(", ").join(items))
        elif isinstance(seg, UnfoldProblem):
            out.append(render(Reason(problem_segments(seg)), prose, formula, name))
        else:
            out.append(name(seg) if name is not None else prose(seg.name))
    return "".join(out)


def because(*parts: Part) -> Reason:
    """A reason from its parts: prose, formulas, segments and other reasons, in order."""
    out: list[Segment] = []
    for part in parts:
        if isinstance(part, Reason):
            out.extend(part.segments)
        elif isinstance(part, str):
            if part:
                out.append(Text(part))
        elif isinstance(part, _SEGMENTS):
            out.append(part)
        elif isinstance(part, A.Expr | A.Prop):
            out.append(Formula(part))
        else:
            raise TypeError(f"cannot make a reason segment of {type(part).__name__}")
    return Reason(tuple(out))


def joined(sep: str, reasons: Iterable[Reason]) -> Reason:
    """The reasons with the prose `sep` between each two."""
    return because(sep).join(reasons)


def as_text(reason: Reason | None) -> str | None:
    """The text of an optional reason (None stays None): the JSON `reason` field."""
    return None if reason is None else str(reason)
