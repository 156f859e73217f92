"""Where the grammar and the bundled library live, installed or in a source checkout.

The folders are found from the import system's spec of their package
(`importlib.util.find_spec`, already loaded by every Python), not through
`importlib.resources`, whose import alone (tempfile, shutil, zipfile) cost about 10 ms of
every start (issue 13). Both packages are plain folders in every install (pyproject.toml,
`package-dir`), which is all `resources.files` returned for them too.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def _locate(package: str, folder: str) -> Path:
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    for place in (spec.submodule_search_locations or []) if spec is not None else []:
        if Path(place).is_dir():
            return Path(place)
    return _SOURCE_ROOT / folder


def grammar_path() -> Path:
    """The single grammar file, `grammar/rc.lark`."""
    return _locate("rcproof.grammar", "grammar") / "rc.lark"


def library_dir() -> Path:
    """The bundled `.rc` library (`theorems/`)."""
    return _locate("rcproof.theorems", "theorems")
