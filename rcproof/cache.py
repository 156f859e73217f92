"""Oracle-answer cache: what z3 (Tier 2) and the limit engine (Tier 3) answered, keyed by
the exact query they answered and the tool version.

It stores no verdicts and no theorems: a cached answer is replayed through the kernel,
which re-unfolds the statement, re-decides Tier 1 atoms and asks the oracle again (which
finds its answer here, bound to the exact query). A key is the tool version (the release
and a digest of the checker's code) and the query (formula, hypotheses, side conditions,
what its names mean, the budget), so an edit to a definition or to rcproof changes it; each
row also carries a digest of its key and bytes, so a truncated or corrupted row is a miss.
Stored in one SQLite file under the user's cache folder; the folder can be
moved with RCPROOF_CACHE_DIR. A cache file is trusted like a build artefact:
`--no-cache` or `rcproof cache clear` bypasses or removes it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sqlite3
from importlib import metadata
from pathlib import Path
from typing import Any

_enabled = True
_connection: sqlite3.Connection | None = None
_pid: int | None = None


@functools.lru_cache(maxsize=1)
def version() -> str:
    """The release plus a digest of the checker's own source files and grammar, so that
    any change to the code (not only a release) invalidates every cached verdict."""
    try:
        release = metadata.version("rcproof")
    except metadata.PackageNotFoundError:
        release = "source"
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    from rcproof.resources import grammar_path

    for path in [*sorted(package.rglob("*.py")), grammar_path()]:
        digest.update(path.read_bytes())
    return f"{release}+{digest.hexdigest()[:16]}"


def cache_dir() -> Path:
    base = os.environ.get("RCPROOF_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "rcproof"


def set_enabled(value: bool) -> None:
    global _enabled
    _enabled = value


def _db() -> sqlite3.Connection | None:
    global _connection, _pid
    if not _enabled:
        return None
    if _connection is not None and _pid == os.getpid():
        return _connection
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(folder / "verdicts.sqlite3", timeout=10, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, value BLOB)")
    except (OSError, sqlite3.Error):
        return None  # an unwritable cache only costs time
    _connection, _pid = conn, os.getpid()
    return conn


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
    try:
        return pickle.loads(payload)
    except Exception:  # a damaged pickle may raise anything; it only costs time
        return None


def put(k: str, value: object) -> None:
    db = _db()
    if db is None:
        return
    with contextlib.suppress(sqlite3.Error, pickle.PickleError, TypeError):
        payload = pickle.dumps(value)
        db.execute("INSERT OR REPLACE INTO verdicts VALUES (?, ?)",
                   (k, _seal(k, payload) + payload))


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
    if _connection is not None:
        _connection.close()
        _connection = None
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return count
