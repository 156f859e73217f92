"""Run `verify` over paths: load, check every requested file, keep the given order.

With `jobs > 1` the theorems are verified by forked worker processes, which inherit the
loaded program: each takes blocks of consecutive theorems (a proof's facts usually sit
just above it) from a shared queue, keeps one `Session` for all its blocks (facts a
proof relies on are verified where needed), and sends back what its oracles (z3, Tier 3)
answered. The parent replays every theorem through its own kernel with those answers
(Tier 1 is decided again, once: the engine's leading terms are memoized for the kernel;
oracle questions are look-ups), block by block as the answers arrive, so the output is
the same as with one job and no verdict or theorem crosses a process boundary.

With the cache on, a run whose files (imports included) are unchanged since a stored
run is not parsed, elaborated or searched: the stored program and each verdict's
recorded evidence are read back and the kernel replays every theorem from it
(rcproof/runcache.py, prover/evidence.py); a fact whose record does not replay is
verified as usual. Such a run needs no workers, whatever `jobs` says.

Cost stays linear in the number of theorems (issue 13):

* The cyclic garbage collector is paused while files are parsed and elaborated (the
  trees are acyclic; a full collection per few thousand new nodes made a 10,000-theorem
  file quadratic), and the loaded program is then frozen out of its scans (`gc.freeze`)
  until the run ends.
* With `jobs > 1` a large file is parsed in pieces (`rcproof.syntax.split`) by forked
  processes while the parent parses the first piece.
* Tasks travel as indices; `multiprocessing` and `concurrent.futures` are imported only
  when there is more than one job.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rcproof.elaborate.loader import Program, load_program
from rcproof.prover.ground import set_certificates
from rcproof.prover.run import Result, Session
from rcproof.smt.budget import DEFAULT_RLIMIT, set_rlimit

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from rcproof.syntax import ast as A

PARALLEL_PARSE_CHARS = 100_000  # smaller files are parsed by the parent alone
BLOCKS_PER_JOB = 4  # theorem blocks per worker: small enough to balance, large to batch


def _configure(budget: float, certificates: bool = True) -> None:
    set_rlimit(int(DEFAULT_RLIMIT * budget / 2.0))
    set_certificates(certificates)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _pool(workers: int) -> ProcessPoolExecutor:
    """Forked workers: they inherit the parent's modules and loaded program. They are
    not daemonic, so they may fork the budgeted Tier 3 subprocess themselves (a
    multiprocessing.Pool worker may not). They ignore Ctrl-C: the parent stops the run
    (`rcproof.deep.run_deep`) and they end when their pipe closes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parser(jobs: int) -> Callable[[str, str], A.Module]:
    """`_parser_uncached`, its modules kept in the cache (`cached_parse`)."""
    def uncached(source: str, path: str) -> A.Module:  # lark only on a cache miss
        return _parser_uncached(jobs)(source, path)

    def parse_file(source: str, path: str) -> A.Module:
        return cached_parse(source, path, uncached)

    return parse_file


def cached_parse(source: str, path: str,
                 parse: Callable[[str, str], A.Module]) -> A.Module:
    """`parse(source, path)`, or the module stored for exactly this path and text.

    The key is the tool version (a digest of rcproof's code and grammar), the path (spans
    name it) and a SHA-256 of the text; a stored module is used only if it holds that very
    text and path, so a stale or damaged entry is a miss (it costs the parse, nothing
    else). Parsing was most of a warm run (issue 13): unpickling a module is about ten
    times faster. Input errors are raised by `parse` and never stored."""
    from rcproof import cache

    if not cache.enabled():
        return parse(source, path)
    import hashlib

    from rcproof.syntax import ast as A

    k = cache.key("module", path, hashlib.sha256(source.encode("utf-8")).hexdigest())
    found = cache.get(k)
    if isinstance(found, A.Module) and found.path == path and found.source == source:
        return found
    module = parse(source, path)
    cache.put(k, module)
    return module


def _parser_uncached(jobs: int) -> Callable[[str, str], A.Module]:
    """`parse`, or with several jobs one that parses a large file in pieces in parallel;
    on any failure the file is parsed again serially, so errors read exactly the same."""
    from rcproof.syntax.parser import parse

    if jobs <= 1:
        return parse

    def parse_file(source: str, path: str) -> A.Module:
        from rcproof.syntax import split

        parts = split.pieces(source, jobs) if len(source) >= PARALLEL_PARSE_CHARS else []
        if len(parts) < 2:
            return parse(source, path)
        from rcproof.syntax.parser import parse_expr

        parse_expr("1", "<warm-up>")  # load the parser tables once, before forking
        try:
            with _pool(len(parts) - 1) as pool:
                rest = [pool.submit(split.parse_piece, text, path) for text in parts[1:]]
                decls = split.parse_piece(parts[0], path)
                for future in rest:
                    decls.extend(future.result())
        except Exception:  # a syntax error (or a lost worker): let the serial parse speak
            return parse(source, path)
        return split.module(source, path, decls)

    return parse_file


# Inherited by forked workers: the loaded program, the flat task list, the budget.
_forked: tuple[Program, list[tuple[int, int]], float] | None = None
_worker_session: tuple[int, Session] | None = None  # (pid, the worker's own session)

Answers = tuple[list[tuple[object, object]], list[tuple[object, object]]]


def _answers_since(marks: tuple[int, int]) -> Answers:
    """The oracle answers (z3, limit) this process found after `marks`."""
    from rcproof.prover import decide, ground

    # Tier 1 decisions stay here (a third of what was sent): the parent's engine decides
    # them again and its kernel then finds the leading terms memoized (growth/leading.py).
    limits = [(k, v) for k, v in list(ground._MEMO.items())[marks[1]:] if v.tier != ground.TIER1]
    return list(decide._MEMO.items())[marks[0]:], limits


def _work(block: tuple[int, int]) -> tuple[Answers, list[float]]:
    """A worker: verify tasks[start:end] (pairs: index of the requested file, index of
    the fact in it) of the inherited program and send back what the oracles answered
    and how long each took — never verdicts or theorems: the parent replays every
    theorem through its own kernel, with these answers."""
    import os

    from rcproof import cache
    from rcproof.prover import decide, ground

    global _worker_session
    assert _forked is not None
    gc.enable()  # forked while the parent's collector was paused: collect as one job does
    program, tasks, budget = _forked
    if _worker_session is None or _worker_session[0] != os.getpid():
        _worker_session = (os.getpid(), Session(list(program.files.values()), budget))
    session = _worker_session[1]
    units = program.requested_files()
    marks = (len(decide._MEMO), len(ground._MEMO))
    times = []
    for unit, index in tasks[block[0]:block[1]]:
        result = session.result(units[unit].facts[index])
        assert result is not None
        times.append(result.ms)
    cache.flush()  # a forked worker does not run exit handlers
    return _answers_since(marks), times


def verify_paths(paths: list[Path], jobs: int = 1, budget: float = 2.0,
                 use_cache: bool = True, evidence: bool = True
                 ) -> list[tuple[str, list[Result]]]:
    """Verdicts per requested file, in the order the files were given.

    `budget` is `--budget`: millions of work units per theorem (see prover.run.work_units;
    z3's per-query rlimit scales with it too). `evidence=False` skips the (c, N0)
    certificates of Tier 1 facts and, with several jobs, the derivation steps: only the
    JSON, --steps and LaTeX reports print them."""
    return verify_program(paths, jobs, budget, use_cache, evidence)[1]


def verify_program(paths: list[Path], jobs: int = 1, budget: float = 2.0,
                   use_cache: bool = True, evidence: bool = True, keep_going: bool = False
                   ) -> tuple[Program, list[tuple[str, list[Result]]]]:
    """`verify_paths`, also returning the loaded program (for reports of definitions;
    with `keep_going`, files with input errors are skipped: see `Program.errors`)."""
    from rcproof import budget as budgets
    from rcproof import cache, runcache
    from rcproof.prover import evidence as proof_evidence

    cache.set_enabled(use_cache)
    _configure(budget, evidence)
    with _collector_paused():
        hit = runcache.lookup(paths, budget, evidence)
        program, records = hit if hit is not None else (
            load_program(paths, keep_going, _parser(jobs)), {})
    gc.freeze()  # the program lives to the end of the run: keep it out of collections
    try:
        units = list(program.files.values())
        if jobs <= 1 or hit is not None:  # replaying recorded evidence needs no workers
            session = Session(units, budget, records, record=use_cache)
            out = [(u.path, session.run(u)) for u in program.requested_files()]
        else:
            session = Session(units, budget, record=use_cache)
            out = _parallel(program, jobs, session)
        # Stored when anything was verified afresh (a warm run that replayed every
        # verdict has nothing new to keep), never from a run cut short by Ctrl-C.
        if use_cache and session.replayed < len(session.results) and (
                not budgets.interrupted()):
            runcache.store(paths, budget, evidence, program, session.records)
        return program, out
    finally:
        gc.unfreeze()
        proof_evidence.forget()


def _blocks(count: int, jobs: int) -> list[tuple[int, int]]:
    """Consecutive [start, end) blocks of the task list, BLOCKS_PER_JOB per worker."""
    size = max(1, -(-count // (jobs * BLOCKS_PER_JOB)))
    return [(i, min(i + size, count)) for i in range(0, count, size)]


def _parallel(program: Program, jobs: int, session: Session
              ) -> list[tuple[str, list[Result]]]:
    """Workers verify blocks; the parent replays each block as soon as its answers arrive
    (in order), while the workers go on with later blocks."""
    from rcproof.prover import decide, ground

    global _forked
    budget = session.budget_seconds
    units = program.requested_files()
    tasks = [(k, i) for k, u in enumerate(units) for i in range(len(u.facts))]
    blocks = _blocks(len(tasks), jobs)
    results: list[list[Result]] = [[] for _ in units]
    _forked = (program, tasks, budget)
    try:
        # The answers arriving from workers are many small acyclic
        # containers; collecting them as they arrive cost the parent a quarter more.
        with _collector_paused(), _pool(min(jobs, len(blocks)) or 1) as pool:
            for (start, end), ((z3_answers, limit_answers), times) in zip(
                    blocks, pool.map(_work, blocks)):
                decide._MEMO.update(z3_answers)  # type: ignore[arg-type]
                ground._MEMO.update(limit_answers)  # type: ignore[arg-type]
                for (k, i), ms in zip(tasks[start:end], times):
                    fact = units[k].facts[i]
                    replayed = session.result(fact)
                    assert replayed is not None
                    results[k].append(Result(units[k].path, fact, replayed.verdict, ms))
    finally:
        _forked = None
    return [(u.path, rs) for u, rs in zip(units, results)]
