"""The series in ω of a rewritten term, and its leading term (Gruntz 1996, §3.4).

`series_of` turns a term in ω (whose ω-free parts are ω^o(1)) into a lazy `Series`:
sums and products directly, a constant power through the binomial series, `exp`
through exp(a₀)·Σ rᵏ/k! after splitting off the ω⁰ coefficient a₀, and `log` through
log c₀ + e₀·h + log(1 + r) with h = log ω. Every leading coefficient used in a division,
a real power or a log is first shown nonzero (and positive where needed) by the
engine's recursive sign computation; a coefficient that is proved 0 is skipped, one
whose sign is unknown stops the computation with `Undecided` naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rcproof.growth.explog import series as S
from rcproof.growth.explog import terms as T
from rcproof.growth.explog.constants import Undecided, compare_constants

if TYPE_CHECKING:
    from rcproof.growth.explog.gruntz import Engine


def first(eng: Engine, s: S.Series) -> tuple[int, T.Term, Any, int] | None:
    """(index, c₀, e₀, sign c₀) of the first term with a coefficient proved nonzero;
    None when every term is 0 (the series is exactly 0). Raises `Cancelled` after
    `MAX_CANCELLED` consecutive coefficients proved 0 (the search is bounded)."""
    i = 0
    zeros = 0
    while (p := s.term(i)) is not None:
        sign = eng.sign(p[0])
        if sign != 0:
            return i, p[0], p[1], sign
        zeros += 1
        if zeros >= S.MAX_CANCELLED:
            raise S.Cancelled()
        i += 1
    return None


def _tail(s: S.Series, start: int) -> S.Series:
    def gen() -> Iterator[S.Pair]:
        i = start
        while (p := s.term(i)) is not None:
            yield p
            i += 1

    return S.Series(gen())


def _unit_tail(s: S.Series, index: int, c0: T.Term, e0: Any) -> S.Series:
    """r with s = c₀·ω^e₀·(1 + r): the terms after the leading one, divided by it."""
    return S.scale(_tail(s, index + 1), T.power(c0, T.SM1), -e0)


def _power(eng: Engine, s: S.Series, e: Any) -> S.Series:
    lead = first(eng, s)
    if lead is None:
        if compare_constants(e, T.S0) > 0:
            return S.finite([])
        raise Undecided("division by a term that is identically 0")
    i, c0, e0, sign = lead
    if not e.is_Integer and sign < 0:
        raise Undecided(f"a real power ({e}) of the eventually negative {T.show(c0)}")
    r = _unit_tail(s, i, c0, e0)
    head = T.power(c0, e)
    if r.term(0) is None:
        return S.finite([(head, e0 * e)])
    degree = int(e) if e.is_Integer and e >= 0 else None
    return S.scale(S.compose(S.binomial_coef(e), r, r.term(0)[1], degree), head, e0 * e)


def _exp(s: S.Series) -> S.Series:
    eng_zero = T.S0
    i = 0
    a0 = T.ZERO
    while (p := s.term(i)) is not None and compare_constants(p[1], eng_zero) <= 0:
        if compare_constants(p[1], eng_zero) < 0:
            raise Undecided(f"internal: exp of a term growing like ω^{p[1]}")
        a0 = p[0]
        i += 1
    head = T.exp_(a0)
    r = _tail(s, i)
    if r.term(0) is None:
        return S.constant(head)
    return S.scale(S.compose(S.exp_coef, r, r.term(0)[1]), head, eng_zero)


def _exp_checked(eng: Engine, s: S.Series) -> S.Series:
    """exp of a series; a term with negative exponent must have a coefficient proved 0."""
    zero = T.S0
    i = 0
    while (p := s.term(i)) is not None and compare_constants(p[1], zero) < 0:
        if eng.sign(p[0]) != 0:
            raise Undecided(f"internal: exp of a term growing like ω^({p[1]})")
        i += 1
    return _exp(_tail(s, i))


def _log(eng: Engine, s: S.Series, h: T.Term) -> S.Series:
    lead = first(eng, s)
    if lead is None:
        raise Undecided("log of a term that is identically 0")
    i, c0, e0, sign = lead
    if sign < 0:
        raise Undecided(f"log of the eventually negative {T.show(c0)}")
    head = T.add(T.log_(c0), T.mul(T.Const(e0), h))
    r = _unit_tail(s, i, c0, e0)
    if r.term(0) is None:
        return S.constant(head)
    return S.add(S.constant(head), S.compose(S.log1p_coef, r, r.term(0)[1]))


def series_of(eng: Engine, t: T.Term, h: T.Term, memo: dict[str, S.Series]) -> S.Series:
    """The lazy series in ω of a term t (h = log ω, an ω-free term)."""
    if T.W.name not in t.free:
        return S.constant(t)
    if t.key in memo:
        return memo[t.key]
    out: S.Series
    if t == T.W:
        out = S.finite([(T.ONE, T.S1)])
    elif isinstance(t, T.Sum):
        out = S.add(S.constant(T.Const(t.const)),
                    *(S.scale(series_of(eng, u, h, memo), T.Const(c), T.S0)
                      for u, c in t.terms))
    elif isinstance(t, T.Prod):
        out = S.constant(T.Const(t.const))
        for b, e in t.factors:
            out = S.mul(out, _power(eng, series_of(eng, b, h, memo), e))
    elif isinstance(t, T.Exp):
        out = _exp_checked(eng, series_of(eng, t.arg, h, memo))
    elif isinstance(t, T.Log):
        out = _log(eng, series_of(eng, t.arg, h, memo), h)
    else:
        raise TypeError(f"not a term: {t!r}")
    memo[t.key] = out
    return out
