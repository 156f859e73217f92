"""Tier 1 inside the kernel: the truth value of a ground Landau atom by the kernel's own
exact check (rcproof.tier1: exact sums of growth monomials, exponents compared by integer
powers), or None. It imports neither the engine's growth algebra, nor Tier 3, nor sympy;
an atom outside the check's scale gets no Tier 1 theorem here (rules.ground may then ask
the named oracle "growth", and the theorem records it).
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.budget import measured, spend_once
from rcproof.syntax import core as A
from rcproof.tier1.exponents import Unsupported
from rcproof.tier1.sums import decide as exact_decide


def poly_holds(f: tuple[Fraction, ...], g: tuple[Fraction, ...]) -> bool:
    """f = g^O(1) on rational exponent vectors (n, log n, log log n): some k ≥ 0 has
    f = O(g^k). (The engine's Tier 1 uses it; the kernel's check is tier1.sums.)"""
    zero = (Fraction(0),) * 3
    if g[0] > 0:
        return True
    if g[0] == 0 and g[1] > 0:
        return f[0] <= 0
    if g[0] == 0 and g[1] == 0 and g[2] > 0:
        return f[0] < 0 or (f[0] == 0 and f[1] <= 0)
    return tuple(f) <= zero


_MEMO: dict[A.Relation, tuple[bool | None, int]] = {}
MEMO_ENTRIES = 100_000  # emptied when it reaches this many atoms


def decide(atom: A.Relation) -> bool | None:
    """Whether the ground atom holds, when the kernel's exact check settles it; else None.

    Memoized by the exact atom (the engine asks, then the kernel replays, and `--jobs`
    replays every worker's theorems): a recalled answer costs the work units its
    computation cost, once per theorem, so verdicts do not depend on what ran before. An
    exhausted budget is not memoized."""
    key = ("kernel Tier 1", atom)
    found = _MEMO.get(atom)
    if found is not None:
        spend_once(key, found[1], "recalling a kernel Tier 1 decision")
        return found[0]
    value, work = measured(key, lambda: _exact(atom))
    if len(_MEMO) >= MEMO_ENTRIES:
        _MEMO.clear()
    _MEMO[atom] = (value, work)
    return value


def _exact(atom: A.Relation) -> bool | None:
    try:
        return exact_decide(atom)
    except (Unsupported, RecursionError):
        return None
