"""Rendering `rcproof bound` and `rcproof table` results."""

from __future__ import annotations

from rcproof.bound import TightBound
from rcproof.report.text import show
from rcproof.syntax import ast as A


def _time(b: TightBound) -> str:
    return f"Θ({show(b.time)})" if b.time is not None else "undetermined"


def render_bound(b: TightBound) -> str:
    d = show(b.dim)
    where = f"d = {d}" if isinstance(b.dim, A.Num) else f"{d} (every {d} >= 2)"
    lines = [f"{show(b.family)} in dimension {where}:"]
    lines.append(f"  t*_{d} = {_time(b)}" + (f"  ({b.note})" if b.note and b.time else ""))
    if b.time is None and b.cases:
        lines[-1] = lines[-1].replace("undetermined", "depends on d:")
        for case in b.cases:
            lines.append(f"    {_time(case)}  {case.note}  (binding law: "
                         f"{', '.join(case.laws)}; kernel: {case.checked}, tight: "
                         f"{case.tight})")
        return "\n".join(lines)
    if b.time is None:
        lines.append(f"  {b.note}")
        return "\n".join(lines)
    lines.append(f"  binding law: {', '.join(b.laws)}")
    rc = f"RC({show(b.time)}, d = {d})" if d != "3" else f"RC({show(b.time)})"
    lines.append(f"  smallest RC class: {rc}  (kernel: {b.checked})")
    lines.append(f"  tight: in no RC(f, d = {d}) with f = o({show(b.time)})  (kernel: {b.tight})")
    if b.size is not None and b.volume_fill is not None:
        full = "full" if show(b.volume_fill) == "1" else "not full"
        lines.append(f"  light cone: size = Θ({show(b.size)}), size / t*^{d} = "
                     f"Θ({show(b.volume_fill)}) (the light cone is {full})")
    return "\n".join(lines)


def _cell(b: TightBound) -> str:
    if b.cases:
        return "; ".join(f"{_cell(c)} {c.note.removeprefix('for every ')}" for c in b.cases
                         if c.note)
    return f"{_time(b)} [{', '.join(b.laws) or '?'}]"


def render_table(rows: list[tuple[str, list[TightBound]]], dims: list[str], fmt: str) -> str:
    header = ["family"] + [f"t*_{d}" for d in dims]
    body = [[name] + [_cell(b) for b in cells] for name, cells in rows]
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        for name, cells in rows:
            writer.writerow([name] + [show(b.time) if b.time is not None else "" for b in cells])
        return buf.getvalue().rstrip("\n")
    if fmt == "latex":
        from rcproof.syntax.notation import to_latex

        lines = [r"\begin{tabular}{l" + "l" * len(dims) + "}", r"\hline",
                 " & ".join(["family"] + [f"$t^*_{{{d}}}$" for d in dims]) + r" \\", r"\hline"]
        for name, cells in rows:
            items = [rf"\textsf{{{name}}}"]
            for b in cells:
                time = f"$\\Theta({to_latex(b.time)})$" if b.time is not None else "?"
                items.append(f"{time} ({', '.join(b.laws)})")
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
