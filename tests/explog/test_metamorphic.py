"""Metamorphic and determinism properties of the exp-log engine on a generated corpus.

Multiplying both sides by one positive function (exp(exp(n)), 2^(2^n), exp(n) + n) or
substituting n := exp(n) or n := n^2 leaves lim f/g unchanged, so the verdict, exact
ratio included, must not change (issue 15). The same corpus checked twice, once while
another process burns CPU, must give identical verdicts and reasons: budgets count
work, not seconds.
"""

from __future__ import annotations

import multiprocessing
import time

from rcproof.syntax.parser import parse_expr as P
from tests.explog.corpus import pairs
from tests.explog.helpers import agree, substitute, times, verdict

MULTIPLIERS = ["exp(exp(n))", "2^(2^n)", "exp(n) + n"]
SUBSTITUTIONS = ["exp(n)", "n^2"]
CORPUS = pairs(2000, seed=15, depth=1)


def _transform(k: int, f: str, g: str) -> tuple[object, object, str]:
    """The k-th metamorphic transformation (round robin over the five of the issue)."""
    kinds = [("times", m) for m in MULTIPLIERS] + [("subst", s) for s in SUBSTITUTIONS]
    kind, text = kinds[k % len(kinds)]
    fe, ge, m = P(f), P(g), P(text)
    if kind == "times":
        return times(fe, m), times(ge, m), f"times {text}"
    return substitute(fe, m), substitute(ge, m), f"n := {text}"


def test_corpus_is_large_and_varied() -> None:
    assert len(CORPUS) >= 2000 and len(set(CORPUS)) >= 1500


def test_metamorphic_transformations_keep_verdicts() -> None:
    decided = 0
    disagreements = []
    for k, (f, g) in enumerate(CORPUS):
        base = verdict(f, g)
        tf, tg, how = _transform(k, f, g)
        moved = verdict(tf, tg)  # type: ignore[arg-type]
        if "unknown" in (base[0], moved[0]):
            continue
        decided += 1
        if not agree(base, moved):
            disagreements.append((f, g, how, base, moved))
    assert disagreements == []
    assert decided >= 0.95 * len(CORPUS), decided


def test_every_transformation_on_the_issue_examples() -> None:
    for f, g in [("n^(1+1/n) - n", "log(n)"), ("n^(2+1/n) - n^2", "n*log(n)"),
                 ("log(exp(n) + 1)", "n"), ("(1 + 1/n)^n", "exp(1)")]:
        base = verdict(f, g)
        assert base == ("Theta", 1), (f, g, base)
        for k in range(5):
            tf, tg, how = _transform(k, f, g)
            assert agree(verdict(tf, tg), base), (f, g, how)  # type: ignore[arg-type]


def _burn(seconds: float) -> None:
    end = time.monotonic() + seconds
    x = 0
    while time.monotonic() < end:
        x += 1


def test_verdicts_do_not_depend_on_machine_load() -> None:
    sample = CORPUS[:150] + pairs(150, seed=99, depth=2)
    idle = [verdict(f, g) for f, g in sample]
    burner = multiprocessing.get_context("fork").Process(target=_burn, args=(120.0,))
    burner.start()
    try:
        loaded = [verdict(f, g) for f, g in sample]
    finally:
        burner.terminate()
        burner.join()
    assert loaded == idle
    assert sum(v[0] != "unknown" for v in idle) >= 0.9 * len(sample)
