"""The display simplifier: one normal form for printing expressions, used by every report.

Display only: nothing it returns is fed back to the prover. Two modes:

* exact (`tidy(e)`): an expression equal to `e` for every large n. Constants are folded,
  `log 1` is dropped, like terms are combined (`n + n` → `2·n`) and so are powers of one
  base (`n/n^(1/3)` → `n^(2/3)`, `(n^a)^b` → `n^(a·b)`, `√n·√n` → `n`), a power 1/2
  prints as `√`, and `log(x^k)` becomes `k·log(x)`. Every rule is an identity of real arithmetic for
  eventually positive bases (THEORY.md §1's global assumption).
* Θ (`tidy(e, theta=True)`): an expression Θ-equal to `e`, for the argument of Θ. A
  ground expression (in n only) becomes its leading monomial without coefficient, from
  the growth algebra (`growth.leading`); otherwise numeric factors are dropped from a
  product and each factor is simplified in Θ mode, since Θ(c·f·g^k) = Θ(Θ(f)·Θ(g)^k) for
  constants c > 0 and k.

Shapes: `tidy(Expr, theta) -> Expr`; `tidy_prop(Prop) -> Prop` applies exact mode to the
sides of relations and Θ mode to Landau arguments. Never raises on a well-formed tree:
anything it cannot normalise is kept as it is.
"""

from __future__ import annotations

import functools
from fractions import Fraction

from rcproof.syntax import ast as A

Factor = tuple[A.Expr, A.Expr]          # base ^ exponent
Term = tuple[Fraction, tuple[Factor, ...]]  # coefficient · product of factors

_ONE = Fraction(1)
_MAX_POWER = 12  # integer powers of sums and coefficients beyond this stay unexpanded


MAX_DISPLAY_WORK = 20_000  # work units of one simplification (display only)


def tidy(e: A.Expr, theta: bool = False, constants: frozenset[str] = frozenset()
         ) -> A.Expr:
    """The display normal form of `e` (see the module docstring). Its work is budgeted
    (`MAX_DISPLAY_WORK` units of rcproof.budget, counted per node visited); when the
    budget runs out `e` is shown as it is. Results are memoised (trees are immutable).
    `constants` names real constants (the dimension d of `rcproof bound --dim d`): in Θ
    mode a positive constant to a power in them is a constant factor and is dropped."""
    return _tidy(e, theta, constants)


@functools.lru_cache(maxsize=4096)
def _tidy(e: A.Expr, theta: bool, constants: frozenset[str] = frozenset()) -> A.Expr:
    from rcproof.budget import Budget, BudgetExhausted, budget_scope

    if _depth(e) > _MAX_DEPTH:
        return e
    try:
        with budget_scope(Budget(MAX_DISPLAY_WORK)):
            exact = _build(_terms(e))
            return _theta(exact, constants) if theta else exact
    except (RecursionError, BudgetExhausted):
        return e


_MAX_DEPTH = 60


def _depth(e: object, limit: int = _MAX_DEPTH + 1) -> int:
    """The nesting depth of a tree, counted up to `limit`."""
    if limit <= 0:
        return 0
    if isinstance(e, A.BinOp):
        return 1 + max(_depth(e.left, limit - 1), _depth(e.right, limit - 1))
    if isinstance(e, A.Neg):
        return 1 + _depth(e.operand, limit - 1)
    if isinstance(e, A.Call):
        return 1 + max((_depth(a, limit - 1) for a in e.args), default=0)
    return 1


def tidy_prop(p: A.Prop, theta: bool = True) -> A.Prop:
    """Exact mode on the sides of each relation, Θ mode on Landau arguments (exact mode
    there too with `theta=False`: a claim printed next to its (c, N0) certificate keeps
    the g(n) the constant c refers to); the rest of the proposition is unchanged."""
    from rcproof.syntax.walk import rewrite

    def change(node: object) -> object | None:
        if isinstance(node, A.Relation):
            landau = theta and node.rel not in ("~", "poly", "polylog")
            return A.Relation(tidy(node.left), node.rel, tidy(node.right, theta=landau))
        return None

    return rewrite(p, change)  # type: ignore[return-value]


def tidy_claim(claim: A.Prop, evidenced: bool) -> A.Prop:
    """A derivation step's claim for display: a single atom printed next to evidence (a
    certificate `f(n) <= c · g(n)`, or why it is open) keeps its exact sides, so c is read
    against the g it was checked for; any other claim gets `tidy_prop`."""
    return tidy_prop(claim, theta=not (evidenced and isinstance(claim, A.Relation)))


# ---- normal form: a sum of terms ------------------------------------------------------

def _num(e: A.Expr) -> Fraction | None:
    return Fraction(e.value) if isinstance(e, A.Num) else None


def _terms(e: A.Expr) -> list[Term]:
    """`e` as a sum of terms with like terms combined (zero terms dropped)."""
    from rcproof.budget import spend

    spend(1, "simplifying an expression for display")
    if isinstance(e, A.Num):
        value = Fraction(e.value)
        return [(value, ())] if value else []
    if isinstance(e, A.Name):
        return [(_ONE, ((e, A.Num(_ONE)),))]
    if isinstance(e, A.Neg):
        return [(-c, f) for c, f in _terms(e.operand)]
    if isinstance(e, A.BinOp):
        if e.op == "+":
            return _combine(_terms(e.left) + _terms(e.right))
        if e.op == "-":
            return _combine(_terms(e.left) + [(-c, f) for c, f in _terms(e.right)])
        if e.op == "*":
            return _times(_terms(e.left), _terms(e.right))
        if e.op == "/":
            right = _terms(e.right)
            return _times(_terms(e.left), _power(right, A.Num(-_ONE)))
        if e.op == "^":
            return _power(_terms(e.left), _exponent(e.right))
    if isinstance(e, A.Call):
        return _call(e)
    return [(_ONE, ((e, A.Num(_ONE)),))]


def _exponent(e: A.Expr) -> A.Expr:
    """An exponent in normal form: free of n, it is a rational function of parameters,
    put over one denominator and cancelled (sympy's `cancel`, display only)."""
    out = _build(_terms(e))
    if _num(out) is not None or "n" in _names(out) or not _divides_by_name(out):
        return out  # our own arithmetic already combined it
    if isinstance(out, A.BinOp) and out.op == "/" and not _divides_by_name(out.left) \
            and not _divides_by_name(out.right.left if isinstance(out.right, A.BinOp)
                                     else out.right):
        return out  # one fraction a/b: nothing to put over a common denominator
    return _cancel(out)


def _divides_by_name(e: A.Expr) -> bool:
    """Whether `e` divides by an expression with names (`1/(d - 1)`): only then can
    putting it over one denominator shorten it."""
    if isinstance(e, A.BinOp):
        if e.op == "/" and _names(e.right):
            return True
        return _divides_by_name(e.left) or _divides_by_name(e.right)
    if isinstance(e, A.Neg):
        return _divides_by_name(e.operand)
    return False


def _names(e: A.Expr) -> set[str]:
    from rcproof.syntax.walk import names

    return names(e)


def _cancel(e: A.Expr) -> A.Expr:
    """A rational function of parameter names, cancelled; `e` itself when it is not one."""
    import sympy

    def to(x: A.Expr) -> sympy.Expr | None:
        if isinstance(x, A.Num):
            return sympy.Rational(x.value.numerator, x.value.denominator)
        if isinstance(x, A.Name):
            return sympy.Symbol(x.id, positive=True)
        if isinstance(x, A.Neg):
            inner = to(x.operand)
            return None if inner is None else -inner
        if isinstance(x, A.BinOp):
            a, b = to(x.left), to(x.right)
            if a is None or b is None:
                return None
            if x.op == "^":
                return a ** b if b.is_Integer else None
            return {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[x.op]
        return None

    value = to(e)
    if value is None:
        return e
    num, den = sympy.fraction(sympy.cancel(sympy.together(value)))
    back_num, back_den = _from_sympy(sympy.expand(num)), _from_sympy(sympy.expand(den))
    if back_num is None or back_den is None:
        return e
    out = _build(_terms(back_num)) if den == 1 else A.BinOp(
        "/", _build(_terms(back_num)), _build(_terms(back_den)))
    return out if _size(out) < _size(e) else e


def _from_sympy(x: object) -> A.Expr | None:
    import sympy

    if isinstance(x, sympy.Rational):
        return A.Num(Fraction(int(x.p), int(x.q)))
    if isinstance(x, sympy.Symbol):
        return A.Name(x.name)
    if isinstance(x, (sympy.Add, sympy.Mul)):
        parts = [_from_sympy(a) for a in x.as_ordered_terms()] if isinstance(x, sympy.Add) \
            else [_from_sympy(a) for a in x.as_ordered_factors()]
        if any(p is None for p in parts):
            return None
        out = parts[0]
        for p in parts[1:]:
            out = A.BinOp("+" if isinstance(x, sympy.Add) else "*", out, p)  # type: ignore[arg-type]
        return out
    if isinstance(x, sympy.Pow) and x.exp.is_Integer:
        base = _from_sympy(x.base)
        return None if base is None else A.BinOp("^", base, A.Num(Fraction(int(x.exp))))
    return None


def _size(e: A.Expr) -> int:
    from rcproof.report.text import show

    return len(show(e))


def _call(e: A.Call) -> list[Term]:
    if e.func == "sqrt" and len(e.args) == 1:
        return _power(_terms(e.args[0]), A.Num(Fraction(1, 2)))
    arg_terms = [_terms(a) for a in e.args]
    args = tuple(_build(t) for t in arg_terms)
    if e.func == "log" and len(args) == 1:
        inner = arg_terms[0]
        if inner == [(_ONE, ())]:
            return []  # log 1 = 0
        if len(inner) == 1 and inner[0][0] == 1 and len(inner[0][1]) == 1:
            base, k = inner[0][1][0]
            if k != A.Num(_ONE):  # log(x^k) = k·log(x)
                return _times(_terms(k), _atom(A.Call("log", (base,))))
    if e.func == "exp" and len(args) == 1 and args[0] == A.Num(Fraction(0)):
        return [(_ONE, ())]
    return _atom(A.Call(e.func, args, e.kwargs))


def _atom(base: A.Expr) -> list[Term]:
    return [(_ONE, ((base, A.Num(_ONE)),))]


def _combine(terms: list[Term]) -> list[Term]:
    """Add the coefficients of terms with the same factors; keep first-seen order."""
    out: dict[tuple[Factor, ...], Fraction] = {}
    for coef, factors in terms:
        out[factors] = out.get(factors, Fraction(0)) + coef
    return [(c, f) for f, c in out.items() if c]


def _times(left: list[Term], right: list[Term]) -> list[Term]:
    """A product. Only a number is multiplied into a sum (`2·(n + 1)` → `2·n + 2`); any
    other factor keeps the sum whole as a base (`L·(n + 1)`), so powers of it combine."""
    if not left or not right:
        return []
    for one, other in ((left, right), (right, left)):
        if len(one) == 1 and not one[0][1]:
            return _combine([(one[0][0] * c, f) for c, f in other])
    left, right = _whole(left), _whole(right)
    out = [(c1 * c2, _merge(f1, f2)) for c1, f1 in left for c2, f2 in right]
    return _combine(out)


def _whole(terms: list[Term]) -> list[Term]:
    return terms if len(terms) == 1 else [(_ONE, ((_build(terms), A.Num(_ONE)),))]


def _merge(f1: tuple[Factor, ...], f2: tuple[Factor, ...]) -> tuple[Factor, ...]:
    """Multiply two products of powers: exponents of one base add."""
    exps: dict[A.Expr, A.Expr] = dict(f1)
    for base, k in f2:
        exps[base] = _exponent(A.BinOp("+", exps[base], k)) if base in exps else k
    return tuple((b, k) for b, k in exps.items() if k != A.Num(Fraction(0)))


def _power(terms: list[Term], k: A.Expr) -> list[Term]:
    """`terms ^ k` for an eventually positive base."""
    value = _num(k)
    if value == 0:
        return [(_ONE, ())]
    if value == 1:
        return terms
    if not terms:
        return terms  # 0^k for k > 0
    if len(terms) == 1:
        coef, factors = terms[0]
        new_coef = _coef_power(coef, value)
        powered = tuple((b, _exponent(A.BinOp("*", e, k))) for b, e in factors)
        if new_coef is not None:
            return [(new_coef, _merge((), powered))]
        if coef == 1:
            return [(_ONE, _merge((), powered))]
        return [(_ONE, _merge(((A.Num(coef), k),), powered))]
    base = _build(terms)
    return [(_ONE, ((base, k),))]


def _coef_power(c: Fraction, k: Fraction | None) -> Fraction | None:
    """c^k when it is rational and small enough to print."""
    if k is None:
        return _ONE if c == 1 else None
    if c == 1:
        return _ONE
    if k.denominator == 1 and abs(k) <= _MAX_POWER and c:
        return c ** int(k)
    if c > 0:
        num = _root(c.numerator, k.denominator)
        den = _root(c.denominator, k.denominator)
        if num is not None and den is not None and abs(k.numerator) <= _MAX_POWER:
            return Fraction(num, den) ** k.numerator
    return None


def _root(x: int, r: int) -> int | None:
    guess = round(x ** (1 / r)) if x > 0 else 0
    for y in (guess - 1, guess, guess + 1):
        if y >= 0 and y ** r == x:
            return y
    return None


# ---- back to a tree -------------------------------------------------------------------

def _build(terms: list[Term]) -> A.Expr:
    if not terms:
        return A.Num(Fraction(0))
    out: A.Expr | None = None
    for coef, factors in terms:
        magnitude = _product(abs(coef), factors) if factors else A.Num(abs(coef))
        if out is None:
            out = magnitude if coef > 0 else A.Neg(magnitude)
        else:
            out = A.BinOp("+" if coef > 0 else "-", out, magnitude)
    assert out is not None
    return out


def _product(coef: Fraction, factors: tuple[Factor, ...]) -> A.Expr:
    """coef · numerator / denominator, negative exponents below the line."""
    up: list[A.Expr] = []
    down: list[A.Expr] = []
    for base, k in factors:
        value = _num(k)
        if value is not None and value < 0:
            down.append(_pow(base, A.Num(-value)))
        elif isinstance(k, A.Neg):
            down.append(_pow(base, k.operand))
        else:
            up.append(_pow(base, k))
    top: A.Expr | None = A.Num(Fraction(coef.numerator)) if coef.numerator != 1 else None
    for f in up:
        top = f if top is None else A.BinOp("*", top, f)
    bottom: A.Expr | None = A.Num(Fraction(coef.denominator)) if coef.denominator != 1 \
        else None
    for f in down:
        bottom = f if bottom is None else A.BinOp("*", bottom, f)
    if top is None:
        top = A.Num(_ONE)
    return top if bottom is None else A.BinOp("/", top, bottom)


def _pow(base: A.Expr, k: A.Expr) -> A.Expr:
    if k == A.Num(_ONE):
        return base
    if k == A.Num(Fraction(1, 2)):
        return A.Call("sqrt", (base,))  # √n, as people write it
    return A.BinOp("^", base, k)


# ---- Θ mode ---------------------------------------------------------------------------

def _ground(e: A.Expr) -> bool:
    from rcproof.syntax.walk import names

    return names(e) <= {"n"}


def _theta(e: A.Expr, constants: frozenset[str] = frozenset()) -> A.Expr:
    """A Θ-equal display form of an already tidied expression."""
    from rcproof import growth

    if _ground(e):
        try:
            lead = growth.leading(e)
        except (growth.GrowthError, ArithmeticError, RecursionError):
            lead = None
        if lead is not None:
            from rcproof.growth.coef import Coef

            return _build(_terms(type(lead)(Coef.exact(1), lead.exps).to_expr()))
    terms = _terms(e)
    if len(terms) != 1:
        return e
    coef, factors = terms[0]
    if coef <= 0:
        return e
    kept: list[Factor] = []
    for base, k in factors:
        # Θ(c^k·f^k) = Θ(f^k) and Θ(f^k) = Θ(Θ(f)^k) hold for a numeric exponent k only:
        # with k growing (2^n, (n + √n)^n) a constant factor of the base is not one of
        # the power.
        numeric = isinstance(k, A.Num)
        if _constant(base) and (numeric or _in(k, constants)):
            continue
        kept.append((_theta_factor(base) if numeric else base, k))
    return _product(_ONE, _merge((), tuple(kept)))


def _in(k: A.Expr, constants: frozenset[str]) -> bool:
    """An exponent that is a constant: its names are all named real constants."""
    from rcproof.syntax.walk import names

    taken = names(k)
    return bool(taken) and "n" not in taken and taken <= constants


def _theta_factor(base: A.Expr) -> A.Expr:
    """Θ mode inside one factor: a sum as a whole, max/min argument by argument."""
    if isinstance(base, A.Call) and base.func in ("max", "min"):
        return A.Call(base.func, tuple(_theta(a) for a in base.args))
    if isinstance(base, A.BinOp) and base.op in "+-":
        return _theta(base) if _ground(base) else base
    return base


def _constant(e: A.Expr) -> bool:
    """A positive numeric constant: a number, log of one greater than 1, sqrt of a
    positive one, exp of any constant, or a numeric power of such a constant."""
    from rcproof.syntax.walk import names

    if names(e):
        return False
    if isinstance(e, A.Num):
        return e.value > 0
    if isinstance(e, A.Call) and e.func == "log" and len(e.args) == 1:
        return isinstance(e.args[0], A.Num) and e.args[0].value > 1
    if isinstance(e, A.Call) and e.func == "exp" and len(e.args) == 1:
        return True  # e^x > 0 for every real constant x (exp(exp(10^21)))
    if isinstance(e, A.Call) and e.func == "sqrt" and len(e.args) == 1:
        return isinstance(e.args[0], A.Num) and e.args[0].value > 0
    if isinstance(e, A.BinOp) and e.op == "^":
        return _constant(e.left) and isinstance(e.right, A.Num)
    return False
