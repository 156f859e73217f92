"""Deterministic z3 budgets: resource limits (rlimit) rather than wall-clock time.

Two limits apply to every query, both counted in z3's own resource units (its `rlimit`
counter, which is deterministic for a given z3 version and input):

* a per-query cap, `rlimit()` (`--budget` scales it); a query that reaches it answers
  `unknown`, the same on every machine, so that answer may be cached;
* the per-theorem work budget of `rcproof.budget`: each query may use at most what is
  left of it, and what the query used (read from the solver's "rlimit count" statistic,
  which counts per context) is spent from it. A query stopped by this limit raises
  `BudgetExhausted`, so the theorem is `unknown` naming the budget, and nothing is cached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rcproof import budget
from rcproof.runtime import keep_ctrl_c_in_python

if TYPE_CHECKING:
    import z3

DEFAULT_RLIMIT = 2_000_000
_rlimit = DEFAULT_RLIMIT
_WHAT = "deciding with z3 (Tier 2)"


def set_rlimit(value: int) -> None:
    """Set the per-query z3 resource limit (`--budget`)."""
    global _rlimit
    _rlimit = max(1000, int(value))


def rlimit() -> int:
    return _rlimit


def _count(solver: z3.Solver) -> int:
    """The context's cumulative rlimit counter (0 if z3 does not report it)."""
    import z3

    try:
        return int(solver.statistics().get_key_value("rlimit count"))
    except z3.Z3Exception:
        return 0


def check(solver: z3.Solver) -> z3.CheckSatResult:
    """`solver.check()` under both limits (see the module docstring).

    Raises BudgetExhausted when the theorem's budget is spent before or during the query."""
    import z3

    current = budget.current()
    left = current.remaining
    if left is not None and left <= 0:
        current.spend(1, _WHAT)  # raises: nothing is left
    cap = _rlimit if left is None else min(_rlimit, left)
    before = _count(solver)
    solver.set("rlimit", cap)
    keep_ctrl_c_in_python(z3)
    result = solver.check()
    used = max(0, _count(solver) - before)
    if result == z3.unknown and cap < _rlimit and used >= cap:
        current.spend(max(used, cap + 1), _WHAT)  # stopped by the theorem's budget
    current.spend(used if left is None else min(used, left), _WHAT)
    return result
