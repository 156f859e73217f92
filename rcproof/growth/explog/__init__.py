"""Tier 3: a native decision procedure for Hardy's exp-log functions of n.

Gruntz's algorithm (D. Gruntz, "On computing limits in a symbolic manipulation system",
PhD thesis, ETH Zürich, 1996): most rapidly varying sets (`mrv`), rewriting them in one
ω → 0+ (`rewrite`), lazy series in ω with term coefficients (`series`, `expansion`),
the recursive leading-term/sign/limit driver (`gruntz`), exact constants with
interval-proved signs (`constants`), and the public questions (`compare`).
"""

from __future__ import annotations

from rcproof.growth.explog.compare import Comparison, coef_of, compare, limit, sign
from rcproof.growth.explog.constants import Undecided
from rcproof.growth.explog.gruntz import Limit

__all__ = ["Comparison", "Limit", "Undecided", "coef_of", "compare", "limit", "sign"]
