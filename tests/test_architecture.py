"""The architecture is measured, not claimed: the import contract (lint-imports, config in
pyproject.toml) and the trusted base (tools/trusted_base.py) run with the tests."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contract_is_kept() -> None:
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def test_trusted_base_is_printed_and_excludes_the_engine() -> None:
    proc = subprocess.run([sys.executable, "tools/trusted_base.py", "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    modules = {row["module"] for row in data["modules"]}
    assert "rcproof.kernel.rules" in modules and "rcproof.kernel.theorem" in modules
    engine = re.compile(r"rcproof\.(prover|smt|report|cache|cli|verify)|tier3|sympy"
                        r"|notation|render|parser")
    assert not any(engine.search(m) for m in modules), sorted(modules)
    # declarations reach the kernel only through the frozen definition table (issue 11)
    assert "rcproof.syntax.definitions" in modules
    assert not modules & {"rcproof.elaborate.symbols", "rcproof.elaborate.loader"}, modules
    assert sum(data["areas"].values()) == data["closure_code_lines"]
    assert data["areas"]["kernel"] == data["kernel_code_lines"]
    print(f"\ntrusted base: kernel {data['kernel_code_lines']} code lines, closure "
          f"{data['closure_code_lines']} (targets {data['targets']})")
    # issue 11's size targets hold: a change that grows the trusted base past them fails
    assert data["kernel_code_lines"] <= data["targets"]["kernel"]
    assert data["closure_code_lines"] <= data["targets"]["closure"]


def test_only_the_rules_hold_the_seal() -> None:
    """No module outside kernel/theorem.py and kernel/rules.py makes a Theorem."""
    offenders = []
    for path in (ROOT / "rcproof").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT).as_posix()
        if rel in ("rcproof/kernel/theorem.py", "rcproof/kernel/rules.py"):
            continue
        if re.search(r"seal_for_rules|_SEAL\b|theorem import .*\bmake\b|object\.__new__",
                     text):
            offenders.append(rel)
    assert offenders == []
