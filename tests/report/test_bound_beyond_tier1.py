"""`bound` where Tier 1 cannot expand a lower bound (review 7, F8): the largest lower
bound is taken by the kernel with the exp-log engine `verify` uses, so `bound`,
`table` and `verify` agree; a constant factor is dropped inside Θ (also a constant to a
power 1/d); a symbolic dimension prints as `RC(t, d)`, not `d = d`; the exit status is
0 only when the kernel proved what is printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rcproof.cli import main
from rcproof.realization import load_for_bound, parse_dim, tight_bound
from rcproof.report.bounds import render_bound, render_table
from rcproof.syntax import ast as A
from rcproof.syntax.notation import to_ascii
from rcproof.verify import verify_paths

# size, depth: every size is outside Tier 1 (exponential, or a constant beyond the
# interval range), the volume law binds at d = 2 and d = 3.
FAMILIES = [
    ("2^n", "n"),
    ("3^n", "n^2"),
    ("exp(sqrt(n))", "log(n)"),
    ("exp(exp(10^21))*n^2", "10^(10^4)"),
    ("exp(exp(10^21))*n^3", "log(n)"),
    ("2^n*n", "1"),
]


def _file(tmp_path: Path, size: str, depth: str) -> Path:
    path = tmp_path / "o.rc"
    path.write_text(f"import physics\nfamily S {{ size = {size}; depth = {depth} }}\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("size", "depth"), FAMILIES)
@pytest.mark.parametrize("dim", ["2", "3"])
def test_bound_decides_what_verify_proves(tmp_path: Path, size: str, depth: str,
                                          dim: str) -> None:
    path = _file(tmp_path, size, depth)
    unit = load_for_bound(path)[0]
    b = tight_bound(unit, A.Name("S"), parse_dim(dim))
    assert b.time is not None and b.checked == "proved" and b.tight == "proved", b
    text = render_bound(b)
    assert "exp(exp" not in text.split("\n")[1], text  # no constant inside Θ
    check = tmp_path / "v.rc"
    check.write_text(f"import \"o.rc\"\ntheorem t: tstar(S, {dim}) = "
                     f"Theta({to_ascii(b.time)})\n", encoding="utf-8")
    (_, results), = [f for f in verify_paths([check]) if f[0].endswith("v.rc")]
    assert [r.verdict.status for r in results] == ["proved"], results
    code = CliRunner().invoke(main, ["bound", str(path), "S", "--dim", dim]).exit_code
    assert code == 0


@pytest.mark.parametrize(("size", "depth"), FAMILIES)
def test_table_columns_agree_and_drop_constants(tmp_path: Path, size: str,
                                                depth: str) -> None:
    path = _file(tmp_path, size, depth)
    unit = load_for_bound(path)[0]
    dims = ["2", "3", "d"]
    cells = [tight_bound(unit, A.Name("S"), parse_dim(d)) for d in dims]
    out = render_table([("S", cells)], dims, "text")
    assert all(c.time is not None for c in cells[:2]), out  # numeric d: decided
    assert "exp(exp" not in out, out
    symbolic = render_bound(cells[2])
    assert "d = d" not in symbolic, symbolic


@pytest.mark.parametrize(("checked", "tight", "code"), [
    ("proved", "proved", 0), ("unknown", "proved", 1), ("proved", "unknown", 1),
    ("refuted", "proved", 1)])
def test_exit_status_follows_the_kernel(checked: str, tight: str, code: int) -> None:
    from rcproof.realization import TightBound

    n = A.Name("n")
    one = TightBound(A.Name("S"), A.Num(3), n, ("volume",), checked=checked, tight=tight)
    assert one.settled == (code == 0)
    split = TightBound(A.Name("S"), A.Name("d"), None, (), cases=(
        TightBound(A.Name("S"), A.Name("d"), n, ("flux",), checked="proved",
                   tight="proved"), one))
    assert split.settled == (code == 0)
