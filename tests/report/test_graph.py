"""`rcproof graph`: the inclusion graph of the bundled library."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rcproof.report.graph import inclusion_graph, to_svg
from rcproof.verify import verify_program


@pytest.fixture(scope="module")
def dot() -> str:
    program, files = verify_program([])
    return inclusion_graph(files, {u.path: u.scope for u in program.files.values()})


def test_is_digraph(dot: str) -> None:
    assert dot.startswith("digraph")
    assert dot.rstrip().endswith("}")


def test_rc_classes_and_landmarks_are_strict(dot: str) -> None:
    for node in ('"RC(√n, d = 3)"', '"RC(n^(2/3), d = 3)"', '"RC(n, d = 3)"'):
        assert f"{node} [label={node}]" in dot
    strict = [line for line in dot.splitlines() if "->" in line and "style=bold" in line]
    assert any(line.strip().startswith('"RC(') for line in strict)
    assert any('"RC(n, d = 3)"' in line for line in strict)


def test_families_are_boxes_with_membership_edges(dot: str) -> None:
    assert '"SMAT" [label="SMAT", shape=box]' in dot
    assert '"SMAT" -> "RC(n^(2/3), d = 3)"' in dot


def test_svg() -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` is not installed")
    svg = to_svg('digraph g { "a" -> "b"; }')
    assert svg is not None and "<svg" in svg


# ---- one node per instance, ordered by growth, a legend --------------------------------

def _graph(tmp_path: Path, text: str) -> str:
    path = tmp_path / "g.rc"
    path.write_text("import physics\n" + text, encoding="utf-8")
    program, files = verify_program([path])
    return inclusion_graph(files, {u.path: u.scope for u in program.files.values()})


SPELLINGS = ["RC(n)", "RC(n, 3)", "RC(n, d = 3)", "RC(f = n)", "RC(f = n, d = 3)",
             "RC(n + n)", "RC(2*n)"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_one_node_per_instance(tmp_path: Path, spelling: str) -> None:
    dot = _graph(tmp_path, f"theorem a: RC(sqrt(n)) subset {spelling}\n"
                           "theorem b: RC(n, 3) subsetneq RC(n^2)\n")
    nodes = [line for line in dot.splitlines() if "[label=" in line and "legend" not in line]
    assert len(nodes) == 3, dot
    assert '"RC(n, d = 3)" -> "RC(n², d = 3)"' in dot


BUDGETS = ["log(n)", "sqrt(n)", "n^(2/3)", "n", "n*log(n)", "n^2", "log(n)^3"]


@pytest.mark.parametrize("shift", range(len(BUDGETS)))
def test_rc_nodes_ordered_by_growth(tmp_path: Path, shift: int) -> None:
    """Whatever the order the theorems come in, nodes are listed (and ranked by
    invisible edges) from the slowest budget to the fastest."""
    budgets = BUDGETS[shift:] + BUDGETS[:shift]
    text = "".join(f"theorem t{i}: RC({b}) subset RC({b} * n^3)\n"
                   for i, b in enumerate(budgets))
    dot = _graph(tmp_path, text)
    order = ["log(n)", "log(n)³", "√n", "n^(2/3)", "n", "n·log(n)", "n²"]
    positions = [dot.index(f'"RC({b}, d = 3)" [label=') for b in order]
    assert positions == sorted(positions), dot
    assert "style=invis" in dot


def test_legend(dot: str) -> None:
    assert "subgraph cluster_legend" in dot
    for words in ("family", "class instance", "strict inclusion", "membership"):
        assert words in dot
