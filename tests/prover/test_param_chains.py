"""Parameters whose constraints name other parameters (`param e where e > d`): the
decision assumes every constraint of every parameter it reaches, transitively, and the
z3 answer's key (memo and cache) holds all of them, so two files that differ only in a
constraint further down the chain never share an answer. Generated chains, checked
against the truth (proved exactly when the chain forces the bound)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from rcproof import cache
from rcproof.elaborate.loader import load_program
from rcproof.prover import decide
from rcproof.prover.run import Session

_NAMES = ["a", "b", "c", "q", "r", "s"]


def _file(rng: random.Random, low: int, bound: int) -> tuple[str, str]:
    """A chain p0 > low, p1 > p0, …; the statement n^(top·k) = ω(n^(bound·k)) for k > 0
    holds for every admissible top iff bound <= low."""
    names = rng.sample(_NAMES, rng.randint(2, 4))
    lines = [f"param {names[0]} : real where {names[0]} > {low}"]
    lines += [f"param {x} : real where {x} > {prev}" for prev, x in itertools.pairwise(names)]
    top = names[-1]
    lines.append(f"lemma t: forall k : real where k > 0. n^({top} * k) = omega(n^({bound} * k))")
    return "\n".join(lines) + "\n", top


def _status(path: Path) -> str:
    program = load_program([path])
    session = Session(list(program.files.values()))
    (result,) = [r for u in program.requested_files() for r in session.run(u)]
    return result.verdict.status


@pytest.mark.parametrize("seed", range(4))
def test_chains_use_every_constraint_and_never_share_answers(tmp_path: Path, seed: int,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    rng = random.Random(seed)
    monkeypatch.setenv("RCPROOF_CACHE_DIR", str(tmp_path / "cache"))
    cache.clear()
    cache.set_enabled(True)
    for i in range(4):
        bound = rng.randint(0, 3)
        text, _ = _file(rng, low=bound, bound=bound)  # forced: proved
        # the same file but for the first link's constraint: no longer forced
        weaker = text.replace(f"> {bound}\n", f"> {bound - 1}\n", 1)
        paths = []
        for name, source in (("forced", text), ("weaker", weaker)):
            path = tmp_path / f"{name}{i}.rc"
            path.write_text(source, encoding="utf-8")
            paths.append(path)
        decide._MEMO.clear()
        decide._PARTS.clear()
        # both orders, sharing the memo and the cache: the second never gets the first's answer
        assert _status(paths[0]) == "proved", text
        assert _status(paths[1]) != "proved", weaker
        decide._MEMO.clear()
        decide._PARTS.clear()
        cache.clear()
        assert _status(paths[1]) != "proved", weaker
        assert _status(paths[0]) == "proved", text
