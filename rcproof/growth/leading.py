"""The leading term of an eventually positive expression: what Θ-class it lies in."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rcproof.budget import current, spend
from rcproof.growth.coef import Coef
from rcproof.growth.errors import NotPositive, SignUnknown
from rcproof.growth.expand import expand
from rcproof.growth.expansion import Expansion
from rcproof.growth.exps import Exps
from rcproof.growth.monomial import monomial
from rcproof.growth.realexp import is_real
from rcproof.syntax.core import BinOp, Call, Expr, Name, Num
from rcproof.syntax.display import text as show


@dataclass(frozen=True)
class Growth:
    """f ~ coef·n^a·(log n)^b·(log log n)^e with coef > 0 (proved, possibly as an interval)."""

    coef: Coef
    exps: Exps

    def to_expr(self) -> Expr:
        """The monomial as an AST; an inexact coefficient is left out (see `coef`)."""
        n: Expr = Name("n")
        log_n: Expr = Call("log", (n,))
        factors: list[Expr] = []
        if self.coef.is_exact and self.coef.value != 1:
            factors.append(Num(self.coef.value))
        loglog_n: Expr = Call("log", (log_n,))
        for base, k in ((n, self.exps.a), (log_n, self.exps.b), (loglog_n, self.exps.e)):
            if k == 1:
                factors.append(base)
            elif is_real(k):
                factors.append(BinOp("^", base, k.to_expr()))  # type: ignore[union-attr]
            elif k:
                factors.append(BinOp("^", base, Num(Fraction(k))))
        if not factors:
            return Num(Fraction(1))
        out = factors[0]
        for f in factors[1:]:
            out = BinOp("*", out, f)
        return out

    def __str__(self) -> str:
        text = show(self.to_expr())
        if self.coef.is_exact:
            return text
        approx = f"≈{self.coef.midpoint():.6g}"
        return approx if self.exps.is_zero() else f"{approx}*{text}"


def positive_leading(x: Expansion, what: Expr) -> Growth:
    """The leading term of `x`, which must be shown eventually positive."""
    sign = x.sign()
    if sign == 1:
        m, c = x.terms[0]
        return Growth(c, m)
    text = show(what)
    if sign == 0:
        raise NotPositive(f"{text} is identically zero")
    if sign == -1:
        raise NotPositive(f"{text} is eventually negative")
    if x.terms:
        raise SignUnknown(
            f"cannot determine the sign of {text}: its leading coefficient is only known "
            f"to lie in {x.terms[0][1]}")
    raise SignUnknown(
        f"cannot determine the sign of {text}: after cancellation only the bound "
        f"O({_err_text(x)}) is known")


def _err_text(x: Expansion) -> str:
    assert x.err is not None
    return show(Growth(Coef.exact(1), x.err).to_expr())


_MEMO: dict[Expr, tuple[Growth, int]] = {}
MEMO_ENTRIES = 200_000  # the memo is emptied when it reaches this many expressions


def leading(expr: Expr) -> Growth:
    """The Θ-class (and leading coefficient) of an eventually positive expression.

    Memoized by the exact expression (the engine and then the kernel ask about the same
    atoms, and the t* of every family recurs): a recalled answer spends the work units
    its computation spent, so budgets, and hence verdicts, do not depend on what was
    asked before. Failures (GrowthError) are not memoized."""
    found = _MEMO.get(expr)
    if found is not None:
        spend(found[1], "expanding an expression (Tier 1)")
        return found[0]
    account = current()
    before = account.spent
    growth = _leading(expr)
    if len(_MEMO) >= MEMO_ENTRIES:
        _MEMO.clear()
    _MEMO[expr] = (growth, account.spent - before)
    return growth


def _leading(expr: Expr) -> Growth:
    mono = monomial(expr)
    if mono is not None and mono[0] > 0:
        return Growth(Coef.exact(mono[0]), mono[1])
    return positive_leading(expand(expr), expr)
