"""Issue 10: the kinds of wrong verdict (five, and two found since), each as a family of
cases, run through every path a verdict can take: `auto`, an explicit proof, `by NAME`,
`using`, the cache (a second run reads it) and `--jobs 2`.

A case is a prelude (declarations), a statement and the verdicts it may get. The statements
are false (they may never be `proved`), or true ones that must stay decided, or ones whose
right answer is "not vacuous". Every case is generated in several spellings: renamed bound
variables, both sides of each relation multiplied by one positive function.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.kernel.instantiate import substitute
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_ascii
from rcproof.syntax.parser import parse_expr, parse_prop
from rcproof.syntax.walk import rewrite
from rcproof.verify import verify_paths

NOT_PROVED = {"refuted", "unknown"}          # a false statement
DECIDED_TRUE = {"proved"}                    # a true statement that must stay proved
NOT_VACUOUS_FALSE = {"refuted", "unknown"}   # false and the hypotheses admit objects
NOT_VACUOUS = {"proved", "unknown"}          # true, hypotheses admit objects

Case = tuple[str, str, str, set[str]]  # (label, prelude, statement, allowed verdicts)

# ---- kind 1: hypotheses decided before their own side conditions -----------------------
KIND1: list[Case] = []
for lead in ("n", "n^2", "n*log(n)", "sqrt(n)"):
    KIND1.append((f"diff-{lead}", "fun f0",
                  f"forall f : fun where {lead} - f = Theta({lead} / f). f = O(1)", NOT_PROVED))
for grows in ("n", "n^2", "log(n)"):
    KIND1.append((f"log-hyp-{grows}", "",
                  f"forall f : fun where log(f) = O(1). f = omega({grows})", NOT_VACUOUS_FALSE))
    KIND1.append((f"log-hyp-and-{grows}", "",
                  f"(forall f : fun where log(f) = O(1). f = omega({grows})) and n = O(n)",
                  NOT_PROVED))
KIND1 += [
    ("diff-param", "param d : real where d > 1",
     "forall f : fun where n^d - f = Theta(n^d / f). f = O(1)", NOT_PROVED),
    ("diff-inner", "",
     "forall d : real where d > 1. forall f : fun where n^d - f = Theta(n^d / f). f = O(1)",
     NOT_PROVED),
    ("true-diff", "", "forall f : fun where f = o(n). n - f = Theta(n)", DECIDED_TRUE),
    ("true-log", "", "forall f : fun where f = Omega(n). log(f) = Omega(log(n))",
     DECIDED_TRUE),
]

# ---- kind 2: a forall rebinding a declared name -----------------------------------------
SHADOW = """param a : real where a > 0
fun f
let x = a
family F(k = a) { size = n^k; depth = 1 }
family G { size = n^2; depth = 1 }"""
KIND2: list[Case] = [
    ("param", SHADOW, "(a > 0) -> (forall a : real. a > 0)", NOT_PROVED),
    ("param-and", SHADOW, "a > 0 and (forall a : real. a > 0)", NOT_PROVED),
    ("let", SHADOW, "forall a : real where a < 0. x < 0", NOT_PROVED),
    ("let-true", SHADOW, "forall a : real where a < 0. x > 0", DECIDED_TRUE),
    ("default", SHADOW, "forall a : real where a < 0. size(F) = o(1)", NOT_PROVED),
    ("default-true", SHADOW, "forall a : real where a < 0. size(F) = omega(1)", DECIDED_TRUE),
    ("explicit-arg", SHADOW, "forall a : real where a < 0. size(F(k = a)) = omega(1)",
     NOT_PROVED),
    ("fun", SHADOW, "f = O(n) -> (forall f : fun. f = O(n))", NOT_PROVED),
    ("family", SHADOW,
     "size(G) = Theta(n^2) -> (forall G : family. size(G) = Theta(n^2))", NOT_PROVED),
]

# ---- kind 3: instantiation outside a variable's kind and range --------------------------
FACTS = """lemma funpoly: forall f : fun. f = poly(n)
lemma klog: forall k : real. log(n)^k = o(n)
lemma fampoly: forall C : family. size(C) = poly(n)
family E { size = 2^n; depth = 1 }
family Bnd { size = Omega(n); depth = 1 }"""
KIND3: list[Case] = []
for term in ("n^n", "2^n", "exp(n)", "n^log(n)", "exp(sqrt(n))"):
    KIND3.append((f"fun-{term}", FACTS, f"{term} = poly(n)", NOT_PROVED))
for term in ("log(n)/log(log(n))", "n", "log(n)"):
    KIND3.append((f"real-{term}", FACTS, f"log(n)^({term}) = o(n)", NOT_PROVED))
KIND3 += [
    ("family-exact", FACTS, "size(E) = poly(n)", NOT_PROVED),
    ("family-bounded", FACTS, "size(Bnd) = poly(n)", NOT_PROVED),
    ("bounded-exp", FACTS, "size(Bnd) = O(2^n)", NOT_PROVED),
]
BY_FACT = {"fun-": "funpoly", "real-": "klog", "family-": "fampoly", "bounded-": "fampoly"}

# ---- kind 4: classes unfolded in the user's scope ---------------------------------------
KIND4: list[Case] = [
    ("param-size", "import physics\nparam size : real where size > 0\n"
     "family Q { size = n^2; depth = 1 }", "Q in RC(sqrt(n))", NOT_PROVED),
    ("fun-depth", "import physics\nfun depth\nfamily Q { size = 1; depth = n^2 }",
     "Q in RC(sqrt(n))", NOT_PROVED),
    ("let-size", "import physics\nlet size = 1\nfamily Q { size = n^3; depth = 1 }",
     "Q in RC(sqrt(n))", NOT_PROVED),
    ("bound-t", "import physics\nfamily S { size = n^2; depth = log(n) }",
     "forall t : real where t > 0. S in RC(n^t)", NOT_PROVED),
    ("param-t", "import physics\nparam t : real where t > 0\nfamily S { size = n^2; depth = 1 }",
     "S in RC(n^t)", NOT_PROVED),
    ("true-t", "import physics\nfamily S { size = n^2; depth = log(n) }",
     "forall t : real where t >= 2/3. S in RC(n^t)", DECIDED_TRUE),
]

# ---- kind 5: super-polynomial bounds are not contradictions -----------------------------
KIND5: list[Case] = []
for bound in ("2^n", "n^n", "exp(n)", "exp(sqrt(n))"):
    prelude = f"import physics\nfamily B {{ size = Omega({bound}); depth = 1 }}"
    KIND5.append((f"in-{bound}", prelude, "B in RC(n)", NOT_VACUOUS_FALSE))
    KIND5.append((f"notin-{bound}", prelude, "B notin RC(n)", NOT_VACUOUS))
    prelude = f"import physics\nfamily D {{ size = n; depth = Omega({bound}) }}"
    KIND5.append((f"depth-{bound}", prelude, "D in RC(n)", NOT_VACUOUS_FALSE))
KIND5 += [
    ("poly-bounded", "family B2 { size = Omega(n); depth = 1 }", "size(B2) = poly(n)",
     NOT_PROVED),
    ("exp-bounded", "family B2 { size = Omega(n); depth = 1 }", "size(B2) = O(2^n)",
     NOT_PROVED),
    ("log-of-bounded", "family B2 { size = Omega(n); depth = 1 }",
     "log(size(B2)) = O(log(n)^2)", NOT_PROVED),
    ("sqrt-log-of-bounded", "family B2 { size = Omega(n); depth = 1 }",
     "sqrt(log(size(B2))) = o(n)", NOT_PROVED),
    ("exp-log-of-bounded", "family B2 { depth = Omega(n); size = n^9 }",
     "exp(log(depth(B2))) = O(n^10)", NOT_PROVED),
    ("true-upper", "import physics\nfamily B3 { size = O(n^2); depth = 1 }",
     "B3 in RC(n)", DECIDED_TRUE),
]

# ---- kind 6: a forall prefix over a statement with fixed unknowns -----------------------
# Refuted only when it fails for every admissible value of the fixed unknowns (some value
# of the bound variables failing for each); a statement true for some values (or all)
# never refuted. `holds(lo, c)`: the truth of `forall x where 0 < x < c. n^a = omega(n^x)`
# for `param a : real where a > lo` is "true for a >= c": proved iff lo >= c.
NOT_REFUTED = {"proved", "unknown"}
REFUTED_OR_UNKNOWN = {"refuted", "unknown"}
KIND6: list[Case] = []
for lo in ("0", "1", "2", "5/2"):
    prelude = f"param a : real where a > {lo}\nfun g"
    KIND6 += [
        (f"every-x-{lo}", prelude, "forall x : real where x > 0. n^a = omega(n^x)",
         REFUTED_OR_UNKNOWN),
        (f"every-x-dual-{lo}", prelude, "forall x : real where x > 0. n^x = omega(n^a)",
         REFUTED_OR_UNKNOWN),
        (f"shifted-{lo}", prelude, "forall x : real where x > a. n^x = omega(n^a)",
         DECIDED_TRUE),
        (f"some-a-{lo}", prelude, "forall x : real where x > 0. n^(a*x) = omega(n^x)",
         NOT_REFUTED),
    ]
    for c in ("1", "2", "3"):
        holds = "proved" if Fraction(lo) >= Fraction(c) else "unknown"
        KIND6.append((f"below-{c}-{lo}", prelude,
                      f"forall x : real where 0 < x < {c}. n^a = omega(n^x)",
                      {holds} if holds == "proved" else NOT_REFUTED))
KIND6 += [
    ("fun-every", "fun g", "forall f : fun. g = omega(f)", REFUTED_OR_UNKNOWN),
    ("fun-some", "fun g", "forall f : fun. g*f = omega(f)", NOT_REFUTED),
    ("fun-all", "fun g", "forall f : fun. g*f = Theta(f*g)", DECIDED_TRUE),
    ("resource", "family B { size = O(n^2); depth = 1 }",
     "forall f : fun. size(B) = o(f * n^3)", NOT_REFUTED),
    ("resource-false", "family B { size = O(n^2); depth = 1 }",
     "forall f : fun. size(B) = o(f)", NOT_PROVED),
]

# ---- kind 7: a family that is no circuit instantiating a `forall C : family` fact -------
# `forall C : family` ranges over circuits (THEORY.md §4: size ≥ depth ≥ 1), so a fact
# proved for all of them says nothing of a declaration that breaks the structural facts;
# instantiating it anyway derived a contradiction and proved anything (review 7, F3).
CIRCUIT_FACTS = """lemma sd: forall C : family. depth(C) = O(size(C))
lemma spos: forall C : family. size(C) = Omega(1)
lemma dpos: forall C : family. depth(C) = Omega(1)
family Deep { size = n; depth = n^2 }
family Vanish { size = 1/n; depth = 1/n }
family Shallow { size = n^2; depth = 1/n^2 }
family Pk(k = 1) { size = n^k; depth = 1 }
family Good { size = n^2; depth = n }"""
KIND7: list[Case] = []
K7_STEPS: dict[str, tuple[str, str]] = {}  # label -> (the instance claimed, the fact)
for family, fact, instance in (
        ("Deep", "sd", "depth(Deep) = O(size(Deep))"),
        ("Vanish", "spos", "size(Vanish) = Omega(1)"),
        ("Vanish", "sd", "depth(Vanish) = O(size(Vanish))"),
        ("Shallow", "dpos", "depth(Shallow) = Omega(1)"),
        ("Pk", "spos", "size(Pk(k = -1)) = Omega(1)"),
        ("Pk", "sd", "depth(Pk(k = -2)) = O(size(Pk(k = -2)))")):
    for false in ("n^2 = O(n)", "1 = O(1/n)", "n = o(log(n))"):
        label = f"{family}-{fact}-{false}"
        KIND7.append((label, CIRCUIT_FACTS, false, NOT_PROVED))
        K7_STEPS[f"k7:{label}"] = (instance, fact)
KIND7.append(("Good-sd", CIRCUIT_FACTS, "n = O(n^2)", DECIDED_TRUE))
K7_STEPS["k7:Good-sd"] = ("depth(Good) = O(size(Good))", "sd")

CASES: list[Case] = [(f"k7:{c[0]}", *c[1:]) for c in KIND7] + \
    [(f"k6:{c[0]}", *c[1:]) for c in KIND6] + \
    [(f"k1:{c[0]}", *c[1:]) for c in KIND1] + \
    [(f"k2:{c[0]}", *c[1:]) for c in KIND2] + [(f"k3:{c[0]}", *c[1:]) for c in KIND3] + \
    [(f"k4:{c[0]}", *c[1:]) for c in KIND4] + [(f"k5:{c[0]}", *c[1:]) for c in KIND5]


# ---- spellings: renamed bound variables, both sides times a positive function ----------
def _rename(statement: str) -> str:
    """Rename every bound variable (`forall x`) to a fresh name, free occurrences of a
    declared name of the same spelling untouched."""

    def change(node: object) -> object | None:
        if not isinstance(node, A.Forall):
            return None
        fresh = {x: A.Name(f"{x}_r") for x in node.names}
        inner = A.Forall(node.names, node.kind,
                         tuple(rewrite(h, change) for h in node.where),  # type: ignore[misc]
                         rewrite(node.body, change))  # type: ignore[arg-type]
        return A.Forall(tuple(f"{x}_r" for x in node.names), node.kind,
                        substitute(inner.where, fresh),  # type: ignore[arg-type]
                        substitute(inner.body, fresh))  # type: ignore[arg-type]

    return to_ascii(rewrite(parse_prop(statement, "<case>"), change))  # type: ignore[arg-type]


def _scale(statement: str, factor: str) -> str:
    """Multiply both sides of every Landau relation by one positive function (AST level)."""
    prop = parse_prop(statement, "<case>")
    times = parse_expr(factor, "<factor>")

    def change(node: object) -> object | None:
        if isinstance(node, A.Relation) and node.rel not in ("poly", "polylog"):
            return A.Relation(A.BinOp("*", node.left, times), node.rel,
                              A.BinOp("*", times, node.right))
        return None

    return to_ascii(rewrite(prop, change))  # type: ignore[arg-type]


def spellings(statement: str) -> list[str]:
    out = [statement, _rename(statement)]
    for factor in ("n^3", "log(n)"):
        if "=" in statement and "poly" not in statement:
            out.append(_scale(statement, factor))
    return list(dict.fromkeys(out))


# ---- paths: auto, explicit proof, by NAME, using ----------------------------------------
def _paths(label: str, statement: str) -> list[tuple[str, str]]:
    """(path name, theorem text) for each route a verdict can take."""
    routes = [("auto", f"theorem goal: {statement}\n"),
              ("explicit", f"theorem goal: {statement}\nproof\n  show {statement} by auto\nqed\n"),
              ("using", "lemma helper: n = O(n^2)\n"
               f"theorem goal: {statement}\nproof\n  show {statement} by auto using helper\nqed\n")]
    for prefix, fact in BY_FACT.items():
        if label.startswith(f"k3:{prefix}"):
            routes.append(("by-name", f"theorem goal: {statement}\nproof\n  show {statement} "
                           f"by {fact}\nqed\n"))
    if label in K7_STEPS:
        instance, fact = K7_STEPS[label]
        routes.append(("instance", f"theorem goal: {statement}\nproof\n  have a: {instance} "
                       f"by {fact}\n  show {statement} by auto using a\nqed\n"))
    return routes


def _files(tmp: Path) -> list[tuple[Path, str, set[str]]]:
    out = []
    counter = itertools.count()
    for label, prelude, statement, allowed in CASES:
        for spelled in spellings(statement):
            for route, theorem in _paths(label, spelled):
                path = tmp / f"case{next(counter)}.rc"
                path.write_text(prelude + "\n" + theorem, encoding="utf-8")
                out.append((path, f"{label} [{route}] {spelled}", allowed))
    return out


def _verdicts(files: list[tuple[Path, str, set[str]]], **options: object) -> dict[Path, str]:
    results = verify_paths([p for p, _, _ in files], budget=1.0, evidence=False,
                           **options)  # type: ignore[arg-type]
    out = {}
    for (path, _, _), (_, rs) in zip(files, results):
        out[path] = next(r.verdict.status for r in rs if r.name == "goal")
    return out


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, str, set[str]]]:
    return _files(tmp_path_factory.mktemp("kinds"))


def _check(files: list[tuple[Path, str, set[str]]], verdicts: dict[Path, str]) -> None:
    wrong = [f"{label}: {verdicts[path]} (allowed: {sorted(allowed)})"
             for path, label, allowed in files
             if verdicts[path] not in allowed and not (
                 allowed is DECIDED_TRUE and "[by-name]" in label)]
    assert wrong == [], "\n".join(wrong)


def test_family_is_large(case_files: list[tuple[Path, str, set[str]]]) -> None:
    assert len(case_files) >= 300


def test_every_kind_every_path(case_files: list[tuple[Path, str, set[str]]]) -> None:
    _check(case_files, _verdicts(case_files, use_cache=False))


def test_from_the_cache_and_with_two_jobs(case_files: list[tuple[Path, str, set[str]]]
                                          ) -> None:
    """A second, cached run and a two-worker run give the same verdicts."""
    sample = case_files[::3]
    first = _verdicts(sample, use_cache=True)
    again = _verdicts(sample, use_cache=True)
    parallel = _verdicts(sample, use_cache=True, jobs=2)
    workers = _verdicts(sample, use_cache=False, jobs=2)  # a cached run replays, no workers
    assert first == again == parallel == workers
    _check(sample, again)


@pytest.mark.parametrize("statement", [c[2] for c in KIND1 if c[3] is DECIDED_TRUE])
def test_spellings_of_true_statements_agree(statement: str, tmp_path: Path) -> None:
    """Renaming bound variables or scaling both sides never changes a verdict."""
    files = []
    for i, spelled in enumerate(spellings(statement)):
        path = tmp_path / f"s{i}.rc"
        path.write_text(f"theorem goal: {spelled}\n", encoding="utf-8")
        files.append((path, spelled, DECIDED_TRUE))
    verdicts = _verdicts(files, use_cache=False)
    assert set(verdicts.values()) == {"proved"}, verdicts


EXACT = [
    ("", "forall f : fun where n - f = Theta(n / f). f = O(1)", "refuted", "f = n - 1"),
    ("", "forall f : fun where n^2 - f = Theta(n^2 / f). f = O(1)", "refuted", "f = n² - 1"),
    ("", "forall f : fun where log(f) = O(1). f = omega(n)", "refuted", "f = 2"),
    ("", "(forall f : fun where log(f) = O(1). f = omega(n)) and n = O(n)", "refuted",
     "f = 2"),
    # false for every admissible a (the inner a is a new variable; take it -1): refuted
    ("param a : real where a > 0", "(a > 0) -> (forall a : real. a > 0)", "refuted", ""),
    ("import physics\nparam size : real where size > 0\nfamily Q { size = n^2; depth = 1 }",
     "Q in RC(sqrt(n))", "refuted", ""),
]


@pytest.mark.parametrize(("prelude", "statement", "status", "counter"), EXACT)
def test_the_issue_examples_get_their_right_verdicts(tmp_path: Path, prelude: str,
                                                     statement: str, status: str,
                                                     counter: str) -> None:
    path = tmp_path / "x.rc"
    path.write_text(f"{prelude}\ntheorem goal: {statement}\n", encoding="utf-8")
    (_, results), = verify_paths([path], use_cache=False, evidence=False)
    v = results[-1].verdict
    assert v.status == status, v
    assert counter in _text(v.counterexample), v


def _text(pairs: object) -> str:
    """A verdict's counter-example (data) as the text reports print."""
    from rcproof.syntax.notation import assignments_text

    return assignments_text(pairs) if pairs else ""  # type: ignore[arg-type]


@pytest.mark.parametrize(("prelude", "statement"), [
    (c[1], c[2]) for c in KIND6 if c[3] is REFUTED_OR_UNKNOWN])
def test_a_statement_failing_for_every_fixed_value_is_refuted(tmp_path: Path, prelude: str,
                                                              statement: str) -> None:
    """Review 3, F0: refuted (its negation holds), not unknown with a "holds when" that
    gave the bound variable a value."""
    path = tmp_path / "f0.rc"
    path.write_text(f"{prelude}\ntheorem goal: {statement}\n", encoding="utf-8")
    (_, results), = verify_paths([path], budget=1.0, evidence=False, use_cache=False)
    verdict = next(r.verdict for r in results if r.name == "goal")
    assert verdict.status == "refuted", verdict.reason


@pytest.mark.parametrize(("prelude", "statement", "named"), [
    ("param b : real where b > 0", "forall x : real where 0 < x < 1. n^(x + b) = O(n^(2*b))",
     "b = "),
    ("param a : real where a > 1", "forall x : real where 0 < x < 2. n^a = omega(n^x)",
     "a = "),
    ("fun g", "forall f : fun. g*f = omega(f)", "g = "),
])
def test_holds_when_names_only_the_fixed_unknowns(tmp_path: Path, prelude: str,
                                                  statement: str, named: str) -> None:
    path = tmp_path / "holds.rc"
    path.write_text(f"{prelude}\ntheorem goal: {statement}\n", encoding="utf-8")
    (_, results), = verify_paths([path], budget=1.0, evidence=False, use_cache=False)
    verdict = next(r.verdict for r in results if r.name == "goal")
    assert verdict.status == "unknown"
    holds = str(verdict.reason).split("holds when ", 1)[1].split(";", 1)[0]
    assert holds.startswith(named) and "x =" not in holds and "f =" not in holds, holds
