"""A corpus of FALSE relations: none may ever come out as holding or certified.

The truth of each entry is known by construction: for monomials
c1·n^a1 (log n)^b1 (log log n)^e1 against c2·n^a2 ..., f/g = (c1/c2)·n^Δa (log n)^Δb
(log log n)^Δe, whose limit is decided by the first nonzero Δ (a fact of analysis, not
of our code); sums are Θ of their largest monomial.
"""

from __future__ import annotations

import random
from fractions import Fraction as Q

import pytest
from growth_gen import Mono, sum_expr

from rcproof.growth import (
    Certificate,
    GrowthError,
    certificate,
    check_certificate,
    compare,
    holds,
)
from rcproof.syntax.ast import Expr
from rcproof.syntax.parser import parse_expr as P

ALL = ("O", "Omega", "Theta", "o", "omega", "~")
_TRUE_FOR = {
    "o": {"O", "o"},
    "Theta": {"O", "Omega", "Theta"},
    "omega": {"Omega", "omega"},
}

# (f, g, truth, ratio): truth is the order of f against g, ratio lim f/g when Θ.
HAND: list[tuple[str, str, str, Q | None]] = [
    ("n^(1/2)", "n^(1/2)*log(n)^(-1)", "omega", None),
    ("n^(1/2)*log(n)^(-1)", "n^(1/2)", "o", None),
    ("n", "n*log(log(n))", "o", None),
    ("n*log(log(n))^(-1/2)", "n", "o", None),
    ("n^2", "n^2*log(log(n))^(1/2)", "o", None),
    ("n^(2/3)", "n^(2/3)*log(n)^(2/3)", "o", None),
    ("n^2*log(n)^2", "n^2*log(n)^2 + n^2", "Theta", Q(1)),
    ("2*n^2 + n", "n^2", "Theta", Q(2)),
    ("2*n^2 + n", "2*n^2", "Theta", Q(1)),
    ("n^2 + n^3", "n^2", "omega", None),
    ("sqrt(n^2 + n) - n", "1", "Theta", Q(1, 2)),
    ("sqrt(n^2 + n) - n", "1/2", "Theta", Q(1)),
    ("log(n^3)", "log(n)", "Theta", Q(3)),
    ("log(n^2*log(n)^7)", "log(n)", "Theta", Q(2)),
    ("log(log(n))", "log(n)", "o", None),
    ("1", "log(log(n))", "o", None),
    ("log(n)^100", "n^(1/100)", "o", None),
    ("max(n, n*log(n))", "n", "omega", None),
    ("min(n, n*log(n))", "n", "Theta", Q(1)),
    ("max(n^2, 3*n^2)", "n^2", "Theta", Q(3)),
    ("min(n^2, 3*n^2)", "n^2", "Theta", Q(1)),
    ("exp(2*log(n))", "n^2", "Theta", Q(1)),
    ("exp(log(log(n)))", "log(n)", "Theta", Q(1)),
    ("(n^2*log(n)^2)^(1/3)", "n^(2/3)", "omega", None),
    ("n/(n + 1)", "1", "Theta", Q(1)),
    ("(n + 1)^3 - n^3", "n^2", "Theta", Q(3)),
    ("n^3 - (n - 1)^3", "3*n^2", "Theta", Q(1)),
    ("log(n + 1) - log(n)", "1/n", "Theta", Q(1)),
    ("n^(1/2)", "n^(1/2) + log(n)", "Theta", Q(1)),
    ("n*log(n)", "n*log(n) + n*log(log(n))^5", "Theta", Q(1)),
    ("n^(1/3)", "log(n)^3", "omega", None),
    ("n^(-1)", "n^(-1/2)", "o", None),
    ("n^(-1)*log(n)^5", "n^(-1)", "omega", None),
    ("max(log(n), n^(2/3), n^(1/2))", "n^(2/3)", "Theta", Q(1)),
    ("n^2/log(n)", "n^2/log(log(n))", "o", None),
]


def _false_relations(truth: str, ratio: Q | None) -> list[str]:
    out = [rel for rel in ALL[:-1] if rel not in _TRUE_FOR[truth]]
    if truth != "Theta" or ratio != 1:
        out.append("~")
    return out


def _random_monomial(rng: random.Random) -> Mono:
    def frac(lo: int, hi: int, dens: tuple[int, ...]) -> Q:
        d = rng.choice(dens)
        return Q(rng.randint(lo * d, hi * d), d)

    return Mono(Q(rng.choice([1, 2, 3, 5])), frac(-2, 3, (1, 2, 3, 4)),
                frac(-3, 3, (1, 2, 3)), frac(-2, 2, (1, 2)))


def _truth(m1: Mono, m2: Mono) -> tuple[str, Q | None]:
    d = [m1.a - m2.a, m1.b - m2.b, m1.e - m2.e]
    for x in d:
        if x:
            return ("o" if x < 0 else "omega"), None
    return "Theta", m1.c / m2.c


def _generated() -> list[tuple[Expr, Expr, str, Q | None]]:
    rng = random.Random(20250917)
    out: list[tuple[Expr, Expr, str, Q | None]] = []
    for i in range(70):
        m1 = _random_monomial(rng)
        if i % 3 == 0:  # near misses: equal up to one small exponent step or the ratio
            which = rng.choice(["a", "b", "e", "c"])
            step = {"a": Q(1, 12), "b": Q(1, 6), "e": Q(1, 2), "c": Q(1)}[which]
            m2 = Mono(m1.c + (step if which == "c" else 0), m1.a + (step if which == "a" else 0),
                      m1.b + (step if which == "b" else 0), m1.e + (step if which == "e" else 0))
        else:
            m2 = _random_monomial(rng)
        truth, ratio = _truth(m1, m2)
        extra = Mono(Q(1), m1.a - 1, m1.b, m1.e)  # a strictly lower term added to f
        out.append((sum_expr([m1, extra]), m2.expr(), truth, ratio))
    return out


PAIRS = [(P(f), P(g), t, r) for f, g, t, r in HAND] + _generated()
CORPUS = [(f, g, rel) for f, g, t, r in PAIRS for rel in _false_relations(t, r)]


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 200


@pytest.mark.parametrize("f, g, rel", CORPUS)
def test_false_relation_never_holds(f: Expr, g: Expr, rel: str) -> None:
    try:
        order = compare(f, g)
    except GrowthError:
        order = None
    if order is not None:
        assert holds(order, rel) is not True
    from rcproof.growth.tier3 import relation_by_limit

    assert relation_by_limit(f, g, rel) is not True  # the exp-log engine (Tier 3)
    if rel != "~":
        assert certificate(f, g, rel) is None
        forged = Certificate(rel, Q(1) if rel in ("o", "omega") else
                             (Q(1, 10**6) if rel == "Omega" else Q(10**6)), 64, Q(1, 10**6))
        assert not check_certificate(f, g, forged)


@pytest.mark.parametrize("f, g, truth, ratio", PAIRS)
def test_true_order_is_found(f: Expr, g: Expr, truth: str, ratio: Q | None) -> None:
    order = compare(f, g)
    assert order.kind == truth
    if ratio is not None:
        assert order.ratio is not None
        assert order.ratio.lo <= ratio <= order.ratio.hi
