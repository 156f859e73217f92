"""The certificate checker beyond monomials: exact sums of exp-monomials.

**Normal form.** A `Form` is an exact finite sum of terms k·exp(P(n))·n^a·(log n)^b·
(log log n)^e with rational a, b, e, where k and the coefficients of P are exact real
constants q₀ + Σ q_p·log p (checkconst.py) and P is a finite sum of monomials
n^a'·(log n)^b'·(log log n)^e'. So b^n = exp(n·log b), 2^(n+1) = 2·exp(n·log 2),
exp(n − 1) = exp(n − 1) (the constant stays in P), n^(log n) = exp((log n)²),
sqrt(2)·n = exp(½·log 2)·n. Rational multiples of log n and log log n in P move into
the monomial and the integer part of each multiple of log p into k, so equal terms
meet. `normalize`
rewrites an expression by identities valid for every real n ≥ 16 (a logarithm, a
fractional or a symbolic power only of a single term with a positive rational
coefficient, division only by a single term) and raises `Unsupported` for anything
else: log of a sum, exp of an exponential, a product of two logarithmic constants,
max/min inside an expression. A whole side log(S) with S a sum is not rewritten but
bounded (`log_bound`): K₁·T ≤ S ≤ K₂·T past N0 for S's largest term T, proved below,
so log(K₁·T) ≤ log S ≤ log(K₂·T); the checker uses the bound on the side it needs.
A whole side S^r, sqrt(S) or k/S is bounded likewise (`power_bound`): with K₁ ≤ κ ≤ K₂
within 1/64 of the largest terms' total κ, (K₁·T)^r ≤ S^r ≤ (K₂·T)^r for r > 0 and the
reverse for r < 0 (x ↦ x^r is monotone on x > 0, and S ≥ K₁·T > 0 past N0).

**Proof that h = Σ k_i·T_i ≥ 0 for all real n ≥ N0 = 2^k (k ≥ 4).** Write each term as
T_i = exp(L_i) with L_i = P_i + a_i·log n + b_i·log log n + e_i·log log log n. For two
terms, Δ = L_i − L_j is a monomial sum plus γ·log log log n; its largest monomial above
n⁰ with a nonzero coefficient (else γ, else nothing) decides whether T_i/T_j → ∞, → 0
or is the constant exp(Δ); that sign is proved in interval arithmetic and the checker
refuses when it cannot be (`compare_terms`). Let T be a largest term and G the terms
with a constant ratio to it. Then h/T = Σ_{i∈G} k_i·exp(Δ_i) + Σ_{i∉G} k_i·r_i with
r_i = T_i/T > 0. For each i ∉ G whose k_i may be negative, r_i is shown non-increasing on
[N0, ∞): with t = log n, d/dt log r_i is again a monomial sum (d/dt n^a(log n)^b(log log
n)^e = n^a(log n)^b(log log n)^e·(a + b/log n + e/(log n·log log n)), d/dt log log log n
= 1/(log n·log log n)), and −d/dt log r_i ≥ 0 on [N0, ∞) is proved by the monomial
checker (checkbound.py). Then k_i·r_i(n) ≥ min(k_i, 0)·r_i(N0), so
h/T ≥ Σ_G k_i·exp(Δ_i) + Σ_{i∉G} min(k_i, 0)·r_i(N0), which must be ≥ 0 in interval
arithmetic (log space; exp of an argument beyond 2^40 is bounded, never evaluated).

Shares no code with the exp-log engine (growth/explog/) or the expansion algebra.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from rcproof.budget import spend
from rcproof.growth import checkconst as K
from rcproof.growth.checkbound import (
    Mono,
    exp_enclosure,
    iv_of,
    mono_log,
    monomials_nonnegative,
    scales,
)
from rcproof.growth.checkconst import Const
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

PKey = tuple[tuple[Mono, Const], ...]
Term = tuple[PKey, Mono]
Form = dict[Term, Const]

_Z = Fraction(0)
_ONE: Mono = (_Z, _Z, _Z)
_LOG: Mono = (_Z, Fraction(1), _Z)
_LOGLOG: Mono = (_Z, _Z, Fraction(1))
_MAX_TERMS = 64
_MAX_INT_POWER = 16
_MAX_POWER_BITS = 1 << 16


class Unsupported(Exception):
    """Outside the exp-monomial fragment: the checker refuses (returns False)."""


def _madd(x: Mono, y: Mono, r: Fraction = Fraction(1)) -> Mono:
    return (x[0] + r * y[0], x[1] + r * y[1], x[2] + r * y[2])


def _pow_bits(base: Fraction, r: int) -> None:
    bits = max(base.numerator.bit_length(), base.denominator.bit_length()) * abs(r)
    if bits > _MAX_POWER_BITS:
        raise Unsupported("power too large")
    spend(bits // 64 + 1, "checking a certificate's coefficient")


def _term(k: Const, p: dict[Mono, Const], m: Mono) -> tuple[Term, Const]:
    """The canonical term k·exp(P)·m (see the module docstring) and its coefficient."""
    p = {x: c for x, c in p.items() if c}
    for mono, slot in ((_LOG, 0), (_LOGLOG, 1)):
        q = dict(p.get(mono, K.ZERO)).get(0, _Z)  # the rational part
        rest = K.add(p.get(mono, K.ZERO), K.rational(q), -1)
        if q:
            m = (m[0] + q, m[1], m[2]) if slot == 0 else (m[0], m[1] + q, m[2])
        if rest:
            p[mono] = rest
        else:
            p.pop(mono, None)
    const = dict(p.get(_ONE, K.ZERO))
    for key, q in list(const.items()):  # p^(w + r) = p^w·exp(r·log p), 0 ≤ r < 1
        whole = q.numerator // q.denominator
        if key >= 2 and whole and abs(whole) * key.bit_length() <= 4096:
            k = K.scale(k, Fraction(key) ** whole)
            const[key] = q - whole
    const = {key: q for key, q in const.items() if q}
    if const:
        p[_ONE] = tuple(sorted(const.items()))
    else:
        p.pop(_ONE, None)
    return (tuple(sorted(p.items())), m), k


def _add(x: Form, y: Form, sign: int = 1) -> Form:
    spend(len(x) + len(y), "checking a certificate (sums)")
    out = dict(x)
    for t, c in y.items():
        out[t] = K.add(out.get(t, K.ZERO), c, sign)
    return {t: c for t, c in out.items() if c}


def _mul(x: Form, y: Form) -> Form:
    spend(len(x) * len(y), "checking a certificate (products)")
    out: Form = {}
    for (p1, m1), c1 in x.items():
        for (p2, m2), c2 in y.items():
            k = K.mul(c1, c2)
            if k is None:
                raise Unsupported("a product of two logarithmic constants")
            p = dict(p1)
            for mono, c in p2:
                p[mono] = K.add(p.get(mono, K.ZERO), c)
            t, k = _term(k, p, _madd(m1, m2))
            out[t] = K.add(out.get(t, K.ZERO), k)
    out = {t: c for t, c in out.items() if c}
    if len(out) > _MAX_TERMS:
        raise Unsupported("too many terms")
    return out


def _single(x: Form) -> tuple[PKey, Mono, Const]:
    if len(x) != 1:
        raise Unsupported("not a single term")
    (p, m), k = next(iter(x.items()))
    return p, m, k


def _positive_rational(k: Const) -> Fraction:
    q = K.as_rational(k)
    if q is None or q <= 0:
        raise Unsupported("needs a positive rational coefficient")
    return q


def _power(x: Form, r: Fraction) -> Form:
    """x^r for a rational r (x > 0 for n ≥ 16 unless r is a small natural number)."""
    if r.denominator == 1 and 0 <= r <= _MAX_INT_POWER:
        out: Form = {((), _ONE): K.rational(Fraction(1))}
        for _ in range(int(r)):
            out = _mul(out, x)
        return out
    p, m, k = _single(x)
    q = K.as_rational(k)
    p_r = {mono: K.scale(c, r) for mono, c in p}
    if q is not None and q > 0 and r.denominator != 1:
        p_r[_ONE] = K.add(p_r.get(_ONE, K.ZERO), K.scale(K.log_of(q), r))
        k_r = K.rational(Fraction(1))
    elif q is not None and r.denominator == 1:
        if q == 0 and r < 0:
            raise ZeroDivisionError("a power of zero")
        _pow_bits(q, int(r))
        k_r = K.rational(q ** int(r))
        if not k_r:
            return {}
    elif r == 1:
        k_r = k
    else:
        raise Unsupported("a power of an irrational or negative coefficient")
    t, c = _term(k_r, p_r, (m[0] * r, m[1] * r, m[2] * r))
    return {t: c}


def _exponent(x: Form) -> dict[Mono, Const]:
    if any(p for p, _ in x):
        raise Unsupported("exp of an exponential")
    return {m: c for (_, m), c in x.items()}


def _exp(x: Form) -> Form:
    t, c = _term(K.rational(Fraction(1)), _exponent(x), _ONE)
    return {t: c}


def _log(x: Form) -> Form:
    """log of a single term with a positive rational coefficient (log log log n refused)."""
    p, m, k = _single(x)
    if m[2] != 0:
        raise Unsupported("log of a log log factor")
    parts: Form = {}
    for mono, c in ((_ONE, K.log_of(_positive_rational(k))), *p,
                    (_LOG, K.rational(m[0])), (_LOGLOG, K.rational(m[1]))):
        parts[((), mono)] = K.add(parts.get(((), mono), K.ZERO), c)
    return {t: c for t, c in parts.items() if c}


def _constant(x: Form) -> Fraction | None:
    if not x:
        return _Z
    if len(x) == 1 and ((), _ONE) in x:
        return K.as_rational(x[((), _ONE)])
    return None


def normalize(e: Expr) -> Form:
    """e as an exact exp-monomial sum, or raise Unsupported (or ZeroDivisionError)."""
    if isinstance(e, Num):
        return {((), _ONE): K.rational(Fraction(e.value))} if e.value else {}
    if isinstance(e, Name):
        if e.id != "n":
            raise Unsupported(e.id)
        return {((), (Fraction(1), _Z, _Z)): K.rational(Fraction(1))}
    if isinstance(e, Neg):
        return {t: K.scale(c, Fraction(-1)) for t, c in normalize(e.operand).items()}
    if isinstance(e, BinOp):
        x, y = normalize(e.left), normalize(e.right)
        if e.op in ("+", "-"):
            return _add(x, y, 1 if e.op == "+" else -1)
        if e.op == "*":
            return _mul(x, y)
        if e.op == "/":
            return _mul(x, _power(y, Fraction(-1)))
        if e.op == "^":
            r = _constant(y)
            return _power(x, r) if r is not None else _exp(_mul(y, _log(x)))
        raise Unsupported(e.op)
    if isinstance(e, Call) and len(e.args) == 1 and not e.kwargs:
        x = normalize(e.args[0])
        if e.func == "sqrt":
            return _power(x, Fraction(1, 2))
        if e.func == "log":
            return _log(x)
        if e.func == "exp":
            return _exp(x)
    raise Unsupported("unsupported expression")


# ---- the proof ------------------------------------------------------------------------

Delta = tuple[dict[Mono, Const], Fraction]  # a monomial sum + γ·log log log n


def _delta(t1: Term, t2: Term) -> Delta:
    """L₁ − L₂ (module docstring) for T₁ = exp(L₁), T₂ = exp(L₂)."""
    (p1, m1), (p2, m2) = t1, t2
    out = dict(p1)
    for mono, c in p2:
        out[mono] = K.add(out.get(mono, K.ZERO), c, -1)
    for mono, q in ((_LOG, m1[0] - m2[0]), (_LOGLOG, m1[1] - m2[1])):
        out[mono] = K.add(out.get(mono, K.ZERO), K.rational(q))
    return {m: c for m, c in out.items() if c}, m1[2] - m2[2]


def _sign(c: Const) -> int:
    box = K.interval(c)
    if box.a > 0:
        return 1
    if box.b < 0:
        return -1
    raise Unsupported("the sign of a constant is not separated from 0")


def compare_terms(t1: Term, t2: Term) -> int:
    """+1 if T₁/T₂ → ∞, −1 if → 0, 0 if constant; raises Unsupported if not proved."""
    spend(4, "checking a certificate (comparing terms)")
    delta, gamma = _delta(t1, t2)
    growing = [m for m in delta if m > _ONE]
    if growing:
        return _sign(delta[max(growing)])
    return (gamma > 0) - (gamma < 0)


def _lead(h: Form) -> tuple[Term, list[Term]]:
    """A largest term and the terms with a constant ratio to it."""
    terms = sorted(h)
    lead, group = terms[0], [terms[0]]
    for t in terms[1:]:
        order = compare_terms(t, lead)
        if order > 0:
            lead, group = t, [t]
        elif order == 0:
            group.append(t)
    return lead, group


def _value(d: Delta, log2_n0: int) -> Any:
    """An enclosure of Δ at n = N0, or None when a monomial is too large to evaluate."""
    delta, gamma = d
    total = iv_of(gamma) * scales(log2_n0)[2]
    for m, c in delta.items():
        size = exp_enclosure(mono_log(m, log2_n0))
        if size is None:
            return None
        total = total + K.interval(c) * size
    return total


def _derivative(d: Delta) -> dict[Mono, Const]:
    """d/dt Δ with t = log n, as a monomial sum (module docstring)."""
    delta, gamma = d
    out: dict[Mono, Const] = {}

    def put(m: Mono, c: Const) -> None:
        out[m] = K.add(out.get(m, K.ZERO), c)

    for (a, b, e), c in delta.items():
        put((a, b, e), K.scale(c, a))
        put((a, b - 1, e), K.scale(c, b))
        put((a, b - 1, e - 1), K.scale(c, e))
    put((_Z, Fraction(-1), Fraction(-1)), K.rational(gamma))
    return {m: c for m, c in out.items() if c}


def _non_increasing(d: Delta, log2_n0: int) -> bool:
    """exp(Δ) is non-increasing on [N0, ∞): −dΔ/dt ≥ 0 there (checkbound.py)."""
    slope = {m: K.interval(K.scale(c, Fraction(-1))) for m, c in _derivative(d).items()}
    return monomials_nonnegative(slope, log2_n0)


def nonnegative(h: Form, log2_n0: int) -> bool:
    """h(n) ≥ 0 for every real n ≥ 2^log2_n0 (module docstring); False: not proved.
    Raises Unsupported when a term order cannot be proved."""
    if not h:
        return True
    if log2_n0 < 4:
        return False
    from mpmath import iv

    lead, group = _lead(h)
    bound = iv.mpf(0)
    for t in group:
        value = _value(_delta(t, lead), log2_n0)
        ratio = None if value is None else exp_enclosure(value)
        if ratio is None:
            return False
        bound = bound + K.interval(h[t]) * ratio
    for t, c in h.items():
        if t in group:
            continue
        spend(8 * len(h), "checking a certificate (exp-monomial bounds)")
        k = K.interval(c)
        if k.a >= 0:
            continue
        d = _delta(t, lead)
        if not _non_increasing(d, log2_n0):
            return False
        value = _value(d, log2_n0)
        ratio = None if value is None else exp_enclosure(value)
        if ratio is None:
            return False
        bound = bound + iv.mpf(k.a) * ratio
    return bool(bound.a >= 0)


def inequality(a: Expr, b: Expr, c: Fraction, log2_n0: int) -> bool:
    """a(n) ≤ c·b(n) for every real n ≥ 2^log2_n0: h = c·b − a normalized, then
    `nonnegative`; a side log(S) with S a sum is replaced by a bound (`log_bound`).
    Raises Unsupported (or ZeroDivisionError) outside the fragment."""
    upper = side(a, log2_n0, upper=True)
    scaled = {t: K.scale(k, c) for t, k in side(b, log2_n0, upper=False).items()}
    return nonnegative(_add(scaled, upper, -1), log2_n0)


def side(e: Expr, log2_n0: int, upper: bool) -> Form:
    """e's exact normal form; for e = log(S), S^r, sqrt(S) or k/S with S outside the
    single terms (r rational, not a natural number ≤ 16; k > 0 rational), a form F with
    e ≤ F (upper) or e ≥ F (lower) on [N0, ∞) (`log_bound`, `power_bound`)."""
    if isinstance(e, Call) and e.func == "log" and len(e.args) == 1 and not e.kwargs:
        inner = normalize(e.args[0])
        if len(inner) != 1:
            low, high = log_bound(inner, log2_n0)
            return high if upper else low
    found = _power_side(e)
    if found is not None:
        base, r, k = found
        low, high = power_bound(base, r, log2_n0)
        return {t: K.scale(c, k) for t, c in (high if upper else low).items()}
    return normalize(e)


def readable(e: Expr) -> bool:
    """Whether `side` can read e's shape (an exact form, or log(S), S^r, sqrt(S), k/S of
    an exact sum S), without proving any bound; a bound may still fail at a given N0."""
    try:
        if isinstance(e, Call) and e.func == "log" and len(e.args) == 1 and not e.kwargs:
            normalize(e.args[0])
            return True
        if _power_side(e) is not None:
            return True
        normalize(e)
        return True
    except (Unsupported, ZeroDivisionError, ValueError, RecursionError):
        return False


def _power_side(e: Expr) -> tuple[Form, Fraction, Fraction] | None:
    """(S, r, k) when e is k·S^r written as S^r, sqrt(S) or k/S with S a sum of several
    terms and r not a natural number ≤ 16 (those are expanded exactly); else None."""
    k, r = Fraction(1), None
    if isinstance(e, BinOp) and e.op == "^":
        r, inner = _constant(normalize(e.right)), e.left
    elif isinstance(e, Call) and e.func == "sqrt" and len(e.args) == 1 and not e.kwargs:
        r, inner = Fraction(1, 2), e.args[0]
    elif isinstance(e, BinOp) and e.op == "/":
        num = _constant(normalize(e.left))
        if num is None or num <= 0:
            return None
        k, r, inner = num, Fraction(-1), e.right
    if r is None or (r.denominator == 1 and 0 <= r <= _MAX_INT_POWER):
        return None
    base = normalize(inner)
    return (base, r, k) if len(base) > 1 else None


_POWER_SLACK = Fraction(1, 64)  # K₁ = κ_lo·(1 − 1/64), K₂ = κ_hi·(1 + 1/64)
_POWER_GRID = 1 << 12  # K₁, K₂ rounded outward to multiples of 2^-12


def power_bound(s: Form, r: Fraction, log2_n0: int) -> tuple[Form, Form]:
    """S^r ≥ (K_lo·T)^r and S^r ≤ (K_hi·T)^r on [N0, ∞), as forms, for a rational r ≠ 0:
    T is the largest term of S (coefficient 1), κ the total of the terms with a constant
    ratio to it, K₁ ≤ κ ≤ K₂ rationals close to κ, and K₁·T ≤ S ≤ K₂·T is proved by
    `nonnegative` (so S > 0 there); x ↦ x^r is increasing for r > 0 and decreasing for
    r < 0, so (K_lo, K_hi) = (K₁, K₂) or (K₂, K₁). Raises Unsupported when not proved."""
    if not s or r == 0:
        raise Unsupported("a power of zero, or the power 0 of a sum")
    lead, group = _lead(s)
    total = _group_total(s, lead, group)
    if total is None or not (total.a > 0) or not (total.b < 1 << 64):
        raise Unsupported("a power of a sum whose largest terms are not positive")
    k1 = Fraction(int(_fraction(total.a) * (1 - _POWER_SLACK) * _POWER_GRID), _POWER_GRID)
    k2 = Fraction(-int(-_fraction(total.b) * (1 + _POWER_SLACK) * _POWER_GRID),
                  _POWER_GRID)
    if k1 <= 0:
        raise Unsupported("a power of a sum: its largest terms' total is too small")
    for k, below in ((k1, True), (k2, False)):
        bound = {lead: K.rational(k)}
        if not nonnegative(_add(s, bound, -1) if below else _add(bound, s, -1), log2_n0):
            raise Unsupported("a power of a sum: no bound by its largest term")
    low, high = (_power({lead: K.rational(k)}, r) for k in (k1, k2))
    return (low, high) if r > 0 else (high, low)


def _fraction(x: Any) -> Fraction:
    """The exact value of a finite mpmath interval endpoint (a point interval), read from
    its raw tuple: `mpmath.mpf(x)` would round it to the global 53 bits (review 8)."""
    low, high = x._mpi_
    if low != high:
        raise Unsupported("an interval endpoint that is not a point")
    sign, man, exp, _ = low
    value = Fraction(int(man)) * Fraction(2) ** int(exp)
    return -value if sign else value


def log_bound(s: Form, log2_n0: int) -> tuple[Form, Form]:
    """log S ≥ log(K₁·T) and log S ≤ log(K₂·T) on [N0, ∞), as forms: T is the largest term
    of S (coefficient 1) and the group total κ of the terms with a constant ratio to it
    gives 0 < K₁ = κ_lo/2 and K₂ = 2·κ_hi; K₁·T ≤ S ≤ K₂·T is proved by `nonnegative`
    (so S > 0 and log S is defined there), and log is increasing. Raises Unsupported
    when it is not proved."""
    if not s:
        raise Unsupported("log of zero")
    lead, group = _lead(s)
    total = _group_total(s, lead, group)
    if total is None or not (total.a > 0) or not (total.b < 1 << 64):
        raise Unsupported("log of a sum whose largest terms are not positive")
    bounds = []
    for k in (_fraction(total.a) / 2, _fraction(total.b) * 2):
        bound = {lead: K.rational(k)}
        below = k < _fraction(total.a)
        if not nonnegative(_add(s, bound, -1) if below else _add(bound, s, -1), log2_n0):
            raise Unsupported("log of a sum: no bound by its largest term")
        bounds.append(_log(bound))
    return bounds[0], bounds[1]


def _group_total(s: Form, lead: Term, group: list[Term]) -> Any:
    """Σ over the group of k_i·exp(Δ_i) (constant ratios to `lead`), as an interval;
    None when a ratio is not constant (cannot happen) or too large to evaluate."""
    from mpmath import iv

    total = iv.mpf(0)
    for t in group:
        delta, gamma = _delta(t, lead)
        if gamma or any(m != _ONE for m in delta):
            return None
        ratio = exp_enclosure(K.interval(delta.get(_ONE, K.ZERO)))
        if ratio is None:
            return None
        total = total + K.interval(s[t]) * ratio
    return total


_FAR = 64  # log2 of the N0 past which a log(S) side is bounded for an o/ω question


def below_eventually(a: Expr, b: Expr) -> bool:
    """a = o(b) for expressions: b ≥ F_b (its normal form or lower log bound) and each
    of a's forms (both bounds of a log(S), valid past 2^_FAR) strictly below F_b, so
    |a|/b ≤ max |F_a|/F_b → 0. Raises Unsupported outside the fragment."""
    low_b = side(b, _FAR, upper=False)
    return all(strictly_below(side(a, _FAR, upper), low_b) for upper in (True, False))


def strictly_below(a: Form, b: Form) -> bool:
    """a = o(b): b's largest terms have a positive total coefficient and a's largest
    term is of strictly lower order (T_a/T_b → 0, proved by `compare_terms`)."""
    if not b:
        return False
    lead_b, group_b = _lead(b)
    total = _group_total(b, lead_b, group_b)
    if total is None or not (total.a > 0):
        return False
    if not a:
        return True
    lead_a, _ = _lead(a)
    return compare_terms(lead_a, lead_b) < 0
