"""`default work = size` in a class: a declared family that does not state `work` has
work = size; one that states it keeps its own; a bound family variable stays abstract."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest

HEADER = "import recurrent\n"

GRID = list(itertools.product((Fraction(1), Fraction(2), Fraction(5, 2)),
                              (None, Fraction(1), Fraction(3)),
                              (Fraction(1, 2), Fraction(5, 8), Fraction(3, 4))))


@pytest.mark.parametrize(("size", "work", "time"), GRID)
def test_membership_uses_stated_work_or_size(check, size: Fraction, work: Fraction | None,  # type: ignore[no-untyped-def]
                                             time: Fraction) -> None:
    stated = f"  work = n^({work})\n" if work is not None else ""
    text = (HEADER + f"family F {{\n  size = n^({size})\n  depth = log(n)\n{stated}}}\n"
            f"theorem t: F in RRC(n^({time}))\n")
    effective = size if work is None else work
    expected = "proved" if max(Fraction(1, 2), effective / 4) <= time else "refuted"
    verdict = check(text)["t"].verdict
    assert verdict.status == expected, verdict.reason


def test_bound_family_variable_keeps_abstract_work(check) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + ("theorem t: forall C : family where size(C) = O(n), "
                     "depth(C) = O(log(n)). C in RRC(sqrt(n))\n")
    assert check(text)["t"].verdict.status == "refuted"


@pytest.mark.parametrize(("body", "words"), [
    ("default depth = t", "may not use"),
    ("default work = work + 1", "may not use"),
    ("default f = size", "not a resource"),
    ("default work = size\n  default work = depth", "two defaults"),
])
def test_bad_defaults_are_located_errors(tmp_path, body: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from rcproof.cli import main

    (tmp_path / "d.rc").write_text(
        f"class K(f) {{\n  exists t {{ t = O(f)\n work = O(t)\n depth = O(t) }}\n  {body}\n}}\n")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "d.rc")])
    assert result.exit_code == 2
    assert words in result.output and "d.rc:" in result.output
