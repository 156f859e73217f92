"""Tier 2: functions of n as lexicographic growth vectors (n, log n, log log n) in z3.

Exact for the function universe of THEORY.md §1: γ(f·g) = γf + γg, γ(f^r) = r·γf,
γ(f + g) = max(γf, γg), γ(c) = 0. Every step that needs a fact about the parameters
(a constant is positive, a difference keeps its leading term, a logarithm grows) adds a
side condition; the caller only trusts the translation where the side conditions hold.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import z3

from rcproof.growth.realexp import Real
from rcproof.smt.build import and_, eq, ite, lt, or_
from rcproof.smt.realterm import RealTerms, Untranslatable
from rcproof.syntax import ast as A
from rcproof.syntax.terms import const_value, is_ground, mentions

Vec = tuple["z3.ArithRef", "z3.ArithRef", "z3.ArithRef"]  # strings: z3 loads on first use


# Built with smt/build.py: the same terms as z3py's operators, without its coercions.

def lex_lt(u: Vec, v: Vec) -> z3.BoolRef:
    return or_(lt(u[0], v[0]), and_(eq(u[0], v[0]), or_(lt(u[1], v[1]),
                                                        and_(eq(u[1], v[1]), lt(u[2], v[2])))))


def lex_le(u: Vec, v: Vec) -> z3.BoolRef:
    return or_(lex_lt(u, v), vec_eq(u, v))


def vec_eq(u: Vec, v: Vec) -> z3.BoolRef:
    return and_(eq(u[0], v[0]), eq(u[1], v[1]), eq(u[2], v[2]))


def _pick(cond: z3.BoolRef, a: Vec, b: Vec) -> Vec:
    return (ite(cond, a[0], b[0]), ite(cond, a[1], b[1]), ite(cond, a[2], b[2]))


class GrowthVectors:
    """Translate expressions to growth vectors; `kind(name)` says what a name is.

    `kind` answers "param" (a real), "fun" (an abstract function), or None (unknown);
    resource calls such as size(C) are abstract functions keyed by their text.
    """

    def __init__(self, ctx: z3.Context, kind: Callable[[str], str | None],
                 real: Callable[[str], z3.ArithRef], fun: Callable[[A.Expr], Vec],
                 numerals: dict[Fraction, z3.ArithRef] | None = None) -> None:
        self.ctx = ctx
        self.kind = kind
        self.fun = fun
        self.reals = RealTerms(ctx, lambda name: real(name) if kind(name) == "param" else None,
                               numerals)
        self.sides = self.reals.sides
        self.zero: Vec = (self._num(0), self._num(0), self._num(0))

    def _num(self, value: Fraction | int) -> z3.ArithRef:
        return self.reals.num(Fraction(value))

    def _unit(self, i: int) -> Vec:
        return tuple(self._num(1 if j == i else 0) for j in range(3))  # type: ignore[return-value]

    def is_constant(self, e: A.Expr) -> bool:
        """No n, no abstract function, no resource: a real built from parameters."""
        if isinstance(e, A.Call) and e.func not in ("log", "sqrt", "exp", "max", "min"):
            return False
        return not mentions(e, lambda name: name == "n" or self.kind(name) != "param")

    def positive(self, e: A.Expr) -> None:
        """Add the side condition that a constant expression is positive."""
        value = const_value(e)
        if value is not None:
            if value <= 0:
                raise Untranslatable("a constant factor is not positive")
            return
        if isinstance(e, A.Call) and e.func == "exp":
            self.defined(e.args[0])  # exp is positive wherever its argument is defined
            return
        if isinstance(e, A.Call) and e.func == "sqrt":
            self.positive(e.args[0])
            return
        if isinstance(e, A.Call) and e.func == "log":
            self.sides.append(self.reals.term(e.args[0]) > 1)
            return
        if isinstance(e, A.BinOp) and e.op == "^":
            self.positive(e.left)
            return
        self.sides.append(self.reals.term(e) > 0)

    def nonnegative(self, e: A.Expr) -> None:
        """Add the side condition that a constant expression is ≥ 0 (and defined)."""
        value = const_value(e)
        if value is not None:
            if value < 0:
                raise Untranslatable("the square root of a negative number is not real")
            return
        self.defined(e)
        self.sides.append(self.reals.term(e) >= 0)

    def defined(self, e: A.Expr) -> None:
        """Side conditions under which a constant expression is a finite real."""
        if isinstance(e, A.Call) and e.func in ("log", "sqrt"):
            if e.func == "log":
                self.positive(e.args[0])
            else:
                self.nonnegative(e.args[0])
            return
        if isinstance(e, A.Call):
            for arg in e.args:
                self.defined(arg)
            return
        if isinstance(e, A.BinOp) and e.op == "^":
            self.positive(e.left)
            self.defined(e.right)
            return
        if isinstance(e, (A.BinOp, A.Neg)):
            self.reals.term(e)

    def vec(self, e: A.Expr) -> Vec:
        ground = _tier1_vector(e)
        if ground is not None:
            return tuple(self.reals.exact(x) for x in ground)  # type: ignore[return-value]
        if self.is_constant(e):
            self.positive(e)
            return self.zero
        if isinstance(e, A.Name):
            if e.id == "n":
                return self._unit(0)
            return self.fun(e)
        if isinstance(e, A.Neg):
            raise Untranslatable("a negated function is not eventually positive")
        if isinstance(e, A.BinOp):
            return self._binop(e)
        assert isinstance(e, A.Call)
        if e.func == "sqrt":
            return self.scale(self.vec(e.args[0]), self._num(Fraction(1, 2)))
        if e.func == "log":
            return self._log(self.vec(e.args[0]))
        if e.func == "exp":
            return self._exp(e.args[0])
        if e.func in ("max", "min"):
            out = self.vec(e.args[0])
            for arg in e.args[1:]:
                other = self.vec(arg)
                cond = lex_lt(out, other)
                out = _pick(cond, other, out) if e.func == "max" else _pick(cond, out, other)
            return out
        return self.fun(e)

    def scale(self, v: Vec, k: z3.ArithRef) -> Vec:
        return (v[0] * k, v[1] * k, v[2] * k)

    def _binop(self, e: A.BinOp) -> Vec:
        if e.op == "^":
            if not self.is_constant(e.right):
                raise Untranslatable("a variable exponent (exponential growth) is outside Tier 2")
            return self.scale(self.vec(e.left), self.reals.term(e.right))
        if e.op in "+-":
            for grow, const in ((e.left, e.right), (e.right, e.left)):
                value = const_value(const) if e.op == "+" else None
                if value is not None and value > 0 and not self.is_constant(grow):
                    # c + f with c > 0 and f eventually positive is Θ(max(c, f)): exact,
                    # whether or not f grows.
                    vec = self.vec(grow)
                    return _pick(lex_lt(self.zero, vec), vec, self.zero)
                if self.is_constant(const) and not self.is_constant(grow) and (
                        e.op == "+" or const is e.right):
                    # A growing function plus or minus a finite constant: the constant's
                    # sign does not matter, only that it is defined.
                    vec = self.vec(grow)
                    self.sides.append(lex_lt(self.zero, vec))
                    self.defined(const)
                    return vec
        left, right = self.vec(e.left), self.vec(e.right)
        if e.op == "+":
            return _pick(lex_lt(left, right), right, left)
        if e.op == "-":
            self.sides.append(lex_lt(right, left))
            return left
        if e.op == "*":
            return (left[0] + right[0], left[1] + right[1], left[2] + right[2])
        return (left[0] - right[0], left[1] - right[1], left[2] - right[2])

    def _log(self, v: Vec) -> Vec:
        grows_poly = v[0] > 0
        grows_log = z3.And(v[0] == 0, v[1] > 0)
        self.sides.append(z3.Or(grows_poly, grows_log))
        return _pick(grows_poly, self._unit(1), self._unit(2))

    def _exp(self, e: A.Expr) -> Vec:
        """exp(a·log n + b·log log n + c) = n^a (log n)^b e^c; anything else is Tier 3."""
        a, b = self._num(0), self._num(0)
        for sign, term in _summands(e, 1):
            coef, base = self._split_log(term)
            if base == "n":
                a = a + sign * coef
            elif base == "log":
                b = b + sign * coef
        return (a, b, self._num(0))

    def _split_log(self, term: A.Expr) -> tuple[z3.ArithRef, str | None]:
        """term = coef · log(n) ("n"), coef · log(log(n)) ("log"), or a constant (None)."""
        if self.is_constant(term):
            self.reals.term(term) if const_value(term) is None else None
            return self._num(0), None
        if _is_log_of(term, 1):
            return self._num(1), "n"
        if _is_log_of(term, 2):
            return self._num(1), "log"
        if isinstance(term, A.BinOp) and term.op in "*/":
            for inner, other in ((term.left, term.right), (term.right, term.left)):
                if (term.op == "*" or inner is term.left) and self.is_constant(other):
                    coef, base = self._split_log(inner)
                    factor = self.reals.term(other)
                    return (coef * factor if term.op == "*" else coef / factor), base
        raise Untranslatable("exp of something other than a multiple of log n is outside Tier 2")


def _tier1_vector(e: A.Expr) -> tuple[Real, Real, Real] | None:
    """A sub-expression in n alone is decided exactly by the growth algebra (Tier 1),
    which also shows it eventually positive; None if it has other names or is outside."""
    from rcproof import growth

    if not is_ground(e):
        return None
    try:
        lead = growth.leading(e)
    except growth.GrowthError:
        return None
    return tuple(lead.exps)  # type: ignore[return-value]


def _is_log_of(e: A.Expr, depth: int) -> bool:
    for _ in range(depth):
        if not (isinstance(e, A.Call) and e.func == "log" and len(e.args) == 1):
            return False
        e = e.args[0]
    return isinstance(e, A.Name) and e.id == "n"


def _summands(e: A.Expr, sign: int) -> list[tuple[int, A.Expr]]:
    if isinstance(e, A.BinOp) and e.op in "+-":
        right_sign = sign if e.op == "+" else -sign
        return _summands(e.left, sign) + _summands(e.right, right_sign)
    if isinstance(e, A.Neg):
        return _summands(e.operand, -sign)
    return [(sign, e)]


def relation(gv: GrowthVectors, rel: str, f: Vec, g: Vec) -> z3.BoolRef:
    """A Landau relation between growth vectors (`~` is not expressible here)."""
    if rel == "O":
        return lex_le(f, g)
    if rel == "Omega":
        return lex_le(g, f)
    if rel == "Theta":
        return vec_eq(f, g)
    if rel == "o":
        return lex_lt(f, g)
    if rel == "omega":
        return lex_lt(g, f)
    if rel == "poly":
        return poly_condition(f, g, gv.zero)
    if rel == "polylog":
        return poly_condition(f, gv._log(g), gv.zero)
    raise Untranslatable("`~` compares leading coefficients, which Tier 2 does not track")


def poly_condition(f: Vec, g: Vec, zero: Vec) -> z3.BoolRef:
    """f = g^O(1): some k >= 0 has f = O(g^k)."""
    return z3.Or(
        g[0] > 0,
        z3.And(g[0] == 0, g[1] > 0, f[0] <= 0),
        z3.And(g[0] == 0, g[1] == 0, g[2] > 0, z3.Or(f[0] < 0, z3.And(f[0] == 0, f[1] <= 0))),
        lex_le(f, zero),
    )
