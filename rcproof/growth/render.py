"""Quote expressions in reasons with the project's one printer (syntax/notation.py).

Importing this module registers the printer with `rcproof.syntax.display`, which the
Tier 1 core (in the kernel's import closure) quotes through instead of importing it.
"""

from __future__ import annotations

from rcproof.syntax.display import Quoted
from rcproof.syntax.notation import to_text as show

__all__ = ["Quoted", "show"]
