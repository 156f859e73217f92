"""t* where a constraint of the class free of t excludes the family (review 7, F5):
`tstar` is unknown naming the constraint (or keeps its value when Tier 1 shows the
constraint holds), `bound` and `table` agree ("none (no realization)"), and a dimension
the class does not take, or one below 2, is a located input error."""

from __future__ import annotations

from pathlib import Path

import pytest

from rcproof.errors import RcError
from rcproof.realization import load_for_bound, parse_dim, tight_bound
from rcproof.syntax import ast as A
from rcproof.syntax.unfoldproblem import Missing
from rcproof.verify import verify_paths

# (size exponent, depth exponent, cap exponent of `size = O(n^cap)` outside exists t)
CASES = [(2, 1, 1), (3, 1, 2), (2, 0.5, 1), (1, 0.5, 1), (2, 1, 2), (3, 1, 3), (1, 1, 2),
         (5 / 2, 1, 2)]


def _file(tmp_path: Path, size: float, depth: float, cap: float) -> Path:
    path = tmp_path / "k.rc"
    path.write_text(
        f"class P2(f, d = 3) {{ exists t {{ t = O(f); depth = O(t); size = O(t^d) }} "
        f"size = O(n^({cap})) }}\n"
        f"family B {{ size = n^({size}); depth = n^({depth}) }}\n"
        f"theorem a: tstar(B, 3, P2) = Theta(max(n^({depth}), n^({size}/3)))\n"
        f"theorem b: forall d : real where d >= 2. "
        f"tstar(B, d, P2) = Theta(max(n^({depth}), n^({size}/d)))\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("size", "depth", "cap"), CASES)
def test_verify_bound_and_table_agree(tmp_path: Path, size: float, depth: float,
                                      cap: float) -> None:
    path = _file(tmp_path, size, depth, cap)
    admitted = size <= cap
    (_, results), = verify_paths([path])
    for r in results:
        if admitted:
            assert r.verdict.status == "proved", (r.name, r.verdict)
        else:
            assert r.verdict.status == "unknown", (r.name, r.verdict)
            problems = [seg for seg in r.verdict.reason.segments
                        if getattr(seg, "kind", None) == Missing.TSTAR_OUTSIDE]
            assert problems and problems[0].detail == "fails", r.verdict.reason
    unit = load_for_bound(path)[0]
    for dim in ("2", "3", "5/2", "d"):
        b = tight_bound(unit, A.Name("B"), parse_dim(dim), cls="P2")
        if admitted:
            assert b.time is not None or b.cases, (dim, b)
        else:
            assert b.excluded and b.time is None and not b.cases, (dim, b)


@pytest.mark.parametrize("call", ["tstar(B, 7, P)", "tstar(B, 1/2, P)", "tstar(B, 3, P)",
                                  "tstar(B, 1/2, P2)", "tstar(B, 1, P2)", "tstar(B, 0, P2)",
                                  "tstar(B, -3, P2)", "tstar(B, 3/2, P2)"])
def test_dimension_argument_errors_are_located(tmp_path: Path, call: str) -> None:
    path = tmp_path / "e.rc"
    path.write_text(
        "class P2(f, d = 3) { exists t { t = O(f); depth = O(t); size = O(t^d) } }\n"
        "class P(f) { exists t { t = O(f); depth = O(t) } size = O(n) }\n"
        "family B { size = n; depth = n }\n"
        f"theorem a: {call} = Theta(n)\n", encoding="utf-8")
    with pytest.raises(RcError) as err:
        verify_paths([path])
    assert err.value.span is not None and err.value.span.line == 4
    assert err.value.hint
