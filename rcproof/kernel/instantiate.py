"""Instantiating a named fact: match its conclusion against a goal, check what each
quantified variable is given, and substitute without capture.

A fact `forall x : K where H(x). P(x)` proves `P(t)` only for a term t of x's kind and
range (HOL's INST rule with its side conditions; THEORY.md §1 for the ranges):

* `real`: an n-free expression of parameters and numbers (no abstract function, no
  resource) — a real number;
* `fun`: a term of the function universe Θ(n^a (log n)^b (log log n)^c): n, declared
  abstract functions, positive numbers, products, quotients, sums, rational or parameter
  powers, sqrt, max, min, and ground expressions that the growth algebra shows to be a
  growth monomial (log n, log log n, …); never 2^n, n^n, log(n)^(log n), a difference, or a
  named family's bounded resource (an arbitrary function meeting its bounds);
* `family`: a declared family instance all of whose resources are stated exactly by
  universe terms.

The fact's variables are renamed apart before matching (`x#f1`), so the goal's names and
the fact's can never be confused, and substitution renames any binder that would capture a
free name of the substituted term. The hypotheses H(t) are returned as obligations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from itertools import count

from rcproof.syntax import core as A
from rcproof.syntax import decls as D
from rcproof.syntax import definitions as T
from rcproof.syntax.props import circuit_facts
from rcproof.syntax.terms import const_value
from rcproof.syntax.walk import nodes, rewrite
from rcproof.tier1.exponents import Unsupported
from rcproof.tier1.sums import leading

_BUILTINS = ("log", "sqrt", "exp", "max", "min")
_fresh = count(1)


_EXPR = (A.Num, A.Name, A.Neg, A.BinOp, A.Call)


def _match(pattern: object, target: object, holes: set[str], subst: dict[str, object],
           deferred: list[tuple[A.Expr, A.Expr]] | None = None) -> bool:
    """Syntactic matching of `pattern` (its `holes` are variables) against `target`.

    With `deferred`, a numeral target met by a pattern expression of another shape
    (`1/3` against `1/(d - 1)`) is set aside: `_numerals_agree` checks it once every hole
    is bound."""
    if isinstance(pattern, A.Name) and pattern.id in holes:
        if pattern.id in subst:
            return subst[pattern.id] == target
        subst[pattern.id] = target
        return True
    if deferred is not None and isinstance(pattern, _EXPR) and isinstance(target, _EXPR) \
            and not isinstance(pattern, A.Name) and const_value(target) is not None:
        trial = dict(subst)
        if _match(pattern, target, holes, trial):  # the same shape: bind holes as usual
            subst.update(trial)
        else:
            deferred.append((pattern, target))
        return True
    if type(pattern) is not type(target):
        return False
    if isinstance(pattern, tuple):
        return len(pattern) == len(target) and all(  # type: ignore[arg-type]
            _match(p, t, holes, subst, deferred)
            for p, t in zip(pattern, target))  # type: ignore[arg-type]
    if dataclasses.is_dataclass(pattern):
        for f in dataclasses.fields(pattern):
            if f.name == "span":
                continue
            if not _match(getattr(pattern, f.name), getattr(target, f.name), holes, subst,
                          deferred):
                return False
        return True
    return bool(pattern == target)


def _numerals_agree(deferred: list[tuple[A.Expr, A.Expr]], subst: dict[str, object]) -> bool:
    """Each set-aside pair denotes the same rational number once the holes are filled
    (exact arithmetic on + - * / of numerals): then the instance and the goal state the
    same proposition, differing only in how a number is written."""
    for pattern, target in deferred:
        value = const_value(substitute(pattern, subst))  # type: ignore[arg-type]
        if value is None or value != const_value(target):
            return False
    return True


def free_names(node: object) -> set[str]:
    """The names occurring free in a node (names bound by a `forall` inside excluded)."""
    if isinstance(node, A.Forall):
        inner = free_names(node.where) | free_names(node.body)
        return inner - set(node.names)
    if isinstance(node, tuple):
        return set().union(*(free_names(x) for x in node)) if node else set()
    if isinstance(node, A.Name):
        return {node.id}
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        out: set[str] = set()
        for f in dataclasses.fields(node):
            if f.name != "span":
                out |= free_names(getattr(node, f.name))
        return out
    return set()


def substitute(node: object, subst: dict[str, object]) -> object:
    """Replace the free occurrences of names by terms, renaming any `forall` binder that
    would capture a free name of a substituted term (capture-avoiding substitution)."""
    if not subst:
        return node

    def change(item: object) -> object | None:
        if isinstance(item, A.Name):
            return subst.get(item.id)
        if isinstance(item, A.Forall):
            return _under_binder(item, subst)
        return None

    return rewrite(node, change)


def _under_binder(node: A.Forall, subst: dict[str, object]) -> A.Forall:
    """`substitute` below a `forall`: its own names are not replaced, and a name that a
    substituted term brings in is renamed apart in the binder."""
    inner = {k: v for k, v in subst.items() if k not in node.names}
    incoming = set().union(*(free_names(v) for v in inner.values())) if inner else set()
    renamed: dict[str, object] = {}
    new_names = []
    for name in node.names:
        if name in incoming:
            fresh = f"{A.source_name(name)}#s{next(_fresh)}"
            renamed[name] = A.Name(fresh)
            new_names.append(fresh)
        else:
            new_names.append(name)
    both = {**inner, **renamed}
    return A.Forall(tuple(new_names), node.kind,
                    tuple(substitute(h, both) for h in node.where),  # type: ignore[misc]
                    substitute(node.body, both))  # type: ignore[arg-type]


@dataclasses.dataclass(frozen=True)
class Refusal:
    """Why a fact could not be instantiated for a goal, as data for the report: the
    variable (source name), its kind and the term it was offered, when those apply."""

    why: str
    variable: str | None = None
    kind: str | None = None
    term: A.Expr | None = None


def instantiate(fact: A.Prop, goal: A.Prop, admits: Callable[[str, A.Expr], str | None]
                ) -> list[A.Prop] | Refusal:
    """The hypotheses to check when `goal` is an instance of `fact`'s conclusion.

    The fact's `forall` prefix and implications are peeled one level at a time, trying a
    match at each level, so a goal may itself keep some of the fact's quantifiers.
    `admits(kind, term)` returns None when `term` may be given to a variable of that kind,
    else the reason it may not. Returns the obligations, or a `Refusal`."""
    kinds: dict[str, str] = {}
    hyps: list[A.Prop] = []
    body = fact
    while True:
        subst: dict[str, object] = {}
        deferred: list[tuple[A.Expr, A.Expr]] = []
        if _match(body, goal, set(kinds), subst, deferred) and \
                _numerals_agree(deferred, subst):
            break
        if isinstance(body, A.Forall):
            fresh = {name: f"{name}#f{next(_fresh)}" for name in body.names}
            kinds.update({fresh[name]: body.kind for name in body.names})
            renaming = {name: A.Name(new) for name, new in fresh.items()}
            hyps = [*hyps, *(substitute(h, renaming) for h in body.where)]  # type: ignore[misc]
            body = substitute(body.body, renaming)  # type: ignore[assignment]
        elif isinstance(body, A.Implies):
            hyps.append(body.left)
            body = body.right
        else:
            return Refusal("its conclusion does not match this statement")
    for hole, kind in kinds.items():
        if hole not in subst:
            if any(hole in free_names(h) for h in hyps):
                return Refusal("nothing in the statement determines this variable",
                               A.source_name(hole), kind)
            continue
        term = subst[hole]
        why = admits(kind, term)  # type: ignore[arg-type]
        if why is not None:
            return Refusal(why, A.source_name(hole), kind, term)  # type: ignore[arg-type]
    obligations: list[A.Prop] = [substitute(h, subst) for h in hyps]  # type: ignore[misc]
    for hole, kind in kinds.items():  # a family variable ranges over circuits only
        if kind == "family" and hole in subst:
            obligations.extend(circuit_facts(subst[hole]))  # type: ignore[arg-type]
    return obligations


# ---- ranges of the three kinds ------------------------------------------------------


def real_term(e: A.Expr, is_param: Callable[[str], bool]) -> str | None:
    """None when `e` is an n-free real built from parameters and numbers."""
    for item in _walk(e):
        if isinstance(item, A.Name) and not is_param(item.id):
            what = "n" if item.id == "n" else f"'{item.id}'"
            return f"a real variable takes an expression of parameters, not of {what}"
        if isinstance(item, A.Call) and item.func not in _BUILTINS:
            return "a real variable takes an expression of parameters, not a resource"
    return None


def universe_term(e: A.Expr, kind_of: Callable[[str], str | None],
                  ground_monomial: Callable[[A.Expr], bool]) -> str | None:
    """None when `e` lies in the function universe Θ(n^a (log n)^b (log log n)^c) for every
    value of its parameters (see the module docstring), else the reason it may not."""
    if isinstance(e, A.Num):
        return None if e.value > 0 else "a function of n is positive"
    if isinstance(e, A.Name):
        if e.id == "n" or kind_of(e.id) == "fun":
            return None
        return f"'{e.id}' is not a function of n in the universe"
    if _is_ground(e, kind_of):
        return None if ground_monomial(e) else (
            "it is not of the form n^a·log(n)^b·log(log(n))^c (the growth algebra "
            "cannot show it)")
    if isinstance(e, A.BinOp):
        if e.op in "*/+":
            return universe_term(e.left, kind_of, ground_monomial) or universe_term(
                e.right, kind_of, ground_monomial)
        if e.op == "^":
            return universe_term(e.left, kind_of, ground_monomial) or real_term(
                e.right, lambda x: kind_of(x) == "param")
        return "a difference may cancel, so it need not stay in the universe"
    if isinstance(e, A.Call) and e.func in ("sqrt", "max", "min"):
        for arg in e.args:
            why = universe_term(arg, kind_of, ground_monomial)
            if why:
                return why
        return None
    if isinstance(e, A.Call) and e.func not in _BUILTINS:
        return "a resource of a named family may be any function meeting its bounds"
    return "log and exp of an abstract function need not stay in the universe"


def _is_ground(e: A.Expr, kind_of: Callable[[str], str | None]) -> bool:
    return not any(isinstance(x, A.Name) and x.id != "n" for x in _walk(e)) and not any(
        isinstance(x, A.Call) and x.func not in _BUILTINS for x in _walk(e))


def _walk(e: A.Expr) -> list[object]:
    return list(nodes(e))


def _ground_monomial(e: A.Expr) -> bool:
    """Whether a ground expression is Θ of one growth monomial (the kernel's Tier 1)."""
    try:
        leading(e)
    except (Unsupported, RecursionError):
        return False
    return True


def _kinds(definitions: T.Definitions, bound: dict[str, str] | None = None
           ) -> Callable[[str], str | None]:
    """"param" for a parameter or bound real, "fun" for an abstract function or bound fun
    variable (`bound`: the unfolding's fresh names and their kinds), else None."""
    def kind_of(name: str) -> str | None:
        kind = (bound or {}).get(name)
        if kind is not None:
            return {"real": "param", "fun": "fun"}.get(kind)
        sym = definitions.get(name)
        return "param" if isinstance(sym, D.ParamDecl) else (
            "fun" if isinstance(sym, D.FunDecl) else None)

    return kind_of


def witness_range(resources: tuple[tuple[str, A.Expr], ...], definitions: T.Definitions,
                  bound: dict[str, str]) -> str | None:
    """None when a witness family's stated resources all lie in the function universe
    (the range of a `family` variable, as for `instantiate`), else the reason."""
    kind_of = _kinds(definitions, bound)
    for resource, value in resources:
        why = universe_term(value, kind_of, _ground_monomial)
        if why is not None:
            return f"its {resource} is outside the function universe ({why})"
    return None


def admits(definitions: T.Definitions) -> Callable[[str, A.Expr], str | None]:
    """The range check of the three kinds under a definition table: None when a term
    may be given to a variable of that kind, else the reason it may not (lets and family
    resources are unfolded first, so `size(F)` is judged by what it stands for)."""
    from rcproof.elaborate.unfold import Unfolder

    kind_of, ground_monomial = _kinds(definitions), _ground_monomial

    def check(kind: str, term: A.Expr) -> str | None:
        unfolder = Unfolder(definitions)
        if kind == "real":
            return real_term(unfolder.expr(term, {}, {}), lambda x: kind_of(x) == "param")
        if kind == "fun":
            return universe_term(unfolder.expr(term, {}, {}), kind_of, ground_monomial)
        name = term.id if isinstance(term, A.Name) else (
            term.func if isinstance(term, A.Call) else None)
        if name is None or not isinstance(definitions.get(name), D.FamilyDecl):
            return "a family variable takes a declared family"
        view = unfolder.family(term, {}, {})
        if view.bounded:
            return ("its resources " + ", ".join(r for r, _ in view.bounded)
                    + " are only bounded, so they need not lie in the function universe")
        for resource, value in view.exact:
            why = universe_term(value, kind_of, ground_monomial)
            if why is not None:
                return f"its {resource} is outside the function universe ({why})"
        return None

    return check
