"""Certificates: hand cases, wording, the independent checker's refusals."""

from __future__ import annotations

from fractions import Fraction as Q

import pytest

from rcproof.growth import Certificate, certificate, check_certificate, describe
from rcproof.growth.check import Unsupported, normalize
from rcproof.syntax.parser import parse_expr as P


@pytest.mark.parametrize("f, g, rel", [
    ("n^2 + 100*n", "n^2", "Theta"),
    ("n", "n^2", "o"),
    ("n^2", "n", "omega"),
    ("log(n)^100", "n^(1/100)", "o"),
    ("n*log(log(n))", "n", "omega"),
    ("n^2 - n*log(n)^3", "n^2", "Omega"),
    ("3*n^2 - 100*n", "n^2", "Theta"),
    ("max(log(n)^2, sqrt(n))", "n^(2/3)", "o"),
    ("n^(2/3)", "max(n^(1/2), n^(2/3), log(n))", "Theta"),
    ("n^2*log(n)^2", "(n^2*log(n)^2)^(1/2)", "omega"),
    ("(n + 1)^3", "n^3", "O"),
    ("exp(2*log(n))", "n^2", "Theta"),
    ("n/log(n)", "n", "o"),
    ("log(n^3)", "log(n)", "Theta"),
])
def test_certificates_are_found_and_checked(f: str, g: str, rel: str) -> None:
    cert = certificate(P(f), P(g), rel)
    assert cert is not None
    assert cert.rel == rel and cert.log2_n0 >= 4
    assert check_certificate(P(f), P(g), cert)


def test_describe_reads_like_a_sentence() -> None:
    cert = certificate(P("n^2 + 100*n"), P("n^2"), "O")
    assert cert is not None
    assert cert.describe() == f"for all n >= 2^{cert.log2_n0}: f(n) <= 3/2 · g(n)"
    assert describe(cert, P("n^2 + 100*n"), P("n^2")).endswith("n² + 100·n <= 3/2 · n²")
    theta = certificate(P("2*n"), P("n"), "Theta")
    assert theta is not None and "<= f(n) <=" in str(theta)
    omega = certificate(P("n^2"), P("n"), "omega")
    assert omega is not None and "f(n) >= 1 · g(n)" in str(omega)
    assert Certificate("O", Q(2), 40).n0 == 2**40


def test_moving_n0_down_breaks_a_tight_certificate() -> None:
    f, g = P("n^2 + 100*n"), P("n^2")
    cert = certificate(f, g, "O")
    assert cert is not None and cert.log2_n0 == 8  # 100·n ≤ n²/2 needs n ≥ 200
    assert not check_certificate(f, g, Certificate("O", cert.c, 4))
    assert not check_certificate(f, g, Certificate("O", Q(1), 40))  # false for every n


def test_checker_refusals() -> None:
    f, g = P("n"), P("n^2")
    assert not check_certificate(f, g, Certificate("o", Q(1), 3))  # N0 < 16
    assert not check_certificate(f, g, Certificate("o", Q(2), 10))  # o needs c = 1
    assert not check_certificate(f, g, Certificate("O", Q(0), 10))
    assert not check_certificate(f, g, Certificate("Theta", Q(1), 10))  # no lower constant
    assert not check_certificate(f, g, Certificate("~", Q(1), 10))
    assert not check_certificate(P("n"), P("2*n"), Certificate("o", Q(1), 10))  # not o
    # outside the exact monomial sums the checker refuses rather than guesses
    # (a whole side sqrt(S) is bounded by its largest term; inside a sum it is refused)
    assert not check_certificate(P("sqrt(n^2 + n) + 1"), P("n"), Certificate("O", Q(2), 10))
    assert certificate(P("sqrt(n^2 + n) + 1"), P("n"), "O") is None
    assert certificate(P("n"), P("n^2"), "omega") is None
    assert certificate(P("n"), P("n^2"), "~") is None
    assert certificate(P("2^n"), P("n"), "O") is None


def test_normalize_is_exact() -> None:
    assert normalize(P("(n + 1)^2 - n^2")) == {(0, 0, 0): 1, (1, 0, 0): 2}
    assert normalize(P("log(n^2*log(n)^3)")) == {(0, 1, 0): 2, (0, 0, 1): 3}
    assert normalize(P("exp(2*log(n) - log(log(n)))")) == {(2, -1, 0): 1}
    assert normalize(P("(4*n^2)^(1/2)/n")) == {(0, 0, 0): 2}
    for bad in ["sqrt(2*n)", "log(2*n)", "exp(n)", "1/(n + 1)", "m", "max(n, 1)"]:  # monomials only
        with pytest.raises(Unsupported):
            normalize(P(bad))
