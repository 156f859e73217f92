"""Terms of the exp-log engine: Hardy's L-functions of one variable, in a normal form.

A term is built only through the smart constructors `const`, `add`, `mul`, `power`,
`exp_`, `log_`, which keep it in a normal form that makes exact cancellation
structural:

* a sum is a rational-linear (more generally constant-linear) combination of distinct
  non-constant terms plus a constant, with constant coefficients distributed
  (`2·(n + 1) − 2·n` is the constant 2);
* a product is a constant times distinct bases raised to constant exponents, with all
  `exp` factors merged into one (`exp(a)·exp(b) = exp(a + b)`);
* `exp(log a) = a`, `log(exp a) = a`, `log` of a product of positive-shaped factors is
  split into a sum of logs, and every variable-free subterm is folded into one exact
  sympy constant (`constants.py`).

Every term has a canonical text `key` (structural identity, hash and a deterministic
order that does not depend on Python's hash seed) and the set of symbols it mentions.
Two symbols exist: `X`, the variable n → ∞, and `W`, the placeholder ω → 0+ that the
rewrite step of Gruntz's algorithm introduces (Gruntz 1996, §3.3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import sympy

from rcproof.budget import spend
from rcproof.growth.explog.constants import Undecided, const_message, const_text, sign_of
from rcproof.runtime import guard_sympy_primality

guard_sympy_primality(sympy)
_EMPTY: frozenset[str] = frozenset()


class Term:
    """Base of the immutable term nodes; compare and hash by `key`."""

    __slots__ = ("free", "key", "size")
    key: str
    free: frozenset[str]
    size: int

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return self.key

    def _set(self, key: str, free: frozenset[str], size: int) -> None:
        self.key = key
        self.free = free
        self.size = size
        spend(1, "building exp-log terms")


class Const(Term):
    """An exact real constant (a sympy number)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        if not hasattr(value, "is_Rational"):
            value = _sympy().sympify(value)
        self.value = value
        self._set(const_text(value), _EMPTY, 1)


class Sym(Term):
    """The variable `X` (n → +∞) or the placeholder `W` (ω → 0+)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name
        self._set(name, frozenset((name,)), 1)


class Sum(Term):
    """const + Σ coef·term, terms distinct, non-constant, sorted by key."""

    __slots__ = ("const", "terms")

    def __init__(self, const: Any, terms: tuple[tuple[Term, Any], ...]) -> None:
        self.const = const
        self.terms = terms
        parts = [f"{const_text(c)}*{t.key}" for t, c in terms]
        free: frozenset[str] = _EMPTY.union(*(t.free for t, _ in terms))
        self._set(f"({const_text(const)} + {' + '.join(parts)})", free,
                  1 + sum(t.size for t, _ in terms))


class Prod(Term):
    """const · Π base^exponent, bases distinct and non-constant, sorted by key."""

    __slots__ = ("const", "factors")

    def __init__(self, const: Any, factors: tuple[tuple[Term, Any], ...]) -> None:
        self.const = const
        self.factors = factors
        parts = [f"{b.key}^({const_text(e)})" for b, e in factors]
        free: frozenset[str] = _EMPTY.union(*(b.free for b, _ in factors))
        self._set(f"({const_text(const)} * {' * '.join(parts)})", free,
                  1 + sum(b.size for b, _ in factors))


class Exp(Term):
    __slots__ = ("arg",)

    def __init__(self, arg: Term) -> None:
        self.arg = arg
        self._set(f"exp({arg.key})", arg.free, 1 + arg.size)


class Log(Term):
    __slots__ = ("arg",)

    def __init__(self, arg: Term) -> None:
        self.arg = arg
        self._set(f"log({arg.key})", arg.free, 1 + arg.size)


def _sympy() -> Any:
    return sympy


_S1 = sympy.S.One  # singletons: exact zero and one are always these objects
_S0 = sympy.S.Zero
S0, S1, SM1 = _S0, _S1, sympy.S.NegativeOne  # for the other modules
def const(value: Any) -> Const:
    """The constant term for a sympy number (ints and Fractions are converted)."""
    sp = _sympy()
    return Const(sp.nsimplify(value) if isinstance(value, float) else sp.sympify(value))


X = Sym("n")
W = Sym("ω")
ZERO = Const(0)
ONE = Const(1)


def is_const(t: Term) -> bool:
    return isinstance(t, Const)


def _split_coef(t: Term) -> tuple[Term, Any]:
    """t = coef · rest with rest non-constant and not carrying a constant factor."""
    if isinstance(t, Prod) and t.const is not _S1:
        rest = t.factors[0][0] if len(t.factors) == 1 and t.factors[0][1] is _S1 \
            else Prod(_S1, t.factors)
        return rest, t.const
    return t, _S1


def add(*items: Term) -> Term:
    """The normal form of a sum of terms."""
    total: Any = _S0
    acc: dict[str, tuple[Term, Any]] = {}
    for t in items:
        if isinstance(t, Const):
            if t.value is not _S0:
                total = t.value if total is _S0 else total + t.value
            continue
        pieces: Iterable[tuple[Term, Any]]
        if isinstance(t, Sum):
            if t.const is not _S0:
                total = t.const if total is _S0 else total + t.const
            pieces = t.terms
        else:
            pieces = (_split_coef(t),)
        for u, c in pieces:
            if u.key in acc:
                acc[u.key] = (u, acc[u.key][1] + c)
            else:
                acc[u.key] = (u, c)
    terms = tuple(sorted(((u, c) for u, c in acc.values() if c is not _S0),
                         key=lambda p: p[0].key))
    if not terms:
        return Const(total)
    if total is _S0 and len(terms) == 1:
        u, c = terms[0]
        return u if c is _S1 else mul(Const(c), u)
    return Sum(total, terms)


def mul(*items: Term) -> Term:
    """The normal form of a product of terms."""
    k: Any = _S1
    acc: dict[str, tuple[Term, Any]] = {}
    exp_args: list[Term] = []
    for t in items:
        if isinstance(t, Const):
            if t.value is not _S1:
                k = t.value if k is _S1 else k * t.value
            continue
        pieces: Iterable[tuple[Term, Any]]
        if isinstance(t, Prod):
            if t.const is not _S1:
                k = t.const if k is _S1 else k * t.const
            pieces = t.factors
        else:
            pieces = ((t, _S1),)
        for b, e in pieces:
            if isinstance(b, Exp):
                exp_args.append(mul(Const(e), b.arg) if e is not _S1 else b.arg)
            elif b.key in acc:
                acc[b.key] = (b, acc[b.key][1] + e)
            else:
                acc[b.key] = (b, e)
    if k is _S0:
        return ZERO
    if exp_args:
        merged = exp_(add(*exp_args))
        if isinstance(merged, Const):
            k *= merged.value
        else:
            # exp of a sum may simplify (exp(n + log n) = n·exp(n)): its factors join the
            # product, exponents added to any factor already there
            if isinstance(merged, Prod):
                k *= merged.const
                pieces = merged.factors
            else:
                pieces = ((merged, _S1),)
            for b, e in pieces:
                old = acc.get(b.key)
                acc[b.key] = (b, e if old is None else old[1] + e)
    factors = tuple(sorted(((b, e) for b, e in acc.values() if e is not _S0),
                           key=lambda p: p[0].key))
    if not factors:
        return Const(k)
    if len(factors) == 1 and factors[0][1] is _S1:
        base = factors[0][0]
        if k is _S1:
            return base
        if isinstance(base, Sum):  # distribute the constant
            return add(Const(k * base.const), *(mul(Const(k * c), u) for u, c in base.terms))
    return Prod(k, factors)


def grows_shape(t: Term) -> bool:
    """True when t → +∞ by its shape alone (n, exp and log of such, positive powers and
    positive sums of them); a sound sufficient test, used before the full engine."""
    if t == X:
        return True
    if isinstance(t, Exp | Log):
        return grows_shape(t.arg)
    if isinstance(t, Prod):
        return (t.const.is_Rational and t.const.p > 0
                and all(e.is_Rational and e.p > 0 and grows_shape(b) for b, e in t.factors))
    if isinstance(t, Sum):
        return positive_shape(t) and any(grows_shape(u) for u, _ in t.terms)
    return False


def positive_shape(t: Term) -> bool:
    """True when t > 0 for all large n by its shape alone (n, ω, exp, positive sums,
    logs of growing terms)."""
    if isinstance(t, Sym | Exp):
        return True
    if isinstance(t, Log):
        return grows_shape(t.arg)
    if isinstance(t, Const):
        return bool(t.value.is_Rational and t.value.p > 0) or t.value == _sympy().E
    if isinstance(t, Sum):
        return (t.const.is_Rational and t.const.p >= 0
                and all(c.is_Rational and c.p > 0 and positive_shape(u) for u, c in t.terms))
    if isinstance(t, Prod):
        return (t.const.is_Rational and t.const.p > 0
                and all(positive_shape(b) for b, _ in t.factors))
    return False


MAX_EXACT_BITS = 1 << 16  # a rational power whose exact value would need more bits


def exact_power(c: Any, e: Any) -> Any:
    """c^e for sympy constants, refusing (Undecided) a rational power so large that its
    exact value would take more than MAX_EXACT_BITS bits (999…9^999…9): that work would
    not be bounded by any budget."""
    if c.is_Rational and e.is_Rational and c not in (0, 1, -1):
        size = max(abs(c.p).bit_length(), abs(c.q).bit_length())
        if abs(e) * size > MAX_EXACT_BITS:
            raise Undecided(f"the constant {const_message(c)}^({const_message(e)}) is too large to "
                            "compute exactly")
    spend(1, "raising a constant to a power")
    if e is _S1 or c is _S1:
        return c
    if c.is_Rational and e.is_Rational and not e.is_Integer and max(
            abs(c.p), abs(c.q)) > 1 << 64:
        # sympy would look for an exact root by factoring a large number, here or in any
        # later product with such a root: unbounded work
        raise Undecided(f"the root {const_message(c)}^({const_message(e)}) of a number over 64 "
                        "bits is not computed exactly")
    return c ** e


def power(base: Term, e: Any) -> Term:
    """base^e for a constant exponent e (a sympy number).

    A non-integer power of a constant needs a positive base (checked by intervals);
    a product is split into factor powers only when that is an identity (integer e, or
    positive-shaped factors)."""
    if e is _S0:
        return ONE
    if e is _S1:
        return base
    if isinstance(base, Const):
        if not e.is_Integer and sign_of(base.value) <= 0:
            raise Undecided(f"the power {base.value}^({e}) needs a positive base")
        if e.is_Integer and e < 0 and base.value == 0:
            raise Undecided("division by the constant 0")
        return Const(exact_power(base.value, e))
    if isinstance(base, Exp):
        return exp_(mul(Const(e), base.arg))
    if isinstance(base, Prod) and (e.is_Integer or positive_shape(base)):
        return mul(Const(exact_power(base.const, e)),
                   *(power_factor(b, f * e) for b, f in base.factors))
    return Prod(_S1, ((base, e),))


def power_factor(b: Term, e: Any) -> Term:
    return ONE if e is _S0 else (b if e is _S1 else Prod(_S1, ((b, e),)))


def exp_(a: Term) -> Term:
    if isinstance(a, Const):
        return Const(_sympy().exp(a.value))
    if isinstance(a, Log):
        return a.arg
    return Exp(a)


def log_(a: Term) -> Term:
    """log a; a constant argument must be shown positive, else Undecided."""
    sp = _sympy()
    if isinstance(a, Const):
        if sign_of(a.value) <= 0:
            raise Undecided(f"log of the constant {a.value}, which is not positive")
        return Const(sp.log(a.value))
    if isinstance(a, Exp):
        return a.arg
    if isinstance(a, Prod) and positive_shape(a):
        return add(Const(sp.log(a.const)), *(mul(Const(e), log_(b)) for b, e in a.factors))
    return Log(a)


def rebuild(t: Term, leaf: Callable[[Term], Term | None],
            memo: dict[str, Term] | None = None) -> Term:
    """t with every subterm s for which leaf(s) is not None replaced (bottom-up rebuild
    through the smart constructors)."""
    memo = {} if memo is None else memo
    if t.key in memo:
        return memo[t.key]
    out = leaf(t)
    if out is None:
        if isinstance(t, Const | Sym):
            out = t
        elif isinstance(t, Sum):
            out = add(Const(t.const),
                      *(mul(Const(c), rebuild(u, leaf, memo)) for u, c in t.terms))
        elif isinstance(t, Prod):
            out = mul(Const(t.const), *(power(rebuild(b, leaf, memo), e) for b, e in t.factors))
        elif isinstance(t, Exp):
            out = exp_(rebuild(t.arg, leaf, memo))
        elif isinstance(t, Log):
            out = log_(rebuild(t.arg, leaf, memo))
        else:
            raise TypeError(f"not a term: {t!r}")
    memo[t.key] = out
    return out


def children(t: Term) -> tuple[Term, ...]:
    if isinstance(t, Sum):
        return tuple(u for u, _ in t.terms)
    if isinstance(t, Prod):
        return tuple(b for b, _ in t.factors)
    if isinstance(t, Exp | Log):
        return (t.arg,)
    return ()


def _up_leaf(s: Term) -> Term | None:
    return Exp(X) if s == X else None


def move_up(t: Term, memo: dict[str, Term] | None = None) -> Term:
    """t with n replaced by exp(n): the same limit, one comparability class higher.
    `memo` (by key) may be shared by all the calls of one question: the substitution is
    always the same, so a subterm moved up once is reused."""
    return rebuild(t, _up_leaf, memo)


def show(t: Term) -> str:
    """Readable text of a term, in n."""
    if isinstance(t, Const):
        return const_text(t.value)
    if isinstance(t, Sym):
        return t.name
    if isinstance(t, Sum):
        parts = [] if t.const == 0 else [const_text(t.const)]
        parts += [show(u) if c == 1 else f"{const_text(c)}*{show(u)}" for u, c in t.terms]
        return "(" + " + ".join(parts) + ")"
    if isinstance(t, Prod):
        parts = [] if t.const == 1 else [const_text(t.const)]
        parts += [show(b) if e == 1 else f"{show(b)}^({const_text(e)})"
                  for b, e in t.factors]
        return "*".join(parts)
    if isinstance(t, Exp):
        return f"exp({show(t.arg)})"
    if isinstance(t, Log):
        return f"log({show(t.arg)})"
    return repr(t)
