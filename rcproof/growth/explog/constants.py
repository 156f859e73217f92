"""Exact real constants of the exp-log engine and their signs, proved by intervals.

A constant is a sympy number built from rationals, `E`, `exp`, `log` and real powers
(radicals). Exact arithmetic is sympy's; *signs* are never read from floating point:
`sign_of` evaluates the constant in mpmath's interval arithmetic (`mpmath.iv`) at
increasing precision (53, 128, 320, 800 bits) until the enclosure excludes 0. A constant
that no enclosure separates from 0 is zero only when an exact rewrite (log expansion,
then `simplify` on small constants) turns it into the number 0; otherwise the sign is
*unknown* and `Undecided` names the constant (Richardson: zero-equivalence of constants
is the undecidable core of the field, so the engine never guesses).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction
from typing import Any

from rcproof.budget import spend

_TEXTS: dict[Any, str] = {}


def const_text(v: Any) -> str:
    """The canonical text of a sympy number (rationals directly, others memoized)."""
    if v.is_Rational:
        return str(v.p) if v.q == 1 else f"{v.p}/{v.q}"
    text = _TEXTS.get(v)
    if text is None:
        # order='none': sympy's default printer orders the terms of a sum by their
        # numeric values, which evaluates exp(exp(10^21)) to its full precision (a hang).
        from sympy.printing.str import StrPrinter

        text = StrPrinter({"order": "none"}).doprint(v)
        if len(_TEXTS) < 100_000:
            _TEXTS[v] = text
    return text


_LONG_DIGITS = re.compile(r"\d{40,}")


def const_message(v: Any) -> str:
    """`const_text` for a message: every run of 40 or more digits is cut to its first
    six and its length ("100000…(10001 digits)"); keys keep the exact text (review 7: a
    reason printed two 10,001-digit integers, 61 KB)."""
    return _LONG_DIGITS.sub(lambda m: f"{m.group()[:6]}…({len(m.group())} digits)",
                            const_text(v))


PRECISIONS = (53, 128, 320, 800)  # bits of the interval evaluations, in order
_SIMPLIFY_OPS = 60  # constants larger than this (sympy count_ops) skip `simplify`


_boxes: ContextVar[dict[Any, tuple[Fraction, Fraction]] | None] = ContextVar(
    "rcproof_explog_boxes", default=None)


@contextmanager
def question_scope() -> Iterator[None]:
    """Memoize 53-bit enclosures of constants for one question (never across questions,
    so the work counted for a question does not depend on what was asked before)."""
    token = _boxes.set({})
    try:
        yield
    finally:
        _boxes.reset(token)


def _box(c: Any) -> tuple[Fraction, Fraction] | None:
    """The memoized 53-bit enclosure of c, or None when c has none."""
    memo = _boxes.get()
    if memo is not None and c in memo:
        return memo[c]
    try:
        box = enclosure(c, PRECISIONS[0])
    except Undecided:
        return None
    if memo is not None:
        memo[c] = box
    return box


class Undecided(Exception):
    """The engine cannot settle a step; `reason` names the subterm, in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def number(value: Fraction | int) -> Any:
    """The exact sympy rational for `value`."""
    import sympy

    v = Fraction(value)
    return sympy.Rational(v.numerator, v.denominator)


def _interval(c: Any, iv: Any) -> Any:
    """An mpmath interval enclosing the sympy constant `c` (raises Undecided if unknown)."""
    import sympy

    spend(1, "evaluating a constant in interval arithmetic")
    if c.is_Rational:
        return iv.mpf(int(c.p)) / int(c.q)
    if c is sympy.E:
        return iv.e
    if c is sympy.pi:
        return iv.pi
    if c.is_Add:
        total = iv.mpf(0)
        for a in c.args:
            total += _interval(a, iv)
        return total
    if c.is_Mul:
        prod = iv.mpf(1)
        for a in c.args:
            prod *= _interval(a, iv)
        return prod
    if c.is_Pow:
        base, ex = c.args
        if ex.is_Integer:
            return _interval(base, iv) ** int(ex)
        b = _interval(base, iv)
        if not b.a > 0:
            raise Undecided(f"cannot show that the base of the constant {const_message(c)} "
                            "is positive")
        return iv.exp(iv.log(b) * _interval(ex, iv))
    if isinstance(c, sympy.exp):
        return iv.exp(_interval(c.args[0], iv))
    if isinstance(c, sympy.log):
        a = _interval(c.args[0], iv)
        if not a.a > 0:
            raise Undecided(f"cannot show that the argument of the constant {const_message(c)} "
                            "is positive")
        return iv.log(a)
    raise Undecided(f"the constant {const_message(c)} is outside the exp-log constants")


MAX_BINARY_EXPONENT = 1 << 16  # |binary exponent| of an enclosure bound used exactly


MEMO_SIZE = 50_000  # entries of the process-wide memos of pure constant computations
_enclosures: dict[tuple[Any, int], tuple[Fraction, Fraction] | str] = {}


def enclosure(c: Any, bits: int) -> tuple[Fraction, Fraction]:
    """Rational bounds lo ≤ c ≤ hi from an interval evaluation at `bits` of precision.

    Memoized for the process (bounds, or the reason there are none): the evaluation is a
    pure function of (c, bits) and spends no work units, so sharing it between
    questions changes no question's work count, only its time."""
    key = (c, bits)
    found = _enclosures.get(key)
    if found is None:
        try:
            found = _enclosure(c, bits)
        except Undecided as exc:
            found = exc.reason
        if len(_enclosures) < MEMO_SIZE:
            _enclosures[key] = found
    if isinstance(found, str):
        raise Undecided(found)
    return found


def _enclosure(c: Any, bits: int) -> tuple[Fraction, Fraction]:
    import mpmath

    c = combine_exps(c)
    require_tame(c)
    ctx = mpmath.iv
    old = ctx.prec
    ctx.prec = bits
    try:
        box = _interval(c, ctx)
        lo, hi = box.a, box.b
        low, high = box._mpi_  # the raw endpoints, read while the precision is set
    except (OverflowError, ValueError, ZeroDivisionError, MemoryError) as exc:
        raise Undecided(f"the constant {const_message(c)} cannot be enclosed "
                        f"({type(exc).__name__})") from None
    finally:
        ctx.prec = old
    if not (mpmath.isfinite(lo) and mpmath.isfinite(hi)):
        raise Undecided(f"the constant {const_message(c)} has no finite enclosure")
    return _fraction(low), _fraction(high)


def _fraction(raw: tuple[int, int, int, int]) -> Fraction:
    """The exact rational value of a finite mpmath number given as its raw `_mpf_` tuple
    (sign, mantissa, exponent, bits). Never through `mpmath.mpf(x)`, which rounds to the
    global 53-bit precision to nearest: every 128-, 320- and 800-bit enclosure collapsed
    to one double, not even rounded outward, and a parameter equal to √2 or within 1e-16
    of log 2 got the wrong sign (review 8)."""
    negative, man, exp, _ = raw
    if abs(int(exp)) > MAX_BINARY_EXPONENT:
        digits = len(str(abs(int(exp))))
        sign = "-" if exp < 0 else ""
        size = f"2^{int(exp)}" if digits <= 12 else f"2^({sign}{digits}-digit number)"
        raise Undecided(f"an enclosure bound {size} is too large to use exactly")
    value = Fraction(int(man)) * (Fraction(2) ** int(exp))
    return -value if negative else value


MAX_EVALUATED_EXPONENT = 1e12  # |x| above which exp(x) of an irrational x is refused


def combine_exps(c: Any) -> Any:
    """`c` with the exp factors of every product merged into one, exp(x)·exp(y) =
    exp(x + y), an exact rewrite by the functional equation of exp. sympy's own sum
    then cancels equal terms structurally, so exp(−1 − exp(10^21))·exp(exp(10^21))
    becomes exp(−1) without evaluating anything (sympy's `powsimp` would ask for the
    sign of exp(10^21) numerically, which never finishes). Input and output are sympy
    constants; charges one work unit per node visited."""
    import sympy

    if not c.args or c.is_Rational:
        return c
    spend(1, "merging the exponentials of a constant")
    args = [combine_exps(a) for a in c.args]
    if c.is_Mul:
        exps = [a for a in args if isinstance(a, sympy.exp)]
        if len(exps) > 1:
            rest = [a for a in args if not isinstance(a, sympy.exp)]
            return sympy.Mul(*rest, sympy.exp(sympy.Add(*(e.args[0] for e in exps))))
    if all(a is b for a, b in zip(args, c.args)):
        return c
    return c.func(*args)


def require_tame(c: Any) -> None:
    """Raise Undecided when `c` has exp(x) or b^x with an irrational x larger than
    MAX_EVALUATED_EXPONENT in absolute value (exp(exp(10^21))): any numeric evaluation
    of it needs x to about log2|x| bits, so mpmath, and every sympy rewrite that orders
    terms numerically (cancel, simplify, printing), would not finish. Magnitudes are
    bounded from above in floating point (inf past the float range)."""
    if not _magnitude(c)[1]:
        raise Undecided(f"the constant {const_message(c)} is too large to evaluate: it "
                        "raises to an irrational power beyond 10^12")


def _magnitude(e: Any) -> tuple[float, bool]:
    """(an upper bound on |e|, whether every exponentiation in e is evaluable)."""
    import math

    import sympy

    if e.is_Rational:
        try:
            return abs(float(e)), True
        except OverflowError:
            return math.inf, True
    if isinstance(e, sympy.NumberSymbol) or (e.is_number and not e.args):
        return 4.0, True
    parts = [_magnitude(a) for a in e.args]
    if not all(ok for _, ok in parts):
        return math.inf, False
    sizes = [m for m, _ in parts]
    if isinstance(e, (sympy.exp, sympy.Pow)):
        base, power = (sympy.E, e.args[0]) if isinstance(e, sympy.exp) else e.args
        x = sizes[-1] * (1.0 if isinstance(e, sympy.exp)
                         else max(1.0, math.log(max(_magnitude(base)[0], 1.0))))
        if not power.is_Rational and x > MAX_EVALUATED_EXPONENT:
            return math.inf, False
        return (math.inf if x > 700 else math.exp(x)), True
    if isinstance(e, sympy.Add):
        return sum(sizes), True
    if isinstance(e, sympy.Mul):
        return math.prod(sizes), True
    if isinstance(e, sympy.log):
        return max(1.0, math.log(max(sizes[0], 1.0)) + 1.0) if sizes else 1.0, True
    return (max(sizes) if sizes else 1.0), True


def normal(c: Any) -> Any:
    """c with its rational-function structure in the transcendental atoms cancelled
    (sympy `cancel`: (2 − log 2)/(log 2 − 2) becomes −1), an exact rewrite."""
    import sympy

    if c.is_Rational:
        return c
    spend(5, "normalizing a constant")  # spent on every call: memo hits cost the same
    found = _normals.get(c)
    if found is None:
        merged = combine_exps(c)
        require_tame(merged)
        found = sympy.cancel(merged)
        if len(_normals) < MEMO_SIZE:
            _normals[c] = found
    return found


_normals: dict[Any, Any] = {}  # c -> cancel(c), process-wide (a pure rewrite)


MAX_SIMPLIFY_BITS = 512  # larger rationals are never handed to sympy's simplification


def is_exact_zero(c: Any) -> bool:
    """True only when an exact rewrite of the constant `c` gives the number 0."""
    import sympy

    if c == 0:
        return True
    if any(max(abs(r.p), abs(r.q)).bit_length() > MAX_SIMPLIFY_BITS
           for r in c.atoms(sympy.Rational)):
        return False  # sympy's rewrites of huge rationals are not bounded by any budget
    c = combine_exps(c)
    if c == 0:
        return True
    if not _magnitude(c)[1]:
        return False
    spend(200, "simplifying a constant exactly")
    if sympy.expand(sympy.expand_log(c, force=True)) == 0:
        return True
    if sympy.count_ops(c) <= _SIMPLIFY_OPS:
        return bool(sympy.simplify(c) == 0)
    return False


def sign_of(c: Any) -> int:
    """−1, 0 or +1, proved (interval or exact zero); raises Undecided naming `c`. A
    constant that mentions real parameters gets the sign that holds over their whole
    range (`params.param_sign`)."""
    if c.is_Rational:  # p carries the sign (q > 0): no sympy comparison needed
        return (c.p > 0) - (c.p < 0)
    if c.free_symbols:
        from rcproof.growth.explog.params import param_sign

        return param_sign(c, sign_of)
    structural = _structural_sign(c) or _log_sum_sign(c)
    if structural:
        return structural
    box = _box(c)
    if box is not None and (box[0] > 0 or box[1] < 0):
        return 1 if box[0] > 0 else -1
    for bits in PRECISIONS[1:]:
        try:
            lo, hi = enclosure(c, bits)
        except Undecided:
            break
        if lo > 0:
            return 1
        if hi < 0:
            return -1
    if is_exact_zero(c):
        return 0
    raise Undecided(f"cannot decide the sign of the constant {const_message(c)}: no interval up to "
                    f"{PRECISIONS[-1]} bits separates it from 0, and no exact rewrite "
                    "shows it is 0")


def compare_constants(a: Any, b: Any) -> int:
    """The sign of a − b (−1, 0, +1), proved; raises Undecided."""
    if a == b:
        return 0
    if a.is_Rational and b.is_Rational:  # cross-multiplied (denominators are positive)
        x, y = a.p * b.q, b.p * a.q
        return (x > y) - (x < y)
    ba, bb = _box(a), _box(b)
    if ba is not None and bb is not None:
        if ba[0] > bb[1]:
            return 1
        if ba[1] < bb[0]:
            return -1
    return sign_of(a - b)


def _structural_sign(c: Any) -> int:
    """+1 or −1 when the form of the real constant `c` alone gives its sign, else 0:
    exp(x) > 0 for every real x, log q has the sign of q − 1 for a rational q > 0, e and
    π > 0, a product's sign is the product of its factors' signs, a sum of positive
    terms is positive, a positive base to a real power is positive. No evaluation, so
    exp(−10^21) (an underflow for any interval of a few thousand bits) is positive at
    once (review 5), and so is log(1 + 10^−10000) (review 7)."""
    import sympy

    spend(1, "signing a constant by its form")
    if c.is_Rational:
        return (c.p > 0) - (c.p < 0)
    if c is sympy.E or c is sympy.pi:
        return 1
    if isinstance(c, sympy.exp):
        return 1 if c.args[0].is_extended_real else 0
    if isinstance(c, sympy.log) and c.args[0].is_Rational and c.args[0].p > 0:
        q = c.args[0]  # log q has the sign of q − 1: compared by cross-multiplying
        return (q.p > q.q) - (q.p < q.q)
    if c.is_Pow:
        return 1 if _structural_sign(c.base) > 0 and c.exp.is_extended_real else 0
    if c.is_Mul:
        sign = 1
        for factor in c.args:
            sign *= _structural_sign(factor)
            if sign == 0:
                return 0
        return sign
    if c.is_Add:
        signs = {_structural_sign(term) for term in c.args}
        return signs.pop() if len(signs) == 1 else 0
    return 0


MAX_LOG_SUM_BITS = 1 << 17  # the largest product _log_sum_sign builds, in bits


def _log_sum_sign(c: Any) -> int:
    """The sign of Σ q_i·log r_i (rational q_i, rational r_i > 0), exactly, else 0.

    With L the common denominator of the q_i and k_i = L·q_i integers, the sum has the
    sign of log Π r_i^k_i, that is of Π_{k>0} r_i^k − Π_{k<0} r_i^(−k), compared as
    integers after cross-multiplying: log(10^10000 + 1) − 10000·log 10 (the expansion
    of log(1 + 10^−10000)) needs 33,000 bits, which no interval up to 800 bits resolves
    (review 7). Refused (0) when the products would pass MAX_LOG_SUM_BITS; spends one
    work unit per 64 bits built."""
    import math

    import sympy

    terms = c.args if c.is_Add else (c,)
    pairs: list[tuple[Fraction, Fraction]] = []
    for term in terms:
        coeff, rest = term.as_coeff_Mul()
        if not (coeff.is_Rational and isinstance(rest, sympy.log)
                and rest.args[0].is_Rational and rest.args[0].p > 0):
            return 0
        r = rest.args[0]
        pairs.append((Fraction(int(coeff.p), int(coeff.q)), Fraction(int(r.p), int(r.q))))
    if not pairs:
        return 0
    common = math.lcm(*(q.denominator for q, _ in pairs))
    powers = [(int(q * common), r) for q, r in pairs]
    bits = sum(abs(k) * max(r.numerator.bit_length(), r.denominator.bit_length())
               for k, r in powers)
    if bits > MAX_LOG_SUM_BITS:
        return 0
    spend(1 + bits // 64, "comparing a sum of logarithms exactly")
    left = right = 1
    for k, r in powers:
        up, down = (r.numerator, r.denominator) if k > 0 else (r.denominator, r.numerator)
        left *= up ** abs(k)
        right *= down ** abs(k)
    return (left > right) - (left < right)
