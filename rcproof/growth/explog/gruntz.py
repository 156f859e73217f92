"""The driver of Gruntz's algorithm: leading term, sign and limit at n → +∞.

`Engine.leadterm(t)` follows Gruntz 1996 (ch. 3, "mrv_leadterm"): compute the most
rapidly varying set Ω of t; if n ∈ Ω, replace n by exp(n) (same limit, one class up);
rewrite Ω in terms of ω → 0+; expand in ω and return the first term c₀·ω^e₀ whose
coefficient c₀ (a function of strictly lower class) is proved nonzero. Then
sign(t) = sign(c₀) and lim t is 0 (e₀ > 0), ±∞ (e₀ < 0) or lim c₀ (e₀ = 0), computed
recursively; the recursion ends at exact constants (`constants.py`).

One `Engine` serves one top-level question; it memoizes limits, signs and mrv sets by
the terms' canonical keys, so its answers do not depend on hash seeds or machine load.
Work is counted with `rcproof.budget.spend`; nesting deeper than `MAX_DEPTH` is
refused with `Undecided`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rcproof.budget import spend
from rcproof.growth.explog import terms as T
from rcproof.growth.explog.constants import Undecided, compare_constants, normal, sign_of
from rcproof.growth.explog.expansion import first, series_of
from rcproof.growth.explog.mrv import mrv
from rcproof.growth.explog.rewrite import rewrite
from rcproof.growth.explog.series import Cancelled
from rcproof.growth.explog.zero import normalize

MAX_DEPTH = 60  # nested leading-term computations (Gruntz's recursion on lower classes)


@dataclass(frozen=True)
class Limit:
    """lim t at n → +∞: kind 'zero', 'finite' (value: a nonzero sympy constant), '+oo'
    or '-oo'."""

    kind: str
    value: Any = None


@dataclass(frozen=True)
class Lead:
    """t ~ coef·ω^exponent with sign(coef) = sign ≠ 0, coef of lower class than ω."""

    coef: T.Term
    exponent: Any
    sign: int


_LOG_LADDER = (T.X, T.log_(T.X), T.log_(T.log_(T.X)))  # n ≫ log n ≫ log log n → ∞


def _log_scale(t: T.Term) -> Limit | None:
    """The limit of k·n^a·(log n)^b·(log log n)^c (rational a, b, c) read off its exponents
    lexicographically (the Hardy scale); None for any other shape."""
    if not isinstance(t, T.Prod) or not t.const.is_Rational:
        return None
    exps = dict.fromkeys((b.key for b in _LOG_LADDER), T.S0)
    for base, e in t.factors:
        if base.key not in exps or not e.is_Rational:
            return None
        exps[base.key] = e
    for b in _LOG_LADDER:
        e = exps[b.key]
        if e != 0:
            if e < 0:
                return Limit("zero")
            return Limit("+oo" if t.const > 0 else "-oo")
    return Limit("finite", t.const)


class Engine:
    """Leading terms, signs and limits of exp-log terms, memoized for one question."""

    def __init__(self) -> None:
        self.mrv_memo: dict[str, list[T.Term]] = {}
        self._limits: dict[str, Limit] = {}
        self._leads: dict[str, Lead | None] = {}
        self._depth = 0
        self._moved_from: dict[str, T.Term] = {}  # move_up(t).key -> t
        self._up_memo: dict[str, T.Term] = {}  # subterms moved up, shared by the question

    def leadterm(self, t: T.Term) -> Lead | None:
        """The leading term of t in its own ω, or None when t is identically 0."""
        if t.key in self._leads:
            return self._leads[t.key]
        spend(5, "computing a leading term")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise Undecided(f"the leading term of {T.show(t)} needs more than "
                                f"{MAX_DEPTH} nested expansions")
            out = self._leadterm(t)
        finally:
            self._depth -= 1
        self._leads[t.key] = out
        return out

    def _leadterm(self, t: T.Term) -> Lead | None:
        if isinstance(t, T.Const):
            s = sign_of(t.value)
            return None if s == 0 else Lead(t, T.S0, s)
        omega = mrv(self, t)
        if not omega:
            raise Undecided(f"internal: no most rapidly varying subterm in {T.show(t)}")
        if T.X in omega:
            up = T.move_up(t, self._up_memo)
            self._moved_from.setdefault(up.key, t)
            return self.leadterm(up)
        in_w, h = rewrite(self, t, omega)
        try:
            found = first(self, series_of(self, in_w, h, {}))
        except Cancelled:
            found = self._possible_zero(t, in_w, h)
        if found is None:
            return None
        _, c0, e0, sign = found
        return Lead(c0, e0, sign)

    def _possible_zero(self, t: T.Term, in_w: T.Term,
                       h: T.Term) -> tuple[int, T.Term, Any, int] | None:
        """The leading term of t after its series cancelled at `MAX_CANCELLED` exponents:
        rewrite by exact identities (`zero.normalize`); the constant 0 proves t ≡ 0, else
        expand once more; a second cancellation is unknown, naming t (in n)."""
        try:
            again = normalize(self, in_w, h)
            if again == T.ZERO:
                return None
            return first(self, series_of(self, again, h, {}))
        except Cancelled:
            origin = t
            while origin.key in self._moved_from:
                origin = self._moved_from[origin.key]
            raise Undecided(f"could not show {T.show(origin)} is not identically zero "
                            "(its expansion cancels term after term, and no exact "
                            "rewrite shows it is 0)") from None

    def sign(self, t: T.Term) -> int:
        """The eventual sign of t: −1, 0 (identically 0) or +1; raises Undecided."""
        if isinstance(t, T.Const):
            return sign_of(t.value)
        if T.positive_shape(t):  # n, exp, positive sums and products of them
            return 1
        lead = self.leadterm(t)
        return 0 if lead is None else lead.sign

    def limit(self, t: T.Term) -> Limit:
        """lim t at n → +∞ (always exists for exp-log functions, Hardy 1910)."""
        if t.key in self._limits:
            return self._limits[t.key]
        if isinstance(t, T.Const):
            value = normal(t.value)
            out = Limit("zero") if sign_of(value) == 0 else Limit("finite", value)
        elif t == T.X:  # the base case that ends the mrv recursion (mrv(exp(n)) needs it)
            out = Limit("+oo")
        elif (scale := _log_scale(t)) is not None:
            out = scale
        elif T.grows_shape(t):  # n, exp/log of growing terms, positive powers and sums
            out = Limit("+oo")
        elif T.grows_shape(T.mul(T.Const(T.SM1), t)):
            out = Limit("-oo")
        else:
            lead = self.leadterm(t)
            if lead is None:
                out = Limit("zero")
            else:
                where = compare_constants(lead.exponent, T.S0)
                if where > 0:
                    out = Limit("zero")
                elif where < 0:
                    out = Limit("+oo" if lead.sign > 0 else "-oo")
                else:
                    out = self.limit(lead.coef)
        self._limits[t.key] = out
        return out
