"""Closed forms of resources stated by recurrences (THEORY.md §6). Pure: recurrence in,
closed form and a derivation record out; unsupported forms are located input errors.

Supported forms, for a resource r of a family (constants rational, g(n) an expression in
n alone that Tier 1 shows eventually positive, with leading term n^q (log n)^ρ
(log log n)^σ):

* **Divide and conquer** r = a1·r(b1·n + h1) + … + ak·r(bk·n + hk) + g(n), ai > 0,
  0 < bi < 1, hi constant. By the Akra–Bazzi theorem (M. Akra and L. Bazzi, On the
  solution of linear recurrence equations, Comput. Optim. Appl. 10, 1998; with the
  perturbations hi = O(n/log² n) allowed by T. Leighton, Notes on better master
  theorems for divide-and-conquer recurrences, MIT 1996; stated as in Mathlib's
  `AkraBazzi` and Isabelle's `master_theorem`), r = Θ(n^p (1 + ∫_1^n g(u)/u^(p+1) du))
  where p is the unique real with Σ ai·bi^p = 1 (the sum is strictly decreasing in p).
  With v = log u and w = log v the integral is, up to Θ:
    q > p: n^(q−p) log^ρ loglog^σ, so r = Θ(g);   q < p: bounded, so r = Θ(n^p);
    q = p: ∫ v^ρ (log v)^σ dv, which is Θ(log^(ρ+1) n loglog^σ n) for ρ > −1;
           for ρ = −1 it is ∫ w^σ dw: Θ(loglog^(σ+1) n) for σ > −1, log log log n for
           σ = −1, bounded for σ < −1; bounded for ρ < −1.
  p is found exactly: a single term gives p = log a/log(1/b); when every 1/bi is a power
  γ^ki of one rational γ, x = γ^(−p) is the positive root of Σ ai·x^ki = 1 (rational, or
  quadratic once the rational roots are divided out), so
  p = log(1/x)/log γ (growth/realexp.py); otherwise p must be an integer (checked
  exactly). Without an exact p, a g with rational q and Σ ai·bi^q < 1 still decides the
  case (p < q, so r = Θ(g)); anything else is reported as unsupported.
* **Subtract and conquer** r = a·r(n − c) + g(n), c > 0, a ≥ 1: for a = 1,
  r = Θ(1 + Σ_{k ≤ n/c} g(n − kc)) = Θ(1 + ∫_1^n g), i.e. Θ(n·g) for q > −1 and the
  same logarithmic cases as above at q = −1, Θ(1) for q < −1; for a > 1 and
  polynomially bounded g (every g of the function universe), r = Θ(a^(n/c)).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import gcd

from rcproof.budget import spend
from rcproof.errors import RcError
from rcproof.growth.exactread import exact_value
from rcproof.growth.quadratic import Quadratic, factor, primitive_base, sqrt_of
from rcproof.growth.realexp import Real, is_real, log_ratio
from rcproof.syntax import ast as A

SUPPORTED = ("supported: divide and conquer `a1*r(n/b1) + … + g(n)` with constants a > 0, "
             "0 < 1/b < 1 (e.g. `2*size(n/2) + n`), or subtract and conquer "
             "`a*r(n - c) + g(n)` with a >= 1, c > 0, and g a function of n alone")

_ZERO = Fraction(0)
_MAX_INT_P = 64
_MAX_DEGREE = 64  # of the characteristic polynomial Σ a·x^k = 1
_MAX_DIVISORS = 2000  # rational-root candidates per coefficient


@dataclass(frozen=True)
class Derivation:
    """How a recurrence was solved: data for `show`, `--steps` and the LaTeX report.

    `recurrence` is the stated right-hand side, `closed_form` the Θ-class it denotes,
    `p` the Akra–Bazzi exponent (None for subtract and conquer), `case` the case of the
    theorem that applied, in words."""

    resource: str
    recurrence: A.Expr
    method: str
    p: Real | None
    case: str
    closed_form: A.Expr
    span: A.Span | None = None

    def describe(self) -> str:
        from rcproof.syntax.notation import to_text as show

        text = f"{self.resource} = Θ({show(self.closed_form)}) by {self.method}"
        if self.p is not None:
            p = show(exponent_expr(self.p))
            approx = f" ≈ {float(self.p):.6g}" if is_real(self.p) else ""
            text += f" with p = {p}{approx}"
        return f"{text} ({self.case})"


# ---- recognising recursive calls ----------------------------------------------------------

def recursive_calls(e: A.Expr, resources: set[str], families: set[str]) -> list[A.Call]:
    """Calls r(arg) of a resource r of the family being declared (not r(F) of a family)."""
    out: list[A.Call] = []

    def walk(x: A.Expr) -> None:
        if isinstance(x, A.Call):
            if x.func in resources and not _is_family_ref(x, families):
                out.append(x)
            for arg in x.args:
                walk(arg)
            for _, arg in x.kwargs:
                walk(arg)
        elif isinstance(x, A.BinOp):
            walk(x.left)
            walk(x.right)
        elif isinstance(x, A.Neg):
            walk(x.operand)

    walk(e)
    return out


def _is_family_ref(call: A.Call, families: set[str]) -> bool:
    if len(call.args) != 1 or call.kwargs:
        return False
    arg = call.args[0]
    name = arg.id if isinstance(arg, A.Name) else arg.func if isinstance(arg, A.Call) else None
    return name in families


# ---- the shape of the right-hand side -------------------------------------------------------

@dataclass(frozen=True)
class _Term:
    coef: Fraction
    slope: Fraction   # b in r(b·n + h)
    shift: Fraction   # h
    call: A.Call


class _Shape:
    def __init__(self, name: str, source: str) -> None:
        self.name = name
        self.source = source
        self.terms: list[_Term] = []
        self.rest: list[tuple[int, A.Expr]] = []

        self.span: A.Span | None = None  # the resource line, for nodes without a span

    def error(self, message: str, node: object, hint: str = SUPPORTED) -> RcError:
        return RcError(message, getattr(node, "span", None) or self.span, hint, self.source)


def _summands(e: A.Expr, sign: int) -> list[tuple[int, A.Expr]]:
    if isinstance(e, A.BinOp) and e.op in "+-":
        return _summands(e.left, sign) + _summands(e.right, sign if e.op == "+" else -sign)
    if isinstance(e, A.Neg):
        return _summands(e.operand, -sign)
    return [(sign, e)]


def _linear(e: A.Expr) -> tuple[Fraction, Fraction] | None:
    """(b, h) with e = b·n + h for rational b, h, or None."""
    if isinstance(e, A.Name):
        return (Fraction(1), _ZERO) if e.id == "n" else None
    if isinstance(e, A.Num):
        return _ZERO, Fraction(e.value)
    if isinstance(e, A.Neg):
        x = _linear(e.operand)
        return None if x is None else (-x[0], -x[1])
    if isinstance(e, A.BinOp) and e.op in "+-*/":
        x, y = _linear(e.left), _linear(e.right)
        if x is None or y is None:
            return None
        if e.op in "+-":
            s = 1 if e.op == "+" else -1
            return x[0] + s * y[0], x[1] + s * y[1]
        if e.op == "*":
            if x[0] and y[0]:
                return None
            return (x[0] * y[1] + y[0] * x[1], x[1] * y[1])
        if y[0] or not y[1]:
            return None
        return x[0] / y[1], x[1] / y[1]
    return None


def _constant(e: A.Expr) -> Fraction | None:
    v = _linear(e)
    return v[1] if v is not None and not v[0] else None


def _shape(name: str, rhs: A.Expr, resources: set[str], families: set[str],
           source: str, span: A.Span | None) -> _Shape:
    shape = _Shape(name, source)
    shape.span = span
    for sign, term in _summands(rhs, 1):
        calls = recursive_calls(term, resources, families)
        if not calls:
            shape.rest.append((sign, term))
            continue
        for call in calls:
            if call.func != name:
                raise shape.error(
                    f"the recurrence for {name} refers to {call.func}(…): mutual recursion "
                    "is not supported", call,
                    f"state {call.func} on its own; {name} may only refer to {name}(…)")
        coef, call = _split_coefficient(term, shape)
        if sign < 0 or coef <= 0:
            raise shape.error(f"the coefficient of {show_call(call)} must be positive",
                              term)
        if len(call.args) != 1 or call.kwargs:
            raise shape.error(f"{name}(…) takes one argument, the smaller input size", call)
        lin = _linear(call.args[0])
        if lin is None:
            raise shape.error(f"the argument of {show_call(call)} must be b*n + c for "
                              "constants b and c", call.args[0])
        shape.terms.append(_Term(coef, lin[0], lin[1], call))
    return shape


def show_call(call: A.Call) -> str:
    from rcproof.syntax.notation import to_text as show

    return show(call)


def _split_coefficient(term: A.Expr, shape: _Shape) -> tuple[Fraction, A.Call]:
    """term = c·r(arg) (or r(arg)·c, r(arg)/c) with c a numeral."""
    if isinstance(term, A.Call) and term.func == shape.name:
        return Fraction(1), term
    if isinstance(term, A.BinOp) and term.op in "*/":
        pairs = [(term.left, term.right)]
        if term.op == "*":
            pairs.append((term.right, term.left))
        for inner, other in pairs:
            if isinstance(inner, A.Call) and inner.func == shape.name:
                if recursive_calls(other, {shape.name}, set()):
                    raise shape.error(f"a product of recursive terms {shape.name}(…) has no "
                                      "Akra–Bazzi form", term)
                c = _constant(other)
                if c is None:
                    raise shape.error(
                        "the coefficient of a recursive term must be a number (a symbolic "
                        "or variable coefficient has no closed form here)", other)
                return (c if term.op == "*" else 1 / c if c else Fraction(-1)), inner
    raise shape.error(f"{shape.name}(…) may only appear as c*{shape.name}(…) in a sum", term)


# ---- g(n) ------------------------------------------------------------------------------------

def _g_expr(shape: _Shape) -> A.Expr | None:
    out: A.Expr | None = None
    for sign, term in shape.rest:
        if out is None:
            out = term if sign > 0 else A.Neg(term)
        else:
            out = A.BinOp("+" if sign > 0 else "-", out, term)
    return out


def _g_exps(shape: _Shape, g: A.Expr | None) -> tuple[Real, Real, Real] | None:
    """(q, ρ, σ) of g's leading term; None for g = 0."""
    from rcproof.growth import GrowthError, expand, leading
    from rcproof.syntax.walk import names

    if g is None:
        return None
    for name in sorted(names(g)):
        if name != "n":
            raise shape.error(f"g(n) in the recurrence for {shape.name} uses '{name}'; the "
                              "non-recursive part must be a function of n alone", g,
                              "write the parameter's value into the recurrence, or state "
                              f"{shape.name} in closed form")
    try:
        if expand(g).is_zero():  # `+ 0`, or terms that cancel exactly: no g at all
            return None
        lead = leading(g)
    except GrowthError as exc:
        raise shape.error(f"the non-recursive part of the recurrence for {shape.name} is not "
                          f"a positive growth monomial sum: {exc.reason}", g) from None
    return lead.exps.a, lead.exps.b, lead.exps.e


# ---- closed forms --------------------------------------------------------------------------

def exponent_expr(x: Real) -> A.Expr:
    """An exact exponent (rational or RealExp) as a syntax tree."""
    if is_real(x):
        return x.to_expr()  # type: ignore[union-attr]
    assert isinstance(x, Fraction)
    if x.denominator == 1:
        return A.Num(x)
    if x < 0:
        return A.Neg(exponent_expr(-x))
    return A.BinOp("/", A.Num(Fraction(x.numerator)), A.Num(Fraction(x.denominator)))


def monomial_expr(q: Real, r: Real, s: Real, lll: bool = False) -> A.Expr:
    """n^q (log n)^r (log log n)^s (· log log log n) as a syntax tree."""
    n: A.Expr = A.Name("n")
    log_n: A.Expr = A.Call("log", (n,))
    loglog: A.Expr = A.Call("log", (log_n,))
    factors: list[A.Expr] = []
    for base, k in ((n, q), (log_n, r), (loglog, s)):
        if k == 1:
            factors.append(base)
        elif is_real(k) or k:
            factors.append(A.BinOp("^", base, exponent_expr(k)))
    if lll:
        factors.append(A.Call("log", (loglog,)))
    if not factors:
        return A.Num(Fraction(1))
    out = factors[0]
    for f in factors[1:]:
        out = A.BinOp("*", out, f)
    return out


def _log_integral(q: Real, r: Real, s: Real, p: Real) -> tuple[A.Expr, str]:
    """n^p·(1 + ∫_1^n u^(q−p−1) log^r loglog^s du) up to Θ, with the case in words."""
    g = f"g = Θ({_show(monomial_expr(q, r, s))})"
    if q > p:
        return monomial_expr(q, r, s), f"{g} grows faster than n^p: Θ(g)"
    if q < p:
        return monomial_expr(p, _ZERO, _ZERO), f"{g} grows slower than n^p: Θ(n^p)"
    if r > -1:
        return monomial_expr(p, r + 1, s), f"{g} is n^p·log(n)^r with r > -1"
    if r < -1:
        return monomial_expr(p, _ZERO, _ZERO), f"{g} is n^p·log(n)^r with r < -1"
    if s > -1:
        return monomial_expr(p, _ZERO, s + 1), f"{g} is n^p/log(n)·log(log(n))^s, s > -1"
    if s == -1:
        return monomial_expr(p, _ZERO, _ZERO, lll=True), f"{g} is n^p/(log(n)·log(log(n)))"
    return monomial_expr(p, _ZERO, _ZERO), f"{g} is n^p/log(n)·log(log(n))^s, s < -1"


def _show(e: A.Expr) -> str:
    from rcproof.syntax.notation import to_text as show

    return show(e)


def akra_bazzi_exponent(terms: list[tuple[Fraction, Fraction]]) -> Real | None:
    """The exact p with Σ a·b^p = 1 (0 < b < 1, a > 0), or None when it is outside the
    exact field (see the module docstring)."""
    if len(terms) == 1:  # a·b^p = 1: p = log a / log(1/b)
        (a, b), = terms
        return log_ratio(Quadratic(a), 1 / b)
    bases = [primitive_base(1 / b) for _, b in terms]
    gammas = {g for g, _ in bases}
    if len(gammas) == 1 and max(k for _, k in bases) <= _MAX_DEGREE:
        # with g = gcd(k) the base γ^g keeps the polynomial's degree smallest
        g = gcd(*(k for _, k in bases))
        gamma = gammas.pop() ** g
        x = _positive_root([(a, k // g) for (a, _), (_, k) in zip(terms, bases)])
        return None if x is None else log_ratio(x.inverse(), gamma)
    return _integer_exponent(terms)


def _positive_root(poly: list[tuple[Fraction, int]]) -> Quadratic | None:
    """The positive root of Σ a·x^k = 1 (a > 0) as a rational or quadratic number, or
    None. The left side is strictly increasing on x > 0, so that root is unique; rational
    roots are found by the rational root theorem (candidates budgeted), then a remaining
    factor of degree ≤ 2 is solved by the quadratic formula."""
    degree = max(k for _, k in poly)
    coeffs = [Fraction(0)] * (degree + 1)  # coeffs[i] is the coefficient of x^i
    for a, k in poly:
        coeffs[k] += a
    coeffs[0] -= 1
    low = 0
    while coeffs[low] == 0:  # x^low divides: x = 0 is not the positive root
        low += 1
    coeffs = coeffs[low:]
    while len(coeffs) > 3:
        root = _rational_root(coeffs)
        if root is None:
            return None
        if _value(coeffs, root) == 0 and root > 0:
            return Quadratic(root)
        coeffs = _deflate(coeffs, root)
    if len(coeffs) == 2:
        return Quadratic(-coeffs[0] / coeffs[1])
    c, b, a = coeffs
    disc = b * b - 4 * a * c
    if disc < 0:
        return None
    for sign in (1, -1):
        root = (Quadratic(-b) + sqrt_of(disc) * Quadratic(Fraction(sign))) * \
            Quadratic(1 / (2 * a))
        if root.sign() == 1:
            return root
    return None


def _value(coeffs: list[Fraction], x: Fraction) -> Fraction:
    out = Fraction(0)
    for c in reversed(coeffs):
        out = out * x + c
    return out


def _deflate(coeffs: list[Fraction], r: Fraction) -> list[Fraction]:
    """The quotient of the polynomial by (x − r), r a root."""
    out: list[Fraction] = []
    acc = Fraction(0)
    for c in reversed(coeffs[1:]):
        acc = acc * r + c
        out.append(acc)
    return list(reversed(out))


def _rational_root(coeffs: list[Fraction]) -> Fraction | None:
    """A rational root (p/q with p | c0 and q | cn after clearing denominators), the
    positive one first; None when there is none or the candidates exceed the budget."""
    from math import lcm

    den = lcm(*(c.denominator for c in coeffs))
    ints = [int(c * den) for c in coeffs]
    divisors = []
    for value in (ints[0], ints[-1]):
        ds = [1]
        for p, e in factor(Fraction(abs(value))).items():
            ds = [d * p ** i for d in ds for i in range(e + 1)]
            if len(ds) > _MAX_DIVISORS:
                return None
        divisors.append(ds)
    spend(len(divisors[0]) * len(divisors[1]), "searching rational roots")
    candidates = sorted({Fraction(p, q) for p in divisors[0] for q in divisors[1]})
    for r in [*candidates, *(-c for c in candidates)]:
        if _value(coeffs, r) == 0:
            return r
    return None


def _integer_exponent(terms: list[tuple[Fraction, Fraction]]) -> Fraction | None:
    def f(p: int) -> Fraction:
        return sum((a * b ** p for a, b in terms), _ZERO)

    for p in range(-_MAX_INT_P, _MAX_INT_P + 1):
        if f(p) == 1:
            return Fraction(p)
    return None


# ---- entry point -----------------------------------------------------------------------------

def derive(item: A.Resource, resources: set[str], families: set[str],
           source: str) -> Derivation | None:
    """The derivation of a resource stated by a recurrence; None if it is not recursive.

    Raises RcError (located at the offending sub-expression) for unsupported forms."""
    calls = recursive_calls(item.expr, resources, families)
    if not calls:
        return None
    shape = _Shape(item.name, source)
    if item.rel != "Theta":
        raise shape.error(f"a recurrence states {item.name} exactly", item,
                          f"write `{item.name} = …` without {item.rel}(…)")
    shape = _shape(item.name, item.expr, resources, families, source, item.span)
    g = _g_expr(shape)
    for term in shape.terms:
        if term.slope <= 0 or term.slope > 1 or (term.slope == 1 and term.shift >= 0):
            raise shape.error(f"the argument of {show_call(term.call)} does not decrease",
                              term.call.args[0],
                              "a recursive call must be on a smaller input: n/2, 2*n/3 or "
                              "n - 1")
    subtract = [t for t in shape.terms if t.slope == 1]
    if subtract:
        return _subtract(item, shape, subtract, g)
    return _divide(item, shape, g)


def _divide(item: A.Resource, shape: _Shape, g: A.Expr | None) -> Derivation:
    from rcproof.growth import GrowthError

    terms = [(t.coef, t.slope) for t in shape.terms]
    try:
        p = akra_bazzi_exponent(terms)
    except GrowthError as exc:
        raise shape.error(f"cannot solve Σ a·b^p = 1 exactly for {item.name}: {exc.reason}",
                          item) from None
    exps = _g_exps(shape, g)
    if p is None and exps is not None and is_rational(exps[0]):
        # p itself is not needed when g decides the case: Σ a·b^q < 1 iff p < q.
        side = _characteristic_side(terms, exps[0])  # type: ignore[arg-type]
        if side is not None and side < 0:
            closed = monomial_expr(*exps)
            case = (f"Σ a·b^q < 1 at q = {exps[0]}, so p < q and g = "
                    f"Θ({show_call(closed)}) dominates: Θ(g)")
            return Derivation(item.name, item.expr, "Akra–Bazzi", None, case, closed,
                              item.span)
        if side == 0:
            p = exps[0]
    if p is None:
        ratios = ", ".join(str(t.slope) for t in shape.terms)
        raise shape.error(
            f"cannot solve Σ a·b^p = 1 exactly for the ratios {ratios} of {item.name}",
            item, "p is exact for one term, when every ratio is a power of one number "
            "(n/2, n/4, n/8), or when p is an integer; without p, g = n^q·… decides the "
            "case only when Σ a·b^q < 1; " + SUPPORTED)
    if exps is None:
        closed, case = monomial_expr(p, _ZERO, _ZERO), "g = 0: Θ(n^p)"
    else:
        closed, case = _log_integral(*exps, p)
    return Derivation(item.name, item.expr, "Akra–Bazzi", p, case, closed, item.span)


def is_rational(x: Real) -> bool:
    return isinstance(x, Fraction)


def _characteristic_side(terms: list[tuple[Fraction, Fraction]], q: Fraction) -> int | None:
    """The sign of Σ a·b^q − 1 (so −1 means p < q, 0 means p = q), or None when the
    rigorous enclosures of the powers b^q cannot decide it."""
    from rcproof.growth import GrowthError
    from rcproof.growth.coef import Coef

    total = Coef.exact(0)
    try:
        for a, b in terms:
            total = total + Coef.exact(a) * Coef.exact(b).pow_rat(q)
    except GrowthError:  # a power too large or small for its enclosure
        return None
    return (total - Coef.exact(1)).sign()


def _subtract(item: A.Resource, shape: _Shape, terms: list[_Term],
              g: A.Expr | None) -> Derivation:
    if len(shape.terms) != 1:
        raise shape.error(f"the recurrence for {item.name} mixes several recursive terms "
                          "with r(n - c)", item,
                          "subtract and conquer supports a single term a*r(n - c)")
    term = terms[0]
    step = -term.shift
    if term.coef < 1:
        raise shape.error(f"the coefficient of {show_call(term.call)} must be at least 1",
                          item, SUPPORTED)
    if term.coef > 1:
        exponent: A.Expr = A.Name("n") if step == 1 else A.BinOp(
            "/", A.Name("n"), exponent_expr(step))
        closed: A.Expr = A.BinOp("^", exponent_expr(term.coef), exponent)
        _g_exps(shape, g)  # g must still be a function of n in the universe
        return Derivation(item.name, item.expr, "subtract and conquer", None,
                          f"a = {term.coef} > 1: Θ(a^(n/c))", closed, item.span)
    exps = _g_exps(shape, g)
    if exps is None:
        closed, case = A.Num(Fraction(1)), "g = 0: Θ(1)"
    else:
        # Σ_{k ≤ n/c} g(n − kc) = Θ(∫_1^n g): the Akra–Bazzi integral with p = 0, times n^0.
        q, r, s = exps
        closed, case = _log_integral(q + 1, r, s, Fraction(0))
        g_text = f"g = Θ({_show(monomial_expr(q, r, s))})"
        if q + 1 > 0:
            case = f"a = 1 sums {g_text}: Θ(n·g)"
        elif closed == A.Num(Fraction(1)):
            case = f"a = 1 and Σ g converges for {g_text}: Θ(1)"
        else:
            case = f"a = 1 sums {g_text}: a logarithmic sum"
    return Derivation(item.name, item.expr, "subtract and conquer", None, case, closed,
                      item.span)


def derive_family(decl: A.FamilyDecl, families: set[str], source: str
                  ) -> tuple[A.FamilyDecl, tuple[Derivation, ...]]:
    """The family with every recurrence replaced by its closed form (rel Theta, same span),
    and the derivations in order. A family without recurrences is returned unchanged."""
    resources = {item.name for item in decl.items if isinstance(item, A.Resource)}
    items: list[A.Resource | A.FamilyLet] = []
    derivations: list[Derivation] = []
    for item in decl.items:
        if isinstance(item, A.Resource):
            d = derive(item, resources, families, source)
            if d is not None:
                derivations.append(d)
                item = A.Resource(item.name, "Theta", d.closed_form, item.span)
        elif recursive_calls(item.expr, resources, families):
            call = recursive_calls(item.expr, resources, families)[0]
            raise RcError(f"a family `let` cannot refer to {call.func}(…)", call.span,
                          SUPPORTED, source)
        items.append(item)
    if not derivations:
        return decl, ()
    return A.FamilyDecl(decl.name, decl.params, tuple(items), decl.doc, decl.span), tuple(
        derivations)


def describe_value(x: Real) -> str:
    """p as text with a decimal approximation when irrational."""
    from rcproof.syntax.notation import to_text as show

    text = show(exponent_expr(x))
    return f"{text} ≈ {float(x):.6g}" if is_real(x) else text


__all__ = ["SUPPORTED", "Derivation", "akra_bazzi_exponent", "derive", "derive_family",
           "exact_value"]
