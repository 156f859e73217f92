"""A non-editable install ships every package: each folder of rcproof/ with an
__init__.py is listed in pyproject.toml (setuptools does not find them by itself here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, re.S | re.M)
    assert block is not None
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "rcproof").rglob("__init__.py")}
    assert found - listed == set()
