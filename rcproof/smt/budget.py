"""Deterministic z3 budgets: resource limits (rlimit) rather than wall-clock time."""

from __future__ import annotations

DEFAULT_RLIMIT = 2_000_000
_rlimit = DEFAULT_RLIMIT


def set_rlimit(value: int) -> None:
    """Set the per-query z3 resource limit (`--budget`)."""
    global _rlimit
    _rlimit = max(1000, int(value))


def rlimit() -> int:
    return _rlimit
