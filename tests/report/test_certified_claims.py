"""A derivation step printed next to its (c, N0) certificate shows the sides the
certificate was checked for (review 7): the Θ display simplifier drops constant factors
inside O(…), so `2·n² = O(2·n²)` with `f(n) <= 3/2 · g(n)` printed as `2·n² = O(n²)` —
a false inequality on the page. Generated over constants, exponents and relations; the
property is checked on the printed claim itself: for n = N0 and a few larger n, the
displayed f and g satisfy the displayed inequality."""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import pytest
import sympy

from rcproof.growth.sympy_bridge import to_sympy
from rcproof.report.simplify import tidy_claim
from rcproof.syntax import ast as A
from rcproof.syntax.reason import Formula
from rcproof.verify import verify_program

CONSTANTS = [Fraction(1), Fraction(2), Fraction(7, 3), Fraction(1, 5)]
SHAPES = [("n^2", "n^2"), ("n", "n^2"), ("n^2*log(n)", "n^2"), ("sqrt(n)", "n")]


def _theorems() -> str:
    lines = []
    for i, ((c1, c2), (f, g)) in enumerate(itertools.product(
            itertools.product(CONSTANTS, repeat=2), SHAPES)):
        rel = "Omega" if f == "n^2*log(n)" else "O"
        lines.append(f"theorem t{i}: ({c1})*{f} = {rel}(({c2})*{g})")
    return "\n".join(lines) + "\n"


def _certified_steps(tmp_path: Path) -> list[tuple[A.Relation, A.Comparison, int]]:
    src = tmp_path / "claims.rc"
    src.write_text(_theorems())
    _, files = verify_program([src], use_cache=False)
    found = []
    for _, results in files:
        for result in results:
            for step in result.verdict.steps:
                if not isinstance(step.claim, A.Relation) or step.detail is None:
                    continue
                formulas = [s.node for s in step.detail.segments if isinstance(s, Formula)]
                if len(formulas) == 2 and isinstance(formulas[1], A.Comparison):
                    bound, body = formulas
                    exponent = bound.terms[1].right.value  # n >= 2^k
                    found.append((step.claim, body, int(exponent)))
    return found


def _value(e: A.Expr, f: sympy.Expr, g: sympy.Expr, n: int) -> sympy.Expr:
    """c · g(n), g(n) or f(n) of a certificate formula, at n."""
    if isinstance(e, A.Call):
        return (f if e.func == "f" else g).subs(sympy.Symbol("n", positive=True), n)
    assert isinstance(e, A.BinOp) and e.op == "*"
    return sympy.Rational(e.left.value) * _value(e.right, f, g, n)


def test_printed_claims_satisfy_their_certificates(tmp_path: Path) -> None:
    steps = _certified_steps(tmp_path)
    assert len(steps) >= len(CONSTANTS) ** 2 * len(SHAPES)
    for claim, body, k in steps:
        shown = tidy_claim(claim, evidenced=True)
        f, g = to_sympy(shown.left), to_sympy(shown.right)
        for n in (2 ** k, 2 ** k + 3, 2 ** (k + 5)):
            values = [_value(t, f, g, n) for t in body.terms]
            for op, lo, hi in zip(body.ops, values, values[1:]):
                assert op in ("<=", ">=")
                ok = lo <= hi if op == "<=" else lo >= hi
                assert bool(ok), (claim, shown, body, n)


@pytest.mark.parametrize("claim", [
    "2*n^2 = O(2*n^2)", "n = O(7*n^2)", "3*n = Omega(n/5)", "n^2 = Theta(4*n^2 + n)"])
def test_evidenced_atoms_keep_their_constants(claim: str) -> None:
    from rcproof.syntax.parser import parse_prop

    atom = parse_prop(claim)
    assert isinstance(atom, A.Relation)
    shown = tidy_claim(atom, evidenced=True)
    n = sympy.Symbol("n", positive=True)
    assert sympy.simplify(to_sympy(shown.right) - to_sympy(atom.right)) == 0
    assert sympy.limit(to_sympy(shown.left) / to_sympy(atom.left), n, sympy.oo) == 1
