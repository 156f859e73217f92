"""A warm run reads parsed files and parameter-consistency answers from the cache
(issue 13); what it reports is exactly what a cold run reports, a changed file is parsed
again, and a stale or damaged entry costs time only."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from rcproof import cache, verify
from rcproof.errors import RcError
from rcproof.syntax.parser import parse

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from library import generate


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RCPROOF_CACHE_DIR", str(tmp_path / "cache"))
    cache.clear()
    cache.set_enabled(True)
    yield tmp_path
    cache.clear()


def _statuses(paths: list[Path], use_cache: bool = True) -> list[tuple[str, str, str, int]]:
    return [(p, r.name, r.verdict.status, r.line)
            for p, results in verify.verify_paths(paths, use_cache=use_cache)
            for r in results]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_warm_runs_report_what_cold_runs_report(store: Path, seed: int) -> None:
    paths = generate(store / f"lib{seed}", count=40, files=2, seed=seed)
    cold = _statuses(paths, use_cache=False)
    assert _statuses(paths) == cold  # fills the cache
    assert _statuses(paths) == cold  # reads it
    # An edited file is parsed again: its new theorem is seen at its new line.
    text = paths[0].read_text(encoding="utf-8")
    paths[0].write_text("theorem first: n = O(n^2)\n" + text, encoding="utf-8")
    edited = _statuses(paths)
    assert edited[0][1:] == ("first", "proved", 1)
    assert edited == _statuses(paths, use_cache=False)


def _damage(folder: Path, change: bytes) -> int:
    """Overwrite every stored value's bytes after the seal with `change`; how many."""
    db = sqlite3.connect(folder / "cache" / "verdicts.sqlite3")
    rows = db.execute("SELECT key, value FROM verdicts").fetchall()
    for key, value in rows:
        db.execute("UPDATE verdicts SET value = ? WHERE key = ?", (value[:32] + change, key))
    db.commit()
    db.close()
    return len(rows)


@pytest.mark.parametrize("change", [b"", b"garbage", b"\x80\x04K\x01."])
def test_damaged_entries_cost_time_only(store: Path, change: bytes) -> None:
    paths = generate(store / "lib", count=30, files=1, seed=9)
    cold = _statuses(paths, use_cache=False)
    _statuses(paths)
    cache.flush()
    assert _damage(store, change) > 0
    assert _statuses(paths) == cold


def test_a_stored_module_for_other_text_is_not_used(store: Path) -> None:
    """Even under the right key, a module holding another text is a miss."""
    source, path = "theorem a: n = O(n)\n", "x.rc"
    other = parse("theorem b: n = o(n)\n", path)
    calls: list[str] = []

    def counting(text: str, name: str) -> object:
        calls.append(text)
        return parse(text, name)

    first = verify.cached_parse(source, path, counting)  # type: ignore[arg-type]
    assert verify.cached_parse(source, path, counting) == first  # type: ignore[arg-type]
    assert len(calls) == 1
    import hashlib

    k = cache.key("module", path, hashlib.sha256(source.encode("utf-8")).hexdigest())
    cache.put(k, other)
    assert verify.cached_parse(source, path, counting) == first  # type: ignore[arg-type]
    assert len(calls) == 2


@pytest.mark.parametrize("where", ["a > 2, a < 1", "a >= 3, a <= 2", "a > 0, a < 1, a > 5"])
def test_contradictory_parameters_are_reported_warm_and_cold(store: Path, where: str) -> None:
    source = store / "p.rc"
    source.write_text(f"param a : real where {where}\ntheorem t: n = O(n^2)\n",
                      encoding="utf-8")
    messages = []
    for _ in range(3):  # cold, filling the cache, then from it
        with pytest.raises(RcError) as caught:
            verify.verify_paths([source])
        messages.append(caught.value.format())
    assert len(set(messages)) == 1
    assert "contradict" in messages[0]
