"""Most rapidly varying subterms (Gruntz 1996, §3.2).

Two functions f, g → ∞ (or → 0) are in the same comparability class when
log f / log g tends to a finite nonzero limit; f varies more rapidly than g when that
limit is ±∞. `mrv(t)` is the set of subterms of t of the form n or exp(u), with u → ±∞,
that belong to the most rapidly varying class among them (returned as a list in a
deterministic order). Limits are computed by the engine that owns this call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rcproof.budget import spend
from rcproof.growth.explog import terms as T

if TYPE_CHECKING:
    from rcproof.growth.explog.gruntz import Engine


def _log(t: T.Term) -> T.Term:
    return t.arg if isinstance(t, T.Exp) else T.log_(t)


def _ratio_kind(eng: Engine, a: T.Term, b: T.Term) -> str:
    return eng.limit(T.mul(a, T.power(b, T.SM1))).kind


def _exp_versus_variable(eng: Engine, u: T.Term) -> int:
    """exp(u) (with |u| → ∞) against n, by lim u/n first and only then lim u/log n.

    lim u/log n directly would loop: moving it up gives u(eᵗ)/t, whose mrv set again
    compares t with exp(t). When u/n has a nonzero limit, exp(u) is faster than n
    outright; when u = o(n), u/log n has no such loop at the next level."""
    if _ratio_kind(eng, u, T.X) != "zero":
        return 1
    kind = _ratio_kind(eng, u, T.log_(T.X))
    return -1 if kind == "zero" else (0 if kind == "finite" else 1)


def compare_classes(eng: Engine, a: T.Term, b: T.Term) -> int:
    """+1 when a varies more rapidly than b, −1 when less, 0 in the same class."""
    if a == T.X and isinstance(b, T.Exp):
        return -_exp_versus_variable(eng, b.arg)
    if b == T.X and isinstance(a, T.Exp):
        return _exp_versus_variable(eng, a.arg)
    lim = eng.limit(T.mul(_log(a), T.power(_log(b), T.SM1)))
    if lim.kind in ("+oo", "-oo"):
        return 1
    if lim.kind == "zero":
        return -1
    return 0


def _max(eng: Engine, a: list[T.Term], b: list[T.Term]) -> list[T.Term]:
    if not a:
        return b
    if not b:
        return a
    if a[0] in b or b[0] in a:
        return a + [t for t in b if t not in a]
    c = compare_classes(eng, a[0], b[0])
    if c > 0:
        return a
    if c < 0:
        return b
    return a + [t for t in b if t not in a]


def mrv(eng: Engine, t: T.Term) -> list[T.Term]:
    """The most rapidly varying subterms of t (n or exp(u) with u → ±∞)."""
    spend(1, "computing a most rapidly varying set")
    if T.X.name not in t.free:
        return []
    memo = eng.mrv_memo
    if t.key in memo:
        return memo[t.key]
    out: list[T.Term]
    if t == T.X:
        out = [T.X]
    elif isinstance(t, T.Exp):
        inner = mrv(eng, t.arg)
        lim = eng.limit(t.arg)
        out = _max(eng, [t], inner) if lim.kind in ("+oo", "-oo") else inner
    else:
        out = []
        for child in T.children(t):
            out = _max(eng, out, mrv(eng, child))
    memo[t.key] = out
    return out
