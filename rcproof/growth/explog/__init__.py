"""Tier 3: a native decision procedure for Hardy's exp-log functions of n.

Gruntz's algorithm (D. Gruntz, "On computing limits in a symbolic manipulation system",
PhD thesis, ETH Zürich, 1996): most rapidly varying sets (`mrv`), rewriting them in one
ω → 0+ (`rewrite`), lazy series in ω with term coefficients (`series`, `expansion`),
the recursive leading-term/sign/limit driver (`gruntz`), exact constants with
interval-proved signs (`constants`), real parameters with signs decided uniformly over
their range (`params`), and the public questions (`compare`).
"""

from __future__ import annotations

from rcproof.growth.explog.compare import Comparison, coef_of, compare, limit, sign
from rcproof.growth.explog.constants import Undecided
from rcproof.growth.explog.gruntz import Limit
from rcproof.growth.explog.params import Range, from_comparisons, parameter_scope

__all__ = ["Comparison", "Limit", "Range", "Undecided", "coef_of", "compare",
           "from_comparisons", "limit", "parameter_scope", "sign"]
