"""The cache holds oracle answers bound to their exact queries; a damaged row is a miss,
and every verdict is replayed through the kernel, so it costs time, never a `proved`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rcproof import cache
from rcproof.verify import verify_paths

TEXT = """import physics
family S { size = n^2; depth = log(n) }
param d : real where d >= 2
fun f
theorem t1: S in RC(n^(2/3))
theorem t2: S notin RC(sqrt(n))
theorem t3: forall g : fun where g = o(n^(2/3)). S notin RC(g)
theorem t4: S in RC(sqrt(n))
theorem t5: n^(1/(d-1)) = O(n)
theorem t6: f = O(n)
theorem t7: 2^(n+1) = O(3^n)
"""


def _statuses(path: Path, use_cache: bool = True) -> list[str]:
    """One run as a new process would do it: no oracle answer remembered in memory."""
    from rcproof.prover import decide, ground

    decide._MEMO.clear()
    ground._MEMO.clear()
    (_, results), = verify_paths([path], use_cache=use_cache, evidence=False)
    return [r.verdict.status for r in results]


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RCPROOF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_connection", None)
    path = tmp_path / "c.rc"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _rows(tmp_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(tmp_path / "cache" / "verdicts.sqlite3", isolation_level=None)


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "swap"])
def test_damaged_rows_cost_time_not_verdicts(case: Path, damage: str) -> None:
    expected = _statuses(case, use_cache=False)
    assert _statuses(case) == expected  # fills the cache
    conn = _rows(case.parent)
    rows = conn.execute("SELECT key, value FROM verdicts").fetchall()
    assert rows
    for i, (key, value) in enumerate(rows):
        if damage == "flip":
            value = value[:40] + bytes([value[40] ^ 0xFF]) + value[41:]
        elif damage == "truncate":
            value = value[: len(value) // 2]
        elif damage == "empty":
            value = b""
        else:  # another query's answer under this key
            value = rows[(i + 1) % len(rows)][1]
        conn.execute("UPDATE verdicts SET value = ? WHERE key = ?", (value, key))
    conn.close()
    assert _statuses(case) == expected


def test_a_warm_run_replays_the_same_verdicts(case: Path) -> None:
    cold = _statuses(case, use_cache=False)
    assert _statuses(case) == cold
    assert _statuses(case) == cold
    assert cold[:4] == ["proved", "proved", "proved", "refuted"]
