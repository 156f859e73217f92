"""Exact zero recognition for a sum whose series in ω keeps cancelling.

Zero-equivalence of exp-log functions is the undecidable core of asymptotics
(Richardson 1968); Gruntz's algorithm assumes an oracle for it (Gruntz 1996, §3.4, the
"zero-equivalence problem"), which the engine does not have. When a series cancels at
`series.MAX_CANCELLED` consecutive exponents, `normalize` rewrites the term in ω by
identities that hold for all large n, each side condition proved by the engine's own
sign computation, and the engine expands the result once more. The identities:

* log of a product: log(c·Π bᵢ^kᵢ) = log c + Σ kᵢ·log bᵢ for c > 0 and bᵢ eventually
  positive (an eventually negative bᵢ with an even integer kᵢ contributes kᵢ·log(−bᵢ));
* log of a sum, factored at its leading term (the log-of-product rule on the
  expansion): for s = c₀·ω^e₀·u with c₀ > 0 the leading coefficient and u → 1,
  log s = log c₀ + e₀·log ω + log u, where u = s/(c₀·ω^e₀) is distributed over the sum
  so that equal units give equal terms (log(eⁿ + 1) and log(1 + e⁻ⁿ) both leave
  log(1 + ω));
* a real power of a product: (Π bᵢ^kᵢ)^e = Π bᵢ^(kᵢ·e) under the same sign conditions
  (√(f²) = f for f eventually positive);
* exp of a sum with logs: exp(Σ cᵢ·log aᵢ + r) = Π aᵢ^cᵢ · exp(r) (a log's argument is
  eventually positive by construction).

The normal form of sums then cancels what is equal; a term that becomes the constant 0
is identically 0 (proved), anything else is expanded again with the same bound, and a
second cancellation is reported as *unknown* naming the subterm. Every step spends
budget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rcproof.budget import spend
from rcproof.growth.explog import series as S
from rcproof.growth.explog import terms as T
from rcproof.growth.explog.constants import sign_of
from rcproof.growth.explog.expansion import first, series_of

if TYPE_CHECKING:
    from rcproof.growth.explog.gruntz import Engine


class _Normalizer:
    """One normalization of a term in ω (h = log ω), memoized by key."""

    def __init__(self, eng: Engine, h: T.Term) -> None:
        self.eng = eng
        self.h = h
        self.memo: dict[str, T.Term] = {}
        self.series: dict[str, S.Series] = {}

    def lead(self, t: T.Term) -> tuple[T.Term, Any, int] | None:
        """(c₀, e₀, sign) of t's leading term in ω; None when t is identically 0."""
        if T.W.name not in t.free:
            s = self.eng.sign(t)
            return None if s == 0 else (t, T.S0, s)
        found = first(self.eng, series_of(self.eng, t, self.h, self.series))
        return None if found is None else (found[1], found[2], found[3])

    def sign(self, t: T.Term) -> int:
        found = self.lead(t)
        return 0 if found is None else found[2]

    def norm(self, t: T.Term) -> T.Term:
        if T.W.name not in t.free:
            return t
        if t.key in self.memo:
            return self.memo[t.key]
        spend(1 + len(T.children(t)), "normalizing a possible zero")
        out: T.Term
        if t == T.W:
            out = t
        elif isinstance(t, T.Sum):
            out = T.add(T.Const(t.const),
                        *(T.mul(T.Const(c), expand(self.norm(u))) for u, c in t.terms))
        elif isinstance(t, T.Prod):
            out = T.mul(T.Const(t.const), *(self.power(self.norm(b), e) for b, e in t.factors))
        elif isinstance(t, T.Exp):
            out = self.exp(self.norm(t.arg))
        elif isinstance(t, T.Log):
            out = self.log(self.norm(t.arg))
        else:
            raise TypeError(f"not a term: {t!r}")
        self.memo[t.key] = out
        return out

    def _factors(self, p: T.Prod) -> list[tuple[T.Term, Any]] | None:
        """The factors bᵢ^kᵢ of p with each bᵢ made eventually positive (an eventually
        negative base with an even integer exponent is negated); None when some factor
        has no such form or the constant is not positive."""
        if sign_of(p.const) <= 0:
            return None
        out = []
        for b, k in p.factors:
            s = self.sign(b)
            if s > 0:
                out.append((b, k))
            elif s < 0 and k.is_Integer and k % 2 == 0:
                out.append((T.mul(T.Const(T.SM1), b), k))
            else:
                return None
        return out

    def power(self, b: T.Term, e: Any) -> T.Term:
        if isinstance(b, T.Prod) and not e.is_Integer:
            parts = self._factors(b)
            if parts is not None:
                return T.mul(T.Const(T.exact_power(b.const, e)),
                             *(T.power(f, k * e) for f, k in parts))
        return T.power(b, e)

    def exp(self, a: T.Term) -> T.Term:
        if isinstance(a, T.Sum):
            logs = [(u, c) for u, c in a.terms if isinstance(u, T.Log) and c.is_Rational]
            if logs:
                rest = T.add(T.Const(a.const), *(T.mul(T.Const(c), u) for u, c in a.terms
                                                 if (u, c) not in logs))
                return T.mul(T.exp_(rest), *(self.power(u.arg, c) for u, c in logs
                                             if isinstance(u, T.Log)))
        if isinstance(a, T.Log):
            return a.arg
        return T.exp_(a)

    def log(self, a: T.Term) -> T.Term:
        if T.W.name not in a.free:
            return T.log_(a)
        if isinstance(a, T.Prod):
            parts = self._factors(a)
            if parts is not None:
                return T.add(T.log_(T.Const(a.const)),
                             *(T.mul(T.Const(k), self.log(f)) for f, k in parts))
            return T.log_(a)
        if isinstance(a, T.Exp):
            return a.arg
        if isinstance(a, T.Sum):
            cleared = self._common_denominator(a)
            if cleared is not None:
                num, den = cleared
                return T.add(self.log(num), *(T.mul(T.Const(-k), self.log(b)) for b, k in den))
        found = self.lead(a)
        if found is None or found[2] < 0:
            return T.log_(a)  # not this rule's business: the expansion reports it
        c0, e0, _ = found
        unit_factor = T.mul(T.power(c0, T.SM1), T.power(T.W, -e0))
        if isinstance(a, T.Sum):
            unit = T.add(T.mul(unit_factor, T.Const(a.const)),
                         *(T.mul(unit_factor, T.Const(c), u) for u, c in a.terms))
        else:
            unit = T.mul(unit_factor, a)
        if unit == a:  # already a unit: nothing to factor out
            return T.log_(a)
        return T.add(T.log_(c0), T.mul(T.Const(e0), self.h), T.log_(unit))


    def _common_denominator(self, a: T.Sum) -> tuple[T.Term, list[tuple[T.Term, Any]]] | None:
        """(a·D expanded, D's factors) for D the product of the eventually positive sums
        that a's terms divide by (log(1 + 1/f) = log(f + 1) − log f); None when a has
        no such denominator."""
        den: dict[str, tuple[T.Term, Any]] = {}
        for u, _ in a.terms:
            if isinstance(u, T.Prod):
                for b, k in u.factors:
                    if isinstance(b, T.Sum) and k.is_Integer and k < 0 and T.W.name in b.free:
                        old = den.get(b.key)
                        den[b.key] = (b, max(-k, old[1]) if old else -k)
        parts = [(b, k) for b, k in den.values() if self.sign(b) > 0]
        if not parts:
            return None
        d = T.mul(*(T.power(b, k) for b, k in parts))
        num = T.add(expand(T.mul(d, T.Const(a.const))),
                    *(expand(T.mul(d, T.Const(c), u)) for u, c in a.terms))
        return num, parts


MAX_EXPANDED = 400  # terms of a multiplied-out product; larger products stay as they are


def expand(t: T.Term) -> T.Term:
    """A product with sum factors raised to positive integer powers, multiplied out into
    a sum (distributivity); unchanged when the result would exceed MAX_EXPANDED terms."""
    if not isinstance(t, T.Prod):
        return t
    sums = [(b, e) for b, e in t.factors if isinstance(b, T.Sum) and e.is_Integer and e > 0]
    if not sums:
        return t
    rest = T.mul(T.Const(t.const), *(T.power_factor(b, e) for b, e in t.factors
                                     if (b, e) not in sums))
    terms: list[T.Term] = [rest]
    for b, e in sums:
        parts = [T.Const(b.const), *(T.mul(T.Const(c), u) for u, c in b.terms)]
        for _ in range(int(e)):
            if len(terms) * len(parts) > MAX_EXPANDED:
                return t
            spend(len(terms) * len(parts), "multiplying out a product")
            terms = [T.mul(x, y) for x in terms for y in parts]
            terms = [terms[0]] if len(terms) == 1 else list(_summands(T.add(*terms)))
    return T.add(*terms)


def _summands(s: T.Term) -> list[T.Term]:
    if isinstance(s, T.Sum):
        return [T.Const(s.const), *(T.mul(T.Const(c), u) for u, c in s.terms)]
    return [s]


def normalize(eng: Engine, t: T.Term, h: T.Term) -> T.Term:
    """t (a term in ω, h = log ω) rewritten by the identities above; equal to t for all
    large n. Raises `Undecided` (or `series.Cancelled`) when a side condition's sign
    cannot be decided."""
    return expand(_Normalizer(eng, h).norm(t))
