"""Run `verify` over paths: load, check every requested file, keep the given order.

With `jobs > 1` the theorems are split into contiguous shares for forked worker
processes, which inherit the loaded program; each verifies its share (facts a proof
relies on are verified where needed), and the results are put back in declaration
order, so the output is the same as with one job.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rcproof.elaborate.loader import Program, load_program
from rcproof.prover.ground import set_certificates
from rcproof.prover.run import Result, Session
from rcproof.smt.budget import DEFAULT_RLIMIT, set_rlimit


def _configure(budget: float, certificates: bool = True) -> None:
    set_rlimit(int(DEFAULT_RLIMIT * budget / 2.0))
    set_certificates(certificates)


_forked: Program | None = None  # the loaded program, inherited by forked workers


def _work(args: tuple[float, list[tuple[str, str]], bool, bool]) -> list[Result]:
    """A worker: verify the listed (file, theorem) pairs of the inherited program."""
    from rcproof import cache

    budget, tasks, use_cache, certificates = args
    program = _forked
    assert program is not None
    cache.set_enabled(use_cache)
    _configure(budget, certificates)
    session = Session(list(program.files.values()), budget)
    out = []
    for path, name in tasks:
        unit = next(u for u in program.requested_files() if u.path == path)
        fact = next(f for f in unit.facts if f.name == name)
        result = session.result(fact)
        assert result is not None
        out.append(result)
    return out


def verify_paths(paths: list[Path], jobs: int = 1, budget: float = 2.0,
                 use_cache: bool = True, certificates: bool = True
                 ) -> list[tuple[str, list[Result]]]:
    """Verdicts per requested file, in the order the files were given.

    `certificates=False` skips the (c, N0) witnesses of Tier 1 facts, which only the
    JSON and LaTeX reports print."""
    from rcproof import cache

    cache.set_enabled(use_cache)
    _configure(budget, certificates)
    program = load_program(paths)
    if jobs <= 1:
        session = Session(list(program.files.values()), budget)
        return [(unit.path, session.run(unit)) for unit in program.requested_files()]
    return _parallel(program, jobs, budget, use_cache, certificates)


def _parallel(program: Program, jobs: int, budget: float, use_cache: bool,
              certificates: bool) -> list[tuple[str, list[Result]]]:
    """Contiguous shares (a proof's facts usually sit just above it), one per worker."""
    global _forked
    tasks = [(u.path, f.name) for u in program.requested_files() for f in u.facts]
    size = -(-len(tasks) // jobs)
    shares = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    _forked = program
    # ProcessPoolExecutor's workers are not daemonic, so they may fork the budgeted
    # Tier 3 subprocess themselves (a multiprocessing.Pool worker may not).
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(len(shares), mp_context=context) as pool:
            done = list(pool.map(_work, [(budget, share, use_cache, certificates)
                                         for share in shares]))
    finally:
        _forked = None
    by_key = {(r.path, r.name): r for results in done for r in results}
    return [(u.path, [by_key[(u.path, f.name)] for f in u.facts])
            for u in program.requested_files()]
