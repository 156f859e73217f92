"""Why the growth algebra refused to answer: every refusal carries a reason in words."""

from __future__ import annotations


class GrowthError(Exception):
    """Base of all growth-algebra failures; `.reason` is shown to the user verbatim."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotInFragment(GrowthError):
    """The expression is outside what Tier 1 can expand exactly (e.g. `2^n`): try Tier 3."""


class NotPositive(GrowthError):
    """The expression is not shown eventually positive (negative, zero, or sign unknown)."""


class SignUnknown(NotPositive):
    """The sign could not be decided (cancellation, inexact constants): not a refutation."""
