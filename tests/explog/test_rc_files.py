"""Issue-15 statements checked through `.rc` text, as `rcproof verify` checks them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from rcproof.cli import main

LEMMAS = {
    "log_sum": ("log(exp(n) + 1) = Theta(n)", "proved"),
    "shift2": ("2^(n+1) - 2^n = Theta(2^n)", "proved"),
    "shifte": ("exp(n) - exp(n-1) = Theta(exp(n))", "proved"),
    "logs23": ("log(2^n + 3^n) = Theta(n)", "proved"),
    "maxi": ("max(2^n, n^100) = Theta(2^n)", "proved"),
    "euler": ("(1 + 1/n)^n ~ exp(1)", "proved"),
    "euler3": ("(1 + 3/n)^n ~ exp(3)", "proved"),
    "root": ("n^(1/log(n)) ~ exp(1)", "proved"),
    "swap": ("2*n*exp(n) ~ n*exp(n)*2", "proved"),
    "far": ("exp(n + 1000) ~ exp(n)", "refuted"),
    "wrong1": ("(n^(1+1/n) - n)*exp(exp(n)) = omega(log(n)*exp(exp(n)))", "refuted"),
    "right1": ("(n^(1+1/n) - n)*exp(exp(n)) = O(log(n)*exp(exp(n)))", "proved"),
    "tilde1": ("(n^(1+1/n) - n)*exp(exp(n)) ~ log(n)*exp(exp(n))", "proved"),
    "wrong2": ("(n^(2+1/n) - n^2)*2^(2^n) = omega(n*log(n)*2^(2^n))", "refuted"),
    "tilde3": ("(n^(1+1/n) - n)*(exp(n) + n) ~ log(n)*(exp(n) + n)", "proved"),
}


def test_issue_15_lemmas(check: Callable[[str], dict]) -> None:  # type: ignore[type-arg]
    text = "\n".join(f"lemma {name}: {stmt}" for name, (stmt, _) in LEMMAS.items())
    results = check(text)
    got = {name: results[name].verdict.status for name in LEMMAS}
    assert got == {name: want for name, (_, want) in LEMMAS.items()}
    assert "limit" in results["log_sum"].verdict.tiers


def test_by_limit_tactic(check: Callable[[str], dict]) -> None:  # type: ignore[type-arg]
    results = check("theorem t: log(exp(n) + 1) = Theta(n)\nproof\n"
                    "  show log(exp(n) + 1) = Theta(n) by limit\nqed\n")
    assert results["t"].verdict.status == "proved"


def test_verify_command_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "x.rc"
    path.write_text("lemma x: log(exp(n) + 1) = Theta(n)\n"
                    "lemma y: exp(n + 1000) ~ exp(n)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(path), "--lemmas", "--no-cache"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any("proved" in line and " x" in line for line in lines), result.output
    assert any("refuted" in line and " y" in line for line in lines), result.output
