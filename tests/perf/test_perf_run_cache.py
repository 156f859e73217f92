"""The whole-run evidence cache (rcproof/runcache.py, prover/evidence.py): a warm run
replays every recorded verdict through the kernel without the engine's search and
reports exactly what a cold run reports; a damaged, swapped, stale or forged entry costs
time and never changes a verdict (issue 13)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rcproof import cache, runcache
from rcproof.prover import evidence
from rcproof.prover.tactics import Tactics
from rcproof.verify import verify_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from library import generate

# Every kind of verdict and of evidence: Tier 1, z3 on parameters and abstract functions,
# membership and strict inclusions (unfolding with witnesses), refutations (by the
# engine and by an instance), an unknown, an explicit proof, `by NAME`, `using`, an
# axiom's theorem as a premise, a citation.
MIXED = """import physics
family S { size = n^2; depth = log(n) }
param d : real where d >= 2
fun f
axiom fast: f = O(n)
cite known: n = O(n^2) "Folklore, Growth, 1900"
theorem t1: S in RC(n^(2/3))
theorem t2: S notin RC(sqrt(n))
theorem t3: forall g : fun where g = o(n^(2/3)). S notin RC(g)
theorem t4: S in RC(sqrt(n))
theorem t5: n^(1/(d-1)) = O(n)
theorem t6: f = O(n)
theorem t7: 2^(n+1) = O(3^n)
theorem t8: forall a : real where a >= 1. n^a = O(n)
lemma l1: n = O(n^2)
theorem t9: n = O(n^3)
proof
  have n^2 = O(n^3) by auto
  show n = O(n^3) by auto using l1
qed
theorem t10: f = O(n^2)
proof
  show f = O(n^2) by auto using fast
qed
theorem t11: n = O(n^2)
proof
  show n = O(n^2) by l1
qed
"""


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("RCPROOF_CACHE_DIR", str(tmp_path / "cache"))
    cache.clear()
    cache.set_enabled(True)
    yield tmp_path
    cache.clear()


def _verdicts(paths: list[Path], use_cache: bool = True, jobs: int = 1
              ) -> list[tuple[str, str, str, str, int]]:
    """One run as a new process would do it: no oracle answer remembered in memory."""
    from rcproof.prover import decide, ground

    decide._MEMO.clear()
    ground._MEMO.clear()
    return [(p, r.name, r.verdict.status, str(r.verdict.reason), r.line)
            for p, results in verify_paths(paths, jobs=jobs, use_cache=use_cache,
                                           evidence=False)
            for r in results]


def _files(folder: Path, seed: int) -> list[Path]:
    paths = generate(folder / f"lib{seed}", count=30, files=2, seed=seed)
    mixed = folder / f"mixed{seed}.rc"
    mixed.write_text(MIXED, encoding="utf-8")
    return [*paths, mixed]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_warm_run_replays_every_verdict_without_search(
        store: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _files(store, seed)
    cold = _verdicts(paths, use_cache=False)
    statuses = {v[2] for v in cold}
    assert {"proved", "refuted", "unknown", "axiom", "cited"} <= statuses, statuses
    assert _verdicts(paths) == cold  # records and stores
    with monkeypatch.context() as m:
        m.setattr(Tactics, "check", _refuse)
        assert _verdicts(paths) == cold  # replays: no search at all


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the engine searched on a warm run")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_with_two_jobs_records_what_one_job_replays(
        store: Path, jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = generate(store / "lib", count=60, files=1, seed=7)
    cold = _verdicts(paths, use_cache=False)
    assert _verdicts(paths, jobs=2) == cold  # the parent records while it replays
    monkeypatch.setattr(Tactics, "check", _refuse)
    assert _verdicts(paths, jobs=jobs) == cold


def _run_rows(paths: list[Path]) -> tuple[str, str]:
    """The cache keys of this run's index and payload rows."""
    index = runcache._index_key(paths, 2.0, False)
    assert index is not None
    deps = cache.get(index)
    assert isinstance(deps, tuple)
    return index, cache.key("run-payload", index, deps)


def _rewrite(folder: Path, key: str, change: object) -> None:
    cache.flush()
    db = sqlite3.connect(folder / "cache" / "verdicts.sqlite3")
    (value,) = db.execute("SELECT value FROM verdicts WHERE key = ?", (key,)).fetchone()
    new = change(value) if callable(change) else change
    db.execute("UPDATE verdicts SET value = ? WHERE key = ?", (new, key))
    db.commit()
    db.close()


DAMAGE = {
    "truncated": lambda v: v[: len(v) // 2],
    "byte flipped": lambda v: v[:-40] + bytes([v[-40] ^ 1]) + v[-39:],
    "seal only": lambda v: v[:32],
    "empty": lambda v: b"",
    "garbage after a valid seal": lambda v: v[:32] + b"\x80\x04garbage",
}


@pytest.mark.parametrize("row", ["index", "payload"])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_row_costs_time_only(store: Path, row: str, damage: str) -> None:
    paths = _files(store, 4)
    cold = _verdicts(paths, use_cache=False)
    assert _verdicts(paths) == cold
    index, payload = _run_rows(paths)
    _rewrite(store, index if row == "index" else payload, DAMAGE[damage])
    assert runcache.lookup(paths, 2.0, False) is None
    assert _verdicts(paths) == cold  # a miss: verified afresh, stored again
    assert runcache.lookup(paths, 2.0, False) is not None


def test_rows_swapped_between_runs_are_misses(store: Path) -> None:
    first, second = _files(store, 5), generate(store / "other", count=20, files=1, seed=9)
    cold = (_verdicts(first, use_cache=False), _verdicts(second, use_cache=False))
    _verdicts(first)
    _verdicts(second)
    rows = (_run_rows(first), _run_rows(second))
    cache.flush()
    db = sqlite3.connect(store / "cache" / "verdicts.sqlite3")
    values = {k: db.execute("SELECT value FROM verdicts WHERE key = ?", (k,)).fetchone()[0]
              for pair in rows for k in pair}
    db.close()
    for i in (0, 1):  # each row gets the other run's bytes (a valid seal, another key)
        _rewrite(store, rows[0][i], values[rows[1][i]])
        _rewrite(store, rows[1][i], values[rows[0][i]])
    assert runcache.lookup(first, 2.0, False) is None
    assert runcache.lookup(second, 2.0, False) is None
    assert (_verdicts(first), _verdicts(second)) == cold


@pytest.mark.parametrize("edit", ["imported", "imported twice removed", "named"])
def test_an_edited_file_is_a_miss(store: Path, edit: str) -> None:
    (store / "base.rc").write_text("let g = n^2\n", encoding="utf-8")
    (store / "lib.rc").write_text('import "base.rc"\nlet h = g * n\n', encoding="utf-8")
    main = store / "main.rc"
    main.write_text('import "lib.rc"\ntheorem t: h = O(n^3)\ntheorem u: g = O(n^2)\n',
                    encoding="utf-8")
    assert [v[2] for v in _verdicts([main])] == ["proved", "proved"]
    assert [v[2] for v in _verdicts([main])] == ["proved", "proved"]  # replayed
    if edit == "imported":
        (store / "lib.rc").write_text('import "base.rc"\nlet h = g * n^2\n', encoding="utf-8")
    elif edit == "imported twice removed":
        (store / "base.rc").write_text("let g = n^3\n", encoding="utf-8")
    else:
        main.write_text('import "lib.rc"\ntheorem t: h = O(n^2)\ntheorem u: g = O(n^2)\n',
                        encoding="utf-8")
    warm = _verdicts([main])
    assert warm == _verdicts([main], use_cache=False)
    assert "refuted" in [v[2] for v in warm]


# ---- forged evidence: records with a valid seal that lie -------------------------------

FORGED = """import physics
family S { size = n^2; depth = log(n) }
theorem true1: n = O(n^2)
theorem true2: S in RC(n^(2/3))
theorem true3: forall a : real where a >= 1. n = O(n^a)
theorem false1: n^2 = O(n)
theorem false2: S in RC(n^(1/3))
theorem false3: forall a : real where a >= 1. n^a = O(n)
"""


def _forgeries(records: runcache.Records, true: str, false: str, path: str
               ) -> list[evidence.Record]:
    """Ways to make `false` look proved from records that are all authentic data."""
    good, bad = records[(path, true)], records[(path, false)]
    last = evidence.Made(len(good.calls) - 1) if good.calls else None
    fields = dict(tiers=good.tiers, reason=None, counterexample=None, steps=good.steps)
    return [
        good,  # the true theorem's record under the false one's name
        evidence.Record(good.calls, last, "proved", bad.statement, **fields),
        evidence.Record(good.calls, good.theorem, "proved", bad.statement, **fields),
        evidence.Record(bad.calls, bad.theorem, "proved", bad.statement, **fields),
        evidence.Record(bad.calls, evidence.FactTheorem(path, true), "proved", bad.statement,
                        **fields),
        evidence.Record((*good.calls, ("make", (bad.statement,), {}, True)),
                        evidence.Made(len(good.calls)), "proved", bad.statement, **fields),
    ]


@pytest.mark.parametrize("pair", [("true1", "false1"), ("true2", "false2"),
                                  ("true3", "false3"), ("true1", "false3")])
def test_forged_records_prove_nothing_false(store: Path, pair: tuple[str, str]) -> None:
    path = store / "forged.rc"
    path.write_text(FORGED, encoding="utf-8")
    cold = _verdicts([path], use_cache=False)
    assert {v[1]: v[2] for v in cold}[pair[1]] == "refuted"
    _verdicts([path])
    found = runcache.lookup([path], 2.0, False)
    assert found is not None
    program, records = found
    (unit,) = program.requested_files()
    for forged in _forgeries(records, *pair, unit.path):
        runcache.store([path], 2.0, False, program, {**records, (unit.path, pair[1]): forged})
        warm = _verdicts([path])
        assert warm == cold, forged
