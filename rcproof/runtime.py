"""Process-wide settings of the interpreter and of z3 that rcproof needs: applied on
import by the entry points (rcproof.cli, rcproof.api) and by the modules that call z3.

Kept out of rcproof/__init__.py and rcproof/budget.py so that the kernel's import closure
(tools/trusted_base.py) does not carry them.
"""

from __future__ import annotations

import sys
from typing import Any

# Exact arithmetic keeps integers up to 2^65536 (about 20,000 digits; larger ones are
# refused by name), and reasons and certificates print them: Python ≥ 3.11 refuses str()
# of integers beyond 4,300 digits by default. Raise the limit to cover ours, never lower it.
INT_DIGITS = 100_000
if 0 < sys.get_int_max_str_digits() < INT_DIGITS:
    sys.set_int_max_str_digits(INT_DIGITS)

_z3_quiet = False


def keep_ctrl_c_in_python(z3: Any) -> None:
    """Stop z3 from catching Ctrl-C during a check (its `ctrl_c` parameter, on by
    default): z3's handler answers the query `unknown` and swallows the signal, so the
    run went on (review 6). Called before every z3 check; sets the global parameter once.
    `z3` is the imported module (passed in, so this module does not import z3)."""
    global _z3_quiet
    if not _z3_quiet:
        z3.set_param("ctrl_c", False)
        _z3_quiet = True


PRIMALITY_BITS = 2048  # integers above this size get no primality answer from sympy
_sympy_guarded = False


def guard_sympy_primality(sympy: Any) -> None:
    """Make sympy answer "unknown" (None) to the primality of integers above
    PRIMALITY_BITS bits instead of running its BPSW test.

    sympy's assumption system, asked an unrelated fact of an integer (is it zero, is it
    negative), may try the `prime` and `composite` handlers on the way, in an order that
    depends on the interpreter's hash seed; on a 10,001-digit integer that test takes
    from one second to several minutes, counts no work and ignores Ctrl-C (review 7:
    `(10^10000 + 1)^n = omega(1)` took 0.6 s or over 100 s depending on the seed). rcproof
    never needs primality, so an unknown answer costs nothing. Idempotent; `sympy` is the
    imported module (passed in, so this module does not import sympy)."""
    global _sympy_guarded
    if _sympy_guarded:
        return
    integer = sympy.Integer
    for fact in ("prime", "composite"):  # composite asks prime: both must stay unknown
        original = integer._prop_handler[fact]

        def handler(self: Any, original: Any = original) -> bool | None:
            if abs(int(self.p)).bit_length() > PRIMALITY_BITS:
                return None
            return original(self)  # type: ignore[no-any-return]

        setattr(integer, f"_eval_is_{fact}", handler)
        integer._prop_handler[fact] = handler  # the assumption system's table of handlers
    _sympy_guarded = True
