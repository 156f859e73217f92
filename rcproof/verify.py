"""Run `verify` over paths: load, check every requested file, keep the given order.

With `jobs > 1` the theorems are split into contiguous shares for forked worker
processes, which inherit the loaded program; each verifies its share (facts a proof
relies on are verified where needed) and sends back what its oracles answered. The
parent then replays every theorem through its own kernel with those answers (Tier 1 is
re-decided, oracle questions are look-ups), so the output is the same as with one job
and no verdict or theorem crosses a process boundary.
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

Answers = tuple[list[tuple[object, object]], list[tuple[object, object]]]


def _answers_since(marks: tuple[int, int]) -> Answers:
    """The oracle answers (z3, limit) this process found after `marks`."""
    from rcproof.prover import decide, ground

    return (list(decide._MEMO.items())[marks[0]:], list(ground._MEMO.items())[marks[1]:])


def _work(args: tuple[float, list[tuple[str, str]], bool, bool]
          ) -> tuple[Answers, list[float]]:
    """A worker: verify the listed (file, theorem) pairs of the inherited program and send
    back what the oracles answered and how long each took — never verdicts or theorems:
    the parent replays every theorem through its own kernel, with these answers."""
    from rcproof import cache
    from rcproof.prover import decide, ground

    budget, tasks, use_cache, evidence = args
    program = _forked
    assert program is not None
    cache.set_enabled(use_cache)
    _configure(budget, evidence)
    marks = (len(decide._MEMO), len(ground._MEMO))
    session = Session(list(program.files.values()), budget)
    times = []
    for path, name in tasks:
        unit = next(u for u in program.requested_files() if u.path == path)
        fact = next(f for f in unit.facts if f.name == name)
        result = session.result(fact)
        assert result is not None
        times.append(result.ms)
    return _answers_since(marks), times


def verify_paths(paths: list[Path], jobs: int = 1, budget: float = 2.0,
                 use_cache: bool = True, evidence: bool = True
                 ) -> list[tuple[str, list[Result]]]:
    """Verdicts per requested file, in the order the files were given.

    `evidence=False` skips the (c, N0) certificates of Tier 1 facts and, with several
    jobs, the derivation steps: only the JSON, --steps and LaTeX reports print them."""
    return verify_program(paths, jobs, budget, use_cache, evidence)[1]


def verify_program(paths: list[Path], jobs: int = 1, budget: float = 2.0,
                   use_cache: bool = True, evidence: bool = True, keep_going: bool = False
                   ) -> tuple[Program, list[tuple[str, list[Result]]]]:
    """`verify_paths`, also returning the loaded program (for reports of definitions;
    with `keep_going`, files with input errors are skipped: see `Program.errors`)."""
    from rcproof import cache

    cache.set_enabled(use_cache)
    _configure(budget, evidence)
    program = load_program(paths, keep_going)
    if jobs <= 1:
        session = Session(list(program.files.values()), budget)
        return program, [(u.path, session.run(u)) for u in program.requested_files()]
    return program, _parallel(program, jobs, budget, use_cache, evidence)


def _parallel(program: Program, jobs: int, budget: float, use_cache: bool,
              evidence: bool) -> list[tuple[str, list[Result]]]:
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
            done = list(pool.map(_work, [(budget, share, use_cache, evidence)
                                         for share in shares]))
    finally:
        _forked = None
    from rcproof.prover import decide, ground

    for (z3_answers, limit_answers), _ in done:
        decide._MEMO.update(z3_answers)  # type: ignore[arg-type]
        ground._MEMO.update(limit_answers)  # type: ignore[arg-type]
    times = iter(t for _, share in done for t in share)
    session = Session(list(program.files.values()), budget)
    out = []
    for unit in program.requested_files():
        results = [Result(unit.path, fact, r.verdict, next(times))
                   for fact, r in zip(unit.facts, session.run(unit))]
        out.append((unit.path, results))
    return out
