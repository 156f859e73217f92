"""The benchmark corpus runs through both Tier 1 paths with identical answers (no timing)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from rcproof.growth import compare


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "tier1.py"
    spec = importlib.util.spec_from_file_location("bench_tier1", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_agrees_between_fast_path_and_expansions() -> None:
    bench = _bench()
    pairs = bench.make_pairs(300)
    assert len(pairs) == 300
    for f, g in pairs:
        assert compare(f, g) == bench.compare_by_expansion(f, g)
