"""Explicit witnesses (c, N0) for Landau relations, found by Tier 1 or Tier 3 and
checked by `check`.

A certificate is a concrete inequality valid for all n ≥ N0 = 2^k, so a report can say
"for all n >= 2^40: f(n) <= 3/2 · g(n)". Finding uses the expansion algebra (Tier 1) or,
outside it, the exp-log engine (Tier 3, `growth.explog`: the exact limit of f/g): they
say whether the relation holds and which constant to try (the limit ratio with slack
3/2 above and 2/3 below, rounded to two digits); N0 = 2^k by doubling k, then
bisection. `check_certificate` re-proves every candidate with the independent checker
(`check.py`: exact monomial sums, or exp-monomial sums in `checkexp.py`) and never
trusts the finder; what the checker refuses is no certificate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from rcproof import budget
from rcproof.growth.check import check_inequality, in_fragment, normal_forms, strictly_below
from rcproof.growth.coef import Coef
from rcproof.growth.compare import Order, compare, holds
from rcproof.growth.errors import GrowthError
from rcproof.growth.render import show
from rcproof.syntax.ast import Expr

CERT_RELATIONS = ("O", "o", "Theta", "Omega", "omega")
_MAX_LOG2_N0 = 1 << 128  # give up (return None) beyond N0 = 2^(2^128)
_CHECK_UNITS = 100  # work units per candidate (c, N0) checked, besides the checker's own
_SEARCH_SHARE = 2  # the N0 search may use at most 1/_SEARCH_SHARE of the budget left


@dataclass(frozen=True)
class Certificate:
    """For all n ≥ 2^log2_n0:
    O, o:          f(n) ≤ c·g(n)                     (o: c = 1)
    Omega, omega:  f(n) ≥ c·g(n)                     (omega: c = 1)
    Theta:         c_low·g(n) ≤ f(n) ≤ c·g(n)
    """

    rel: str
    c: Fraction
    log2_n0: int
    c_low: Fraction | None = None

    @property
    def n0(self) -> int:
        """N0 itself (possibly astronomically large)."""
        return 1 << self.log2_n0

    def describe(self, f: str = "f(n)", g: str = "g(n)") -> str:
        """E.g. "for all n >= 2^40: f(n) <= 3/2 · g(n)"; a constant with many zeros
        reads "296·10^432"."""
        head = f"for all n >= 2^{self.log2_n0}: "
        c = number_text(self.c)
        if self.rel in ("O", "o"):
            return head + f"{f} <= {c} · {g}"
        if self.rel in ("Omega", "omega"):
            return head + f"{f} >= {c} · {g}"
        low = number_text(self.c_low) if self.c_low is not None else "None"
        return head + f"{low} · {g} <= {f} <= {c} · {g}"

    def __str__(self) -> str:
        return self.describe()


_ZEROS = 6  # a power of ten with at least this many zeros is written 10^k


def number_text(q: Fraction) -> str:
    """q exactly, as `str(Fraction)` does, except m·10^k (or m·10^-k) for a power of
    ten with at least _ZEROS zeros: the constants of Tier 3 certificates (e^1000·3/2 is
    296·10^432)."""
    if q.denominator == 1:
        text = str(q.numerator)
        zeros = len(text) - len(text.rstrip("0"))
        if zeros >= _ZEROS:
            return f"{text[:-zeros]}·10^{zeros}"
    else:
        text = str(q.denominator)
        if text.rstrip("0") == "1" and len(text) - 1 >= _ZEROS:
            return f"{q.numerator}·10^-{len(text) - 1}"
    return str(q)


def _inequalities(f: Expr, g: Expr, cert: Certificate) -> list[tuple[Expr, Expr, Fraction]]:
    """The statements a ≤ c·b that the certificate asserts."""
    if cert.rel in ("O", "o"):
        return [(f, g, cert.c)]
    if cert.rel in ("Omega", "omega"):
        return [(g, f, 1 / cert.c)] if cert.c > 0 else []
    if cert.rel == "Theta" and cert.c_low is not None and cert.c_low > 0:
        return [(f, g, cert.c), (g, f, 1 / cert.c_low)]
    return []


def check_certificate(f: Expr, g: Expr, cert: Certificate) -> bool:
    """Re-prove every inequality of `cert` independently; False means not proved.

    For o and omega the inequality with c = 1 is checked, and the strict order of the
    leading monomials is re-derived from the exact normal forms (max/min split into cases).
    """
    if cert.rel not in CERT_RELATIONS or cert.c <= 0:
        return False
    if cert.rel in ("o", "omega") and cert.c != 1:
        return False
    # A (c, N0) pair cannot show a limit: o/omega also need the leading monomials ordered.
    if cert.rel == "o" and not strictly_below(f, g):
        return False
    if cert.rel == "omega" and not strictly_below(g, f):
        return False
    ineqs = _inequalities(f, g, cert)
    return bool(ineqs) and all(check_inequality(a, b, c, cert.log2_n0) for a, b, c in ineqs)


def _scale(x: Fraction) -> Fraction:
    """A power of ten about 1/10 of x (x > 0), without float overflow."""
    digits = len(str(x.numerator)) - len(str(x.denominator))  # ≤ 100,000 digits: see
    return Fraction(10) ** (digits - 2)  # rcproof/__init__.py


def _nice_above(x: Fraction) -> Fraction:
    """A short rational ≥ x (two significant digits)."""
    if x <= 0:
        return Fraction(1)
    return math.ceil(x / _scale(x)) * _scale(x)


def _nice_below(x: Fraction) -> Fraction | None:
    """A short positive rational ≤ x, or None for x ≤ 0."""
    if x <= 0:
        return None
    return math.floor(x / _scale(x)) * _scale(x)


def _smallest_n0(f: Expr, g: Expr, rel: str, c: Fraction,
                 c_low: Fraction | None) -> Certificate | None:
    """Doubling then bisection on k for the first N0 = 2^k the checker accepts."""
    def ok(k: int) -> bool:
        budget.spend(_CHECK_UNITS, "searching the N0 of a certificate")
        return check_certificate(f, g, Certificate(rel, c, k, c_low))

    lo, k = 3, 4  # `lo` always fails (N0 must be ≥ 16)
    while not ok(k):
        lo, k = k, 2 * k
        if k > _MAX_LOG2_N0:
            return None
    while k - lo > 1:
        mid = (lo + k) // 2
        if ok(mid):
            k = mid
        else:
            lo = mid
    return Certificate(rel, c, k, c_low)


def certificate(f: Expr, g: Expr, rel: str) -> Certificate | None:
    """Witnesses for `f rel g` (rel in O, o, Theta, Omega, omega), checked before return;
    None when neither Tier 1 nor the exp-log engine shows the relation, or no witness
    the checker accepts was found (e.g. outside its fragment: `check.in_fragment`).

    A certificate is evidence for the report, not part of the decision: the search runs
    on at most 1/_SEARCH_SHARE of the theorem's remaining work budget (`rcproof.budget`;
    of the default budget outside a theorem) and, when that share runs out, returns None
    instead of exhausting the theorem."""
    parent = budget.current()
    left = parent.remaining
    share = budget.Budget((budget.DEFAULT_UNITS if left is None else left) // _SEARCH_SHARE)
    try:
        with budget.budget_scope(share), normal_forms():
            return _certificate(f, g, rel)
    except budget.BudgetExhausted:
        return None
    finally:  # the share is at most half of what is left: this never exhausts the parent
        parent.spend(min(share.spent, share.limit or 0), "searching a certificate")


def _engine_order(f: Expr, g: Expr) -> tuple[Order, Coef | None] | None:
    """The exp-log engine's order of f against g and, for Θ, rational bounds of the
    exact limit ratio (`enclosure` at 64 bits); None when the engine is undecided."""
    from rcproof.growth import explog
    from rcproof.growth.explog.constants import enclosure

    try:
        answer = explog.compare(f, g)
        if answer.order.kind != "Theta":
            return answer.order, None
        if answer.ratio is None or answer.ratio.free_symbols:
            return None
        lo, hi = enclosure(answer.ratio, 64)
    except explog.Undecided:
        return None
    except RecursionError:
        return None
    return answer.order, Coef(lo, hi)


def _order(f: Expr, g: Expr) -> tuple[Order, Coef | None] | None:
    """Tier 1's order (with its ratio), else the exp-log engine's; None if neither."""
    try:
        order = compare(f, g)
        return order, order.ratio
    except GrowthError:
        return _engine_order(f, g)


def _certificate(f: Expr, g: Expr, rel: str) -> Certificate | None:
    if rel not in CERT_RELATIONS or not (in_fragment(f) and in_fragment(g)):
        return None
    found = _order(f, g)
    if found is None:
        return None
    order, ratio = found
    if not holds(order, rel):
        return None
    c_low: Fraction | None = None
    if rel in ("o", "omega") or order.kind != "Theta":  # o/omega, or O from o, Omega from ω
        c = Fraction(1)
    else:
        assert ratio is not None
        upper = _nice_above(ratio.hi * Fraction(3, 2))
        lower = _nice_below(ratio.lo * Fraction(2, 3))
        if lower is None:
            return None
        if rel == "O":
            c = upper
        elif rel == "Omega":
            c = lower
        else:
            c, c_low = upper, lower
    return _smallest_n0(f, g, rel, c, c_low)


def describe(cert: Certificate, f: Expr, g: Expr) -> str:
    """The certificate in words, quoting both expressions."""
    return cert.describe(show(f), _paren(show(g)))


def _paren(text: str) -> str:
    return f"({text})" if " " in text else text
