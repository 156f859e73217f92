"""`tstar(F, d, K)`: the minimal realization time as an expression of the language.

The family of tests: for every bundled family and several dimensions, the Θ-class that
`rcproof bound` computes is what `tstar` states (proved), and a strictly smaller or larger
one is refuted; bad uses are located input errors."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_program
from rcproof.errors import RcError
from rcproof.realization import tight_bound
from rcproof.resources import library_dir
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_ascii
from rcproof.syntax.parser import parse_expr

DIMS = ["2", "3", "5/2"]


def _families(module: str) -> list[str]:
    program = load_program([library_dir() / f"{module}.rc"])
    unit = program.requested_files()[0]
    return [d.name for d in unit.module.decls if isinstance(d, A.FamilyDecl)]


CASES = [(m, f, d) for m in ("zoo", "transformers") for f in _families(m) for d in DIMS]


@pytest.mark.parametrize(("module", "family", "dim"), CASES)
def test_tstar_agrees_with_bound(check, module: str, family: str, dim: str) -> None:  # type: ignore[no-untyped-def]
    unit = load_program([library_dir() / f"{module}.rc"]).requested_files()[0]
    b = tight_bound(unit, A.Name(family), A.Num(Fraction(dim)))
    assert b.time is not None
    time = to_ascii(b.time)
    src = (f"import {module}\n"
           f"theorem exact: tstar({family}, {dim}) = Theta({time})\n"
           f"theorem low: tstar({family}, {dim}) = o({time})\n"
           f"theorem high: tstar({family}, {dim}) = omega({time})\n"
           f"theorem member: {family} in RC(tstar({family}, {dim}), {dim})\n")
    results = check(src)
    assert results["exact"].verdict.status == "proved"
    assert results["low"].verdict.status == "refuted"
    assert results["high"].verdict.status == "refuted"
    assert results["member"].verdict.status == "proved"


def test_readme_statement(check) -> None:  # type: ignore[no-untyped-def]
    results = check("import transformers\n"
                    "theorem smat_tstar: tstar(SMAT(p = log(n)), 3) = "
                    "Theta(n^(2/3) * log(n)^(2/3))\n"
                    "theorem default_dim: tstar(SMAT(p = log(n))) = "
                    "Theta(n^(2/3) * log(n)^(2/3))\n"
                    "theorem general: forall d : real where d >= 2. "
                    "tstar(SMAT, d) = Theta(n^(2/d))\n"
                    "theorem any_family: forall C : family. tstar(C) = Omega(sqrt(n))\n"
                    "theorem named: tstar(SMAT, 3, RC) = Theta(n^(2/3))\n")
    assert {r.verdict.status for r in results.values()} == {"proved"}


def test_tstar_for_a_users_class(check) -> None:  # type: ignore[no-untyped-def]
    results = check("family W { size = n^3; depth = n }\n"
                    "class Slow(g, dim = 2) { exists t { t = O(g)  depth = O(t)  "
                    "size = O(t^dim) } }\n"
                    "theorem a: tstar(W) = Theta(n^(3/2))\n"
                    "theorem b: tstar(W, 3) = Theta(n)\n")
    assert results["a"].verdict.status == "proved"
    assert results["b"].verdict.status == "proved"


@pytest.mark.parametrize(("law", "why"), [("depth = o(t)", "strictly"),
                                          ("t = O(size)", "from above")])
def test_tstar_undefined_is_unknown(check, law: str, why: str) -> None:  # type: ignore[no-untyped-def]
    results = check("family W { size = n^3; depth = n }\n"
                    f"class K(g, d = 3) {{ exists t {{ t = O(g)  {law}  size = O(t^d) }} }}\n"
                    "theorem a: tstar(W) = Theta(n)\n")
    verdict = results["a"].verdict
    assert verdict.status == "unknown" and why in str(verdict.reason or "")


@pytest.mark.parametrize(("expr", "message"), [
    ("tstar(1)", "must be a family"),
    ("tstar(n, 3)", "must be a family"),
    ("tstar()", "tstar takes"),
    ("tstar(SMAT, 3, NoSuch)", "unknown class"),
    ("tstar(SMAT, 3, SMAT)", "unknown class"),
    ("tstar(SMAT, 3, NC)", "does not have the RC shape"),
    ("tstar(SMAT, d = 3)", "tstar takes"),
    ("tstar(SMAT, 3, RC, 4)", "tstar takes"),
    ("tstar(SMTA)", "unknown family"),
])
def test_bad_tstar_is_an_input_error(tmp_path: Path, expr: str, message: str) -> None:
    path = tmp_path / "bad.rc"
    path.write_text(f"import transformers\nimport classical\ntheorem a: {expr} = O(n)\n",
                    encoding="utf-8")
    with pytest.raises(RcError) as info:
        load_program([path])
    assert message in info.value.message
    assert info.value.span is not None and info.value.span.line == 3


def test_tstar_cannot_be_declared(tmp_path: Path) -> None:
    path = tmp_path / "bad.rc"
    path.write_text("let tstar = n\n", encoding="utf-8")
    with pytest.raises(RcError, match="reserved"):
        load_program([path])


@pytest.mark.parametrize("text", ["tstar(SMAT)", "tstar(SMAT(p = log(n)), 3)",
                                  "tstar(F, d, RC)", "tstar(F, 5/2)"])
def test_tstar_round_trips(text: str) -> None:
    e = parse_expr(text)
    assert parse_expr(to_ascii(e)) == e


@pytest.mark.parametrize(("claim", "status"), [
    ("tstar(SMAT, 3) = Theta(n^(2/3))", "proved"),
    ("tstar(SMAT, 3) = Theta(n^(1/2))", "unknown"),
    ("tstar(SMAT, 4) = Theta(n^(2/3))", "unknown"),
    ("tstar(SMAT(p = log(n)), 3) = Theta(n^(2/3))", "unknown"),
])
def test_named_fact_about_tstar_applies_only_where_it_holds(check, claim: str,  # type: ignore[no-untyped-def]
                                                            status: str) -> None:
    results = check("import transformers\n"
                    "theorem a: forall d : real where d >= 2. tstar(SMAT, d) = Theta(n^(2/d))\n"
                    f"theorem b: {claim}\nproof\n  show {claim} by a\nqed\n")
    assert results["a"].verdict.status == "proved"
    assert results["b"].verdict.status == status


@pytest.mark.parametrize(("hyp", "status"), [
    ("size(C) = Theta(n^3), depth(C) = O(n)", "proved"),
    ("size(C) = Theta(n^3)", "refuted"),
    ("size(C) = O(n^3), depth(C) = O(n)", "refuted"),
])
def test_tstar_of_a_family_variable(check, hyp: str, status: str) -> None:  # type: ignore[no-untyped-def]
    results = check("import physics\n"
                    f"theorem a: forall C : family where {hyp}. tstar(C) = Theta(n)\n")
    assert results["a"].verdict.status == status
