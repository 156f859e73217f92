"""Deciding ground atoms (only n, numbers, built-ins): Tier 1, then budgeted Tier 3."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rcproof import growth
from rcproof.growth.certificates import Certificate, certificate, check_certificate
from rcproof.growth.compare import Order
from rcproof.kernel.ground import poly_holds
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text as show
from rcproof.syntax.reason import Reason, because, joined

TIER1, TIER2, TIER3 = "growth", "smt", "limit"


@dataclass(frozen=True)
class AtomVerdict:
    """One ground Landau atom decided (value None: undecided, with the reason)."""

    atom: A.Relation
    value: bool | None
    tier: str
    reason: str | None = None
    certificate: Certificate | None = None  # checked (c, N0): reports print it
    work: int = 0  # work units the decision cost; a recorded decision costs them again
    condition: Reason | None = None  # parametric unknown: where it holds and where it fails
    order: Order | None = None  # of a false atom: the order of its sides (the refutation)
    failing_at: Fraction | None = None  # parametric unknown: a value where the atom fails


def _exps(e: A.Expr) -> tuple[Fraction, ...]:
    lead = growth.leading(e)
    return tuple(lead.exps)


_certificates = True


def set_certificates(value: bool) -> None:
    """Whether proved Tier 1 and Tier 3 atoms carry (c, N0) certificates. They cost more than the
    decision itself, so reports that never print them (plain `verify`) turn them off."""
    global _certificates
    _certificates = value


def certificates_enabled() -> bool:
    return _certificates


_MEMO: dict[tuple[A.Relation, float, bool], AtomVerdict] = {}


def decide_atom(atom: A.Relation, budget_seconds: float) -> AtomVerdict:
    """Tier 1 when both sides are growth expansions, Tier 3 otherwise; memoized (the
    kernel's limit oracle asks again for the atoms the engine decided), and Tier 3
    answers also in the cache, by the exact atom and budget."""
    from dataclasses import replace

    from rcproof import cache
    from rcproof.budget import measured, spend_once

    memo_key = (atom, budget_seconds, _certificates)
    found = _MEMO.get(memo_key)
    if found is None:
        key = cache.key("limit", atom, budget_seconds, _certificates)
        stored = cache.get(key)
        if not isinstance(stored, AtomVerdict):
            computed, work = measured(memo_key, lambda: _decide_atom(atom, budget_seconds))
            found = replace(computed, work=work)
            if found.tier != TIER1:
                cache.put(key, found)
        else:
            found = stored
        _MEMO[memo_key] = found
    # A recorded decision costs what computing it cost, once per theorem (deterministic).
    spend_once(memo_key, found.work, "recalling a recorded decision")
    return found


def _decide_atom(atom: A.Relation, budget_seconds: float) -> AtomVerdict:
    """Tier 1 when both sides are growth expansions, Tier 3 (the exp-log engine) otherwise."""
    f, g, rel = atom.left, atom.right, atom.rel
    try:
        if rel in ("poly", "polylog"):
            base = g if rel == "poly" else A.Call("log", (g,))
            return AtomVerdict(atom, poly_holds(_exps(f), _exps(base)), TIER1)
        order = growth.compare(f, g)
        value = growth.holds(order, rel)
        if value is None:  # `~` with an inexact ratio: the engine's exact ratio decides
            return _tier3(atom, budget_seconds,
                          "the limit of the ratio (the leading coefficients) is not "
                          "determined exactly")
        cert = _checked_certificate(f, g, rel) if value else None
        return AtomVerdict(atom, value, TIER1, certificate=cert,
                           order=None if value else order)
    except (growth.NotInFragment, growth.SignUnknown) as exc:
        outside = exc.reason  # Tier 3 may still settle it (it checks positivity itself)
    except growth.GrowthError as exc:
        return AtomVerdict(atom, None, TIER1, exc.reason)
    return _tier3(atom, budget_seconds, outside)


def _checked_certificate(f: A.Expr, g: A.Expr, rel: str) -> Certificate | None:
    """A (c, N0) certificate of the proved atom `f rel g` that the independent checker
    accepts (growth/certificates.py), when certificates are on and one is found."""
    if not (_certificates and rel in ("O", "o", "Theta", "Omega", "omega")):
        return None
    found = certificate(f, g, rel)
    return found if found is not None and check_certificate(f, g, found) else None


def _tier3(atom: A.Relation, budget_seconds: float, outside: str) -> AtomVerdict:
    """Tier 3: the exp-log engine (`growth.explog`); `outside` is Tier 1's reason."""
    f, g, rel = atom.left, atom.right, atom.rel
    if rel in ("poly", "polylog"):
        return _poly_by_limit(atom, budget_seconds, outside)
    if rel not in ("O", "Omega", "Theta", "o", "omega", "~"):
        return AtomVerdict(atom, None, TIER3, outside)
    answer = growth.decide_by_limit(f, g, rel, budget_seconds)  # the exp-log engine
    if isinstance(answer, str):
        return AtomVerdict(atom, None, TIER3, answer)
    value, order = answer
    cert = _checked_certificate(f, g, rel) if value else None
    return AtomVerdict(atom, value, TIER3, certificate=cert, order=None if value else order)


def _poly_by_limit(atom: A.Relation, budget_seconds: float, outside: str) -> AtomVerdict:
    """`f = poly(g)` (`f = O(g^k)` for some k) by the exp-log engine, for g → ∞: true
    when f = O(1); otherwise, once f → ∞ (so log f > 0 eventually), true iff
    log f = O(log g). `polylog(g)` is `poly(log g)`. Each step is an engine answer; any
    step it cannot settle leaves the atom unknown with that step's reason."""
    one = A.Num(Fraction(1))
    base = atom.right if atom.rel == "poly" else A.Call("log", (atom.right,))

    def ask(f: A.Expr, g: A.Expr, rel: str) -> bool | str:
        return growth.relation_by_limit(f, g, rel, budget_seconds)

    grows = ask(base, one, "omega")
    if grows is not True:
        why = grows if isinstance(grows, str) else f"{show(base)} is bounded"
        return AtomVerdict(atom, None, TIER3, f"{outside}; {atom.rel} needs a base that "
                           f"grows without bound: {why}")
    bounded = ask(atom.left, one, "O")
    if bounded is True:
        return AtomVerdict(atom, True, TIER3)
    if bounded is not False:
        return AtomVerdict(atom, None, TIER3, str(bounded))
    logs = (A.Call("log", (atom.left,)), A.Call("log", (base,)))
    within = ask(*logs, "O")
    if isinstance(within, str):
        return AtomVerdict(atom, None, TIER3, within)
    return AtomVerdict(atom, within, TIER3)


_LANDAU = ("O", "Omega", "Theta", "o", "omega", "~")


def parametric_atom(prop: A.Prop) -> tuple[A.Forall, A.Relation] | None:
    """`forall a, … : real where C. f rel g` with C comparisons of the parameters and f, g
    exp-log expressions in n and the parameters: (the statement, its atom); else None."""
    from rcproof.syntax.walk import nodes

    if not (isinstance(prop, A.Forall) and prop.kind == "real"
            and isinstance(prop.body, A.Relation) and prop.body.rel in _LANDAU
            and all(isinstance(h, A.Comparison) for h in prop.where)):
        return None
    names = set(prop.names)
    if "n" in names:  # n is the variable of growth, never a parameter
        return None
    atom = prop.body
    for side in (atom.left, atom.right):
        for x in nodes(side):
            if isinstance(x, A.Name) and x.id != "n" and x.id not in names:
                return None
            if isinstance(x, A.Call) and x.func not in ("exp", "log", "sqrt", "max", "min"):
                return None
    for h in prop.where:
        for x in nodes(h):
            if isinstance(x, A.Name) and x.id not in names:
                return None
    return prop, atom


_PARAMETRIC: dict[tuple[A.Prop, float], AtomVerdict] = {}


def decide_parametric(prop: A.Forall, budget_seconds: float) -> AtomVerdict:
    """Tier 3 with real parameters: the atom of `forall a : real where C. f rel g`
    decided for every admissible a at once (the exp-log engine deciding each sign
    uniformly over the range C, growth/explog/params.py; by cases where a constant changes
    sign inside C, growth/explog/split.py). value True: the statement holds;
    False: the atom fails for every admissible a and some a is admissible (z3), so the
    statement is false; None: unknown, with the reason (often the parameter condition
    the answer depends on). Memoized; a recorded answer costs its work once per theorem."""
    from dataclasses import replace

    from rcproof.budget import measured, spend_once

    key = (prop, budget_seconds)
    found = _PARAMETRIC.get(key)
    if found is None:
        computed, work = measured(key, lambda: _decide_parametric(prop, budget_seconds))
        found = replace(computed, work=work)
        _PARAMETRIC[key] = found
    spend_once(key, found.work, "recalling a recorded decision")
    return found


def _decide_parametric(prop: A.Forall, budget_seconds: float) -> AtomVerdict:
    from rcproof.growth import explog, tier3
    from rcproof.growth.explog.params import admissible
    from rcproof.growth.explog.split import point_in

    atom = prop.body
    assert isinstance(atom, A.Relation)
    try:
        where = explog.from_comparisons(prop.names, list(prop.where))
    except explog.Undecided as exc:
        return AtomVerdict(atom, None, TIER3, exc.reason)
    parts = tier3.relation_by_cases(atom.left, atom.right, atom.rel, where, budget_seconds)
    if isinstance(parts, str):
        return AtomVerdict(atom, None, TIER3, parts)
    if len(parts) == 1 and not parts[0].cuts:  # type: ignore[attr-defined]
        answer = parts[0].answer  # type: ignore[attr-defined]
        if isinstance(answer, str):
            sign = _sign_condition(prop.names, parts[0].constant)  # type: ignore[attr-defined]
            return AtomVerdict(atom, None, TIER3, answer if sign is None else str(sign),
                               condition=sign)
        if answer is False and not admissible(where):
            return AtomVerdict(atom, None, TIER3,
                               "no parameter value satisfies the conditions")
        return AtomVerdict(atom, answer, TIER3)
    if all(p.answer is True for p in parts):  # type: ignore[attr-defined]
        # proof by cases: the parts cover the range (only parts z3 proves empty are
        # left out) and the atom holds uniformly on each
        return AtomVerdict(atom, True, TIER3)
    # Otherwise the parts say where it holds and where it fails, for the reason; no
    # refutation is read from them (that stays with the refutation by an instance).
    condition = parameter_condition(prop.names, parts)
    failing = point_in([p for p in parts if p.answer is False])  # type: ignore[attr-defined]
    if condition is None:
        undecided = [p.answer for p in parts if isinstance(p.answer, str)]  # type: ignore[attr-defined]
        return AtomVerdict(atom, None, TIER3, undecided[0] if undecided else
                           "the answer is not uniform over the parameter range",
                           failing_at=failing)
    return AtomVerdict(atom, None, TIER3, str(condition), condition=condition,
                       failing_at=failing)


def _sign_condition(names: tuple[str, ...], constant: object) -> Reason | None:
    """"depends on a: on the sign of a·log(2) - log(3), not shown to be one sign over the
    range": the constant whose sign the answer needs, when the range cannot be split at
    its zeros (it is not a rational function of the parameters, or the splits ran out).
    None without such a constant."""
    from rcproof.growth.explog.split import to_expr

    if constant is None:
        return None
    shown = to_expr(constant)
    if shown is None:
        return None
    params = joined(", ", [because(A.Name(x)) for x in names])
    return because("depends on ", params, ": on the sign of ", shown,
                   ", not shown to be one sign over the range")


def parameter_condition(names: tuple[str, ...], parts: list[object]) -> Reason | None:
    """"depends on a: holds when 0 < a < 7/10, fails when 7/10 <= a < 1" from the parts
    of a split range (`growth.explog.split`), each with the engine's uniform answer;
    undecided parts are named with their reason. None when no part is decided or a part
    cannot be described."""
    from rcproof.growth.explog.split import describe

    said: dict[object, list[Reason]] = {True: [], False: [], None: []}
    for answer in (True, False):
        group = [p for p in parts if p.answer is answer]  # type: ignore[attr-defined]
        if group:
            props = describe(group)  # type: ignore[arg-type]
            if not props:
                return None
            said[answer] = [because(p) for p in props]
    for part in parts:
        why = part.answer  # type: ignore[attr-defined]
        if isinstance(why, str):
            props = describe([part])  # type: ignore[list-item]
            if not props:
                return None
            said[None].append(joined(" or ", [because(p) for p in props])
                              + because(f" ({why})"))
    if not said[True] and not said[False]:
        return None
    params = joined(", ", [because(A.Name(x)) for x in names])
    head = because("depends on ", params, ": ") if said[True] and said[False] else \
        because("decided only by cases of ", params, ": ")
    pieces = [because(word, joined(" or ", said[key]))
              for key, word in ((True, "holds when "), (False, "fails when "))
              if said[key]]
    out = head + joined(", ", pieces)
    if said[None]:
        out += because("; undecided when ", joined("; ", said[None]))
    return out
