"""Differential test: the exp-log engine against sympy's `limit` on a corpus sample.

sympy is off the verdict path; here it is an independent second opinion. Where both
answer (sympy within a per-pair time limit, in a worker process that is discarded on
timeout), they must agree, and both must answer on most of the sample.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from rcproof.growth.explog.constants import compare_constants
from rcproof.growth.sympy_bridge import to_sympy, variable
from rcproof.syntax.parser import parse_expr as P
from tests.explog.corpus import pairs
from tests.explog.helpers import verdict

SAMPLE = pairs(60, seed=2026, depth=1)
SECONDS = 4.0


def _sympy_limit(pair: tuple[str, str]) -> Any:
    import sympy

    value = sympy.limit(to_sympy(P(pair[0])) / to_sympy(P(pair[1])), variable(), sympy.oo)
    return str(value)


def _sympy_verdicts() -> list[tuple[str, Any] | None]:
    import sympy

    out: list[tuple[str, Any] | None] = []
    ctx = multiprocessing.get_context("fork")
    pool = ctx.Pool(1)
    try:
        for pair in SAMPLE:
            job = pool.apply_async(_sympy_limit, (pair,))
            try:
                value = sympy.sympify(job.get(SECONDS))
            except multiprocessing.TimeoutError:
                pool.terminate()
                pool = ctx.Pool(1)
                out.append(None)
                continue
            except Exception:  # sympy raised: no second opinion on this pair
                out.append(None)
                continue
            if value == 0:
                out.append(("o", None))
            elif value == sympy.oo:
                out.append(("omega", None))
            elif value.is_number and value.is_finite and value.is_positive:
                out.append(("Theta", value))
            else:
                out.append(None)
    finally:
        pool.terminate()
    return out


def test_engine_agrees_with_sympy_limit() -> None:
    theirs = _sympy_verdicts()
    both = 0
    disagreements = []
    for pair, other in zip(SAMPLE, theirs, strict=True):
        mine = verdict(*pair)
        if other is None or mine[0] == "unknown":
            continue
        both += 1
        same = mine[0] == other[0] and (
            mine[0] != "Theta" or compare_constants(mine[1], other[1]) == 0)
        if not same:
            disagreements.append((pair, mine, other))
    assert disagreements == []
    assert both >= 0.6 * len(SAMPLE), both
