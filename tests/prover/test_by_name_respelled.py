"""`by NAME` up to spelling (reviews 6 and 7): a goal that is a fact's instance written
differently — `n^(1/2)` for `sqrt(n)`, `n*2` for `2*n`, sums and products in another
order — is proved through the instance in the fact's own spelling and `auto`; a goal
that is no instance, or whose hypotheses fail, stays unknown."""

from __future__ import annotations

import pytest

import rcproof

FACTS = ("lemma sq: forall f : fun where f = omega(1). sqrt(f) = o(f)\n"
         "lemma tw: forall f : fun. 2*f = Theta(f)\n"
         "lemma sm: forall f, g : fun. f + g = Omega(g)\n")


def _by(goal: str, fact: str) -> str:
    result = rcproof.verify_text(
        f"{FACTS}theorem t: {goal}\nproof\n  show {goal} by {fact}\nqed\n")["t"]
    return result.status


@pytest.mark.parametrize(("goal", "fact"), [
    ("n^(1/2) = o(n)", "sq"), ("log(n)^(1/2) = o(log(n))", "sq"),
    ("(n*log(n))^(1/2) = o(log(n)*n)", "sq"), ("n*2 = Theta(n)", "tw"),
    ("log(n)*2 = Theta(log(n))", "tw"), ("n^2*2 = Theta(n^2)", "tw"),
    ("log(n) + n = Omega(n)", "sm")])
def test_respelled_instances_are_proved(goal: str, fact: str) -> None:
    assert _by(goal, fact) == "proved"


@pytest.mark.parametrize(("goal", "fact"), [
    ("(1/n)^(1/2) = o(1/n)", "sq"),   # an instance whose hypothesis fails
    ("n^(1/3) = o(n)", "sq"),          # no instance: 1/3 is not 1/2
    ("n*3 = Theta(n)", "tw"),          # no instance: 3 is not 2
    ("n^(1/2) = o(n^(1/2))", "sq")])   # false
def test_non_instances_stay_unknown(goal: str, fact: str) -> None:
    assert _by(goal, fact) == "unknown"
