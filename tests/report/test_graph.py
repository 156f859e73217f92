"""`rcproof graph`: the inclusion graph of the bundled library."""

from __future__ import annotations

import shutil

import pytest

from rcproof.prover.run import Result
from rcproof.report.graph import inclusion_graph, to_svg
from rcproof.verify import verify_paths


@pytest.fixture(scope="module")
def dot() -> str:
    files: list[tuple[str, list[Result]]] = verify_paths([])
    return inclusion_graph(files)


def test_is_digraph(dot: str) -> None:
    assert dot.startswith("digraph")
    assert dot.rstrip().endswith("}")


def test_rc_classes_and_landmarks_are_strict(dot: str) -> None:
    for node in ('"RC(√n)"', '"RC(n^(2/3))"', '"RC(n)"'):
        assert f"{node} [label={node}]" in dot
    strict = [line for line in dot.splitlines() if "->" in line and "style=bold" in line]
    assert any(line.strip().startswith('"RC(') for line in strict)
    assert any('"RC(n)"' in line for line in strict)


def test_families_are_boxes_with_membership_edges(dot: str) -> None:
    assert '"SMAT" [label="SMAT", shape=box]' in dot
    assert '"SMAT" -> "RC(n^(2/3))"' in dot


def test_svg() -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` is not installed")
    svg = to_svg('digraph g { "a" -> "b"; }')
    assert svg is not None and "<svg" in svg
