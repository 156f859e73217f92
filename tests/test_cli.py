"""The command line as a user drives it: exit codes, JSON shape, each command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rcproof.cli import main
from rcproof.resources import library_dir


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_verify_bundled_library_all_proved() -> None:
    code, out = run("verify", "--json")
    assert code == 0, out
    doc = json.loads(out)
    summary = doc["summary"]
    assert set(summary) == {"proved", "refuted", "unknown", "axiom", "cited", "vacuous",
                            "error"}
    assert summary["proved"] >= 30
    assert summary["unknown"] == summary["refuted"] == summary["error"] == 0
    first = next(t for f in doc["files"] for t in f["theorems"])
    assert {"name", "line", "status", "statement", "reason", "counterexample",
            "ms"} <= set(first)


def test_verify_text_and_exit_one(tmp_path: Path) -> None:
    path = tmp_path / "f.rc"
    path.write_text("lemma ok: n = o(n^2)\nlemma wrong: n^2 = O(n)\n", encoding="utf-8")
    code, out = run("verify", str(path), "--lemmas")
    assert code == 1
    assert "proved" in out and "refuted" in out and "wrong" in out


def test_input_error_exit_two(tmp_path: Path) -> None:
    path = tmp_path / "bad.rc"
    path.write_text("import physics\nfamily SMAT { size = n^2; depth = log(n) }\n"
                    "theorem x: SMTA in RC(n)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 2
    assert "bad.rc:3:12: error: unknown family 'SMTA'" in result.output
    assert "did you mean 'SMAT'?" in result.output
    assert "Traceback" not in result.output


def test_import_cycle_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.rc").write_text('import "b.rc"\n', encoding="utf-8")
    (tmp_path / "b.rc").write_text('import "a.rc"\n', encoding="utf-8")
    code, out = run("verify", str(tmp_path / "a.rc"))
    assert code == 2
    assert "import cycle: a.rc -> b.rc -> a.rc" in out


def test_bound_constant_and_log_precision() -> None:
    transformers = str(library_dir() / "transformers.rc")
    code, out = run("bound", transformers, "SMAT")
    assert code == 0
    assert "t*_3 = Θ(n^(2/3))" in out and "volume" in out
    code, out = run("bound", transformers, "SMAT", "--param", "p=log(n)")
    assert "t*_3 = Θ(n^(2/3)·log(n)^(2/3))" in out
    code, out = run("bound", transformers, "SMAT", "--dim", "d")
    assert "t*_d = Θ(n^(2/d))" in out


def test_table_formats() -> None:
    zoo = str(library_dir() / "zoo.rc")
    code, out = run("table", zoo, "--format", "markdown")
    assert code == 0
    assert out.startswith("| family |") and "RNN" in out and "FlashAttention" in out
    code, out = run("table", zoo, "--format", "csv", "--dims", "3")
    assert out.splitlines()[0] == "family,t*_3"


def test_compare_reports_tier_and_certificate() -> None:
    code, out = run("compare", "n^2*log(n)", "n^(9/4)")
    assert code == 0
    assert "= o(n^(9/4))" in out and "Tier 1" in out and "certificate" in out
    code, out = run("compare", "n^(d/(d-1))", "n^(3/2)", "--assume", "d >= 3")
    assert "= O(n^(3/2))" in out and "Tier 2" in out


@pytest.mark.parametrize(("left", "right", "code"), [
    ("n", "n^2", 0), ("n - n", "n", 1), ("n^d", "n^2", 1), ("n^(", "n", 2)])
def test_compare_exit_status_is_zero_only_when_a_relation_is_shown(
        left: str, right: str, code: int) -> None:
    assert run("compare", left, right)[0] == code


def test_show_prints_docs() -> None:
    code, out = run("show", str(library_dir() / "physics.rc"))
    assert code == 0
    assert "class RC(f, d = 3) {" in out
    assert "-- RC_d(f): circuit families realizable" in out
    assert "size = O(t^d)" in out


def test_installed_script_runs_from_elsewhere(tmp_path: Path) -> None:
    exe = shutil.which("rcproof") or str(Path(sys.executable).parent / "rcproof")
    if not Path(exe).exists():
        import pytest

        pytest.skip("the rcproof script is not installed in this environment")
    done = subprocess.run([exe, "verify"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 unknown" in done.stdout


def test_plot_writes_png(tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
    out = tmp_path / "p.png"
    code, text = run("plot", str(library_dir() / "zoo.rc"), "RNN", "FlashAttention",
                     "-o", str(out))
    assert code == 0, text
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_latex_and_graph_commands(tmp_path: Path) -> None:
    out = tmp_path / "doc.tex"
    code, text = run("latex", str(library_dir() / "physics.rc"),
                     str(library_dir() / "transformers.rc"), "-o", str(out))
    assert code == 0, text
    doc = out.read_text(encoding="utf-8")
    assert doc.startswith("\\documentclass")
    assert "smat\\_in\\_rc" in doc.replace("\\allowbreak{}", "")
    code, text = run("latex", str(library_dir() / "transformers.rc"), "--fragment",
                     "--theorem", "smat_in_rc")
    assert code == 0 and "\\documentclass" not in text
    assert "smat\\_in\\_rc" in text.replace("\\allowbreak{}", "")
    assert "smat\\_tight" not in text.replace("\\allowbreak{}", "")
    code, text = run("graph", str(library_dir() / "scaling.rc"))
    assert code == 0 and text.startswith("digraph")


def test_cache_clear_and_no_cache() -> None:
    code, text = run("verify", str(library_dir() / "physics.rc"), "--no-cache")
    assert code == 0
    code, text = run("cache", "clear")
    assert code == 0 and "removed" in text


def test_jobs_two_matches_jobs_one() -> None:
    from rcproof.verify import verify_paths

    one = verify_paths([], jobs=1, use_cache=False)
    two = verify_paths([], jobs=2, use_cache=False)
    assert [(p, [(r.name, r.verdict.status, r.verdict.reason) for r in rs]) for p, rs in one] \
        == [(p, [(r.name, r.verdict.status, r.verdict.reason) for r in rs]) for p, rs in two]


def test_steps_show_the_derivation() -> None:
    code, out = run("verify", str(library_dir() / "transformers.rc"), "--steps", "--no-cache")
    assert code == 0
    assert "[unfold, causality vs budget; volume vs budget; flux vs budget]" in out
    assert "[growth; for all n >= 2^" in out


def test_bundled_module_names_work_as_paths() -> None:
    code, out = run("verify", "zoo")
    assert code == 0 and "RNN" in out
    code, out = run("bound", "transformers", "SMAT")
    assert code == 0 and "t*_3 = Θ(n^(2/3))" in out
    code, out = run("verify", "zooo")
    assert code == 2 and "did you mean 'zoo'?" in out


def test_bound_symbolic_dimension_case_split() -> None:
    code, out = run("bound", "zoo", "SparseAttention", "--dim", "d")
    assert code == 0, out
    assert "Θ(n^(1/(d - 1)))  for every 2 <= d <= 3  (binding law: flux" in out
    assert "Θ(n^(3/(2·d)))  for every d >= 3  (binding law: volume" in out


def test_table_symbolic_dimension() -> None:
    code, out = run("table", "zoo", "--dims", "d", "--families", "SparseAttention,RNN")
    assert code == 0
    assert "Θ(n^(1/(d - 1))) [flux] 2 <= d <= 3; Θ(n^(3/(2·d))) [volume] d >= 3" in out
    assert "Θ(n) [causality]" in out


def test_json_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.rc"
    path.write_text("lemma x: n = O(m)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "--json", str(path)])
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["error"]["line"] == 1 and doc["error"]["column"] == 16
    assert doc["error"]["message"] == "unknown name 'm'"


@pytest.mark.parametrize(("left", "right"), [("n", "n^2"), ("n^d", "n^2"), ("2", "3")])
def test_contradictory_assumptions_are_vacuous_whatever_the_expressions(
        left: str, right: str) -> None:
    """Review 3, F9: `d > 3` and `d < 2` admit no value, whether or not E1, E2 use d."""
    code, out = run("compare", left, right, "--assume", "d > 3", "--assume", "d < 2",
                    "--json")
    assert code == 1 and json.loads(out)["vacuous"] is True, out


@pytest.mark.parametrize("assumption", ["n > 2", "d < n", "n == 3"])
def test_an_assumption_on_n_is_an_input_error(assumption: str) -> None:
    code, out = run("compare", "n^d", "n", "--assume", assumption)
    assert code == 2 and "asymptotic variable" in out, out


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e9", "0", "abc"])
def test_a_budget_out_of_range_is_a_usage_error(value: str, tmp_path: Path) -> None:
    """Review 5, F1: `--budget nan` passed click's range check and crashed."""
    path = tmp_path / "t.rc"
    path.write_text("theorem t: n = O(n)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(path), "--budget", value])
    assert result.exit_code == 2 and "internal error" not in result.output
    assert "Invalid value for '--budget'" in result.output, result.output
