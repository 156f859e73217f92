"""`rcproof table --format latex` (review 7, F13): names are escaped as `rcproof latex`
escapes them, every cell carries what the text table carries (the proved ends of a
family known by bounds, the intervals of a case split), and pdflatex compiles it."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest

from rcproof.realization import find_family, load_for_bound, parse_dim, tight_bound
from rcproof.report.bounds import render_table
from rcproof.report.latex import escape
from rcproof.report.text import show
from rcproof.syntax import ast as A

# Names with TeX-special characters where an identifier may hold them.
NAMES = ["My_Fam", "a_b_c", "X_1", "Big__Two", "_Lead"]
# Resources: exact ones, and ones known only by bounds (one end or both).
RESOURCES = ["size = n^2*p_1; depth = log(n)", "size = O(n^2); depth = Omega(log(n))",
             "size = Omega(n^3); depth = O(n)", "size = n*sqrt(n); depth = log(n)"]
DIMS = ["2", "3", "5/2", "d"]


def _source(tmp_path: Path) -> Path:
    lines = ["import physics"]
    for name, res in zip(NAMES, itertools.cycle(RESOURCES)):
        params = "(p_1 = 1)" if "p_1" in res else ""
        lines.append(f"family {name}{params} {{ {res} }}")
    for k, res in enumerate(RESOURCES):  # every resource form once more, plain names
        params = "(p_1 = 1)" if "p_1" in res else ""
        lines.append(f"family R{k}{params} {{ {res} }}")
    path = tmp_path / "tb.rc"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list:
    path = _source(tmp_path_factory.mktemp("table"))
    units = load_for_bound(path)
    out = []
    for decl in (d for u in units for d in u.module.decls if isinstance(d, A.FamilyDecl)):
        unit, _ = find_family(units, decl.name)
        member = A.Name(decl.name)
        out.append((show(member), [tight_bound(unit, member, parse_dim(d)) for d in DIMS]))
    return out


def test_names_are_escaped_like_rcproof_latex(rows: list) -> None:
    text = render_table(rows, DIMS, "latex")
    for name, _ in rows:
        assert rf"\textsf{{{escape(name)}}}" in text
    body = text.replace(r"\_", "")
    assert "_" not in body.replace("t^*_", ""), body


def test_cells_carry_what_the_text_table_carries(rows: list) -> None:
    """Per cell: a proved Ω or O end, a Θ, a case split, "none": never a bare `?` where
    the text table prints a bound."""
    latex_rows = render_table(rows, DIMS, "latex").splitlines()[4:-2]
    text_rows = render_table(rows, DIMS, "text").splitlines()[1:]
    assert len(latex_rows) == len(rows) == len(text_rows)
    for (_, cells), line in zip(rows, latex_rows):
        items = line.removesuffix(r" \\").split(" & ")[1:]
        assert len(items) == len(cells)
        for b, item in zip(cells, items):
            assert item.strip() not in ("", "?"), (b, item)
            if b.low is not None:
                assert r"\Omega(" in item and r"\Omega(?)" not in item, (b, item)
            if b.high is not None:
                assert "$O(" in item and "$O(?)$" not in item, (b, item)
            if b.time is not None:
                assert r"\Theta(" in item
            for case in b.cases:
                assert case.time is None or r"\Theta(" in item
            if b.cases:
                assert item.count(";") == len(b.cases) - 1


def test_table_compiles_with_pdflatex(rows: list, tmp_path: Path) -> None:
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    table = render_table(rows, DIMS, "latex")
    doc = ("\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage{amssymb}\n"
           "\\begin{document}\n\\tiny\n" + table + "\n\\end{document}\n")
    (tmp_path / "t.tex").write_text(doc, encoding="utf-8")
    done = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t.tex"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
