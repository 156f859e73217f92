"""`rcproof graph`: the inclusion graph of classes, as Graphviz DOT.

Nodes are the class instances of proved inclusion and membership theorems, one node per
instance in canonical form (rcproof.report.canonical: `RC(n)` and `RC(n, 3)` are one
node, labelled with the defaults filled in); families are boxes. `A ⊆ B` gives a dashed
edge, `A ⊊ B` a bold edge labelled ⊊, and `F ∈ K` a plain edge from the family. The
instances of one class that differ only in their first argument (the budget of an RC
class) are ranked by the growth of that argument (invisible edges keep a smaller budget
below a larger one), and a legend explains the shapes. Only closed statements are
drawn: a `forall` theorem speaks of arbitrary instances, which have no single node.
"""

from __future__ import annotations

import functools
import itertools
import shutil
import subprocess
from collections.abc import Iterator, Mapping, Sequence

from rcproof.elaborate.symbols import Scope
from rcproof.prover.run import Result
from rcproof.report.canonical import canonical
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text

LEGEND = (
    ("family", "box"), ("class instance", "ellipse"),
)
EDGES = (("⊊ strict inclusion", "style=bold"), ("⊆ inclusion", "style=dashed"),
         ("∈ membership", ""))


def _conjuncts(p: A.Prop) -> Iterator[A.Prop]:
    """The conjuncts of `p`, walking through top-level `and`."""
    if isinstance(p, A.And):
        yield from _conjuncts(p.left)
        yield from _conjuncts(p.right)
    else:
        yield p


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _growth_order(a: A.Expr, b: A.Expr) -> int | None:
    """-1, 0, 1 as a grows slower, alike, faster than b (Tier 1); None if undecided."""
    from rcproof import growth

    try:
        kind = growth.compare(a, b).kind
    except (growth.GrowthError, ArithmeticError, RecursionError):
        return None
    return {"o": -1, "Theta": 0, "omega": 1}[kind]


def _ladders(classes: list[A.Expr]) -> list[list[A.Expr]]:
    """Instances of one class with the same other arguments, sorted by the growth of the
    first; only chains whose every pair the growth algebra orders."""
    groups: dict[tuple[str, tuple[tuple[str, A.Expr], ...]], list[A.Expr]] = {}
    for c in classes:
        if isinstance(c, A.Call) and len(c.args) == 1:
            groups.setdefault((c.func, c.kwargs), []).append(c)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        budgets = [m.args[0] for m in members]  # type: ignore[attr-defined]
        if any(_growth_order(x, y) is None for x in budgets for y in budgets):
            continue

        def order(x: A.Expr, y: A.Expr) -> int:
            return _growth_order(x.args[0], y.args[0]) or 0  # type: ignore[attr-defined]

        out.append(sorted(members, key=functools.cmp_to_key(order)))
    return out


def inclusion_graph(files: Sequence[tuple[str, Sequence[Result]]],
                    scopes: Mapping[str, Scope] | None = None) -> str:
    """DOT text for the proved inclusions and memberships in `files` (from
    `verify_paths`); `scopes` (path → scope) let instances be identified with their
    defaults filled in."""
    classes: dict[A.Expr, str] = {}
    families: dict[A.Expr, str] = {}
    edges: dict[tuple[A.Expr, A.Expr], str] = {}
    for path, results in files:
        scope = (scopes or {}).get(path)

        def node(e: A.Expr, table: dict[A.Expr, str], shortest: bool,
                 scope: Scope | None = scope) -> A.Expr:
            key = canonical(e, scope) if scope is not None else e
            label = to_text(e if shortest else key)
            if key not in table or (shortest and len(label) < len(table[key])):
                table[key] = label
            return key

        for r in results:
            if r.verdict.status != "proved":
                continue
            for p in _conjuncts(r.fact.prop):
                if isinstance(p, A.Inclusion):
                    left, right = node(p.left, classes, False), node(p.right, classes, False)
                    if left == right:
                        continue  # K ⊆ K, written two ways: one node, no loop
                    style = 'style=bold, label="⊊"' if p.strict else "style=dashed"
                    # a strict inclusion proved anywhere outranks a plain one
                    if p.strict or (left, right) not in edges:
                        edges[(left, right)] = style
                elif isinstance(p, A.Membership) and not p.negated:
                    member = node(p.member, families, True)
                    cls = node(p.cls, classes, False)
                    edges.setdefault((member, cls), "")
    ladders = _ladders(list(classes))
    ranked = [c for chain in ladders for c in chain]
    ordered = ranked + [c for c in classes if c not in ranked]
    names = {**classes, **families}
    lines = ["digraph inclusions {", "  rankdir=BT;", "  node [shape=ellipse];"]
    lines += [f"  {_quote(classes[c])} [label={_quote(classes[c])}];" for c in ordered]
    lines += [f"  {_quote(label)} [label={_quote(label)}, shape=box];"
              for label in families.values()]
    for (a, b), style in edges.items():
        attrs = f" [{style}]" if style else ""
        lines.append(f"  {_quote(names[a])} -> {_quote(names[b])}{attrs};")
    for chain in ladders:
        for low, high in itertools.pairwise(chain):
            if (low, high) not in edges:
                lines.append(f"  {_quote(classes[low])} -> {_quote(classes[high])} "
                             "[style=invis];  // ordered by growth")
    lines += _legend()
    lines.append("}")
    return "\n".join(lines) + "\n"


def _legend() -> list[str]:
    lines = ["  subgraph cluster_legend {", '    label="legend"; fontsize=10; color=gray;',
             '    node [fontsize=9]; edge [fontsize=9];']
    for text, shape in LEGEND:
        lines.append(f'    {_quote("legend: " + text)} [label={_quote(text)}, '
                     f"shape={shape}];")
    for i, (text, style) in enumerate(EDGES):
        a, b = _quote(f"legend_{i}_a"), _quote(f"legend_{i}_b")
        lines.append(f"    {a} [label=\"\", shape=point]; {b} [label=\"\", shape=point];")
        attrs = ", ".join(x for x in (style, f"label={_quote(text)}") if x)
        lines.append(f"    {a} -> {b} [{attrs}];")
    lines.append("  }")
    return lines


def to_svg(dot: str) -> str | None:
    """The graph rendered by Graphviz `dot`, or None when `dot` is not installed."""
    exe = shutil.which("dot")
    if exe is None:
        return None
    done = subprocess.run([exe, "-Tsvg"], input=dot, capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout
