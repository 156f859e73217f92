"""Exact irrational exponents: Q-linear combinations of logarithm ratios, compared exactly.

An exponent such as p = log 7/log 2 (Strassen) or p = log φ/log 2 (the Akra–Bazzi
exponent of r(n/2) + r(n/4)) is irrational. Tier 1 keeps rational exponents as
`Fraction` (the fast path, untouched) and represents an irrational one as a `RealExp`:

    x = q0 + Σ_k q_k·log(α_k)/log(γ_k)        (q rational)

where each *atom* log(α)/log(γ) has α a positive prime or a positive real quadratic
irrational u + v·√D (u, v ≠ 0), and γ is a *primitive* rational base > 1 (not a proper
power), or γ = e (the atom is then log α itself). Atoms are canonical: log of a rational
is split over its prime factors, and for γ = ∏ p^f_p the smallest prime p* with
f_p* ≠ 0 is eliminated through log p* = (log γ − Σ_{p≠p*} f_p·log p)/f_p*.

**Exact comparison.** The sign of x − y is the sign of a combination d of atoms.
* *Formal zero test* (tie detection): when every atom of d has the same base γ and at
  most one atom is a quadratic irrational, d = 0 iff all its coefficients are 0. Proof:
  the numbers γ, the primes p ≠ p*, and α (no power of α is rational since u, v ≠ 0)
  are multiplicatively independent, so their logarithms are Q-linearly independent;
  for γ = e the constant 1 joins them by Baker's theorem (A. Baker, Linear forms in the
  logarithms of algebraic numbers, Mathematika 13, 1966).
* *Sign*: rigorous interval enclosures (growth/logbounds.py, integer arithmetic) at doubling
  precision until 0 is excluded. Each refinement spends budget units; when the formal
  test cannot exclude a tie and the intervals do not separate, `SignUnknown` is raised
  (an `unknown` verdict, never a guess).

Products of two irrational exponents are outside this field (`NotInFragment`).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any, Union

from rcproof.budget import spend
from rcproof.growth.errors import NotInFragment, SignUnknown
from rcproof.growth.logbounds import is_prime, log_bounds, sqrt_bounds
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

# An algebraic argument: ("p", prime) or ("q", u, v, D) for u + v·√D.
Alpha = tuple[Any, ...]
# An atom: (alpha, base) with base a primitive rational > 1, or None for base e.
Atom = tuple[Alpha, Fraction | None]

_START_PREC = 64
_MAX_PREC = 4096  # bits; enough to separate any two exponents that are not equal
_TRIAL = 10**5  # trial division bound
_MAX_FACTOR_BITS = 256  # larger numbers are not factored (NotInFragment)

Real = Union[Fraction, "RealExp"]


# ---- integers and rationals -------------------------------------------------------------

@lru_cache(maxsize=1024)
def _factor_int(k: int) -> tuple[tuple[int, int], ...]:
    """Prime factorization of k ≥ 1: trial division up to 10^5 (budgeted), then the
    cofactor is prime below 10^10, a perfect power, or a (BPSW) probable prime; anything
    else is refused. (Soundness never rests on it: a wrong factorization only makes a
    tie undetectable, and the interval test then answers unknown.)"""
    if k.bit_length() > _MAX_FACTOR_BITS:
        raise NotInFragment(f"the number {k} is too large to factor for an exact exponent")
    out: dict[int, int] = {}
    d = 2
    while d * d <= k and d <= _TRIAL:
        if k % d == 0:
            while k % d == 0:
                k //= d
                out[d] = out.get(d, 0) + 1
        d += 1 if d == 2 else 2
    spend(d // 64 + 1, "factoring an exponent's base")
    if k > 1:
        for p, e in _cofactor(k):
            out[p] = out.get(p, 0) + e
    return tuple(sorted(out.items()))


def _cofactor(k: int) -> list[tuple[int, int]]:
    """k > 1 without prime factors ≤ 10^5."""
    if k < _TRIAL * _TRIAL:
        return [(k, 1)]
    for e in range(k.bit_length(), 1, -1):
        root = _int_root(k, e)
        if root is not None:
            return [(p, c * e) for p, c in _factor_int(root)]
    if is_prime(k):
        return [(k, 1)]
    raise NotInFragment(f"the number {k} is too large to factor for an exact exponent")


def _int_root(k: int, e: int) -> int | None:
    r = round(k ** (1 / e)) if k.bit_length() < 1000 else None
    if r is None:
        return None
    for c in (r - 1, r, r + 1):
        if c > 1 and c ** e == k:
            return c
    return None


def factor(q: Fraction) -> dict[int, int]:
    """q > 0 as {prime: exponent} (negative exponents for the denominator)."""
    out = dict(_factor_int(q.numerator))
    for p, e in _factor_int(q.denominator):
        out[p] = out.get(p, 0) - e
    return out


def _gcd_all(values: list[int]) -> int:
    from math import gcd

    g = 0
    for v in values:
        g = gcd(g, abs(v))
    return g


def primitive_base(b: Fraction) -> tuple[Fraction, int]:
    """(γ, k) with b = γ^k, γ > 1 rational and not a proper power, k a non-zero integer.

    Raises ValueError for b = 1 (no base)."""
    if b <= 0 or b == 1:
        raise ValueError(f"{b} is not a logarithm base")
    f = factor(b)
    g = _gcd_all(list(f.values()))
    gamma = Fraction(1)
    for p, e in f.items():
        gamma *= Fraction(p) ** (e // g)
    k = g
    if gamma < 1:
        gamma, k = 1 / gamma, -k
    return gamma, k


# ---- quadratic irrationals ---------------------------------------------------------------

def _squarefree(d: Fraction) -> tuple[Fraction, int]:
    """√d = s·√D with s rational, D a squarefree integer ≥ 1 (d > 0)."""
    f = factor(d)
    s, big_d = Fraction(1), 1
    for p, e in f.items():
        # p^e = p^(2⌊e/2⌋) · p^(e mod 2)
        s *= Fraction(p) ** (e // 2)
        if e % 2:
            big_d *= p
    return s, big_d


class Quadratic:
    """u + v·√D with u, v rational and D a squarefree integer (v = 0 or D = 1: rational)."""

    __slots__ = ("big_d", "u", "v")

    def __init__(self, u: Fraction, v: Fraction = Fraction(0), big_d: int = 1) -> None:
        if big_d == 1 or v == 0:
            u, v, big_d = u + v if big_d == 1 else u, Fraction(0), 1
        self.u, self.v, self.big_d = u, v, big_d

    @property
    def rational(self) -> Fraction | None:
        return self.u if self.v == 0 else None

    def _join(self, other: Quadratic) -> int:
        if self.v and other.v and self.big_d != other.big_d:
            raise NotInFragment("an exponent mixes square roots of different numbers")
        return self.big_d if self.v else other.big_d

    def __add__(self, other: Quadratic) -> Quadratic:
        return Quadratic(self.u + other.u, self.v + other.v, self._join(other))

    def __neg__(self) -> Quadratic:
        return Quadratic(-self.u, -self.v, self.big_d)

    def __mul__(self, other: Quadratic) -> Quadratic:
        d = self._join(other)
        return Quadratic(self.u * other.u + self.v * other.v * d,
                         self.u * other.v + self.v * other.u, d)

    def inverse(self) -> Quadratic:
        norm = self.u * self.u - self.v * self.v * self.big_d
        if norm == 0:
            raise NotInFragment("division by zero in an exponent")
        return Quadratic(self.u / norm, -self.v / norm, self.big_d)

    def sign(self) -> int:
        """Exact sign: compare u with −v·√D by squaring."""
        if self.v == 0:
            return (self.u > 0) - (self.u < 0)
        if self.u == 0 or (self.u > 0) == (self.v > 0):
            return 1 if (self.v > 0 if self.u == 0 else self.u > 0) else -1
        # opposite signs: u + v√D > 0 iff u² > v²D when u > 0, iff u² < v²D when u < 0
        bigger_u = self.u * self.u > self.v * self.v * self.big_d
        return (1 if bigger_u else -1) if self.u > 0 else (-1 if bigger_u else 1)


def sqrt_of(d: Fraction) -> Quadratic:
    if d < 0:
        raise NotInFragment("square root of a negative number in an exponent")
    s, big_d = _squarefree(d)
    return Quadratic(Fraction(0), s, big_d) if big_d != 1 else Quadratic(s)


# ---- log forms: Σ c·log(α) with α canonical --------------------------------------------

LogForm = dict[Alpha, Fraction]  # Σ coef·log(alpha)


def log_form(x: Quadratic) -> LogForm:
    """log x for x > 0 as a canonical combination of logs of primes and of one
    quadratic irrational with u, v ≠ 0 (u = 0: log(v√D) = log(v²D)/2)."""
    if x.sign() != 1:
        raise NotInFragment("log of a number that is not positive in an exponent")
    r = x.rational
    if r is None and x.u == 0:
        return {k: c / 2 for k, c in log_form(Quadratic(x.v * x.v * x.big_d)).items()}
    if r is None:
        # x = v·(t + √D) if v > 0; if v < 0 then x = N/x̄ with N = x·x̄ > 0 and x̄ has
        # positive √D coefficient. Then t + √D = (D − t²)/(−t + √D) when t < 0 (there
        # D − t² > 0), so the atom is always t + √D with t > 0: log(v) + log(t + √D).
        if x.v < 0:
            norm = x.u * x.u - x.v * x.v * x.big_d
            return _sub_forms(log_form(Quadratic(norm)),
                              log_form(Quadratic(x.u, -x.v, x.big_d)))
        t = x.u / x.v
        out = log_form(Quadratic(x.v))
        if t < 0:
            out = _add_forms(out, log_form(Quadratic(x.big_d - t * t)))
            return _sub_forms(out, {("q", -t, 1, x.big_d): Fraction(1)})
        return _add_forms(out, {("q", t, 1, x.big_d): Fraction(1)})
    return {("p", p): Fraction(e) for p, e in factor(r).items()}


def _add_forms(x: LogForm, y: LogForm) -> LogForm:
    out = dict(x)
    for k, c in y.items():
        out[k] = out.get(k, Fraction(0)) + c
    return {k: c for k, c in out.items() if c}


def _sub_forms(x: LogForm, y: LogForm) -> LogForm:
    return _add_forms(x, {k: -c for k, c in y.items()})


def _rebase(form: LogForm, gamma: Fraction | None) -> tuple[Fraction, dict[Atom, Fraction]]:
    """form/log γ as q0 + Σ q·atom (γ primitive, or None for base e)."""
    if gamma is None:
        return Fraction(0), {(alpha, None): c for alpha, c in form.items() if c}
    fg = factor(gamma)
    pivot = min(fg)
    fp = fg[pivot]
    out: dict[Atom, Fraction] = {}
    q0 = Fraction(0)
    for alpha, c in form.items():
        if alpha == ("p", pivot):
            # log p* / log γ = 1/f* − Σ_{p≠p*} (f_p/f*)·log p/log γ
            q0 += c / fp
            for p, e in fg.items():
                if p != pivot:
                    key: Atom = (("p", p), gamma)
                    out[key] = out.get(key, Fraction(0)) - c * Fraction(e, fp)
        else:
            key = (alpha, gamma)
            out[key] = out.get(key, Fraction(0)) + c
    return q0, {k: v for k, v in out.items() if v}


# ---- intervals --------------------------------------------------------------------------

def _alpha_bounds(alpha: Alpha, bits: int) -> tuple[Fraction, Fraction]:
    """Bounds on log α (α > 1: a prime, or t + √D with t > 0)."""
    if alpha[0] == "p":
        return log_bounds(Fraction(alpha[1]), bits)
    _, u, v, big_d = alpha
    r_lo, r_hi = sqrt_bounds(big_d, bits)
    lo = log_bounds(u + v * r_lo, bits)[0]
    hi = log_bounds(u + v * r_hi, bits)[1]
    return lo, hi


def atom_interval(atom: Atom, bits: int) -> tuple[Fraction, Fraction]:
    """Rigorous bounds on log α/log γ (or log α); both logs are positive."""
    alpha, gamma = atom
    lo, hi = _alpha_bounds(alpha, bits)
    if gamma is None:
        return lo, hi
    g_lo, g_hi = log_bounds(gamma, bits)
    return lo / g_hi, hi / g_lo


def _round_out(lo: Fraction, hi: Fraction, bits: int) -> tuple[Fraction, Fraction]:
    """The same interval widened to denominators 2^bits (keeps numbers small)."""
    scale = 1 << bits
    return (Fraction((lo.numerator * scale) // lo.denominator, scale),
            Fraction(-((-hi.numerator * scale) // hi.denominator), scale))


# ---- the exact real ---------------------------------------------------------------------

class RealExp:
    """An irrational exponent q0 + Σ q·atom (see the module docstring); never rational.

    Build with `make`, which returns a plain Fraction when no atom is left, so a
    RealExp always has at least one atom. Arithmetic with int/Fraction and with other
    RealExps is exact; comparisons are exact or raise SignUnknown."""

    __slots__ = ("_hash", "atoms", "q0")

    def __init__(self, q0: Fraction, atoms: tuple[tuple[Atom, Fraction], ...]) -> None:
        self.q0 = q0
        self.atoms = atoms
        self._hash = hash((q0, atoms))

    @staticmethod
    def make(q0: Fraction, atoms: dict[Atom, Fraction]) -> Real:
        kept = tuple(sorted(((a, c) for a, c in atoms.items() if c), key=_atom_key))
        if not kept:
            return q0
        return RealExp(q0, kept)

    # -- arithmetic --
    def _parts(self) -> tuple[Fraction, dict[Atom, Fraction]]:
        return self.q0, dict(self.atoms)

    def __add__(self, other: object) -> Real:
        if isinstance(other, (int, Fraction)):
            return RealExp(self.q0 + other, self.atoms)
        if not isinstance(other, RealExp):
            return NotImplemented
        out = dict(self.atoms)
        for a, c in other.atoms:
            out[a] = out.get(a, Fraction(0)) + c
        return RealExp.make(self.q0 + other.q0, out)

    __radd__ = __add__

    def __neg__(self) -> RealExp:
        return RealExp(-self.q0, tuple((a, -c) for a, c in self.atoms))

    def __sub__(self, other: object) -> Real:
        if not isinstance(other, (int, Fraction, RealExp)):
            return NotImplemented
        return self + (-other)

    def __rsub__(self, other: object) -> Real:
        if not isinstance(other, (int, Fraction)):
            return NotImplemented
        return (-self) + other

    def __mul__(self, other: object) -> Real:
        if isinstance(other, (int, Fraction)):
            if not other:
                return Fraction(0)
            return RealExp(self.q0 * other, tuple((a, c * other) for a, c in self.atoms))
        if isinstance(other, RealExp):
            raise NotInFragment(f"the product of two irrational exponents ({self} and "
                                f"{other}) is outside the exact exponent field")
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Real:
        if isinstance(other, (int, Fraction)) and other:
            return self * (1 / Fraction(other))
        if isinstance(other, RealExp):
            raise NotInFragment("the quotient of two irrational exponents is outside the "
                                "exact exponent field")
        return NotImplemented

    # -- order --
    def interval(self, prec: int) -> tuple[Fraction, Fraction]:
        """Rigorous rational bounds lo ≤ self ≤ hi, each atom to about `prec` bits."""
        lo = hi = self.q0
        for atom, c in self.atoms:
            a_lo, a_hi = atom_interval(atom, prec)
            lo, hi = (lo + c * a_lo, hi + c * a_hi) if c > 0 else (lo + c * a_hi,
                                                                  hi + c * a_lo)
        return _round_out(lo, hi, prec)

    def atom_bounds(self, prec: int) -> list[tuple[str, Fraction, Fraction]]:
        """(name, lo, hi) with lo ≤ atom ≤ hi for every atom, at `prec` bits: what Tier 2
        pins a z3 constant with. Names are canonical, so an atom is equal only to itself."""
        return [(show_atom(atom), *_round_out(*atom_interval(atom, prec), prec))
                for atom, _ in self.atoms]

    def provably_nonzero(self) -> bool:
        """The formal tie test of the module docstring: True when self ≠ 0 is certain."""
        bases = {a[1] for a, _ in self.atoms}
        quadratic = sum(1 for a, _ in self.atoms if a[0][0] == "q")
        return len(bases) == 1 and quadratic <= 1

    def sign(self) -> int:
        """+1 or −1 (a RealExp is never 0 when the formal test applies); raises SignUnknown
        when the intervals do not separate it from 0 within the precision budget."""
        nonzero = self.provably_nonzero()
        prec = _START_PREC
        while prec <= _MAX_PREC:
            spend(prec // 16, "refining an irrational exponent")
            lo, hi = self.interval(prec)
            if lo > 0:
                return 1
            if hi < 0:
                return -1
            prec *= 2
        why = "they may be equal" if not nonzero else "the precision budget ran out"
        raise SignUnknown(f"cannot compare the exponent {self} with 0 exactly ({why})")

    def _cmp(self, other: object) -> int | None:
        if not isinstance(other, (int, Fraction, RealExp)):
            return None
        d = self - other
        if isinstance(d, Fraction):
            return (d > 0) - (d < 0)
        return d.sign()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RealExp) and other.q0 == self.q0 and other.atoms == self.atoms:
            return True
        c = self._cmp(other)
        return NotImplemented if c is None else c == 0  # type: ignore[return-value]

    def __hash__(self) -> int:
        return self._hash

    def __lt__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c < 0  # type: ignore[return-value]

    def __le__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c <= 0  # type: ignore[return-value]

    def __gt__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c > 0  # type: ignore[return-value]

    def __ge__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c >= 0  # type: ignore[return-value]

    def __bool__(self) -> bool:
        return True  # a RealExp has an atom; it is zero only if a tie test fails (never built)

    def __float__(self) -> float:
        lo, hi = self.interval(_START_PREC)
        return float((lo + hi) / 2)

    # -- display --
    def to_expr(self) -> Expr:
        """The exponent as a syntax tree that `exact_value` reads back to this value."""
        terms: list[tuple[Fraction, Expr | None]] = []
        for (alpha, gamma), c in self.atoms:
            num = Call("log", (_alpha_expr(alpha),))
            if gamma is not None and c.denominator > 1 and _small(gamma ** c.denominator):
                # (u/v)·log α/log γ reads better as u·log α/log(γ^v)
                gamma, c = gamma ** c.denominator, Fraction(c.numerator)
            atom: Expr = num if gamma is None else BinOp("/", num, Call("log", (_num(gamma),)))
            terms.append((c, atom))
        if self.q0:
            terms.append((self.q0, None))
        out: Expr | None = None
        for c, atom in terms:
            mag = abs(c)
            term: Expr
            if atom is None:
                term = _num(mag)
            elif mag == 1:
                term = atom
            else:
                term = BinOp("*", _num(mag), atom)
            if out is None:
                out = term if c > 0 else Neg(term)
            else:
                out = BinOp("+" if c > 0 else "-", out, term)
        assert out is not None
        return out

    def __str__(self) -> str:
        from rcproof.growth.render import show

        return show(self.to_expr())

    def __repr__(self) -> str:
        return f"RealExp({self})"


def show_atom(atom: Atom) -> str:
    from rcproof.growth.render import show

    alpha, gamma = atom
    num = Call("log", (_alpha_expr(alpha),))
    return show(num if gamma is None else BinOp("/", num, Call("log", (_num(gamma),))))


def _small(q: Fraction) -> bool:
    return q.numerator < 10**6 and q.denominator < 10**6


def _atom_key(item: tuple[Atom, Fraction]) -> tuple[Any, ...]:
    (alpha, gamma), _ = item
    return (gamma is not None, gamma or 0, tuple(str(x) for x in alpha))


def _num(q: Fraction) -> Expr:
    if q.denominator == 1:
        return Num(q)
    return BinOp("/", Num(Fraction(q.numerator)), Num(Fraction(q.denominator)))


def _alpha_expr(alpha: Alpha) -> Expr:
    if alpha[0] == "p":
        return Num(Fraction(alpha[1]))
    _, u, v, big_d = alpha
    root: Expr = Call("sqrt", (Num(Fraction(big_d)),))
    vroot: Expr = root if v == 1 else BinOp("*", _num(abs(v)), root)
    if u.denominator != 1 and v.denominator == u.denominator:
        # (a + b√D)/c reads better than a/c + b/c·√D
        c = u.denominator
        inner = BinOp("+" if v > 0 else "-", Num(u * c),
                      root if abs(v) * c == 1 else BinOp("*", Num(abs(v) * c), root))
        return BinOp("/", inner, Num(Fraction(c)))
    return BinOp("+" if v > 0 else "-", _num(u), vroot)


def log_ratio(x: Quadratic, base: Fraction) -> Real:
    """log(x)/log(base) exactly, for x > 0 algebraic (quadratic) and rational base ≠ 1."""
    gamma, k = primitive_base(base)
    q0, atoms = _rebase(log_form(x), gamma)
    return RealExp.make(q0 / k, {a: c / k for a, c in atoms.items()})


# ---- reading exact constants from syntax -----------------------------------------------

class _Logs:
    """An intermediate value: Σ c·log(α) (a LogForm), possibly with a rational part."""

    __slots__ = ("form", "q0")

    def __init__(self, q0: Fraction, form: LogForm) -> None:
        self.q0, self.form = q0, {k: v for k, v in form.items() if v}


Value = Union[Quadratic, _Logs, "RealExp"]


def exact_value(e: Expr) -> Real | None:
    """The exact value of a constant exponent expression, or None when it is not in the
    field: rationals, √ of rationals inside a log, log of positive quadratic numbers,
    sums and rational multiples, and log(x)/log(b) for a rational base b.

    `log(7)/log(2)` → RealExp; `(3 + 1)/2` → Fraction(2); `log(n)` → None."""
    try:
        v = _value(e)
    except (NotInFragment, ZeroDivisionError, ValueError):
        return None
    if isinstance(v, Quadratic):
        return v.rational
    if isinstance(v, _Logs):
        return RealExp.make(v.q0, {(a, None): c for a, c in v.form.items()})
    return v


def _as_logs(v: Value) -> _Logs | RealExp:
    if isinstance(v, Quadratic):
        r = v.rational
        if r is None:
            raise NotInFragment("a square root outside a logarithm")
        return _Logs(r, {})
    return v


def _value(e: Expr) -> Value:
    if isinstance(e, Num):
        return Quadratic(Fraction(e.value))
    if isinstance(e, Neg):
        v = _value(e.operand)
        return -v if isinstance(v, (Quadratic, RealExp)) else _Logs(-v.q0, {
            k: -c for k, c in v.form.items()})
    if isinstance(e, Call) and len(e.args) == 1 and not e.kwargs:
        if e.func == "sqrt":
            inner = _value(e.args[0])
            r = inner.rational if isinstance(inner, Quadratic) else None
            if r is None:
                raise NotInFragment("square root of an irrational number")
            return sqrt_of(r)
        if e.func == "log":
            inner = _value(e.args[0])
            if not isinstance(inner, Quadratic):
                raise NotInFragment("log of an irrational logarithm")
            return _Logs(Fraction(0), log_form(inner))
        raise NotInFragment(f"{e.func} in an exponent")
    if isinstance(e, BinOp):
        return _binop(e.op, _value(e.left), _value(e.right))
    raise NotInFragment("not a constant")


def _binop(op: str, x: Value, y: Value) -> Value:
    if isinstance(x, Quadratic) and isinstance(y, Quadratic):
        if op == "+":
            return x + y
        if op == "-":
            return x + (-y)
        if op == "*":
            return x * y
        if op == "/":
            return x * y.inverse()
        ry = y.rational
        rx = x.rational
        if op == "^" and ry is not None and ry.denominator == 1 and abs(ry) <= 64:
            out = Quadratic(Fraction(1))
            for _ in range(abs(int(ry))):
                out = out * x
            return out if ry >= 0 else out.inverse()
        if op == "^" and ry is not None and rx is not None and ry.denominator == 2:
            return sqrt_of(rx ** int(ry * 2)) if rx > 0 else _fail("power")
        raise NotInFragment("a power in an exponent")
    if op == "/" and isinstance(y, _Logs) and not y.q0 and len(y.form) >= 1:
        # division by c·log(b) for a rational b: a logarithm ratio
        base = _single_log_base(y)
        if base is None:
            raise NotInFragment("division by a sum of logarithms")
        b, c = base
        num = _as_logs(x)
        if isinstance(num, RealExp) or num.q0:
            raise NotInFragment("a rational divided by a logarithm")
        gamma, k = primitive_base(b)
        q0, atoms = _rebase(num.form, gamma)
        scale = 1 / (c * k)
        return _realexp_value(RealExp.make(q0 * scale, {a: v * scale for a, v in atoms.items()}))
    if op in "*/":
        if isinstance(y, Quadratic) and y.rational is not None:
            r = y.rational if op == "*" else 1 / y.rational
            return _scale(x, r)
        if op == "*" and isinstance(x, Quadratic) and x.rational is not None:
            return _scale(y, x.rational)
        raise NotInFragment("a product of irrational numbers in an exponent")
    if op in "+-":
        a, b = _as_logs(x), _as_logs(y)
        if op == "-":
            b = _scale(b, Fraction(-1))  # type: ignore[assignment]
        if isinstance(a, _Logs) and isinstance(b, _Logs):
            form = dict(a.form)
            for k, c in b.form.items():
                form[k] = form.get(k, Fraction(0)) + c
            return _Logs(a.q0 + b.q0, form)
        return _realexp_value(_to_real(a) + _to_real(b))
    raise NotInFragment("a power of a logarithm in an exponent")


def _fail(what: str) -> Value:
    raise NotInFragment(f"a {what} in an exponent")


def _realexp_value(r: Real) -> Value:
    return Quadratic(r) if isinstance(r, Fraction) else r


def _to_real(v: _Logs | RealExp) -> Real:
    if isinstance(v, RealExp):
        return v
    return RealExp.make(v.q0, {(a, None): c for a, c in v.form.items()})


def _scale(v: Value, r: Fraction) -> Value:
    if isinstance(v, Quadratic):
        return v * Quadratic(r)
    if isinstance(v, _Logs):
        return _Logs(v.q0 * r, {k: c * r for k, c in v.form.items()})
    return _realexp_value(v * r)


def _single_log_base(y: _Logs) -> tuple[Fraction, Fraction] | None:
    """(b, c) with y = c·log b for a rational b (the form only has primes)."""
    if any(a[0] != "p" for a in y.form):
        return None
    # y = Σ e_p log p = c·log b: take c = gcd-free scale, b = ∏ p^(e_p/c)
    values = list(y.form.values())
    c = values[0]
    for v in values[1:]:
        c = _frac_gcd(c, v)
    b = Fraction(1)
    for (_, p), e in y.form.items():
        b *= Fraction(p) ** int(e / c)
    return b, c


def _frac_gcd(x: Fraction, y: Fraction) -> Fraction:
    from math import gcd, lcm

    den = lcm(x.denominator, y.denominator)
    return Fraction(gcd(int(x * den), int(y * den)), den)


def is_real(x: object) -> bool:
    """Whether x is an irrational exponent (a RealExp)."""
    return isinstance(x, RealExp)


def name_free(e: Expr) -> bool:
    """No names at all: only numbers and built-ins (a candidate constant)."""
    if isinstance(e, Name):
        return False
    if isinstance(e, Neg):
        return name_free(e.operand)
    if isinstance(e, BinOp):
        return name_free(e.left) and name_free(e.right)
    if isinstance(e, Call):
        return all(name_free(a) for a in e.args) and not e.kwargs
    return True
