"""Hang guard (issue 13): the known pathological inputs finish under default budgets
with a verdict or an `unknown` naming what is missing (the budget, when it ran out).
Each runs in a real `rcproof` subprocess with a generous timeout: a guard against
hangs, not a speed assertion."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

TIMEOUT_S = 60
DECIDED = ("proved", "refuted")


def _rcproof(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rcproof", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=TIMEOUT_S)


def _finished(status: str, reason: str | None) -> bool:
    """A verdict, or an unknown that says why (the budget, when that is what ran out;
    a Tier 3 part outside the engine's reach is named as such)."""
    return status in DECIDED or (status == "unknown" and bool(reason))


def _sum(terms: int) -> str:
    return " + ".join(f"{i} * n^({i}/{terms})" for i in range(1, terms + 1))


CASES = {
    "tiny root": "theorem tiny: n^(1/10^9) = omega(1)\n"
                 "theorem tiny_log: n^(1/10^9) = omega(log(n))\n",
    "2,000-term sum": f"theorem big: {_sum(2000)} = Theta(n^2)\n",
    "three hard parts": "theorem three: log(exp(n) + 1) = Theta(n) and n^(1/n) = Theta(1)"
                        " and log(n)^log(n) = omega(n^5)\n",
}


@pytest.mark.parametrize("label", sorted(CASES))
@pytest.mark.parametrize("flags", [["--json"], ["--json", "--no-cache"]])
def test_verify_json_finishes(tmp_path: Path, label: str, flags: list[str]) -> None:
    (tmp_path / "case.rc").write_text(CASES[label], encoding="utf-8")
    done = _rcproof(["verify", *flags, "case.rc"], tmp_path)
    assert done.returncode in (0, 1), done.stderr
    theorems = [t for f in json.loads(done.stdout)["files"] for t in f["theorems"]]
    assert theorems
    for t in theorems:
        assert _finished(t["status"], t.get("reason")), (label, t["name"], t["status"],
                                                         t.get("reason"))


@pytest.mark.parametrize(("left", "right"), [("n^(1/10^9)", "1"), ("n^(1/10^9)", "log(n)"),
                                             ("n^(10^9)", "n"), ("log(n)^(10^9/7)", "n")])
def test_compare_finishes(tmp_path: Path, left: str, right: str) -> None:
    done = _rcproof(["compare", left, right], tmp_path)
    first = done.stdout.splitlines()[0]
    assert done.returncode == (1 if first.startswith("undecided") else 0), done.stderr
    assert not first.startswith("undecided") or "budget" in first, done.stdout


def test_a_small_budget_gives_unknowns_naming_it(tmp_path: Path) -> None:
    """The bundled library under `--budget 0.1` (100,000 units per theorem): whatever is
    not decided any more is unknown naming the budget; nothing else changes."""
    full = _rcproof(["verify", "--json", "--no-cache"], tmp_path)
    small = _rcproof(["verify", "--json", "--no-cache", "--budget", "0.1"], tmp_path)
    before = {t["name"]: t["status"] for f in json.loads(full.stdout)["files"]
              for t in f["theorems"]}
    for f in json.loads(small.stdout)["files"]:
        for t in f["theorems"]:
            if t["status"] != before[t["name"]]:
                assert t["status"] == "unknown", t
                # its own budget, or that of a fact its proof relies on
                assert "budget exhausted" in (t.get("reason") or ""), t


HUGE = ["exp(exp(999999999999999999999))", "exp(999999999999999999999)^2",
        "2^(2^(999999999999999999999))"]


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize("shape", ["{c} + sqrt(2) + n", "({c} + log(3)) * n", "{c} - {c} + n",
                                   "n^({c} + sqrt(2))"])
def test_huge_constants_in_sums_finish(tmp_path: Path, huge: str, shape: str) -> None:
    """Printing a sum of constants with sympy's default order evaluated exp(exp(10^21))
    numerically (found by the fuzz test): every such comparison finishes."""
    left = shape.format(c=huge)
    done = _rcproof(["compare", left, "n"], tmp_path)
    assert done.returncode in (0, 1), done.stderr


@pytest.mark.parametrize("statement", [
    "forall b : real where a < b < 1. n^a = o(n^(b^2))",
    "forall b : real where a < b. n^a = o(n^(b*b))",
    "forall b : real where a < b < 1. log(n)^a = o(log(n)^(b^2))",
])
def test_nonlinear_uniform_refutation_finishes(tmp_path: Path, statement: str) -> None:
    """Review 4: z3's quantifier elimination ignored the rlimit on nonlinear exponents;
    the uniform refutation over fixed unknowns now runs on linear queries only."""
    path = tmp_path / "h.rc"
    path.write_text(f"param a : real where 0 < a < 1\ntheorem t: {statement}\n",
                    encoding="utf-8")
    done = _rcproof(["verify", "--no-cache", str(path)], tmp_path)
    assert done.returncode in (0, 1) and " t " in done.stdout, done.stderr


@pytest.mark.parametrize("seed", ["2", "4", "6"])
@pytest.mark.parametrize("statement", [
    "(10^10000 + 1)^n = omega(1)", "(1 + 10^(-(10^4)))^n = o(exp(n))",
    "log(10^8000 + 7) * n = Theta(n)"])
def test_huge_integers_finish_under_every_hash_seed(tmp_path: Path, seed: str,
                                                    statement: str) -> None:
    """sympy's assumption system may test a huge integer for primality on the way to an
    unrelated fact, in an order set by the hash seed (review 7: 0.6 s or over 100 s for
    the same input); rcproof.runtime.guard_sympy_primality answers such questions
    'unknown'. A hang guard under several seeds, not a speed assertion."""
    import os

    (tmp_path / "case.rc").write_text(f"theorem t: {statement}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "rcproof", "verify", "--json", "--no-cache",
                           "case.rc"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=TIMEOUT_S, env={**os.environ, "PYTHONHASHSEED": seed})
    (theorem,) = [t for f in json.loads(done.stdout)["files"] for t in f["theorems"]]
    assert _finished(theorem["status"], theorem.get("reason")), theorem


def test_the_primality_guard_keeps_small_answers() -> None:
    import sympy

    from rcproof.runtime import PRIMALITY_BITS, guard_sympy_primality

    guard_sympy_primality(sympy)
    assert sympy.Integer(97).is_prime is True and sympy.Integer(91).is_prime is False
    huge = sympy.Integer(2) ** (PRIMALITY_BITS + 7) + 1
    assert huge.is_prime is None and huge.is_composite is None and huge.is_positive


@pytest.mark.parametrize("source", [
    "param a : real where 1 < a < 2\ntheorem t: a^n = O(exp(n/2))\n",
    "theorem t: forall a, b : real where 0 < a < 1, 0 < b < 1, a + b > 1.9. "
    "(a*b)^n = o(exp(-n/2))\n",
    "theorem t: forall a : real where 1 < a < 2. a^n = omega(exp(n/2))\n"])
def test_parameter_sign_rules_do_not_loop(tmp_path: Path, source: str) -> None:
    """The sign rules for parameters called each other for ever (review 8): a log-sum
    rule through a product minus 1, a difference through logarithms. A hang guard."""
    (tmp_path / "case.rc").write_text(source, encoding="utf-8")
    done = _rcproof(["verify", "--json", "--no-cache", "case.rc"], tmp_path)
    (theorem,) = [t for f in json.loads(done.stdout)["files"] for t in f["theorems"]]
    assert _finished(theorem["status"], theorem.get("reason")), theorem
