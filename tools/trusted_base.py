"""Print rcproof's trusted base: the import closure of `rcproof.kernel`, in lines.

The closure follows every `import` statement of our own modules (module-level and inside
functions alike), found by parsing the source, not by running it. For each module it
prints physical lines and code lines (without blank lines, comments and docstrings);
the totals are compared with the targets of ARCHITECTURE.md (kernel ≤ 600 code lines,
closure ≤ 2,000); the kernel's count is also printed together with the definitional
unfolding its `unfold` rule re-runs (elaborate/unfold.py, elaborate/tstar.py).
The closure is also summed by area (kernel, definitional unfolding, the kernel's Tier
1 check, Tier 1 growth algebra, core terms, package and budget).
Exit status 0 always; `--json` prints the numbers as one document.

Not followed, by design: the printer that `rcproof.syntax.display` calls once
`rcproof.syntax.notation` registers itself. It only words the text of refusals that the
kernel discards (a failed check answers None), so no bug in it can make a verdict.

Usage: python tools/trusted_base.py [--json]
"""

from __future__ import annotations

import ast
import io
import json
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rcproof"
START = "rcproof.kernel"
KERNEL_TARGET, CLOSURE_TARGET = 600, 2000
# Elaboration's definitional unfolding, which the kernel's `unfold` rule re-runs on the
# statement it proves: printed beside the kernel's own count, so that moving it out of
# rcproof/kernel/ (where elaboration belongs, ARCHITECTURE.md) hides nothing.
REPLAYED = ("rcproof.elaborate.unfold", "rcproof.elaborate.tstar")
# What each part of the closure is for (first matching prefix), so that the remaining
# distance to the target can be read by area.
AREAS = (("kernel", "rcproof.kernel"), ("definitional unfolding", "rcproof.elaborate"),
         ("kernel's Tier 1 check", "rcproof.tier1"),
         ("Tier 1 growth algebra", "rcproof.growth"), ("core terms", "rcproof.syntax"),
         ("package and budget", "rcproof"))


def area(module: str) -> str:
    """The area of AREAS that `module` belongs to."""
    return next(name for name, prefix in AREAS
                if module == prefix or module.startswith(prefix + ".") or prefix == "rcproof")


def module_file(name: str) -> Path | None:
    rel = Path(*name.split("."))
    for candidate in (ROOT / rel.with_suffix(".py"), ROOT / rel / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imports(name: str, path: Path) -> set[str]:
    """Our modules imported by `path` (absolute `rcproof.*` and relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    out = set()
    for item in found:
        while item.startswith("rcproof"):
            if module_file(item) is not None:
                out.add(item)
                break
            item = item.rpartition(".")[0]
    # importing a submodule runs its packages' __init__ first
    for item in list(out):
        parts = item.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts)))
    return out


def code_lines(path: Path) -> int:
    """Lines holding code: not blank, not only a comment, not part of a docstring."""
    text = path.read_text(encoding="utf-8")
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(
                getattr(body[0], "value", None), ast.Constant) and isinstance(
                body[0].value.value, str):
            docstrings.update(range(body[0].lineno, (body[0].end_lineno or 0) + 1))
    lines: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                        tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER):
            continue
        lines.update(range(tok.start[0], tok.end[0] + 1))
    return len(lines - docstrings)


def closure(start: str) -> dict[str, Path]:
    todo, seen = [start], {}
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = module_file(name)
        if path is None:
            continue
        seen[name] = path
        todo.extend(imports(name, path))
    if start in seen:  # the kernel package's own modules
        for path in sorted((PACKAGE / "kernel").glob("*.py")):
            name = f"rcproof.kernel.{path.stem}" if path.stem != "__init__" else START
            if name not in seen:
                seen[name] = path
                todo = [name]
                while todo:
                    item = todo.pop()
                    for dep in imports(item, module_file(item) or path):
                        if dep not in seen and module_file(dep):
                            seen[dep] = module_file(dep)  # type: ignore[assignment]
                            todo.append(dep)
    return seen


def measure() -> dict[str, object]:
    modules = closure(START)
    rows = []
    for name, path in sorted(modules.items()):
        text = path.read_text(encoding="utf-8")
        rows.append({"module": name, "lines": len(text.splitlines()),
                     "code": code_lines(path)})
    kernel = [r for r in rows if str(r["module"]).startswith(START)]
    kernel_code = sum(int(r["code"]) for r in kernel)  # type: ignore[call-overload]
    total_code = sum(int(r["code"]) for r in rows)  # type: ignore[call-overload]
    replayed = sum(int(r["code"]) for r in rows  # type: ignore[call-overload]
                   if r["module"] in REPLAYED)
    areas: dict[str, int] = {name: 0 for name, _ in AREAS}
    for r in rows:
        areas[area(str(r["module"]))] += int(r["code"])  # type: ignore[call-overload]
    return {"modules": rows, "kernel_code_lines": kernel_code, "areas": areas,
            "replayed_unfolding_code_lines": replayed,
            "closure_code_lines": total_code,
            "kernel_lines": sum(int(r["lines"]) for r in kernel),  # type: ignore[call-overload]
            "closure_lines": sum(int(r["lines"]) for r in rows),  # type: ignore[call-overload]
            "targets": {"kernel": KERNEL_TARGET, "closure": CLOSURE_TARGET}}


def main() -> None:
    data = measure()
    if "--json" in sys.argv[1:]:
        print(json.dumps(data, indent=2))
        return
    print(f"{'module':<34} {'lines':>6} {'code':>6}")
    for row in data["modules"]:  # type: ignore[union-attr]
        print(f"{row['module']:<34} {row['lines']:>6} {row['code']:>6}")
    print(f"kernel itself: {data['kernel_code_lines']} code lines "
          f"({data['kernel_lines']} with docs; target ≤ {KERNEL_TARGET})")
    print(f"  with the definitional unfolding it re-runs ({', '.join(REPLAYED)}): "
          f"{int(data['kernel_code_lines']) + int(data['replayed_unfolding_code_lines'])}"
          " code lines")  # type: ignore[call-overload]
    print(f"trusted base:  {data['closure_code_lines']} code lines "
          f"({data['closure_lines']} with docs; target ≤ {CLOSURE_TARGET})")
    print("  by area: " + ", ".join(f"{name} {lines}"
                                    for name, lines in data["areas"].items()))  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
