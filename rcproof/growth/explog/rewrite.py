"""Rewriting a most rapidly varying set in terms of one ω → 0+ (Gruntz 1996, §3.3).

Given the mrv set Ω of t (exponentials exp(u_i) of one comparability class), pick the
smallest member exp(s); put h = s if s → −∞ and h = −s if s → +∞, so ω = exp(h) → 0+.
Each exp(u) in Ω equals exp(u − c·h)·ω^c with c = lim u/h (finite and nonzero in one
class), and exp(u − c·h) varies less rapidly than ω: the rewritten term is a function of
ω whose other parts are ω^o(1), which the series step treats as coefficients.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rcproof.growth.explog import terms as T
from rcproof.growth.explog.constants import Undecided

if TYPE_CHECKING:
    from rcproof.growth.explog.gruntz import Engine


def rewrite(eng: Engine, t: T.Term, omega: list[T.Term]) -> tuple[T.Term, T.Term]:
    """(t written with the placeholder ω, h = log ω) for an mrv set of exponentials."""
    chosen = min(omega, key=lambda e: (e.size, e.key))
    assert isinstance(chosen, T.Exp)
    lim = eng.limit(chosen.arg)
    h = T.mul(T.const(-1), chosen.arg) if lim.kind == "+oo" else chosen.arg
    inv_h = T.power(h, T.SM1)
    keys = {e.key for e in omega}
    memo: dict[str, T.Term] = {}

    def leaf(s: T.Term) -> T.Term | None:
        if s.key not in keys:
            # a subterm's key is a substring of its parent's: no Ω key inside, no change
            return s if not any(k in s.key for k in keys) else None
        assert isinstance(s, T.Exp)
        ratio = eng.limit(T.mul(s.arg, inv_h))
        if ratio.kind != "finite":
            raise Undecided(f"internal: {T.show(s)} is not in the class of {T.show(chosen)}")
        c = ratio.value
        inner = T.rebuild(s.arg, leaf, memo)
        return T.mul(T.exp_(T.add(inner, T.mul(T.Const(-c), h))), T.power(T.W, c))

    return T.rebuild(t, leaf, memo), h
