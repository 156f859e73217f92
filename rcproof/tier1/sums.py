"""The kernel's Tier 1 check: a ground expression of n as an exact sum of growth
monomials plus one error bound, and the Landau relation of two such expressions.

A `Sum` is Σ c_i·n^a_i·(log n)^b_i·(log log n)^e_i + O(n^a·(log n)^b·(log log n)^e), with
rational coefficients c_i ≠ 0, exponents from rcproof.tier1.exponents, every kept
monomial strictly above the error's, terms strictly decreasing. Each operation returns a
Sum that is true of the function it describes (Hardy's logarithmico-exponential scale:
G. H. Hardy, Orders of Infinity, 1910; the same expansions as the engine's Tier 1, kept
here in a deliberately small form):

* +, −, · exactly, the error carried by the largest product it can touch;
* x^r = c^r·m^r·(1 + O(u)) for x = c·m·(1 + u), u = O(rest/m) → 0 (binomial series;
  integer powers ≤ 8 of an exact sum are multiplied out instead); c^r must be rational;
* log x = a·log n + b·log log n + log c + O(u) (log c kept only as an O(1) error, so it
  must lie below the kept terms); exp x only for x = a·log n + b·log log n + O(u), u → 0;
* max / min by the exact sign of the difference's leading term.

Anything else raises `Unsupported` (the atom then gets no kernel theorem: an `unknown`,
never a guess). Sources: THEORY.md §2 (Tier 1); Hardy (1910); J. van der Hoeven,
Transseries and real differential algebra (LNM 1888, 2006), ch. 2 for the error calculus.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cmp_to_key

from rcproof.budget import spend
from rcproof.syntax import core as A
from rcproof.tier1 import exponents as X
from rcproof.tier1.exponents import Real, Unsupported

Exps = tuple[Real, Real, Real]  # powers of n, log n, log log n
ZERO: Exps = (Fraction(0), Fraction(0), Fraction(0))
MAX_TERMS = 12  # kept terms; the rest joins the error
SMALL_POWER = 8  # integer powers of an exact sum multiplied out


def cmp(m: Exps, k: Exps) -> int:
    """Lexicographic order of exponent vectors (the order of the monomials' growth)."""
    for x, y in zip(m, k):
        c = X.compare(x, y)
        if c:
            return c
    return 0


def plus(m: Exps, k: Exps) -> Exps:
    return (X.add(m[0], k[0]), X.add(m[1], k[1]), X.add(m[2], k[2]))


def scaled(m: Exps, r: Real) -> Exps:
    return (X.times(m[0], r), X.times(m[1], r), X.times(m[2], r))


def minus(m: Exps, k: Exps) -> Exps:
    return plus(m, scaled(k, Fraction(-1)))


def _larger(m: Exps | None, k: Exps | None) -> Exps | None:
    if m is None or k is None:
        return k if m is None else m
    return m if cmp(m, k) >= 0 else k


@dataclass(frozen=True)
class Sum:
    """Σ coef·monomial over `terms` (strictly decreasing, each above `err`) + O(err);
    `err is None`: exact."""

    terms: tuple[tuple[Exps, Fraction], ...]
    err: Exps | None = None

    def top(self) -> Exps | None:
        return self.terms[0][0] if self.terms else self.err

    def split(self) -> tuple[Fraction, Exps, Exps | None]:
        """(c, m, rest): self = c·m + O(rest), rest < m, c ≠ 0; Unsupported without a
        leading term."""
        if not self.terms:
            raise Unsupported("no leading term is known")
        (m, c), rest = self.terms[0], Sum(self.terms[1:], self.err)
        return c, m, rest.top()


def make(terms: dict[Exps, Fraction], err: Exps | None) -> Sum:
    """Normalize: drop zero coefficients and terms at or below the error, keep
    MAX_TERMS."""
    spend(1 + len(terms), "an exact growth sum (kernel Tier 1)")
    kept = sorted(((m, c) for m, c in terms.items() if c),
                  key=cmp_to_key(lambda s, t: cmp(t[0], s[0])))
    if err is not None:
        kept = [(m, c) for m, c in kept if cmp(m, err) > 0]
    if len(kept) > MAX_TERMS:
        err = _larger(err, kept[MAX_TERMS][0])
        kept = kept[:MAX_TERMS]
    return Sum(tuple(kept), err)


def constant(q: Fraction) -> Sum:
    return make({ZERO: q}, None)


def add(x: Sum, y: Sum, sign: int = 1) -> Sum:
    out = dict(x.terms)
    for m, c in y.terms:
        out[m] = out.get(m, Fraction(0)) + sign * c
    return make(out, _larger(x.err, y.err))


def mul(x: Sum, y: Sum) -> Sum:
    out: dict[Exps, Fraction] = {}
    for m, c in x.terms:
        for k, d in y.terms:
            key = plus(m, k)
            out[key] = out.get(key, Fraction(0)) + c * d
    err = None
    for a, b in ((x, y), (y, x)):
        if a.err is not None and b.top() is not None:
            err = _larger(err, plus(a.err, b.top()))  # type: ignore[arg-type]
    return make(out, err)


def _root(c: Fraction, r: Real) -> Fraction:
    """c^r when it is rational (c = 1, an integer r, or an exact root)."""
    if c == 1:
        return c
    if not isinstance(r, Fraction) or c <= 0:
        raise Unsupported("an irrational coefficient")
    if abs(r.numerator) * max(c.numerator.bit_length(), c.denominator.bit_length()) \
            > X.MAX_BITS:
        raise Unsupported("a coefficient too large to compute exactly")
    spend(1, "a rational power of a coefficient (kernel Tier 1)")
    base = c ** r.numerator
    num, den = _int_root(base.numerator, r.denominator), _int_root(
        base.denominator, r.denominator)
    return Fraction(num, den)


def _int_root(k: int, d: int) -> int:
    guess = round(k ** (1 / d)) if k.bit_length() < 1000 else None
    for g in () if guess is None else (guess - 1, guess, guess + 1):
        if g >= 0 and g ** d == k:
            return g
    raise Unsupported("an irrational coefficient")


def power(x: Sum, r: Real) -> Sum:
    """x^r (x eventually positive for a non-integer r)."""
    if isinstance(r, Fraction) and r.denominator == 1 and 0 <= r <= SMALL_POWER \
            and x.err is None:
        out = constant(Fraction(1))
        for _ in range(int(r)):
            out = mul(out, x)
        return out
    c, m, rest = x.split()
    if c < 0:
        raise Unsupported("a power of an eventually negative expression")
    lead = scaled(m, r)
    err = None if rest is None else plus(lead, minus(rest, m))
    return make({lead: _root(c, r)}, err)


def log(x: Sum) -> Sum:
    c, m, rest = x.split()
    if c < 0 or X.sign(m[2]) != 0:
        raise Unsupported("log of this expression leaves the scale")
    terms: dict[Exps, Fraction] = {}
    for key, coef in (((Fraction(0), Fraction(1), Fraction(0)), m[0]),
                      ((Fraction(0), Fraction(0), Fraction(1)), m[1])):
        if not isinstance(coef, Fraction):
            raise Unsupported("an irrational coefficient")
        terms[key] = coef
    err = None if rest is None else minus(rest, m)
    if c != 1:
        err = _larger(err, ZERO)
    return make(terms, err)  # log c ≠ 0 is the O(1) error, below log n and log log n


def exp(x: Sum) -> Sum:
    a = b = Fraction(0)
    for m, c in x.terms:
        if m == (Fraction(0), Fraction(1), Fraction(0)):
            a = c
        elif m == (Fraction(0), Fraction(0), Fraction(1)):
            b = c
        else:
            raise Unsupported("exp of this expression leaves the scale")
    if x.err is not None and cmp(x.err, ZERO) >= 0:
        raise Unsupported("exp of an expression known only up to O(1)")
    lead: Exps = (a, b, Fraction(0))
    return make({lead: Fraction(1)}, None if x.err is None else plus(lead, x.err))


def extreme(x: Sum, y: Sum, largest: bool) -> Sum:
    d = add(x, y, -1)
    if not d.terms and d.err is None:
        return x
    c, _, _ = d.split()
    return x if (c > 0) == largest else y


# ---- reading expressions ----------------------------------------------------------------

Value = tuple[str, object]  # ("r", Real) a number, ("l", {p: q}) the log of a rational


def number(e: A.Expr) -> Value:
    """An n-free constant: a number (rational or log ratio) or the log of a rational."""
    spend(1, "reading a constant (kernel Tier 1)")
    if isinstance(e, A.Num):
        return "r", Fraction(e.value)
    if isinstance(e, A.Neg):
        return _scale(number(e.operand), Fraction(-1))
    if isinstance(e, A.Call) and e.func == "log" and len(e.args) == 1 and not e.kwargs:
        kind, v = number(e.args[0])
        if kind != "r" or not isinstance(v, Fraction):
            raise Unsupported("log of an irrational constant")
        return "l", X.log_of(v)
    if isinstance(e, A.Call) and e.func == "sqrt" and len(e.args) == 1 and not e.kwargs:
        return "r", _root(_rational(number(e.args[0])), Fraction(1, 2))
    if not isinstance(e, A.BinOp):
        raise Unsupported("not a constant of the scale")
    left, right = number(e.left), number(e.right)
    if e.op in "+-":
        right = right if e.op == "+" else _scale(right, Fraction(-1))
        if left[0] == right[0] == "r":
            return "r", X.add(left[1], right[1])  # type: ignore[arg-type]
        if left[0] == right[0] == "l":
            both = dict(left[1])  # type: ignore[call-overload]
            for p, q in right[1].items():  # type: ignore[attr-defined]
                both[p] = both.get(p, Fraction(0)) + q
            return "l", both
    elif e.op == "*":
        if right[0] == "r" and isinstance(right[1], Fraction):
            return _scale(left, right[1])
        if left[0] == "r" and isinstance(left[1], Fraction):
            return _scale(right, left[1])
        if left[0] == right[0] == "r":
            return "r", X.times(left[1], right[1])  # type: ignore[arg-type]
    elif e.op == "/":
        if right[0] == "r" and isinstance(right[1], Fraction) and right[1]:
            return _scale(left, 1 / right[1])
        if left[0] == right[0] == "l":
            return "r", X.ratio(left[1], right[1])  # type: ignore[arg-type]
    elif e.op == "^" and left[0] == "r" and isinstance(left[1], Fraction):
        if not left[1]:
            raise Unsupported("a power of zero")
        return "r", _root(left[1], _rational(right))
    raise Unsupported("not a constant of the scale")


def _rational(v: Value) -> Fraction:
    if v[0] != "r" or not isinstance(v[1], Fraction):
        raise Unsupported("an irrational constant")
    return v[1]


def _scale(v: Value, r: Fraction) -> Value:
    if v[0] == "r":
        return "r", X.scale(v[1], r)  # type: ignore[arg-type]
    return "l", {p: q * r for p, q in v[1].items()}  # type: ignore[attr-defined]


_N = (Fraction(1), Fraction(0), Fraction(0))


def expand(e: A.Expr) -> Sum:
    """The Sum of a ground expression of n (Unsupported outside the scale)."""
    if isinstance(e, A.Num):
        return constant(Fraction(e.value))
    if isinstance(e, A.Name):
        if e.id != "n":
            raise Unsupported("not a ground expression")
        return make({_N: Fraction(1)}, None)
    if isinstance(e, A.Neg):
        return add(constant(Fraction(0)), expand(e.operand), -1)
    if isinstance(e, A.BinOp):
        if e.op == "^":
            return power(expand(e.left), _rational_or_ratio(number(e.right)))
        x, y = expand(e.left), expand(e.right)
        if e.op in "+-":
            return add(x, y, 1 if e.op == "+" else -1)
        if e.op == "*":
            return mul(x, y)
        return mul(x, power(y, Fraction(-1)))
    if isinstance(e, A.Call) and not e.kwargs:
        args = [expand(a) for a in e.args]
        if e.func in ("max", "min") and args:
            out = args[0]
            for other in args[1:]:
                out = extreme(out, other, e.func == "max")
            return out
        if len(args) == 1 and e.func in ("sqrt", "log", "exp"):
            return power(args[0], Fraction(1, 2)) if e.func == "sqrt" else (
                log(args[0]) if e.func == "log" else exp(args[0]))
    raise Unsupported("not a function of the scale")


def _rational_or_ratio(v: Value) -> Real:
    if v[0] != "r":
        raise Unsupported("an exponent that is a logarithm")
    return v[1]  # type: ignore[return-value]


def leading(e: A.Expr) -> tuple[Fraction, Exps]:
    """(c, m) with e ~ c·m, c > 0; Unsupported when not shown eventually positive."""
    c, m, _ = expand(e).split()
    if c <= 0:
        raise Unsupported("not eventually positive")
    return c, m


def _poly(f: Exps, g: Exps) -> bool:
    """f = g^O(1), some k ≥ 0 with f = O(g^k): when g's first nonzero exponent (index i)
    is positive, exactly when f's first i exponents are ≤ 0 lexicographically; when g
    does not grow, exactly when f = O(1)."""
    for i in range(3):
        s = X.sign(g[i])
        if s > 0:
            return cmp(f[:i] + ZERO[i:], ZERO) <= 0  # type: ignore[arg-type]
        if s < 0:
            break
    return cmp(f, ZERO) <= 0


def decide(atom: A.Relation) -> bool:
    """Whether a ground Landau atom holds (Unsupported when this check cannot say)."""
    if atom.rel in ("poly", "polylog"):
        base = atom.right if atom.rel == "poly" else A.Call("log", (atom.right,))
        return _poly(leading(atom.left)[1], leading(base)[1])
    cf, mf = leading(atom.left)
    cg, mg = leading(atom.right)
    order = cmp(mf, mg)
    if atom.rel == "~":
        return order == 0 and cf == cg
    table = {"O": order <= 0, "Omega": order >= 0, "Theta": order == 0,
             "o": order < 0, "omega": order > 0}
    if atom.rel not in table:
        raise Unsupported(f"unknown relation {atom.rel}")
    return table[atom.rel]
