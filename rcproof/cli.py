"""The `rcproof` command line: thin click commands over the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rcproof.errors import RcError
from rcproof.syntax import ast as A


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
    except Exception as exc:  # the last line of defence
        click.echo(f"rcproof: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("  hint: please report this with the input that caused it", err=True)
        sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rcproof")
def main() -> None:
    """rcproof: check asymptotic and physical-realizability claims about circuit families."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (files are checked in parallel).")
@click.option("--lemmas", is_flag=True, help="Also list proved lemmas.")
@click.option("--budget", type=click.FloatRange(0.1, 600), default=2.0, show_default=True,
              help="Per-obligation budget: seconds for sympy (Tier 3); z3's rlimit scales "
                   "with it.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the verdict cache.")
@click.option("--steps", is_flag=True, help="Print each theorem's derivation.")
def verify(paths: tuple[Path, ...], as_json: bool, jobs: int, lemmas: bool,
           budget: float, no_cache: bool, steps: bool) -> None:
    """Check every theorem in PATHS (files or folders; default: the bundled library)."""
    from rcproof.report.verdicts import exit_code, text_lines, to_json
    from rcproof.verify import verify_paths

    try:
        files = verify_paths(list(paths), jobs=jobs, budget=budget, use_cache=not no_cache,
                             evidence=as_json or steps)
    except RcError as err:
        if as_json:
            from rcproof.report.verdicts import error_json

            click.echo(error_json(err))
        raise
    if as_json:
        click.echo(to_json(files))
    else:
        for line in text_lines(files, lemmas, steps):
            click.echo(line)
    sys.exit(exit_code([r for _, rs in files for r in rs]))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
def show(path: Path) -> None:
    """Pretty-print the declarations of PATH with their doc comments."""
    from rcproof.elaborate.loader import load_program
    from rcproof.report.declarations import render_module

    program = load_program([path])
    for unit in program.requested_files():
        click.echo(render_module(unit))


@main.command()
@click.argument("left")
@click.argument("right")
@click.option("--assume", "assumptions", multiple=True,
              help="A parameter assumption such as 'd >= 2' (repeatable).")
def compare(left: str, right: str, assumptions: tuple[str, ...]) -> None:
    """Print the strongest relation between two expressions of n."""
    from rcproof.compare import compare_text

    click.echo(compare_text(left, right, list(assumptions)))


def _dim(text: str) -> A.Expr:
    from rcproof.syntax.parser import parse_expr

    return parse_expr(text, "--dim")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("family")
@click.option("--dim", "dims", default="3", show_default=True,
              help="Dimension: a number, or a name (e.g. d) for the answer as a function "
                   "of d >= 2.")
@click.option("--param", "params", multiple=True, help="Family parameter NAME=EXPR.")
def bound(path: Path, family: str, dims: str, params: tuple[str, ...]) -> None:
    """Tight minimal realization time t*_d of FAMILY, and the law that binds."""
    from rcproof.bound import find_family, instance, load_for_bound, tight_bound
    from rcproof.report.bounds import render_bound

    units = load_for_bound(path)
    unit, _ = find_family(units, family)
    result = tight_bound(unit, instance(family, list(params)), _dim(dims))
    click.echo(render_bound(result))
    sys.exit(0 if result.time is not None or result.cases else 1)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dims", default="2,3", show_default=True, help="Comma-separated dimensions.")
@click.option("--families", default=None, help="Comma-separated family names (default: all).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "latex", "csv"]),
              default="text", show_default=True)
def table(path: Path, dims: str, families: str | None, fmt: str) -> None:
    """Families × dimensions: t*_d and the binding law in each cell."""
    from rcproof.bound import find_family, load_for_bound, tight_bound
    from rcproof.report.bounds import render_table

    units = load_for_bound(path)
    if families:
        names = [f.strip() for f in families.split(",") if f.strip()]
    else:
        names = [d.name for u in units for d in u.module.decls
                 if isinstance(d, A.FamilyDecl)]
    dim_exprs = [_dim(d.strip()) for d in dims.split(",") if d.strip()]
    rows = []
    for name in names:
        unit, _ = find_family(units, name)
        rows.append((name, [tight_bound(unit, A.Name(name), d) for d in dim_exprs]))
    click.echo(render_table(rows, [d for d in dims.split(",") if d.strip()], fmt))


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
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
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
    text = render_document(files, program.requested_files(), fragment=fragment,
                           only=set(theorems) or None)
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["dot", "svg"]), default="dot",
              show_default=True)
def graph(paths: tuple[Path, ...], fmt: str) -> None:
    """The inclusion graph of the classes that proved theorems relate (Graphviz)."""
    from rcproof.report.graph import inclusion_graph, to_svg
    from rcproof.verify import verify_paths

    files = verify_paths(list(paths))

    dot = inclusion_graph(files)
    if fmt == "svg":
        svg = to_svg(dot)
        if svg is None:
            click.echo("error: Graphviz `dot` is not installed; use --format dot", err=True)
            sys.exit(2)
        click.echo(svg)
    else:
        click.echo(dot)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("families", nargs=-1, required=True)
@click.option("--dim", default="3", show_default=True, help="A numeric dimension >= 2.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("plot.png"),
              show_default=True)
def plot(path: Path, families: tuple[str, ...], dim: str, output: Path) -> None:
    """t*_d(n) of FAMILIES on log-log axes against the entropy floor (needs matplotlib)."""
    from fractions import Fraction

    from rcproof.bound import find_family, load_for_bound, tight_bound
    from rcproof.report.plot import plot as draw

    try:
        value = Fraction(dim)
    except ValueError as err:
        raise RcError(f"--dim: {err}") from None
    if value <= 1:
        raise RcError("--dim must be a number greater than 1 for a plot")
    units = load_for_bound(path)
    bounds = []
    for name in families:
        unit, _ = find_family(units, name)
        bounds.append(tight_bound(unit, A.Name(name), A.Num(value)))
    draw(bounds, value, output)
    click.echo(f"wrote {output}")
