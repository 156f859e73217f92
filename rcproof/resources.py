"""Where the grammar and the bundled library live, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _locate(package: str, folder: str) -> Path:
    try:
        found = Path(str(resources.files(package)))
        if found.is_dir():
            return found
    except ModuleNotFoundError:
        pass
    return _SOURCE_ROOT / folder


def grammar_path() -> Path:
    """The single grammar file, `grammar/rc.lark`."""
    return _locate("rcproof.grammar", "grammar") / "rc.lark"


def library_dir() -> Path:
    """The bundled `.rc` library (`theorems/`)."""
    return _locate("rcproof.theorems", "theorems")
