"""Run `verify` over paths: load, check every requested file, keep file order."""

from __future__ import annotations

from pathlib import Path

from rcproof.elaborate.loader import load_program
from rcproof.prover.run import Result, Session
from rcproof.smt.budget import DEFAULT_RLIMIT, set_rlimit


def verify_paths(paths: list[Path], jobs: int = 1, budget: float = 2.0
                 ) -> list[tuple[str, list[Result]]]:
    """Verdicts per requested file, in the order the files were given."""
    set_rlimit(int(DEFAULT_RLIMIT * budget / 2.0))
    program = load_program(paths)
    session = Session(list(program.files.values()), budget)
    return [(unit.path, session.run(unit)) for unit in program.requested_files()]
