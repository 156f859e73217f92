"""`rcproof show`: the declarations of a file with their doc comments, printed in `.rc`
syntax (the `to_ascii` style), so that the output is itself valid input: parsing it gives
the same declarations (a round-trip test covers the bundled library)."""

from __future__ import annotations

from rcproof.elaborate.loader import SourceFile
from rcproof.elaborate.symbols import FamilySym
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_ascii as show


def _params(params: tuple[A.Param, ...]) -> str:
    if not params:
        return ""
    inner = ", ".join(p.name if p.default is None else f"{p.name} = {show(p.default)}"
                      for p in params)
    return f"({inner})"


def render_decl(decl: A.Decl) -> list[str]:
    """A declaration as indented text lines."""
    if isinstance(decl, A.Import):
        return [f'import "{decl.target}"' if decl.is_path else f"import {decl.target}"]
    if isinstance(decl, A.ParamDecl):
        where = ", ".join(show(c) for c in decl.constraints)
        return [f"param {', '.join(decl.names)} : real" + (f" where {where}" if where else "")]
    if isinstance(decl, A.LetDecl):
        return [f"let {decl.name} = {show(decl.expr)}"]
    if isinstance(decl, A.FunDecl):
        return [f"fun {', '.join(decl.names)}"]
    if isinstance(decl, A.FamilyDecl):
        lines = [f"family {decl.name}{_params(decl.params)} {{"]
        for item in decl.items:
            if isinstance(item, A.FamilyLet):
                lines.append(f"  let {item.name} = {show(item.expr)}")
            elif item.rel == "Theta":
                lines.append(f"  {item.name} = {show(item.expr)}")
            else:
                bounded = show(A.Relation(A.Name(item.name), item.rel, item.expr))
                lines.append(f"  {bounded}")
        return [*lines, "}"]
    if isinstance(decl, A.ClassDecl):
        lines = [f"class {decl.name}{_params(decl.params)} {{"]
        if decl.exists_var is not None:
            lines.append(f"  exists {decl.exists_var} {{")
            lines.extend(f"    {show(c)}" for c in decl.exists_constraints)
            lines.append("  }")
        lines.extend(f"  {show(c)}" for c in decl.constraints)
        lines.extend(f"  default {d.name} = {show(d.expr)}" for d in decl.defaults)
        return [*lines, "}"]
    if isinstance(decl, A.Cite):
        return [f"cite {decl.name}: {show(decl.prop)}", f'  "{decl.reference}"']
    if isinstance(decl, A.Axiom):
        return [f"axiom {decl.name}: {show(decl.prop)}"]
    assert isinstance(decl, A.Theorem)
    word = "lemma" if decl.is_lemma else "theorem"
    lines = [f"{word} {decl.name}: {show(decl.prop)}"]
    if decl.proof is not None:
        lines.append("proof")
        for step in decl.proof.steps:
            label = f"{step.label}: " if step.label else ""
            using = f" using {', '.join(step.using)}" if step.using else ""
            lines.append(f"  {step.kind} {label}{show(step.prop)} by {step.tactic}{using}")
        lines.append("qed")
    return lines


def _derived(unit: SourceFile, decl: A.Decl, lines: list[str]) -> list[str]:
    """A family's recurrences each followed by the closed form they were solved to."""
    sym = unit.scope.get(decl.name) if isinstance(decl, A.FamilyDecl) else None
    if not isinstance(sym, FamilySym) or not sym.derivations:
        return lines
    out = []
    by_name = {d.resource: d for d in sym.derivations}
    for line in lines:
        out.append(line)
        name = line.strip().split(" ", 1)[0]
        if line.startswith("  ") and name in by_name:
            out.append(f"    -- {by_name.pop(name).describe()}")
    return out


def render_module(unit: SourceFile) -> str:
    out = [f"-- {unit.path}"]
    for decl in unit.module.decls:
        out.append("")
        if decl.doc:
            out.extend(f"-- {line}".rstrip() for line in decl.doc.splitlines())
        out.extend(_derived(unit, decl, render_decl(decl)))
    return "\n".join(out)
