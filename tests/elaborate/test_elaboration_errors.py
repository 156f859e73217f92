# ruff: noqa: E501  (golden messages are kept on one line each)
"""Elaboration errors: names, kinds, imports, arity, assumptions — golden messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rcproof.cli import main

CASES = [
    ('lemma s: forall x : real where x > 0. forall x : real. n^x = omega(1)',
     "e.rc:1:39: error: 'x' is already bound here\n  lemma s: forall x : real where x > 0. forall x : real. n^x = omega(1)\n                                        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n  hint: use another name for the inner variable"),
    ('import physics\nfamily SMAT { size = n^2; depth = log(n) }\ntheorem x: SMTA in RC(n)',
     "e.rc:3:12: error: unknown family 'SMTA'\n  theorem x: SMTA in RC(n)\n             ^~~~\n  hint: did you mean 'SMAT'?"),
    ('import physics\ntheorem x: RC(n) in RC(n)',
     'e.rc:2:12: error: a class cannot be a member of a class\n  theorem x: RC(n) in RC(n)\n             ^~~~~\n  hint: use `subset` to relate two classes'),
    ('import phyiscs',
     "e.rc:1:1: error: no bundled module 'phyiscs'\n  import phyiscs\n  ^~~~~~~~~~~~~~\n  hint: did you mean 'physics'?"),
    ('import "nothere.rc"',
     'e.rc:1:1: error: cannot import \'nothere.rc\': no such file\n  import "nothere.rc"\n  ^~~~~~~~~~~~~~~~~~~\n  hint: paths are relative to the importing file'),
    ('import physics\nfamily F { size = n }',
     'e.rc:2:1: error: family F does not state its depth\n  family F { size = n }\n  ^~~~~~~~~~~~~~~~~~~~~\n  hint: add a line `depth = …` (or `depth = O(…)`)'),
    ('import physics\nfamily F { size = n; depth = 1; size = n^2 }',
     "e.rc:2:33: error: resource 'size' of family F is stated twice\n  family F { size = n; depth = 1; size = n^2 }\n                                  ^~~~~~~~~~\n  hint: state each resource once (exactly, or by bounds)"),
    ('lemma a: n = O(m)',
     "e.rc:1:16: error: unknown name 'm'\n  lemma a: n = O(m)\n                 ^\n  hint: declare it with `param`, `let` or `fun`"),
    ('lemma a: lgo(n) = O(n)',
     "e.rc:1:10: error: unknown function 'lgo'\n  lemma a: lgo(n) = O(n)\n           ^~~~~~\n  hint: did you mean 'log'?"),
    ('lemma a: log(n, 2) = O(n)',
     'e.rc:1:10: error: log() takes 1 argument(s), 2 given\n  lemma a: log(n, 2) = O(n)\n           ^~~~~~~~~\n'
     '  hint: log is natural and a base only changes a constant factor: write log(n), or '
     'log(n)/log(2) for the base-2 logarithm'),
    ('fun f\nlemma a: f(n) = O(n)',
     "e.rc:2:10: error: 'f' is not a function\n  lemma a: f(n) = O(n)\n           ^~~~\n  hint: abstract functions are used without arguments: write f, not f(n)"),
    ('param a : real where a > 2, a < 1',
     'e.rc:1:29: error: the assumptions on parameters contradict each other\n  param a : real where a > 2, a < 1\n                              ^~~~~\n  hint: no real value satisfies all `where` conditions together; check the bounds'),
    ('param a : real\nparam a : real',
     "e.rc:2:1: error: 'a' is already declared\n  param a : real\n  ^~~~~~~~~~~~~~\n  hint: each name may be declared once across a file and its imports"),
    ('let n = 3',
     "e.rc:1:1: error: 'n' is reserved and cannot be declared\n  let n = 3\n  ^~~~~~~~~\n  hint: choose another name"),
    ('import physics\nfamily F(p = 1) { size = n * p; depth = 1 }\ntheorem t: F(q = 2) in RC(n)',
     "e.rc:3:18: error: family F has no parameter 'q'\n  theorem t: F(q = 2) in RC(n)\n                   ^\n  hint: its parameters: p"),
    ('import physics\ntheorem t: forall C : family. C = O(n)',
     "e.rc:2:31: error: family 'C' used where a function of n is expected\n  theorem t: forall C : family. C = O(n)\n                                ^\n  hint: use one of its resources, e.g. size(C)"),
    ('import physics\nfamily F { size = n; depth = 1 }\nlemma t: width(F) = O(n)',
     "e.rc:3:10: error: family 'F' has no resource 'width'\n  lemma t: width(F) = O(n)\n           ^~~~~~~~\n  hint: did you mean 'depth'?"),
    ('lemma t: n < n^2',
     'e.rc:1:10: error: comparisons relate parameters, not functions of n\n  lemma t: n < n^2\n           ^\n  hint: use a Landau relation such as `= O(…)` for functions of n'),
    ('theorem t: n = O(n)\nproof\n have n = O(n) by auto\nqed',
     'e.rc:3:2: error: a proof ends with a `show` step\n   have n = O(n) by auto\n   ^~~~~~~~~~~~~~~~~~~~~\n  hint: write `show <statement> by …` as the last step'),
    ('theorem t: n = O(n)\nproof\n show n = O(n) by auto using nothing\nqed',
     "e.rc:3:2: error: unknown fact 'nothing' after `using`\n   show n = O(n) by auto using nothing\n   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n  hint: name a labelled `have` step or a declared fact"),
    ('import physics\nclass K(f) { size = O(f) }\ntheorem t: RC(n) subset K',
     "e.rc:3:25: error: class K needs a value for parameter 'f'\n  theorem t: RC(n) subset K\n                          ^\n  hint: write K(f = …)"),
    ('import physics\ntheorem t: forall n : real. n = O(n)',
     "e.rc:2:12: error: 'n' is reserved and cannot be bound\n  theorem t: forall n : real. n = O(n)\n             ^~~~~~~~~~~~~~~~~~~~~~~~~"),
    ('lemma t: ∞ = O(n)',
     'e.rc:1:10: error: ∞ is not a function of n\n  lemma t: ∞ = O(n)\n           ^\n  hint: state growth with O/o/omega instead'),
    ('import physics\nfamily F { size = n; depth = 1 }\ntheorem t: F in RC(n, 3, 4)',
     'e.rc:3:17: error: class RC takes 2 argument(s), 3 given\n  theorem t: F in RC(n, 3, 4)\n                  ^~~~~~~~~~~\n  hint: its parameters: f, d'),
    ('import physics\nfamily F { size = n; depth = 1 }\ntheorem t: F in F',
     "e.rc:3:17: error: expected a class, but 'F' is a family\n  theorem t: F in F\n                  ^"),
    ('theorem t: SMAT in RC(n)',
     "e.rc:1:12: error: unknown family 'SMAT'\n  theorem t: SMAT in RC(n)\n             ^~~~\n  hint: declare it with `family SMAT { … }`, or import the file that declares it"),
    # review 4: a resource of an undeclared family names the family, not the resource
    ('import physics\nfamily F { size = n; depth = 1 }\ntheorem t: size(X) = O(n)',
     "e.rc:3:17: error: unknown family 'X'\n  theorem t: size(X) = O(n)\n                  ^\n  hint: declare it with `family X { … }`, or import the file that declares it"),
    ('import physics\nfamily SMAT { size = n; depth = 1 }\ntheorem t: depth(SMTA) = O(n)',
     "e.rc:3:18: error: unknown family 'SMTA'\n  theorem t: depth(SMTA) = O(n)\n                   ^~~~\n  hint: did you mean 'SMAT'?"),
    ('import physics\nfamily F { size = n; depth = 1 }\ntheorem t: size(G(p = 2)) = O(n)',
     "e.rc:3:17: error: unknown family 'G'\n  theorem t: size(G(p = 2)) = O(n)\n                  ^~~~~~~~\n  hint: declare it with `family G { … }`, or import the file that declares it"),
    ('import physics\nfamily F { size = n; depth = 1 }\ntheorem t: size(n) = O(n)',
     "e.rc:3:12: error: unknown function 'size'\n  theorem t: size(n) = O(n)\n             ^~~~~~~\n  hint: resources are written as resource(Family), e.g. size(SMAT)"),
]


@pytest.mark.parametrize(("source", "message"), CASES)
def test_elaboration_error(source: str, message: str, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.rc").write_text(source + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "e.rc"])
    assert result.exit_code == 2
    assert result.output.rstrip("\n") == message
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("declared", "typo", "suggested"), [
    ("theorem a9: n = O(n)", "a", None),               # a theorem's name is no value
    ("import physics\nfamily SMAT { size = n; depth = 1 }", "SMAT2", None),
    ("param a9 : real", "a", "a9"),
    ("let width = n^2", "widht", "width"),
    ("fun gamma", "gama", "gamma"),
])
def test_unknown_names_suggest_only_values(declared: str, typo: str, suggested: str | None,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 6: 'did you mean' offered a theorem's name for an unknown parameter."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.rc").write_text(f"{declared}\ntheorem t: n^{typo} = O(n)\n",
                                   encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "e.rc"])
    assert result.exit_code == 2 and f"unknown name '{typo}'" in result.output
    if suggested is None:
        assert "did you mean" not in result.output, result.output
    else:
        assert f"did you mean '{suggested}'?" in result.output, result.output


@pytest.mark.parametrize(("char", "spelled"), [("α", "alpha"), ("β", "beta"), ("Δ", "delta"),
                                               ("é", None), ("ℓ", None)])
def test_a_non_ascii_letter_in_a_name_gets_a_hint(char: str, spelled: str | None,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 6: `param α` was an error without a hint."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.rc").write_text(f"param {char} : real\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "e.rc"])
    assert result.exit_code == 2 and "cannot be used in a name" in result.output
    assert "hint: names are written with ASCII letters" in result.output
    assert (f"write `{spelled}`" in result.output) == (spelled is not None), result.output


@pytest.mark.parametrize(("tactic", "hint"), [
    ("nosuch", "write a tactic (auto, unfold, growth, smt, limit)"),
    ("atuo", "did you mean 'auto'?"), ("smtt", "did you mean 'smt'?"),
    ("lema1", "did you mean 'lemma1'?"), ("h", "write `by auto using h`")])
@pytest.mark.parametrize("step", ["show", "have g:"])
def test_a_name_after_by_is_a_tactic_or_a_fact(tactic: str, hint: str, step: str,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt `by NAME` is an input error located at the name (review 7: an
    `unknown` verdict, exit status 1); a `have` label after `by` says to use `using`."""
    last = "" if step == "show" else "\n show n = O(n) by auto"
    source = (f"lemma lemma1: n = O(n^2)\ntheorem t: n = O(n)\nproof\n"
              f" have h: n = O(n^2) by auto\n {step} n = O(n) by {tactic}{last}\nqed\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.rc").write_text(source, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "e.rc"])
    assert result.exit_code == 2, result.output
    column = source.splitlines()[4].index(f"by {tactic}") + 4
    assert f"e.rc:5:{column}:" in result.output, result.output
    assert hint in result.output, result.output


@pytest.mark.parametrize(("source", "words"), [
    ("import physics\ntheorem t: n in RC(n)", "`n` is the input size, not a family"),
    ("import physics\ntheorem t: RC(n) subset Kx(n)", "declare it with `class Kx(f)"),
])
def test_names_that_are_not_declarations(source: str, words: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.rc").write_text(source + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "e.rc"])
    assert result.exit_code == 2 and words in result.output, result.output


def test_by_may_name_a_theorem_declared_later(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.rc").write_text("theorem a: n = O(n^2)\nproof\n  show n = O(n^2) by b\nqed\n"
                                   "theorem b: n = O(n^2)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "e.rc"])
    assert result.exit_code == 0, result.output
