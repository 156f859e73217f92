"""Tier 3: comparisons outside the monomial fragment, under a hard time budget.

Order of attempts: Tier 1 itself; a *log rewrite* (compare log f and log g with Tier 1,
recursively a few levels: if log g − log f → +∞ then f = o(g)), which is a proof built
from Tier 1 facts; and sympy's `limit(f/g, n, oo)` in a forked process that is killed
when the budget runs out. A sympy answer is cross-checked against the log rewrite when
both answer, else against the numeric trend of log f − log g; any disagreement yields
an unknown reason string, never a verdict.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from fractions import Fraction
from typing import Any

from rcproof.growth.coef import Coef
from rcproof.growth.compare import Order, compare
from rcproof.growth.errors import GrowthError, NotInFragment, SignUnknown
from rcproof.growth.logcompare import compare_by_log_rewrite
from rcproof.growth.positivity import eventually_positive
from rcproof.growth.render import show
from rcproof.syntax.ast import Expr

# ---- sympy in a forked process ------------------------------------------------------


def _limit_message(value: Any) -> tuple[str, ...]:
    """('o',) / ('omega',) / ('Theta', lo, hi) / ('unknown', reason) from a sympy value."""
    import sympy

    if value == 0:
        return ("o",)
    if value == sympy.oo:
        return ("omega",)
    if value.is_number and value.is_extended_real and value.is_finite and value.is_positive:
        if value.is_Rational:
            return ("Theta", str(value), str(value))
        approx = sympy.Float(value.evalf(40), 40)
        mid = Fraction(str(approx))
        slack = abs(mid) * Fraction(1, 10**25)
        return ("Theta", str(mid - slack), str(mid + slack))
    return ("unknown", f"sympy's limit of f/g is {value}, not a growth order")


def _worker(conn: Any, f: Expr, g: Expr) -> None:
    """Child process: send the sympy verdict, then numeric cross-check statuses."""
    try:
        import sympy

        from rcproof.growth.sympy_bridge import to_sympy, variable

        value = sympy.limit(to_sympy(f) / to_sympy(g), variable(), sympy.oo)
        msg = _limit_message(value)
    except Exception as exc:  # sympy raises many kinds; all mean "no answer"
        msg = ("unknown", f"sympy's limit failed: {type(exc).__name__}: {exc}")
    conn.send(("limit", msg))
    if msg[0] == "unknown":
        conn.close()
        return
    from rcproof.growth.numeric import log_ratio_points, trend_verdict

    log_ratio = None
    if msg[0] == "Theta":
        import math

        log_ratio = math.log(float(Fraction(msg[1])))
    points: list[tuple[int, Any]] = []
    try:
        for point in log_ratio_points(f, g):
            points.append(point)
            conn.send(("check", trend_verdict(points, msg[0], log_ratio)))
    except Exception:  # numeric trouble only removes evidence
        pass
    conn.send(("done", ""))
    conn.close()


def _fork(f: Expr, g: Expr, sender: Any) -> int:
    """Fork a child that runs `_worker` and exits without running any cleanup handlers.

    A bare `os.fork` (not `multiprocessing.Process`) so that Tier 3 also works inside
    daemonic pool workers (`--jobs`), which multiprocessing forbids to have children.
    """
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            _worker(sender, f, g)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    return pid


def _run_limit(f: Expr, g: Expr, seconds: float) -> tuple[tuple[str, ...] | None, str]:
    """(sympy verdict message or None, last numeric check status) within `seconds`;
    the child is killed at the deadline, whatever it is doing."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    pid = _fork(f, g, sender)
    sender.close()
    deadline = time.monotonic() + seconds
    verdict: tuple[str, ...] | None = None
    check = "insufficient"
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not receiver.poll(left):
                break
            try:
                tag, payload = receiver.recv()
            except (EOFError, OSError):
                break
            if tag == "limit":
                verdict = payload
            elif tag == "check":
                check = payload
            else:
                break
    finally:
        receiver.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    return verdict, check


def _order_from(msg: tuple[str, ...]) -> Order:
    if msg[0] == "Theta":
        return Order("Theta", Coef(Fraction(msg[1]), Fraction(msg[2])))
    return Order(msg[0])


def compare_by_limit(f: Expr, g: Expr, budget_seconds: float = 2.0) -> Order | str:
    """Tier 3: an Order, or a string saying why the comparison stays unknown.

    The budget bounds the sympy child (limit plus numeric cross-check); Tier 1 and the
    log rewrite before it are exact arithmetic and take milliseconds, so where the log
    rewrite decides, sympy is not consulted.
    """
    try:
        return compare(f, g)
    except SignUnknown:
        pass
    except NotInFragment:
        pass
    except GrowthError as exc:  # eventually negative or zero: no growth order exists
        return exc.reason
    for side in (f, g):
        if not eventually_positive(side):
            return (f"cannot show that {show(side)} is eventually positive, which a "
                    "comparison by limit needs")
    rewrite = compare_by_log_rewrite(f, g)
    if rewrite is not None:
        return rewrite  # exact Tier 1 arithmetic on the logarithms: preferred to a limit
    try:
        from rcproof.growth.sympy_bridge import to_sympy

        to_sympy(f)
        to_sympy(g)
    except GrowthError as exc:
        return exc.reason
    except (ValueError, TypeError) as exc:  # sympy refuses the expression (e.g. I*sqrt(n))
        return f"sympy cannot represent the comparison: {exc}"
    import sympy  # noqa: F401  (imported before forking, so the child starts warm)

    msg, check = (_run_limit(f, g, budget_seconds) if budget_seconds > 0
                  else (None, "insufficient"))
    if msg is None or msg[0] == "unknown":
        return f"budget exhausted in Tier 3 ({budget_seconds:g} s)" if msg is None else msg[1]
    by_limit = _order_from(msg)
    if check == "disagree":
        return (f"sympy's limit says {by_limit} for {show(f)} vs {show(g)}, but the numeric "
                "trend of log f − log g does not fit it")
    return by_limit
