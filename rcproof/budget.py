"""Work budgets: one per theorem, counted in operations, never in seconds.

A verdict must not depend on machine load (ARCHITECTURE.md, "Deterministic"), so every
engine that can run long (expansions, series, certificates, z3, the exp-log engine)
spends *work units* from the budget of the theorem being checked. When the units run
out, `BudgetExhausted` is raised; callers turn it into an `unknown` verdict whose reason
names the budget and the work that exhausted it. The same input therefore gives the same
verdict on an idle and on a loaded machine, and from the cache.

Use:

    with budget_scope(Budget(DEFAULT_UNITS)):
        ...            # engine code calls spend(k, "what") as it works

Outside any scope `spend` draws from an unlimited budget, so library code may call it
unconditionally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

DEFAULT_UNITS = 2_000_000  # work units per theorem (`--budget 2` scales this linearly)
SCALE_RANGE = (0.1, 600.0)  # what `--budget` and the API's `budget=` accept


class BudgetExhausted(Exception):
    """The theorem's work budget ran out; `reason` names the work that exhausted it."""

    def __init__(self, what: str, units: int) -> None:
        self.reason = f"budget exhausted ({units:,} work units) while {what}"
        super().__init__(self.reason)


class Budget:
    """A count of work units (int ≥ 0) that can only go down.

    `spend(k, what)` takes k units (k ≥ 0) and raises `BudgetExhausted` once the total
    spent exceeds the limit. `None` as the limit means unlimited."""

    __slots__ = ("limit", "recalled", "spent")

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.spent = 0
        self.recalled: set[object] = set()  # answers already paid for under this budget

    def spend(self, units: int, what: str) -> None:
        if _interrupted:
            raise KeyboardInterrupt(what)
        self.spent += units
        if self.limit is not None and self.spent > self.limit:
            raise BudgetExhausted(what, self.limit)

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.spent)


_interrupted = False  # set by `interrupt()`: every later spend raises KeyboardInterrupt


def interrupt(value: bool = True) -> None:
    """Stop (True) or allow again (False) all budgeted work in this process: the next
    `spend` on any thread raises KeyboardInterrupt. The command thread of
    `rcproof.deep.run_deep` is stopped this way when the user presses Ctrl-C, since a
    signal only reaches the main thread."""
    global _interrupted
    _interrupted = value


def interrupted() -> bool:
    """Whether `interrupt()` stopped budgeted work (a run cut short stores nothing)."""
    return _interrupted


_UNLIMITED = Budget(None)
_current: ContextVar[Budget] = ContextVar("rcproof_budget", default=_UNLIMITED)


def current() -> Budget:
    """The budget of the theorem being checked (unlimited outside a scope)."""
    return _current.get()


def spend(units: int, what: str) -> None:
    """Take `units` from the current budget; raises BudgetExhausted when it is spent."""
    _current.get().spend(units, what)


def measured(key: object, compute: Callable[[], T]) -> tuple[T, int]:
    """compute() and the work units it spent, for an answer recorded under `key`: the
    current budget has now paid for `key`, so a later `spend_once(key, …)` in the same
    theorem charges nothing more."""
    budget = _current.get()
    before = budget.spent
    value = compute()
    budget.recalled.add(key)
    return value, budget.spent - before


def spend_once(key: object, units: int, what: str) -> None:
    """Pay for the recorded answer `key` (the work it cost when computed) the first time
    this budget uses it: computed or recalled from a memo or the cache, an answer costs
    the same, once, so a verdict does not depend on what ran before."""
    budget = _current.get()
    if key in budget.recalled:
        return
    budget.recalled.add(key)
    budget.spend(units, what)


@contextmanager
def budget_scope(budget: Budget) -> Iterator[Budget]:
    """Make `budget` the current one for the duration of the block."""
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)
