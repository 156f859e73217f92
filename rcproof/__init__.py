"""rcproof: a proof assistant and bound calculator for physical circuit complexity.

The Python API (`verify_text`, `verify_file`, `compare`, `bound`; see rcproof.api) is
imported on first use, so `import rcproof` stays cheap.
"""

from __future__ import annotations

from typing import Any

_API = ("verify_text", "verify_file", "compare", "bound", "Report", "TheoremResult",
        "BoundResult", "Comparison", "RcError")

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("rcproof")
        except PackageNotFoundError:  # running from a source tree
            return "0+unknown"
    if name in _API:
        # Loaded on first use only (by name, so that no module's import closure, the
        # kernel's included, holds the API).
        from importlib import import_module

        return getattr(import_module("rcproof.api"), name)
    raise AttributeError(f"module 'rcproof' has no attribute {name!r}")
