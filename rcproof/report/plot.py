"""`rcproof plot`: t*_d(n) of families on log–log axes against the class's floor.

Needs matplotlib (the `rcproof[plot]` extra). Each curve is the Θ-class of t*_d with
coefficient 1, evaluated by the interval evaluator of the growth engine.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from rcproof.errors import RcError
from rcproof.realization import TightBound
from rcproof.report.text import show
from rcproof.syntax import ast as A


def _values(e: A.Expr, points: list[float]) -> list[float]:
    from mpmath import iv

    from rcproof.growth.numeric import NumericFailure, evaluate

    out = []
    for x in points:
        try:
            value = evaluate(e, iv.mpf(x), iv)
            out.append(float(value.mid))
        except (NumericFailure, ValueError, ZeroDivisionError):
            out.append(float("nan"))
    return out


def plot(bounds: list[TightBound], dim: Fraction, output: Path,
         floor: tuple[A.Expr, tuple[str, ...]] | None = None) -> None:
    """Write a PNG (or any format matplotlib infers from the suffix) of the bounds, and
    the class's floor (the lower bound its laws give every family, with those laws;
    rcproof.realization.floor) as a dashed line."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise RcError("plotting needs matplotlib", None,
                      "install the extra: pip install 'rcproof[plot]'") from None
    points = [10 ** (k / 10) for k in range(10, 121)]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for b in bounds:
        if b.time is None:
            continue
        label = f"{show(b.family)}: Θ({show(b.time)}) [{', '.join(b.laws)}]"
        ax.plot(points, _values(b.time, points), label=label)
    if floor is not None:
        ax.plot(points, _values(floor[0], points), "k--",
                label=f"floor {show(floor[0])} [{', '.join(floor[1])}]")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("n (input bits)")
    ax.set_ylabel(f"minimal realization time t*_{show(A.Num(dim))}(n)")
    ax.set_title(f"Realization time in d = {show(A.Num(dim))} dimensions")
    ax.legend(fontsize=8)
    ax.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    fig.savefig(output)
    plt.close(fig)
