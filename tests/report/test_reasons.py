"""Reasons in LaTeX: the formulas in them are typeset as math, the prose as text."""

from __future__ import annotations

import pytest

from rcproof.report.latex import reason

CASES = [
    ("fails: not n^(2/3) = O(√n)", "fails: $\\neg (n^{2/3} = O(\\sqrt{n}))$"),
    ("n^D = O(n^4): holds iff D >= 4", "$n^{D} = O(n^{4})$: holds iff $D \\ge 4$"),
    ("fails at d = 3/2", "fails at $d = \\frac{3}{2}$"),
    ("fails at e = 2, size(C) = n^2", "fails at $e = 2$, $\\mathrm{size}(C) = n^{2}$"),
    ("the hypotheses admit no object", "the hypotheses admit no object"),
    ("budget exhausted in Tier 2 (z3 rlimit)", "budget exhausted in Tier 2 (z3 rlimit)"),
]


@pytest.mark.parametrize(("text", "tex"), CASES)
def test_reason_formulas_are_math(text: str, tex: str) -> None:
    assert reason(text) == tex


@pytest.mark.parametrize("exponent", ["1/2", "2/3", "d/(d-1)", "3"])
@pytest.mark.parametrize("rel", ["O", "o", "Omega", "Theta", "omega"])
def test_no_raw_ascii_math_survives(exponent: str, rel: str) -> None:
    tex = reason(f"fails: not n^({exponent}) = {rel}(log(n)); holds iff a >= {exponent}")
    assert tex.count("$") % 2 == 0
    outside = tex.split("$")[::2]  # the text parts
    assert not any("^(" in part or ">=" in part for part in outside), tex
