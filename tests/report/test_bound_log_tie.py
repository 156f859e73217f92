"""`bound --dim d` where the laws tie at a rational d up to a log factor (review 7,
F10): the split point comes from the exponents of n, the log factor decides which law
binds at the point itself, and every piece is proved by the kernel."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from rcproof.realization import load_for_bound, parse_dim, tight_bound
from rcproof.report.bounds import render_bound
from rcproof.syntax import ast as A

# size = n^p·log(n)^k, depth = log(n): volume n^(p/d) and flux n^(1/(d-1)) tie in their
# power of n at d0 = p/(p - 1) (on the search grid or not: 11/3, 13/4).
POWERS = [Fraction(3, 2), Fraction(4, 3), Fraction(5, 3), Fraction(7, 5), Fraction(11, 8),
          Fraction(13, 9)]
LOGS = ["log(n)", "1/log(n)", "log(n)^2", "sqrt(log(n))", "1/log(log(n))"]


@pytest.mark.parametrize("p", POWERS)
@pytest.mark.parametrize("log", LOGS)
def test_split_at_the_rational_tie_point(tmp_path: Path, p: Fraction, log: str) -> None:
    path = tmp_path / "q.rc"
    path.write_text(f"import physics\nfamily A {{ size = n^({p})*{log}; depth = log(n) }}\n",
                    encoding="utf-8")
    b = tight_bound(load_for_bound(path)[0], A.Name("A"), parse_dim("d"))
    text = render_bound(b)
    assert b.cases and b.settled, text
    d0 = p / (p - 1)
    grows = not log.startswith("1/")  # the log factor favours volume at d0
    laws = [(str(c.interval), c.laws) for c in b.cases]
    if grows:
        assert laws == [(f"2 <= d < {d0}", ("flux",)), (f"d >= {d0}", ("volume",))], text
    else:
        assert laws == [(f"2 <= d <= {d0}", ("flux",)), (f"d > {d0}", ("volume",))], text


def test_an_exact_tie_keeps_closed_intervals(tmp_path: Path) -> None:
    path = tmp_path / "s.rc"
    path.write_text("import physics\nfamily S { size = n*sqrt(n); depth = log(n) }\n",
                    encoding="utf-8")
    b = tight_bound(load_for_bound(path)[0], A.Name("S"), parse_dim("d"))
    assert [str(c.interval) for c in b.cases] == ["2 <= d <= 3", "d >= 3"]
    assert all(set(c.laws) >= {"flux" if i == 0 else "volume"}
               for i, c in enumerate(b.cases))
