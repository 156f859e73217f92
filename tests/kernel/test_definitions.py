"""The definition table (syntax/definitions.py) and the kernel's `unfold` rule over it.

* The kernel reads declarations only from the frozen table that elaboration builds; the
  table is never stale (a changed symbol gives a new table).
* Rejection families: a body proved for a wrong unfolding — a stale or edited table entry
  (a family resource with a wrong substitution, a class law with its sides swapped or
  its relation flipped, a let with another body), a bound variable that captures a free
  name — gives no theorem, while the body for the right unfolding gives one (so each
  test can fail).
* Typed reasons: every `Missing` kind is raised by an input that lacks it, and printed.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_text
from rcproof.elaborate.unfold import FamilyView, unfold
from rcproof.kernel import Theorem, rules
from rcproof.prover.tactics import Tactics
from rcproof.prover.witness import fullest_member
from rcproof.syntax import core as A
from rcproof.syntax import decls as D
from rcproof.syntax import definitions as T
from rcproof.syntax.parser import parse_prop
from rcproof.syntax.reason import render
from rcproof.syntax.unfoldproblem import Missing, UnfoldError, UnfoldProblem

SOURCE = """param a : real where a > 1
let L = n^2
let M = n^a
fun g
let G = g
family R { size = n^a; depth = n }
family Pa(k = a) { size = n^k; depth = n }
family S { size = n^2; depth = log(n) }
family P(k = 2) { size = n^k; depth = n }
family B { size = O(n^3); depth = n }
class K(f, d = 3) { exists t { t = O(f)  depth = O(t)  size = O(t^d) } }
class Q(f) { exists t { t = O(f)  size = Omega(t) } }
"""

GOALS = ["S in K(n)", "P(3) in K(n^2)", "P in K(n)", "L = O(n^3)", "size(S) = O(L)",
         "K(n) subset K(n^2)", "not (B in K(n))", "tstar(S, 3, K) = Theta(n^(2/3))",
         "K(sqrt(n)) subsetneq K(n^(2/3))",
         "forall k : real where k > 0. size(P) = O(n^(2 + k))", "S in Q(n)"]

N = A.Name("n")


@pytest.fixture(scope="module")
def table() -> T.Definitions:
    old = os.getcwd()
    os.chdir(Path(__file__).resolve().parents[2] / "theorems")
    try:
        return load_text(SOURCE, "d.rc").scope.definitions
    finally:
        os.chdir(old)


def prop(text: str) -> A.Prop:
    return parse_prop(text, "<test>")


def _yes(query: rules.Query) -> bool:
    return True


def body_for(goal: A.Prop, table: T.Definitions) -> Theorem:
    """A theorem of the unfolding of `goal` under `table`, from an oracle that says yes
    to anything: what reaches the kernel when the engine (or a stale cache) is wrong."""
    unfolded = unfold(goal, table)
    rules.register_oracle("test-defs", _yes)
    thm = rules.oracle("test-defs", rules.Query(unfolded.formula, tuple(unfolded.hypotheses)))
    assert thm is not None
    return thm


# ---- the table ----------------------------------------------------------------------


def test_the_table_holds_core_definitions_only(table: T.Definitions) -> None:
    kinds = {name: type(entry) for name, entry in table.entries}
    assert kinds["a"] is D.ParamDecl and kinds["L"] is D.LetDecl and kinds["g"] is D.FunDecl
    assert kinds["S"] is D.FamilyDecl and kinds["K"] is T.Class
    names = [name for name, _ in table.entries]
    assert names == sorted(names)
    assert hash(table) == hash(dataclasses.replace(table))  # by content
    with pytest.raises(ValueError):
        T.Definitions((("x", D.FunDecl(("x",))), ("x", D.FunDecl(("x",)))))


def test_the_table_is_never_stale() -> None:
    """Replacing a symbol of a scope gives a new table; an unchanged scope the same one."""
    unit = load_text(SOURCE, "d.rc")
    first = unit.scope.definitions
    assert unit.scope.definitions is first  # built once
    sym = unit.scope.symbols["L"]
    cubed = A.BinOp("^", N, A.Num(Fraction(3)))
    unit.scope.symbols["L"] = dataclasses.replace(sym, expr=cubed, decl=dataclasses.replace(
        sym.decl, expr=cubed))
    second = unit.scope.definitions
    assert second != first and second.get("L") == dataclasses.replace(sym.decl, expr=A.BinOp(
        "^", N, A.Num(Fraction(3))))


@pytest.mark.parametrize("kind", ["axiom", "cite"])
def test_the_axiom_rule_reads_the_table(table: T.Definitions, kind: str) -> None:
    """Only an axiom or a citation of the table gives a theorem, of exactly its
    proposition; a table whose entry was edited gives the edited proposition, never the
    old one. Theorems and lemmas are not in the table."""
    def fact(p: A.Prop) -> T.Definition:
        return D.Axiom("f", p) if kind == "axiom" else D.Cite("f", p, "a paper")

    for old, new in ((prop("a > 2"), prop("a > 3")), (prop("n = O(n^2)"), prop("n = o(n)"))):
        thm = rules.axiom(_with(table, fact(old)), "f")
        edited = rules.axiom(_with(table, fact(new)), "f")
        assert thm is not None and thm.prop == old and thm.axioms == ("f",)
        assert edited is not None and edited.prop == new
    assert all(rules.axiom(table, name) is None for name, _ in table.entries)
    lemmas = load_text(SOURCE + "lemma l: n = O(n)\ntheorem t: n = O(n)\n", "d.rc")
    assert {"l", "t"} <= set(lemmas.scope.symbols)
    assert lemmas.scope.definitions.get("l") is None
    assert lemmas.scope.definitions.get("t") is None


# ---- mutations of one table entry ---------------------------------------------------


def _times_n(e: A.Expr) -> A.Expr:
    return A.BinOp("*", e, N)


def _converse(rel: str) -> str:
    return {"O": "Omega", "Omega": "O", "o": "omega", "omega": "o"}.get(rel, rel)


def _mutants(entry: T.Definition) -> Iterator[tuple[str, T.Definition]]:
    """Wrong versions of one definition: what a stale or forged table entry says."""
    if isinstance(entry, D.LetDecl):
        yield "let body", dataclasses.replace(entry, expr=_times_n(entry.expr))
    elif isinstance(entry, D.FamilyDecl):
        for i, item in enumerate(entry.items):
            if isinstance(item, D.Resource):
                for what, new in (("wrong substitution", dataclasses.replace(
                        item, expr=_times_n(item.expr))),
                                  ("Θ weakened to O", dataclasses.replace(item, rel="O"))):
                    items = (*entry.items[:i], new, *entry.items[i + 1:])
                    yield f"{item.name}: {what}", dataclasses.replace(entry, items=items)
    elif isinstance(entry, T.Class):
        laws = entry.decl.exists_constraints
        for i, law in enumerate(laws):
            if not isinstance(law, A.Relation):
                continue
            for what, new in (("sides swapped", A.Relation(law.right, law.rel, law.left)),
                              ("relation flipped", A.Relation(law.left, _converse(law.rel),
                                                              law.right))):
                if new == law:
                    continue
                changed = (*laws[:i], new, *laws[i + 1:])
                yield f"law {i}: {what}", dataclasses.replace(
                    entry, decl=dataclasses.replace(entry.decl, exists_constraints=changed))


def _stale_tables(table: T.Definitions) -> Iterator[tuple[str, T.Definitions]]:
    for index, (name, entry) in enumerate(table.entries):
        for what, wrong in _mutants(entry):
            entries = (*table.entries[:index], (name, wrong), *table.entries[index + 1:])
            yield f"{name} {what}", T.Definitions(entries)


def _unfolds(goal: A.Prop, table: T.Definitions) -> A.Prop | None:
    try:
        return unfold(goal, table).formula
    except UnfoldError:
        return None


@pytest.mark.parametrize("goal_text", GOALS)
def test_a_body_for_a_stale_entry_gives_no_theorem(table: T.Definitions,
                                                   goal_text: str) -> None:
    goal = prop(goal_text)
    right = body_for(goal, table)
    assert rules.unfold(goal, table, right, []) is not None  # the right unfolding replays
    rejected = 0
    for what, stale in _stale_tables(table):
        formula = _unfolds(goal, stale)
        if formula is None or formula == unfold(goal, table).formula:
            continue  # the edit does not touch this goal's unfolding
        wrong = body_for(goal, stale)
        assert rules.unfold(goal, table, wrong, []) is None, what
        assert rules.unfold(goal, table, wrong, [], strengthened=True) is None, what
        rejected += 1
    if goal_text not in ("L = O(n^3)",):  # a family or class occurs: some edit matters
        assert rejected >= 2, goal_text


@pytest.mark.parametrize("goal_text", GOALS)
def test_a_theorem_under_one_table_is_not_replayed_under_another(
        table: T.Definitions, goal_text: str) -> None:
    """The rule checks against the table it is given: a body built for an edited table
    replays under that table only."""
    goal = prop(goal_text)
    for what, stale in _stale_tables(table):
        formula = _unfolds(goal, stale)
        if formula is None or formula == unfold(goal, table).formula:
            continue
        assert rules.unfold(goal, stale, body_for(goal, stale), []) is not None, what
        assert rules.unfold(goal, table, body_for(goal, stale), []) is None, what


# ---- capture ------------------------------------------------------------------------


def _captured(p: A.Prop, name: str) -> A.Prop:
    """`p` with each binder renamed to the free name `name`, so that the binder captures
    every free occurrence of it: the unfolding a capture bug would produce."""
    if isinstance(p, A.Forall):
        fresh = p.names[0]

        def rename(node: object) -> object:
            from rcproof.syntax.walk import rewrite

            return rewrite(node, lambda x: A.Name(name) if x == A.Name(fresh) else None)

        return A.Forall((name, *p.names[1:]), p.kind,
                        tuple(rename(h) for h in p.where),  # type: ignore[misc]
                        rename(p.body))  # type: ignore[arg-type]
    if isinstance(p, (A.And, A.Or, A.Implies)):
        return type(p)(_captured(p.left, name), _captured(p.right, name))
    if isinstance(p, A.Not):
        return A.Not(_captured(p.operand, name))
    return p


@pytest.mark.parametrize(("statement", "free"), [
    ("forall a : real where a > 0. M = O(n^(a + 1))", "a"),  # a let's body
    ("forall a : real where a > 0. size(R) = O(n^(a + 1))", "a"),  # a family's resource
    ("forall a : real where a > 0. size(Pa) = O(n^(a + 1))", "a"),  # a default argument
    ("forall g : fun. G = O(g)", "g"),  # an abstract function under a let
    ("forall a : real where a > 0. forall b : real where b > 0. M = O(n^(a + b))", "a"),
])
def test_a_capturing_unfolding_gives_no_theorem(table: T.Definitions, statement: str,
                                                free: str) -> None:
    """The statement's bound name equals a declared one; the kernel renames binders
    apart (x#k), so a body for the unfolding in which the binder captures the declared
    name proves another statement."""
    goal = prop(statement)
    formula = unfold(goal, table).formula
    from rcproof.kernel.instantiate import free_names

    assert free in free_names(formula)  # the declared name occurs free after unfolding
    captured = _captured(formula, free)
    assert free not in free_names(captured)  # … and the binder would capture it
    assert captured != formula
    rules.register_oracle("test-defs", _yes)
    wrong = rules.oracle("test-defs", rules.Query(captured))
    assert wrong is not None
    assert rules.unfold(goal, table, wrong, []) is None
    assert rules.unfold(goal, table, body_for(goal, table), []) is not None


# ---- typed reasons ------------------------------------------------------------------


def _class(name: str, *laws: A.Relation, budget: bool = True) -> T.Class:
    top = (A.Relation(A.Name("t"), "O", A.Name("f")),) if budget else ()
    decl = D.ClassDecl(name, (D.Param("f", None),), "t", (*top, *laws), ())
    return T.Class(name, decl, (), ("size", "depth"))


def _with(table: T.Definitions, *extra: T.Definition) -> T.Definitions:
    names = {e.name for e in extra}  # type: ignore[union-attr]
    kept = [(n, e) for n, e in table.entries if n not in names]
    return T.Definitions(tuple(sorted([*kept, *((e.name, e) for e in extra)],  # type: ignore[union-attr]
                                      key=lambda item: item[0])))


SIZE, DEPTH, TV = A.Name("size"), A.Name("depth"), A.Name("t")


def _cases(table: T.Definitions) -> list[tuple[Missing, Callable[[], object]]]:
    """(kind, a call that must raise it) for every kind of unfolding problem."""
    no_rc = T.Definitions(tuple((n, e) for n, e in table.entries
                                if not isinstance(e, T.Class)))
    only = T.Definitions(tuple((n, e) for n, e in table.entries if n != "Q"))
    law = A.Relation(DEPTH, "O", TV)

    def tstar_with(*laws: A.Relation) -> Callable[[], object]:
        t = _with(no_rc, _class("RC", *laws))
        return lambda: unfold(prop("tstar(S) = O(n)"), t)

    def member_of(*laws: A.Relation) -> Callable[[], object]:
        t = _with(table, _class("M", *laws))
        return lambda: unfold(prop("S in M(n)"), t)

    def fullest(*laws: A.Relation, budget: bool = True, f: A.Expr = N
                ) -> Callable[[], object]:
        cls = _class("M", *laws, budget=budget)
        t = _with(table, cls)
        from rcproof.elaborate.unfold import Unfolder

        return lambda: fullest_member(Unfolder(t), cls, {"f": f})

    odd = FamilyView(A.Name("W"), (("size", N),), (("depth", (("O", N),)),))
    return [
        (Missing.UNDECLARED, lambda: unfold(prop("Nosuch in K(n)"), table)),
        (Missing.UNDECLARED, lambda: unfold(prop("S in Nosuch(n)"), table)),
        (Missing.ARITY, lambda: unfold(prop("S in K(n, 2, 3)"), table)),
        (Missing.ARITY, lambda: unfold(prop("P(1, 2) in K(n)"), table)),
        (Missing.MALFORMED, lambda: unfold(A.Relation(A.Truth(True), "O", N),  # type: ignore[arg-type]
                                           table)),
        (Missing.MALFORMED, lambda: unfold(N, table)),  # type: ignore[arg-type]
        (Missing.LAW_NOT_LANDAU, lambda: unfold(prop("S in M(n)"), _with(
            table, dataclasses.replace(_class("M"), decl=dataclasses.replace(
                _class("M").decl, constraints=(A.Comparison((N, N), ("<",)),)))))),
        (Missing.LAW_BOTH_SIDES, member_of(A.Relation(TV, "O", A.BinOp("*", TV, SIZE)))),
        (Missing.LAW_UNSOLVABLE, member_of(A.Relation(SIZE, "O", A.BinOp("+", TV, N)))),
        (Missing.LAW_UNSOLVABLE, member_of(A.Relation(SIZE, "~", TV))),
        (Missing.LAW_NO_BOUND, member_of(A.Relation(SIZE, "O", A.BinOp(
            "^", TV, A.Num(Fraction(0)))))),
        (Missing.WITNESS_NOT_EXACT, lambda: unfold(prop("K(n) subsetneq K(n^2)"), table,
                                                   (odd,))),
        (Missing.NO_FULLEST_MEMBER, fullest(A.Relation(SIZE, "O", TV), budget=False)),
        (Missing.WITNESS_OUTSIDE, fullest(law, f=A.Call("exp", (N,)))),
        (Missing.TSTAR_NO_CLASS, lambda: unfold(prop("tstar(S) = O(n)"), no_rc)),
        (Missing.TSTAR_NO_CLASS, lambda: unfold(prop("tstar(S, 3, Nosuch) = O(n)"), only)),
        (Missing.TSTAR_UPPER, tstar_with(law, A.Relation(TV, "O", SIZE))),
        (Missing.TSTAR_STRICT, tstar_with(A.Relation(DEPTH, "o", TV))),
        (Missing.TSTAR_NO_LOWER, tstar_with()),
        (Missing.TSTAR_OUTSIDE, tstar_with(law, A.Relation(A.BinOp(
            "^", N, A.Num(Fraction(2))), "O", N))),
    ]


def test_every_kind_of_problem_is_covered(table: T.Definitions) -> None:
    assert {kind for kind, _ in _cases(table)} == set(Missing)


@pytest.mark.parametrize("index", range(20))
def test_each_problem_is_typed_and_printed(table: T.Definitions, index: int) -> None:
    kind, call = _cases(table)[index]
    with pytest.raises(UnfoldError) as info:
        call()
    problem = info.value.problem
    assert isinstance(problem, UnfoldProblem) and problem.kind is kind
    from rcproof.syntax.reason import because

    reason = because(problem)
    text = str(reason)
    assert text and "Missing" not in text and "UnfoldProblem" not in text
    assert render(reason, str, lambda node: "<f>") .replace("<f>", "") != ""


def test_an_unfolding_problem_reaches_the_verdict_as_data() -> None:
    unit = load_text(SOURCE + "class Bad(f) { exists t { t = O(f)  size ~ t } }\n", "d.rc")
    verdict = Tactics(unit.scope).check(prop("S in Bad(n)"))
    assert verdict.status == "unknown" and verdict.reason is not None
    problems = [s for s in verdict.reason.segments if isinstance(s, UnfoldProblem)]
    assert [p.kind for p in problems] == [Missing.LAW_UNSOLVABLE]
    assert "cannot solve the constraint" in str(verdict.reason)


# ---- the unfolding memo (a cheaper replay) ------------------------------------------


@pytest.mark.parametrize("goal_text", GOALS)
def test_the_memo_gives_what_a_fresh_unfolding_gives(table: T.Definitions,
                                                     goal_text: str) -> None:
    from rcproof.elaborate import unfold as module

    goal = prop(goal_text)
    first = unfold(goal, table, fullest_member)
    fresh = module._unfold(goal, table, tuple(first.witnesses))
    again = unfold(goal, table, tuple(first.witnesses))
    for got in (first, again):
        assert (got.formula, got.hypotheses, got.sides, got.witnessed, got.witnesses,
                got.kinds) == (fresh.formula, fresh.hypotheses, fresh.sides,
                               fresh.witnessed, fresh.witnesses, fresh.kinds)
    assert ((goal, table) in module._MEMO) is (not fresh.witnesses)


@pytest.mark.parametrize("goal_text", GOALS)
def test_changing_the_engines_copy_changes_nothing_the_kernel_reads(
        table: T.Definitions, goal_text: str) -> None:
    """The engine gets its own copy of a memoized unfolding: whatever it does to it, the
    kernel unfolds the statement as before, and a body for a doctored formula or
    without a hypothesis is refused."""
    goal = prop(goal_text)
    right = body_for(goal, table)
    mine = unfold(goal, table)
    before = (mine.formula, list(mine.hypotheses), list(mine.sides))
    changed = A.And(mine.formula, mine.formula)
    mine.formula = changed
    mine.hypotheses.clear()
    mine.sides.append(A.Comparison((N, N), ("<",)))
    again = unfold(goal, table)
    assert (again.formula, again.hypotheses, again.sides) == before
    assert rules.unfold(goal, table, right, []) is not None
    rules.register_oracle("test-defs", _yes)
    doctored = rules.oracle("test-defs", rules.Query(changed))
    assert rules.unfold(goal, table, doctored, []) is None


def test_an_unfolding_that_asked_for_a_witness_is_not_kept(table: T.Definitions) -> None:
    goal = prop("K(sqrt(n)) subsetneq K(n^(2/3))")
    one = FamilyView(A.Name("W"), (("depth", N), ("size", N)))
    two = FamilyView(A.Name("W"), (("depth", N), ("size", A.BinOp("^", N, A.Num(
        Fraction(2))))))
    first, second = unfold(goal, table, (one,)), unfold(goal, table, (two,))
    assert first.witnesses == [one] and second.witnesses == [two]
    assert first.formula != second.formula


def test_a_table_from_another_process_hashes_here(table: T.Definitions) -> None:
    """String hashes are salted per process: an unpickled table (a `--jobs` worker's)
    recomputes its hash, so memo keys stay right."""
    import pickle
    import subprocess
    import sys

    code = ("import pickle, sys\n"
            "t = pickle.loads(sys.stdin.buffer.read())\n"
            "assert hash(t) == hash(t.entries) and t.get('S') is not None\n"
            "sys.stdout.buffer.write(pickle.dumps(t))")
    proc = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(table),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    back = pickle.loads(proc.stdout)
    assert back == table and hash(back) == hash(table)
