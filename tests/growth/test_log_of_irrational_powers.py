"""log of a power with an exact irrational exponent (review 7, F7): the exponent became a
coefficient through `Coef.exact`, which takes rationals only, and every such statement
ended in an internal TypeError (the bundled Karatsuba's log(size) among them). Generated
over irrational exponents and the shapes that take a logarithm of such a power."""

from __future__ import annotations

import pytest

import rcproof

EXPONENTS = ["log(3)/log(2)", "1 + log(3)/log(2)", "log(5)/log(2)/2", "2 - log(3)/log(5)"]
SHAPES = [("log(n^({p}))", "log(n)"), ("log(log(n)^({p}))", "log(log(n))"),
          ("sqrt(log(n^({p})))", "sqrt(log(n))"), ("log(max(n, n^({p})))", "log(n)"),
          ("log(n^({p}) * log(n))", "log(n)"), ("log(n^({p}))^2", "log(n)^2")]


@pytest.mark.parametrize("p", EXPONENTS)
@pytest.mark.parametrize(("f", "g"), SHAPES)
def test_theta_and_nothing_stronger(p: str, f: str, g: str) -> None:
    left = f.format(p=p)
    report = rcproof.verify_text(
        f"theorem theta: {left} = Theta({g})\ntheorem small: {left} = o({g})\n"
        f"theorem big: {left} = omega({g})\n")
    assert report["theta"].status == "proved", report["theta"].reason
    assert report["small"].status == "refuted", report["small"].reason
    assert report["big"].status == "refuted", report["big"].reason


def test_the_bundled_karatsuba() -> None:
    report = rcproof.verify_text(
        "import circuits\ntheorem k: log(tstar(Karatsuba)) = Theta(log(n))\n"
        "theorem k2: log(size(Karatsuba)) = Theta(log(n))\n")
    assert report["k"].status == "proved", report["k"].reason
    assert report["k2"].status == "proved", report["k2"].reason


@pytest.mark.parametrize("p", EXPONENTS)
def test_compare_through_the_api(p: str) -> None:
    result = rcproof.compare(f"log(n^({p}))", "log(n)")
    assert result.rel in ("Theta", "~"), result
