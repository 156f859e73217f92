"""Certificates beyond monomials: atoms the exp-log engine decides get (c, N0) witnesses
that the independent checker (growth/checkexp.py) re-proves; a generated family is
confirmed numerically at many n ≥ N0, mutated certificates are rejected where they fail,
anything outside the fragment is refused, and a small budget is refusal, never a hang."""

from __future__ import annotations

import random
from fractions import Fraction as Q

import mpmath
import pytest

from rcproof import budget
from rcproof.growth import Certificate, certificate, check_certificate
from rcproof.growth.check import check_inequality, in_fragment
from rcproof.growth.checkexp import Unsupported, normalize
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr as P

mpmath.mp.dps = 60


def value(e: A.Expr, n: mpmath.mpf) -> mpmath.mpf:
    """e at n in high-precision floating point (the test's own reading of e)."""
    if isinstance(e, A.Num):
        return mpmath.mpf(e.value.numerator) / e.value.denominator
    if isinstance(e, A.Name):
        return n
    if isinstance(e, A.Neg):
        return -value(e.operand, n)
    if isinstance(e, A.BinOp):
        x, y = value(e.left, n), value(e.right, n)
        return {"+": x + y, "-": x - y, "*": x * y, "/": x / y if e.op == "/" else 0,
                "^": mpmath.power(x, y) if e.op == "^" else 0}[e.op]
    assert isinstance(e, A.Call)
    args = [value(a, n) for a in e.args]
    funcs = {"exp": mpmath.exp, "log": mpmath.log, "sqrt": mpmath.sqrt, "max": max, "min": min}
    return funcs[e.func](*args)  # type: ignore[operator]


def points(log2_n0: int) -> list[mpmath.mpf]:
    """Many n ≥ N0: N0 itself, just above it, and up to 2^20·N0."""
    n0 = mpmath.mpf(2) ** log2_n0
    return [n0 * m for m in (1, mpmath.mpf("1.0001"), mpmath.mpf("1.37"), 2, 3, 7, 10, 64,
                             1000, 12345, 2**20)]


def holds_numerically(a: A.Expr, b: A.Expr, c: Q, ns: list[mpmath.mpf]) -> bool:
    """a(n) ≤ c·b(n) at every n of ns."""
    cc = mpmath.mpf(c.numerator) / c.denominator
    return all(value(a, n) <= cc * value(b, n) for n in ns)


def statements(f: A.Expr, g: A.Expr, cert: Certificate) -> list[tuple[A.Expr, A.Expr, Q]]:
    if cert.rel in ("O", "o"):
        return [(f, g, cert.c)]
    if cert.rel in ("Omega", "omega"):
        return [(g, f, 1 / cert.c)]
    assert cert.c_low is not None
    return [(f, g, cert.c), (g, f, 1 / cert.c_low)]


def confirmed(f: A.Expr, g: A.Expr, cert: Certificate) -> bool:
    ns = points(cert.log2_n0)
    return all(holds_numerically(a, b, c, ns) for a, b, c in statements(f, g, cert))


# The examples of issue 15 the engine decides.
EXAMPLES = [
    ("2^(n+1) - 2^n", "2^n", "Theta"),
    ("exp(n) - exp(n-1)", "exp(n)", "Theta"),
    ("max(2^n, n^100)", "2^n", "Theta"),
    ("n*exp(n) + n^5", "n*exp(n)", "O"),
    ("n^10", "2^n", "O"),
    ("n^10", "2^n", "o"),
    ("3^n", "2^n", "omega"),
    ("3^n", "2^n", "Omega"),
    ("2*n*exp(n)", "n*exp(n)*2", "Theta"),
    ("exp(n + 10)", "exp(n)", "Theta"),
    ("n^(log(n))", "2^n", "o"),
    ("2^n", "n^n", "o"),
    ("sqrt(2)*4^n - 3^n", "2^(2*n)", "Theta"),
    ("log(2^n*n^2)", "n", "Theta"),
    ("exp(sqrt(n))", "n^100", "omega"),
    ("log(exp(n) + 1)", "n", "Theta"),  # log of a sum: bounded by its largest term
    ("log(2^n + 3^n)", "n", "Theta"),
    ("log(exp(n) - n^3)", "n", "Theta"),
    ("n", "log(n^2 + n)", "omega"),
]


@pytest.mark.parametrize("f, g, rel", EXAMPLES)
def test_engine_atoms_get_checked_certificates(f: str, g: str, rel: str) -> None:
    ef, eg = P(f), P(g)
    cert = certificate(ef, eg, rel)
    assert cert is not None and cert.rel == rel
    assert check_certificate(ef, eg, cert)
    assert confirmed(ef, eg, cert)


BASES = [(Q(1), "1"), (Q(2), "2"), (Q(3), "3"), (Q(3, 2), "(3/2)"), (None, "exp(1)")]


def _family(seed: int) -> tuple[str, str, Q]:
    """A random positive exp-monomial sum f (2–4 terms k·b^n·n^a), its largest term g
    and the exact limit of f/g (the test's own leading-term reading: (log b, a))."""
    rng = random.Random(seed)
    picks = rng.sample([(b, a) for b in range(len(BASES)) for a in (0, 1, 2, 5)],
                       rng.randint(2, 4))
    coefs = [Q(rng.choice([1, 2, 3, 5, 7]), rng.choice([1, 2, 3])) for _ in picks]
    size = {0: 0.0, 1: 0.6931, 2: 1.0986, 3: 0.4055, 4: 1.0}
    top = max(range(len(picks)), key=lambda i: (size[picks[i][0]], picks[i][1]))
    terms = []
    for i, ((b, a), k) in enumerate(zip(picks, coefs, strict=True)):
        sign = "-" if i != top and rng.random() < 0.3 else "+"
        terms.append(f"{sign} {k}*{BASES[b][1]}^n*n^{a}")
    f = " ".join(terms).lstrip("+ ")
    b, a = picks[top]
    return f, f"{BASES[b][1]}^n*n^{a}", coefs[top]


@pytest.mark.parametrize("seed", range(24))
def test_generated_certificates_hold_and_mutations_fail(seed: int) -> None:
    f_text, g_text, ratio = _family(seed)
    f, g = P(f_text), P(g_text)
    cert = certificate(f, g, "Theta")
    assert cert is not None, (f_text, g_text)
    assert check_certificate(f, g, cert) and confirmed(f, g, cert), (f_text, cert)
    assert cert.c_low is not None and cert.c_low <= ratio <= cert.c
    # a smaller upper constant, a larger lower one: false for large n, so rejected
    for bad in (Certificate("Theta", ratio * Q(9, 10), cert.log2_n0, cert.c_low),
                Certificate("Theta", cert.c, cert.log2_n0, ratio * Q(11, 10))):
        assert not confirmed(f, g, Certificate(bad.rel, bad.c, cert.log2_n0 + 40, bad.c_low))
        assert not check_certificate(f, g, bad)
    # a smaller N0 where the inequality fails between the two: rejected
    for k in range(4, cert.log2_n0):
        ns = [mpmath.mpf(2) ** k * (1 + mpmath.mpf(j) / 8) for j in range(8)]
        if not all(holds_numerically(a, b, c, ns) for a, b, c in statements(f, g, cert)):
            assert not check_certificate(f, g, Certificate("Theta", cert.c, k, cert.c_low))


SIDES = ["2^n", "3^n", "n*2^n", "exp(n)", "n^3", "2^n + n^4", "3^n - 2^n", "exp(n - 1)",
         "n^2*exp(n)/log(n)", "(3/2)^n*n", "exp(n)*log(n)^2", "sqrt(3)*2^n", "4^n", "n^5 - n",
         "log(exp(n) + n^2)", "log(3^n - 2^n)", "n*log(2)", "log(n^3 + n)"]


@pytest.mark.parametrize("seed", range(6))
def test_every_accepted_inequality_holds_numerically(seed: int) -> None:
    """The checker on random (a, b, c, N0), true or not: whatever it accepts holds at
    every sampled n ≥ N0 (and it accepts some)."""
    rng = random.Random(1000 + seed)
    accepted = 0
    for _ in range(30):
        a, b = P(rng.choice(SIDES)), P(rng.choice(SIDES))
        c = Q(rng.choice([1, 2, 3, 10]), rng.choice([1, 2, 3, 7]))
        k = rng.choice([4, 5, 6, 8, 12])
        if check_inequality(a, b, c, k):
            accepted += 1
            assert holds_numerically(a, b, c, points(k)), (a, b, c, k)
    assert accepted > 0


@pytest.mark.parametrize("text", [
    "exp(exp(n))", "log(n - exp(n))", "log(exp(n) + 1)^2", "log(2)*log(3)*n", "(2^n + n)^(1/2) + 1",
    "exp(n)/(exp(n) + 1)", "max(2^n, n) + 1", "log(log(log(n)))", "(-2)^n", "m^n",
    "log(n)^log(n)*0 + log(log(n))^n",
])
def test_outside_the_fragment_is_refused(text: str) -> None:
    e = P(text)
    with pytest.raises((Unsupported, ZeroDivisionError, ValueError)):
        normalize(e)
    if not text.startswith("log("):
        assert not in_fragment(e)
    for rel in ("O", "Theta", "Omega"):
        assert not check_certificate(e, P("n"), Certificate(rel, Q(10**6), 10, Q(1, 10**6)))
    assert certificate(e, P("exp(n)"), "O") is None


def test_false_relations_get_no_certificate_and_wrong_ones_are_rejected() -> None:
    assert certificate(P("3^n"), P("2^n"), "O") is None
    assert certificate(P("exp(n + 1)"), P("exp(n)"), "o") is None
    for c in (Q(1), Q(10**9)):
        assert not check_certificate(P("3^n"), P("2^n"), Certificate("O", c, 10))
    assert not check_certificate(P("2^n"), P("3^n"), Certificate("omega", Q(1), 10))
    # exp(n+1) <= 2·exp(n) fails for every n: c below e
    assert not check_certificate(P("exp(n+1)"), P("exp(n)"), Certificate("O", Q(27, 10), 40))
    assert check_certificate(P("exp(n+1)"), P("exp(n)"), Certificate("O", Q(272, 100), 4))
    # equal growth is not o, whatever c and N0
    assert not check_certificate(P("2*4^n"), P("2^(2*n)"), Certificate("o", Q(1), 30))


def test_log_of_a_sum_is_bounded_soundly() -> None:
    """log(S) ≤ log(2κ·T) and ≥ log(κ/2·T): a false inequality stays unproved."""
    assert not check_inequality(P("log(exp(n) + 1)"), P("n"), Q(1), 10)  # > n always
    assert check_inequality(P("log(exp(n) + 1)"), P("n + 1"), Q(1), 4)
    assert not check_inequality(P("n"), P("log(exp(n) - n)"), Q(1), 10)  # > log always
    assert check_inequality(P("n - 1"), P("log(exp(n) - n)"), Q(1), 4)
    assert not check_certificate(P("log(n - exp(n))"), P("n"), Certificate("O", Q(9), 8))


def test_normal_form_is_exact() -> None:
    assert normalize(P("4^n - 2^(2*n)")) == {}
    assert normalize(P("2^(n+1)")) == normalize(P("2*2^n"))
    assert normalize(P("sqrt(8)")) == normalize(P("2*sqrt(2)"))
    assert normalize(P("n^(log(n))")) == normalize(P("exp(log(n)^2)"))
    assert normalize(P("exp(2*log(n) + n)")) == normalize(P("n^2*exp(n)"))


@pytest.mark.parametrize("units", [10, 200, 2_000])
def test_budget_exhaustion_is_refusal(units: int) -> None:
    f, g = P("(2^n + 3^n + n^2 + exp(n))^16"), P("3^(16*n)")
    with budget.budget_scope(budget.Budget(units)):
        try:
            ok = check_inequality(f, g, Q(2), 30)
        except budget.BudgetExhausted:
            ok = False
    assert ok in (True, False)
    with budget.budget_scope(budget.Budget(units)):
        found = certificate(f, g, "Theta")  # the search's own share: None, never a raise
    assert found is None or check_certificate(f, g, found)


@pytest.mark.parametrize("f, g, rel, k", [("n^100", "2^n", "o", 10), ("n^10", "2^n", "O", 6),
                                          ("n^20*exp(n)", "exp(2*n)", "o", 7)])
def test_smallest_n0_is_found_and_one_less_is_rejected(f: str, g: str, rel: str,
                                                       k: int) -> None:
    ef, eg = P(f), P(g)
    cert = certificate(ef, eg, rel)
    assert cert is not None and cert.log2_n0 == k and confirmed(ef, eg, cert)
    assert not holds_numerically(ef, eg, cert.c, [mpmath.mpf(2) ** (k - 1)])
    assert not check_certificate(ef, eg, Certificate(rel, cert.c, k - 1))
