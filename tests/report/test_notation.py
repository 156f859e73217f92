"""The one printer, three styles: golden outputs and properties over generated trees."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rcproof.resources import grammar_path
from rcproof.syntax import ast as A
from rcproof.syntax.notation import indexed_classes, to_ascii, to_latex, to_text
from rcproof.syntax.parser import parse_expr, parse_prop

# ---- golden outputs -------------------------------------------------------------------

TEXT = [
    ("SMAT notin RC(sqrt(n))", "SMAT ∉ RC(√n)"),
    ("SMAT in RC(n^(2/3))", "SMAT ∈ RC(n^(2/3))"),
    ("n^(2/3) * log(n)^2 = Theta(n^2)", "n^(2/3)·log(n)² = Θ(n²)"),
    ("n^2 * log(n)^2 = Theta(n^2 * log(n)^2 + n^2) = omega(n^(3/2))",
     "n²·log(n)² = Θ(n²·log(n)² + n²) = ω(n^(3/2))"),
    ("f = Omega(g) and h = o(g) or h ~ f", "f = Ω(g) ∧ h = o(g) ∨ h ~ f"),
    ("f = Omega(g) and g = o(h)", "f = Ω(g) = o(h)"),  # the same tree as the chain
    ("f = O(g) and g = O(g)", "f = O(g) ∧ g = O(g)"),  # a trivial link is not chained
    ("f = O(g) and g = O(g) and g = o(h)", "f = O(g) ∧ g = O(g) ∧ g = o(h)"),
    ("not F in K -> K subsetneq L", "¬(F ∈ K) → K ⊊ L"),
    ("K subset L", "K ⊆ L"),
    ("0 < e <= 1", "0 < e ≤ 1"),
    ("e == 1", "e = 1"),
    ("oo = omega(n)", "∞ = ω(n)"),
    ("forall d : real where d > 2. forall f, g : fun where f = o(g). RC(f, d) subset RC(g, d)",
     "∀d ∈ ℝ, d > 2. ∀f, g : fun, f = o(g). RC(f, d) ⊆ RC(g, d)"),
    ("forall C : family. C in RC(n)", "∀C : family. C ∈ RC(n)"),
    ("(forall x : real. x > 0) and n = O(n)", "(∀x ∈ ℝ. x > 0) ∧ n = O(n)"),
    ("sqrt(n + 1) = O(sqrt(n)^3)", "√(n + 1) = O((√n)³)"),
    ("size(SMAT(p = log(n))) = Theta(n^2 * log(n)^2)", "size(SMAT(p = log(n))) = Θ(n²·log(n)²)"),
    ("n^(d/(d-1)) = O(n^x)", "n^(d/(d - 1)) = O(n^x)"),
    ("-n^2 + (-n)^2 - -1 = O(1)", "-n² + (-n)² - (-1) = O(1)"),
    ("n^-1 = o(1)", "n^(-1) = o(1)"),
    ("n = poly(n)", "n = poly(n)"),
]

LATEX = [
    ("RC(n^(2/3), d = 3)", "\\mathrm{RC}_{3}(n^{2/3})"),
    ("RC(n^(2/3), 3)", "\\mathrm{RC}_{3}(n^{2/3})"),
    ("RC(f)", "\\mathrm{RC}(f)"),
    ("RC(f, d)", "\\mathrm{RC}_{d}(f)"),
    ("log(n)", "\\log n"),
    ("log(n + 1)", "\\log(n + 1)"),
    ("log(n)^2", "\\log^{2} n"),
    ("log(n) * n", "\\log n \\cdot n"),
    ("n * log(n)", "n \\, \\log n"),
    ("sqrt(n)", "\\sqrt{n}"),
    ("a / b", "\\frac{a}{b}"),
    ("(a + b) / (c * d)", "\\frac{a + b}{c \\, d}"),
    ("n^(1/(d-1))", "n^{1/(d - 1)}"),
    ("SMAT", "\\mathrm{SMAT}"),
    ("lg", "\\mathit{lg}"),
    ("x_1", "\\mathit{x\\_1}"),
    ("eps", "\\varepsilon"),
    ("oo", "\\infty"),
    ("SMAT(p = log(n))", "\\mathrm{SMAT}(p = \\log n)"),
    ("size(SMAT)", "\\mathrm{size}(\\mathrm{SMAT})"),
    ("exp(n) + max(n, 2) - min(a, b)", "\\exp(n) + \\max(n, 2) - \\min(a, b)"),
    ("2 * 3 * n", "2 \\cdot 3 \\, n"),
    ("-(a * b)", "-(a \\, b)"),
    ("0.5", "\\frac{1}{2}"),
]

LATEX_PROPS = [
    ("f = Theta(g)", "f = \\Theta(g)"),
    ("f = Omega(g)", "f = \\Omega(g)"),
    ("f = omega(g)", "f = \\omega(g)"),
    ("f = o(g)", "f = o(g)"),
    ("f = O(g)", "f = O(g)"),
    ("f ~ g", "f \\sim g"),
    ("F in K", "F \\in K"),
    ("F notin K", "F \\notin K"),
    ("K subset L", "K \\subseteq L"),
    ("K subsetneq L", "K \\subsetneq L"),
    ("0 < e <= 1", "0 < e \\le 1"),
    ("not f = O(g)", "\\neg (f = O(g))"),
    ("f = O(g) and h = o(g)", "f = O(g) \\land h = o(g)"),
    ("f = O(g) or h = o(g)", "f = O(g) \\lor h = o(g)"),
    ("f = O(g) -> g = o(h)", "f = O(g) \\Rightarrow g = o(h)"),
    ("forall d : real where d > 2. n = O(n^d)",
     "\\forall d \\in \\mathbb{R},\\ d > 2 .\\; n = O(n^{d})"),
    ("forall f, g : fun where f = o(g), g = O(n). f = O(n)",
     "\\forall f, g : \\mathrm{fun},\\ f = o(g),\\ g = O(n) .\\; f = O(n)"),
    ("SMAT(p = log(n)) notin RC(n^(2/3), d = 3)",
     "\\mathrm{SMAT}(p = \\log n) \\notin \\mathrm{RC}_{3}(n^{2/3})"),
    ("size(SMAT) = Theta(n^2)", "\\mathrm{size}(\\mathrm{SMAT}) = \\Theta(n^{2})"),
    ("a = Theta(b) = o(c)", "a = \\Theta(b) = o(c)"),
]


@pytest.mark.parametrize(("source", "expected"), TEXT)
def test_text(source: str, expected: str) -> None:
    assert to_text(parse_prop(source)) == expected


@pytest.fixture(autouse=True)
def _rc_is_indexed():  # type: ignore[no-untyped-def]
    """As in the LaTeX report of a file that imports physics: RC's dimension `d` is a
    subscript (the report finds this from the class's RC shape)."""
    with indexed_classes({"RC": "d"}):
        yield


@pytest.mark.parametrize(("source", "expected"), LATEX)
def test_latex_expressions(source: str, expected: str) -> None:
    assert to_latex(parse_expr(source)) == expected


@pytest.mark.parametrize(("dims", "expected"), [
    ({}, "\\mathrm{RC}(n, d = 3)"), ({"RC": "d"}, "\\mathrm{RC}_{3}(n)"),
    ({"RC": "k"}, "\\mathrm{RC}(n, d = 3)"), ({"Fast": "d"}, "\\mathrm{RC}(n, d = 3)")])
def test_only_classes_of_the_rc_shape_are_indexed(dims: dict[str, str], expected: str) -> None:
    with indexed_classes(dims):
        assert to_latex(parse_expr("RC(n, d = 3)")) == expected


def test_a_users_class_is_indexed() -> None:
    with indexed_classes({"Slow": "dim"}):
        assert to_latex(parse_expr("Slow(n, dim = 2)")) == "\\mathrm{Slow}_{2}(n)"


@pytest.mark.parametrize(("source", "expected"), LATEX_PROPS)
def test_latex_propositions(source: str, expected: str) -> None:
    assert to_latex(parse_prop(source)) == expected


def test_ascii_keeps_the_users_order_and_minimal_parentheses() -> None:
    cases = {
        "L * H * (n^2 * w * p^2 + n * w^2 * p^2)": "L * H * (n^2 * w * p^2 + n * w^2 * p^2)",
        "(n)": "n",
        "((a + b)) * c": "(a + b) * c",
        "a - (b - c)": "a - (b - c)",
        "(a - b) - c": "a - b - c",
        "a^b^c": "a^b^c",
        "(a^b)^c": "(a^b)^c",
        "-(-n)": "-(-n)",
        "a - -b": "a - -b",
        "√n": "sqrt(n)",
        "∞": "oo",
    }
    for source, expected in cases.items():
        assert to_ascii(parse_expr(source)) == expected


def test_truth_and_numbers_outside_the_parser() -> None:
    assert to_text(A.Truth(True)) == "⊤"
    assert to_latex(A.Truth(False)) == "\\bot"
    assert to_ascii(A.Truth(True)) == "true"
    third = A.Num(Fraction(1, 3))
    assert to_text(third) == "1/3"
    assert to_latex(third) == "\\frac{1}{3}"
    assert to_text(A.BinOp("^", A.Name("n"), third)) == "n^(1/3)"
    assert to_latex(A.BinOp("^", A.Name("n"), third)) == "n^{1/3}"
    assert to_text(A.Num(Fraction(-5, 2))) == "-(5/2)"
    assert to_ascii(A.Num(Fraction(-5, 2))) == "-2.5"
    assert to_ascii(A.Neg(A.Num(Fraction(-1)))) == "-(-1)"


def test_rejects_non_nodes() -> None:
    with pytest.raises(TypeError):
        to_text("n")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_latex(A.Import("physics", False))  # type: ignore[arg-type]


LANGUAGE_STATEMENTS = [
    "SMAT in RC(n^(2/3))",
    "SMAT notin RC(sqrt(n))",
    "SMAT(p = log(n)) notin RC(n^(2/3))",
    "forall e : real where e > 0. SMAT(p = log(n)) in RC(n^(2/3 + e))",
    "RNN notin RC(n^(2/3), d = 3)",
    "lg^5 = o(n^eps)",
    "n^2 * log(n)^2 = Theta(n^2 * log(n)^2 + n^2) = omega(n^(3/2))",
    "forall d : real where d > 2. forall C : family where size(C) = omega(n^(d/(d-1))). "
    "C notin RC(n^(1/(d-1)), d)",
    "forall d : real where d >= 2. forall f, g : fun where f = o(g), f = Omega(n^(1/(d-1))). "
    "RC(f, d) subsetneq RC(g, d)",
    "size(SMAT)^(1/3) = omega(sqrt(n))",
]


@pytest.mark.parametrize("source", LANGUAGE_STATEMENTS)
def test_language_examples_round_trip(source: str) -> None:
    prop = parse_prop(source)
    assert parse_prop(to_ascii(prop)) == prop
    assert to_text(prop)
    _check_latex(to_latex(prop))


# ---- generated trees ------------------------------------------------------------------

_KEYWORDS = frozenset(re.findall(r'"([A-Za-z_][A-Za-z0-9_\']*)"',
                                 grammar_path().read_text(encoding="utf-8")))
_NAME = st.one_of(
    st.sampled_from(["n", "f", "g", "SMAT", "RC", "size", "eps", "lg", "oo", "x_1", "f'"]),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_']{0,6}", fullmatch=True),
).filter(lambda s: s not in _KEYWORDS)
_FUNC = st.one_of(st.sampled_from(["log", "sqrt", "exp", "max", "min", "size", "RC", "SMAT"]),
                  _NAME)
_DECIMAL = st.builds(lambda k, places: Fraction(k, 10**places),
                     st.integers(0, 10**6), st.integers(0, 3))


def _calls(children: st.SearchStrategy[A.Expr]) -> st.SearchStrategy[A.Expr]:
    return st.builds(A.Call, _FUNC,
                     st.lists(children, max_size=3).map(tuple),
                     st.lists(st.tuples(_NAME, children), max_size=2).map(tuple))


def _exprs(num: st.SearchStrategy[Fraction]) -> st.SearchStrategy[A.Expr]:
    leaves = st.one_of(st.builds(A.Num, num), st.builds(A.Name, _NAME))
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.builds(A.BinOp, st.sampled_from(["+", "-", "*", "/", "^"]), children, children),
            st.builds(A.Neg, children),
            _calls(children),
        ),
        max_leaves=12,
    )


# Trees the parser can produce (numbers are non-negative decimals) ...
PARSED_EXPRS = _exprs(_DECIMAL)
# ... and trees other stages build (any rational, negative numbers).
ANY_EXPRS = _exprs(st.fractions(max_denominator=50))


def _props(exprs: st.SearchStrategy[A.Expr], extra: bool) -> st.SearchStrategy[A.Prop]:
    landau = st.sampled_from(list(A.LANDAU))
    cmp_ops = st.sampled_from(["<", "<=", ">", ">=", "=="])
    comparison = st.integers(1, 3).flatmap(lambda k: st.builds(
        A.Comparison, st.lists(exprs, min_size=k + 1, max_size=k + 1).map(tuple),
        st.lists(cmp_ops, min_size=k, max_size=k).map(tuple)))
    relation = st.builds(A.Relation, exprs, landau, exprs)
    chain = st.lists(exprs, min_size=3, max_size=4).flatmap(
        lambda terms: st.lists(st.sampled_from(["O", "o", "Theta", "omega"]),
                               min_size=len(terms) - 1, max_size=len(terms) - 1).map(
            lambda rels: _build_chain(terms, rels)))
    atoms = [relation, comparison, chain,
             st.builds(A.Membership, exprs, exprs, st.booleans()),
             st.builds(A.Inclusion, exprs, exprs, st.booleans())]
    if extra:
        atoms.append(st.builds(A.Truth, st.booleans()))
    names = st.lists(_NAME.filter(lambda s: s != "oo"), min_size=1, max_size=3,
                     unique=True).map(tuple)
    return st.recursive(
        st.one_of(*atoms),
        lambda children: st.one_of(
            st.builds(A.Not, children),
            st.builds(A.And, children, children),
            st.builds(A.Or, children, children),
            st.builds(A.Implies, children, children),
            st.builds(A.Forall, names, st.sampled_from(["real", "fun", "family"]),
                      st.lists(children, max_size=2).map(tuple), children),
        ),
        max_leaves=6,
    )


def _build_chain(terms: list[A.Expr], rels: list[str]) -> A.Prop:
    out: A.Prop = A.Relation(terms[0], rels[0], terms[1])
    for left, rel, right in zip(terms[1:], rels[1:], terms[2:]):
        out = A.And(out, A.Relation(left, rel, right))
    return out


PARSED_PROPS = _props(PARSED_EXPRS, extra=False)
ANY_PROPS = _props(ANY_EXPRS, extra=True)


def _check_latex(text: str) -> None:
    depth = 0
    for i, char in enumerate(text):
        if char in "{}" and i > 0 and text[i - 1] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, text
    assert depth == 0, text
    assert not re.search(r"[^\x20-\x7e]", text), text  # plain ASCII for pdflatex


def _balanced_parens(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@settings(max_examples=300, deadline=None)
@given(PARSED_EXPRS)
def test_ascii_round_trip_expressions(expr: A.Expr) -> None:
    assert parse_expr(to_ascii(expr)) == expr


@settings(max_examples=300, deadline=None)
@given(PARSED_PROPS)
def test_ascii_round_trip_propositions(prop: A.Prop) -> None:
    assert parse_prop(to_ascii(prop)) == prop


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_EXPRS, ANY_PROPS))
def test_text_and_latex_never_crash(node: A.Expr | A.Prop) -> None:
    text = to_text(node)
    assert text and _balanced_parens(text)
    latex = to_latex(node)
    _check_latex(latex)
    assert _balanced_parens(latex)
    assert "--" not in to_ascii(node)  # `--` would start a comment


@settings(max_examples=200, deadline=None)
@given(PARSED_EXPRS)
def test_printing_ignores_spans(expr: A.Expr) -> None:
    reparsed = parse_expr(to_ascii(expr))
    assert to_text(reparsed) == to_text(expr)
    assert to_latex(reparsed) == to_latex(expr)
