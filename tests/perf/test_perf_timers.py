"""Per-theorem times (issue 13): a theorem's time excludes the facts verified on demand
inside it, so the times of a run add up to at most its duration, whatever the order."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_program
from rcproof.prover.run import Session


def _chain(folder: Path, length: int) -> Path:
    """c0.rc … c(length-1).rc, each importing the next: t_k is shown `by t(k+1)`, a fact
    of the imported file, which only c0 names; so checking t0 verifies the whole chain
    on demand, nested inside it (a `by` names only facts declared before it)."""
    stmt = "n * log(n) = O(n^2)"
    for k in range(length):
        if k == length - 1:
            body = f"theorem t{k}: {stmt}\n"
        else:
            body = (f'import "c{k + 1}.rc"\n'
                    f"theorem t{k}: {stmt}\nproof\n  show {stmt} by t{k + 1}\nqed\n")
        (folder / f"c{k}.rc").write_text(body, encoding="utf-8")
    return folder / "c0.rc"


@pytest.mark.parametrize("length", [2, 5, 12])
def test_nested_theorems_are_timed_once(tmp_path: Path, length: int) -> None:
    program = load_program([_chain(tmp_path, length)])
    session = Session(list(program.files.values()))
    start = time.perf_counter()
    (result,) = [r for u in program.requested_files() for r in session.run(u)]
    elapsed_ms = (time.perf_counter() - start) * 1000
    results = list(session.results.values())
    assert result.name == "t0" and len(results) == length
    assert all(r.verdict.status == "proved" for r in results)  # the chain really nests
    assert all(r.ms >= 0 for r in results)
    assert sum(r.ms for r in results) <= elapsed_ms * 1.01 + 1
