"""`rcproof latex`: verdicts and definitions as a LaTeX document.

The document needs only `amsmath` and `amssymb`, so it compiles on a minimal TeX
installation. Every formula goes through the one printer in `rcproof.syntax.notation`;
prose (doc comments, reasons, references) is escaped here.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rcproof.elaborate.loader import SourceFile
from rcproof.elaborate.recurrence import Derivation, exponent_expr
from rcproof.elaborate.symbols import ClassSym, FamilySym, Scope
from rcproof.kernel import Counterexample, Step
from rcproof.prover.run import Result
from rcproof.report.canonical import explicit_defaults
from rcproof.report.simplify import tidy_claim
from rcproof.syntax import ast as A
from rcproof.syntax.notation import indexed_classes, to_latex
from rcproof.syntax.reason import Reason, render

_SPECIAL = {
    # Math-mode forms: the text-mode ones need TS1 fonts a minimal TeX may lack.
    "\\": r"$\backslash$", "_": r"\_", "%": r"\%", "&": r"\&", "#": r"\#",
    "$": r"\$", "{": r"\{", "}": r"\}", "~": r"\~{}",
    "^": r"\^{}", "<": r"$<$", ">": r"$>$", "|": r"$|$",
}
# Unicode that doc comments use, as text-mode LaTeX (pdflatex has no glyphs for it).
_UNICODE = {
    "√": r"$\surd$", "∈": r"$\in$", "∉": r"$\notin$", "⊆": r"$\subseteq$",
    "⊊": r"$\subsetneq$", "⊂": r"$\subset$", "≤": r"$\le$", "≥": r"$\ge$", "≠": r"$\ne$",
    "→": r"$\to$", "⇒": r"$\Rightarrow$", "⇔": r"$\Leftrightarrow$", "↦": r"$\mapsto$",
    "∞": r"$\infty$", "·": r"$\cdot$", "×": r"$\times$", "…": r"\dots{}", "—": "---",
    "–": "--", "‘": "`", "’": "'", "“": "``", "”": "''", "≈": r"$\approx$",
    "Θ": r"$\Theta$", "Ω": r"$\Omega$", "ω": r"$\omega$", "ε": r"$\varepsilon$",
    "α": r"$\alpha$", "β": r"$\beta$", "γ": r"$\gamma$", "δ": r"$\delta$",
    "λ": r"$\lambda$", "π": r"$\pi$", "Σ": r"$\Sigma$", "ℝ": r"$\mathbb{R}$",
    "ℕ": r"$\mathbb{N}$", "∀": r"$\forall$", "∃": r"$\exists$", "¬": r"$\neg$",
    "∧": r"$\wedge$", "∨": r"$\vee$", "⌈": r"$\lceil$", "⌉": r"$\rceil$",
    "⌊": r"$\lfloor$", "⌋": r"$\rfloor$", "²": r"\textsuperscript{2}",
    "³": r"\textsuperscript{3}", "¹": r"\textsuperscript{1}", "⁰": r"\textsuperscript{0}",
    "ᵈ": r"\textsuperscript{d}", "ᵏ": r"\textsuperscript{k}", "\u00a0": "~",
}
_STATUS_WORD = {"proved": "proved", "refuted": "refuted", "unknown": "unknown",
                "axiom": "axiom", "cited": "cited", "vacuous": "vacuous (hypotheses contradict)",
                "error": "error"}
_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage{amsmath}
\usepackage{amssymb}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6ex}
\addtolength{\textwidth}{2cm}
\addtolength{\oddsidemargin}{-1cm}
\addtolength{\evensidemargin}{-1cm}
\sloppy
"""


def escape(text: str) -> str:
    """Prose as LaTeX text: special characters escaped, common Unicode mapped."""
    out: list[str] = []
    for ch in text:
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ch in _UNICODE:
            out.append(_UNICODE[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:  # unknown: keep the base letter of accented characters, drop the rest
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(escape(base) if base else "?")
    return "".join(out)


def _tt(name: str) -> str:
    """An identifier in typewriter type, breakable after underscores."""
    return r"\texttt{" + escape(name).replace(r"\_", r"\_\allowbreak{}") + "}"


def _prose(doc: str | None) -> str:
    """A doc comment as paragraphs (blank lines separate paragraphs)."""
    if not doc:
        return ""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", doc.strip())]
    return "\n\n".join(_scripts(p) for p in paragraphs if p) + "\n"


_SCRIPT = re.compile(
    r"\^(\w+|\((?:[^()]|\([^()]*\))*\))|(?<=[A-Z*])_([0-9]+/[0-9]+|[a-z0-9]|\{[^{}]*\})(?![\w/])")


def _scripts(text: str) -> str:
    """Escaped prose where `NC^k`, `n^(2/3)` and `RC_d` become super- and subscripts."""
    out, last = [], 0
    for m in _SCRIPT.finditer(text):
        out.append(escape(text[last:m.start()]))
        if m.group(1) is not None:
            inner = m.group(1)
            inner = inner[1:-1] if inner.startswith("(") else inner
            out.append(f"\\textsuperscript{{{escape(inner)}}}")
        else:
            out.append(f"\\textsubscript{{{escape(m.group(2).strip('{}'))}}}")
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


_TIER_NUMBER = {"growth": 1, "smt": 2, "limit": 3}


def _justification_lines(step: Step, width: int = 60) -> list[str]:
    """The justification `(rule, Tier k; laws)` as text, wrapped into short pieces."""
    head = escape(step.rule)
    if step.tier is not None and step.tier in _TIER_NUMBER:
        head += f", Tier {_TIER_NUMBER[step.tier]}"
    elif step.tier is not None and step.tier != step.rule:
        head += f", {escape(step.tier)}"
    pieces = [head] + [reason(note) for note in step.note if note]
    lines: list[str] = []
    current = "("
    for i, piece in enumerate(pieces):
        sep = "" if i == 0 else "; "
        if i and _visible(current + sep + piece) > width:
            lines.append(current + ";")
            current = piece
        else:
            current += sep + piece
    lines.append(current + ")")
    if step.detail:
        lines[-1] += " " + reason(step.detail)
    return lines


def _text_rows(lines: list[str], indent: str) -> list[str]:
    return [f"&{indent}\\text{{{line}}}" for line in lines]


_WIDTH = 60  # visible characters of a formula line before it is broken


def _visible(tex: str) -> int:
    """A rough count of the characters a formula shows."""
    return len(re.sub(r"\\[a-zA-Z]+|[{}\s^_&]", "", tex)) + tex.count("\\")


def _wrapped(p: A.Prop) -> bool:
    return isinstance(p, A.Forall | A.Implies | A.Or)


def formula_lines(p: A.Prop, width: int = _WIDTH) -> list[str]:
    """`p` as math lines, broken at binders, implications and conjunctions when long.

    Each piece is printed by `to_latex`; continuation lines are indented with `\\quad`.
    """
    whole = to_latex(p)
    if _visible(whole) <= width:
        return [whole]
    if isinstance(p, A.Forall):
        tail = ".\\; \\top"
        head = to_latex(A.Forall(p.names, p.kind, p.where, A.Truth(True)))
        body = ["\\quad " + line for line in formula_lines(p.body, width - 4)]
        if head.endswith(tail) and _visible(head) <= width:
            return [head[: -len(tail)].rstrip() + " .", *body]
        binder = to_latex(A.Forall(p.names, p.kind, (), A.Truth(True)))
        if binder.endswith(tail):
            lines = [binder[: -len(tail)].rstrip() + (" ," if p.where else " .")]
            for i, cond in enumerate(p.where):
                parts = formula_lines(cond, width - 4)
                if isinstance(cond, A.And | A.Or | A.Implies | A.Forall):
                    parts = _paren(parts)
                parts[-1] += " ," if i < len(p.where) - 1 else " ."
                lines.extend("\\quad " + x for x in parts)
            return lines + body
    if isinstance(p, A.Not):
        inner = formula_lines(p.operand, width - 4)
        return ["\\neg " + x for x in _paren(inner)[:1]] + _paren(inner)[1:]
    if isinstance(p, A.Implies):
        left, right = formula_lines(p.left, width), formula_lines(p.right, width)
        if _wrapped(p.left):
            left = _paren(left)
        return [*left, "\\Rightarrow " + right[0], *right[1:]]
    if isinstance(p, A.And | A.Or):
        word = "\\land " if isinstance(p, A.And) else "\\lor "
        left, right = formula_lines(p.left, width), formula_lines(p.right, width)
        if _wrapped(p.left) or (isinstance(p, A.And) and isinstance(p.left, A.Or)):
            left = _paren(left)
        if isinstance(p.right, A.Implies | A.Or) or (isinstance(p, A.Or) and
                                                       isinstance(p.right, A.Or)):
            right = _paren(right)
        return [*left, word + right[0], *right[1:]]
    return _break_terms(whole, width)


def _break_terms(text: str, width: int) -> list[str]:
    """A long atom broken before its `+`, `-` and `=` signs outside braces (plain
    parentheses may span lines of an `align*`, groups may not), about `width` visible
    characters a line; an atom with no such sign stays whole."""
    cuts, depth = [0], 0
    for i, ch in enumerate(text):
        depth += (ch == "{") - (ch == "}")
        if depth == 0 and text.startswith((" + ", " - ", " = "), i) and \
                text[i - 1:i] != "\\":
            cuts.append(i + 1)
    lines: list[str] = []
    start = 0
    for cut, following in zip(cuts[1:], [*cuts[2:], len(text)]):
        if _visible(text[start:following]) > width and cut > start:
            lines.append(text[start:cut].rstrip())
            start = cut
    lines.append(text[start:])
    return lines


def _paren(lines: list[str]) -> list[str]:
    if len(lines) == 1:
        return [f"({lines[0]})"]
    return [f"({lines[0]}", *lines[1:-1], f"{lines[-1]})"]


_EQUIVALENCE_RULES = {"unfold", "instance"}


def derivation(statement: A.Prop, steps: Sequence[Step]) -> str:
    """The derivation as an `align*` block: one claim or justification per line."""
    first, *rest = formula_lines(statement)
    rows = [f"& {first}"] + [f"&\\qquad {x}" for x in rest]
    seen: set[Step] = set()
    for step in steps:
        if step in seen:
            continue  # the kernel records an atom once per occurrence
        seen.add(step)
        if step.claim is None:
            rows.extend(_text_rows(_justification_lines(step), ""))
            continue
        first, *rest = formula_lines(tidy_claim(step.claim, step.detail is not None))
        if step.rule in _EQUIVALENCE_RULES:
            rows.append(f"&\\Longleftrightarrow {first}")
        else:  # an atom the rule decided: evidence for the line above, not an equivalent
            rows.append(f"&\\quad\\text{{where }} {first}")
        rows.extend(f"&\\qquad {x}" for x in rest)
        rows.extend(_text_rows(_justification_lines(step), "\\qquad "))
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _math_block(body: str | A.Prop) -> str:
    """Display math; a long proposition goes into a `multline*`-like `align*`."""
    if isinstance(body, str):
        return f"\\[\n{body}\n\\]\n"
    lines = formula_lines(body)
    if len(lines) == 1:
        return f"\\[\n{lines[0]}\n\\]\n"
    rows = [f"& {lines[0]}"] + [f"&\\qquad {x}" for x in lines[1:]]
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _instance(decl: A.FamilyDecl | A.ClassDecl) -> str:
    """`\\mathrm{SMAT}(p = 1, \\ldots)`: the declaration head with its parameters.

    Classes show their parameters as names (`\\mathrm{RC}_{d}(f)`), families with defaults.
    """
    if isinstance(decl, A.ClassDecl):
        names = tuple(A.Name(p.name) for p in decl.params)
        return to_latex(A.Call(decl.name, names)) if names else to_latex(A.Name(decl.name))
    args = tuple(A.Name(p.name) for p in decl.params if p.default is None)
    kwargs = tuple((p.name, p.default) for p in decl.params if p.default is not None)
    if not args and not kwargs:
        return to_latex(A.Name(decl.name))
    return to_latex(A.Call(decl.name, args, kwargs))


def _spec(head: str, items: list[str]) -> str:
    """`head` followed by its items: one display line when short, else one item a line."""
    if not items:
        return _math_block(head)
    joined = head + r"\quad " + r",\quad ".join(items)
    if _visible(joined) <= _WIDTH:
        return _math_block(joined)
    rows = [f"&{head}"] + [f"&\\qquad {item}" for item in items]
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


def _solved(derivations: tuple[Derivation, ...]) -> str:
    """Each solved recurrence as a display: r = Θ(closed form) by the named theorem."""
    out = []
    for d in derivations:
        how = f"\\text{{by {d.method}}}"
        if d.p is not None:
            how += f"\\text{{ with }} p = {to_latex(exponent_expr(d.p))}"
        out.append(_math_block(f"{to_latex(A.Relation(A.Name(d.resource), 'Theta', d.closed_form))}"
                               f"\\quad {how}"))
    return "\n".join(out)


def _family(decl: A.FamilyDecl, derivations: tuple[Derivation, ...] = ()) -> str:
    lines = [f"\\paragraph{{Family {_tt(decl.name)}.}}", _prose(decl.doc)]
    items = []
    for item in decl.items:
        if isinstance(item, A.FamilyLet):
            items.append(f"{to_latex(A.Name(item.name))} = {to_latex(item.expr)}")
        else:
            items.append(to_latex(A.Relation(A.Name(item.name), item.rel, item.expr)))
    lines.append(_spec(f"{_instance(decl)}:", items))
    lines.append(_solved(derivations))
    return "\n".join(x for x in lines if x)


def _class(decl: A.ClassDecl) -> str:
    lines = [f"\\paragraph{{Class {_tt(decl.name)}.}}", _prose(decl.doc)]
    items: list[str] = []
    if decl.exists_var is not None:
        inner = ",\\ ".join(to_latex(c) for c in decl.exists_constraints)
        items.append(f"\\exists\\, {to_latex(A.Name(decl.exists_var))}:\\ {inner}")
    items.extend(to_latex(c) for c in decl.constraints)
    items.extend(f"\\text{{default }} {to_latex(A.Name(d.name))} = {to_latex(d.expr)}"
                 for d in decl.defaults)
    lines.append(_spec(f"C \\in {_instance(decl)} \\iff", items))
    return "\n".join(x for x in lines if x)


def module_title(path: str) -> str:
    """A section title for a file: the module name of a bundled module (`zoo`), else the
    path relative to the working folder, else the file name (never an absolute path)."""
    from pathlib import Path

    from rcproof.resources import library_dir

    given = Path(path)
    if path.startswith("rcproof:theorems/") or (
            given.suffix == ".rc" and given.resolve().parent == library_dir().resolve()):
        return given.stem
    if not given.is_absolute():
        return path
    try:
        return str(given.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return given.name


def _definitions(units: Iterable[SourceFile]) -> str:
    parts: list[str] = []
    for unit in units:
        decls = [d for d in unit.module.decls if isinstance(d, A.FamilyDecl | A.ClassDecl)]
        if not decls:
            continue
        parts.append(f"\\subsection*{{{_tt(module_title(unit.path))}}}")
        for decl in decls:
            if isinstance(decl, A.FamilyDecl):
                sym = unit.scope.get(decl.name)
                solved = sym.derivations if isinstance(sym, FamilySym) else ()
                parts.append(_family(decl, solved))
            else:
                parts.append(_class(decl))
    return "\n".join(parts)


def _counterexample(pairs: Counterexample) -> str:
    """A counter-example's assignments typeset from the data (values without an
    expression stay prose)."""
    return ", ".join(f"${to_latex(name)} = {to_latex(value)}$" if not isinstance(value, str)
                     else f"${to_latex(name)}$ has {_scripts(value)}" for name, value in pairs)


def reason(r: Reason) -> str:
    """A typed reason as LaTeX: prose escaped (`NC^k` as a superscript), each formula
    and assignment typeset in math mode by `to_latex` (the printer of the statements),
    each declared name in typewriter type. Nothing is parsed."""
    return render(r, _scripts, lambda node: f"${to_latex(node)}$", lambda ref: _tt(ref.name))


def render_result(r: Result) -> str:
    """One theorem as a paragraph: name, status, prose, statement, evidence."""
    v = r.verdict
    kind = r.fact.kind.capitalize()
    out = [f"\\paragraph{{{kind} {_tt(r.name)}}} \\emph{{{_STATUS_WORD.get(v.status, v.status)}}}."
           f" \\hfill {{\\small line {r.line}}}\n"]
    doc = getattr(r.fact.decl, "doc", None)
    if doc:
        out.append(_prose(doc))
    out.append(_math_block(r.fact.prop))
    if v.status == "proved" and v.steps:
        out.append("Derivation:\n" + derivation(r.fact.prop, v.steps))
    if v.status == "refuted" and v.counterexample:
        out.append(f"Counter-example: {_counterexample(v.counterexample)}.\n")
    if v.axioms:
        out.append("Assumes: " + ", ".join(_tt(a) for a in v.axioms) + ".\n")
    if v.oracles:
        out.append("Oracles: " + ", ".join(_tt(o) for o in v.oracles) + ".\n")
    reference = getattr(r.fact.decl, "reference", None)
    if v.reason and v.status not in ("proved", "cited") and not v.reason.shows(
            v.counterexample):
        out.append(f"Reason: {reason(v.reason)}\n")
    if r.fact.kind == "cite" and reference:
        out.append(f"Reference: {escape(reference)}\n")
    return "\n".join(out)


def _with_classes_explicit(r: Result, scopes: dict[str, Scope]) -> Result:
    scope = scopes.get(r.path)
    if scope is None:
        return r
    prop = explicit_defaults(r.fact.prop, scope)
    return dataclasses.replace(r, fact=dataclasses.replace(r.fact, prop=prop))


def _shown(r: Result, only: set[str] | None) -> bool:
    if only is not None:
        return r.name in only
    return not (r.fact.kind == "lemma" and r.verdict.status == "proved")


def render_document(files: Sequence[tuple[str, Sequence[Result]]],
                    units: Iterable[SourceFile] = (), fragment: bool = False,
                    only: set[str] | None = None) -> str:
    """The verdicts of `files` (from `verify_paths`) and the definitions of `units`.

    `fragment=True` gives the body alone (no preamble, no `\\begin{document}`); `only`
    restricts the results to those names (and then shows proved lemmas too). A fragment
    with `only` holds those results and nothing else (no assumptions, definitions or
    section titles): what was asked, to paste into a paper. Instances of classes of the
    RC shape print their dimension as a subscript, K_d(f).
    """
    units = list(units)
    with indexed_classes(dimension_params(units)):
        return _document(files, units, fragment, only)


def dimension_params(units: Sequence[SourceFile]) -> dict[str, str]:
    """Class name -> dimension parameter, for the classes of the RC shape in scope."""
    from rcproof.elaborate.shape import shape_of

    out: dict[str, str] = {}
    for unit in units:
        for sym in unit.scope.symbols.values():
            shape = shape_of(sym) if isinstance(sym, ClassSym) else None
            if shape is not None and shape.dim is not None:
                out[shape.name] = shape.dim
    return out


def _document(files: Sequence[tuple[str, Sequence[Result]]], units: list[SourceFile],
              fragment: bool, only: set[str] | None) -> str:
    if fragment and only is not None:
        wanted = [r for _, results in files for r in results if _shown(r, only)]
        scopes = {u.path: u.scope for u in units}
        return "\n".join(render_result(_with_classes_explicit(r, scopes))
                         for r in wanted) + "\n"
    body = [
        "\\section*{Assumptions}",
        "All functions are taken to be eventually positive and pairwise comparable as "
        "$n \\to \\infty$ (they lie in one Hardy field); $O$, $\\Omega$, $\\Theta$, $o$, "
        "$\\omega$ are the usual asymptotic relations in $n$.\n",
    ]
    scopes = {u.path: u.scope for u in units}
    defs = _definitions(units)
    if defs:
        body += ["\\section*{Definitions}", defs]
    body.append("\\section*{Results}")
    for path, results in files:
        shown = [r for r in results if _shown(r, only)]
        if not shown:
            continue
        if not (fragment and only is not None):
            body.append(f"\\subsection*{{{_tt(module_title(path))}}}")
        body.extend(render_result(_with_classes_explicit(r, scopes)) for r in shown)
    text = "\n".join(body) + "\n"
    if fragment:
        return text
    return (_PREAMBLE + "\\title{Verified results}\n\\date{}\n\\begin{document}\n"
            "\\maketitle\n" + text + "\\end{document}\n")
