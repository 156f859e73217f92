"""The parameter condition a non-uniform answer depends on: the range split by cases.

When the engine cannot give a constant one sign over the whole parameter range
(`params.DependsOnParameters`), and that constant is a rational function r = p/q of the
parameters with rational coefficients, the range is split exactly where r changes sign:
p·q > 0, p·q < 0 and p·q = 0 (the sign of r is the sign of the polynomial p·q wherever
q ≠ 0; the three parts cover the range). On each part that z3 does not prove empty
(`params.empty`) the question is asked again;
the engine then signs that constant uniformly and either answers for the whole part or
splits it once more, at most `DEPTH` times. This is the case analysis on the sign of one
polynomial at a time that cylindrical algebraic decomposition makes systematic
(G. E. Collins, "Quantifier elimination for real closed fields by cylindrical algebraic
decomposition", 1975); Gruntz (PhD thesis, ETH Zürich 1996, §5 "parameters") asks the
same question of the sign of a leading coefficient that mentions a parameter.

Every part's answer is the engine's uniform answer over that part, so each "holds when
C" printed from it is true for every value satisfying C (and the range). `describe`
turns a part into comparisons of our syntax: for one parameter the exact interval(s)
(sympy's univariate inequality solver on polynomials of degree ≤ `DEGREE`), otherwise
the sign conditions themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rcproof.budget import spend
from rcproof.growth.explog.constants import Undecided
from rcproof.growth.explog.params import DependsOnParameters, Range, empty, symbol
from rcproof.syntax import ast as A

DEPTH = 2  # nested splits (each at most three parts)
DEGREE = 4  # highest degree solved exactly into intervals for printing


@dataclass(frozen=True)
class Part:
    """One part of the range: `where` (the range and the sign conditions that cut it out),
    `cuts` (those sign conditions alone, sympy relations) and the engine's `answer` over
    all of it (True/False), or the reason it stays undecided there (str), with the
    `constant` whose sign it lacked when that is the reason."""

    where: Range
    cuts: tuple[Any, ...]
    answer: bool | str
    constant: Any = None  # undecided for want of this constant's sign (sympy), if so


def cases(ask: Callable[[Range], bool], where: Range, depth: int = DEPTH) -> list[Part]:
    """The parts of `where` with `ask`'s answer on each. `ask(range)` is the question
    (uniform over its range: raises Undecided, in particular DependsOnParameters, when
    it is not). The parts cover `where`: a part is left out only when z3 proves it
    empty, so an answer True on every part holds on the whole range. A single part with
    no cuts means the answer is uniform over the whole range (or undecided for a reason
    other than a sign split)."""
    return _cases(ask, where, (), depth)


def _cases(ask: Callable[[Range], bool], where: Range, cuts: tuple[Any, ...],
           depth: int) -> list[Part]:
    import sympy

    try:
        return [Part(where, cuts, ask(where))]
    except DependsOnParameters as exc:
        if exc.split is None or depth == 0:
            return [Part(where, cuts, exc.reason, exc.constant)]
        num, den = exc.split
        sign = sympy.expand(num * den)
        out: list[Part] = []
        for cut in (sign > 0, sign < 0, sympy.Eq(sign, 0)):
            if cut is sympy.false:
                continue
            spend(10, "splitting the parameter range where a constant changes sign")
            part = Range(where.names, (*where.facts, *(() if cut is sympy.true else (cut,))))
            if not empty(part):  # kept unless proved empty: the parts cover the range
                out += _cases(ask, part, (*cuts, cut), depth - 1)
        return out
    except Undecided as exc:
        return [Part(where, cuts, exc.reason)]


def pinned(where: Range) -> dict[str, Fraction]:
    """The parameters the range fixes to one rational value by an equation linear in
    that parameter alone (`Eq(10*a - 7, 0)` gives a = 7/10): on such a part the question
    can be asked of the instance, where an expansion that cancels only at that value
    (log(1 + a/n)·n at a = 0) is exact."""
    import sympy

    out: dict[str, Fraction] = {}
    for f in where.facts:
        if not isinstance(f, sympy.Eq):
            continue
        e = sympy.expand(f.lhs - f.rhs)
        if len(e.free_symbols) != 1:
            continue
        (x,) = e.free_symbols
        poly = sympy.Poly(e, x)
        if poly.degree() == 1 and all(c.is_Rational for c in poly.all_coeffs()):
            k, c = poly.all_coeffs()
            value = -c / k
            out[x.name] = Fraction(int(value.p), int(value.q))
    return out


def describe(parts: list[Part]) -> list[A.Prop]:
    """The union of the parts as comparisons of the parameters, one alternative each:
    for one parameter the intervals (and points) the union is made of (`0 < a < 7/10`,
    `a = 7/10`); otherwise each part's sign conditions (`a - b > 0`), joined by `and`.
    Empty when some part cannot be written in our syntax."""
    if parts and len(parts[0].where.names) == 1:
        exact = _intervals(parts)
        if exact is not None:
            return exact
    out: list[A.Prop] = []
    for cuts in _merged([p.cuts for p in parts]):
        conj: A.Prop | None = None
        for cut in cuts:
            left, right = to_expr(cut.lhs), to_expr(cut.rhs)
            if left is None or right is None:
                return []
            one = A.Comparison((left, right), (_OPS[cut.rel_op],))
            conj = one if conj is None else A.And(conj, one)
        if conj is None:
            return []
        out.append(conj)
    return out


_OPS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "=="}


def _merged(cutss: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The parts' cuts with `P > 0` and `P = 0` after the same earlier cuts joined into
    `P >= 0` (likewise `<`): the same set, said once."""
    import sympy

    out = list(cutss)
    for i, cuts in enumerate(out):
        if not cuts or not isinstance(cuts[-1], sympy.Eq):
            continue
        zero = sympy.expand(cuts[-1].lhs - cuts[-1].rhs)
        for j, other in enumerate(out):
            last = other[-1] if other else None
            if (j != i and other[:-1] == cuts[:-1] and last is not None
                    and last.rel_op in ("<", ">")
                    and sympy.expand(last.lhs - last.rhs) == zero):
                joined = sympy.Ge(zero, 0) if last.rel_op == ">" else sympy.Le(zero, 0)
                out[j] = (*other[:-1], joined)
                out[i] = ()
                break
    return [c for c in out if c]


def _solved_pieces(parts: list[Part]) -> tuple[Any, ...] | None:
    """For one parameter: the union of the parts' sets as sympy intervals and finite
    sets, or None when a condition is of degree above DEGREE or sympy cannot solve it."""
    import sympy

    (name,) = parts[0].where.names
    a = symbol(name)
    found = sympy.S.EmptySet
    for part in parts:
        if any(sympy.Poly(f.lhs - f.rhs, a).degree() > DEGREE for f in part.where.facts):
            return None
        spend(20, "solving a parameter condition")
        try:
            found = found | sympy.reduce_inequalities(list(part.where.facts), [a]).as_set()
        except (NotImplementedError, ValueError, TypeError, sympy.PolynomialError):
            return None
    return found.args if isinstance(found, sympy.Union) else (found,)


def _intervals(parts: list[Part]) -> list[A.Prop] | None:
    """For one parameter: the union of the parts' sets, one comparison per interval."""
    import sympy

    (name,) = parts[0].where.names
    pieces = _solved_pieces(parts)
    if pieces is None:
        return None
    out: list[A.Prop] = []
    var = A.Name(name)
    for s in pieces:
        if isinstance(s, sympy.FiniteSet):
            for v in s:
                value = to_expr(v)
                if value is None:
                    return None
                out.append(A.Comparison((var, value), ("==",)))
        elif isinstance(s, sympy.Interval):
            terms: list[A.Expr] = []
            ops: list[str] = []
            if s.start.is_finite:
                lo = to_expr(s.start)
                if lo is None:
                    return None
                terms.append(lo)
                ops.append("<" if s.left_open else "<=")
            terms.append(var)
            if s.end.is_finite:
                hi = to_expr(s.end)
                if hi is None:
                    return None
                terms.append(hi)
                ops.append("<" if s.right_open else "<=")
            if not ops:
                return None
            out.append(A.Comparison(tuple(terms), tuple(ops)))
        else:
            return None
    return out


def point_in(parts: list[Part]) -> Fraction | None:
    """A rational value inside the union of the parts (one parameter), preferring the
    simplest (an integer, then a half, then the midpoint of an interval with rational
    ends, then a rational between irrational ends): a candidate for refuting
    `forall a : real where C. P` by an instance where the split found P false. Returns
    None for several parameters or a part that cannot be solved; a hint only (the
    instance is proved like any other)."""
    import sympy

    if not parts or len(parts[0].where.names) != 1:
        return None
    pieces = _solved_pieces(parts)
    if pieces is None:
        return None
    for s in pieces:
        if isinstance(s, sympy.FiniteSet):
            for v in s:
                if v.is_Rational:
                    return Fraction(int(v.p), int(v.q))
        elif isinstance(s, sympy.Interval):
            for guess in _simple_inside(s):
                if s.contains(sympy.Rational(guess.numerator, guess.denominator)) is sympy.true:
                    return guess
    return None


def _simple_inside(s: Any) -> list[Fraction]:
    """Rational guesses for a point of the interval s: integers and halves near its ends,
    its midpoint (through a float when an end is irrational), each end ± 1."""
    lo = s.start if s.start.is_finite else (s.end - 2 if s.end.is_finite else 0)
    hi = s.end if s.end.is_finite else lo + 2
    mid = Fraction((float(lo) + float(hi)) / 2).limit_denominator(1000)
    base = [Fraction(k, 2) for k in range(int(2 * float(lo)) - 1, int(2 * float(hi)) + 2)]
    base.sort(key=lambda x: (x.denominator, abs(x)))
    return [*base[:12], mid, Fraction(float(lo)).limit_denominator(10**6) + 1,
            Fraction(float(hi)).limit_denominator(10**6) - 1]


def to_expr(e: Any) -> A.Expr | None:
    """A sympy expression of rational numbers, parameters, + ·, powers, exp and log as an
    expression of our syntax (None for anything else, e.g. an algebraic root object)."""
    import sympy

    if e.is_Rational:
        value = A.Num(Fraction(int(abs(e.p)), int(e.q)))
        return A.Neg(value) if e < 0 else value
    if isinstance(e, sympy.Symbol):
        return A.Name(e.name)
    if e.is_Mul and e.could_extract_minus_sign():
        inner = to_expr(-e)
        return None if inner is None else A.Neg(inner)
    if e.is_Add or e.is_Mul:
        args = [to_expr(x) for x in e.as_ordered_terms()] if e.is_Add else \
            [to_expr(x) for x in e.as_ordered_factors()]
        if any(x is None for x in args):
            return None
        out = args[0]
        for x in args[1:]:
            assert out is not None and x is not None
            if e.is_Add and isinstance(x, A.Neg):
                out = A.BinOp("-", out, x.operand)
            else:
                out = A.BinOp("+" if e.is_Add else "*", out, x)
        return out
    if e is sympy.E:
        return A.Call("exp", (A.Num(Fraction(1)),))
    if isinstance(e, sympy.exp | sympy.log):
        inner = to_expr(e.args[0])
        return None if inner is None else A.Call(type(e).__name__, (inner,))
    if e.is_Pow:
        base, ex = to_expr(e.args[0]), to_expr(e.args[1])
        if base is None or ex is None:
            return None
        if e.args[1] == sympy.Rational(1, 2):
            return A.Call("sqrt", (base,))
        if e.args[1] == -1:
            return A.BinOp("/", A.Num(Fraction(1)), base)
        return A.BinOp("^", base, ex)
    return None
