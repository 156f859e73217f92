"""The README's language tour verifies, and its quick start names the real commands."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_tour_example_is_all_proved(check) -> None:  # type: ignore[no-untyped-def]
    block = re.search(r"```\n(-- attention\.rc.*?)```", README, re.S)
    assert block is not None
    results = check(block.group(1))
    assert results and all(r.verdict.status == "proved" for r in results.values())


def test_quick_start_commands() -> None:
    assert "pip install . && rcproof verify" in README
    assert "pip install '.[test]' && python -m pytest" in README
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && python -m pytest" in ci
