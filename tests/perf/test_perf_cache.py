"""The cache stays under its size limit by evicting the least recently used entries
(issue 13); hits count as uses; what is stored and how it is read do not change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rcproof import cache


def _total(folder: Path) -> tuple[int, int]:
    db = sqlite3.connect(folder / "verdicts.sqlite3")
    count, total = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(LENGTH(value)), 0) FROM verdicts").fetchone()
    db.close()
    return count, total


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RCPROOF_CACHE_DIR", str(tmp_path))
    cache.clear()
    cache.set_enabled(True)
    yield tmp_path
    cache.clear()


@pytest.mark.parametrize(("limit_kb", "value_bytes", "entries"),
                         [(20, 500, 200), (50, 2000, 120), (8, 100, 600)])
def test_size_stays_bounded_and_recent_hits_survive(store: Path, monkeypatch: pytest.MonkeyPatch,
                                                    limit_kb: int, value_bytes: int,
                                                    entries: int) -> None:
    monkeypatch.setenv("RCPROOF_CACHE_MAX_MB", str(limit_kb / 1000))
    monkeypatch.setattr(cache, "CHECK_EVERY", 16)
    keys = [cache.key("entry", i) for i in range(entries)]
    keep = keys[:3]  # the oldest writes, but used again all along
    for i, k in enumerate(keys):
        cache.put(k, b"x" * value_bytes)
        if i % 8 == 7:
            for old in keep:
                assert cache.get(old) == b"x" * value_bytes
            cache.flush()
    cache.evict()
    count, total = _total(store)
    assert total <= cache.max_bytes()
    assert count < entries  # something was evicted
    for k in keep:
        assert cache.get(k) == b"x" * value_bytes
    assert cache.get(keys[3]) is None  # old and never used again: evicted first
    assert cache.get(keys[-1]) == b"x" * value_bytes  # the newest write stays


def test_a_cache_from_before_eviction_is_upgraded(store: Path) -> None:
    db = sqlite3.connect(store / "verdicts.sqlite3")
    db.execute("CREATE TABLE verdicts (key TEXT PRIMARY KEY, value BLOB)")
    db.commit()
    db.close()
    k = cache.key("old", 1)
    cache.put(k, {"answer": 42})
    assert cache.get(k) == {"answer": 42}


@pytest.mark.parametrize("text", ["", "abc", "-3", "0"])
def test_a_bad_limit_falls_back_to_the_default(monkeypatch: pytest.MonkeyPatch,
                                               text: str) -> None:
    monkeypatch.setenv("RCPROOF_CACHE_MAX_MB", text)
    assert cache.max_bytes() == int(cache.DEFAULT_MAX_MB * 1_000_000)
