"""The growth algebra: Tier 1 (exact expansions over n^a·(log n)^b·(log log n)^e),
certificates (c, N0) with an independent checker, and Tier 3: the native exp-log engine
(`growth.explog`, Gruntz's algorithm) under a work budget.

Soundness contract: every answer is proved by exact arithmetic (rationals in Tier 1,
exact sympy constants in Tier 3) and rigorous intervals on constants; anything
undecided raises a `GrowthError` with a reason (or, in Tier 3, returns the reason as a
string). sympy and mpmath are imported lazily.

Tier 1 names are imported here; certificates and the Tier 3 names (`compare_by_limit`,
`relation_by_limit`, `to_sympy`) load their module on first
use, so the kernel, which imports Tier 1 only, never imports them, sympy or mpmath.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from rcproof.growth.coef import Coef
from rcproof.growth.compare import RELATIONS, Order, compare, holds
from rcproof.growth.errors import GrowthError, NotInFragment, NotPositive, SignUnknown
from rcproof.growth.expand import expand
from rcproof.growth.expansion import Expansion
from rcproof.growth.exps import Exps
from rcproof.growth.leading import Growth, leading

_LAZY = {"to_sympy": "sympy_bridge",
         "compare_by_limit": "tier3", "relation_by_limit": "tier3",
         "decide_by_limit": "tier3",
         "Certificate": "certificates",
         "certificate": "certificates", "check_certificate": "certificates",
         "describe": "certificates"}

__all__ = [
    "RELATIONS", "Certificate", "Coef", "Expansion", "Exps", "Growth", "GrowthError",
    "NotInFragment", "NotPositive", "Order", "SignUnknown", "certificate",
    "check_certificate", "compare", "compare_by_limit", "decide_by_limit",
    "describe", "expand", "holds", "leading", "relation_by_limit", "to_sympy",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rcproof.growth' has no attribute {name!r}")
    value = getattr(import_module(f"rcproof.growth.{module}"), name)
    globals()[name] = value
    return value
