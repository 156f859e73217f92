"""compare/holds, `~` with coefficients, and the Coef interval arithmetic underneath."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction as Q

import mpmath
import pytest

from rcproof.growth import Coef, GrowthError, NotPositive, Order, compare, holds
from rcproof.syntax.parser import parse_expr as P


def cmp(f: str, g: str) -> Order:
    return compare(P(f), P(g))


@pytest.mark.parametrize("f, g, kind", [
    ("1", "log(log(n))", "o"),
    ("log(log(n))", "log(n)", "o"),
    ("log(n)^100", "n^(1/100)", "o"),
    ("n^(1/2)", "n^(1/2)*log(n)^(-1)", "omega"),
    ("n", "n*log(log(n))", "o"),
    ("n*log(log(n))^(-1)", "n", "o"),
    ("n^2*log(n)^2", "n^2*log(n)^2 + n^2", "Theta"),
    ("n^2", "n^(3/2)", "omega"),
    ("max(n^2*log(n)^2, n^(2/3))", "n^2*log(n)^2", "Theta"),
    ("max(log(n), n^(2/3), n^(1/2))", "n^(2/3)", "Theta"),
    ("(n^2*log(n)^2)^(1/3)", "n^(2/3)", "omega"),
    ("log(n^3)", "log(n)", "Theta"),
    ("log(n^5*log(n)^9)", "log(n)", "Theta"),
    ("sqrt(n^2 + n) - n", "1", "Theta"),
    ("exp(2*log(n))", "n^2", "Theta"),
    ("exp(log(log(n)))", "log(n)", "Theta"),
])
def test_compare(f: str, g: str, kind: str) -> None:
    assert cmp(f, g).kind == kind


def test_theta_ratio_and_asymptotic_equality() -> None:
    order = cmp("2*n^2 + n", "2*n^2")
    assert order.kind == "Theta" and order.ratio == Coef.exact(1)
    assert holds(order, "~") is True
    wrong = cmp("2*n^2 + n", "n^2")
    assert wrong.ratio == Coef.exact(2)
    assert holds(wrong, "~") is False
    assert holds(wrong, "Theta") and holds(wrong, "O") and holds(wrong, "Omega")
    assert not holds(wrong, "o") and not holds(wrong, "omega")
    assert holds(cmp("sqrt(n^2 + n) - n", "1/2"), "~") is True
    assert holds(cmp("log(n^3)", "log(n)"), "~") is False


def test_tilde_with_inexact_ratio() -> None:
    assert holds(cmp("sqrt(2)*n", "n"), "~") is False  # interval excludes 1
    undecided = cmp("2^(1/2)*2^(1/2)*n", "2*n")  # ratio is 1 but only known by intervals
    assert undecided.kind == "Theta"
    assert holds(undecided, "~") is None
    assert holds(Order("Theta"), "~") is None
    assert holds(Order("o"), "~") is False


@pytest.mark.parametrize("kind, rel, expected", [
    ("o", "O", True), ("o", "o", True), ("o", "Omega", False), ("o", "Theta", False),
    ("o", "omega", False), ("Theta", "O", True), ("Theta", "Omega", True),
    ("Theta", "Theta", True), ("Theta", "o", False), ("Theta", "omega", False),
    ("omega", "Omega", True), ("omega", "omega", True), ("omega", "O", False),
    ("omega", "o", False), ("omega", "Theta", False),
])
def test_holds_table(kind: str, rel: str, expected: bool) -> None:
    assert holds(Order(kind, Coef.exact(3) if kind == "Theta" else None), rel) is expected


def test_holds_rejects_unknown_relation() -> None:
    with pytest.raises(ValueError):
        holds(Order("o"), "poly")


def test_compare_refuses_non_positive() -> None:
    with pytest.raises(NotPositive):
        cmp("n - n^2", "n")
    with pytest.raises(GrowthError):
        cmp("n", "2^n")


# ---- Coef --------------------------------------------------------------------------


def test_coef_exact_arithmetic() -> None:
    a, b = Coef.exact(Q(2, 3)), Coef.exact(Q(-1, 3))
    assert (a + b).value == Q(1, 3)
    assert (a * b).value == Q(-2, 9)
    assert (a / b).value == -2
    assert a.pow_rat(Q(2)).value == Q(4, 9)
    assert Coef.exact(Q(9, 4)).pow_rat(Q(3, 2)).value == Q(27, 8)
    assert Coef.exact(-2).pow_int(3).value == -8
    assert Coef.exact(1).log().value == 0
    assert Coef.exact(0).exp().value == 1


@pytest.mark.parametrize("make, true", [
    (lambda: Coef.exact(2).log(), mpmath.log(2)),
    (lambda: Coef.exact(2).pow_rat(Q(1, 2)), mpmath.sqrt(2)),
    (lambda: Coef.exact(3).exp(), mpmath.exp(3)),
    (lambda: Coef.exact(Q(1, 3)).exp().log(), mpmath.mpf(1) / 3),
    (lambda: Coef.exact(10**40 + 1).log(), mpmath.log(mpmath.mpf(10**40 + 1))),
    (lambda: Coef.exact(7).pow_rat(Q(-2, 3)), mpmath.power(7, mpmath.mpf(-2) / 3)),
    (lambda: Coef.exact(2).log() * Coef.exact(3).pow_rat(Q(1, 2)), mpmath.log(2) * mpmath.sqrt(3)),
])
def test_coef_intervals_enclose_true_values(make: Callable[[], Coef], true: mpmath.mpf) -> None:
    c = make()
    assert not c.is_exact
    assert _mp(c.lo) <= true <= _mp(c.hi)
    assert c.hi - c.lo < Q(1, 10**9)


def _mp(x: Q) -> mpmath.mpf:
    return mpmath.mpf(x.numerator) / x.denominator


def test_coef_log_of_near_one_encloses() -> None:
    x = Q(10**40 + 1, 10**40)
    c = Coef.exact(x).log()
    with mpmath.workdps(80):
        true = mpmath.log(mpmath.mpf(10**40 + 1) / 10**40)
        assert _mp(c.lo) <= true <= _mp(c.hi)


def test_coef_sign_and_equality_are_only_decided_when_proved() -> None:
    root2 = Coef.exact(2).pow_rat(Q(1, 2))
    assert (root2 * root2 - Coef.exact(2)).sign() is None
    assert (root2 * root2).equals(Coef.exact(2)) is None
    assert root2.equals(Coef.exact(Q(141, 100))) is False
    assert Coef.exact(1).equals(Coef.exact(1)) is True
    with pytest.raises(GrowthError):
        (root2 * root2 - Coef.exact(2)).inverse()
    with pytest.raises(GrowthError):
        Coef.exact(-1).log()
