"""The parameter-consistency query lists the constraints in declaration order, so the
constraint named in the error (and the query's cache key) does not depend on Python's
string hash seed: generated contradictory declarations, three seeds, one message."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest


def _source(seed: int) -> str:
    rng = random.Random(seed)
    names = rng.sample(["a", "b", "c", "d", "e", "k", "m"], 4)
    lines = [f"param {x} : real where {x} > {rng.randint(1, 5)}" for x in names[:3]]
    lines.append(f"param {names[3]} : real where {names[3]} > {names[0]} + {names[1]}, "
                 f"{names[3]} < {names[2]} - 10, {names[2]} < 3")
    rng.shuffle(lines)
    return "\n".join(lines) + "\nlemma t: n = O(n^2)\n"


@pytest.mark.parametrize("seed", range(2))
def test_the_culprit_does_not_depend_on_the_hash_seed(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "params.rc"
    path.write_text(_source(seed), encoding="utf-8")
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed,
                   RCPROOF_CACHE_DIR=str(tmp_path / f"cache{hash_seed}"))
        proc = subprocess.run([sys.executable, "-m", "rcproof", "verify", str(path)],
                              capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "contradict" in proc.stderr
        outputs.add(proc.stderr)
    assert len(outputs) == 1, outputs
