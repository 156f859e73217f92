"""Fast path: an expression that is literally one growth monomial c·n^a·(log n)^b·(log log n)^e.

Most obligations are of this shape, and evaluating it directly (no expansion, no
intervals) keeps Tier 1 in microseconds. Every rule is an exact identity for large n;
anything else returns None and the caller falls back to the full expansion, which also
produces the error messages. This path never raises.
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.growth.exps import LOG, LOGLOG, ZERO, Exps
from rcproof.syntax.core import BinOp, Call, Expr, Name, Neg, Num

Mono = tuple[Fraction, Exps]

_ONE = Fraction(1)
_HALF = Fraction(1, 2)
_N = Exps(_ONE, Fraction(0), Fraction(0))
_MAX_INT_POWER = 64


def _power(base: Mono, r: Fraction) -> Mono | None:
    c, m = base
    if c == 1:
        return _ONE, m * r
    if r.denominator == 1 and c and abs(r) <= _MAX_INT_POWER:
        return c ** int(r), m * r
    return None


def monomial(e: Expr) -> Mono | None:
    """(c, exps) with e = c·n^a·(log n)^b·(log log n)^e for all large n, or None."""
    if isinstance(e, Num):
        v = e.value
        return (v if type(v) is Fraction else Fraction(v)), ZERO
    if isinstance(e, Name):
        return (_ONE, _N) if e.id == "n" else None
    if isinstance(e, BinOp):
        x = monomial(e.left)
        if x is None:
            return None
        y = monomial(e.right)
        if y is None:
            return None
        if e.op == "*":
            return x[0] * y[0], x[1] + y[1]
        if e.op == "/":
            return (x[0] / y[0], x[1] - y[1]) if y[0] else None
        if e.op == "^" and y[1] == ZERO:
            return _power(x, y[0])
        return None
    if isinstance(e, Neg):
        x = monomial(e.operand)
        return None if x is None else (-x[0], x[1])
    if isinstance(e, Call) and len(e.args) == 1 and not e.kwargs:
        x = monomial(e.args[0])
        if x is None:
            return None
        c, m = x
        if e.func == "sqrt":
            return _power(x, _HALF) if c > 0 else None
        if e.func == "log" and c == 1 and not m.e:
            if not m.b:
                return m.a, LOG  # log(n^a) = a·log n (a = 0: log 1 = 0)
            if not m.a:
                return m.b, LOGLOG  # log((log n)^b) = b·log log n
            return None
        if e.func == "exp" and m in (LOG, LOGLOG):
            return _ONE, (Exps(c, Fraction(0), Fraction(0)) if m == LOG
                          else Exps(Fraction(0), c, Fraction(0)))
        if e.func == "exp" and not c:
            return _ONE, ZERO
    return None
