"""Whole-run cache: the elaborated files of a `verify` run and every verdict's evidence,
keyed by the files' contents, so a warm run neither parses, elaborates nor searches
(issue 13). The kernel still replays every theorem (prover/evidence.py): what is stored
is data — core terms, definitions, recorded rule calls — never a Theorem.

Two entries in the cache (rcproof/cache.py, whose rows carry a SHA-256 seal of key and
bytes, checked before unpickling):

* the index, under a key of the tool version (a digest of rcproof's code and grammar),
  the working folder (displayed paths depend on it), the files and folders named with
  the `.rc` files they expand to, the budget and whether certificates are made: the
  list of every file the run loaded (imports included) with a SHA-256 of its bytes;
* the payload, under a key of the index key and that list: the same key and list again,
  the loaded `Program` and the evidence records, by (path, fact name).

A lookup hashes every listed file again; any difference (an edited import, a file gone)
is a miss. A truncated or corrupted row fails its seal; a row moved under another key
fails the seal too (the seal covers the key), and a payload whose own key and list are
not the ones asked for is refused. Every failure is a miss: it costs the full run.
Standard input (`-`) and runs with input errors are never stored.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rcproof import cache

if TYPE_CHECKING:
    from rcproof.elaborate.loader import Program
    from rcproof.prover.evidence import Record

Records = dict[tuple[str, str], "Record"]
Deps = tuple[tuple[str, str], ...]


def _index_key(paths: list[Path], budget: float, certificates: bool) -> str | None:
    from rcproof.elaborate.loader import expand_paths
    from rcproof.errors import RcError
    from rcproof.resources import library_dir

    named = paths or [library_dir()]
    if any(p == Path("-") for p in named):
        return None
    try:
        expanded = [[str(p.resolve()) for p in expand_paths([given])] for given in named]
    except (RcError, OSError):
        return None  # the load reports it
    return cache.key("run", str(Path.cwd()), [str(p) for p in named], expanded,
                     float(budget), bool(certificates))


def _digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def lookup(paths: list[Path], budget: float, certificates: bool
           ) -> tuple[Program, Records] | None:
    """The stored program and records of exactly this run, or None (see above)."""
    if not cache.enabled():
        return None
    index = _index_key(paths, budget, certificates)
    if index is None:
        return None
    deps = cache.get(index)
    if not _is_deps(deps) or any(_digest(p) != d for p, d in deps):
        return None
    found = cache.get(cache.key("run-payload", index, deps))
    if not (isinstance(found, tuple) and len(found) == 4 and found[0] == index
            and found[1] == deps):
        return None
    from rcproof.elaborate.loader import Program

    program, records = found[2], found[3]
    if not (isinstance(program, Program) and isinstance(records, dict)):
        return None
    return program, records


def store(paths: list[Path], budget: float, certificates: bool, program: Program,
          records: Records) -> None:
    """Keep this run's program and records (nothing if it had input errors or read
    standard input)."""
    if not cache.enabled() or program.errors:
        return
    index = _index_key(paths, budget, certificates)
    if index is None:
        return
    deps = []
    for path in program.files:
        digest = _digest(path)
        if digest is None:
            return
        deps.append((path, digest))
    key = cache.key("run-payload", index, tuple(deps))
    cache.put(key, (index, tuple(deps), program, records))
    cache.put(index, tuple(deps))  # the index last: it never names a missing payload


def _is_deps(value: Any) -> bool:
    return isinstance(value, tuple) and all(
        isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, str) for x in p)
        for p in value)
