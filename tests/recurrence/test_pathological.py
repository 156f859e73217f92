"""Pathological recurrences and exponents end in a verdict or a located error, in a real
process with a hang guard; never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 60
LOCATED = re.compile(r"^\S+\.rc:\d+:\d+: error: ", re.M)


def _family(size: str) -> str:
    return f"import physics\nfamily F {{\n  size = {size}\n  depth = 1\n}}\n" \
           "theorem t: size(F) = O(n^3)\n"


CASES = [
    ("huge_ratio", _family("2*size(n/" + "9" * 200 + ") + n")),
    ("huge_prime_base", _family("size(n/999999999989) + n")),
    ("deep_characteristic", _family("size(n/2) + size(n/" + str(2 ** 60) + ") + 1")),
    ("many_terms", _family(" + ".join(f"size(n/{2 ** k})" for k in range(1, 40)) + " + 1")),
    ("huge_coefficient", _family("99999999999999999999*size(n/2) + n")),
    ("tiny_step", _family("size(n - 1/99999999999) + n")),
    ("near_tie", "lemma x: n^(log(7)/log(2)) = O(n^(2807354922057604107441969317/"
                 "1000000000000000000000000000))\n"),
    ("cross_base_tie", "lemma x: n^(log(3)/log(2) + log(5)/log(3)) = "
                       "Theta(n^(log(5)/log(3) + log(9)/log(4)))\n"),
    ("irrational_power_of_sum", "lemma x: (n^2 + n*log(n))^(log(3)/log(2)) = "
                                "Theta(n^(log(9)/log(2)))\n"),
]


@pytest.mark.parametrize(("label", "text"), CASES, ids=[c[0] for c in CASES])
def test_pathological_recurrence_ends(tmp_path: Path, label: str, text: str) -> None:
    path = tmp_path / "p.rc"
    path.write_text(text, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "rcproof", "verify", "--json", "--budget", "1", str(path)],
        capture_output=True, text=True, timeout=HANG_GUARD_S, env=env, cwd=tmp_path)
    shown = f"{label}: exit {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    assert "Traceback" not in proc.stdout + proc.stderr, shown
    if proc.returncode == 2:
        assert LOCATED.search(proc.stderr + proc.stdout), shown
        return
    statuses = [t["status"] for f in json.loads(proc.stdout)["files"] for t in f["theorems"]]
    assert statuses and all(s in ("proved", "refuted", "unknown") for s in statuses), shown
