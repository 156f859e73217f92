"""The Python API (rcproof.api): typed results, str paths, lazy import, typeset display."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

import rcproof
from rcproof.resources import library_dir

SRC = """\
import physics
param D : real where D >= 2
family F { size = n^2; depth = 1 }
axiom big: n^3 = O(n^3)
theorem a: F in RC(n^(2/3))
theorem b: F in RC(sqrt(n))
theorem c: forall e : real where e > 0. n^e = O(n)
theorem d: forall x : real where x >= 2. n^x = Omega(n^D)
"""


def test_import_is_cheap_and_lazy() -> None:
    code = ("import sys, rcproof; heavy = [m for m in ('sympy', 'z3', 'lark', 'click', "
            "'rcproof.api') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_version() -> None:
    from importlib.metadata import version

    assert rcproof.__version__ == version("rcproof")


def test_verify_text_typed_results() -> None:
    report = rcproof.verify_text(SRC)
    assert [r.name for r in report] == ["big", "a", "b", "c", "d"]
    assert report["a"].status == "proved" and report["a"].statement == "F ∈ RC(n^(2/3))"
    assert report["big"].status == "axiom"
    b = report["b"]
    assert b.status == "refuted" and b.reason
    c = report["c"]
    assert c.status == "refuted" and c.counterexample is not None
    assert set(c.counterexample) == {"e"} and Fraction(c.counterexample["e"]) > 1
    assert isinstance(report["a"].axioms, tuple) and isinstance(report["a"].oracles, tuple)
    assert not report.ok and report.summary["proved"] >= 1
    assert "refuted" in str(report) and "F ∈ RC(√n)" in str(report)


@pytest.mark.parametrize("kind", [str, Path])
def test_verify_file_accepts_str_and_path(kind: type) -> None:
    report = rcproof.verify_file(kind(library_dir() / "physics.rc"))
    assert report.ok


@pytest.mark.parametrize("name", ["zoo", "transformers"])
def test_verify_file_bundled_module(name: str) -> None:
    assert rcproof.verify_file(name).ok


@pytest.mark.parametrize(("src", "where"), [
    ("theorem x: n = O(", "<text>:1:"), ("theorem x: SMTA in RC(n)", "<text>:1:12")])
def test_input_errors_raise(src: str, where: str) -> None:
    with pytest.raises(rcproof.RcError) as info:
        rcproof.verify_text(src)
    assert where in str(info.value)


@pytest.mark.parametrize(("a", "b", "rel"), [
    ("n^2", "n*log(n)", "omega"), ("log(n)", "n", "o"), ("2*n + 1", "n", "Theta"),
    ("-log(1 - 1/n)", "1/n", "~")])
def test_compare(a: str, b: str, rel: str) -> None:
    result = rcproof.compare(a, b)
    assert result.rel == rel and result.tier == "growth"
    assert result.certificate is None or "for all n" in result.certificate
    assert result._repr_latex_().startswith("$")


def test_compare_with_assumption() -> None:
    result = rcproof.compare("n^d", "n^2", assume=["d >= 3"])
    assert result.rel == "omega" and result.tier == "smt"


@pytest.mark.parametrize(("dim", "time"), [(3, "n^(2/3)·log(n)^(2/3)"),
                                           (Fraction(5, 2), "n^(4/5)·log(n)^(4/5)"),
                                           ("2", "n·log(n)")])
def test_bound(dim: object, time: str) -> None:
    result = rcproof.bound("transformers", "SMAT(p = log(n))", dim)  # type: ignore[arg-type]
    assert result.time == time and result.member == "proved" and result.tight == "proved"
    assert "binding law" in str(result)
    assert "\\Theta(" in result._repr_latex_()


def test_bound_from_source_and_params() -> None:
    src = "import physics\nfamily G(k = 1) { size = n * k; depth = k }\n"
    assert rcproof.bound(src, "G", params={"k": "n"}).time == "n"
    known = rcproof.bound(src + "family H { size = O(n^2); depth = 1 }\n", "H")
    assert known.time is None and (known.low, known.high) == ("√n", "n^(2/3)")


def test_bound_symbolic_dimension_cases() -> None:
    result = rcproof.bound("zoo", "SparseAttention", "d")
    assert [c.time for c in result.cases] == ["n^(1/(d - 1))", "n^(3/(2·d))"]


@pytest.mark.parametrize("dim", [1, 0, "1/2", "d+1"])
def test_bound_bad_dimension_raises(dim: object) -> None:
    with pytest.raises(rcproof.RcError):
        rcproof.bound("transformers", "SMAT", dim)  # type: ignore[arg-type]


def test_repr_latex_of_results() -> None:
    report = rcproof.verify_text("lemma l: log(n)^5 = o(n)")
    assert report["l"]._repr_latex_().startswith("$\\textbf{proved}")
    assert report._repr_latex_().startswith("$\\begin{array}")


def test_repr_latex_subscripts_the_dimension() -> None:
    report = rcproof.verify_text("import physics\nfamily F { size = n; depth = 1 }\n"
                                 "theorem a: F in RC(n, d = 2)\n")
    assert "\\mathrm{RC}_{2}(n)" in report["a"]._repr_latex_()


@pytest.mark.parametrize("call", [
    lambda: rcproof.verify_text(123),  # type: ignore[arg-type]
    lambda: rcproof.verify_text(b"theorem t: n = O(n)"),  # type: ignore[arg-type]
    lambda: rcproof.verify_file(3),  # type: ignore[arg-type]
    lambda: rcproof.verify_text("theorem t: n = O(n)", budget="2"),  # type: ignore[arg-type]
    lambda: rcproof.compare(None, "n"),  # type: ignore[arg-type]
    lambda: rcproof.compare("n", ["n"]),  # type: ignore[arg-type]
    lambda: rcproof.compare("n", "n", assume=[3 > 2]),  # type: ignore[list-item]
    lambda: rcproof.bound(42, "SMAT"),  # type: ignore[arg-type]
    lambda: rcproof.bound("transformers", None),  # type: ignore[arg-type]
])
def test_arguments_of_the_wrong_type_raise_type_error(call: Callable[[], object]) -> None:
    """Review 3, F10: a clear TypeError naming the argument, never an AttributeError
    from deep inside."""
    with pytest.raises(TypeError, match="must be"):
        call()


def test_numbers_and_a_single_assumption_are_accepted() -> None:
    assert rcproof.compare("n", 1).rel == "omega"  # type: ignore[arg-type]
    assert rcproof.compare("n^d", "n^2", assume="d > 2").rel == "omega"


def test_deeply_nested_input_is_handled_as_by_the_cli() -> None:
    """A 2,000-term sum: the CLI handles it on a big stack; the API does the same rather
    than refusing it as nested too deeply."""
    terms = " + ".join(f"n^({i}/7)" for i in range(1, 2001))
    report = rcproof.verify_text(f"theorem big: {terms} = O(n^500)\n")
    assert [r.status for r in report] == ["proved"]
    assert rcproof.compare(terms, "n^300").rel == "o"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 1e300, 0, -1,
                                   0.01, 601])
def test_a_budget_out_of_range_raises_value_error(value: float) -> None:
    """Review 5, F1: NaN and infinities got past the check and crashed deep inside; the
    API takes the CLI's range (0.1 to 600) and names the argument."""
    with pytest.raises(ValueError, match="budget must be between"):
        rcproof.verify_text("theorem t: n = O(n)", budget=value)
    with pytest.raises(ValueError, match="budget must be between"):
        rcproof.bound("transformers", "SMAT", budget=value)


@pytest.mark.parametrize(("dim", "error"), [
    (float("inf"), ValueError), (float("nan"), ValueError), (float("-inf"), ValueError),
    (True, TypeError), ([3], TypeError), (1, Exception), (1.5, Exception),
])
def test_a_dimension_that_is_not_one_is_refused(dim: object, error: type) -> None:
    """Review 6, F5: inf, nan and True were read as dimension *names*."""
    with pytest.raises(error):
        rcproof.bound("transformers", "SMAT", dim)  # type: ignore[arg-type]


@pytest.mark.parametrize(("dim", "shown"), [(2.5, "5/2"), (3.0, "3"), ("5/2", "5/2"),
                                            (Fraction(7, 2), "7/2")])
def test_numeric_dimensions_of_every_type(dim: object, shown: str) -> None:
    result = rcproof.bound("transformers", "SMAT", dim)  # type: ignore[arg-type]
    assert f"d = {shown}" in str(result), str(result)


def test_assume_of_the_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError, match="assume must be"):
        rcproof.compare("n", "n^2", assume=5)  # type: ignore[arg-type]
