"""Start-up cost: defer heavy third-party imports until first use.

`defer("z3", …)` puts a placeholder module in `sys.modules` for each name that is not
imported yet, so every later `import z3` anywhere is free; the first access to an
attribute the placeholder lacks runs the module's code into that same object (as
`importlib.util.LazyLoader` does, which Python 3.11's import statement would trigger at
once by reading `__spec__`). The command line calls it before importing the pipeline: a
`compare` of two monomials never starts z3, and a cached `verify` never starts sympy.
A name that cannot be found is left alone (its first real use raises ImportError).
"""

from __future__ import annotations

import importlib.util
import sys
import types

HEAVY = ("z3", "sympy", "mpmath", "multiprocessing")


class _Deferred(types.ModuleType):
    """A module whose code runs on the first access to a missing attribute."""

    def __getattr__(self, attr: str) -> object:
        spec = self.__spec__
        assert spec is not None and spec.loader is not None
        self.__class__ = types.ModuleType  # from now on an ordinary module
        spec.loader.exec_module(self)
        return getattr(self, attr)


def defer(*names: str) -> None:
    """Make each not-yet-imported top-level module in `names` load on first use."""
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = _Deferred
        sys.modules[name] = module
