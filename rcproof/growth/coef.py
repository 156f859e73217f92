"""Real constants known exactly or inside a rigorous interval.

Coefficients such as log 2, 2^(1/2) or e^3 are irrational; we keep them as closed
intervals [lo, hi] with Fraction endpoints, rounded *outward* at every step, so that a
sign or an inequality is only ever claimed when the interval proves it. A degenerate
interval (lo == hi) is an exactly known rational. Transcendental bounds come from
`math.log`/`math.exp` (accurate to about 1 ulp) widened by a relative slack of 1e-12,
thousands of times the library error, so every enclosure is safe.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from rcproof.budget import spend
from rcproof.growth.errors import NotInFragment, NotPositive, SignUnknown

_SLACK = 1e-12  # relative widening of libm results (libm is within ~1 ulp = 2.2e-16)
_TINY = 1e-300  # absolute widening, and the range where floats stay safe
_HUGE = 1e300
_MAX_EXACT_BITS = 100_000  # exact powers larger than this become intervals
_EXP_LIMIT = 700.0  # e^700 is still a finite float


def _down(x: Fraction) -> Fraction:
    """A Fraction ≤ x with a small (float) denominator, to keep interval sizes bounded."""
    if x == 0 or not (_TINY < abs(x) < _HUGE):
        return x
    f = float(x)
    if Fraction(f) > x:
        f = math.nextafter(f, -math.inf)
    return Fraction(f)


def _up(x: Fraction) -> Fraction:
    """A Fraction ≥ x with a small (float) denominator."""
    return -_down(-x)


def _widen(v: float) -> tuple[Fraction, Fraction]:
    """An enclosure of the true value of a libm result v."""
    slack = abs(v) * _SLACK + _TINY
    return _down(Fraction(v - slack)), _up(Fraction(v + slack))


def _log_bounds(x: Fraction) -> tuple[Fraction, Fraction]:
    """Rigorous bounds on log x for a positive rational (works for huge numerators)."""
    if x == 1:
        return Fraction(0), Fraction(0)
    lo_n, hi_n = _widen(math.log(x.numerator))
    if x.denominator == 1:
        return lo_n, hi_n
    lo_d, hi_d = _widen(math.log(x.denominator))
    return _down(lo_n - hi_d), _up(hi_n - lo_d)


def approx(x: Fraction) -> str:
    """x to 6 significant digits for messages: `1.5e+07`, or `-1e+400` beyond the float
    range (where float(x) raises OverflowError)."""
    try:
        return f"{float(x):.6g}"
    except OverflowError:
        return f"{'-' if x < 0 else ''}1e+{decimal_exponent(x)}"


def exact_text(x: Fraction) -> str:
    """x exactly when that is short: `10^21` for a power of ten, `3/7`, `-12`; else
    `approx(x)` (a message must not name 1e+21 for the exact 10^21, review 7)."""
    if x.denominator == 1 and x > 0:
        k = decimal_exponent(x)
        for e in (k, k + 1):
            if e >= 3 and x == 10**e:
                return f"10^{e}"
    if abs(x.numerator).bit_length() + x.denominator.bit_length() <= 80:
        return str(x)
    return approx(x)


def decimal_exponent(x: Fraction) -> int:
    """About log10 |x| (within one) for x ≠ 0, from bit lengths: str() of an integer
    beyond 4,300 digits raises ValueError in Python ≥ 3.11, and is slow anyway."""
    bits = abs(x.numerator).bit_length() - x.denominator.bit_length()
    return math.floor(bits * math.log10(2))


def _exp_bounds(x: Fraction) -> tuple[Fraction, Fraction]:
    """Rigorous bounds on e^x; refuses arguments whose exponential leaves the float range."""
    if x == 0:
        return Fraction(1), Fraction(1)
    if abs(x) > _EXP_LIMIT:
        raise NotInFragment(f"the constant exp({exact_text(x)}) is too large for interval "
                            "bounds")
    lo = _widen(math.exp(float(_down(x))))[0]
    hi = _widen(math.exp(float(_up(x))))[1]
    return max(lo, Fraction(0)), hi


def _iroot(k: int, q: int) -> int | None:
    """The exact integer q-th root of k ≥ 0, or None (integer Newton from above)."""
    if k < 2:
        return k
    if q >= k.bit_length():  # 1 < root < 2: not an integer (and 2^q is never formed)
        return None
    spend(k.bit_length(), "taking an exact integer root")
    r = 1 << -(-k.bit_length() // q)  # ≥ the root
    while True:
        nxt = ((q - 1) * r + k // r ** (q - 1)) // q
        if nxt >= r:
            break
        r = nxt
    return r if r ** q == k else None


@dataclass(frozen=True)
class Coef:
    """A real number c with lo ≤ c ≤ hi; exact when lo == hi."""

    lo: Fraction
    hi: Fraction

    # ---- construction / inspection -------------------------------------------------
    @staticmethod
    def exact(v: Fraction | int) -> Coef:
        f = v if type(v) is Fraction else Fraction(v)
        return Coef(f, f)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi

    @property
    def value(self) -> Fraction:
        """The exact value; only meaningful when `is_exact`."""
        if not self.is_exact:
            raise ValueError("inexact coefficient has no exact value")
        return self.lo

    def sign(self) -> int | None:
        """+1, -1 or 0 when the interval proves it; None when it straddles 0."""
        if self.lo > 0:
            return 1
        if self.hi < 0:
            return -1
        if self.lo == self.hi == 0:
            return 0
        return None

    def equals(self, other: Coef) -> bool | None:
        """True/False when decided (both exact, or disjoint intervals); None otherwise."""
        if self.is_exact and other.is_exact:
            return self.lo == other.lo
        if self.hi < other.lo or other.hi < self.lo:
            return False
        return None

    def midpoint(self) -> float:
        """The midpoint as a float (±inf beyond the float range)."""
        mid = (self.lo + self.hi) / 2
        try:
            return float(mid)
        except OverflowError:
            return math.copysign(math.inf, mid)

    # ---- arithmetic ------------------------------------------------------------------
    @staticmethod
    def _make(lo: Fraction, hi: Fraction) -> Coef:
        if lo == hi:
            return Coef(lo, hi)
        return Coef(_down(lo), _up(hi))

    def __add__(self, other: Coef) -> Coef:
        return Coef._make(self.lo + other.lo, self.hi + other.hi)

    def __neg__(self) -> Coef:
        return Coef(-self.hi, -self.lo)

    def __sub__(self, other: Coef) -> Coef:
        return self + (-other)

    def __mul__(self, other: Coef) -> Coef:
        if self.is_exact and other.is_exact:
            v = self.lo * other.lo
            return Coef(v, v)
        ps = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Coef._make(min(ps), max(ps))

    def scale(self, r: Fraction) -> Coef:
        return self * Coef.exact(r)

    def inverse(self) -> Coef:
        s = self.sign()
        if s is None:
            raise SignUnknown(f"cannot determine the sign of the constant {self}")
        if s == 0:
            raise NotPositive("division by zero")
        return Coef._make(1 / self.hi, 1 / self.lo)

    def __truediv__(self, other: Coef) -> Coef:
        return self * other.inverse()

    def max_with(self, other: Coef) -> Coef:
        """An enclosure of max(x, y) for x in self, y in other."""
        return Coef(max(self.lo, other.lo), max(self.hi, other.hi))

    def min_with(self, other: Coef) -> Coef:
        return Coef(min(self.lo, other.lo), min(self.hi, other.hi))

    def pow_int(self, k: int) -> Coef:
        """c^k for an integer k (any sign of c; k < 0 needs c ≠ 0)."""
        if k < 0:
            return self.pow_int(-k).inverse()
        if self.is_exact:
            bits = max(self.lo.numerator.bit_length(), self.lo.denominator.bit_length())
            if bits * k <= _MAX_EXACT_BITS or abs(self.lo) in (0, 1):
                v = self.lo ** k
                return Coef(v, v)
        if self.sign() == -1:
            pos = (-self).pow_int(k)
            return pos if k % 2 == 0 else -pos
        if self.sign() == 1:
            return self.pow_rat(Fraction(k))
        # Straddles 0: binary exponentiation of intervals (sound, if loose).
        out, base = Coef.exact(1), self
        while k:
            if k & 1:
                out = out * base
            base = base * base
            k >>= 1
        return out

    def pow_rat(self, r: Fraction) -> Coef:
        """c^r for rational r; c must be shown positive unless r is an integer."""
        if r.denominator == 1 and (self.is_exact or self.sign() != 1):
            if self.is_exact:
                bits = max(self.lo.numerator.bit_length(), self.lo.denominator.bit_length())
                if bits * abs(r.numerator) <= _MAX_EXACT_BITS or abs(self.lo) in (0, 1):
                    return self.pow_int(int(r))
            else:
                return self.pow_int(int(r))
        s = self.sign()
        if s is None:
            raise SignUnknown(f"cannot determine the sign of the constant {self}")
        if s <= 0:
            raise NotPositive(f"the constant {self} is not positive, so it has no real power {r}")
        if r == 0 or self.lo == self.hi == 1:
            return Coef.exact(1)
        if self.is_exact:
            exact = _exact_root_power(self.lo, r)
            if exact is not None:
                return Coef(exact, exact)
        # c^r = exp(r·log c), monotone in c: bound at the endpoints.
        ends = [Coef.exact(x).log().scale(r).exp() for x in (self.lo, self.hi)]
        return Coef._make(min(e.lo for e in ends), max(e.hi for e in ends))

    def log(self) -> Coef:
        s = self.sign()
        if s is None:
            raise SignUnknown(f"cannot determine the sign of the constant {self}")
        if s != 1:
            what = "zero" if s == 0 else "negative"
            raise NotPositive(f"log of a constant that is {what}: {self}")
        lo = _log_bounds(self.lo)[0]
        hi = _log_bounds(self.hi)[1]
        return Coef._make(lo, hi)

    def exp(self) -> Coef:
        lo = _exp_bounds(self.lo)[0]
        hi = _exp_bounds(self.hi)[1]
        return Coef._make(lo, hi)

    # ---- display ---------------------------------------------------------------------
    def __str__(self) -> str:
        if self.is_exact:
            return str(self.lo)
        return f"[{approx(self.lo)}, {approx(self.hi)}]"


def _exact_root_power(c: Fraction, r: Fraction) -> Fraction | None:
    """c^r when it is rational and of reasonable size (c > 0), else None."""
    q = r.denominator
    num = _iroot(c.numerator, q)
    den = _iroot(c.denominator, q)
    if num is None or den is None:
        return None
    base = Fraction(num, den)
    bits = max(num.bit_length(), den.bit_length())
    if bits * abs(r.numerator) > _MAX_EXACT_BITS:
        return None
    return base ** r.numerator


ONE = Coef.exact(1)
ZERO = Coef.exact(0)
