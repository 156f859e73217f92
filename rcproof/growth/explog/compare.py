"""The public questions of the exp-log engine: order of f against g, sign, limit.

`compare(f, g)` decides f against g for eventually positive exp-log functions by the
limit of f/g (Gruntz 1996): 0 gives f = o(g), ±∞ gives f = ω(g), a finite c > 0 gives
f = Θ(g) with the *exact* ratio c (a sympy constant such as e³ or log 3/log 2), from
which every Landau relation and `~` follow. The interval `Coef` of the ratio handed to
the growth layer excludes 1 whenever c ≠ 1, so `~` is decided as well.

Every failure is an `Undecided` (or `BudgetExhausted`) whose reason names the subterm;
nothing here guesses.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rcproof.growth.coef import Coef
from rcproof.growth.compare import Order, holds
from rcproof.growth.explog import terms as T
from rcproof.growth.explog.constants import (
    PRECISIONS,
    Undecided,
    compare_constants,
    const_message,
    enclosure,
    question_scope,
)
from rcproof.growth.explog.convert import to_term
from rcproof.growth.explog.gruntz import Engine, Limit
from rcproof.growth.explog.params import Range, parameter_scope
from rcproof.growth.render import show
from rcproof.syntax.ast import Expr

_ONE = T.S1


@dataclass(frozen=True)
class Comparison:
    """f against g: `order` for the growth layer, `ratio` = lim f/g exactly (sympy
    constant) when Θ, else None."""

    order: Order
    ratio: Any = None

    def holds(self, rel: str) -> bool:
        """Whether f rel g, for rel in O, Omega, Theta, o, omega, ~ (`~` from the exact
        ratio: lim f/g = 1, compared by `compare_constants`; a ratio that mentions
        parameters must equal 1 or differ from it over their whole range, else
        Undecided)."""
        if rel == "~":
            if self.ratio is None:
                return False
            with question_scope():
                return compare_constants(self.ratio, _ONE) == 0
        value = holds(self.order, rel)
        assert value is not None
        return value


_FLOAT_RANGE = (Fraction(1, 10**300), Fraction(10**300))


def coef_of(c: Any) -> Coef | None:
    """A `Coef` for the positive constant c that excludes 1 unless c = 1 exactly; None
    when c lies outside the float range that `Coef` prints (e.g. e^1000)."""
    if c.is_Rational:
        return Coef.exact(Fraction(int(c.p), int(c.q)))
    if compare_constants(c, T.S1) == 0:
        return Coef.exact(1)
    for bits in PRECISIONS:
        lo, hi = enclosure(c, bits)
        if not _FLOAT_RANGE[0] < lo <= hi < _FLOAT_RANGE[1]:
            return None
        if not lo <= 1 <= hi:
            return Coef(lo, hi)
    raise Undecided(f"cannot separate the constant {const_message(c)} from 1")


def _positive(eng: Engine, t: T.Term, e: Expr) -> None:
    s = eng.sign(t)
    if s < 0:
        raise Undecided(f"{show(e)} is eventually negative, so it has no growth order")
    if s == 0:
        raise Undecided(f"{show(e)} is identically zero, so it has no growth order")


def compare(f: Expr, g: Expr, where: Range | None = None) -> Comparison:
    """The order of f against g (both must be eventually positive); raises Undecided.

    `where`: the range of the real parameters f and g may mention; the answer then holds
    for every admissible value (signs decided uniformly, `params.py`), else Undecided
    names the parameter condition it depends on."""
    with question_scope(), parameter_scope(where):
        return _compare(f, g)


def _compare(f: Expr, g: Expr) -> Comparison:
    eng = Engine()
    tf, tg = to_term(eng, f), to_term(eng, g)
    _positive(eng, tg, g)
    lim = eng.limit(T.mul(tf, T.power(tg, T.SM1)))
    if lim.kind == "zero":  # f/g → 0 says nothing about the sign of f
        _positive(eng, tf, f)
    elif lim.kind == "-oo" or (lim.kind == "finite" and compare_constants(lim.value, T.S0) < 0):
        raise Undecided(f"{show(f)} is eventually negative, so it has no growth order")
    if lim.kind == "zero":
        return Comparison(Order("o"))
    if lim.kind == "+oo":
        return Comparison(Order("omega"))
    if lim.kind == "finite" and compare_constants(lim.value, T.S0) > 0:
        if lim.value.free_symbols:  # a ratio depending on the parameters: no one interval
            return Comparison(Order("Theta"), lim.value)
        return Comparison(Order("Theta", coef_of(lim.value)), lim.value)
    raise Undecided(f"internal: the ratio of two positive functions tends to {lim}")


def sign(e: Expr) -> int:
    """The eventual sign (−1, 0, +1) of an exp-log expression; raises Undecided."""
    with question_scope():
        eng = Engine()
        return eng.sign(to_term(eng, e))


def limit(e: Expr) -> Limit:
    """lim e at n → +∞; raises Undecided."""
    with question_scope():
        eng = Engine()
        return eng.limit(to_term(eng, e))
