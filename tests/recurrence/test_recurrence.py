"""Recurrences solved at elaboration (elaborate/recurrence.py), checked three ways:
against the master theorem (a different statement of the same cases), numerically by
running the recurrence itself, and end to end through `verify`."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import mpmath
import pytest

from rcproof import growth
from rcproof.elaborate.recurrence import Derivation, akra_bazzi_exponent, derive
from rcproof.errors import RcError
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse_expr


def solve(text: str, name: str = "size") -> Derivation:
    d = derive(A.Resource(name, "Theta", parse_expr(text)), {"size", "depth"}, set(), "")
    assert d is not None
    return d


def theta(closed: A.Expr, expected: str) -> bool:
    return growth.compare(closed, parse_expr(expected)).kind == "Theta"


def _g(q: Fraction, r: int) -> str:
    parts = [f"n^({q})" if q else "1"]
    if r:
        parts.append(f"log(n)^({r})")
    return "*".join(parts)


def _master(a: int, b: int, q: Fraction, r: int) -> str:
    """The master theorem (extended to log factors) for a·T(n/b) + n^q log^r n."""
    c = f"(log({a})/log({b}))"
    # q vs log_b a, exactly: b^q vs a, i.e. b^num vs a^den
    lhs, rhs = b ** q.numerator, a ** q.denominator
    if q < 0:
        lhs, rhs = 1, a ** q.denominator * b ** -q.numerator
    if lhs < rhs:
        return f"n^{c}"
    if lhs > rhs:
        return _g(q, r)
    if r > -1:
        return f"n^({q})*log(n)^({r + 1})"
    if r == -1:
        return f"n^({q})*log(log(n))"
    return f"n^({q})"


MASTER = list(itertools.product((1, 2, 3, 4, 7, 8, 9), (2, 3, 4),
                                (Fraction(0), Fraction(1, 2), Fraction(1), Fraction(2),
                                 Fraction(3)), (-2, -1, 0, 1)))


@pytest.mark.parametrize(("a", "b", "q", "r"), MASTER)
def test_single_term_matches_master_theorem(a: int, b: int, q: Fraction, r: int) -> None:
    d = solve(f"{a}*size(n/{b}) + {_g(q, r)}")
    assert d.method == "Akra–Bazzi"
    assert theta(d.closed_form, _master(a, b, q, r)), (d.describe(), _master(a, b, q, r))


@pytest.mark.parametrize(("terms", "expected_p"), [
    ([(1, 2), (1, 4)], math.log((1 + 5 ** 0.5) / 2, 2)),     # golden ratio
    ([(7, 2)], math.log(7, 2)),                                # Strassen
    ([(1, 3), (1, Fraction(3, 2))], 1.0),                      # n/3 + 2n/3
    ([(2, 4), (3, 16)], None),                                 # 2x + 3x^2 = 1
    ([(3, 9), (1, 3)], None),
])
def test_exponent_solves_the_characteristic_equation(
        terms: list[tuple[int, Fraction | int]], expected_p: float | None) -> None:
    pairs = [(Fraction(a), 1 / Fraction(b)) for a, b in terms]
    p = akra_bazzi_exponent(pairs)
    assert p is not None
    total = sum(float(a) * float(b) ** float(p) for a, b in pairs)
    assert abs(total - 1) < 1e-12
    if expected_p is not None:
        assert abs(float(p) - expected_p) < 1e-12


def test_exponent_of_an_irreducible_cubic_is_unsupported() -> None:
    # x + 2x² + x³ = 1 is irreducible over Q: p is not in the exact field.
    assert akra_bazzi_exponent([(Fraction(1), Fraction(1, 2)), (Fraction(2), Fraction(1, 4)),
                                (Fraction(1), Fraction(1, 8))]) is None


def _eval_log(e: A.Expr, n: mpmath.mpf) -> mpmath.mpf:
    """log e(n), numerically (for the closed forms: products of powers and logs)."""
    def val(x: A.Expr) -> mpmath.mpf:
        if isinstance(x, A.Num):
            return mpmath.mpf(x.value.numerator) / x.value.denominator
        if isinstance(x, A.Name):
            return n
        if isinstance(x, A.Neg):
            return -val(x.operand)
        if isinstance(x, A.Call):
            return mpmath.log(val(x.args[0])) if x.func == "log" else mpmath.sqrt(
                val(x.args[0]))
        assert isinstance(x, A.BinOp)
        u, v = val(x.left), val(x.right)
        ops = {"+": lambda: u + v, "-": lambda: u - v, "*": lambda: u * v,
               "/": lambda: u / v, "^": lambda: u ** v}
        return ops[x.op]()
    return mpmath.log(val(e))


NUMERIC = list(itertools.product((1, 2, 3, 4, 7), (2, 3), (Fraction(0), Fraction(1),
                                                          Fraction(2)), (0, 1, 2)))


@pytest.mark.parametrize(("a", "b", "q", "r"), NUMERIC)
def test_closed_form_tracks_the_recurrence_numerically(a: int, b: int, q: Fraction,
                                                       r: int) -> None:
    """T(b^k) = a·T(b^(k-1)) + g(b^k), T(1) = 1: T/closed form settles to a constant.

    A closed form off by a factor log n would move log(T/closed) by log 2 between
    k = 300 and k = 600; the correct one moves it by O(1/k)."""
    mpmath.mp.prec = 200
    d = solve(f"{a}*size(n/{b}) + {_g(q, r)}")
    t = mpmath.mpf(1)
    drift = []
    for k in range(1, 601):
        n = mpmath.mpf(b) ** k
        t = a * t + n ** (q.numerator / q.denominator) * mpmath.log(n) ** r
        if k in (300, 600):
            drift.append(mpmath.log(t) - _eval_log(d.closed_form, n))
    assert abs(drift[1] - drift[0]) < 0.05, d.describe()


SUBTRACT = list(itertools.product((Fraction(-2), Fraction(-1), Fraction(0), Fraction(1, 2),
                                   Fraction(2)), (-2, -1, 0, 1)))


def _sum_expected(q: Fraction, r: int) -> str:
    if q > -1:
        return f"n^({q + 1})" + (f"*log(n)^({r})" if r else "")
    if q < -1 or r < -1:
        return "1"
    return "log(log(n))" if r == -1 else f"log(n)^({r + 1})"


@pytest.mark.parametrize(("q", "r"), SUBTRACT)
def test_subtract_and_conquer_sums_g(q: Fraction, r: int) -> None:
    d = solve(f"size(n - 1) + {_g(q, r)}")
    assert d.method == "subtract and conquer"
    assert theta(d.closed_form, _sum_expected(q, r)), d.describe()


@pytest.mark.parametrize(("a", "c"), [(2, 1), (3, 2), (Fraction(3, 2), 1)])
def test_subtract_and_conquer_grows_exponentially(a: Fraction | int, c: int) -> None:
    d = solve(f"{a}*size(n - {c}) + n^2")
    base = f"{a.numerator}/{a.denominator}" if isinstance(a, Fraction) else str(a)
    expected = parse_expr(f"({base})^(n/{c})" if c != 1 else f"({base})^n")
    assert d.closed_form == expected
    assert d.case.startswith(f"a = {Fraction(a)} > 1")


ERRORS = [
    ("size(n) + 1", "does not decrease"),
    ("size(2*n) + 1", "does not decrease"),
    ("size(n + 1) + 1", "does not decrease"),
    ("size(n/2) + depth(n/2)", "mutual recursion"),
    ("-2*size(n/2) + n", "must be positive"),
    ("a*size(n/2) + n", "must be a number"),
    ("size(n/2)*size(n/2) + n", "product of recursive terms"),
    ("log(size(n/2))", "may only appear as c*size"),
    ("size(n/2) + size(n/3) + 1", "cannot solve"),
    ("size(n - 1) + size(n - 2)", "several recursive terms"),
    ("size(n - 1)/2 + n", "at least 1"),
    ("2*size(n/2) + n*w", "function of n alone"),
    ("size(sqrt(n)) + 1", "b*n + c"),
    ("size(n/2) - n", "eventually negative"),
    ("2*size(n/" + "1" + "0" * 90 + "1) + n", "too large to factor"),
    ("size(n/2) + size(n/1099511627776) + 1", "cannot solve"),
]


@pytest.mark.parametrize(("rhs", "words"), ERRORS)
def test_unsupported_forms_are_located_errors(rhs: str, words: str) -> None:
    expr = parse_expr(rhs)
    span = A.Span("f.rc", 3, 3, 3, 30)
    with pytest.raises(RcError) as info:
        derive(A.Resource("size", "Theta", expr, span), {"size", "depth"}, set(), "")
    assert words in info.value.message
    assert info.value.span is not None
    assert info.value.hint


MIXED = [
    # (recurrence, Θ-class or None for an error): ratios with no common base, p unknown
    ("size(n/5) + size(7*n/10) + n", "n"),                  # median of medians
    ("size(n/2) + size(n/3) + n*log(n)", "n*log(n)"),
    ("size(n/4) + size(n/9) + sqrt(n)", "sqrt(n)"),         # 1/2 + 1/3 < 1
    ("3*size(n/4) + size(n/5) + n^2", "n^2"),
    ("size(n/2) + size(n/3) + 1", None),                    # p > 0 = q: p is needed
    ("2*size(n/3) + size(n/2) + n", None),                  # 2/3 + 1/2 > 1
    ("size(n/2) + size(n/3) + sqrt(n)", None),              # 0.71 + 0.58 > 1
]


@pytest.mark.parametrize(("rhs", "expected"), MIXED)
def test_mixed_ratios_decided_by_g_alone(rhs: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(RcError, match="cannot solve"):
            solve(rhs)
        return
    d = solve(rhs)
    assert d.p is None and theta(d.closed_form, expected), d.describe()


@pytest.mark.parametrize("g", ["", " + 0", " + n - n", " + 0*log(n)"])
def test_zero_g_gives_n_to_the_p(g: str) -> None:
    d = solve(f"4*size(n/2){g}")
    assert theta(d.closed_form, "n^2") and d.case.startswith("g = 0")


def test_depth_recurrence_using_size_is_an_error() -> None:
    with pytest.raises(RcError, match="mutual recursion"):
        derive(A.Resource("depth", "Theta", parse_expr("depth(n/2) + size(n/2)")),
               {"size", "depth"}, set(), "")


def test_resource_of_another_family_is_not_a_recurrence() -> None:
    item = A.Resource("size", "Theta", parse_expr("size(G) + n"))
    assert derive(item, {"size", "depth"}, {"G"}, "") is None


def test_bounded_recurrence_is_an_error() -> None:
    with pytest.raises(RcError, match="exactly"):
        derive(A.Resource("size", "O", parse_expr("2*size(n/2) + n")), {"size"}, set(), "")


EXAMPLES = """
import physics
family MergeNet {
  size  = 2 * size(n/2) + n * log(n)
  depth = depth(n/2) + log(n)
}
family Strassen {
  size  = 7 * size(n/2) + n^2
  depth = depth(n/2) + 1
}
family Golden {
  size  = size(n/2) + size(n/4) + 1
  depth = depth(n - 1) + n
}
theorem merge_size: size(MergeNet) = Theta(n * log(n)^2)
theorem merge_depth: depth(MergeNet) = Theta(log(n)^2)
theorem strassen_up: size(Strassen) = O(n^(2808/1000))
theorem strassen_down: size(Strassen) = O(n^(2807/1000))
theorem strassen_exact: size(Strassen) = Theta(n^(log(7)/log(2)))
theorem golden: size(Golden) = Theta(n^(-log((sqrt(5) - 1)/2)/log(2)))
theorem golden_window: size(Golden) = o(n^(7/10)) and size(Golden) = omega(n^(69/100))
theorem golden_depth: depth(Golden) = Theta(n^2)
theorem strassen_rc: Strassen in RC(n^(log(7)/log(2)/3)) and Strassen notin RC(n^(93/100))
"""


def test_issue_examples_end_to_end(check) -> None:  # type: ignore[no-untyped-def]
    results = check(EXAMPLES)
    status = {name: r.verdict.status for name, r in results.items()}
    expected = {name: "proved" for name in status}
    expected["strassen_down"] = "refuted"
    assert status == expected


def test_recurrence_error_exits_2_with_location(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from rcproof.cli import main

    (tmp_path / "e.rc").write_text("family F {\n  size = size(2*n) + 1\n  depth = 1\n}\n")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "e.rc")])
    assert result.exit_code == 2
    assert "e.rc:2:15: error: the argument of size(2·n) does not decrease" in result.output
    assert "Traceback" not in result.output


def test_show_and_bound_print_the_derivation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from rcproof.cli import main

    path = tmp_path / "s.rc"
    path.write_text("import physics\nfamily S {\n  size = 7 * size(n/2) + n^2\n"
                    "  depth = depth(n/2) + 1\n}\n")
    shown = CliRunner().invoke(main, ["show", str(path)]).output
    assert "  size = 7 * size(n / 2) + n^2\n    -- size = Θ(n^(log(7)/log(2))) by Akra–Bazzi " \
        "with p = log(7)/log(2) ≈ 2.80735" in shown
    bound = CliRunner().invoke(main, ["bound", str(path), "S"]).output
    assert "t*_3 = Θ(n^(log(7)/log(8)))" in bound
    assert "derived: depth = Θ(log(n)) by Akra–Bazzi with p = 0" in bound


@pytest.mark.parametrize(("s", "expected"), [
    (Fraction(-2), "n"), (Fraction(-3, 2), "n"),
    (Fraction(-1, 2), "n*log(log(n))^(1/2)"), (Fraction(0), "n*log(log(n))"),
    (Fraction(1), "n*log(log(n))^2"),
])
def test_loglog_cases_at_q_equal_p_and_r_minus_one(s: Fraction, expected: str) -> None:
    """2·T(n/2) + n/log n·(log log n)^s: p = 1 = q, r = −1, so the integral is
    ∫ w^s dw in w = log log n."""
    d = solve(f"2*size(n/2) + n/log(n)*log(log(n))^({s})")
    assert theta(d.closed_form, expected), d.describe()


def test_loglog_minus_one_gives_log_log_log() -> None:
    d = solve("2*size(n/2) + n/(log(n)*log(log(n)))")
    assert d.closed_form == parse_expr("n*log(log(log(n)))")
