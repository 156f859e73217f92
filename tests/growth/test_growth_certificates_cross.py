"""A second, independently written family for certificates beyond monomials: random
sums over the bases 2, 3, 3/2, 4, 6 and e with negative log powers, read numerically by
Python's own evaluation (not the test's AST reader in test_growth_certificates_exp.py);
accepted certificates hold at many n ≥ N0, a smaller c, a larger c_low or a smaller N0
where the inequality fails numerically is rejected, false exponential inequalities are
never certified, compare and verify --json carry Tier 3 certificates."""

from __future__ import annotations

import json
import random
from fractions import Fraction as Q
from pathlib import Path

import mpmath
import pytest
from click.testing import CliRunner

from rcproof import budget
from rcproof.cli import main
from rcproof.growth import Certificate, certificate, check_certificate
from rcproof.syntax.parser import parse_expr as P

# (text, log of the base as a float): the bases the generator uses
_BASES = [("2^n", 0.6931), ("3^n", 1.0986), ("exp(n)", 1.0), ("(3/2)^n", 0.4055),
          ("4^n", 1.3863), ("6^n", 1.7918), ("1", 0.0)]
_POWERS = [Q(0), Q(1), Q(2), Q(1, 2), Q(-1), Q(10), Q(5, 2)]
_LOGS = [0, 1, 2, -1]


def _term(rng: random.Random) -> tuple[str, tuple[float, Q, int]]:
    base, rate = rng.choice(_BASES)
    a, c = rng.choice(_POWERS), rng.choice(_LOGS)
    text = f"{base}*n^({a})*log(n)^({c})"
    return text, (rate, a, c)


def _case(seed: int) -> tuple[str, str, Q]:
    """A random sum f of 1–4 exp-monomials with rational coefficients (the largest one
    positive), g its largest term alone, and lim f/g (the largest term's coefficient)."""
    rng = random.Random(seed)
    terms: dict[tuple[float, Q, int], tuple[str, Q]] = {}
    for _ in range(rng.randint(1, 4)):
        text, key = _term(rng)
        terms.setdefault(key, (text, Q(rng.choice([-7, -3, -1, 1, 2, 5, 100]),
                                        rng.choice([1, 2, 3]))))
    lead = max(terms)
    text, k = terms[lead]
    terms[lead] = (text, abs(k))
    f = " + ".join(f"({c})*{t}" for t, c in terms.values())
    return f, text, abs(k)


def _value(e: str, n: mpmath.mpf) -> mpmath.mpf:
    expr = e.replace("^", "**").replace("log(", "mpmath.log(").replace("exp(", "mpmath.exp(")
    return eval(expr, {"mpmath": mpmath, "n": n})  # test-only: our own generated text


def _holds_at(f: str, g: str, cert: Certificate, n: mpmath.mpf) -> bool:
    fv, gv = _value(f, n), _value(g, n)
    ok = fv <= mpmath.mpf(cert.c.numerator) / cert.c.denominator * gv
    if cert.c_low is not None:
        ok = ok and fv >= mpmath.mpf(cert.c_low.numerator) / cert.c_low.denominator * gv
    return bool(ok)


@pytest.mark.parametrize("seed", range(40))
def test_generated_exp_sums_get_checked_certificates(seed: int) -> None:
    f, g, _ = _case(seed)
    cert = certificate(P(f), P(g), "Theta")
    assert cert is not None, (f, g)
    assert check_certificate(P(f), P(g), cert)
    with mpmath.workdps(60):
        n0 = mpmath.mpf(2) ** cert.log2_n0
        for j in range(40):
            n = n0 * (1 + mpmath.mpf(j) / 7)
            assert _holds_at(f, g, cert, n), (f, g, cert, n)


@pytest.mark.parametrize("seed", range(40))
def test_mutated_exp_certificates_are_rejected(seed: int) -> None:
    f, g, k = _case(seed)
    cert = certificate(P(f), P(g), "Theta")
    assert cert is not None and cert.c_low is not None
    # a constant below the limit ratio (or a lower constant above it) is false eventually
    assert not check_certificate(P(f), P(g), Certificate("Theta", k * Q(9, 10), 40, cert.c_low))
    assert not check_certificate(P(f), P(g), Certificate("Theta", cert.c, 40, k * Q(11, 10)))
    # a smaller N0 where the inequality fails numerically is rejected
    with mpmath.workdps(60):
        for low in range(4, cert.log2_n0):
            points = [mpmath.mpf(2) ** low * (1 + mpmath.mpf(j) / 16)
                      for j in range(16 * (2 ** (cert.log2_n0 - low) - 1) + 1)][:400]
            if not all(_holds_at(f, g, cert, n) for n in points):
                assert not check_certificate(P(f), P(g),
                                             Certificate("Theta", cert.c, low, cert.c_low))


@pytest.mark.parametrize("f, g, rel", [
    ("2^(n+1) - 2^n", "2^n", "Theta"),
    ("max(2^n, n^100)", "2^n", "Theta"),
    ("n*exp(n) + n^5", "n*exp(n)", "O"),
    ("n^10", "2^n", "O"),
    ("n^10", "2^n", "o"),
    ("3^n", "2^n", "omega"),
    ("6^n", "2^n*3^n", "Theta"),
    ("exp(n)", "2^n", "omega"),
    ("exp(n)*n^(-3)", "(5/2)^n", "omega"),  # e > 5/2: separated by intervals
    ("n^2*2^n", "2^(n+2)*log(n)", "omega"),
])
def test_tier3_examples_get_certificates(f: str, g: str, rel: str) -> None:
    cert = certificate(P(f), P(g), rel)
    assert cert is not None
    assert check_certificate(P(f), P(g), cert)


def test_tight_n0_for_n10_against_2n() -> None:
    f, g = P("n^10"), P("2^n")
    cert = certificate(f, g, "O")
    assert cert is not None and cert.c == 1 and cert.log2_n0 == 6  # n^10 ≤ 2^n from n ≈ 59
    assert not check_certificate(f, g, Certificate("O", Q(1), 5))  # 32^10 = 2^50 > 2^32


def test_false_exponential_inequalities_are_never_certified() -> None:
    cases = [("3^n", "2^n", "O"), ("2^n", "3^n", "omega"), ("2^n", "n^100", "O"),
             ("exp(n)", "(27/10)^n", "O")]  # e > 2.7
    for f, g, rel in cases:
        assert certificate(P(f), P(g), rel) is None
        for k in (4, 40, 400, 1 << 20):
            assert not check_certificate(P(f), P(g), Certificate(rel, Q(1000), k) if rel != "omega"
                                         else Certificate(rel, Q(1), k))


def test_budget_exhaustion_is_refusal() -> None:
    f, g = P("(n + 2^n)^12"), P("2^(12*n)")
    with budget.budget_scope(budget.Budget(50)), pytest.raises(budget.BudgetExhausted):
        check_certificate(f, g, Certificate("O", Q(2), 40))
    # the finder turns an exhausted share into "no certificate" (never a hang)
    with budget.budget_scope(budget.Budget(200)):
        assert certificate(f, g, "O") is None


@pytest.mark.parametrize(("left", "right", "shown"), [
    ("2^(n+1) - 2^n", "2^n", "33/50 · g(n) <= f(n) <= 3/2 · g(n)"),
    ("n^10", "2^n", "f(n) <= 1 · g(n)"),
    ("3^n", "2^n", "f(n) >= 1 · g(n)"),
])
def test_compare_and_verify_json_carry_tier3_certificates(
        left: str, right: str, shown: str, tmp_path: Path) -> None:
    code, out = _run("compare", left, right)
    assert code == 0 and "Tier 3" in out and "certificate: for all n >= 2^" in out
    assert shown in out
    path = tmp_path / "t.rc"
    path.write_text(f"lemma a: {left} = Theta({right})\n"
                    if "33/50" in shown else
                    f"lemma a: {left} = {'o' if '<=' in shown else 'omega'}({right})\n")
    code, out = _run("verify", "--json", str(path))
    assert code == 0, out
    theorem = json.loads(out)["files"][0]["theorems"][0]
    assert theorem["status"] == "proved" and theorem["tiers"] == ["limit"]
    details = [s["detail"] for s in theorem["derivation"] if s["rule"] == "limit"]
    assert any(d and d.startswith("for all n >= 2^") and shown in d for d in details)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


_EXPONENTS = [Q(1, 2), Q(-1), Q(3, 2), Q(-1, 2), Q(1, 3), Q(-2)]


@pytest.mark.parametrize("seed", range(30))
def test_powers_of_sums_get_bounded_certificates(seed: int) -> None:
    """S^r for a generated sum S and rational r (not a natural number ≤ 16) is bounded by
    (K₁·T)^r and (K₂·T)^r past N0 (checkexp.power_bound): the certificate holds
    numerically at many n ≥ N0, and one with c below lim f/g = κ^r is rejected."""
    s, t, k = _case(seed)
    r = _EXPONENTS[seed % len(_EXPONENTS)]
    f, g = f"({s})^({r})", f"({t})^({r})"
    cert = certificate(P(f), P(g), "Theta")
    assert cert is not None and cert.c_low is not None, (f, g)
    assert check_certificate(P(f), P(g), cert)
    with mpmath.workdps(60):
        n0 = mpmath.mpf(2) ** cert.log2_n0
        for j in range(30):
            assert _holds_at(f, g, cert, n0 * (1 + mpmath.mpf(j) / 5)), (f, g, cert)
        limit = mpmath.power(mpmath.mpf(k.numerator) / k.denominator,
                             mpmath.mpf(r.numerator) / r.denominator)
    below = Q(int(limit * 900), 1000)
    if below > 0:
        assert not check_certificate(P(f), P(g), Certificate("Theta", below, 40, cert.c_low))
    above = Q(int(limit * 1100) + 1, 1000)
    assert not check_certificate(P(f), P(g), Certificate("Theta", cert.c, 40, above))


@pytest.mark.parametrize(("f", "g", "rel"), [
    ("sqrt(4^n + n)", "2^n", "Theta"),
    ("1/(2^n + 1)", "2^(-n)", "Theta"),
    ("2/(n^2 + n)", "n^(-2)", "Theta"),
    ("sqrt(n^100 + 2^n)", "2^(n/2)", "Theta"),
    ("(2^(n+1) + 2^n + n)^(1/2)", "2^(n/2)", "Theta"),  # a group of constant ratio: κ = 3
    ("(exp(n) + n)^(1/3)", "exp(n/3)", "O"),
])
def test_power_of_a_sum_examples(f: str, g: str, rel: str) -> None:
    cert = certificate(P(f), P(g), rel)
    assert cert is not None and check_certificate(P(f), P(g), cert)


@pytest.mark.parametrize("k", [4, 10, 40, 400])
def test_false_power_bounds_are_rejected(k: int) -> None:
    # √(4^n + 3^n) > 2^n and 1/(2^n − n) > 2^(−n) for every n: c = 1 is false everywhere
    assert not check_certificate(P("sqrt(4^n + 3^n)"), P("2^n"), Certificate("O", Q(1), k))
    assert not check_certificate(P("1/(2^n - n)"), P("2^(-n)"), Certificate("O", Q(1), k))
    assert not check_certificate(P("2^(-n)"), P("1/(2^n + n)"), Certificate("O", Q(1), k))
    # the argument is eventually negative: no bound, no certificate
    assert not check_certificate(P("sqrt(2^n - 3^n)"), P("2^n"), Certificate("O", Q(9), k))
    assert not check_certificate(P("1/(n - n^2)"), P("n^(-2)"), Certificate("O", Q(9), k))
