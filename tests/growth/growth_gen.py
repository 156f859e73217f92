"""Random growth monomials and sums for the property tests and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from rcproof.syntax.ast import BinOp, Call, Expr, Name, Num

N: Expr = Name("n")
LOG_N: Expr = Call("log", (N,))
LOGLOG_N: Expr = Call("log", (LOG_N,))


@dataclass(frozen=True)
class Mono:
    c: Fraction
    a: Fraction
    b: Fraction
    e: Fraction

    def expr(self) -> Expr:
        out: Expr = Num(self.c)
        for base, k in ((N, self.a), (LOG_N, self.b), (LOGLOG_N, self.e)):
            if k:
                out = BinOp("*", out, BinOp("^", base, Num(k)))
        return out


def sum_expr(monos: list[Mono]) -> Expr:
    out = monos[0].expr()
    for m in monos[1:]:
        out = BinOp("+", out, m.expr())
    return out


def fraction_values(lo: int, hi: int, dens: tuple[int, ...]) -> list[Fraction]:
    """Every rational in [lo, hi] with one of the denominators (or 1), sorted."""
    return sorted({Fraction(k, d) for d in (1, *dens) for k in range(lo * d, hi * d + 1)})


def fractions(lo: int, hi: int, dens: tuple[int, ...]) -> st.SearchStrategy[Fraction]:
    return st.sampled_from(fraction_values(lo, hi, dens))


COEFS = st.sampled_from([Fraction(1), Fraction(2), Fraction(3), Fraction(1, 2), Fraction(5, 3)])
monos = st.builds(Mono, COEFS, fractions(-2, 3, (2, 3, 4)), fractions(-3, 3, (2, 3)),
                  fractions(-2, 2, (2,)))
sums = st.lists(monos, min_size=1, max_size=3)
