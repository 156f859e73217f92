"""`rcproof graph`: the inclusion graph of classes, as Graphviz DOT.

Nodes are the class instances of proved inclusion and membership theorems, labelled with
`to_text`; `A ⊆ B` gives a dashed edge, `A ⊊ B` a bold edge labelled ⊊, and `F ∈ K` an
edge from the family `F` (a box) to `K`. Only closed statements are drawn: a `forall`
theorem speaks of arbitrary instances, which have no single node.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator, Sequence

from rcproof.prover.run import Result
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_text


def _conjuncts(p: A.Prop) -> Iterator[A.Prop]:
    """The conjuncts of `p`, walking through top-level `and`."""
    if isinstance(p, A.And):
        yield from _conjuncts(p.left)
        yield from _conjuncts(p.right)
    else:
        yield p


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def inclusion_graph(files: Sequence[tuple[str, Sequence[Result]]]) -> str:
    """DOT text for the proved inclusions and memberships in `files` (from `verify_paths`)."""
    classes: dict[str, None] = {}
    families: dict[str, None] = {}
    edges: dict[tuple[str, str], str] = {}
    for _path, results in files:
        for r in results:
            if r.verdict.status != "proved":
                continue
            for p in _conjuncts(r.fact.prop):
                if isinstance(p, A.Inclusion):
                    left, right = to_text(p.left), to_text(p.right)
                    classes.setdefault(left)
                    classes.setdefault(right)
                    style = 'style=bold, label="⊊"' if p.strict else "style=dashed"
                    # a strict inclusion proved anywhere outranks a plain one
                    if p.strict or (left, right) not in edges:
                        edges[(left, right)] = style
                elif isinstance(p, A.Membership) and not p.negated:
                    member, cls = to_text(p.member), to_text(p.cls)
                    families.setdefault(member)
                    classes.setdefault(cls)
                    edges.setdefault((member, cls), "")
    lines = ["digraph inclusions {", "  rankdir=BT;", "  node [shape=ellipse];"]
    lines += [f"  {_quote(c)} [label={_quote(c)}];" for c in classes if c not in families]
    lines += [f"  {_quote(f)} [label={_quote(f)}, shape=box];" for f in families]
    for (a, b), style in edges.items():
        attrs = f" [{style}]" if style else ""
        lines.append(f"  {_quote(a)} -> {_quote(b)}{attrs};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_svg(dot: str) -> str | None:
    """The graph rendered by Graphviz `dot`, or None when `dot` is not installed."""
    exe = shutil.which("dot")
    if exe is None:
        return None
    done = subprocess.run([exe, "-Tsvg"], input=dot, capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout
