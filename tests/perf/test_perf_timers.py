"""Per-theorem times (issue 13): a theorem's time excludes the facts verified on demand
inside it, so the times of a run add up to at most its duration, whatever the order."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_program
from rcproof.prover.run import Session


def _chain(length: int) -> str:
    """t0 by t1 by … by t(length-1) (auto), each declared before the fact it uses, so
    checking t0 verifies the whole chain nested inside it."""
    stmt = "n * log(n) = O(n^2)"
    lines = [f"theorem t{k}: {stmt}\nproof\n  show {stmt} by t{k + 1}\nqed"
             for k in range(length - 1)]
    lines.append(f"theorem t{length - 1}: {stmt}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("length", [2, 5, 12])
def test_nested_theorems_are_timed_once(tmp_path: Path, length: int) -> None:
    path = tmp_path / "chain.rc"
    path.write_text(_chain(length), encoding="utf-8")
    program = load_program([path])
    session = Session(list(program.files.values()))
    start = time.perf_counter()
    results = [r for u in program.requested_files() for r in session.run(u)]
    elapsed_ms = (time.perf_counter() - start) * 1000
    assert [r.name for r in results] == [f"t{k}" for k in range(length)]
    assert all(r.verdict.status == "proved" for r in results)  # the chain really nests
    assert all(r.ms >= 0 for r in results)
    assert sum(r.ms for r in results) <= elapsed_ms * 1.01 + 1
