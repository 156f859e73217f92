"""Real parameters in exp-log constants: signs that hold uniformly over a range.

A question may mention real parameters (`forall a : real where 0 < a < 1. a^n = o(1)`).
The engine then treats a parameter as a symbolic constant (a sympy `Symbol`) and every
sign it needs (a coefficient, an exponent, a difference of exponents) must hold for
*every* admissible value: the facts of the `where` clause, as polynomial constraints.
`param_sign(c)` decides the sign of a constant that mentions parameters by

* exact rules that hold for all values: exp(u) > 0; log(u) has the sign of u − 1, and
  Σ kᵢ·log uᵢ (rationals kᵢ, common denominator D; a rational q is q·log e) the sign
  of Π uᵢ^(D·kᵢ) − 1; a
  real power of a positive base is positive; a product has the product of the signs;
  a sum of terms with one common sign has that sign; A − B (A, B > 0) the sign of
  log A − log B; a sum over its common denominator the sign of numerator·denominator;
  α·a + β (α, β constants) by z3 against a rational enclosure of −β/α;
* a rational function of the parameters with rational coefficients: its numerator
  times denominator has one sign on the whole range, proved by z3 (nonlinear real
  arithmetic, under a deterministic rlimit that is spent from the question's budget).

Otherwise the sign is *unknown* and `Undecided` names the condition it depends on
("the answer depends on whether a - 1 > 0 for the parameters in range"). Answers are
therefore uniform over the range, so the leading term the engine computes, and every verdict
read from it, holds for all admissible parameter values.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rcproof.budget import spend
from rcproof.growth.explog.constants import Undecided


@dataclass(frozen=True)
class Range:
    """The admissible parameter values: `names` (sympy Symbols by name) and `facts`,
    sympy relations (`<`, `<=`, `>`, `>=`, `Eq`) between polynomial expressions in them
    with rational coefficients."""

    names: tuple[str, ...]
    facts: tuple[Any, ...]

    def symbol(self, name: str) -> Any:
        return symbol(name)


def symbol(name: str) -> Any:
    import sympy

    return sympy.Symbol(f"{name}", real=True)


_range: ContextVar[Range | None] = ContextVar("rcproof_explog_range", default=None)


@contextmanager
def parameter_scope(where: Range | None) -> Iterator[None]:
    """Make `where` the admissible range for the questions asked in the block."""
    token = _range.set(where)
    try:
        yield
    finally:
        _range.reset(token)


def current() -> Range | None:
    return _range.get()


def from_comparisons(names: Sequence[str], comparisons: Sequence[Any]) -> Range:
    """A `Range` from `where` comparisons of our syntax (`0 < a < 1`, chained); raises
    Undecided for a comparison outside polynomial arithmetic in the parameters."""
    import sympy

    from rcproof.syntax import ast as A

    ops = {"<": sympy.StrictLessThan, "<=": sympy.LessThan, ">": sympy.StrictGreaterThan,
           ">=": sympy.GreaterThan, "=": sympy.Eq, "==": sympy.Eq}
    facts = []
    for c in comparisons:
        assert isinstance(c, A.Comparison)
        sides = [_to_sympy(e, names) for e in c.terms]
        for op, left, right in zip(c.ops, sides, sides[1:], strict=False):
            if op not in ops:
                raise Undecided(f"the parameter condition '{op}' is not a comparison")
            facts.append(ops[op](left, right))
    return Range(tuple(names), tuple(facts))


def _to_sympy(e: Any, names: Sequence[str]) -> Any:
    import sympy

    from rcproof.syntax import ast as A

    if isinstance(e, A.Num):
        return sympy.Rational(e.value.numerator, e.value.denominator)
    if isinstance(e, A.Name) and e.id in names:
        return symbol(e.id)
    if isinstance(e, A.Neg):
        return -_to_sympy(e.operand, names)
    if isinstance(e, A.BinOp) and e.op in "+-*/^":
        a, b = _to_sympy(e.left, names), _to_sympy(e.right, names)
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b, "^": a ** b}[e.op]
    raise Undecided("a parameter condition must be polynomial arithmetic in the parameters")


def mentions_parameters(c: Any) -> bool:
    return bool(getattr(c, "free_symbols", None))


MAX_SIGN_DEPTH = 24  # nested sign questions before the answer is left undecided
_signing: ContextVar[tuple[Any, ...]] = ContextVar("rcproof_param_signing", default=())


def param_sign(c: Any, sign_of: Any) -> int:
    """The sign of the constant c (which mentions parameters) for every admissible value;
    `sign_of` is the engine's sign of constants (for parameter-free factors).

    The rules call each other (a sum through logarithms, logarithms through a product
    minus 1, …); a question already being asked, or nested MAX_SIGN_DEPTH deep, raises
    Undecided instead of looping (review 8: `a^n = O(exp(n/2))` for 1 < a < 2 never
    ended)."""
    asking = _signing.get()
    if c in asking or len(asking) >= MAX_SIGN_DEPTH:
        raise Undecided(f"the sign of {c} over the parameter range needs a chain of "
                        "rewrites that comes back to itself")
    token = _signing.set((*asking, c))
    try:
        return _param_sign(c, sign_of)
    finally:
        _signing.reset(token)


def _param_sign(c: Any, sign_of: Any) -> int:
    import sympy

    spend(5, "deciding a sign uniformly over the parameters")
    where = current()
    if where is None:
        raise Undecided(f"the constant {c} mentions a parameter with no given range")
    if not mentions_parameters(c):
        return int(sign_of(c))
    if isinstance(c, sympy.exp):
        return 1
    if isinstance(c, sympy.log):
        return param_sign(c.args[0] - 1, sign_of) if mentions_parameters(c.args[0]) else \
            int(sign_of(c))
    poly = _rational_function(c, where)
    if poly is not None:
        return _z3_sign(c, poly, where)
    if c.is_Mul:
        out = 1
        for f in c.args:
            out *= param_sign(f, sign_of)
        return out
    if c.is_Pow:
        base, ex = c.args
        if ex.is_Integer:
            s = param_sign(base, sign_of)
            return s ** int(ex) if (s != 0 or ex > 0) else _depends(c)
        if param_sign(base, sign_of) > 0:
            return 1
        return _depends(base)
    if c.is_Add and all(_log_term(a) is not None for a in c.args):
        # Σ kᵢ·log uᵢ (uᵢ > 0, kᵢ rational) has the sign of Σ D·kᵢ·log uᵢ (D > 0 the
        # common denominator), that of Π uᵢ^(D·kᵢ) − 1 (log is increasing)
        logs = [_log_term(a) for a in c.args]
        common = sympy.ilcm(*(k.q for k, _ in logs)) if len(logs) > 1 else logs[0][0].q
        prod = sympy.Integer(1)
        for k, u in logs:  # type: ignore[misc]
            prod *= u ** (k * common)
        return param_sign(sympy.cancel(prod - 1), sign_of)
    if c.is_Add:
        return _sum_sign(c, sign_of)
    return _depends(c)


def _sum_sign(c: Any, sign_of: Any) -> int:
    """The sign of a sum: from its terms' signs when they agree; A − B through
    log A − log B; else over the common denominator. When a term's own sign depends on
    the parameters and no rule settles the sum, that term's condition is raised (its
    rational function splits the range, `split.py`)."""
    import sympy

    first: DependsOnParameters | None = None
    try:
        each = [param_sign(a, sign_of) for a in c.args]
    except DependsOnParameters as exc:
        first, each = exc, []
    signs = set(each)
    if each and len(signs) == 1:
        return signs.pop()
    if each and signs <= {0, 1}:
        return 1
    if each and signs <= {0, -1}:
        return -1
    if len(each) == 2 and signs == {-1, 1}:
        # A − B with A, B > 0 has the sign of log A − log B (log is increasing)
        big, small = (c.args[0], -c.args[1]) if each[0] > 0 else (c.args[1], -c.args[0])
        (log_big, gained), (log_small, also) = _log_of(big, sign_of), _log_of(small, sign_of)
        if log_big is not None and log_small is not None and (gained or also):
            return param_sign(sympy.expand(log_big - log_small), sign_of)
    num, den = sympy.fraction(sympy.together(c))
    if den != 1:  # over a common denominator: sign(num)·sign(den) (1 − log a/log 2)
        below = param_sign(den, sign_of)
        if below != 0:  # (a denominator 0 throughout would leave c undefined)
            return param_sign(sympy.expand(num), sign_of) * below
    linear = _linear_sign(c, sign_of)
    if linear is not None:
        return linear
    if first is not None:
        raise first
    return _depends(c)


def _linear_sign(c: Any, sign_of: Any) -> int | None:
    """The sign of c = α·x + β for one parameter x and parameter-free real constants α ≠ 0
    and β (a·log 2 − log 3): sign(α)·sign(x − r) with r = −β/α, decided when z3 proves
    that the range puts x above (or below) r: r itself when an exact rewrite (logarithms
    of rationals expanded, then cancelled) shows it rational, else a rational enclosure
    of r. None otherwise (also when the range reaches r or its enclosure)."""
    import sympy

    from rcproof.growth.explog.constants import PRECISIONS, enclosure

    where = current()
    if where is None or len(c.free_symbols) != 1:
        return None
    (x,) = c.free_symbols
    e = sympy.expand(c)
    alpha, beta = e.coeff(x, 1), e.coeff(x, 0)
    if alpha.free_symbols or beta.free_symbols or sympy.expand(e - alpha * x - beta) != 0:
        return None
    s = sign_of(alpha)
    if s == 0:
        return None
    r = -beta / alpha
    spend(20, "solving a parameter's sign condition exactly")
    exact = sympy.cancel(_prime_logs(r))  # log 6 = log 2 + log 3, …
    if exact.is_Rational:  # e.g. r = 3/2 exactly: no enclosure can tell a < r from a ≤ r
        bound = Fraction(int(exact.p), int(exact.q))
        if _implies(where, x, ">", bound):
            return s
        if _implies(where, x, "<", bound):
            return -s
        return None
    for bits in PRECISIONS:
        lo, hi = enclosure(r, bits)
        if _implies(where, x, ">", hi):
            return s
        if _implies(where, x, "<", lo):
            return -s
    return None


_FACTOR_LIMIT = 10**12  # logarithms of rationals with larger parts stay as they are


def _prime_logs(c: Any) -> Any:
    """c with each log of a positive rational (parts below _FACTOR_LIMIT) written over
    the logarithms of primes, log(p/q) = Σ e·log(prime): the one basis in which sympy's
    cancellation sees that (2·log 3 + log 6 − 4·log 2)/(2·log 3 − 2·log 2) is 3/2."""
    import sympy

    def expand(q: Any) -> Any:
        if not (q.is_Rational and q > 0) or max(q.p, q.q) >= _FACTOR_LIMIT:
            return sympy.log(q)
        out = sympy.S.Zero
        for part, sign in ((q.p, 1), (q.q, -1)):
            for prime, e in sympy.factorint(part).items():
                out += sign * e * sympy.log(sympy.Integer(prime))
        return out

    return c.replace(lambda e: isinstance(e, sympy.log), lambda e: expand(e.args[0]))


def _implies(where: Range, x: Any, op: str, bound: Any) -> bool:
    """Whether z3 proves that the range's facts imply x op bound (a rational bound)."""
    import z3

    names = {n: z3.Real(n) for n in where.names}
    value = z3.RealVal(f"{bound.numerator}/{bound.denominator}")
    var = names[x.name]
    solver = z3.Solver()
    solver.add(*(_z3(f, names) for f in where.facts))
    solver.add(z3.Not(var > value if op == ">" else var < value))
    return bool(_check(solver) == z3.unsat)


def _log_of(t: Any, sign_of: Any) -> tuple[Any, bool]:
    """log t for the positive constant t as a sum: log Π fᵢ = Σ log fᵢ (each fᵢ > 0),
    log exp(u) = u, log b^e = e·log b (b > 0); and whether an exp or a power that
    mentions a parameter was removed (else nothing is gained). (None, False) when a
    factor is not positive over the whole range."""
    import sympy

    gained = False
    out = sympy.Integer(0)
    for f in sympy.Mul.make_args(t):
        if isinstance(f, sympy.exp):
            out, gained = out + f.args[0], True
        elif f.is_Pow and mentions_parameters(f) and param_sign(f.args[0], sign_of) > 0:
            out, gained = out + f.args[1] * sympy.log(f.args[0]), True
        elif param_sign(f, sign_of) > 0:
            out += sympy.log(f)
        else:
            return None, False
    return out, gained


def _log_term(a: Any) -> tuple[Any, Any] | None:
    """(k, u) for a = k·log(u) with k a nonzero rational (a sympy Rational), a rational
    a being a·log(e); else None."""
    import sympy

    if a.is_Rational and a != 0:
        return a, sympy.E
    k, rest = a.as_coeff_Mul()
    if isinstance(rest, sympy.log) and k.is_Rational and k != 0:
        return k, rest.args[0]
    return None


class DependsOnParameters(Undecided):
    """The sign of `constant` (a sympy expression in the parameters) is not one sign over
    the range; `split` is (numerator, denominator) when it is a rational function of the
    parameters with rational coefficients (its sign is that of numerator·denominator, a
    polynomial, so the range can be split exactly at its zeros), else None."""

    def __init__(self, constant: Any, split: tuple[Any, Any] | None) -> None:
        super().__init__(f"the answer depends on whether {constant} > 0 for the parameters "
                         "in range (it does not hold, or fail, uniformly)")
        self.constant = constant
        self.split = split


def _depends(c: Any, poly: tuple[Any, Any] | None = None) -> int:
    where = current()
    if poly is None and where is not None:
        poly = _rational_function(c, where)
    raise DependsOnParameters(c, poly)


def _rational_function(c: Any, where: Range) -> tuple[Any, Any] | None:
    """(numerator, denominator) of c as a rational function of the parameters with
    rational coefficients, or None."""
    import sympy

    if not all(a.is_Rational for a in c.atoms(sympy.Number)):
        return None
    if c.atoms(sympy.NumberSymbol) or not all(p.exp.is_Integer for p in c.atoms(sympy.Pow)):
        return None  # e, π, √2: not rational coefficients
    syms = [symbol(n) for n in where.names]
    if not c.free_symbols <= set(syms) or not c.is_rational_function(*syms):
        return None
    if any(isinstance(f, sympy.Function) for f in c.atoms(sympy.Function)):
        return None
    num, den = sympy.fraction(sympy.together(c))
    return num, den


Z3_RLIMIT = 2_000_000  # z3 resource units per query (deterministic, like Tier 2's cap)


def _check(solver: Any) -> Any:
    """`solver.check()` under z3's deterministic resource limit: at most Z3_RLIMIT and at
    most what is left of the question's budget; the units z3 used (the difference of the
    context's counter, as in Tier 2) are spent from it."""
    import z3

    from rcproof.budget import current
    from rcproof.runtime import keep_ctrl_c_in_python

    def count() -> int:  # the context's cumulative counter (0 if z3 does not report it)
        try:
            return int(solver.statistics().get_key_value("rlimit count"))
        except z3.Z3Exception:
            return 0

    left = current().remaining
    cap = Z3_RLIMIT if left is None else max(1, min(Z3_RLIMIT, left))
    before = count()
    solver.set("rlimit", cap)
    keep_ctrl_c_in_python(z3)
    result = solver.check()
    spend(max(1, count() - before), "deciding a parameter condition with z3")
    return result


def empty(where: Range) -> bool:
    """Whether no parameter value satisfies the range's facts, proved by z3 (unsat,
    budgeted); False also when z3 cannot tell."""
    import z3

    names = {n: z3.Real(n) for n in where.names}
    solver = z3.Solver()
    solver.add(*(_z3(f, names) for f in where.facts))
    return bool(_check(solver) == z3.unsat)


def admissible(where: Range) -> bool:
    """Whether some parameter value satisfies the range's facts (z3, budgeted); False
    also when z3 cannot tell."""
    import z3

    names = {n: z3.Real(n) for n in where.names}
    solver = z3.Solver()
    solver.add(*(_z3(f, names) for f in where.facts))
    return bool(_check(solver) == z3.sat)


def _z3_sign(c: Any, poly: tuple[Any, Any], where: Range) -> int:
    import z3

    check = _check
    num, den = poly
    names = {n: z3.Real(n) for n in where.names}
    facts = [_z3(f, names) for f in where.facts]
    value = _z3(num, names) * _z3(den, names)
    nonzero_den = _z3(den, names) != 0
    for want, goal in ((1, value > 0), (-1, value < 0), (0, _z3(num, names) == 0)):
        solver = z3.Solver()
        solver.add(*facts)
        solver.add(z3.Not(z3.And(goal, nonzero_den)))
        if check(solver) == z3.unsat:
            return want
    return _depends(c, poly)


MAX_Z3_NUMERAL_BITS = 1 << 16  # the exact arithmetic's own limit (2^65536)


def _z3(e: Any, names: dict[str, Any]) -> Any:
    import sympy
    import z3

    if e.is_Rational:
        if max(abs(int(e.p)), int(e.q)).bit_length() > MAX_Z3_NUMERAL_BITS:
            raise Undecided("a parameter condition has a number too large for z3 "
                            f"(over {MAX_Z3_NUMERAL_BITS} bits)")
        return z3.RealVal(f"{e.p}/{e.q}")
    if isinstance(e, sympy.Symbol):
        return names[e.name]
    if isinstance(e, sympy.core.relational.Relational):
        a, b = _z3(e.lhs, names), _z3(e.rhs, names)
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b}[e.rel_op]
    if e.is_Add:
        out = _z3(e.args[0], names)
        for a in e.args[1:]:
            out = out + _z3(a, names)
        return out
    if e.is_Mul:
        out = _z3(e.args[0], names)
        for a in e.args[1:]:
            out = out * _z3(a, names)
        return out
    if e.is_Pow and e.args[1].is_Integer and e.args[1] >= 0:
        base = _z3(e.args[0], names)
        out = z3.RealVal(1)
        for _ in range(int(e.args[1])):
            out = out * base
        return out
    raise Undecided(f"the parameter condition {e} is outside polynomial arithmetic")
