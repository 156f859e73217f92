"""The parser accepts every example of LANGUAGE.md and builds the expected syntax tree."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.errors import RcError
from rcproof.syntax import ast as A
from rcproof.syntax.parser import parse, parse_expr, parse_prop

# The whole-file example of LANGUAGE.md, verbatim.
WHOLE_FILE = (Path(__file__).parent.parent / "language_example.rc").read_text(
    encoding="utf-8")

# The proof example of LANGUAGE.md, verbatim.
PROOF_EXAMPLE = """\
theorem smat_out: SMAT notin RC(sqrt(n))
proof
  have s: size(SMAT) = Theta(n^2)               by unfold
  have size(SMAT)^(1/3) = omega(sqrt(n))        by growth using s
  show SMAT notin RC(sqrt(n))                   by unfold
qed
"""

# The declarations table, with its placeholders (E, P, C, …) filled in.
DECLARATION_EXAMPLES = [
    "import physics",
    'import "path.rc"',
    "param x : real",
    "param x : real where 0 < x, x <= 1",
    "param a, b : real where a == 2 * b, 0 < b < 1",
    "let x = n^2 * log(n)",
    "fun f, g",
    "family F(a = 1, b = log(n)) { size = n^a; depth = O(n); width = Omega(sqrt(n)); let x = n }",
    "family F(a = 1) {\n  size = n\n  depth = log(n)\n}",
    "class K(f, d = 3) { exists t { depth = O(t); t = O(f) } size = poly(n) }",
    "class NC(k = 1) {\n  size = poly(n)\n  depth = O(log(n)^k)\n}",
    "axiom N: size(SMAT) = Theta(n^2)",
    'cite N: SMAT notin RC(sqrt(n)) "Prada and Mali 2025"',
    "theorem N: n = O(n^2)",
    "theorem N: n = O(n^2) proof show n = O(n^2) by growth qed",
    "lemma N: n = o(n^2)",
]

INSTANCE_EXAMPLES = [
    "SMAT",
    "SMAT(p = log(n), L = log(n))",
    "RC(n^(2/3))",
    "RC(f, d)",
    "RC(sqrt(n), d = 2)",
    "size(SMAT(p = log(n)))",
]

EXPRESSION_EXAMPLES = [
    "n", "3", "0.5", "eps", "E + E", "E - E", "E * E", "E / E", "E ^ E", "-E", "(E)",
    "log(E)", "sqrt(E)", "exp(E)", "max(E, E, E)", "min(E, E)", "size(F)", "n^2 - n",
]

# The propositions table, verbatim where the placeholders are names, else filled in.
PROPOSITION_EXAMPLES = [
    "E = O(E)",
    "E = Theta(E) = o(E)",
    "E ~ E",
    "F in K",
    "F notin K",
    "K subset K",
    "K subsetneq K",
    "not n = O(1)",
    "n = O(n) and n = o(n^2)",
    "n = O(n) or n = o(n^2)",
    "n = O(n) -> n = o(n^2)",
    "(n = O(n) -> n = o(n^2)) and not (n = O(1))",
    "forall x : real where x > 1. n = o(n^x)",
    "forall f, g : fun where f = o(g). f = O(g)",
    "forall C : family where size(C) = O(n). C in RC(n)",
    "SMAT ∉ RC(√n)",  # the `statement` field of the JSON example
]


# ---- every example parses -------------------------------------------------------------


def test_whole_file_parses() -> None:
    module = parse(WHOLE_FILE, "attention.rc")
    kinds = [type(d).__name__ for d in module.decls]
    assert kinds == ["Import", "ParamDecl", "LetDecl", "FunDecl", "FamilyDecl", "FamilyDecl"] \
        + ["Theorem"] * 9
    names = [getattr(d, "name", None) for d in module.decls if isinstance(d, A.Theorem)]
    assert names == ["smat_in", "smat_out", "smat_prec", "smat_eps", "rnn_slow",
                     "poly_beats_log", "chain", "entropy_limit", "hierarchy"]
    lemmas = {d.name for d in module.decls if isinstance(d, A.Theorem) and d.is_lemma}
    assert lemmas == {"poly_beats_log", "chain"}
    assert module.path == "attention.rc"
    assert module.source == WHOLE_FILE


def test_proof_example_parses() -> None:
    (theorem,) = parse(PROOF_EXAMPLE).decls
    assert isinstance(theorem, A.Theorem)
    assert theorem.proof is not None
    steps = theorem.proof.steps
    assert [(s.kind, s.label, s.tactic, s.using) for s in steps] == [
        ("have", "s", "unfold", ()),
        ("have", None, "growth", ("s",)),
        ("show", None, "unfold", ()),
    ]
    assert steps[2].prop == theorem.prop


@pytest.mark.parametrize("source", DECLARATION_EXAMPLES)
def test_declaration_examples_parse(source: str) -> None:
    assert len(parse(source).decls) == 1


@pytest.mark.parametrize("source", INSTANCE_EXAMPLES + EXPRESSION_EXAMPLES)
def test_expression_examples_parse(source: str) -> None:
    parse_expr(source)


@pytest.mark.parametrize("source", PROPOSITION_EXAMPLES)
def test_proposition_examples_parse(source: str) -> None:
    parse_prop(source)


# ---- shapes ---------------------------------------------------------------------------


def n() -> A.Name:
    return A.Name("n")


def num(value: int | str) -> A.Num:
    return A.Num(Fraction(value))


def pw(base: A.Expr, exp: A.Expr) -> A.BinOp:
    return A.BinOp("^", base, exp)


def test_chained_relation_is_and_of_adjacent_links() -> None:
    prop = parse_prop("a = Theta(b) = o(c) = O(d)")
    a, b, c, d = (A.Name(x) for x in "abcd")
    assert prop == A.And(A.And(A.Relation(a, "Theta", b), A.Relation(b, "o", c)),
                         A.Relation(c, "O", d))


def test_chain_in_whole_file() -> None:
    module = parse(WHOLE_FILE)
    chain = next(d for d in module.decls if getattr(d, "name", "") == "chain")
    assert isinstance(chain, A.Theorem)
    assert isinstance(chain.prop, A.And)
    first, second = chain.prop.left, chain.prop.right
    assert isinstance(first, A.Relation) and isinstance(second, A.Relation)
    assert (first.rel, second.rel) == ("Theta", "omega")
    assert first.right == second.left


def test_chained_comparison_is_one_comparison() -> None:
    prop = parse_prop("0 < e < 1")
    assert prop == A.Comparison((num(0), A.Name("e"), num(1)), ("<", "<"))
    assert parse_prop("a <= b == c >= d > e") == A.Comparison(
        tuple(A.Name(x) for x in "abcde"), ("<=", "==", ">=", ">"))


def test_param_constraints() -> None:
    (decl,) = parse("param eps : real where 0 < eps < 1").decls
    assert decl == A.ParamDecl(("eps",), (A.Comparison((num(0), A.Name("eps"), num(1)),
                                                       ("<", "<")),))


def test_family_resources_exact_and_bounded() -> None:
    (family,) = parse("family F(a = 1, b) { size = n^a; depth = O(log(n)); "
                      "wire = Omega(n); let x = n }").decls
    assert isinstance(family, A.FamilyDecl)
    assert family.params == (A.Param("a", num(1)), A.Param("b", None))
    assert family.items == (
        A.Resource("size", "Theta", pw(n(), A.Name("a"))),
        A.Resource("depth", "O", A.Call("log", (n(),))),
        A.Resource("wire", "Omega", n()),
        A.FamilyLet("x", n()),
    )


def test_family_items_on_lines_without_separators() -> None:
    (family,) = parse("family G {\n  size = n\n  depth = n\n}").decls
    assert isinstance(family, A.FamilyDecl)
    assert family.params == ()
    assert [item.name for item in family.items] == ["size", "depth"]


def test_class_with_exists_block() -> None:
    (cls,) = parse("class K(f, d = 3) {\n  exists t { size = O(t^d); t > 0 }\n"
                   "  depth = O(f)\n  size = poly(n)\n}").decls
    assert isinstance(cls, A.ClassDecl)
    assert cls.params == (A.Param("f", None), A.Param("d", num(3)))
    assert cls.exists_var == "t"
    assert cls.exists_constraints == (
        A.Relation(A.Name("size"), "O", pw(A.Name("t"), A.Name("d"))),
        A.Comparison((A.Name("t"), num(0)), (">",)),
    )
    assert cls.constraints == (A.Relation(A.Name("depth"), "O", A.Name("f")),
                               A.Relation(A.Name("size"), "poly", n()))


def test_class_without_exists_or_params() -> None:
    (cls,) = parse("class P { size = poly(n); depth = polylog(n) }").decls
    assert isinstance(cls, A.ClassDecl)
    assert (cls.params, cls.exists_var, cls.exists_constraints) == ((), None, ())
    assert [c.rel for c in cls.constraints if isinstance(c, A.Relation)] == ["poly", "polylog"]


def test_proof_with_have_show_by_using() -> None:
    (thm,) = parse("lemma l: n = O(n^2)\nproof\n  have a: n = O(n) by auto using x, y\n"
                   "  show n = O(n^2) by a\nqed").decls
    assert isinstance(thm, A.Theorem) and thm.is_lemma and thm.proof is not None
    first, second = thm.proof.steps
    assert first == A.Step("have", "a", A.Relation(n(), "O", n()), "auto", ("x", "y"))
    assert second == A.Step("show", None, thm.prop, "a", ())
    assert parse("theorem t: n = O(n) proof qed").decls[0].proof == A.Proof(())


def test_theorem_without_proof() -> None:
    (thm,) = parse("theorem t: SMAT in RC(n)").decls
    assert isinstance(thm, A.Theorem)
    assert thm.proof is None and not thm.is_lemma


def test_import_cite_axiom() -> None:
    imp, path, ax, cite = parse('import physics\nimport "lib/x.rc"\naxiom a: n = O(n)\n'
                                'cite c: n = o(n^2) "Knuth 1976"').decls
    assert imp == A.Import("physics", False)
    assert path == A.Import("lib/x.rc", True)
    assert ax == A.Axiom("a", A.Relation(n(), "O", n()))
    assert cite == A.Cite("c", A.Relation(n(), "o", pw(n(), num(2))), "Knuth 1976")


def test_instances_and_resources() -> None:
    assert parse_expr("SMAT(p = log(n), L = 2)") == A.Call(
        "SMAT", (), (("p", A.Call("log", (n(),))), ("L", num(2))))
    assert parse_expr("RC(sqrt(n), d = 2)") == A.Call(
        "RC", (A.Call("sqrt", (n(),)),), (("d", num(2)),))
    assert parse_expr("RC(f, d)") == A.Call("RC", (A.Name("f"), A.Name("d")))
    assert parse_expr("size(SMAT(p = log(n)))") == A.Call(
        "size", (A.Call("SMAT", (), (("p", A.Call("log", (n(),))),)),))


def test_membership_and_inclusion() -> None:
    assert parse_prop("F notin K") == A.Membership(A.Name("F"), A.Name("K"), True)
    assert parse_prop("F in K") == A.Membership(A.Name("F"), A.Name("K"), False)
    assert parse_prop("K subsetneq L") == A.Inclusion(A.Name("K"), A.Name("L"), True)
    assert parse_prop("K subset L") == A.Inclusion(A.Name("K"), A.Name("L"), False)
    assert parse_prop("E ~ F") == A.Relation(A.Name("E"), "~", A.Name("F"))


def test_connective_precedence() -> None:
    p, q, r = (parse_prop(f"{x} = O(n)") for x in "pqr")
    assert parse_prop("not p = O(n) and q = O(n) or r = O(n)") == A.Or(A.And(A.Not(p), q), r)
    assert parse_prop("p = O(n) -> q = O(n) -> r = O(n)") == A.Implies(p, A.Implies(q, r))
    assert parse_prop("p = O(n) or q = O(n) -> r = O(n)") == A.Implies(A.Or(p, q), r)


def test_forall_nests_and_keeps_conditions() -> None:
    prop = parse_prop("forall d : real where d > 2, d < 5. forall f, g : fun. f = O(g)")
    assert prop == A.Forall(
        ("d",), "real",
        (A.Comparison((A.Name("d"), num(2)), (">",)), A.Comparison((A.Name("d"), num(5)), ("<",))),
        A.Forall(("f", "g"), "fun", (), A.Relation(A.Name("f"), "O", A.Name("g"))))


def test_arithmetic_precedence_and_associativity() -> None:
    a, b, c = A.Name("a"), A.Name("b"), A.Name("c")
    assert parse_expr("a - b - c") == A.BinOp("-", A.BinOp("-", a, b), c)
    assert parse_expr("a / b * c") == A.BinOp("*", A.BinOp("/", a, b), c)
    assert parse_expr("a ^ b ^ c") == pw(a, pw(b, c))
    assert parse_expr("-a ^ 2") == A.Neg(pw(a, num(2)))
    assert parse_expr("a ^ -b") == pw(a, A.Neg(b))
    assert parse_expr("a + b * c ^ 2") == A.BinOp("+", a, A.BinOp("*", b, pw(c, num(2))))
    assert parse_expr("(a + b) * c") == A.BinOp("*", A.BinOp("+", a, b), c)


def test_numbers_are_exact_rationals() -> None:
    assert parse_expr("0.5") == A.Num(Fraction(1, 2))
    assert parse_expr("2.25") == A.Num(Fraction(9, 4))
    assert parse_expr("007") == A.Num(Fraction(7))


def test_names_may_contain_primes_and_underscores() -> None:
    assert parse_expr("f' + _x2") == A.BinOp("+", A.Name("f'"), A.Name("_x2"))


# ---- spans ----------------------------------------------------------------------------


def test_declaration_spans() -> None:
    module = parse(WHOLE_FILE, "attention.rc")
    lines = {getattr(d, "name", type(d).__name__): d.span for d in module.decls}
    smat_out = lines["smat_out"]
    assert smat_out is not None
    assert (smat_out.path, smat_out.line, smat_out.column) == ("attention.rc", 20, 1)
    assert (smat_out.end_line, smat_out.end_column) == (20, 42)
    family = lines["SMAT"]
    assert family is not None
    assert (family.line, family.column, family.end_line, family.end_column) == (9, 1, 12, 2)
    entropy = lines["entropy_limit"]
    assert entropy is not None and (entropy.line, entropy.end_line) == (28, 31)


def test_expression_spans() -> None:
    (thm,) = parse("theorem t:  SMAT notin RC(sqrt(n))").decls
    assert isinstance(thm, A.Theorem) and isinstance(thm.prop, A.Membership)
    member, cls = thm.prop.member, thm.prop.cls
    assert member.span == A.Span("<input>", 1, 13, 1, 17)
    assert cls.span == A.Span("<input>", 1, 24, 1, 35)
    assert isinstance(cls, A.Call)
    assert cls.args[0].span == A.Span("<input>", 1, 27, 1, 34)
    assert thm.prop.span == A.Span("<input>", 1, 13, 1, 35)


def test_spans_on_later_lines_and_params() -> None:
    module = parse("\n\nfamily F(a = 2) {\n  size = n^a\n  depth = n\n}\n", "f.rc")
    (family,) = module.decls
    assert isinstance(family, A.FamilyDecl)
    assert family.params[0].span == A.Span("f.rc", 3, 10, 3, 11)
    size = family.items[0]
    assert size.span == A.Span("f.rc", 4, 3, 4, 13)
    assert isinstance(size, A.Resource)
    assert size.expr.span == A.Span("f.rc", 4, 10, 4, 13)


def test_step_spans() -> None:
    (thm,) = parse(PROOF_EXAMPLE).decls
    assert isinstance(thm, A.Theorem) and thm.proof is not None
    assert [(s.span.line, s.span.column) for s in thm.proof.steps if s.span] == [
        (3, 3), (4, 3), (5, 3)]


def test_spans_do_not_affect_equality() -> None:
    assert parse_expr("n  +  1") == parse_expr("n+1")
    assert parse_expr("n+1").span != parse_expr("n  +  1").span


# ---- Unicode aliases ------------------------------------------------------------------

UNICODE_PAIRS = [
    ("F ∈ K", "F in K"),
    ("F ∉ K", "F notin K"),
    ("K ⊆ L", "K subset L"),
    ("K ⊊ L", "K subsetneq L"),
    ("∀ x : real. n = O(n^x)", "forall x : real. n = O(n^x)"),
    ("n = O(n) → n = O(n^2)", "n = O(n) -> n = O(n^2)"),
    ("n = Θ(n)", "n = Theta(n)"),
    ("n = Ω(1)", "n = Omega(1)"),
    ("n^2 = ω(n)", "n^2 = omega(n)"),
    ("∞ = ω(n)", "oo = omega(n)"),
    ("√n = o(n)", "sqrt(n) = o(n)"),
    ("√(n + 1) = O(√n)", "sqrt(n + 1) = O(sqrt(n))"),
    ("0 ≤ e ≥ 1", "0 <= e >= 1"),
    ("∀ d : real where d ≥ 2. SMAT ∉ RC(√n, d) → RC(√n) ⊊ RC(n)",
     "forall d : real where d >= 2. SMAT notin RC(sqrt(n), d) -> RC(sqrt(n)) subsetneq RC(n)"),
]


@pytest.mark.parametrize(("unicode", "ascii_"), UNICODE_PAIRS)
def test_unicode_aliases(unicode: str, ascii_: str) -> None:
    assert parse_prop(unicode) == parse_prop(ascii_)


def test_sqrt_sign_binds_to_an_atom() -> None:
    assert parse_expr("√n^2") == pw(A.Call("sqrt", (n(),)), num(2))
    assert parse_expr("2 * √n") == A.BinOp("*", num(2), A.Call("sqrt", (n(),)))


# ---- documentation comments -----------------------------------------------------------


def test_doc_comments_attach_to_the_next_declaration() -> None:
    module = parse(WHOLE_FILE)
    docs = {getattr(d, "name", type(d).__name__): d.doc for d in module.decls}
    assert docs["SMAT"] == ("Softmax-attention transformer, L layers, H heads, width w, "
                            "precision p bits.")
    assert docs["RNN"] is None  # a blank line separates it from any comment
    assert docs["Import"] == "attention.rc : where full attention sits among the RC classes"
    assert docs["lg"] == "an abbreviation (a growth function)"  # a trailing comment
    assert docs["smat_in"] is None


def test_multi_line_doc_and_gap() -> None:
    source = ("-- first line\n-- second line\ntheorem a: n = O(n)\n\n-- detached\n\n"
              "theorem b: n = O(n)\n")
    a, b = parse(source).decls
    assert a.doc == "first line second line"
    assert b.doc is None


def test_doc_on_family_and_class() -> None:
    source = "-- a family\nfamily F { size = n; depth = n }\n-- a class\nclass K { size = O(n) }\n"
    family, cls = parse(source).decls
    assert family.doc == "a family"
    assert cls.doc == "a class"


# ---- keywords -------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["let in = 1", "fun O", "param real : real",
                                    "theorem proof: n = O(n)", "lemma l: omega = O(n)"])
def test_keywords_are_not_names(source: str) -> None:
    with pytest.raises(RcError):
        parse(source)


def test_names_that_start_with_keywords_are_names() -> None:
    assert parse_expr("into + Omega2 + order + poly_x") == A.BinOp(
        "+", A.BinOp("+", A.BinOp("+", A.Name("into"), A.Name("Omega2")), A.Name("order")),
        A.Name("poly_x"))
