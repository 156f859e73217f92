"""Lazy generalized power series in ω with term coefficients (Gruntz 1996, §3.4).

A `Series` is a lazily computed, possibly infinite stream of terms c·ω^e with strictly
increasing constant exponents e (sympy numbers, exactly compared by
`constants.compare_constants`) and coefficients c that are terms free of ω; a
coefficient that is structurally 0 is never emitted. A finite stream that ends means
the remaining terms are exactly 0.

The operations are the field operations of such series plus composition with the
power series of exp, log(1 + r) and (1 + r)^c at an r whose exponents are positive.
Every term produced spends budget in proportion to the streams it scans, so work
units track running time. The search for the next term is bounded as well: after
`MAX_CANCELLED` consecutive exponents at which every contribution cancels, a stream
raises `Cancelled` (a sum that may be a hidden zero, which the normal form does not
see); the engine then tries to prove the zero exactly (`zero.py`) or answers *unknown*
naming the subterm, never hangs and never guesses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from rcproof.budget import spend
from rcproof.growth.explog import terms as T
from rcproof.growth.explog.constants import Undecided, compare_constants

MAX_CANCELLED = 24  # consecutive exponents whose contributions all cancel, per stream

Pair = tuple[T.Term, Any]  # (coefficient, exponent)


class Cancelled(Undecided):
    """A stream met `MAX_CANCELLED` consecutive exponents whose terms all cancel: the
    expression being expanded may be identically 0, which the series cannot show."""

    def __init__(self) -> None:
        super().__init__(f"its series in ω cancels at {MAX_CANCELLED} consecutive "
                         "exponents")


def _cancelled(count: int) -> int:
    """One more exponent at which everything cancelled; raises `Cancelled` at the bound."""
    count += 1
    if count >= MAX_CANCELLED:
        raise Cancelled()
    return count


class Series:
    """A memoized lazy stream of (coefficient, exponent), exponents increasing."""

    __slots__ = ("_done", "_gen", "_terms")

    def __init__(self, gen: Iterator[Pair]) -> None:
        self._gen = gen
        self._terms: list[Pair] = []
        self._done = False

    def term(self, i: int) -> Pair | None:
        """The i-th term (0-based), or None when the stream has fewer terms."""
        while len(self._terms) <= i and not self._done:
            try:
                self._terms.append(next(self._gen))
            except StopIteration:
                self._done = True
        return self._terms[i] if i < len(self._terms) else None


def finite(pairs: list[Pair]) -> Series:
    return Series(iter(pairs))


def constant(c: T.Term) -> Series:
    return finite([] if c == T.ZERO else [(c, _num(0))])


def _num(v: int) -> Any:
    import sympy

    return sympy.Integer(v)


def _merge(streams: Callable[[Any], list[Series]], bound: Callable[[], Any | None],
           grow: Callable[[], bool]) -> Iterator[Pair]:
    """Merge of a growing family of streams: `streams()` lists the active ones; while the
    smallest head exponent is not below `bound()` (the least exponent any inactive
    stream can have), `grow()` activates one more (False: none left)."""
    pos: dict[int, int] = {}
    ended: set[int] = set()  # streams with no term left (never scanned again)
    zeros = 0
    while True:
        active = streams(None)
        spend(1 + len(active) - len(ended), "expanding a series in ω")
        heads: list[tuple[int, Pair]] = []
        for idx, s in enumerate(active):
            if idx in ended:
                continue
            p = s.term(pos.get(idx, 0))
            if p is not None:
                heads.append((idx, p))
            else:
                ended.add(idx)
        low = None
        for _, (_, e) in heads:
            if low is None or compare_constants(e, low) < 0:
                low = e
        b = bound()
        if b is not None and (low is None or compare_constants(low, b) >= 0) and grow():
            continue
        if low is None:
            return
        coefs = []
        for idx, (c, e) in heads:
            if compare_constants(e, low) == 0:
                coefs.append(c)
                pos[idx] = pos.get(idx, 0) + 1
        total = T.add(*coefs)
        if total != T.ZERO:
            zeros = 0
            yield total, low
        elif len(coefs) > 1:
            zeros = _cancelled(zeros)


def add(*parts: Series) -> Series:
    fixed = list(parts)
    return Series(_merge(lambda _: fixed, lambda: None, lambda: False))


def scale(s: Series, c: T.Term, e: Any) -> Series:
    """c·ω^e·s for a nonzero ω-free coefficient c and a constant e."""

    def gen() -> Iterator[Pair]:
        i = 0
        while (p := s.term(i)) is not None:
            yield T.mul(c, p[0]), p[1] + e
            i += 1

    return Series(gen())


def mul(a: Series, b: Series) -> Series:
    """The Cauchy product, term by term in increasing exponent (frontier search: the
    exponent of (i, j) increases in i and in j, so the least unvisited pair is always on
    the frontier)."""

    def gen() -> Iterator[Pair]:
        frontier: list[tuple[int, int]] = [(0, 0)]
        seen = {(0, 0)}
        zeros = 0
        while True:
            spend(1 + len(frontier), "multiplying series in ω")
            cands = []
            for i, j in frontier:
                p, q = a.term(i), b.term(j)
                if p is not None and q is not None:
                    cands.append(((i, j), p, q, p[1] + q[1]))
            if not cands:
                return
            low = cands[0][3]
            for c in cands[1:]:
                if compare_constants(c[3], low) < 0:
                    low = c[3]
            picked = [c for c in cands if compare_constants(c[3], low) == 0]
            live = {c[0] for c in cands}
            frontier = [ij for ij in frontier if ij in live]
            total = T.add(*(T.mul(p[0], q[0]) for _, p, q, _ in picked))
            for (i, j), _, _, _ in picked:
                frontier.remove((i, j))
                for nxt in ((i + 1, j), (i, j + 1)):
                    if nxt not in seen:
                        seen.add(nxt)
                        frontier.append(nxt)
            if total != T.ZERO:
                zeros = 0
                yield total, low
            else:
                zeros = _cancelled(zeros)

    return Series(gen())


def compose(coef: Callable[[int], Any], r: Series, first: Any,
            degree: int | None = None) -> Series:
    """Σ_k coef(k)·r^k (k ≤ degree when given) for a stream r whose least exponent
    `first` is positive (r^k has least exponent k·first, so the powers merge lazily)."""
    powers: list[Series] = [finite([(T.ONE, _num(0))])]
    weights: list[Series] = []

    def weighted(k: int) -> Series:
        return scale(powers[k], T.const(coef(k)), _num(0))

    def streams(_: Any) -> list[Series]:
        return weights

    def bound() -> Any:
        if degree is not None and len(weights) > degree:
            return None
        return first * len(weights)

    def grow() -> bool:
        k = len(weights)
        if degree is not None and k > degree:
            return False
        if k >= len(powers):
            powers.append(mul(powers[-1], r))
        weights.append(weighted(k) if coef(k) != 0 else finite([]))
        return True

    grow()
    return Series(_merge(streams, bound, grow))


def exp_coef(k: int) -> Any:
    import sympy

    return sympy.Rational(1, sympy.factorial(k))


def log1p_coef(k: int) -> Any:
    import sympy

    return sympy.Integer(0) if k == 0 else sympy.Rational((-1) ** (k + 1), k)


def binomial_coef(c: Any) -> Callable[[int], Any]:
    import sympy

    def coef(k: int) -> Any:
        return sympy.binomial(c, k)

    return coef
