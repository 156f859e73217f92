"""Issue 12, "Commands": what blocked a new user, one test family per repro."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rcproof.cli import main

USER = """\
import physics
family Known { size = O(n^2); depth = log(n) }
family Big { size = Omega(n^3); depth = log(n) }
family CoT(T = 1) { size = T * n^2; depth = T }
family Mix(k = 1) { size = n^2 * k; depth = log(n) }
class Fast(f, d = 3) {
  exists t {
    t = O(f)        -- budget
    depth = O(t)    -- causality
    size = O(t^d)   -- volume
  }
}
"""

ALONE = """\
-- no physics: the only class of the RC shape is the user's own
family Wide { size = n^3; depth = n }
class Slow(g, dim = 2) {
  exists t {
    t = O(g)            -- budget
    depth = O(t)        -- causality
    size = O(t^dim)     -- volume
  }
}
"""


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def user(tmp_path: Path) -> Path:
    path = tmp_path / "user.rc"
    path.write_text(USER, encoding="utf-8")
    return path


# ---- --dim ------------------------------------------------------------------------------

@pytest.mark.parametrize("dim", ["0", "1", "-1", "1/2", "d+1", "0.5", "n", "2*d", "3/2",
                                 "x y", "log(3)"])
@pytest.mark.parametrize("command", ["bound", "table", "plot"])
def test_bad_dimension_is_an_input_error(command: str, dim: str, tmp_path: Path) -> None:
    option = "--dims" if command == "table" else "--dim"
    args = {"bound": ["bound", "transformers", "SMAT"], "table": ["table", "zoo"],
            "plot": ["plot", "zoo", "RNN", "-o", str(tmp_path / "p.png")]}[command]
    code, out = run(*args, f"{option}={dim}")
    assert code == 2, out
    assert "a dimension is a number >= 2" in out


@pytest.mark.parametrize(("dim", "time"), [("2", "Θ(n)"), ("3", "Θ(n^(2/3))"),
                                           ("5/2", "Θ(n^(4/5))"), ("2.5", "Θ(n^(4/5))"),
                                           ("4", "Θ(√n)")])
def test_good_dimensions(dim: str, time: str) -> None:
    code, out = run("bound", "transformers", "SMAT", "--dim", dim)
    assert code == 0, out
    assert f"= {time}" in out


# ---- folders, errors, standard input ------------------------------------------------------

@pytest.mark.parametrize("bad", range(4))
def test_one_bad_file_in_a_folder(bad: int, tmp_path: Path) -> None:
    """The error is reported, every other file is verified, and the exit status is 2."""
    for i in range(4):
        text = f"lemma l{i}: n^{i} = o(n^{i + 1})\n"
        if i == bad:
            text = f"lemma l{i}: n^{i} = o(n^\n"
        (tmp_path / f"f{i}.rc").write_text(text, encoding="utf-8")
    code, out = run("verify", str(tmp_path), "--lemmas")
    assert code == 2
    assert f"f{bad}.rc:2:1: error" in out or f"f{bad}.rc:1:" in out
    for i in range(4):
        if i != bad:
            assert f"l{i} " in out
    assert "3 proved" in out
    code, out = run("verify", str(tmp_path), "--json")
    doc = json.loads(out[:out.rindex("}") + 1])
    assert code == 2 and doc["summary"]["proved"] == 3
    assert [e["path"].endswith(f"f{bad}.rc") for e in doc["errors"]] == [True]


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_folders_recurse(depth: int, tmp_path: Path) -> None:
    folder = tmp_path.joinpath(*[f"sub{i}" for i in range(depth)])
    folder.mkdir(parents=True)
    (folder / "deep.rc").write_text("lemma deep: n = o(n^2)\n", encoding="utf-8")
    code, out = run("verify", str(tmp_path), "--lemmas")
    assert code == 0 and "deep" in out and "1 proved" in out


def test_folder_without_rc_files_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a module\n", encoding="utf-8")
    code, out = run("verify", str(tmp_path))
    assert code == 2 and "no .rc files" in out


@pytest.mark.parametrize(("text", "status", "code"), [
    ("lemma a: n = o(n^2)\n", "proved", 0),
    ("lemma a: n^2 = O(n)\n", "refuted", 1),
    ("import physics\nfamily F { size = n; depth = 1 }\ntheorem a: F in RC(n)\n", "proved", 0),
])
def test_dash_reads_standard_input(text: str, status: str, code: int) -> None:
    got, out = run("verify", "-", "--lemmas", stdin=text)
    assert got == code and "<stdin>" in out and status in out


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.rc"
    path.write_bytes("\ufefflemma a: n = o(n^2)\n".encode())
    code, out = run("verify", str(path), "--lemmas")
    assert code == 0 and "proved" in out


# ---- compare -------------------------------------------------------------------------------

@pytest.mark.parametrize(("left", "right", "rel"), [
    ("-log(1 - 1/n)", "1/n", "~"),
    ("-n + n^2", "n^2", "~"),
    ("n^2", "-(1 - n)", "omega"),
    ("log(n)", "n", "o"),
])
def test_compare_expressions_starting_with_minus(left: str, right: str, rel: str) -> None:
    code, out = run("compare", left, right, "--json")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["relation"] == rel
    assert {"left", "right", "statement", "tier", "certificate", "reason"} <= set(doc)


def test_compare_json_with_assumption() -> None:
    code, out = run("compare", "n^d", "n^2", "--assume", "d >= 3", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["relation"] == "omega" and doc["tier"] == "smt"
    assert doc["assumptions"] == ["d >= 3"]


# ---- table, plot and bound with instances, --param, --class ----------------------------------

@pytest.mark.parametrize(("family", "params", "t3"), [
    ("CoT(T = n)", (), "Θ(n)"),
    ("CoT", ("--param", "T=n"), "Θ(n)"),
    ("CoT(T = log(n))", (), "Θ(n^(2/3)·log(n)^(1/3))"),
    ("CoT(T = n)", ("--param", "T=log(n)"), "Θ(n)"),  # the instance's own argument wins
    ("Mix(k = n)", (), "Θ(n)"),
])
def test_table_and_bound_accept_instances(user: Path, family: str, params: tuple[str, ...],
                                          t3: str) -> None:
    code, out = run("table", str(user), "--families", family, "--dims", "3", *params)
    assert code == 0 and t3 in out, out
    code, out = run("bound", str(user), family, *params)
    assert code == 0 and f"t*_3 = {t3}" in out, out


def test_plot_accepts_instances(user: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out_png = tmp_path / "p.png"
    code, out = run("plot", str(user), "CoT(T = n)", "CoT", "--param", "T=log(n)",
                    "-o", str(out_png))
    assert code == 0 and out_png.stat().st_size > 0, out


@pytest.mark.parametrize("bad", ["CoT(n)", "CoT(S = n)", "2*CoT", "NoSuch"])
def test_bad_instances_are_input_errors(user: Path, bad: str) -> None:
    code, out = run("bound", str(user), bad)
    assert code == 2 and "error" in out


@pytest.mark.parametrize(("cls", "expect"), [
    (None, "RC(n, d = 3)"), ("RC", "RC(n, d = 3)"), ("Fast", "Fast(n, d = 3)")])
def test_bound_for_any_rc_shaped_class(user: Path, cls: str | None, expect: str) -> None:
    extra = ("--class", cls) if cls else ()
    code, out = run("bound", str(user), "CoT(T = n)", *extra)
    assert code == 0 and f"smallest {expect.split('(')[0]} class: {expect}" in out, out


def test_a_users_class_without_physics(tmp_path: Path) -> None:
    path = tmp_path / "alone.rc"
    path.write_text(ALONE, encoding="utf-8")
    code, out = run("bound", str(path), "Wide")
    assert code == 0 and "Slow(n^(3/2), d = 2)" in out, out
    code, out = run("table", str(path), "--dims", "2,3")
    assert code == 0 and "Θ(n^(3/2))" in out


@pytest.mark.parametrize("cls", ["Nope", "CoT", "physics"])
def test_class_that_is_not_rc_shaped(user: Path, cls: str) -> None:
    code, out = run("bound", str(user), "CoT", "--class", cls)
    assert code == 2 and "class" in out


@pytest.mark.parametrize(("dim", "volume", "area"), [
    ("3", "Θ(n²)", "Θ(n^(4/3))"), ("2", "Θ(n²)", "Θ(n)"), ("4", "Θ(n²)", "Θ(n^(3/2))")])
def test_bound_prints_volume_and_boundary(dim: str, volume: str, area: str) -> None:
    code, out = run("bound", "transformers", "SMAT", "--dim", dim)
    assert code == 0
    assert f"volume {volume}, boundary area {area}" in out


@pytest.mark.parametrize(("family", "cls", "interval"), [
    ("Known", "RC", "Ω(√n) … O(n^(2/3))"),
    ("Known", "Fast", "Ω(log(n)) … O(n^(2/3))"),
    ("Big", "RC", "Ω(n) … O(?)"),
])
def test_family_known_by_bounds_gets_an_interval(user: Path, family: str, cls: str,
                                                 interval: str) -> None:
    code, out = run("bound", str(user), family, "--class", cls)
    assert code == 0 and f"t*_3 = {interval}" in out, out
    assert "undetermined" not in out


# ---- latex ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["nosuch", "smat_ot", ""])
def test_latex_unknown_theorem_is_an_input_error(name: str) -> None:
    code, out = run("latex", "transformers", "--theorem", name)
    assert code == 2 and "no theorem named" in out


@pytest.mark.parametrize("module", ["transformers", "zoo"])
def test_latex_fragment_is_only_what_was_asked(module: str) -> None:
    code, full = run("verify", module, "--json", "--lemmas")
    names = [t["name"] for f in json.loads(full)["files"] for t in f["theorems"]
             if t["kind"] == "theorem"]
    code, out = run("latex", module, "--fragment", "--theorem", names[0])
    assert code == 0
    assert "\\section" not in out and "\\documentclass" not in out
    assert out.count("\\paragraph{Theorem") == 1
    assert names[0].replace("_", "\\_\\allowbreak{}") in out


def test_latex_section_titles_are_module_names(tmp_path: Path) -> None:
    path = tmp_path / "mine.rc"
    path.write_text("theorem a: n = o(n^2)\n", encoding="utf-8")
    code, out = run("latex", str(path), "zoo")
    assert code == 0
    assert str(tmp_path) not in out
    assert "\\subsection*{\\texttt{zoo}}" in out
    assert "\\subsection*{\\texttt{mine.rc}}" in out


# ---- a symbolic family parameter splits like a symbolic dimension ---------------------------

PARAMS = """\
import physics
param a : real where 0 < a < 2
param b : real where b > 0
family Mix(k = 1) { size = n^2 * k; depth = k }
"""


@pytest.mark.parametrize(("param", "dim", "cases"), [
    ("a", "3", ["Θ(n^(2/3 + a/3))  for every 0 < a <= 1", "Θ(n^a)  for every 1 <= a < 2"]),
    ("b", "3", ["Θ(n^(2/3 + b/3))  for every 0 < b <= 1", "Θ(n^b)  for every b >= 1"]),
    ("b", "2", ["Θ(n^(1 + b/2))  for every 0 < b <= 2", "Θ(n^b)  for every b >= 2"]),
])
def test_bound_splits_on_a_declared_parameter(tmp_path: Path, param: str, dim: str,
                                              cases: list[str]) -> None:
    path = tmp_path / "p.rc"
    path.write_text(PARAMS, encoding="utf-8")
    code, out = run("bound", str(path), "Mix", "--param", f"k=n^{param}", "--dim", dim)
    assert code == 0, out
    assert f"depends on {param}:" in out
    for case in cases:
        assert case in out and "kernel: proved, tight: proved" in out


def test_undeclared_parameter_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "p.rc"
    path.write_text(PARAMS, encoding="utf-8")
    code, out = run("bound", str(path), "Mix", "--param", "k=n^c")
    assert code == 2 and "unknown name 'c'" in out


@pytest.mark.parametrize(("dim", "text", "tex"), [("5/2", "t*_{5/2}", "$t^*_{5/2}$"),
                                                  ("3", "t*_3", "$t^*_{3}$"),
                                                  ("2.5", "t*_{5/2}", "$t^*_{2.5}$")])
def test_fractional_dimension_subscripts(dim: str, text: str, tex: str) -> None:
    code, out = run("bound", "transformers", "SMAT", "--dim", dim)
    assert code == 0 and f"  {text} = " in out
    code, out = run("table", "transformers", "--dims", dim, "--format", "latex")
    assert code == 0 and tex in out


@pytest.mark.parametrize(("dim", "floor"), [("2", "n"), ("3", "n^(1/2)"), ("4", "n^(1/3)")])
def test_the_floor_comes_from_the_class(dim: str, floor: str) -> None:
    """No law is known in Python: the plot's floor is read off the class's laws."""
    from fractions import Fraction

    from rcproof.elaborate.loader import load_program
    from rcproof.realization import floor as class_floor
    from rcproof.resources import library_dir
    from rcproof.syntax import ast as A
    from rcproof.syntax.notation import to_text

    unit = load_program([library_dir() / "zoo.rc"]).requested_files()[0]
    found = class_floor(unit, A.Num(Fraction(dim)))
    assert found is not None and to_text(found[0]) == floor and found[1] == ("flux",)


def test_a_class_without_a_resource_free_law_has_no_floor(tmp_path: Path) -> None:
    from rcproof.elaborate.loader import load_program
    from rcproof.realization import floor as class_floor
    from rcproof.syntax import ast as A

    path = tmp_path / "alone.rc"
    path.write_text(ALONE, encoding="utf-8")
    unit = load_program([path]).requested_files()[0]
    assert class_floor(unit, A.Num(2)) is None


@pytest.mark.parametrize("command", ["table", "plot"])
def test_issue_instances_in_table_and_plot(command: str, tmp_path: Path) -> None:
    """The issue's repro: `SMAT(p = log(n))` from the bundled transformers module."""
    if command == "plot":
        pytest.importorskip("matplotlib")
        code, out = run("plot", "transformers", "SMAT(p = log(n))", "SMAT",
                        "-o", str(tmp_path / "p.png"))
        assert code == 0 and (tmp_path / "p.png").stat().st_size > 0
        return
    code, out = run("table", "transformers", "--families", "SMAT(p = log(n)), SMAT",
                    "--dims", "3")
    assert code == 0
    assert "SMAT(p = log(n))  Θ(n^(2/3)·log(n)^(2/3))" in out


# ---- a class whose law without the time budget excludes the family ----------------------

CAPPED = """\
import physics
class Capped(f, d = 3) {{
  exists t {{
    t = O(f)
    depth = O(t)
    size = O(t^d)
    {cap}
  }}
}}
family F {{ size = {size}; depth = log(n) }}
"""


@pytest.mark.parametrize(("cap", "size", "excluded"), [
    ("size = O(n)", "n^2", True),
    ("size = O(n*log(n))", "n^(3/2)", True),
    ("depth = O(1)", "n", True),
    ("size = O(n^3)", "n^2", False),
    ("size = O(n)", "n", False),
    ("depth = O(log(n))", "n^2", False),
])
def test_a_family_no_class_instance_holds_is_said_so(tmp_path: Path, cap: str, size: str,
                                                    excluded: bool) -> None:
    """`bound` and `table` say "no realization" only when the kernel proves the family is
    in no class instance at that dimension; otherwise the smallest class, proved."""
    path = tmp_path / "capped.rc"
    path.write_text(CAPPED.format(cap=cap, size=size), encoding="utf-8")
    code, out = run("bound", str(path), "F", "--class", "Capped")
    if excluded:
        assert code == 1 and "none (no realization)" in out and "kernel: proved" in out, out
        assert "smallest" not in out
    else:
        assert code == 0 and "(kernel: proved)" in out and "refuted" not in out, out
    code, out = run("table", str(path), "--class", "Capped", "--dims", "3")
    assert ("none (no realization)" in out) == excluded, out


@pytest.mark.parametrize(("cap", "size", "excluded"), [
    ("size = O(n)", "Omega(n^2)", True),
    ("size = O(n)", "omega(n)", True),
    ("size = O(n*log(n))", "Theta(n^2)", True),
    ("size = O(n)", "O(n^2)", False),
    ("size = O(n^2)", "Omega(n)", False),
])
def test_a_family_known_by_bounds_in_no_class_is_said_so(tmp_path: Path, cap: str,
                                                         size: str, excluded: bool) -> None:
    """Review 4: a family known only by bounds whose lower bound breaks a law without
    the time budget has no realization; `Ω(…) … O(?)` would suggest it has one."""
    path = tmp_path / "capped.rc"
    path.write_text(CAPPED.format(cap=cap, size=size), encoding="utf-8")
    code, out = run("bound", str(path), "F", "--class", "Capped")
    assert ("none (no realization)" in out) == excluded, out
    if excluded:
        assert code == 1 and "kernel: proved" in out and "O(?)" not in out, out


@pytest.mark.parametrize(("resources", "expected"), [
    ("size = n; depth = 1; wires = Omega(n^4)", "Θ(√n)"),
    ("size = O(n); depth = 1; wires = Omega(n^4)", "Θ(√n)"),
    ("size = n^3; depth = log(n); fanout = O(n^9)", "Θ(n)"),
    ("size = Theta(n^3); depth = 1; energy = Omega(2^n)", "Θ(n)"),
])
def test_resources_no_law_mentions_do_not_hide_the_bound(tmp_path: Path, resources: str,
                                                         expected: str) -> None:
    """Review 6, F2: a resource outside every law (`wires`) known only by a lower bound
    made `bound` print `Ω(…) … O(?)`, while `verify` proved t* exactly."""
    path = tmp_path / "extra.rc"
    path.write_text(f"import physics\nfamily V {{ {resources} }}\n", encoding="utf-8")
    code, out = run("bound", str(path), "V")
    assert code == 0 and f"t*_3 = {expected}" in out and "O(?)" not in out, out
    code, out = run("table", str(path), "--dims", "3")
    assert "O(?)" not in out, out


@pytest.mark.parametrize(("option", "value"), [
    ("--dims", ""), ("--dims", "2,,3"), ("--dims", "3,"), ("--dims", ",2"),
    ("--families", "F,"), ("--families", ""), ("--families", "F,,F"),
])
def test_table_list_options_with_an_empty_item_are_errors(tmp_path: Path, option: str,
                                                          value: str) -> None:
    """Review 4: an empty item in --dims or --families is a typo: exit 2 with a hint,
    never a table with fewer columns or rows."""
    path = tmp_path / "capped.rc"
    path.write_text(CAPPED.format(cap="size = O(n)", size="n"), encoding="utf-8")
    code, out = run("table", str(path), "--class", "Capped", option, value)
    assert code == 2 and "empty item" in out and "hint:" in out, out


def test_csv_cells_are_never_blank(tmp_path: Path) -> None:
    """Review 3, F5: a case split, an undetermined bound or no realization is written
    out in CSV as in the text table; a single Θ argument stays a bare expression."""
    path = tmp_path / "t5.rc"
    path.write_text("import physics\nfamily B { size = n^3; depth = n }\n"
                    "family Cb { size = O(n^2); depth = 1 }\n"
                    "family A { size = n^2; depth = log(n) }\n", encoding="utf-8")
    code, out = run("table", str(path), "--dims", "2,d", "--format", "csv")
    import csv
    rows = {r[0]: r[1:] for r in csv.reader(out.splitlines()[1:])}
    assert code == 0 and all(cell for cells in rows.values() for cell in cells), out
    assert rows["A"] == ["n", "n^(2/d)"] and "d >= 3" in rows["B"][1], out
