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


def _closure_modules() -> list[str]:
    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "tools/trusted_base.py", "--json"], cwd=root,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [row["module"] for row in __import__("json").loads(proc.stdout)["modules"]]


def test_the_trusted_base_runs_on_the_core_terms_without_the_surface_syntax() -> None:
    """Every module of the kernel's closure imports (and the kernel decides an atom)
    without loading syntax/ast.py: the kernel reads core terms and declaration forms."""
    modules = _closure_modules()
    assert "rcproof.syntax.core" in modules and "rcproof.syntax.decls" in modules
    assert "rcproof.syntax.ast" not in modules
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "from rcproof.kernel import rules\n"
            "from rcproof.syntax.core import Call, Name, Relation\n"
            "assert rules.ground(Relation(Call('log', (Name('n'),)), 'o', Name('n')))\n"
            "print([m for m in sys.modules if m == 'rcproof.syntax.ast'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("module", ["core", "decls"])
def test_the_surface_syntax_re_exports_the_core_and_declaration_forms(module: str) -> None:
    """`syntax.ast.X` is the very class of syntax/core.py or decls.py (one tree type: a
    node the parser builds is a node the kernel reads, and they compare equal)."""
    import importlib

    from rcproof.syntax import ast as A

    source = importlib.import_module(f"rcproof.syntax.{module}")
    names = [n for n, v in vars(source).items()
             if isinstance(v, type) and v.__module__ == source.__name__
             and not n.startswith("_")]
    assert names
    for name in names:
        assert getattr(A, name) is getattr(source, name), name
        assert name in A.__all__, name
