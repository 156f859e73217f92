"""The soundness corpus: false statements that must never come out `proved`.

Three sources: (1) every theorem the bundled library proves, mutated into something
certainly false (its negation; an atom at a positive position replaced by one that
contradicts it; `in` swapped with `notin`); (2) hand-written false statements across
the tiers; (3) random false growth-monomial relations. The test prints how many come
out refuted versus unknown.
"""

from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.elaborate.loader import load_program
from rcproof.prover.run import Session
from rcproof.prover.tactics import Tactics
from rcproof.resources import library_dir
from rcproof.syntax import ast as A

CONTRADICTS = {"o": "omega", "omega": "O", "O": "omega", "Omega": "o", "Theta": "o"}


def _mutants(p: A.Prop) -> list[A.Prop]:
    """False variants of a true, non-vacuous statement (positive positions only)."""
    out: list[A.Prop] = []
    if isinstance(p, A.Forall):
        out += [A.Forall(p.names, p.kind, p.where, m) for m in _mutants(p.body)]
    elif isinstance(p, A.Implies):
        out += [A.Implies(p.left, m) for m in _mutants(p.right)]
    elif isinstance(p, A.And):
        out += [A.And(m, p.right) for m in _mutants(p.left)]
        out += [A.And(p.left, m) for m in _mutants(p.right)]
    elif isinstance(p, A.Relation) and p.rel in CONTRADICTS:
        out.append(A.Relation(p.left, CONTRADICTS[p.rel], p.right))
    elif isinstance(p, A.Membership):
        out.append(A.Membership(p.member, p.cls, not p.negated))
    elif isinstance(p, A.Not):
        out.append(p.operand)
    return out


_ORIGIN: dict[int, str] = {}  # id(scope) -> library module, for writing the corpus out


def _library_corpus() -> list[tuple[object, A.Prop, str]]:
    program = load_program([library_dir()])
    session = Session(list(program.files.values()))
    corpus = []
    for unit in program.requested_files():
        _ORIGIN[id(unit.scope)] = Path(unit.path.split(":", 1)[-1]).stem
        for result in session.run(unit):
            if result.verdict.status != "proved":
                continue
            prop = result.fact.prop
            corpus.append((unit.scope, A.Not(prop), f"{result.name}: negation"))
            for i, mutant in enumerate(_mutants(prop)):
                corpus.append((unit.scope, mutant, f"{result.name}: mutant {i}"))
    return corpus


HAND_WRITTEN = """
import physics
param a : real where a > 1
param eps : real where 0 < eps < 1
fun f, g
family SMAT(p = 1) { size = n^2 * p^2; depth = log(n * p) }
family RNN { size = n; depth = n }
family Big { size = O(n^3); depth = O(n) }
lemma h1: n = o(n)
lemma h2: n^2 = O(n * log(n)^5)
lemma h3: log(n)^2 = O(log(n))
lemma h4: log(log(n)) = Theta(log(n))
lemma h5: n^(1/2) * log(n)^(-1) * 2 = omega(n^(1/2))
lemma h6: 2 * n ~ n
lemma h7: n^2 - n = o(n^2)
lemma h8: sqrt(n^3) = O(n)
lemma h9: n^eps = O(log(n)^9)
lemma h10: n^a = O(n)
lemma h11: forall e : real where e >= 0. n^e = omega(1)
lemma h12: forall e : real where e > 0. n^(1 - e) = Omega(n)
lemma h13: forall d : real where d >= 2. n^(1/(d-1)) = o(n^(1/d))
lemma h14: f = O(g)
lemma h15: f * g = Theta(f)
lemma h16: forall h : fun where h = O(n). h = Theta(n)
lemma h17: forall h, k : fun where h = o(k). k = O(h)
lemma h18: max(n, n^2) = o(n^2)
lemma h19: min(n, log(n)) = Theta(n)
lemma h20: exp(2 * log(n)) = O(n)
lemma h21: log(n^3) = omega(log(n))
lemma h22: 2^n = O(n^100)
lemma h23: n^n = O(2^n)
lemma h24: n^(log(n)) = o(n^5)
lemma h25: not (forall k : real where k > 0. log(n)^k = o(n^eps))
lemma h26: forall k : real where k > 0. n^k = o(n)
lemma h27: not ((forall k : real where k > 0. n^k = omega(1))
  and not (forall k : real where k > 0. n^k = o(n)))
lemma h28: (forall k : real where k > 0. n^k = omega(1))
  and (forall k : real where k > 0. n^k = o(n))
lemma h29: forall b : real where b > 1. b^n = o(n^2)
lemma h30: n^n = O(a^n)
lemma h31: forall b : real where b > 1. b^(b^n) = O(n^n)
theorem t1: SMAT in RC(sqrt(n))
theorem t2: SMAT(p = log(n)) in RC(n^(2/3))
theorem t3: RNN in RC(n^(2/3))
theorem t4: RNN notin RC(n)
theorem t5: SMAT notin RC(n^(2/3))
theorem t6: SMAT in RC(n^(2/3), d = 2)
theorem t7: forall d : real where d >= 2. SMAT in RC(n^(1/d), d)
theorem t8: forall d : real where d >= 2. SMAT in RC(n^(2/d), d + 1) -> SMAT in RC(n^(1/d), d)
theorem t9: RC(n) subset RC(sqrt(n))
theorem t10: RC(n^(2/3)) subsetneq RC(n^(2/3))
theorem t11: RC(n, 3) subset RC(n, 2)
theorem t12: forall C : family. C in RC(n)
theorem t13: forall C : family where size(C) = O(n). C in RC(sqrt(n))
theorem t14: forall C : family where size(C) = omega(n^(3/2)). C in RC(n^(2/3))
theorem t15: forall f2 : fun where f2 = O(sqrt(n)). RC(f2) subsetneq RC(sqrt(n))
theorem t16: Big in RC(n^(2/3))
theorem t17: Big notin RC(n)
theorem t18: forall d : real where d >= 2. forall h : fun where h = o(n^(1/(d-1))). SMAT in RC(h, d)
"""


def _hand_written(tmp_path: Path) -> list[tuple[object, A.Prop, str]]:
    path = tmp_path / "false.rc"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    program = load_program([path])
    unit = program.requested_files()[0]
    return [(unit.scope, fact.prop, fact.name) for fact in unit.facts]


def _random_relations(count: int) -> list[tuple[object, A.Prop, str]]:
    rng = random.Random(20251)
    from rcproof.elaborate.symbols import Scope

    out = []
    n = A.Name("n")
    log = A.Call("log", (n,))
    for i in range(count):
        a, b = (Fraction(rng.randint(-6, 6), rng.randint(1, 4)) for _ in range(2))
        c = Fraction(rng.randint(-6, 6), rng.randint(1, 4))
        f = A.BinOp("*", A.BinOp("^", n, A.Num(a)), A.BinOp("^", log, A.Num(b)))
        g = A.BinOp("^", n, A.Num(c))
        if (a, b) < (c, Fraction(0)):
            rel = rng.choice(["omega", "Omega", "Theta"])
        elif (a, b) > (c, Fraction(0)):
            rel = rng.choice(["o", "O", "Theta"])
        else:
            rel = rng.choice(["o", "omega"])
        out.append((Scope(), A.Relation(f, rel, g), f"random {i}"))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[object, A.Prop, str]]:
    tmp = tmp_path_factory.mktemp("soundness")
    return _library_corpus() + _hand_written(tmp) + _random_relations(200)


def test_corpus_is_large(corpus: list[tuple[object, A.Prop, str]]) -> None:
    assert len(corpus) >= 300


def test_nothing_false_is_proved(corpus: list[tuple[object, A.Prop, str]]) -> None:
    counts: Counter[str] = Counter()
    proved = []
    for scope, prop, label in corpus:
        verdict = Tactics(scope).check(prop)  # type: ignore[arg-type]
        counts[verdict.status] += 1
        if verdict.status == "proved":
            proved.append(label)
    print(f"\nsoundness corpus: {len(corpus)} false statements, "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    assert proved == []


# ---- the same corpus through every other path a verdict can take ----------------------

def _as_files(corpus: list[tuple[object, A.Prop, str]], tmp: Path) -> list[Path]:
    """The corpus written as `.rc` files, each statement once as an explicit proof and
    once `using` a helper lemma: library mutants import their module, the hand-written
    ones repeat its declarations, the random ones need none."""
    from rcproof.syntax.notation import to_ascii

    preludes: dict[str, list[str]] = {}
    declarations = HAND_WRITTEN.split("\nlemma h1")[0]
    for scope, prop, label in corpus:
        origin = _ORIGIN.get(id(scope))
        if label.startswith("random"):
            key = ""
        elif origin is not None:
            key = f"import {origin}"
        else:
            key = declarations
        preludes.setdefault(key, []).append(to_ascii(prop))  # type: ignore[arg-type]
    paths = []
    for i, (prelude, statements) in enumerate(preludes.items()):
        for route in ("explicit", "using"):
            lines = [prelude, "lemma helper: n = O(n^2)"]
            for j, s in enumerate(statements):
                via = " using helper" if route == "using" else ""
                lines.append(f"theorem g{j}: {s}\nproof\n  show {s} by auto{via}\nqed")
            path = tmp / f"{route}{i}.rc"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


def test_nothing_false_is_proved_through_proofs_cache_and_jobs(
        corpus: list[tuple[object, A.Prop, str]],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    from rcproof.verify import verify_paths

    paths = _as_files(corpus, tmp_path_factory.mktemp("paths"))
    runs = [verify_paths(paths, budget=1.0, evidence=False, use_cache=True),
            verify_paths(paths, budget=1.0, evidence=False, use_cache=True),
            verify_paths(paths, budget=1.0, evidence=False, use_cache=True, jobs=2),
            # the second and third runs replay the first's recorded evidence (runcache):
            # the workers' path needs a run without the cache
            verify_paths(paths, budget=1.0, evidence=False, use_cache=False, jobs=2)]
    statuses = [[(p, r.name, r.verdict.status) for p, rs in run for r in rs] for run in runs]
    assert statuses[0] == statuses[1] == statuses[2] == statuses[3]
    proved = [(p, name) for p, name, status in statuses[0]
              if name.startswith("g") and status == "proved"]
    count = sum(1 for _, name, _ in statuses[0] if name.startswith("g"))
    print(f"\nsoundness corpus through explicit proofs and using: {count} statements")
    assert count >= 600 and proved == []
