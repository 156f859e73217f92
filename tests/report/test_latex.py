"""`rcproof latex`: the bundled library renders to a document pdflatex compiles."""

from __future__ import annotations

import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_program
from rcproof.prover.run import Result
from rcproof.report.latex import escape, formula_lines, reason, render_document
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr, parse_prop
from rcproof.verify import verify_paths


@pytest.fixture(scope="module")
def library() -> tuple[list[tuple[str, list[Result]]], list]:
    return verify_paths([]), load_program([]).requested_files()


def _squash(text: str) -> str:
    return re.sub(r"[\s\-_]", "", text)


def test_escape_specials() -> None:
    assert escape("a_b 50% & #1 $x {y} ~ ^ \\") == (
        r"a\_b 50\% \& \#1 \$x \{y\} \~{} \^{} $\backslash$")
    assert escape("√n ∈ Θ(n²)") == r"$\surd$n $\in$ $\Theta$(n\textsuperscript{2})"


@pytest.mark.parametrize(("rel", "c_low"), [("O", None), ("omega", None),
                                            ("Theta", Fraction(1, 3))])
def test_certificate_from_data(rel: str, c_low: Fraction | None) -> None:
    """The certificate's text is `describe()`; its LaTeX typesets both inequalities."""
    from rcproof.growth.certificates import Certificate
    from rcproof.prover.tactics import certificate_reason

    cert = Certificate(rel, Fraction(3, 2), 40, c_low)
    typed = certificate_reason(cert)
    assert str(typed) == cert.describe()
    text = reason(typed)
    assert text.startswith(r"for all $n \ge 2^{40}$: $")
    assert r"\frac{3}{2}" in text and text.count("$") == 4


def test_long_formula_is_broken() -> None:
    p = parse_prop("forall C : family where depth(C) = O(n), size(C) = O(n^3). "
                   "depth(C) = O(n) and size(C) = O(n^3) and depth(C) = O(n^2) "
                   "and size(C) = O(n^4)")
    lines = formula_lines(p, width=40)
    assert len(lines) > 2
    assert lines[0].startswith(r"\forall")


def test_prose_superscripts_and_counterexample() -> None:
    from rcproof.report.latex import _counterexample, _scripts

    assert _scripts("NC^k and n^(1/(d-1)) in RC_d") == (
        r"NC\textsuperscript{k} and n\textsuperscript{1/(d-1)} in RC\textsubscript{d}")
    pairs = ((A.Name("f"), parse_expr("n^2*log(n)")),)
    assert _counterexample(pairs).startswith("$f = n^{2}")


def test_fragment_has_no_preamble(library) -> None:
    files, units = library
    text = render_document(files, units, fragment=True)
    assert r"\documentclass" not in text and r"\begin{document}" not in text
    assert r"\section*{Results}" in text


def test_only_selects_results(library) -> None:
    files, _units = library
    name = next(r.name for _, rs in files for r in rs)
    text = render_document(files, [], fragment=True, only={name})
    assert text.count(r"\paragraph{") == 1
    assert "Definitions" not in text


def test_proved_lemmas_hidden_unless_named(library) -> None:
    files, _ = library
    lemmas = [r.name for _, rs in files for r in rs
              if r.fact.kind == "lemma" and r.verdict.status == "proved"]
    if not lemmas:
        pytest.skip("the bundled library has no proved lemma")
    tex = escape(lemmas[0]).replace(r"\_", r"\_\allowbreak{}")
    assert tex not in render_document(files, [], fragment=True)
    assert tex in render_document(files, [], fragment=True, only={lemmas[0]})


def test_document_compiles_and_names_every_theorem(library, tmp_path: Path) -> None:
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    files, units = library
    text = render_document(files, units)
    assert text.startswith(r"\documentclass")
    packages = set(re.findall(r"\\usepackage(?:\[[^]]*\])?\{([^}]*)\}", text))
    assert packages == {"amsmath", "amssymb"}
    (tmp_path / "doc.tex").write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    assert (tmp_path / "doc.pdf").exists()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: compiled, but names not checked")
    subprocess.run(["pdftotext", "doc.pdf", "doc.txt"], cwd=tmp_path, check=True,
                   timeout=120)
    pdf_text = _squash((tmp_path / "doc.txt").read_text(encoding="utf-8", errors="replace"))
    shown = [r.name for _, rs in files for r in rs
             if not (r.fact.kind == "lemma" and r.verdict.status == "proved")]
    assert shown
    missing = [name for name in shown if _squash(name) not in pdf_text]
    assert not missing


def test_default_dimension_is_printed() -> None:
    from rcproof.resources import library_dir
    from rcproof.verify import verify_paths

    paths = [library_dir() / "transformers.rc"]
    files = verify_paths(paths)
    units = load_program(paths).requested_files()
    tex = render_document(files, units, fragment=True, only={"smat_in_rc"})
    assert r"\mathrm{SMAT} \in \mathrm{RC}_{3}(n^{2/3})" in tex


USABILITY = """\
import transformers
param D : real where D >= 2
theorem smat_tstar: tstar(SMAT(p = log(n)), 3) = Theta(n^(2/3) * log(n)^(2/3))
theorem general: forall d : real where d >= 2. tstar(SMAT, d) = Theta(n^(2/d))
theorem too_fast: SMAT in RC(sqrt(n), 5/2)
theorem depends: n^D = O(n^4)
theorem at_half: forall e : real where e > 0. n^e = O(n)
"""


def test_tstar_and_reasons_compile(tmp_path: Path) -> None:
    """tstar statements, fractional dimensions and reasons with formulas typeset and
    compile."""
    from rcproof.elaborate.loader import load_program
    from rcproof.prover.run import Session

    source = tmp_path / "u.rc"
    source.write_text(USABILITY, encoding="utf-8")
    program = load_program([source])
    session = Session(list(program.files.values()))
    files = [(u.path, session.run(u)) for u in program.requested_files()]
    text = render_document(files, program.requested_files())
    assert "t^{*}_{3}(\\mathrm{SMAT}(p = \\log n))" in text
    assert "\\mathrm{RC}_{5/2}" in text or "\\mathrm{RC}_{\\frac{5}{2}}" in text
    assert "Reason:" in text and "$" in text.split("Reason:")[1].split("\n")[0]
    _assert_compiles(text, tmp_path)


@pytest.mark.parametrize("terms", [60, 300])
@pytest.mark.parametrize("shape", ["{sum} = O(n^50)", "n^50 = omega({sum})",
                                   "{sum} = O(n^50) and n = O({sum})"])
def test_long_atoms_are_broken_and_compile(tmp_path: Path, terms: int, shape: str) -> None:
    """Review 3, F7: a 300-term sum made an `align*` line too wide for TeX ("Dimension
    too large"); long atoms now break before signs outside braces."""
    from rcproof.deep import run_deep
    from rcproof.elaborate.loader import load_program
    from rcproof.prover.run import Session
    from rcproof.report.latex import formula_lines
    from rcproof.syntax.parser import parse_prop

    total = " + ".join(f"n^({i}/7)*log(n)^{i % 5}" for i in range(1, terms + 1))
    statement = shape.format(sum=total)
    lines = run_deep(lambda: formula_lines(parse_prop(statement)))
    assert len(lines) > 1
    for line in lines:
        assert line.count("{") == line.count("}"), line
    source = tmp_path / "long.rc"
    source.write_text(f"theorem big: {statement}\n", encoding="utf-8")

    def document() -> str:  # the CLI runs on a big stack too (rcproof.deep)
        program = load_program([source])
        session = Session(list(program.files.values()))
        files = [(u.path, session.run(u)) for u in program.requested_files()]
        return render_document(files, program.requested_files())

    text = run_deep(document)
    _assert_compiles(text, tmp_path)


def _assert_compiles(text: str, folder: Path) -> None:
    """pdflatex compiles `text` (skipped where pdflatex is not installed)."""
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    (folder / "doc.tex").write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
        cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.parametrize("k", [13, 100, 10_000])
@pytest.mark.parametrize("head", [1, 66, 15])
def test_round_huge_constants_print_as_powers_of_ten(k: int, head: int) -> None:
    """A certificate constant like 66·10^9998 printed all its digits (review 6); an
    integer of 13 digits or more with 6 trailing zeros or more prints as m·10^k, exactly
    (read back, it is the same number); smaller numbers print as written."""
    from rcproof.syntax.notation import to_latex, to_text

    value = head * 10**k
    latex = to_latex(A.Num(Fraction(value)))
    text = to_text(A.Num(Fraction(value)))
    assert len(latex) < 40 and len(text) < 40, (latex, text)
    match = re.fullmatch(r"(?:(\d+) \\cdot )?10\^\{(\d+)\}", latex)
    assert match is not None, latex
    assert int(match.group(1) or 1) * 10 ** int(match.group(2)) == value
    assert to_latex(A.Num(Fraction(1, value))).startswith("\\frac{1}{")
    assert to_text(A.Num(Fraction(1_000_000))) == "1000000"


def test_a_round_denominator_is_bracketed() -> None:
    """x/2·10¹⁷ reads as (x/2)·10¹⁷ (review 8): the denominator m·10^k is bracketed after a
    slash, and is a plain \\frac denominator in display LaTeX."""
    from rcproof.syntax.notation import to_latex, to_text

    value = Fraction(138629436111989061, 2 * 10**17)
    assert to_text(A.Num(value)) == "138629436111989061/(2·10¹⁷)"
    assert to_latex(A.Num(value)) == "\\frac{138629436111989061}{2 \\cdot 10^{17}}"
