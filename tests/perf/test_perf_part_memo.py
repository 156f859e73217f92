"""The in-run memo of z3 query parts (issue 13) saves z3 work only: on generated files
whose theorems share parts, with the memo and without it, under budgets from starved to
ample, every theorem gets the same verdict and reason, and every recorded z3 answer the
same work units (what the cache stores and a later run charges)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from rcproof import cache
from rcproof.elaborate.loader import load_program
from rcproof.prover import decide
from rcproof.prover.run import Session

_BOUNDS = ["n^(1/2)", "n", "n^(2/3)", "n^(1/3)"]
_TERMS = ["log(n)", "n^(1/3)", "n^(1/2)", "n", "(n*log(n))^(1/3)", "log(n)^2", "n^(3/4)"]


def _text(seed: int, count: int) -> str:
    """Theorems drawn from few parts: `not (a = O(f) and b = O(f))` under `f = o(B)`,
    conjunctions of them, and parametric bounds under `d >= 2`, each true or false."""
    rng = random.Random(seed)
    lines = ["param d : real where d >= 2"]
    for i in range(count):
        bound = rng.choice(_BOUNDS)
        parts = [f"not ({rng.choice(_TERMS)} = O(f) and {rng.choice(_TERMS)} = O(f))"
                 for _ in range(rng.choice((1, 2, 3)))]
        if rng.random() < 0.3:
            parts.append(f"{rng.choice(_TERMS)} = O(n^({rng.choice((1, 2, 3))}/d))")
        body = " and ".join(f"({p})" for p in parts)
        lines.append(f"lemma t{i}: forall f : fun where f = o({bound}). {body}")
    return "\n".join(lines) + "\n"


def _run(path: Path, budget_seconds: float) -> tuple[dict[str, tuple[str, str]],
                                                      dict[object, int]]:
    decide._MEMO.clear()
    decide._PARTS.clear()
    program = load_program([path])
    session = Session(list(program.files.values()), budget_seconds=budget_seconds)
    verdicts = {r.name: (r.verdict.status, str(r.verdict.reason or ""))
                for u in program.requested_files() for r in session.run(u)}
    return verdicts, {k: v.work for k, v in decide._MEMO.items()}


@pytest.mark.parametrize("seed", range(3))
def test_memo_changes_no_verdict_and_no_recorded_work(tmp_path: Path, seed: int,
                                                      monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    path = tmp_path / "parts.rc"
    path.write_text(_text(seed, 24), encoding="utf-8")
    cache.set_enabled(False)
    try:
        calls = {"computed": 0}
        part = decide.Decider._part

        def counted(self, *args):  # type: ignore[no-untyped-def]
            calls["computed"] += 1
            return part(self, *args)

        monkeypatch.setattr(decide.Decider, "_part", counted)
        for budget_seconds in (0.002, 0.02, 0.2, 2.0):
            with_memo = _run(path, budget_seconds)
            memo_computed, calls["computed"] = calls["computed"], 0
            monkeypatch.setattr(decide.Decider, "_recalled_part", counted)
            without = _run(path, budget_seconds)
            monkeypatch.undo()
            monkeypatch.setattr(decide.Decider, "_part", counted)
            assert with_memo == without, budget_seconds
            if budget_seconds == 2.0:
                statuses = {s for s, _ in with_memo[0].values()}
                assert statuses >= {"proved", "refuted"}, statuses  # both kinds occur
                assert memo_computed < calls["computed"]  # the memo did save parts
            calls["computed"] = 0
    finally:
        cache.set_enabled(True)
        decide._MEMO.clear()
        decide._PARTS.clear()
