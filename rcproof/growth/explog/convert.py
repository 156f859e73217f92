"""Our syntax tree (`rcproof.syntax.ast`, expressions in n) → exp-log engine terms.

Accepted: numbers, n, + − * / ^, exp, log, sqrt, max, min. Each partial operation is
checked where it is built, with the engine's own sign computation: a log, a real power
or a sqrt needs an eventually positive argument, a division an argument that is not
eventually 0. `max(a, b)` and `min(a, b)` are eventually one of a, b (exp-log
functions form a Hardy field, so a − b has an eventual sign), chosen by sign(a − b).
A real parameter of the question's range (`params.py`) becomes a symbolic constant.
Anything else raises `Undecided` with the reason in words.
"""

from __future__ import annotations

from fractions import Fraction

from rcproof.growth.explog import params
from rcproof.growth.explog import terms as T
from rcproof.growth.explog.constants import Undecided, number
from rcproof.growth.explog.gruntz import Engine
from rcproof.growth.render import show
from rcproof.syntax.ast import BinOp, Call, Expr, Name, Neg, Num

_MINUS_ONE = T.const(-1)


def _positive(eng: Engine, t: T.Term, what: str, e: Expr) -> None:
    if eng.sign(t) <= 0:
        raise Undecided(f"{what} {show(e)} is not eventually positive")


def _nonzero(eng: Engine, t: T.Term, e: Expr) -> None:
    if eng.sign(t) == 0:
        raise Undecided(f"division by {show(e)}, which is identically 0")


def _power(eng: Engine, base: T.Term, ex: T.Term, e: BinOp) -> T.Term:
    if isinstance(ex, T.Const) and ex.value.is_Integer:
        if ex.value < 0:
            _nonzero(eng, base, e.left)
        return T.power(base, ex.value)
    _positive(eng, base, "the base of the power", e.left)
    if isinstance(ex, T.Const):
        return T.power(base, ex.value)
    return T.exp_(T.mul(ex, T.log_(base)))


def _extremum(eng: Engine, func: str, args: list[T.Term]) -> T.Term:
    best = args[0]
    for other in args[1:]:
        s = eng.sign(T.add(best, T.mul(_MINUS_ONE, other)))
        if (func == "max" and s < 0) or (func == "min" and s > 0):
            best = other
    return best


def to_term(eng: Engine, e: Expr) -> T.Term:
    """The engine term for an expression in n; raises Undecided."""
    if isinstance(e, Num):
        return T.Const(number(Fraction(e.value)))
    if isinstance(e, Name):
        where = params.current()
        if where is not None and e.id in where.names:
            return T.Const(params.symbol(e.id))
        if e.id != "n":
            raise Undecided(f"'{e.id}' must be substituted before a growth comparison")
        return T.X
    if isinstance(e, Neg):
        return T.mul(_MINUS_ONE, to_term(eng, e.operand))
    if isinstance(e, BinOp):
        a, b = to_term(eng, e.left), to_term(eng, e.right)
        if e.op == "+":
            return T.add(a, b)
        if e.op == "-":
            return T.add(a, T.mul(_MINUS_ONE, b))
        if e.op == "*":
            return T.mul(a, b)
        if e.op == "/":
            _nonzero(eng, b, e.right)
            return T.mul(a, T.power(b, _MINUS_ONE.value))
        if e.op == "^":
            return _power(eng, a, b, e)
        raise Undecided(f"unknown operator '{e.op}'")
    if isinstance(e, Call) and e.args and not e.kwargs:
        args = [to_term(eng, a) for a in e.args]
        if e.func in ("max", "min"):
            return _extremum(eng, e.func, args)
        if len(args) == 1 and e.func == "exp":
            return T.exp_(args[0])
        if len(args) == 1 and e.func == "log":
            _positive(eng, args[0], "the argument of", e)
            return T.log_(args[0])
        if len(args) == 1 and e.func == "sqrt":
            if eng.sign(args[0]) == 0:
                return T.ZERO
            _positive(eng, args[0], "the argument of", e)
            return T.power(args[0], number(Fraction(1, 2)))
        raise Undecided(f"{e.func}(...) is not an exp-log function of n")
    raise Undecided(f"{show(e)} is not an exp-log function of n")
