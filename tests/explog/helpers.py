"""Shared helpers for the exp-log engine tests: verdicts and substitutions on syntax."""

from __future__ import annotations

from rcproof.budget import DEFAULT_UNITS, Budget, BudgetExhausted, budget_scope
from rcproof.growth import explog
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num
from rcproof.syntax.parser import parse_expr

UNITS = DEFAULT_UNITS // 40  # the budget tier3 gives one comparison outside a theorem


Verdict = tuple[str, object]  # ('o' | 'omega' | 'Theta' | 'unknown', ratio or reason)


def agree(a: Verdict, b: Verdict) -> bool:
    """Same kind and, for Theta, exactly equal ratios (proved, not by text)."""
    if a[0] != b[0]:
        return False
    if a[0] != "Theta":
        return True
    from rcproof.growth.explog.constants import compare_constants

    return compare_constants(a[1], b[1]) == 0


def verdict(f: str | Expr, g: str | Expr) -> Verdict:
    """('o'|'omega', None), ('Theta', exact ratio) or ('unknown', reason): the engine alone."""
    fe = parse_expr(f) if isinstance(f, str) else f
    ge = parse_expr(g) if isinstance(g, str) else g
    try:
        with budget_scope(Budget(UNITS)):
            got = explog.compare(fe, ge)
    except explog.Undecided as exc:
        return ("unknown", exc.reason)
    except BudgetExhausted as exc:
        return ("unknown", exc.reason)
    return (got.order.kind, got.ratio)


def substitute(e: Expr, value: Expr) -> Expr:
    """e with every n replaced by `value`."""
    if isinstance(e, Name):
        return value if e.id == "n" else e
    if isinstance(e, Num):
        return e
    if isinstance(e, Neg):
        return Neg(substitute(e.operand, value))
    if isinstance(e, BinOp):
        return BinOp(e.op, substitute(e.left, value), substitute(e.right, value))
    if isinstance(e, Call):
        return Call(e.func, tuple(substitute(a, value) for a in e.args), e.kwargs)
    raise TypeError(e)


def times(e: Expr, m: Expr) -> Expr:
    return BinOp("*", e, m)
