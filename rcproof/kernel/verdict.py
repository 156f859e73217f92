"""What a check concludes about one statement: a status, and for `proved`/`refuted` the
kernel `Theorem` that backs it (⊢ statement, or ⊢ ¬statement).

A `Verdict` checks that invariant when it is made, so a `proved` cannot be had by passing
a bare proposition, by replacing a field (`dataclasses.replace` re-checks), or by
unpickling (a Theorem cannot be pickled). `axioms` and `oracles` are read off the theorem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rcproof.kernel.theorem import Theorem
from rcproof.syntax import core as A

STATUSES = ("proved", "refuted", "unknown", "axiom", "cited", "vacuous", "error")

# A counter-example as data: what is assigned (a variable, or a resource such as
# size(C)) and its value (a number or a function of n; text only for a value with no
# expression, such as an irrational growth vector).
Counterexample = tuple[tuple[A.Expr, "A.Expr | str"], ...]


@dataclass(frozen=True)
class Step:
    """One line of a derivation, for reports: the claim, the rule that admitted it, and
    its evidence (tier; `detail`, a certificate or why the atom is open; `notes`). The
    evidence is typed data for the reports (`rcproof.syntax.reason.Reason`, kept out of
    the trusted base, which never reads it)."""

    claim: A.Prop | None
    rule: str
    tier: str | None = None
    detail: Any = None        # a Reason or None
    note: tuple[Any, ...] = ()  # Reasons


@dataclass(frozen=True)
class Verdict:
    """`status` is one of STATUSES; `theorem` is required for proved/refuted and absent
    otherwise; `reason` is a `rcproof.syntax.reason.Reason` (typed data the reports print
    and never parse; the kernel never reads it). Raises ValueError when the theorem does
    not prove what the status says, TypeError for a reason given as a bare string."""

    status: str
    statement: A.Prop
    theorem: Theorem | None = field(default=None, repr=False, compare=False)
    tiers: tuple[str, ...] = ()
    reason: Any = None  # a Reason or None
    counterexample: Counterexample | None = None
    steps: tuple[Step, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if isinstance(self.reason, str):
            raise TypeError("a verdict's reason is a Reason (rcproof.syntax.reason), "
                            "not a string")
        thm = self.theorem
        if self.status in ("proved", "refuted"):
            want = self.statement if self.status == "proved" else A.Not(self.statement)
            if not isinstance(thm, Theorem) or thm.hypotheses or thm.prop != want:
                raise ValueError(f"a {self.status} verdict needs a kernel theorem of "
                                 "exactly its statement" + (" (negated)" if
                                                             self.status == "refuted" else ""))
        elif thm is not None:
            raise ValueError("only proved and refuted verdicts carry a theorem")

    @property
    def axioms(self) -> tuple[str, ...]:
        """The axioms and citations the verdict rests on (Lean's `#print axioms`)."""
        return self.theorem.axioms if self.theorem is not None else ()

    @property
    def oracles(self) -> tuple[str, ...]:
        """The external deciders (z3, limit) the verdict trusted."""
        return self.theorem.oracles if self.theorem is not None else ()


def unknown(statement: A.Prop, reason: Any, steps: tuple[Step, ...] = ()) -> Verdict:
    return Verdict("unknown", statement, reason=reason, steps=steps)


def assumed(statement: A.Prop, kind: str, reference: Any = None) -> Verdict:
    """Axioms and citations: reported as such, never as proved (`reference`: a Reason)."""
    return Verdict("cited" if kind == "cite" else "axiom", statement, reason=reference)
