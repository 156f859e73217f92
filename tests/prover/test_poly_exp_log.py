"""`poly`/`polylog` of exp-log terms (review 3, F12): decided by the exp-log engine from
f = O(1) or log f = O(log g), as a generated family with known answers, both ways."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.verify import verify_paths

CASES: list[tuple[str, str, bool]] = []
for a in ("1/2", "1", "3/2", "2"):
    for c in ("1", "3"):
        value = Fraction(a)
        CASES.append((f"exp({c}*log(n)^({a}))", "poly", value <= 1))
        CASES.append((f"exp({c}*log(n)^({a}))", "polylog", False))
        CASES.append((f"exp({c}*log(log(n))^({a}))", "poly", True))
        CASES.append((f"exp({c}*log(log(n))^({a}))", "polylog", value <= 1))
for a in ("1/3", "1", "2"):
    CASES.append((f"2^(n^({a}))", "poly", False))
    CASES.append((f"n^(log(n)^({a}))", "poly", False))
CASES += [("exp(1/n)", "poly", True), ("exp(-n)", "polylog", True),
          ("n^log(log(n))", "poly", False), ("log(n)^log(log(log(n)))", "polylog", False)]


@pytest.mark.parametrize("factor", ["1", "n^5*exp(1/n)"])
@pytest.mark.parametrize(("f", "rel", "holds"), CASES)
def test_poly_of_exp_log_terms(tmp_path: Path, f: str, rel: str, holds: bool,
                               factor: str) -> None:
    scaled = f if factor == "1" or rel == "polylog" else f"({f})*{factor}"
    path = tmp_path / "p.rc"
    path.write_text(f"theorem yes: {scaled} = {rel}(n)\n"
                    f"theorem no: not ({scaled} = {rel}(n))\n", encoding="utf-8")
    (_, results), = verify_paths([path], use_cache=False, evidence=False)
    got = {r.name: r.verdict.status for r in results}
    want = ("proved", "refuted") if holds else ("refuted", "proved")
    assert (got["yes"], got["no"]) == want, (scaled, rel, got)
