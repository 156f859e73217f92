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


def test_python_api_example_runs() -> None:
    """The README's Python block runs and its commented results hold."""
    block = re.search(r"```python\n(import rcproof.*?)```", README, re.S)
    assert block is not None
    namespace: dict[str, object] = {}
    exec(block.group(1), namespace)
    report = namespace["report"]
    assert report["smat_tstar"].status == "proved"  # type: ignore[index]
    assert report["too_fast"].status == "refuted"  # type: ignore[index]
    for line in block.group(1).splitlines():
        m = re.match(r"(.+?)\s+# '(.+)'", line)
        if m:
            assert eval(m.group(1), namespace) == m.group(2), line


def test_readme_shows_tstar_and_the_api() -> None:
    assert "tstar(SMAT(p = log(n)), 3) = Theta(n^(2/3) * log(n)^(2/3))" in README
    assert "rcproof.verify_text(" in README and "rcproof.bound(" in README
