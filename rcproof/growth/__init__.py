"""The growth algebra: Tier 1 (exact expansions over n^a·(log n)^b·(log log n)^e),
certificates (c, N0) with an independent checker, and the budgeted Tier 3 fallback.

Soundness contract: every answer is proved by exact rational arithmetic on exponents and
rigorous intervals on constants; anything undecided raises a `GrowthError` with a reason
(or, in Tier 3, returns the reason as a string). sympy and mpmath are imported lazily.
"""

from __future__ import annotations

from rcproof.growth.certificate import Certificate, certificate, check_certificate, describe
from rcproof.growth.coef import Coef
from rcproof.growth.compare import RELATIONS, Order, compare, holds
from rcproof.growth.errors import GrowthError, NotInFragment, NotPositive, SignUnknown
from rcproof.growth.expand import expand
from rcproof.growth.expansion import Expansion
from rcproof.growth.exps import Exps
from rcproof.growth.leading import Growth, leading
from rcproof.growth.logcompare import compare_by_log_rewrite
from rcproof.growth.sympy_bridge import to_sympy
from rcproof.growth.tier3 import compare_by_limit

__all__ = [
    "RELATIONS",
    "Certificate",
    "Coef",
    "Expansion",
    "Exps",
    "Growth",
    "GrowthError",
    "NotInFragment",
    "NotPositive",
    "Order",
    "SignUnknown",
    "certificate",
    "check_certificate",
    "compare",
    "compare_by_limit",
    "compare_by_log_rewrite",
    "describe",
    "expand",
    "holds",
    "leading",
    "to_sympy",
]
