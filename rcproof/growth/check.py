"""Independent re-verification of certificates `f(n) ≤ c·g(n) for all n ≥ N0`.

This module shares no code with the expansion machinery that finds certificates: it
rewrites f and g into *exact* finite sums of monomials k·n^a·(log n)^b·(log log n)^e
(refusing anything that is not exactly such a sum), forms h = c·g − f, and proves
h(n) ≥ 0 for all real n ≥ N0 = 2^k as follows. With m the largest monomial of h and
k1 > 0 its coefficient, h/m = k1 + Σ k_i·r_i where each r_i = m_i/m is
n^α (log n)^β (log log n)^γ with (α, β, γ) < 0 lexicographically. Past its critical
point (where α + β/t + γ/(t·log t) ≤ 0 for all t = log n ≥ log N0, checked by a
sufficient closed-form condition) r_i is non-increasing, so for the negative terms
k_i·r_i(n) ≥ k_i·r_i(N0), and the positive terms are ≥ 0. Hence h/m ≥ k1 + Σ_{k_i<0}
k_i·r_i(N0), which is evaluated in mpmath interval arithmetic in log space (t = k·log 2;
2^k is never formed; the base step is checkbound.py). `max`/`min` at the top of either
side are split into cases. A side that is not an exact monomial sum is read instead as
an exact exp-monomial sum (2^n, exp(n − 1), n^(log n), …) and the inequality proved by
checkexp.py; outside that fragment too the checker refuses (returns False).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction

from rcproof.budget import current, spend
from rcproof.growth import checkexp, ratbounds
from rcproof.growth.checkbound import IV_UNITS, iv_of, monomials_nonnegative
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

Mono = tuple[Fraction, Fraction, Fraction]
Poly = dict[Mono, Fraction]

_Z = Fraction(0)
_ONE: Mono = (_Z, _Z, _Z)
_N: Mono = (Fraction(1), _Z, _Z)
_L: Mono = (_Z, Fraction(1), _Z)
_LL: Mono = (_Z, _Z, Fraction(1))
_MAX_TERMS = 64
_MAX_INT_POWER = 16
_MIN_LOG2_N0 = 4  # N0 ≥ 16: log n > e and log log n > 1 > 0
_PREC = 128
_MAX_POWER_BITS = 1 << 16  # larger exact coefficients are refused (not proved)


class Unsupported(Exception):
    """Not an exact finite sum of monomials: the checker refuses (returns False)."""


def _add(x: Poly, y: Poly, sign: int = 1) -> Poly:
    spend(len(x) + len(y), "checking a certificate (sums)")
    out = dict(x)
    for m, c in y.items():
        out[m] = out.get(m, _Z) + sign * c
    return {m: c for m, c in out.items() if c != 0}


def _mul(x: Poly, y: Poly) -> Poly:
    spend(len(x) * len(y), "checking a certificate (products)")
    out: Poly = {}
    for (a1, b1, e1), c1 in x.items():
        for (a2, b2, e2), c2 in y.items():
            m = (a1 + a2, b1 + b2, e1 + e2)
            out[m] = out.get(m, _Z) + c1 * c2
    out = {m: c for m, c in out.items() if c != 0}
    if len(out) > _MAX_TERMS:
        raise Unsupported("too many terms")
    return out


def _root(k: int, q: int) -> int | None:
    """Exact integer q-th root of k ≥ 0 by bisection (deliberately simple).

    For k ≥ 2 the root lies in [1, 2^(bits(k)/q + 1)), so no power larger than about
    k·2^q is formed, and q ≥ bits(k) means 1 < root < 2 (no integer root)."""
    if k < 2:
        return k
    if q >= k.bit_length():
        return None
    spend(k.bit_length() * k.bit_length().bit_length(), "checking an exact root")
    lo, hi = 0, 1 << (k.bit_length() // q + 1)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid ** q <= k:
            lo = mid
        else:
            hi = mid
    return lo if lo ** q == k else None


def _const(p: Poly) -> Fraction:
    if not p:
        return _Z
    if set(p) != {_ONE}:
        raise Unsupported("exponent is not a rational constant")
    return p[_ONE]


def _single(p: Poly) -> tuple[Mono, Fraction]:
    if len(p) != 1:
        raise Unsupported("not a single monomial")
    return next(iter(p.items()))


def _power(base: Poly, r: Fraction) -> Poly:
    if r.denominator == 1 and 0 <= r <= _MAX_INT_POWER:
        out: Poly = {_ONE: Fraction(1)}
        for _ in range(int(r)):
            out = _mul(out, base)
        return out
    (a, b, e), c = _single(base)
    if r.denominator != 1:
        if c <= 0:
            raise Unsupported("fractional power of a non-positive coefficient")
        num = _root(c.numerator, r.denominator)
        den = _root(c.denominator, r.denominator)
        if num is None or den is None:
            raise Unsupported("irrational coefficient")
        bits = (max(num.bit_length(), den.bit_length()) - 1) * abs(r.numerator)
        if bits > _MAX_POWER_BITS:
            raise Unsupported("power too large")
        spend(bits, "checking a certificate's coefficient")
        value = Fraction(num, den) ** r.numerator
    elif abs(c) == 1 or abs(r) <= 4096:
        bits = (max(c.numerator.bit_length(), c.denominator.bit_length()) - 1) * abs(int(r))
        if bits > _MAX_POWER_BITS:
            raise Unsupported("power too large")
        spend(bits, "checking a certificate's coefficient")
        value = c ** int(r)
    else:
        raise Unsupported("power too large")
    return {(a * r, b * r, e * r): value}


_memo: dict[int, tuple[Expr, Poly, int]] | None = None  # see normal_forms


@contextmanager
def normal_forms() -> Iterator[None]:
    """Within the block (one certificate search) each expression is normalized once.
    A repeat spends the work units of the first time again, so the budget, and hence
    every verdict, is the same with or without the memo."""
    global _memo
    saved, _memo = _memo, {}
    try:
        yield
    finally:
        _memo = saved


def normalize(e: Expr) -> Poly:
    """f as an exact finite sum of monomials, or raise Unsupported."""
    if _memo is None:
        return _normalize(e)
    hit = _memo.get(id(e))
    if hit is not None and hit[0] is e:
        spend(hit[2], "checking a certificate (normal forms)")
        return dict(hit[1])
    before = current().spent
    poly = _normalize(e)
    _memo[id(e)] = (e, poly, current().spent - before)
    return dict(poly)


def _sum(e: BinOp) -> Poly:
    """A chain of + and − in one pass (adding pairwise would copy the sum per term)."""
    terms: list[tuple[int, Expr]] = []
    node: Expr = e
    while isinstance(node, BinOp) and node.op in ("+", "-"):
        terms.append((1 if node.op == "+" else -1, node.right))
        node = node.left
    terms.append((1, node))
    out: Poly = {}
    for sign, term in reversed(terms):
        part = normalize(term)
        spend(len(part), "checking a certificate (sums)")
        for m, c in part.items():
            out[m] = out.get(m, _Z) + sign * c
    return {m: c for m, c in out.items() if c != 0}


def _normalize(e: Expr) -> Poly:
    if isinstance(e, Num):
        v = Fraction(e.value)
        return {_ONE: v} if v else {}
    if isinstance(e, Name):
        if e.id != "n":
            raise Unsupported(e.id)
        return {_N: Fraction(1)}
    if isinstance(e, Neg):
        return {m: -c for m, c in normalize(e.operand).items()}
    if isinstance(e, BinOp):
        if e.op in ("+", "-"):
            return _sum(e)
        x = normalize(e.left)
        y = normalize(e.right)
        if e.op == "*":
            return _mul(x, y)
        if e.op == "/":
            (a, b, ee), c = _single(y)
            return _mul(x, {(-a, -b, -ee): 1 / c})
        if e.op == "^":
            return _power(x, _const(y))
        raise Unsupported(e.op)
    if isinstance(e, Call) and len(e.args) == 1 and not e.kwargs:
        x = normalize(e.args[0])
        if e.func == "sqrt":
            return _power(x, Fraction(1, 2))
        if e.func == "log":
            (a, b, ee), c = _single(x)
            if c != 1 or ee != 0:
                raise Unsupported("log of a monomial with a coefficient or log log factor")
            return {m: k for m, k in ((_L, a), (_LL, b)) if k}
        if e.func == "exp":
            if not set(x) <= {_L, _LL}:
                raise Unsupported("exp of something other than α·log n + β·log log n")
            return {(x.get(_L, _Z), x.get(_LL, _Z), _Z): Fraction(1)}
    raise Unsupported("unsupported expression")


def _poly_nonnegative(h: Poly, log2_n0: int) -> bool:
    """h(n) ≥ 0 for every real n ≥ 2^log2_n0 (exact rational coefficients): first in
    exact rational intervals (ratbounds.py, no mpmath: issue 13), else by checkbound.py's
    mpmath intervals; both bound the same quantity (see the module docstring)."""
    if any(k == 0 for k in h.values()):
        h = {m: k for m, k in h.items() if k}
    if not h:
        return True
    lead = max(h)
    if h[lead] > 0 and log2_n0 >= 4 and _exactly_nonnegative(h, lead, log2_n0):
        spend(IV_UNITS * len(h), "checking a certificate (interval bounds)")
        return True
    return monomials_nonnegative({m: iv_of(k) for m, k in h.items()}, log2_n0)


@functools.lru_cache(maxsize=256)
def _logs_at(log2_n0: int) -> tuple[ratbounds.Interval, ...] | None:
    """Enclosures of t = log N0, log t and log log t for N0 = 2^log2_n0 (log t ≥ 1), or
    None."""
    t0 = ratbounds.scale(Fraction(log2_n0), ratbounds.log2())
    log_t0 = ratbounds.log(t0)
    if log_t0 is None or not log_t0[0] >= 1:
        return None
    loglog_t0 = ratbounds.log(log_t0)
    return None if loglog_t0 is None else (t0, log_t0, loglog_t0)


def _exactly_nonnegative(h: Poly, lead: Mono, log2_n0: int) -> bool:
    """The bound of the module docstring in exact rational interval arithmetic
    (growth/ratbounds.py); False when it does not show h ≥ 0 (intervals then decide)."""
    logs = _logs_at(log2_n0)
    if logs is None:
        return False
    t0, log_t0, loglog_t0 = logs
    bound = h[lead]
    for m, k in h.items():
        if m == lead or k > 0:
            continue
        alpha, beta, gamma = (m[0] - lead[0], m[1] - lead[1], m[2] - lead[2])
        if alpha < 0:
            if not t0[0] >= (abs(beta) + abs(gamma)) / -alpha:
                return False
        elif beta < 0:
            if gamma > 0 and not log_t0[0] >= gamma / -beta:
                return False
        elif not (alpha == 0 and beta == 0 and gamma < 0):
            return False
        log_r = sum((w * (x[1] if w > 0 else x[0])
                     for w, x in ((alpha, t0), (beta, log_t0), (gamma, loglog_t0))),
                    Fraction(0))  # an upper bound of log r_i(N0)
        r = ratbounds.exp_upper(log_r)
        if r is None:
            return False
        bound += k * r
    return bound >= 0


def _le(a: Expr, b: Expr, c: Fraction, log2_n0: int) -> bool:
    """a(n) ≤ c·b(n) for all n ≥ 2^log2_n0, with c > 0; max/min split into cases."""
    if isinstance(a, Call) and a.func in ("max", "min") and a.args and not a.kwargs:
        parts = [_le(x, b, c, log2_n0) for x in a.args]
        return all(parts) if a.func == "max" else any(parts)
    if isinstance(b, Call) and b.func in ("max", "min") and b.args and not b.kwargs:
        parts = [_le(a, y, c, log2_n0) for y in b.args]
        return any(parts) if b.func == "max" else all(parts)
    try:
        h = _add({m: c * k for m, k in normalize(b).items()}, normalize(a), -1)
    except (Unsupported, ZeroDivisionError):
        return _exp_le(a, b, c, log2_n0)
    return _poly_nonnegative(h, log2_n0)


def _exp_le(a: Expr, b: Expr, c: Fraction, log2_n0: int) -> bool:
    """a ≤ c·b past N0 in the exp-monomial fragment (checkexp.py); refusal is False."""
    try:
        return checkexp.inequality(a, b, c, log2_n0)
    except (checkexp.Unsupported, ZeroDivisionError, ValueError, RecursionError):
        return False


def _lead_positive(p: Poly) -> Mono | None:
    if not p:
        return None
    lead = max(p)
    return lead if p[lead] > 0 else None


def strictly_below(a: Expr, b: Expr) -> bool:
    """a = o(b), shown by the leading monomials of the exact normal forms (both positive),
    or by the largest terms of the exp-monomial forms (checkexp.strictly_below)."""
    if isinstance(a, Call) and a.func in ("max", "min") and a.args and not a.kwargs:
        parts = [strictly_below(x, b) for x in a.args]
        return all(parts) if a.func == "max" else any(parts)
    if isinstance(b, Call) and b.func in ("max", "min") and b.args and not b.kwargs:
        parts = [strictly_below(a, y) for y in b.args]
        return any(parts) if b.func == "max" else all(parts)
    try:
        la, lb = _lead_positive(normalize(a)), _lead_positive(normalize(b))
    except (Unsupported, ZeroDivisionError):
        try:
            return checkexp.below_eventually(a, b)
        except (checkexp.Unsupported, ZeroDivisionError, ValueError, RecursionError):
            return False
    return la is not None and lb is not None and la < lb


def in_fragment(e: Expr) -> bool:
    """Whether the checker can read e at all (max/min at the top split into their
    arguments): an exact monomial sum or an exp-monomial sum (checkexp.py). A search for
    certificates skips the N0 search when a side is outside."""
    if isinstance(e, Call) and e.func in ("max", "min") and e.args and not e.kwargs:
        return all(in_fragment(x) for x in e.args)
    try:
        normalize(e)
        return True
    except (Unsupported, ZeroDivisionError):
        pass
    return checkexp.readable(e)  # log(S), S^r: bounded by S's largest term past N0


def check_inequality(a: Expr, b: Expr, c: Fraction, log2_n0: int) -> bool:
    """Prove a(n) ≤ c·b(n) for all real n ≥ 2^log2_n0; False means "not proved"."""
    if c <= 0 or log2_n0 < _MIN_LOG2_N0:
        return False
    return _le(a, b, c, log2_n0)
