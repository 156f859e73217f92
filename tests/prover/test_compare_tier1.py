"""`compare`'s Tier 1 path (relation._tier1_pair, no search pipeline) against the whole
pipeline (relation._searched): on generated ground pairs it either defers (None) or gives
exactly the pipeline's comparison — relation, tier, certificate, printed text, JSON."""

from __future__ import annotations

from hypothesis import given, settings

from rcproof.relation import _searched, _tier1_pair, compare
from rcproof.syntax.notation import to_ascii
from tests.growth.growth_gen import Mono, sum_expr, sums


def _text(expr: object) -> str:
    return to_ascii(expr)  # type: ignore[arg-type]


def _same_as_pipeline(left: str, right: str) -> bool:
    quick = _tier1_pair(left, right)
    full = _searched(left, right, ())
    if quick is not None:
        assert str(quick) == str(full) and quick.to_dict() == full.to_dict(), (left, right)
        assert quick == full
    return quick is not None


@settings(max_examples=60, deadline=None)
@given(sums, sums)
def test_tier1_path_is_the_pipelines(f: list[Mono], g: list[Mono]) -> None:
    left, right = _text(sum_expr(f)), _text(sum_expr(g))
    _same_as_pipeline(left, right)
    _same_as_pipeline(left, left)  # `~`, with the certificate of Theta


def test_monomial_pairs_take_the_tier1_path() -> None:
    """The path is taken (not always deferred) on plain monomial pairs of each relation."""
    taken = [_same_as_pipeline(a, b) for a, b in (
        ("n^2 * log(n)", "n^3"), ("n^3", "n^2*log(n)"), ("2*n", "n + 1"),
        ("n", "n + sqrt(n)"), ("log(log(n))", "log(n)^(1/2)"), ("√n", "n^(1/2)"))]
    assert all(taken)


def test_deferred_inputs_give_the_pipelines_answer() -> None:
    """Parameters, syntax errors left to lark, non-Tier-1 atoms: the pipeline answers."""
    assert _tier1_pair("n", "x") is None
    assert _tier1_pair("n", "log(n,") is None
    assert _tier1_pair("n", "exp(n)^(1/log(n))") is None or _same_as_pipeline(
        "n", "exp(n)^(1/log(n))")
    for left, right in (("n", "2*n"), ("n^(1/10^9)", "1"), ("log(n)", "n^0")):
        assert str(compare(left, right)) == str(_searched(left, right, ()))
