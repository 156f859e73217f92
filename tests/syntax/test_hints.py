"""Hints that fix the actual mistake (issue 12): each repro, in several positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_program
from rcproof.errors import RcError

# (the mistake, words the message or hint must contain)
CASES = [
    ("n!", "factorial"), ("(n + 1)!", "factorial"), ("2^n!", "factorial"),
    ("floor(n/2)", "write n / 2"), ("ceil(log(n))", "write log(n)"),
    ("ceiling(n)", "Θ is unchanged"),
    ("e^n", "exp(x) for e^x"), ("e^(n^2)", "exp(x) for e^x"),
    ("theta(n)", "did you mean `Theta`"), ("big_o(n)", "did you mean `O`"),
    ("log(n, 2)", "log(n)/log(2)"), ("log(n^2, 10)", "log(n)/log(2)"),
    ("ln(n)", "log is natural"), ("log2(n)", "log is natural"),
]
POSITIONS = ["lemma a: {} = O(n^n)", "lemma a: n = O({})",
             "lemma a: forall x : real where x > 0. {} = omega(x)"]


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize(("mistake", "words"), CASES)
def test_hint_names_the_fix(tmp_path: Path, mistake: str, words: str, position: str) -> None:
    path = tmp_path / "m.rc"
    text = position.format(mistake)
    if mistake.startswith(("theta", "big_o")) and position.endswith("O({})"):
        text = f"lemma a: n = {mistake}"  # right after `=`, where a Landau symbol goes
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(RcError) as info:
        load_program([path])
    err = info.value
    assert words in f"{err.message} {err.hint}", err.format()
    assert err.span is not None and err.span.line == 1


@pytest.mark.parametrize("text", ["lemma a: log(n)) = O(n)", "lemma a: n = O(n))",
                                  "lemma a: (n + 1)) = O(n)"])
def test_extra_closing_paren(tmp_path: Path, text: str) -> None:
    path = tmp_path / "m.rc"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(RcError) as info:
        load_program([path])
    err = info.value
    assert "unmatched `)`" in err.message and "remove this `)`" in (err.hint or "")
    assert err.span is not None and text[err.span.column - 1] == ")"
    assert text[:err.span.column - 1].count("(") == text[:err.span.column - 1].count(")")


def test_declared_e_is_a_parameter(tmp_path: Path) -> None:
    """`e` is only Euler's number when it is not declared (LANGUAGE.md uses `e`)."""
    path = tmp_path / "m.rc"
    path.write_text("param e : real where e > 0\nlemma a: n^e = omega(1)\n", encoding="utf-8")
    load_program([path])


@pytest.mark.parametrize(("text", "words", "fixed"), [
    ("lemma a: forall x : real where x > -1, x != 0. n^x = O(n^2)", "after the `.`",
     "lemma a: forall x : real where x > -1. not (x == 0) -> n^x = O(n^(x+1))"),
    ("lemma a: forall x : real where x != 1. n^x = O(n^2)", "after the `.`",
     "lemma a: forall x : real. not (x == 1) -> n^x = O(n^(x+1))"),
    ("lemma a: forall x : real. x != 1 -> n^x = O(n^(x+1))", "not (a == b)",
     "lemma a: forall x : real. not (x == 1) -> n^x = O(n^(x+1))"),
    ("lemma a: exists x : real. n^x = O(n)", "`exists`",
     "lemma a: not (forall x : real. not (n^x = O(n)))"),
    ("lemma a: n = O(n) and exists x : real. n^x = O(n)", "`exists`",
     "lemma a: n = O(n) and not (forall x : real. not (n^x = O(n)))"),
])
def test_the_suggested_form_is_accepted(tmp_path: Path, text: str, words: str,
                                        fixed: str) -> None:
    """Review 3, F3: the fix a hint suggests parses where the mistake was."""
    path = tmp_path / "m.rc"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(RcError) as info:
        load_program([path])
    assert words in f"{info.value.message} {info.value.hint}", info.value.format()
    path.write_text(fixed + "\n", encoding="utf-8")
    load_program([path])


@pytest.mark.parametrize("text", [
    "theorem bad: n = O(", "param a : real where", "theorem t: F in", "theorem t: RC(n) subset",
    "theorem t: n = O(n) and", "theorem t: n^ = O(n)", "theorem t: n + = O(n)",
    "theorem t: forall x : real.", "lemma l: n = O()"])
def test_an_unfinished_input_gets_a_fix(tmp_path: Path, text: str) -> None:
    """Review 3, F11: every "expected … after …" error says how to fix it."""
    path = tmp_path / "m.rc"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(RcError) as info:
        load_program([path])
    assert info.value.hint, info.value.format()


def test_bound_in_a_file_without_families_says_so(tmp_path: Path) -> None:
    from rcproof.realization import find_family, load_for_bound

    path = tmp_path / "nf.rc"
    path.write_text("import physics\n", encoding="utf-8")
    with pytest.raises(RcError) as info:
        find_family(load_for_bound(path), "X")
    assert "declares no family" in (info.value.hint or ""), info.value.format()
