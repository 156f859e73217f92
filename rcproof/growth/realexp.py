"""Exact irrational exponents: Q-linear combinations of logarithm ratios, compared exactly.

An exponent such as p = log 7/log 2 (Strassen) or p = log φ/log 2 (the Akra–Bazzi
exponent of r(n/2) + r(n/4)) is irrational. Tier 1 keeps rational exponents as
`Fraction` (the fast path, untouched) and represents an irrational one as a `RealExp`:

    x = q0 + Σ_k q_k·log(α_k)/log(γ_k)        (q rational)

where each *atom* log(α)/log(γ) has α a prime or a quadratic number t + √D with t > 0
(so α > 1 and no power of α is rational), and γ is a *primitive* rational base > 1 (not
a proper power), or γ = e (the atom is then log α itself). Atoms are canonical: log of a
rational is split over its prime factors, u + v·√D is rewritten as v·(t + √D) (through
its conjugate when needed), and for γ = ∏ p^f_p the smallest prime p* with f_p* ≠ 0 is
eliminated through log p* = (log γ − Σ_{p≠p*} f_p·log p)/f_p*.

**Exact comparison.** x = y exactly when their canonical forms cancel (x − y is then a
Fraction). Otherwise the sign of d = x − y comes from rigorous interval enclosures
(growth/logbounds.py, integer arithmetic) at doubling precision until 0 is excluded;
each refinement spends budget units, and past 4096 bits `SignUnknown` is raised (an
`unknown` verdict, never a guess). Refinement always succeeds when every atom of d has
the same base and at most one is quadratic: then d ≠ 0, because γ, the primes p ≠ p*
and α are multiplicatively independent, so their logarithms are Q-linearly independent
(for γ = e the constant 1 joins them by Baker's theorem: A. Baker, Linear forms in the
logarithms of algebraic numbers, Mathematika 13, 1966). Soundness never rests on this
claim, only completeness. Reading exponents from syntax is growth/exactread.py; the
numbers underneath are growth/quadratic.py.

Products of two irrational exponents are outside this field (`NotInFragment`).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Union

from rcproof.budget import spend
from rcproof.growth.errors import NotInFragment, SignUnknown
from rcproof.growth.logbounds import log_bounds, sqrt_bounds
from rcproof.growth.quadratic import Quadratic, factor, primitive_base
from rcproof.syntax.core import BinOp, Call, Expr, Neg, Num
from rcproof.syntax.display import text as show

# An algebraic argument: ("p", prime) or ("q", u, v, D) for u + v·√D.
Alpha = tuple[Any, ...]
# An atom: (alpha, base) with base a primitive rational > 1, or None for base e.
Atom = tuple[Alpha, Fraction | None]

_START_PREC = 64
_MAX_PREC = 4096  # bits; enough to separate any two exponents that are not equal

Real = Union[Fraction, "RealExp"]


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


def rebase(form: LogForm, gamma: Fraction | None) -> tuple[Fraction, dict[Atom, Fraction]]:
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
        return show(self.to_expr())

    def __repr__(self) -> str:
        return f"RealExp({self})"


def show_atom(atom: Atom) -> str:
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
    q0, atoms = rebase(log_form(x), gamma)
    return RealExp.make(q0 / k, {a: c / k for a, c in atoms.items()})


def is_real(x: object) -> bool:
    """Whether x is an irrational exponent (a RealExp)."""
    return isinstance(x, RealExp)

