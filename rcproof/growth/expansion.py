"""Asymptotic expansions f = Σ c_i·m_i + O(m_err) over growth monomials, and their algebra.

Every operation returns an expansion that is *true* about the function it describes: the
kept terms are exact (coefficients enclosed by `Coef`) and everything that was dropped,
truncated or left unknown is covered by the single error monomial, which is strictly
below every kept term. Series (binomial, log, exp) are cut after `ORDER` terms with
their Taylor remainder put into the error, so soundness never depends on convergence
speed. Terms and exponents are exact Fractions: no floats ever decide an order.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rcproof.budget import spend
from rcproof.growth.coef import ONE, Coef
from rcproof.growth.errors import NotInFragment, NotPositive, SignUnknown
from rcproof.growth.exps import LOG, LOGLOG, ZERO, Exps
from rcproof.growth.realexp import Real, RealExp, is_real

MAX_TERMS = 12  # terms kept after each operation; the rest goes into the error
ORDER = 5  # terms of each series before its remainder goes into the error
SMALL_POWER = 8  # integer powers up to this are multiplied out (no sign needed)
_LLL_BOUND = Exps(Fraction(0), Fraction(0), Fraction(1, 4))  # log log log n = O(this)

Term = tuple[Exps, Coef]


@dataclass(frozen=True)
class Expansion:
    """Σ coef·n^a (log n)^b (log log n)^e over `terms` (strictly decreasing) + O(err).

    `err is None` means the sum is exact; no terms and no error is the zero function.
    """

    terms: tuple[Term, ...]
    err: Exps | None = None

    def top(self) -> Exps | None:
        """The largest monomial present (a term or the error): |f| = O(top)."""
        if self.terms:
            return self.terms[0][0]
        return self.err

    def is_zero(self) -> bool:
        return not self.terms and self.err is None

    def sign(self) -> int | None:
        """Eventual sign: ±1 from the leading coefficient, 0 if identically 0, else None."""
        if not self.terms:
            return 0 if self.err is None else None
        return self.terms[0][1].sign()

    def __str__(self) -> str:
        parts = [f"{c}·n^{m}" for m, c in self.terms]
        if self.err is not None:
            parts.append(f"O(n^{self.err})")
        return " + ".join(parts) if parts else "0"


ZERO_EXPANSION = Expansion(())


def monomial(coef: Coef, exps: Exps) -> Expansion:
    if coef.sign() == 0:
        return ZERO_EXPANSION
    return Expansion(((exps, coef),))


def constant(coef: Coef) -> Expansion:
    return monomial(coef, ZERO)


def _build(coefs: dict[Exps, Coef], err: Exps | None) -> Expansion:
    """Normalize: drop zero terms and terms ≤ err, sort, truncate into the error."""
    items = [
        (m, c) for m, c in coefs.items()
        if not (c.lo == 0 and c.hi == 0) and (err is None or m > err)
    ]
    items.sort(key=lambda t: t[0], reverse=True)
    if len(items) > MAX_TERMS:
        cut = items[MAX_TERMS][0]
        if err is None or cut > err:
            err = cut
        items = items[:MAX_TERMS]
    return Expansion(tuple(items), err)


def _max_err(a: Exps | None, b: Exps | None) -> Exps | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a > b else b


def add(x: Expansion, y: Expansion) -> Expansion:
    coefs = dict(x.terms)
    for m, c in y.terms:
        old = coefs.get(m)
        coefs[m] = c if old is None else old + c
    return _build(coefs, _max_err(x.err, y.err))


def neg(x: Expansion) -> Expansion:
    return Expansion(tuple((m, -c) for m, c in x.terms), x.err)


def sub(x: Expansion, y: Expansion) -> Expansion:
    return add(x, neg(y))


def mul(x: Expansion, y: Expansion) -> Expansion:
    """(A + O(ex))(B + O(ey)) = AB + O(top(A)·ey + top(B)·ex)."""
    if x.is_zero() or y.is_zero():
        return ZERO_EXPANSION
    err: Exps | None = None
    tx, ty = x.top(), y.top()
    if y.err is not None and tx is not None:
        err = tx + y.err
    if x.err is not None and ty is not None:
        err = _max_err(err, ty + x.err)
    coefs: dict[Exps, Coef] = {}
    spend(len(x.terms) * len(y.terms), "multiplying expansions (Tier 1)")
    for mx, cx in x.terms:
        for my, cy in y.terms:
            m = mx + my
            c = cx * cy
            old = coefs.get(m)
            coefs[m] = c if old is None else old + c
    return _build(coefs, err)


def _series(u: Expansion, coefs: list[Fraction], remainder: bool) -> Expansion:
    """Σ coefs[k]·u^k (+ O(top(u)^len(coefs)) when `remainder`), for u = o(1)."""
    out = constant(Coef.exact(coefs[0]))
    power = constant(ONE)
    for k in range(1, len(coefs)):
        power = mul(power, u)
        if power.is_zero():
            break
        if coefs[k]:
            out = add(out, mul(constant(Coef.exact(coefs[k])), power))
    top = u.top()
    if remainder and top is not None:
        out = add(out, Expansion((), top * len(coefs)))
    return out


def _split_lead(x: Expansion) -> tuple[Exps, Coef, Expansion]:
    """x = c·m·(1 + u) with u = o(1); the caller has checked that c ≠ 0 is decided."""
    m, c = x.terms[0]
    inv = c.inverse()
    rest = tuple((mi - m, ci * inv) for mi, ci in x.terms[1:])
    err = None if x.err is None else x.err - m
    return m, c, Expansion(rest, err)


def _binomials(r: Fraction, count: int) -> list[Fraction]:
    out = [Fraction(1)]
    for k in range(1, count):
        out.append(out[-1] * (r - (k - 1)) / k)
    return out


def _int_power(x: Expansion, k: int) -> Expansion:
    out, base = constant(ONE), x
    while True:
        if k & 1:
            out = mul(out, base)
        k >>= 1
        if not k:
            return out
        base = mul(base, base)


def power(x: Expansion, r: Real, what: object) -> Expansion:
    """x^r for rational r; fractional powers need x eventually positive.

    An irrational r (a `RealExp`) needs x eventually positive and keeps only the head:
    x^r = (c·m)^r·(1 + u)^r = c^r·m^r·(1 + O(top u)) for u = o(1), any real r."""
    if is_real(r):
        return _real_power(x, r, what)
    assert isinstance(r, Fraction)
    if r == 0:
        return constant(ONE)
    if x.is_zero():
        if r > 0:
            return ZERO_EXPANSION
        raise NotPositive(f"division by zero: {what} is identically zero")
    is_int = r.denominator == 1
    if is_int and 0 < r <= SMALL_POWER and (len(x.terms) > 1 or not x.terms):
        return _int_power(x, int(r))
    sign = x.sign()
    if sign is None:
        if is_int and 0 < r <= 8 * SMALL_POWER:
            return _int_power(x, int(r))
        raise SignUnknown(f"cannot determine the sign of {what}")
    if sign < 0 and not is_int:
        raise NotPositive(f"{what} is eventually negative, so it has no real power {r}")
    m, c, u = _split_lead(x)
    head = monomial(c.pow_rat(r), m * r)
    if u.is_zero():
        return head
    terminating = is_int and 0 < r <= ORDER
    count = int(r) + 1 if terminating else ORDER + 1
    return mul(head, _series(u, _binomials(r, count), remainder=not terminating))


def _real_power(x: Expansion, r: Real, what: object) -> Expansion:
    if x.is_zero() or x.sign() != 1:
        raise (SignUnknown if x.sign() is None else NotPositive)(
            f"{what} must be eventually positive to take its irrational power {r}")
    m, c, u = _split_lead(x)
    if c.is_exact and c.value == 1:
        k = ONE
    else:
        lo, hi = r.interval(64)  # type: ignore[union-attr]
        k = (c.log() * Coef._make(lo, hi)).exp()
    head = monomial(k, m * r)
    top = u.top()
    if top is None:
        return head
    return mul(head, Expansion(((ZERO, ONE),), top))


def inverse(x: Expansion, what: object) -> Expansion:
    return power(x, Fraction(-1), what)


_EXPONENT_BITS = 64  # precision of an irrational exponent turned into a coefficient


def _coef(x: object) -> Coef:
    """An exponent as a coefficient: exact for a rational; for an exact irrational
    (RealExp, e.g. log 3/log 2) its rigorous enclosure at _EXPONENT_BITS bits, so
    log(n^(log 3/log 2)) = (log 3/log 2)·log n keeps a Θ answer (a `~` against a rational
    multiple stays with the exact engines)."""
    if isinstance(x, RealExp):
        return Coef(*x.interval(_EXPONENT_BITS))
    return Coef.exact(x)  # type: ignore[arg-type]


def log(x: Expansion, what: object) -> Expansion:
    """log(c·n^a L^b LL^e·(1+u)) = log c + a·log n + b·log log n + e·LLL + log(1+u)."""
    sign = x.sign()
    if sign == 0:
        raise NotPositive(f"log of zero: {what} is identically zero")
    if sign is None:
        raise SignUnknown(f"cannot determine the sign of {what}, so its log is undefined")
    if sign < 0:
        raise NotPositive(f"{what} is eventually negative, so its log is undefined")
    m, c, u = _split_lead(x)
    coefs: dict[Exps, Coef] = {ZERO: c.log(), LOG: _coef(m.a), LOGLOG: _coef(m.b)}
    err: Exps | None = None
    if m.e:
        if not (m.a or m.b):
            raise NotInFragment(
                f"log({what}) grows like log log log n, which is outside the fragment")
        err = _LLL_BOUND  # e·log log log n = O((log log n)^(1/4)), below a·log n, b·log log n
    out = _build(coefs, err)
    if u.is_zero():
        return out
    series = [Fraction(0)] + [Fraction((-1) ** (k + 1), k) for k in range(1, ORDER + 1)]
    return add(out, _series(u, series, remainder=True))


def exp(x: Expansion, what: object) -> Expansion:
    """exp(α log n + β log log n + γ + o(1)) = e^γ·n^α·(log n)^β·(1 + O(o(1)))."""
    if x.err is not None and x.err >= ZERO:
        raise NotInFragment(
            f"{what}: the exponent is only known up to O({_mono(x.err)}), "
            "so the growth is not determined in Tier 1")
    lin_n = lin_log = Fraction(0)
    const = Coef.exact(0)
    small: list[Term] = []
    for m, c in x.terms:
        if m < ZERO:
            small.append((m, c))
        elif m == ZERO:
            const = c
        elif m in (LOG, LOGLOG):
            if not c.is_exact:
                raise NotInFragment(
                    f"{what}: the exponent of {'n' if m == LOG else 'log n'} is "
                    f"irrational ({c}), outside the growth-monomial fragment")
            if m == LOG:
                lin_n = c.value
            else:
                lin_log = c.value
        else:
            raise NotInFragment(
                f"{what} is outside the growth-monomial fragment (its logarithm grows "
                f"like {_mono(m)}); Tier 3 may decide it")
    head = monomial(const.exp(), Exps(lin_n, lin_log, Fraction(0)))
    v = Expansion(tuple(small), x.err)
    if v.is_zero():
        return head
    facts = [Fraction(1)]
    for k in range(1, ORDER + 1):
        facts.append(facts[-1] / k)
    return mul(head, _series(v, facts, remainder=True))


def _second(x: Expansion) -> Exps | None:
    """The largest monomial after the leading term."""
    return x.terms[1][0] if len(x.terms) > 1 else x.err


def extremum(x: Expansion, y: Expansion, take_max: bool, what: object) -> Expansion:
    """max/min by the sign of x − y; if undecided but the leading monomials agree, the
    result is K·m + O(rest) with K = max/min of the two leading coefficients (enclosed)."""
    sign = sub(x, y).sign()
    if sign is not None:
        return x if (sign >= 0) == take_max else y
    if x.terms and y.terms and x.terms[0][0] == y.terms[0][0]:
        cx, cy = x.terms[0][1], y.terms[0][1]
        k = cx.max_with(cy) if take_max else cx.min_with(cy)
        return _build({x.terms[0][0]: k}, _max_err(_second(x), _second(y)))
    raise NotInFragment(f"cannot decide in Tier 1 which argument of {what} is larger")


def _mono(m: Exps) -> str:
    parts = []
    for base, k in (("n", m.a), ("log(n)", m.b), ("log(log(n))", m.e)):
        if k == 1:
            parts.append(base)
        elif is_real(k):
            parts.append(f"{base}^({k})")
        elif k:
            parts.append(f"{base}^{k}" if k.denominator == 1 and k > 0 else f"{base}^({k})")
    return "*".join(parts) or "1"
