"""The trusted kernel (LCF style): the abstract `Theorem`, the rules that make theorems,
the instantiation they check, and `Verdict`, which a `proved`/`refuted` status cannot
have without a theorem of exactly its statement.

Everything else — the search for witnesses, the three tiers, counter-example search,
certificates, the cache — is untrusted engine code that proposes; the rules re-check.
The kernel imports only the core terms (syntax/core.py, the declaration forms of
syntax/decls.py and the definition table of syntax/definitions.py, never the surface
syntax/ast.py nor elaboration's symbol table), definitional unfolding over that table
(which its `unfold` rule re-runs) and its own small Tier 1 check
(rcproof.tier1); z3, the limit engine and the engine's full growth algebra ("growth")
reach it only as registered, named oracles; it prints nothing (messages
quote terms through syntax/display, the printer is outside). `python
tools/trusted_base.py` prints the import closure in lines.
"""

from __future__ import annotations

from rcproof.kernel.theorem import Theorem
from rcproof.kernel.verdict import STATUSES, Counterexample, Step, Verdict, assumed, unknown

__all__ = ["STATUSES", "Counterexample", "Step", "Theorem", "Verdict", "assumed", "unknown"]
