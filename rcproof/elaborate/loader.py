"""Load `.rc` files with their imports (each once, cycles reported) into checked scopes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rcproof.elaborate.check import RESOURCE, Checker
from rcproof.elaborate.recurrence import derive_family
from rcproof.elaborate.symbols import (
    RESERVED,
    ClassSym,
    FactSym,
    FamilySym,
    FunSym,
    LetSym,
    ParamSym,
    Scope,
    Symbol,
)
from rcproof.errors import RcError, did_you_mean
from rcproof.resources import library_dir
from rcproof.syntax import ast as A
from rcproof.syntax import notation as _printer  # noqa: F401  (growth reasons quote with it)


def parse(source: str, path: str) -> A.Module:
    """`rcproof.syntax.parser.parse`, imported when a file is parsed: lark stays out of a
    run whose files all come from the cache (issue 13)."""
    from rcproof.syntax.parser import parse as parse_text

    return parse_text(source, path)


@dataclass
class SourceFile:
    """One loaded file: its syntax, its scope, and the facts it states itself."""

    path: str
    module: A.Module
    scope: Scope
    facts: list[FactSym] = field(default_factory=list)


@dataclass
class Program:
    """Every loaded file in dependency order; `requested` are the ones the user named."""

    files: dict[str, SourceFile] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)
    errors: list[RcError] = field(default_factory=list)  # files skipped (keep_going)

    def requested_files(self) -> list[SourceFile]:
        return [self.files[p] for p in self.requested]


STDIN = "<stdin>"


def _key(path: Path) -> str:
    return STDIN if path == Path("-") else str(path.resolve())


def read_source(path: Path) -> str:
    """The text of a file (`-`: standard input), without a UTF-8 byte-order mark."""
    import sys

    try:
        source = sys.stdin.read() if path == Path("-") else path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RcError(f"{_display(path)} is not UTF-8 text") from None
    except OSError as exc:
        raise RcError(f"cannot read {_display(path)}: {exc.strerror}") from None
    return source.removeprefix("\ufeff")


def _display(path: Path) -> str:
    """Paths as the user would write them: relative to the working folder, and bundled
    modules as `rcproof:theorems/NAME.rc` wherever the package is installed."""
    resolved = path.resolve()
    for base, prefix in ((Path.cwd().resolve(), ""),
                         (library_dir().resolve(), "rcproof:theorems/")):
        try:
            return prefix + str(resolved.relative_to(base))
        except ValueError:
            continue
    return str(path)


class Loader:
    """Reads files, follows imports depth-first, builds scopes, runs the checker."""

    def __init__(self, parse_file: Callable[[str, str], A.Module] = parse) -> None:
        self.program = Program()
        self._stack: list[str] = []
        self.parse_file = parse_file  # (source, path) -> module; verify may parse in parallel

    def load(self, path: Path) -> SourceFile:
        key = _key(path)
        if key in self.program.files:
            return self.program.files[key]
        source = read_source(path)
        display = STDIN if path == Path("-") else _display(path)
        if path == Path("-"):
            path = Path.cwd() / "-"  # its imports resolve relative to the working folder
        module = self.parse_file(source, display)
        self._stack.append(key)
        scope = Scope()
        for decl in module.decls:
            if isinstance(decl, A.Import):
                self._import(decl, path, scope, source)
        self._stack.pop()
        unit = SourceFile(display, module, scope)
        self._declare_all(unit, source)
        self.program.files[key] = unit
        return unit

    def _import(self, decl: A.Import, importer: Path, scope: Scope, source: str) -> None:
        if decl.is_path:
            target = (importer.parent / decl.target)
        else:
            target = library_dir() / f"{decl.target}.rc"
            if not target.is_file():
                known = [p.stem for p in library_dir().glob("*.rc")]
                raise RcError(f"no bundled module '{decl.target}'", decl.span,
                              did_you_mean(decl.target, known)
                              or f"bundled modules: {', '.join(sorted(known))}", source)
        if not target.is_file():
            raise RcError(f"cannot import '{decl.target}': no such file", decl.span,
                          "paths are relative to the importing file", source)
        key = str(target.resolve())
        if key in self._stack:
            cycle = [*self._stack[self._stack.index(key):], key]
            names = " -> ".join(Path(p).name for p in cycle)
            raise RcError(f"import cycle: {names}", decl.span,
                          "move the shared declarations into a module both import", source)
        unit = self.load(target)
        for name, sym in unit.scope.symbols.items():
            old = scope.get(name)
            if old is not None and old is not sym:
                raise RcError(f"'{name}' is declared both in {unit.path} and in another import",
                              decl.span, "rename one of the two declarations", source)
            scope.symbols[name] = sym

    def _declare(self, scope: Scope, name: str, sym: Symbol, span: A.Span | None,
                 source: str) -> None:
        if name in RESERVED:
            raise RcError(f"'{name}' is reserved and cannot be declared", span,
                          "choose another name", source)
        old = scope.get(name)
        if old is not None:
            raise RcError(f"'{name}' is already declared", span,
                          "each name may be declared once across a file and its imports",
                          source)
        scope.symbols[name] = sym

    def _declare_all(self, unit: SourceFile, source: str) -> None:
        scope = unit.scope
        checker = Checker(scope, source)
        for decl in unit.module.decls:
            if isinstance(decl, A.Import):
                continue
            if isinstance(decl, A.ParamDecl):
                for name in decl.names:
                    self._declare(scope, name, ParamSym(name, decl.constraints, decl),
                                  decl.span, source)
                checker.check_param(decl)
            elif isinstance(decl, A.LetDecl):
                checker.check_let(decl)
                self._declare(scope, decl.name, LetSym(decl.name, decl.expr, decl),
                              decl.span, source)
            elif isinstance(decl, A.FunDecl):
                for name in decl.names:
                    self._declare(scope, name, FunSym(name, decl), decl.span, source)
            elif isinstance(decl, A.FamilyDecl):
                families = {decl.name} | {name for name, sym in scope.symbols.items()
                                          if isinstance(sym, FamilySym)}
                derived, derivations = derive_family(decl, families, source)
                self._declare(scope, decl.name,
                              FamilySym(decl.name, derived, unit.path, derivations),
                              decl.span, source)
                checker.check_family(derived)
            elif isinstance(decl, A.ClassDecl):
                checker.check_class(decl)
                resources = tuple(name for name, kind in checker.class_locals(decl).items()
                                  if kind == RESOURCE)
                sym = ClassSym(decl.name, decl, unit.path, _line_comments(decl, source),
                               resources)
                self._declare(scope, decl.name, sym, decl.span, source)
            else:
                kind = {A.Axiom: "axiom", A.Cite: "cite"}.get(type(decl))
                if isinstance(decl, A.Theorem):
                    kind = "lemma" if decl.is_lemma else "theorem"
                assert kind is not None
                checker.check_fact(decl)
                fact = FactSym(decl.name, kind, decl.prop, decl, unit.path)
                self._declare(scope, decl.name, fact, decl.span, source)
                unit.facts.append(fact)
        for decl in unit.module.decls:
            if isinstance(decl, A.Theorem):
                checker.check_tactics(decl)
        checker.check_param_consistency([s for s in scope.symbols.values()
                                         if isinstance(s, ParamSym)])


def _line_comments(decl: A.ClassDecl, source: str) -> tuple[tuple[int, str], ...]:
    """Trailing `-- …` comments on the lines of a class body (the laws' names)."""
    if decl.span is None:
        return ()
    lines = source.splitlines()
    out = []
    for row in range(decl.span.line, min(decl.span.end_line, len(lines)) + 1):
        text = lines[row - 1]
        if "--" in text and text.split("--", 1)[0].strip():
            out.append((row, text.split("--", 1)[1].strip()))
    return tuple(out)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given (`-` is standard input); folders become the `*.rc` files in them and
    in their subfolders, sorted; a bare name that is not a file is a bundled module
    (`rcproof verify zoo`). A folder without `.rc` files is an input error."""
    out: list[Path] = []
    for path in paths:
        bundled = library_dir() / f"{path}.rc"
        if path == Path("-"):
            out.append(path)
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*.rc") if p.is_file())
            if not found:
                raise RcError(f"no .rc files in the folder {path} (nor in its subfolders)",
                              None, "give .rc files or a folder that holds some")
            out.extend(found)
        elif path.exists():
            out.append(path)
        elif path.parent == Path(".") and bundled.is_file():
            out.append(bundled)
        else:
            known = sorted(p.stem for p in library_dir().glob("*.rc"))
            raise RcError(f"no such file or folder: {path}", None,
                          did_you_mean(str(path), known)
                          or f"bundled modules: {', '.join(known)}")
    return out


def load_program(paths: list[Path], keep_going: bool = False,
                 parse_file: Callable[[str, str], A.Module] = parse) -> Program:
    """Load the given files/folders (the bundled library when empty).

    Files keep the order they were named in; the files of one folder come in dependency
    order (a module after the modules it imports), then by name. With `keep_going` a
    file with an input error is left out and its error kept in `Program.errors`, so the
    other files can still be checked; otherwise the first error is raised.
    `parse_file(source, path)` must return what `parse` returns (verify passes one that
    parses large files in pieces in parallel)."""
    loader = Loader(parse_file)
    requested = loader.program.requested
    for given in paths or [library_dir()]:
        keys = []
        for path in expand_paths([given]):
            try:
                loader.load(path)
            except RcError as err:
                if not keep_going:
                    raise
                loader.program.errors.append(err)
                loader._stack.clear()
                continue
            key = _key(path)
            if key not in requested and key not in keys:
                keys.append(key)
        order = list(loader.program.files)
        requested.extend(sorted(keys, key=order.index))
    return loader.program


def load_text(source: str, path: str = "<input>") -> SourceFile:
    """Load a file given as text (tests, fuzzing); imports resolve relative to cwd."""
    loader = Loader()
    module = parse(source, path)
    scope = Scope()
    for decl in module.decls:
        if isinstance(decl, A.Import):
            loader._import(decl, Path.cwd() / "_", scope, source)
    unit = SourceFile(path, module, scope)
    loader._declare_all(unit, source)
    return unit
