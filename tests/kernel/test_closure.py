"""The printer is outside the trusted base, and messages still quote terms with it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rcproof.syntax.parser import parse_expr


@pytest.mark.parametrize("module", ["rcproof.kernel.rules", "rcproof.kernel",
                                    "rcproof.kernel.ground", "rcproof.elaborate.unfold"])
def test_the_kernel_runs_without_the_printer(module: str) -> None:
    code = (f"import sys, {module}\n"
            "from rcproof.kernel import rules\n"
            "from rcproof.syntax.ast import Call, Name, Relation, Num\n"
            "from fractions import Fraction\n"
            "atom = Relation(Call('sqrt', (Name('n'),)), 'o', Name('n'))\n"
            "assert rules.ground(atom) is not None\n"
            "print(sorted(m for m in sys.modules if m.startswith('rcproof.syntax.notation')"
            " or m.startswith('rcproof.growth.render') or m in ('sympy', 'z3', 'lark')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("text, quoted", [("sqrt(n) - sqrt(n)", "√n - √n"),
                                          ("n^2 - n^2", "n² - n²"),
                                          ("log(n - n)", "n - n")])
def test_growth_reasons_quote_with_the_printer(text: str, quoted: str) -> None:
    import rcproof.syntax.notation  # noqa: F401  (registers the printer, as every command does)
    from rcproof.growth.errors import GrowthError
    from rcproof.growth.leading import leading

    with pytest.raises(GrowthError) as info:
        leading(parse_expr(text, "<t>"))
    assert quoted in info.value.reason
