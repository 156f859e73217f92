"""Oracle-answer cache: what z3 (Tier 2) and the limit engine (Tier 3) answered, keyed by
the exact query they answered and the tool version; also parsed files (rcproof/verify.py),
keyed by their path and a digest of their text, and whole runs (rcproof/runcache.py: the
elaborated files and each verdict's evidence, keyed by the files' contents).

It stores no theorems: a cached answer is replayed through the kernel, which re-unfolds
the statement, re-decides Tier 1 atoms and asks the oracle again (which finds its answer
here, bound to the exact query); a run's recorded evidence is the list of kernel rule
calls that made each verdict (prover/evidence.py), which the kernel replays. A key is
the tool version (a digest of the checker's code and grammar) and the query (formula,
hypotheses, side conditions, what its names mean, the budget), so an edit to a
definition or to rcproof changes it; each row also carries a digest of its key and
bytes, so a truncated or corrupted row is a miss. Stored in one SQLite file under the
user's cache folder; the folder can be moved with RCPROOF_CACHE_DIR. A cache file is
trusted like a build artefact: `--no-cache` or `rcproof cache clear` bypasses or
removes it.

Size: the entries' values are kept under RCPROOF_CACHE_MAX_MB megabytes (default
`DEFAULT_MAX_MB`); every `CHECK_EVERY` writes, and when a connection opens, the least
recently used entries are evicted down to `EVICT_TO` of the limit. "Used" is the time of
the last write or hit, recorded in batches (`flush`, also at exit and after each block
of a `--jobs` worker), so a hit costs one indexed read.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import os
import pickle
import sqlite3
import time
from pathlib import Path
from typing import Any

DEFAULT_MAX_MB = 64.0
EVICT_TO = 0.75  # eviction brings the total down to this fraction of the limit
CHECK_EVERY = 256  # writes between two size checks
_FLUSH_EVERY = 256  # hits recorded in memory before their last-use times are written

_enabled = True
_connection: sqlite3.Connection | None = None
_pid: int | None = None
_writes = 0
_hits_flushed_at_exit = False
_hits: dict[str, int] = {}  # key -> time of its last hit (ns), not yet written


@functools.lru_cache(maxsize=1)
def version() -> str:
    """A digest of the checker's own source files and grammar, so that any change to the
    code (not only a release) invalidates every cached verdict. The release number adds
    nothing the digest lacks (a release is its source files), and reading it costs an
    import of importlib.metadata on every start (issue 13), so it is not part of it."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    from rcproof.resources import grammar_path

    for path in [*sorted(package.rglob("*.py")), grammar_path()]:
        digest.update(path.read_bytes())
    return f"code+{digest.hexdigest()[:16]}"


def cache_dir() -> Path:
    base = os.environ.get("RCPROOF_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "rcproof"


def set_enabled(value: bool) -> None:
    global _enabled
    _enabled = value


def enabled() -> bool:
    """Whether this run reads and writes the cache (False under `--no-cache`)."""
    return _enabled


def _db() -> sqlite3.Connection | None:
    global _connection, _pid, _hits_flushed_at_exit
    if not _enabled:
        return None
    if _connection is not None and _pid == os.getpid():
        return _connection
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        # One connection per process, used by whichever thread runs the command: every
        # API call and CLI command runs on its own big-stack thread (deep.run_deep), one
        # at a time, so sqlite's same-thread check would refuse the second call.
        conn = sqlite3.connect(folder / "verdicts.sqlite3", timeout=10, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA auto_vacuum=INCREMENTAL")  # takes effect in a new file only
        conn.execute("PRAGMA journal_mode=WAL")
        # A cache may lose its last writes in a power cut (never its consistency): no
        # fsync per write, which cost more than the decision it saved.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, value BLOB)")
        columns = {row[1] for row in conn.execute("PRAGMA table_info(verdicts)")}
        if "used" not in columns:  # a cache written before eviction existed
            conn.execute("ALTER TABLE verdicts ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
        conn.execute("CREATE INDEX IF NOT EXISTS verdicts_used ON verdicts (used)")
        _hits.clear()
        if not _hits_flushed_at_exit:
            atexit.register(flush)
            _hits_flushed_at_exit = True
        _connection, _pid = conn, os.getpid()
        evict()
    except (OSError, sqlite3.Error):
        return None  # an unwritable cache only costs time
    return conn


def max_bytes() -> int:
    """The size limit of the stored values, from RCPROOF_CACHE_MAX_MB (megabytes > 0)."""
    try:
        mb = float(os.environ.get("RCPROOF_CACHE_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return max(1, int((mb if mb > 0 else DEFAULT_MAX_MB) * 1_000_000))


def evict(limit: int | None = None) -> int:
    """Delete least recently used entries until the values take at most EVICT_TO of
    `limit` bytes (default `max_bytes()`), if they exceed it; returns how many."""
    db = _connection if _connection is not None and _pid == os.getpid() else None
    if db is None:
        return 0
    limit = max_bytes() if limit is None else limit
    try:
        flush()
        count, total = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(value)), 0) FROM verdicts").fetchone()
        if total <= limit or count == 0:
            return 0
        target, removed = int(limit * EVICT_TO), 0
        rows = db.execute("SELECT key, LENGTH(value) FROM verdicts ORDER BY used, key")
        doomed = []
        for k, size in rows:
            if total <= target:
                break
            doomed.append((k,))
            total -= size
            removed += 1
        with contextlib.suppress(sqlite3.Error):
            db.execute("BEGIN")
            db.executemany("DELETE FROM verdicts WHERE key = ?", doomed)
            db.execute("COMMIT")
            db.execute("PRAGMA incremental_vacuum")
        return removed
    except sqlite3.Error:
        return 0


def flush() -> None:
    """Write the last-use times of the hits recorded since the last flush."""
    db = _connection if _connection is not None and _pid == os.getpid() else None
    if db is None or not _hits:
        _hits.clear()
        return
    try:  # one transaction: a commit per row would cost more than the hits saved
        db.execute("BEGIN")
        db.executemany("UPDATE verdicts SET used = ? WHERE key = ?",
                       [(t, k) for k, t in sorted(_hits.items())])
        db.execute("COMMIT")
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
    _hits.clear()


def key(*parts: object) -> str:
    text = repr((version(), parts))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _seal(k: str, payload: bytes) -> bytes:
    return hashlib.sha256(k.encode("utf-8") + payload).digest()


def get(k: str) -> Any | None:
    """The answer stored under `k`, or None (absent, truncated, corrupted, or stored by
    another version: each row carries a digest of its key and bytes, checked here)."""
    db = _db()
    if db is None:
        return None
    try:
        row = db.execute("SELECT value FROM verdicts WHERE key = ?", (k,)).fetchone()
    except sqlite3.Error:
        return None
    if not row or not isinstance(row[0], bytes) or len(row[0]) < 32:
        return None
    digest, payload = row[0][:32], row[0][32:]
    if digest != _seal(k, payload):
        return None
    _hits[k] = time.time_ns()
    if len(_hits) >= _FLUSH_EVERY:
        flush()
    try:
        return pickle.loads(payload)
    except Exception:  # a damaged pickle may raise anything; it only costs time
        return None


def put(k: str, value: object) -> None:
    db = _db()
    if db is None:
        return
    global _writes
    with contextlib.suppress(sqlite3.Error, pickle.PickleError, TypeError):
        payload = pickle.dumps(value)
        db.execute("INSERT OR REPLACE INTO verdicts (key, value, used) VALUES (?, ?, ?)",
                   (k, _seal(k, payload) + payload, time.time_ns()))
        _writes += 1
        if _writes % CHECK_EVERY == 0:
            evict()


def clear() -> int:
    """Remove the cache; returns how many entries it held."""
    global _connection
    path = cache_dir() / "verdicts.sqlite3"
    count = 0
    if path.exists():
        try:
            conn = sqlite3.connect(path)
            count = conn.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            pass
    _hits.clear()
    if _connection is not None:
        _connection.close()
        _connection = None
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return count
