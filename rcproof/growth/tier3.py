"""Tier 3: comparisons outside the monomial fragment, by the native exp-log engine.

Order of attempts: Tier 1 itself (exact growth algebra); Tier 1 on the logarithms
(`growth.bylogs`: f = o(g) iff log g − log f → +∞, which settles `2^n` against `n^n`
without loading the engine or sympy); then the exp-log engine (`rcproof.growth.explog`,
Gruntz's algorithm), which yields lim f/g exactly and therefore every Landau relation
and `~`. Both are deterministic: the engine counts its
work with `rcproof.budget.spend`, so the same question gets the same answer on an idle
and on a loaded machine. No oracle (sympy's `limit`, numeric trends) is consulted on
the verdict path; sympy's `limit` lives on only as a differential test and in the
benchmark (`bench/explog.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from fractions import Fraction
from typing import TypeVar

from rcproof.budget import DEFAULT_UNITS, Budget, BudgetExhausted, budget_scope, current
from rcproof.growth.bylogs import order_by_logs
from rcproof.growth.compare import Order, compare, holds
from rcproof.growth.errors import GrowthError, NotInFragment, SignUnknown
from rcproof.syntax.ast import Expr

T = TypeVar("T")

_ENGINE_SHARE = 40  # without a theorem's budget, one comparison gets DEFAULT_UNITS / 40


def _scope(budget_seconds: float) -> AbstractContextManager[object]:
    """The theorem's budget when the prover set one; else a budget for this comparison
    alone, scaled linearly by `budget_seconds` (2 s ↦ DEFAULT_UNITS / _ENGINE_SHARE)."""
    if current().limit is not None:
        return nullcontext()
    units = max(1, int(DEFAULT_UNITS / _ENGINE_SHARE * budget_seconds / 2.0))
    return budget_scope(Budget(units))


def _tier1(f: Expr, g: Expr) -> Order | str | None:
    try:
        return compare(f, g)
    except (SignUnknown, NotInFragment):
        return None
    except GrowthError as exc:  # eventually negative or zero: no growth order exists
        return exc.reason


def _engine(f: Expr, g: Expr, budget_seconds: float) -> object:
    """The engine's `Comparison`, or the reason (str) it stays undecided."""
    from rcproof.growth import explog

    try:
        with _scope(budget_seconds):
            return explog.compare(f, g)
    except explog.Undecided as exc:
        return exc.reason
    except BudgetExhausted as exc:
        return f"{exc.reason} (Tier 3, exp-log engine)"
    except RecursionError:  # nesting deeper than Python's stack: no verdict, no traceback
        return "the exp-log engine's recursion is nested too deeply for this comparison"


def _by_logs(f: Expr, g: Expr, budget_seconds: float) -> Order | str | None:
    """The logarithm step (`growth.bylogs`) under the same budget as the engine: its
    order, the reason it ran out of budget, or None (the engine decides)."""
    try:
        with _scope(budget_seconds):
            return order_by_logs(f, g)
    except BudgetExhausted as exc:
        return f"{exc.reason} (Tier 3, comparing logarithms)"
    except RecursionError:
        return None


def compare_by_limit(f: Expr, g: Expr, budget_seconds: float = 2.0) -> Order | str:
    """Tier 3: the order of f against g, or a string saying why it stays unknown."""
    first = _tier1(f, g)
    if first is not None:
        return first
    by_logs = _by_logs(f, g, budget_seconds)
    if by_logs is not None:
        return by_logs
    answer = _engine(f, g, budget_seconds)
    return answer if isinstance(answer, str) else answer.order  # type: ignore[attr-defined]


def relation_by_limit(f: Expr, g: Expr, rel: str, budget_seconds: float = 2.0) -> bool | str:
    """Whether `f rel g` (rel in O, Omega, Theta, o, omega, ~), or why it stays unknown.

    `~` is decided from the engine's exact ratio (lim f/g = 1 exactly), never from an
    interval that merely contains 1."""
    answer = decide_by_limit(f, g, rel, budget_seconds)
    return answer if isinstance(answer, str) else answer[0]


def decide_by_limit(f: Expr, g: Expr, rel: str, budget_seconds: float = 2.0
                    ) -> tuple[bool, Order] | str:
    """(whether `f rel g`, the order of f against g that decided it), or why it stays
    unknown; the order is what a refutation names (`exp(n) = ω(n⁵)`, not O)."""
    first = _tier1(f, g)
    if isinstance(first, str):
        return first
    if first is not None:
        value = holds(first, rel)
        if value is not None:
            return value, first
    else:
        by_logs = _by_logs(f, g, budget_seconds)  # o or omega: every relation follows
        if isinstance(by_logs, str):
            return by_logs
        if by_logs is not None:
            return bool(holds(by_logs, rel)), by_logs
    answer = _engine(f, g, budget_seconds)
    if isinstance(answer, str):
        return answer
    return answer.holds(rel), answer.order  # type: ignore[attr-defined]


def relation_with_parameters(f: Expr, g: Expr, rel: str, where: object,
                             budget_seconds: float = 2.0) -> bool | str:
    """Whether `f rel g` for every parameter value in `where` (an explog `Range`), by
    the exp-log engine deciding each sign uniformly over the range; or why it stays
    unknown (e.g. the parameter condition the answer depends on)."""
    from rcproof.growth import explog

    def ask() -> bool:
        answer = explog.compare(f, g, where)  # type: ignore[arg-type]
        with explog.parameter_scope(where):  # type: ignore[arg-type]
            return answer.holds(rel)

    return _guarded(ask, budget_seconds)


def relation_by_cases(f: Expr, g: Expr, rel: str, where: object,
                      budget_seconds: float = 2.0) -> list[object] | str:
    """`f rel g` over the parameter range `where`, split where the answer changes: a
    list of `explog.split.Part` (one part with no cuts when the answer is uniform over
    the whole range; otherwise the admissible parts, each with the engine's uniform
    answer there or the reason it stays undecided), or why no part could be asked (the
    budget, the recursion)."""
    from rcproof.growth import explog
    from rcproof.growth.explog.split import cases, pinned

    def ask(part: object) -> bool:
        fixed = pinned(part)  # type: ignore[arg-type]
        left, right = _instance(f, fixed), _instance(g, fixed)
        answer = explog.compare(left, right, part)  # type: ignore[arg-type]
        with explog.parameter_scope(part):  # type: ignore[arg-type]
            return answer.holds(rel)

    return _guarded(lambda: cases(ask, where), budget_seconds)  # type: ignore[arg-type]


def _instance(e: Expr, values: dict[str, Fraction]) -> Expr:
    """e with the parameters in `values` replaced by their (rational) values."""
    from rcproof.syntax import ast as A
    from rcproof.syntax.walk import rewrite

    if not values:
        return e

    def change(x: object) -> object | None:
        if isinstance(x, A.Name) and x.id in values:
            v = values[x.id]
            return A.Neg(A.Num(-v)) if v < 0 else A.Num(v)
        return None

    return rewrite(e, change)  # type: ignore[return-value]


def _guarded(question: Callable[[], T], budget_seconds: float) -> T | str:
    """`question()` under the comparison's budget; its Undecided, budget exhaustion or
    too deep recursion as the reason (str)."""
    from rcproof.growth import explog

    try:
        with _scope(budget_seconds):
            return question()
    except explog.Undecided as exc:
        return exc.reason
    except BudgetExhausted as exc:
        return f"{exc.reason} (Tier 3, exp-log engine)"
    except RecursionError:
        return "the exp-log engine's recursion is nested too deeply for this comparison"
