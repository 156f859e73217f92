"""Shared helpers: check `.rc` text the way `rcproof verify` does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from rcproof.elaborate.loader import load_program
from rcproof.prover.run import Result, Session

# The README's test command is reproducible: property and fuzz tests draw the same
# examples on every run (a failure seen once is seen again). Exploring new examples is
# a separate run: RCPROOF_FUZZ_RANDOM=1 python -m pytest tests/fuzz
settings.register_profile("reproducible", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile("explore" if os.environ.get("RCPROOF_FUZZ_RANDOM") else "reproducible")


def verify_text(tmp_path: Path, text: str, name: str = "t.rc") -> dict[str, Result]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    program = load_program([path])
    session = Session(list(program.files.values()))
    return {r.name: r for u in program.requested_files() for r in session.run(u)}


@pytest.fixture
def check(tmp_path: Path):  # type: ignore[no-untyped-def]
    """check(text) -> {theorem name: Result}."""
    return lambda text: verify_text(tmp_path, text)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Tests never read or write the user's verdict cache."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    old = os.environ.get("RCPROOF_CACHE_DIR")
    os.environ["RCPROOF_CACHE_DIR"] = str(folder)
    yield
    if old is None:
        os.environ.pop("RCPROOF_CACHE_DIR", None)
    else:
        os.environ["RCPROOF_CACHE_DIR"] = old
