"""A refuted Landau atom says what its sides do instead (review 6: "fails: not f = O(g)"
only restated the claim). Generated over pairs of known order, every relation that fails
for the pair: the reason names the order that holds (o, Θ with the limit of the ratio,
ω, or ~), through Tier 1 and the exp-log engine (Tier 3)."""

from __future__ import annotations

import itertools

import pytest

import rcproof

# (f, g, order of f against g, the limit of f/g when Θ)
PAIRS = [
    ("n^2", "n^3", "o", None), ("n*log(n)", "n", "omega", None),
    ("3*n^2 + n", "n^2", "Theta", "3"), ("n/2", "n", "Theta", "1/2"),
    ("n^2 + n", "n^2", "~", None), ("exp(n)", "n^5", "omega", None),
    ("exp(n + 1)", "exp(n)", "Theta", "about 2.71828"), ("log(n)^3", "n^(1/10)", "o", None),
    ("exp(sqrt(log(n)))", "log(n)^4", "omega", None),
]
HOLDS = {"o": {"O", "o"}, "omega": {"Omega", "omega"}, "Theta": {"O", "Omega", "Theta"},
         "~": {"O", "Omega", "Theta", "~"}}
SYMBOL = {"o": "= o(", "omega": "= ω(", "Theta": "= Θ(", "~": " ~ "}
RELATIONS = ["O", "o", "Theta", "Omega", "omega", "~"]


@pytest.mark.parametrize(("f", "g", "order", "ratio"), PAIRS)
def test_a_refutation_names_the_order_that_holds(f: str, g: str, order: str,
                                                 ratio: str | None) -> None:
    failing = [rel for rel in RELATIONS if rel not in HOLDS[order]]
    text = "".join(f"theorem t{i}: {f} ~ {g}\n" if rel == "~" else
                   f"theorem t{i}: {f} = {rel}({g})\n" for i, rel in enumerate(failing))
    report = rcproof.verify_text(text)
    for i, _ in enumerate(failing):
        result = report[f"t{i}"]
        assert result.status == "refuted", (text, result.reason)
        reason = result.reason or ""
        assert SYMBOL[order] in reason and "so not" in reason, reason
        if ratio is not None:
            assert f"the ratio tends to {ratio}" in reason, reason


@pytest.mark.parametrize(("f", "g"), list(itertools.combinations(["log(n)", "n", "n^2"], 2)))
def test_the_named_order_is_the_true_one(f: str, g: str) -> None:
    """The order named in the reason of `f = Omega(g)` (f grows slower) is provable."""
    report = rcproof.verify_text(f"theorem t: {f} = Omega({g})\n")
    assert report["t"].status == "refuted"
    assert rcproof.verify_text(f"theorem u: {f} = o({g})\n")["u"].status == "proved"
    assert f"= o({g.replace('^2', '²')})" in (report["t"].reason or "")
