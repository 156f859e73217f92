"""Why a statement cannot be unfolded exactly, as data (issue 11, typed reasons).

Definitional unfolding (elaborate/unfold.py, elaborate/tstar.py) and the engine's
witness search (prover/witness.py) raise `UnfoldError(problem)`; the statement is then
`unknown` and its reason holds the `UnfoldProblem` itself as a segment, which the
report printers word (syntax/reason.py for text and JSON, report/latex.py for LaTeX).
Nothing reads the words back: tests and tools compare `problem.kind`.

The kinds name what is missing:

* `UNDECLARED`: `name` is not a `what` (family, class) in scope;
* `ARITY`: the arguments of the `what` `name` do not fit its parameters (`detail`: the
  mismatch of elaborate/arguments.ArgumentProblem, `parameter` the one concerned);
* `MALFORMED`: a node that is no expression or statement (`detail`: its type);
* `LAW_NOT_LANDAU`: a law of class `name` is not a Landau relation;
* `LAW_BOTH_SIDES`, `LAW_UNSOLVABLE`, `LAW_NO_BOUND`: the law `law` of a class mentions
  its existential `variable` on both sides, cannot be solved for it (the t-elimination
  needs `lhs = REL(c·t^k)`), or does not bound it (k = 0);
* `WITNESS_NOT_EXACT`: the family offered for a strict inclusion does not state every
  resource exactly; `NO_FULLEST_MEMBER`: class `name` bounds its time from above by
  nothing, so no witness is built; `WITNESS_OUTSIDE`: the fullest member of class `name`
  leaves the function universe (`detail`: which resource and why);
* `TSTAR_NO_CLASS`: no class (named `name`, when given) of the RC shape is chosen for
  tstar; `TSTAR_UPPER`, `TSTAR_STRICT`, `TSTAR_NO_LOWER`: t* of class `name` is
  undefined (a law other than the budget bounds t from above; a law bounds t strictly;
  nothing bounds t from below); `TSTAR_OUTSIDE`: t* of class `name` is undefined for
  this family because the t-free constraint `law` (outside the `exists t` block, or
  inside it without t) fails for it (`detail` "fails") or is not shown (`detail`
  "unshown"): the family may be in no class instance at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rcproof.syntax import core as A


class Missing(Enum):
    """What an unfolding lacks (see the module docstring)."""

    UNDECLARED = "undeclared name"
    ARITY = "arguments do not fit"
    MALFORMED = "not a term"
    LAW_NOT_LANDAU = "law is not a Landau relation"
    LAW_BOTH_SIDES = "law mentions t on both sides"
    LAW_UNSOLVABLE = "law the t-elimination cannot solve"
    LAW_NO_BOUND = "law does not bound t"
    WITNESS_NOT_EXACT = "witness has an inexact resource"
    NO_FULLEST_MEMBER = "class has no upper bound on t"
    WITNESS_OUTSIDE = "witness outside the function universe"
    TSTAR_NO_CLASS = "no class of the RC shape for tstar"
    TSTAR_UPPER = "t* bounded from above"
    TSTAR_STRICT = "t* bounded strictly"
    TSTAR_NO_LOWER = "t* not bounded from below"
    TSTAR_OUTSIDE = "t* excluded by a t-free constraint"


Law = str | A.Relation  # a law's name (its trailing comment) or the constraint itself


@dataclass(frozen=True)
class UnfoldProblem:
    """One reason an unfolding stops; which fields are set depends on `kind`."""

    kind: Missing
    name: str = ""  # the declared name concerned (family, class, …)
    what: str = ""  # the kind of object that was expected ("family", "class")
    law: Law | None = None
    variable: str = ""  # a class's existential (source name)
    parameter: str = ""
    detail: str = ""


class UnfoldError(Exception):
    """The statement cannot be unfolded exactly; `problem` says what is missing."""

    def __init__(self, problem: UnfoldProblem) -> None:
        super().__init__(problem.kind.value)
        self.problem = problem
