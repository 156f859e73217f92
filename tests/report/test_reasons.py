"""Reasons are typed data (rcproof.syntax.reason) and reports only print them.

* every report (text, JSON, LaTeX, the table, compare, bound) prints the verdicts of the
  bundled library and of the soundness corpus with the parser switched off: nothing is
  parsed back;
* the text and JSON reasons are the strings they were before reasons were typed (the
  snapshot in data/reasons_snapshot.json, written by reason_corpus.py);
* in LaTeX each formula of a reason is typeset by the statement printer in math mode.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import lark
import pytest
from reason_corpus import corpus, rendered

from rcproof.prover.run import Result
from rcproof.report.latex import reason, render_document, render_result
from rcproof.report.verdicts import text_lines, to_json
from rcproof.syntax import ast as A
from rcproof.syntax import parser
from rcproof.syntax.notation import to_latex, to_text
from rcproof.syntax.parser import parse_expr, parse_prop
from rcproof.syntax.reason import (
    Assignments,
    Formula,
    Reason,
    Ref,
    Text,
    because,
    joined,
    render,
)

SNAPSHOT = Path(__file__).parent / "data" / "reasons_snapshot.json"


# ---- the printers on hand-built reasons ------------------------------------------------

def _not(text: str) -> Formula:
    p = parse_prop(text)
    return Formula(A.Not(p), text=f"not {to_text(p)}")


CASES = [
    (because("fails: ", _not("n^(2/3) = O(sqrt(n))")),
     "fails: not n^(2/3) = O(√n)", "fails: $\\neg (n^{2/3} = O(\\sqrt{n}))$"),
    (because(parse_prop("n^D = O(n^4)"), ": holds iff ", parse_prop("D >= 4")),
     "n^D = O(n⁴): holds iff D ≥ 4", "$n^{D} = O(n^{4})$: holds iff $D \\ge 4$"),
    (because("fails at ", Assignments(((A.Name("d"), A.Num(Fraction(3, 2))),))),
     "fails at d = 3/2", "fails at $d = \\frac{3}{2}$"),
    (because("fails at ", Assignments(((A.Name("e"), A.Num(Fraction(2))),
                                       (parse_expr("size(C)"), parse_expr("n^2"))))),
     "fails at e = 2, size(C) = n²", "fails at $e = 2$, $\\mathrm{size}(C) = n^{2}$"),
    (because("at ", Assignments(((A.Name("f"), "growth vector (1, 0.5, 0)"),))),
     "at f = growth vector (1, 0.5, 0)", "at $f$ has growth vector (1, 0.5, 0)"),
    (because("axiom '", Ref("axiom", "big_one"), "' is unknown"),
     "axiom 'big_one' is unknown", "axiom '\\texttt{big\\_\\allowbreak{}one}' is unknown"),
    (because("the hypotheses admit no object"), "the hypotheses admit no object",
     "the hypotheses admit no object"),
    (because("budget exhausted (2,000 units) & 50% of NC^1"),
     "budget exhausted (2,000 units) & 50% of NC^1",
     "budget exhausted (2,000 units) \\& 50\\% of NC\\textsuperscript{1}"),
]


@pytest.mark.parametrize(("typed", "text", "tex"), CASES)
def test_printers(typed: Reason, text: str, tex: str) -> None:
    assert str(typed) == text
    assert reason(typed) == tex


def test_reason_is_typed_data() -> None:
    r = because("x ", parse_prop("n = O(n)"), because(" and ", Ref("lemma", "l")))
    assert [type(s) for s in r.segments] == [Text, Formula, Text, Ref]
    assert r + "!" == because(r, "!") and "!" + r == because("!", r)
    assert str(joined("; ", [because("a"), because("b")])) == "a; b"
    assert not because() and not because("") and because("x")
    assert r.formulas() == (parse_prop("n = O(n)"),)
    assert "x n = O(n) and" in r and "missing" not in r
    with pytest.raises(TypeError):
        Reason(("prose is a Text, not a str",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        because(3)  # type: ignore[arg-type]
    hole = Text("<hole>")
    assert str(because("a ", hole, " b").splice(hole, because("c"))) == "a c b"


def test_a_verdict_reason_must_be_typed() -> None:
    from rcproof.kernel import Verdict

    with pytest.raises(TypeError):
        Verdict("unknown", parse_prop("n = O(n)"), reason="a string")  # type: ignore[arg-type]


# ---- the corpus: library and soundness files -------------------------------------------

@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, list[Result]]]:
    from rcproof.verify import verify_paths

    return verify_paths(corpus(tmp_path_factory.mktemp("reasons")), use_cache=False)


@pytest.fixture()
def no_parser(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The parser raises (and the call is recorded) while this fixture is active."""
    calls: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(repr(args)[:200])
        raise AssertionError("a report called the parser")

    monkeypatch.setattr(parser, "_parse_tree", refuse)
    monkeypatch.setattr(lark.Lark, "parse", refuse)
    yield calls


def test_corpus_is_large(files: list[tuple[str, list[Result]]]) -> None:
    results = [r for _, rs in files for r in rs]
    with_reason = [r for r in results if r.verdict.reason]
    assert len(results) >= 300 and len(with_reason) >= 150
    kinds = {type(s) for r in with_reason for s in r.verdict.reason.segments}  # type: ignore[union-attr]
    assert kinds == {Text, Formula, Assignments, Ref}


def test_reports_parse_nothing_back(files: list[tuple[str, list[Result]]],
                                    no_parser: list[str]) -> None:
    for path, results in files:
        for r in results:
            render_result(r)
        text_lines([(path, results)], show_lemmas=True, steps=True)
    to_json(files)
    render_document(files)
    assert no_parser == []


def test_text_and_json_reasons_unchanged(files: list[tuple[str, list[Result]]]) -> None:
    """Against the outputs of the string reasons (regenerate the snapshot with
    reason_corpus.py only when a verdict or a wording changes on purpose)."""
    want = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    with_no_time = {k: {"text": v["text"], "json": v["json"]}
                    for k, v in rendered([Path(p) for p, _ in files]).items()}
    assert sorted(with_no_time) == sorted(want)
    changed = [k for k in want if with_no_time[k] != want[k]]
    assert not changed, (changed[:5], [(want[k], with_no_time[k]) for k in changed[:2]])


def test_latex_typesets_every_formula(files: list[tuple[str, list[Result]]]) -> None:
    """Each formula of a reason appears in the LaTeX as `$to_latex(formula)$`, each
    assignment as `$name = value$`, and the dollars pair up."""
    checked = 0
    for _, results in files:
        for r in results:
            why = r.verdict.reason
            if not why:
                continue
            tex = reason(why)
            assert tex.count("$") % 2 == 0, tex
            for seg in why.segments:
                if isinstance(seg, Formula):
                    assert f"${to_latex(seg.node)}$" in tex, (seg, tex)
                    checked += 1
                elif isinstance(seg, Assignments):
                    for name, value in seg.pairs:
                        if not isinstance(value, str):
                            assert f"${to_latex(name)} = {to_latex(value)}$" in tex
                            checked += 1
            # prose stays prose: no raw ASCII math survives outside math mode
            outside = tex.split("$")[::2]
            assert not any(">=" in part or "<=" in part for part in outside), tex
    assert checked >= 100


def test_render_visits_every_segment_in_order() -> None:
    r = because("a", parse_expr("n"), Ref("axiom", "x"),
                Assignments(((A.Name("b"), parse_expr("n^2")),)))
    out = render(r, lambda t: f"<{t}>", lambda e: f"[{to_text(e)}]", lambda ref: f"#{ref.name}")
    assert out == "<a>[n]#x[b = n²]"


# ---- the other commands -----------------------------------------------------------------

def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("a report called the parser")


@pytest.mark.parametrize(("left", "right", "assume"), [
    ("n^a", "n^2", ()), ("n^a", "n", ("a > 1", "a < 0")), ("f", "n", ()),
])
def test_compare_prints_its_typed_reason(left: str, right: str, assume: tuple[str, ...],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from rcproof.relation import compare

    found = compare(left, right, list(assume))  # reads the command line: parses
    assert isinstance(found.reason, Reason)
    monkeypatch.setattr(parser, "_parse_tree", _refuse)
    monkeypatch.setattr(lark.Lark, "parse", _refuse)
    text, doc, tex = str(found), json.loads(found.to_json()), found._repr_latex_()
    assert text.startswith(str(found.reason)) and doc["reason"] == str(found.reason)
    assert tex.count("$") == 2
