"""Parameter expressions (no n) as z3 real terms, with the side conditions they need."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import z3

from rcproof.growth.exactread import exact_value, name_free
from rcproof.growth.realexp import RealExp
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text
from rcproof.syntax.terms import const_value

_PIN_BITS = 128


class Untranslatable(Exception):
    """The expression is outside what Tier 2 can state; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RealTerms:
    """Translates constant (n-free) expressions to z3 reals over named parameters."""

    def __init__(self, ctx: z3.Context, var: Callable[[str], z3.ArithRef | None],
                 numerals: dict[Fraction, z3.ArithRef] | None = None) -> None:
        self.ctx = ctx
        self.var = var
        # Numerals made in this context, shared by the caller's translations (issue 13:
        # 0 and 1 were made thousands of times); z3 hash-conses them, so the terms are
        # the same either way.
        self.numerals = {} if numerals is None else numerals
        self.sides: list[z3.BoolRef] = []
        # Facts about irrational constants (lo < c < hi): true, so the caller assumes them;
        # a model that uses them is not a counter-example (c is only known to lie within).
        self.pins: list[z3.BoolRef] = []

    def num(self, value: Fraction) -> z3.ArithRef:
        found = self.numerals.get(value)
        if found is None:
            found = z3.RealVal(f"{value.numerator}/{value.denominator}", self.ctx)
            self.numerals[value] = found
        return found

    def exact(self, value: Fraction | RealExp) -> z3.ArithRef:
        """A rational, or an irrational exponent q0 + Σ q·atom with one z3 constant per
        atom (named canonically, so equal only to itself) pinned by 128-bit bounds."""
        if isinstance(value, Fraction):
            return self.num(value)
        out = self.num(value.q0)
        for (name, lo, hi), (_, coef) in zip(value.atom_bounds(_PIN_BITS), value.atoms):
            const = z3.Real(f"const:{name}", self.ctx)
            self.pins.append(z3.And(self.num(lo) <= const, const <= self.num(hi)))
            out = out + self.num(coef) * const
        return out

    def term(self, e: A.Expr) -> z3.ArithRef:
        if isinstance(e, A.Call | A.BinOp) and name_free(e) and _has_call(e):
            value = exact_value(e)
            if value is not None:
                return self.exact(value)
        if isinstance(e, A.Num):
            return self.num(e.value)
        if isinstance(e, A.Name):
            v = self.var(e.id)
            if v is None:
                raise Untranslatable(f"'{e.id}' is not a real parameter")
            return v
        if isinstance(e, A.Neg):
            return -self.term(e.operand)
        if isinstance(e, A.BinOp):
            left = self.term(e.left)
            if e.op == "^":
                return self._power(left, e.right, e.left)
            right = self.term(e.right)
            if e.op == "+":
                return left + right
            if e.op == "-":
                return left - right
            if e.op == "*":
                return left * right
            self.sides.append(right != 0)
            return left / right
        if name_free(e):
            raise Untranslatable(f"the constant {to_text(e)} (not rational, nor a rational "
                                 "combination of logarithms) is outside Tier 2")
        raise Untranslatable(f"{getattr(e, 'func', '?')}(…) of a parameter is outside Tier 2")

    def _power(self, base: z3.ArithRef, exponent: A.Expr, base_expr: A.Expr) -> z3.ArithRef:
        value = const_value(exponent)
        if value is None or value.denominator != 1 or abs(value) > 16:
            what = "a constant" if name_free(base_expr) else "a parameter"
            raise Untranslatable(f"{what} raised to a non-integer power is outside Tier 2")
        k = int(value)
        if k == 0:
            return self.num(Fraction(1))
        out = base
        for _ in range(abs(k) - 1):
            out = out * base
        if k < 0:
            self.sides.append(base != 0)
            return self.num(Fraction(1)) / out
        return out



def _has_call(e: A.Expr) -> bool:
    if isinstance(e, A.Call):
        return True
    if isinstance(e, A.BinOp):
        return _has_call(e.left) or _has_call(e.right)
    return isinstance(e, A.Neg) and _has_call(e.operand)
