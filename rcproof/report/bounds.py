"""Rendering `rcproof bound` and `rcproof table` results."""

from __future__ import annotations

from rcproof.realization import TightBound
from rcproof.report.simplify import tidy
from rcproof.report.text import show as _show
from rcproof.syntax import ast as A


def show(e: A.Expr, dim: A.Expr | None = None) -> str:
    """A Θ argument in the display normal form (rcproof.report.simplify); a symbolic
    dimension `dim` is a real constant there (a constant to the power 1/d is dropped)."""
    constants = frozenset({dim.id}) if isinstance(dim, A.Name) else frozenset()
    return _show(tidy(e, theta=True, constants=constants))


def _time(b: TightBound) -> str:
    if b.time is not None:
        return f"Θ({show(b.time, b.dim)})"
    if b.low is not None or b.high is not None:
        low = f"Ω({show(b.low, b.dim)})" if b.low is not None else "Ω(?)"
        high = f"O({show(b.high, b.dim)})" if b.high is not None else "O(?)"
        return f"{low} … {high}"
    return "none (no realization)" if b.excluded else "undetermined"


def tstar_text(d: str) -> str:
    """`t*_3`, `t*_d`; a dimension that is not one symbol in braces: `t*_{5/2}`."""
    return f"t*_{d}" if d.isalnum() else f"t*_{{{d}}}"


def _instance(b: TightBound, time: str, d: str) -> str:
    """`RC(t, d = 3)` at a numeric dimension; `RC(t, d)` at a symbolic one (not
    `d = d`)."""
    return f"{b.cls}({time}, {d})" if isinstance(b.dim, A.Name) else f"{b.cls}({time}, d = {d})"


def render_bound(b: TightBound) -> str:
    d = _show(b.dim)
    where = f"d = {d}" if isinstance(b.dim, A.Num) else f"{d} (every {d} >= 2)"
    lines = [f"{_show(b.family)} in dimension {where}:"]
    lines.append(f"  {tstar_text(d)} = {_time(b)}" + (f"  ({b.note})" if b.note and b.time else ""))
    if b.time is None and b.cases:
        lines[-1] = lines[-1].replace("undetermined", f"depends on {b.split or d}:")
        for case in b.cases:
            lines.append(f"    {_time(case)}  {case.note}  (binding law: "
                         f"{', '.join(case.laws)}; kernel: {case.checked}, tight: "
                         f"{case.tight})")
        return "\n".join(lines)
    if b.time is None:
        lines.append(f"  {b.note}")
        if b.high is not None:
            lines.append(f"  in {_instance(b, show(b.high, b.dim), d)}  (kernel: proved; binding "
                         f"law at the upper bounds: {', '.join(b.laws)})")
        if b.low is not None:
            lines.append(f"  in no {_instance(b, 'f', d)} with f = o({show(b.low, b.dim)})  "
                         "(kernel: proved)")
        return "\n".join(lines)
    lines.append(f"  binding law: {', '.join(b.laws)}")
    lines.append(f"  smallest {b.cls} class: {_instance(b, show(b.time, b.dim), d)}  "
                 f"(kernel: {b.checked})")
    lines.append(f"  tight: in no {_instance(b, 'f', d)} with f = o({show(b.time, b.dim)})  "
                 f"(kernel: {b.tight})")
    if b.volume is not None and b.boundary is not None:
        lines.append(f"  realization: volume Θ({show(b.volume, b.dim)}), boundary area "
                     f"Θ({show(b.boundary, b.dim)})")
    if b.size is not None and b.volume_fill is not None:
        power = d if d.isalnum() else f"({d})"
        full = "full" if show(b.volume_fill, b.dim) == "1" else "not full"
        lines.append(f"  light cone: size = Θ({show(b.size, b.dim)}), size / t*^{power} = "
                     f"Θ({show(b.volume_fill, b.dim)}) (the light cone is {full})")
    return "\n".join(lines)


def _cell(b: TightBound) -> str:
    if b.cases:
        return "; ".join(f"{_cell(c)} {c.interval}" for c in b.cases if c.interval)
    if b.excluded:
        return _time(b)
    return f"{_time(b)} [{', '.join(b.laws) or '?'}]"


def _csv_cell(b: TightBound) -> str:
    """A CSV cell: the Θ argument alone when t* is one expression (a column of data);
    otherwise the same words as the text table (a case split, an interval, "none (no
    realization)", "undetermined"), never a blank that reads as missing data."""
    if b.time is not None and not b.cases:
        return show(b.time, b.dim)
    return _cell(b).removesuffix(" [?]")


def _latex_time(b: TightBound) -> str:
    """`_time` typeset: each bound in math mode by the statement printer, words as
    escaped text."""
    from rcproof.report.latex import escape
    from rcproof.syntax.notation import to_latex

    constants = frozenset({b.dim.id}) if isinstance(b.dim, A.Name) else frozenset()

    def math(e: A.Expr) -> str:
        return to_latex(tidy(e, theta=True, constants=constants))

    if b.time is not None:
        return f"$\\Theta({math(b.time)})$"
    if b.low is not None or b.high is not None:
        low = f"$\\Omega({math(b.low)})$" if b.low is not None else "$\\Omega(?)$"
        high = f"$O({math(b.high)})$" if b.high is not None else "$O(?)$"
        return f"{low} \\dots{{}} {high}"
    return escape(_time(b))


def _latex_cell(b: TightBound) -> str:
    """A LaTeX table cell with the same content as the text table's `_cell`: a case
    split with its intervals, an interval Ω(low) … O(high) of a family known by bounds,
    "none (no realization)", and the binding laws (escaped prose)."""
    from rcproof.report.latex import escape, reason

    if b.cases:
        return "; ".join(f"{_latex_cell(c)} {reason(c.interval)}"
                         for c in b.cases if c.interval)
    if b.excluded or not b.laws:
        return _latex_time(b)
    return f"{_latex_time(b)} ({escape(', '.join(b.laws))})"


def render_table(rows: list[tuple[str, list[TightBound]]], dims: list[str], fmt: str) -> str:
    header = ["family"] + [tstar_text(d) for d in dims]
    body = [[name] + [_cell(b) for b in cells] for name, cells in rows]
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        for name, cells in rows:
            writer.writerow([name] + [_csv_cell(b) for b in cells])
        return buf.getvalue().rstrip("\n")
    if fmt == "latex":
        from rcproof.report.latex import escape

        lines = [r"\begin{tabular}{l" + "l" * len(dims) + "}", r"\hline",
                 " & ".join(["family"] + [f"$t^*_{{{escape(d)}}}$" for d in dims]) + r" \\",
                 r"\hline"]
        for name, cells in rows:
            items = [rf"\textsf{{{escape(name)}}}"] + [_latex_cell(b) for b in cells]
            lines.append(" & ".join(items) + r" \\")
        return "\n".join([*lines, r"\hline", r"\end{tabular}"])
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    if fmt == "markdown":
        out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in body]
        return "\n".join(out)
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in body]
    return "\n".join(out)
