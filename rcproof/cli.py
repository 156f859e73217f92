"""The `rcproof` command line: thin click commands over the pipeline."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from rcproof.startup import HEAVY, defer

defer(*HEAVY)  # before anything imports them: loaded on first use only

import click  # noqa: E402

from rcproof import runtime  # noqa: F401, E402  (interpreter limits)
from rcproof.budget import SCALE_RANGE  # noqa: E402
from rcproof.errors import RcError, did_you_mean  # noqa: E402
from rcproof.syntax import ast as A  # noqa: E402


class _Budget(click.FloatRange):
    """--budget: a number in SCALE_RANGE; NaN, which every comparison lets through a
    plain FloatRange, is refused like any other value out of range."""

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number in the range {self.min:g}<=x<="
                      f"{self.max:g}.", param, ctx)
        return number


_BUDGET = _Budget(*SCALE_RANGE)


class _Group(click.Group):
    """Every command's input errors are reported here, once: located message, exit 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except RcError as err:
            click.echo(err.format(), err=True)
            sys.exit(2)


def run() -> None:
    """Console entry point: the click group on a big-stack thread (see rcproof.deep).

    A bug in rcproof itself is reported in one line, never as a traceback."""
    from rcproof.deep import run_deep

    try:
        run_deep(main)
    except SystemExit as done:  # click ends every command this way
        _leave(done.code)
    except KeyboardInterrupt:  # Ctrl-C: stop now, print no verdict, exit 130 as shells do
        if "multiprocessing" in sys.modules:  # --jobs workers ignore Ctrl-C: end them
            for child in sys.modules["multiprocessing"].active_children():
                child.kill()
        sys.stdout.flush()
        click.echo("rcproof: interrupted", err=True)
        sys.stderr.flush()
        os._exit(130)
    except Exception as exc:  # the last line of defence
        click.echo(f"rcproof: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("  hint: please report this with the input that caused it", err=True)
        sys.exit(2)
    _leave(0)


def _leave(code: object) -> None:
    """Exit with `code` as `sys.exit` would (None is 0, text is printed and is 1), after
    flushing the output and running the exit handlers (the cache's last writes), but
    without the interpreter's teardown: freeing every loaded module and object one by
    one was about 25 ms of a 180 ms warm `verify` (issue 13), with nothing left to do."""
    import atexit

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # a reader that stopped early (`| head`)
        status = status or 120
    atexit._run_exitfuncs()
    with contextlib.suppress(BrokenPipeError, ValueError):
        sys.stderr.flush()
    os._exit(status)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rcproof")
def main() -> None:
    """rcproof: check asymptotic and physical-realizability claims about circuit families."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (files are checked in parallel).")
@click.option("--lemmas", is_flag=True, help="Also list proved lemmas.")
@click.option("--budget", type=_BUDGET, default=2.0, show_default=True,
              help="Work budget per theorem, in millions of counted operations (z3's "
                   "rlimit units included); running out makes the theorem unknown. "
                   "Tier 3's sympy limit still reads it as seconds per call.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the verdict cache.")
@click.option("--steps", is_flag=True, help="Print each theorem's derivation.")
def verify(paths: tuple[Path, ...], as_json: bool, jobs: int, lemmas: bool,
           budget: float, no_cache: bool, steps: bool) -> None:
    """Check every theorem in PATHS (files, folders with their subfolders, or - for
    standard input; default: the bundled library). A file with an input error is
    reported and skipped; the others are still checked, and the exit status is 2."""
    from rcproof.report.verdicts import exit_code, text_lines, to_json
    from rcproof.verify import verify_program

    try:
        program, files = verify_program(list(paths), jobs=jobs, budget=budget,
                                        use_cache=not no_cache,
                                        evidence=as_json or steps, keep_going=True)
    except RcError as err:
        if as_json:
            from rcproof.report.verdicts import error_json

            click.echo(error_json(err))
        raise
    if program.errors and not files and as_json:
        from rcproof.report.verdicts import error_json

        click.echo(error_json(program.errors[0]))
    if program.errors and not files:  # nothing could be checked: the errors alone
        for err in program.errors[:-1]:
            click.echo(err.format(), err=True)
        raise program.errors[-1]
    if as_json:
        import json

        doc = json.loads(to_json(files))
        if program.errors:
            from rcproof.report.verdicts import error_json

            doc["errors"] = [json.loads(error_json(e))["error"] for e in program.errors]
            doc["error"] = doc["errors"][0]  # the first, as for an error before checking
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        for line in text_lines(files, lemmas, steps):
            click.echo(line)
    for err in program.errors:
        click.echo(err.format(), err=True)
    if program.errors:
        if not as_json:
            count = len(program.errors)
            click.echo(f"{count} file{'s' if count > 1 else ''} with input errors not "
                       "checked (the errors are on standard error)")
        sys.exit(2)
    sys.exit(exit_code([r for _, rs in files for r in rs]))


@main.command()
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True))
def show(path: Path) -> None:
    """Pretty-print the declarations of PATH with their doc comments."""
    from rcproof.elaborate.loader import load_program
    from rcproof.report.declarations import render_module

    program = load_program([path])
    for unit in program.requested_files():
        click.echo(render_module(unit))


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("left")
@click.argument("right")
@click.option("--assume", "assumptions", multiple=True,
              help="A parameter assumption such as 'd >= 2' (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def compare(left: str, right: str, assumptions: tuple[str, ...], as_json: bool) -> None:
    """Print the strongest relation between two expressions of n (an expression may
    start with '-': `rcproof compare '-log(1 - 1/n)' '1/n'`). Exit status 0 when a
    relation is shown, 1 when it is undecided (as `verify` does for unknown), 2 for
    input errors."""
    from rcproof.relation import compare as decide

    result = decide(left, right, list(assumptions))
    click.echo(result.to_json() if as_json else str(result))
    if result.rel is None:
        raise SystemExit(1)


def _instances(texts: list[str], params: tuple[str, ...]) -> list[A.Expr]:
    """Family instances from the command line (`SMAT`, `CoT(T = n)`), each with the
    `--param NAME=EXPR` values its own arguments do not set."""
    from rcproof.realization import instance, parse_instance

    out = []
    for text in texts:
        given = parse_instance(text)
        out.append(instance(given, list(params)))
    return out


@main.command()
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True))
@click.argument("family")
@click.option("--dim", "dims", default=None,
              help="Dimension: a number >= 2 (3, 5/2), or one name (d) for the answer as "
                   "a function of every d >= 2 (default: the class's own default, 3 for "
                   "RC).")
@click.option("--param", "params", multiple=True, help="Family parameter NAME=EXPR.")
@click.option("--class", "cls", default=None,
              help="A class of the RC shape (default: RC when in scope).")
def bound(path: Path, family: str, dims: str | None, params: tuple[str, ...],
          cls: str | None) -> None:
    """Tight minimal realization time t*_d of FAMILY (a name or an instance such as
    'SMAT(p = log(n))'), and the law that binds."""
    from rcproof.realization import find_family, load_for_bound, parse_dim, tight_bound
    from rcproof.report.bounds import render_bound

    dim = parse_dim(dims) if dims is not None else None
    units = load_for_bound(path)
    (member,) = _instances([family], params)
    unit, sym = find_family(units, _family_name(member))
    result = tight_bound(unit, member, dim, cls=cls)
    click.echo(render_bound(result))
    for solved in sym.derivations:  # resources derived from recurrences
        click.echo(f"  derived: {solved.describe()}")
    sys.exit(0 if result.settled else 1)


def _family_name(e: A.Expr) -> str:
    return e.id if isinstance(e, A.Name) else e.func  # type: ignore[attr-defined]


def _split(text: str, option: str) -> list[str]:
    """Comma-separated items, commas inside parentheses kept: 'CoT(T = n), SMAT'.

    Raises RcError (exit 2) when an item is empty (`''`, `'2,,3'`, `'3,'`): an empty
    item is a typo, not a request for fewer columns or rows."""
    items, depth, current = [], 0, ""
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            items.append(current.strip())
            current = ""
        else:
            current += ch
    items.append(current.strip())
    if not all(items):
        raise RcError(f"{option}: '{text}' has an empty item", None,
                      "separate the items by single commas, e.g. " + _EXAMPLES[option])
    return items


_EXAMPLES = {"--dims": "--dims 2,3", "--families": "--families 'SMAT(p = log(n)), RNN'"}


@main.command()
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--dims", default="2,3", show_default=True, help="Comma-separated dimensions.")
@click.option("--families", default=None,
              help="Comma-separated families or instances, e.g. 'SMAT(p = log(n)), RNN' "
                   "(default: every family of the file).")
@click.option("--param", "params", multiple=True, help="Family parameter NAME=EXPR.")
@click.option("--class", "cls", default=None,
              help="A class of the RC shape (default: RC when in scope).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "latex", "csv"]),
              default="text", show_default=True)
def table(path: Path, dims: str, families: str | None, params: tuple[str, ...],
          cls: str | None, fmt: str) -> None:
    """Families × dimensions: t*_d and the binding law in each cell."""
    from rcproof.realization import find_family, load_for_bound, parse_dim, tight_bound
    from rcproof.report.bounds import render_table
    from rcproof.report.text import show

    dim_texts = _split(dims, "--dims")
    dim_exprs = [parse_dim(d) for d in dim_texts]
    units = load_for_bound(path)
    if families is not None:
        names = _split(families, "--families")
    else:
        names = [d.name for u in units for d in u.module.decls
                 if isinstance(d, A.FamilyDecl)]
    rows = []
    for member in _instances(names, params):
        unit, _ = find_family(units, _family_name(member))
        rows.append((show(member), [tight_bound(unit, member, d, cls=cls)
                                    for d in dim_exprs]))
    click.echo(render_table(rows, dim_texts, fmt))


@main.group()
def cache() -> None:
    """The verdict cache (see --no-cache)."""


@cache.command("clear")
def cache_clear() -> None:
    """Remove every cached verdict."""
    from rcproof import cache as store

    count = store.clear()
    click.echo(f"removed {count} cached verdict(s) from {store.cache_dir()}")


@cache.command("path")
def cache_path() -> None:
    """Print the cache folder."""
    from rcproof import cache as store

    click.echo(str(store.cache_dir()))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write the document here (default: standard output).")
@click.option("--fragment", is_flag=True, help="Only the body, to \\input into a paper.")
@click.option("--theorem", "theorems", multiple=True, help="Only these theorems (repeatable).")
def latex(paths: tuple[Path, ...], output: Path | None, fragment: bool,
          theorems: tuple[str, ...]) -> None:
    """A LaTeX document (or fragment) with statements, derivations and certificates."""
    from rcproof.report.latex import render_document
    from rcproof.verify import verify_program

    program, files = verify_program(list(paths))
    known = {r.name for _, results in files for r in results}
    for name in theorems:
        if name not in known:
            raise RcError(f"--theorem: no theorem named '{name}' in the given files", None,
                          did_you_mean(name, known)
                          or f"theorems here: {', '.join(sorted(known)) or 'none'}")
    text = render_document(files, program.requested_files(), fragment=fragment,
                           only=set(theorems) or None)
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["dot", "svg"]), default="dot",
              show_default=True)
def graph(paths: tuple[Path, ...], fmt: str) -> None:
    """The inclusion graph of the classes that proved theorems relate (Graphviz)."""
    from rcproof.report.graph import inclusion_graph, to_svg
    from rcproof.verify import verify_program

    program, files = verify_program(list(paths))
    dot = inclusion_graph(files, {u.path: u.scope for u in program.files.values()})
    if fmt == "svg":
        svg = to_svg(dot)
        if svg is None:
            click.echo("error: Graphviz `dot` is not installed; use --format dot", err=True)
            sys.exit(2)
        click.echo(svg)
    else:
        click.echo(dot)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True))
@click.argument("families", nargs=-1, required=True)
@click.option("--dim", default=None,
              help="A numeric dimension >= 2 (default: the class's own default).")
@click.option("--param", "params", multiple=True, help="Family parameter NAME=EXPR.")
@click.option("--class", "cls", default=None,
              help="A class of the RC shape (default: RC when in scope).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("plot.png"),
              show_default=True)
def plot(path: Path, families: tuple[str, ...], dim: str | None, params: tuple[str, ...],
         cls: str | None, output: Path) -> None:
    """t*_d(n) of FAMILIES (names or instances such as 'CoT(T = n)') on log-log axes
    (needs matplotlib)."""
    from rcproof.realization import find_family, floor, load_for_bound, parse_dim, tight_bound
    from rcproof.report.plot import plot as draw

    units = load_for_bound(path)
    value = parse_dim(dim) if dim is not None else None
    if value is None:
        from rcproof.realization import default_dim

        value = default_dim(units[0], cls)
    if not isinstance(value, A.Num):
        raise RcError(f"--dim: a plot needs a number, not '{dim}'", None,
                      "give a number >= 2 such as 3 or 5/2")
    bounds = []
    for member in _instances(list(families), params):
        unit, _ = find_family(units, _family_name(member))
        bounds.append(tight_bound(unit, member, value, cls=cls))
    draw(bounds, value.value, output, floor(units[0], value, cls))
    click.echo(f"wrote {output}")
