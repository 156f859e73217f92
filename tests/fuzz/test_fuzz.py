"""Fuzzing `rcproof verify`: random and mutated `.rc` text never crashes the checker.

Every input, however broken, must end in one of the documented exit statuses (0, 1, 2)
without a Python traceback; an input error (status 2) is reported with its location
(`file.rc:line:col: error: …`) or, for a file-level problem, as a line starting with
`error:`. Pathological but valid statements must end with a verdict within a bounded
time (a hang guard, not a performance assertion).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rcproof.cli import main
from rcproof.resources import library_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCATED = re.compile(r"\.rc:\d+:\d+: error:")
HANG_GUARD_S = 120  # generous: only a hang (or a runaway search) should ever reach it

TOKENS: list[str] = [
    "(", ")", "=", "O(", "o(", "Theta(", "Omega(", "omega(", "~", "forall", "in", "notin",
    "subset", "subsetneq", "not", "and", "or", "->", ".", ":", ",", ";", "where",
    "real", "fun", "family", "n", "d", "f", "g", "x", "RC(", "SMAT", "size", "depth",
    "log(0)", "sqrt(-n)", "n^(-n)", "1/0", "999999999999999999999", "0.000001", "-",
    "√", "∞", "é", "∈", "∉", "∀", "Θ", "\t", "\n", "{", "}", "^", "*", "/", "+",
    "theorem t:", "lemma l:", "import physics", "import \"nowhere.rc\"", "proof", "qed",
    "by auto", "have", "show", "exp(", "max(", "min(", "log(", "--", "\u200b", "\x00",
]

SNIPPETS: list[str] = [
    "lemma a: n = O(n^2)\n",
    "lemma b: log(n)^5 = o(sqrt(n))\nlemma c: n^2 - n = Theta(n^2)\n",
    "param eps : real where 0 < eps < 1\nlemma p: log(n)^3 = o(n^eps)\n",
    "import physics\nfamily F { size = n^2; depth = log(n) }\n"
    "theorem in: F in RC(n^(2/3))\ntheorem out: F notin RC(sqrt(n))\n",
    "import physics\ntheorem h:\n  forall d : real where d >= 2.\n"
    "  forall f, g : fun where f = o(g), f = Omega(n^(1/(d-1))).\n"
    "    RC(f, d) subsetneq RC(g, d)\n",
    "fun f, g\nlet lg = log(n)\nlemma q: lg^2 = O(n) -> n = O(n)\n",
    "theorem s: SMAT in RC(n)\n",  # unknown family: a located error
    "lemma e: exp(n) = omega(n^100)\nlemma m: max(n, n^2) = Theta(n^2)\n",
    "theorem p: n = O(n^2)\nproof\n  show n = O(n^2) by growth\nqed\n",
]


def _library_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(library_dir().glob("*.rc"))]


BASES: list[str] = _library_texts() + SNIPPETS
_counter = itertools.count()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every generated file of this module (names never repeat)."""
    return tmp_path_factory.mktemp("fuzz")


def _write(folder: Path, text: str) -> Path:
    path = folder / f"case{next(_counter)}.rc"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def _verify(path: Path, *extra: str) -> Result:
    return CliRunner().invoke(main, ["verify", str(path), "--budget", "1", *extra])


def _check(path: Path, text: str, *extra: str) -> None:
    """Verify inside a hypothesis example; the exit statuses show in its statistics."""
    result = _verify(path, *extra)
    event(f"exit status {result.exit_code}")
    _assert_well_behaved(result, text)


def _assert_well_behaved(result: Result, text: str) -> None:
    """The contract every input must meet, whatever it contains."""
    shown = f"input:\n{text[:2000]!r}\noutput:\n{result.output[-3000:]}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {type(result.exception).__name__}: {result.exception}\n{shown}")
    assert result.exit_code in (0, 1, 2), shown
    assert "Traceback" not in result.output, shown
    # An `error` verdict is a prover crash caught per theorem: a failure, not good behaviour.
    assert "internal error" not in result.output, shown
    assert '"status": "error"' not in result.output, shown
    if result.exit_code == 2:
        out = result.output.lstrip()
        assert LOCATED.search(out) or out.startswith("error:"), shown


# --------------------------------------------------------------------------- mutations

@st.composite
def mutated_sources(draw: st.DrawFn) -> str:
    """A base text (bundled library file or snippet) after 1–4 random mutations."""
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(
            ["delete", "insert", "dup_line", "swap_lines", "nest", "unicode"]))
        size = len(text)
        if kind == "delete" and size:
            start = draw(st.integers(0, size - 1))
            length = draw(st.integers(1, min(40, size - start)))
            text = text[:start] + text[start + length:]
        elif kind == "insert":
            at = draw(st.integers(0, size))
            token = draw(st.sampled_from(TOKENS))
            text = text[:at] + " " + token + " " + text[at:]
        elif kind in ("dup_line", "swap_lines"):
            lines = text.splitlines(keepends=True)
            if not lines:
                continue
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if kind == "dup_line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
        elif kind == "nest":
            at = draw(st.integers(0, size))
            text = text[:at] + "(" * 200 + "n" + ")" * 200 + text[at:]
        elif kind == "unicode":
            at = draw(st.integers(0, size))
            junk = draw(st.text(st.characters(min_codepoint=0x80, max_codepoint=0x2FFF,
                                              blacklist_categories=("Cs",)),
                                min_size=1, max_size=5))
            text = text[:at] + junk + text[at:]
    return text


token_soup = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40).map(" ".join)
statement_soup = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=15).map(
    lambda ts: "lemma fz: " + " ".join(ts) + "\n")

ATOMS: list[str] = [
    "n", "1", "2", "log(n)", "sqrt(n)", "exp(n)", "n^2", "n^(1/3)", "log(log(n))",
    "log(0)", "sqrt(-n)", "n^(-n)", "1/0", "999999999999999999999", "0.000001", "0",
    "√n", "n^n", "exp(-n)", "(n - n)", "log(1)", "max(n, log(n))", "min(1, n)",
]
RELATIONS: list[str] = ["O", "o", "Theta", "Omega", "omega"]


def _expressions(depth: int) -> st.SearchStrategy[str]:
    leaf = st.sampled_from(ATOMS)
    if depth == 0:
        return leaf
    sub = _expressions(depth - 1)
    return st.one_of(
        leaf,
        st.tuples(sub, st.sampled_from(["+", "-", "*", "/", "^"]), sub).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(st.sampled_from(["log", "sqrt", "exp"]), sub).map(
            lambda t: f"{t[0]}({t[1]})"),
    )


well_formed_lemmas = st.lists(
    st.tuples(_expressions(3), st.sampled_from(RELATIONS), _expressions(3)),
    min_size=1, max_size=3,
).map(lambda rows: "".join(f"lemma w{i}: {a} = {r}({b})\n"
                           for i, (a, r, b) in enumerate(rows)))

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(text=mutated_sources())
def test_mutated_sources_never_crash(workdir: Path, text: str) -> None:
    path = _write(workdir, text)
    _check(path, text)


@FUZZ
@given(text=token_soup)
def test_token_soup_never_crashes(workdir: Path, text: str) -> None:
    path = _write(workdir, text)
    _check(path, text)


@FUZZ
@given(text=statement_soup)
def test_random_statements_never_crash(workdir: Path, text: str) -> None:
    path = _write(workdir, text)
    _check(path, text, "--json")


@FUZZ
@given(text=well_formed_lemmas)
def test_well_formed_odd_statements_get_verdicts(workdir: Path, text: str) -> None:
    """Syntactically valid Landau relations over odd atoms reach the prover."""
    path = _write(workdir, text)
    _check(path, text, "--json")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_crashes(workdir: Path, text: str) -> None:
    path = _write(workdir, text)
    _check(path, text)


def test_invalid_utf8_is_an_input_error(workdir: Path) -> None:
    path = workdir / "latin1.rc"
    path.write_bytes("lemma caf\xe9: n = O(n)\n".encode("latin-1"))
    result = _verify(path)
    _assert_well_behaved(result, "<latin-1 bytes>")


def test_missing_file_is_an_input_error(workdir: Path) -> None:
    result = _verify(workdir / "does_not_exist.rc")
    _assert_well_behaved(result, "<missing>")
    assert result.exit_code == 2


# ------------------------------------------------------------------------ pathological

def _sum_of_n(terms: int) -> str:
    return "lemma x: " + " + ".join(["n"] * terms) + " = O(n)\n"


PATHOLOGICAL: list[tuple[str, str]] = [
    ("exp_tower", "lemma x: exp(exp(exp(exp(n)))) = O(exp(exp(exp(n))))\n"),
    ("sum_10000", _sum_of_n(10_000)),
    ("neg_power", "lemma x: n^(-n) = O(1)\n"),
    ("log_zero", "lemma x: log(0) = O(1)\n"),
    ("div_zero", "lemma x: 1/0 = O(n)\n"),
    ("sqrt_negative", "lemma x: sqrt(-n) = O(n)\n"),
    ("parens_1000", "lemma x: " + "(" * 1000 + "n" + ")" * 1000 + " = O(n)\n"),
    ("log_nest_300", "lemma x: " + "log(" * 300 + "n" + ")" * 300 + " = O(n)\n"),
    ("huge_numbers", "lemma x: 999999999999999999999 * n = O(0.000001 * n)\n"),
    ("huge_power", "lemma x: 999999999999999999999 ^ 999999999999999999999 = Omega(1)\n"),
    ("huge_exp", "lemma x: exp(999999999999999999999) = omega(log(log(n)))\n"),
    ("huge_exp_exp", "lemma x: exp(exp(999999999999999999999)) = O(exp(n^(1/3)))\n"),
    ("huge_root", "lemma x: log(n) = Theta((n^n * 999999999999999999999) ^ 0.000001)\n"),
]
MUST_NOT_PROVE = {"log_zero", "div_zero", "sqrt_negative"}


@pytest.mark.parametrize(("label", "text"), PATHOLOGICAL, ids=[p[0] for p in PATHOLOGICAL])
def test_pathological_input_ends_with_a_verdict(workdir: Path, label: str,
                                                 text: str) -> None:
    """A real process with a hang guard: a verdict or a located error, never a traceback."""
    path = _write(workdir, text)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                      env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "rcproof", "verify", "--json", "--budget", "1", str(path)],
        capture_output=True, text=True, timeout=HANG_GUARD_S, env=env, cwd=REPO_ROOT)
    shown = f"{label}: exit {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    assert "Traceback" not in proc.stdout + proc.stderr, shown
    assert proc.returncode in (0, 1, 2), shown
    if proc.returncode == 2:
        err = (proc.stderr + proc.stdout).lstrip()
        assert LOCATED.search(err) or err.startswith("error:"), shown
        return
    doc = json.loads(proc.stdout)
    statuses = [t["status"] for f in doc["files"] for t in f["theorems"]]
    assert statuses == [statuses[0]] and statuses[0] in {
        "proved", "refuted", "unknown", "vacuous"}, shown
    if label in MUST_NOT_PROVE:
        assert statuses[0] == "unknown", shown
