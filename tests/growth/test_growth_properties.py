"""Property tests: Tier 1 against sympy.limit, against numeric log-ratio trends, and
certificates against their independent checker."""

from __future__ import annotations

import dataclasses
import multiprocessing
from fractions import Fraction as Q
from typing import Any

import mpmath
from growth_gen import Mono, monos, sum_expr, sums
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rcproof.growth import (
    GrowthError,
    Order,
    certificate,
    check_certificate,
    compare,
    holds,
    to_sympy,
)
from rcproof.syntax.ast import Call, Expr, Name
from rcproof.syntax.parser import parse_expr

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _sympy_child(conn: Any, f: Expr, g: Expr) -> None:
    import sympy

    n = sympy.Symbol("n", positive=True)
    value = sympy.limit(to_sympy(f) / to_sympy(g), n, sympy.oo)
    if value == 0:
        conn.send(("o", None))
    elif value == sympy.oo:
        conn.send(("omega", None))
    elif value.is_Rational and value > 0:
        conn.send(("Theta", Q(int(value.p), int(value.q))))
    else:
        conn.send(("other", str(value)))


def sympy_order(f: Expr, g: Expr, seconds: float = 20.0) -> tuple[str, Q | None] | None:
    """sympy's verdict in a killable child process; None when it does not answer in time."""
    import sympy  # noqa: F401  (warm import before forking)

    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_sympy_child, args=(send, f, g), daemon=True)
    proc.start()
    send.close()
    try:
        return recv.recv() if recv.poll(seconds) else None
    except EOFError:
        return None
    finally:
        proc.terminate()
        proc.join(2)


@SETTINGS
@given(sums, sums)
def test_tier1_agrees_with_sympy_limit(fs: list[Mono], gs: list[Mono]) -> None:
    f, g = sum_expr(fs), sum_expr(gs)
    ours = compare(f, g)
    theirs = sympy_order(f, g)
    if theirs is None or theirs[0] == "other":
        return  # sympy gave no usable answer; nothing to cross-check
    assert ours.kind == theirs[0]
    if ours.kind == "Theta":
        assert ours.ratio is not None and ours.ratio.is_exact
        assert ours.ratio.value == theirs[1]


def _log_sum(ms: list[Mono], s: mpmath.mpf) -> mpmath.mpf:
    """log f at n = e^(e^s), where log n = e^s and log log n = s (log-sum-exp, exact form)."""
    t = mpmath.exp(s)
    logs = [mpmath.log(_mp(m.c)) + _mp(m.a) * t + _mp(m.b) * s + _mp(m.e) * mpmath.log(s)
            for m in ms]
    top = max(logs)
    return top + mpmath.log(mpmath.fsum(mpmath.exp(x - top) for x in logs))


def _mp(x: Q) -> mpmath.mpf:
    return mpmath.mpf(x.numerator) / x.denominator


@SETTINGS
@given(sums, sums)
def test_tier1_agrees_with_log_ratio_trend(fs: list[Mono], gs: list[Mono]) -> None:
    """At log log n = 400 and 1600 (far past every crossover of these exponent ranges),
    log f − log g must fall for o, rise for omega, and sit near log(ratio) for Theta."""
    order = compare(sum_expr(fs), sum_expr(gs))
    with mpmath.workdps(900):
        d1, d2 = (_log_sum(fs, mpmath.mpf(s)) - _log_sum(gs, mpmath.mpf(s)) for s in (400, 1600))
        if order.kind == "o":
            assert d2 < d1
        elif order.kind == "omega":
            assert d2 > d1
        else:
            assert order.ratio is not None
            assert abs(d2 - mpmath.log(_mp(order.ratio.value))) < 0.5


RELS = st.sampled_from(["O", "o", "Theta", "Omega", "omega"])


@SETTINGS
@given(sums, sums, RELS)
def test_certificates_always_check(fs: list[Mono], gs: list[Mono], rel: str) -> None:
    f, g = sum_expr(fs), sum_expr(gs)
    order: Order = compare(f, g)
    cert = certificate(f, g, rel)
    if not holds(order, rel):
        assert cert is None
        return
    assert cert is not None, f"no certificate for {rel}"
    assert check_certificate(f, g, cert)
    if cert.log2_n0 > 4:  # N0 is the least power of two the checker accepts
        assert not check_certificate(f, g, dataclasses.replace(cert, log2_n0=cert.log2_n0 - 1))


@SETTINGS
@given(monos, sums)
def test_tampered_theta_certificates_fail(m: Mono, rest: list[Mono]) -> None:
    """f ~ r·g with r known: halving the upper constant (or doubling the lower) is false."""
    lower = [dataclasses.replace(x, a=m.a - 1 - abs(x.a)) for x in rest]  # strictly lower terms
    f, g = sum_expr([m, *lower]), m.expr()
    cert = certificate(f, g, "Theta")
    assert cert is not None and check_certificate(f, g, cert)
    assert cert.c_low is not None
    assert not check_certificate(f, g, dataclasses.replace(cert, c=cert.c / 2))
    assert not check_certificate(f, g, dataclasses.replace(cert, c_low=cert.c_low * 2))
    assert not check_certificate(f, g, dataclasses.replace(cert, rel="o", c=Q(1)))


_LEAVES = st.sampled_from(["n", "log(n)", "log(log(n))", "2", "1/3", "n^(1/2)", "n^2",
                           "log(n)^2", "n^(-1)"])


def _trees(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    powers = st.sampled_from(["2", "1/2", "-1", "3", "2/3"])
    return st.one_of(
        st.builds(lambda a, b: f"({a}) + ({b})", children, children),
        st.builds(lambda a, b: f"({a}) - ({b})", children, children),
        st.builds(lambda a, b: f"({a})*({b})", children, children),
        st.builds(lambda a, b: f"({a})/({b})", children, children),
        st.builds(lambda a, r: f"({a})^({r})", children, powers),
        st.builds(lambda a: f"sqrt({a})", children),
        st.builds(lambda a: f"log({a})", children),
        st.builds(lambda a, b: f"max({a}, {b})", children, children),
        st.builds(lambda a: f"exp(log({a})/2)", children),
    )


TREES = st.recursive(_LEAVES, _trees, max_leaves=5)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TREES, TREES)
def test_general_expressions_agree_with_sympy(fs: str, gs: str) -> None:
    """Sums, differences, roots, logs, max: wherever both Tier 1 and sympy answer."""
    f, g = parse_expr(fs), parse_expr(gs)
    try:
        ours = compare(f, g)
    except GrowthError:
        return
    theirs = sympy_order(f, g, 5.0)
    if theirs is None or theirs[0] == "other":
        return
    assert ours.kind == theirs[0], (fs, gs)
    if ours.kind == "Theta" and theirs[1] is not None:
        assert ours.ratio is not None and ours.ratio.lo <= theirs[1] <= ours.ratio.hi


POS = st.sampled_from([Q(1, 3), Q(1, 2), Q(1), Q(2), Q(7, 3)])
ANY = st.sampled_from([Q(-3), Q(-1, 2), Q(0), Q(1, 3), Q(5)])


@settings(max_examples=40, deadline=None)
@given(POS, ANY, ANY)
def test_log_of_monomial_is_theta_log(a: Q, b: Q, e: Q) -> None:
    f = Mono(Q(1), a, b, e).expr()
    order = compare(Call("log", (f,)), Call("log", (Name("n"),)))
    assert order.kind == "Theta" and order.ratio is not None and order.ratio.value == a
