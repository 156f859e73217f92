"""The Python API, for notebooks and scripts: thin calls over the same pipeline as the
command line, returning typed results that print as the CLI does and display typeset in
Jupyter (`_repr_latex_`).

    >>> import rcproof
    >>> report = rcproof.verify_text("lemma l: log(n)^5 = o(n)")
    >>> report["l"].status
    'proved'
    >>> str(rcproof.compare("n^2", "n*log(n)").rel)
    'omega'

Input errors (syntax, names, kinds, imports, a bad dimension) raise `rcproof.RcError`,
whose `str` is the located message the CLI prints.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Literal, ParamSpec, TypeVar

from rcproof import runtime  # noqa: F401  (interpreter limits)
from rcproof.budget import SCALE_RANGE
from rcproof.elaborate.loader import SourceFile
from rcproof.errors import RcError
from rcproof.kernel import Counterexample
from rcproof.prover.run import Result
from rcproof.realization import TightBound
from rcproof.relation import Comparison
from rcproof.syntax.reason import as_text

P = ParamSpec("P")
R = TypeVar("R")

Status = Literal["proved", "refuted", "unknown", "axiom", "cited", "vacuous", "error"]

__all__ = ["BoundResult", "Comparison", "RcError", "Report", "TheoremResult", "bound",
           "compare", "verify_file", "verify_text"]

@dataclass(frozen=True)
class TheoremResult:
    """One theorem's verdict.

    `statement` is the Unicode text of the proposition; `counterexample` maps each
    name (a parameter, or a resource or function such as `size(C)`) to its value, for a
    refutation that has one; `axioms` are the axioms and citations the verdict rests
    on and `oracles` the outside deciders it trusted (z3, …), when the verdict has them."""

    name: str
    kind: str
    path: str
    line: int
    status: Status
    statement: str
    reason: str | None
    counterexample: Mapping[str, str] | None
    axioms: tuple[str, ...]
    oracles: tuple[str, ...]
    ms: float
    _result: Result
    _dims: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        """Proved, or taken as given (axiom, cited)."""
        return self.status in ("proved", "axiom", "cited")

    def __str__(self) -> str:
        line = f"{self.status:<8} {self.name}  {self.statement}"
        if self.reason and self.status != "proved":
            line += f"\n  ↳ {self.reason}"
        return line

    def _repr_latex_(self) -> str:
        from rcproof.syntax.notation import indexed_classes, to_latex

        with indexed_classes(self._dims):
            prop = to_latex(self._result.fact.prop)
        return (f"$\\textbf{{{self.status}}}\\ \\texttt{{{_tex_name(self.name)}}}:\\ "
                f"{prop}$")


def _tex_name(name: str) -> str:
    return name.replace("_", "\\_")


@dataclass(frozen=True)
class Report:
    """The verdicts of one or more files, in declaration order; index by position or by
    theorem name; iterate for `TheoremResult`s."""

    results: tuple[TheoremResult, ...]

    def __iter__(self) -> Iterator[TheoremResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, key: int | str) -> TheoremResult:
        if isinstance(key, int):
            return self.results[key]
        for r in self.results:
            if r.name == key:
                return r
        raise KeyError(key)

    @property
    def summary(self) -> dict[str, int]:
        from rcproof.report.verdicts import summary

        return summary([r._result for r in self.results])

    @property
    def ok(self) -> bool:
        """Every theorem proved, axiom or cited (the CLI's exit status 0)."""
        return all(r.ok for r in self.results)

    def __str__(self) -> str:
        counts = self.summary
        tail = ", ".join(f"{counts[s]} {s}" for s in counts)
        return "\n".join([*(str(r) for r in self.results), tail])

    def _repr_latex_(self) -> str:
        from rcproof.syntax.notation import indexed_classes, to_latex

        rows = []
        for r in self.results:
            with indexed_classes(r._dims):
                rows.append(f"\\textbf{{{r.status}}} & \\texttt{{{_tex_name(r.name)}}} & "
                            f"{to_latex(r._result.fact.prop)}")
        return "$\\begin{array}{lll}" + " \\\\ ".join(rows) + "\\end{array}$"


@dataclass(frozen=True)
class BoundResult:
    """t*_d of a family: `time` (Θ of it, Unicode text) or an interval `low` … `high`, or
    `cases` over intervals of a symbolic d; `laws` that bind; `member` and `tight` are
    the kernel's verdicts on membership in the class at `time` and on no smaller
    budget sufficing."""

    family: str
    dim: str
    cls: str
    time: str | None
    low: str | None
    high: str | None
    laws: tuple[str, ...]
    member: str | None
    tight: str | None
    cases: tuple[BoundResult, ...]
    note: str | None
    _bound: TightBound

    def __str__(self) -> str:
        from rcproof.report.bounds import render_bound

        return render_bound(self._bound)

    def _repr_latex_(self) -> str:
        from rcproof.report.simplify import tidy
        from rcproof.syntax.notation import to_latex
        from rcproof.syntax.reason import render

        b = self._bound
        head = f"t^*_{{{to_latex(b.dim)}}}({to_latex(b.family)})"
        if b.time is not None:
            return f"${head} = \\Theta({to_latex(tidy(b.time, theta=True))})$"
        if b.low is not None or b.high is not None:
            low = to_latex(tidy(b.low, theta=True)) if b.low is not None else "?"
            high = to_latex(tidy(b.high, theta=True)) if b.high is not None else "?"
            return f"${head} = \\Omega({low}) \\cap O({high})$"
        if b.cases:
            rows = [f"\\Theta({to_latex(tidy(c.time, theta=True))}) & "
                    + (render(c.note, lambda t: f"\\text{{{t}}}", to_latex) if c.note else "")
                    for c in b.cases if c.time is not None]
            return f"${head} = \\begin{{cases}}" + " \\\\ ".join(rows) + "\\end{cases}$"
        return f"${head}\\ \\text{{undetermined}}$"


def _from_bound(b: TightBound) -> BoundResult:
    from rcproof.report.simplify import tidy
    from rcproof.report.text import show

    def theta(e: object) -> str | None:
        return None if e is None else show(tidy(e, theta=True))  # type: ignore[arg-type]

    return BoundResult(show(b.family), show(b.dim), b.cls, theta(b.time), theta(b.low),
                       theta(b.high), b.laws, b.checked, b.tight,
                       tuple(_from_bound(c) for c in b.cases), as_text(b.note), b)


def _counterexample(pairs: Counterexample | None) -> dict[str, str] | None:
    """A counter-example as {'d': '3/2', 'size(C)': 'n^2'} (read from the verdict's data)."""
    from rcproof.report.verdicts import counterexample_json

    return counterexample_json(pairs)


def _typed(r: Result, dims: Mapping[str, str]) -> TheoremResult:
    from rcproof.report.text import show

    v = r.verdict
    return TheoremResult(r.name, r.fact.kind, r.path, r.line, v.status,  # type: ignore[arg-type]
                         show(r.fact.prop), as_text(v.reason),
                         _counterexample(v.counterexample),
                         tuple(v.axioms), tuple(v.oracles), r.ms, r, dims)


def _configure(budget: float) -> None:
    from rcproof.prover.ground import set_certificates
    from rcproof.smt.budget import DEFAULT_RLIMIT, set_rlimit

    set_rlimit(int(DEFAULT_RLIMIT * budget / 2.0))
    set_certificates(True)


def _deep(fn: Callable[P, R]) -> Callable[P, R]:
    """Run an API call on a big-stack thread (rcproof.deep), as the CLI does, so deeply
    nested input (a 2,000-term sum) is handled instead of being refused."""
    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        from rcproof.deep import run_deep

        return run_deep(lambda: fn(*args, **kwargs))
    return call


def _text(value: object, what: str) -> str:
    """`value` as expression or source text: a str, or a number (`compare("n", 1)`).
    Raises TypeError for anything else, naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Fraction)):
        raise TypeError(f"{what} must be a str (.rc text or an expression of n), "
                        f"not {type(value).__name__}")
    return str(value)


def _dimension_text(dim: object) -> str:
    """`bound`'s dimension as text for parse_dim: an int, a Fraction, a finite float, or
    a str. Raises TypeError for anything else (True, None inside lists, …) and
    ValueError for NaN and infinities, which would otherwise read as the names 'nan' and
    'inf' (review 6)."""
    if isinstance(dim, bool) or not isinstance(dim, (int, float, Fraction, str)):
        raise TypeError(f"dim must be a number >= 2 or a name such as 'd', not "
                        f"{type(dim).__name__}")
    if isinstance(dim, float) and not math.isfinite(dim):
        raise ValueError(f"dim must be a finite number >= 2 or a name, not {dim!r}")
    return str(dim)  # a float as its shortest decimal: 2.7 is 27/10


def _budget(value: object) -> float:
    """The work budget per theorem (millions of counted operations, as `--budget`).

    Raises TypeError for a non-number, ValueError for a number outside SCALE_RANGE
    (NaN and infinities included)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        raise TypeError(f"budget must be a number between {SCALE_RANGE[0]} and "
                        f"{SCALE_RANGE[1]:g}, not {type(value).__name__}")
    low, high = SCALE_RANGE
    if not low <= value <= high:  # False for NaN as well
        raise ValueError(f"budget must be between {low} and {high:g}, not {value!r}")
    return float(value)


@_deep
def verify_text(src: str, *, path: str = "<text>", budget: float = 2.0) -> Report:
    """Verify the theorems of `.rc` source text (imports resolve relative to the working
    folder; bundled modules by name). Raises RcError on an input error, TypeError when
    `src` is not a str."""
    from rcproof.elaborate.loader import load_text
    from rcproof.prover.run import Session

    if not isinstance(src, str):
        raise TypeError(f"src must be a str of .rc source text, not {type(src).__name__}")
    budget = _budget(budget)
    _configure(budget)
    unit = load_text(src.removeprefix("\ufeff"), path)
    session = Session([unit], budget)
    dims = _dimension_params([unit])
    return Report(tuple(_typed(r, dims) for r in session.run(unit)))


@_deep
def verify_file(path: str | os.PathLike[str], *, budget: float = 2.0) -> Report:
    """Verify a file, a folder (with its subfolders) or a bundled module name (`"zoo"`).
    Raises RcError on an input error, TypeError when `path` is not a path."""
    from rcproof.verify import verify_program

    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or a path, not {type(path).__name__}")
    budget = _budget(budget)
    program, files = verify_program([Path(path)], budget=budget)
    dims = _dimension_params(list(program.files.values()))
    return Report(tuple(_typed(r, dims) for _, results in files for r in results))


def _dimension_params(units: list[SourceFile]) -> dict[str, str]:
    """RC-shaped classes in scope -> their dimension parameter (typeset as K_d(f))."""
    from rcproof.report.latex import dimension_params

    return dimension_params(units)


@_deep
def compare(a: str, b: str, assume: str | tuple[str, ...] | list[str] = ()) -> Comparison:
    """The strongest relation between two expressions of n (`Comparison.rel`: `~`, `o`,
    `Theta`, `omega`, `O`, `Omega`, or None with `reason`), its tier and certificate.
    Free names are real parameters, constrained by `assume` (one assumption as a str, or
    a list of them: `"d >= 2"`, `["d >= 2", "d < 3"]`). Raises RcError on an input
    error, TypeError for arguments that are not text."""
    from rcproof.relation import compare as decide

    if not isinstance(assume, (str, tuple, list)):
        raise TypeError(f"assume must be a str or a list of str, not {type(assume).__name__}")
    assumptions = [assume] if isinstance(assume, str) else list(assume)
    return decide(_text(a, "a"), _text(b, "b"),
                  [_text(x, "each assumption") for x in assumptions])


@_deep
def bound(path_or_src: str | os.PathLike[str], family: str,
          dim: int | Fraction | str | None = None, *, params: Mapping[str, str] | None = None,
          cls: str | None = None, budget: float = 2.0) -> BoundResult:
    """t*_d of `family` (a name or an instance such as `"SMAT(p = log(n))"`) in a class
    of the RC shape (`cls`, default RC), at dimension `dim` (a number >= 2, a name such
    as `"d"` for every d >= 2, or None for the class's default).

    `path_or_src` is a path (str or Path), a bundled module name, or `.rc` source text
    (any string with a newline or a brace). Raises RcError on an input error."""
    from rcproof.elaborate.loader import load_text
    from rcproof.realization import (
        find_family,
        instance,
        load_for_bound,
        parse_dim,
        parse_instance,
        tight_bound,
    )

    if not isinstance(path_or_src, (str, os.PathLike)):
        raise TypeError("path_or_src must be a path, a bundled module name or .rc text, "
                        f"not {type(path_or_src).__name__}")
    if not isinstance(family, str):
        raise TypeError(f"family must be a str (a name or an instance), not "
                        f"{type(family).__name__}")
    _configure(_budget(budget))
    text = os.fspath(path_or_src)
    if isinstance(path_or_src, str) and ("\n" in text or "{" in text):
        units = [load_text(text.removeprefix("\ufeff"), "<text>")]
    else:
        units = load_for_bound(Path(text))
    member = instance(parse_instance(family), [f"{k}={v}" for k, v in (params or {}).items()])
    name = member.id if hasattr(member, "id") else member.func  # type: ignore[attr-defined]
    unit, _ = find_family(units, name)
    d = None if dim is None else parse_dim(_dimension_text(dim))
    return _from_bound(tight_bound(unit, member, d, budget, cls=cls))
