"""Axioms and citations: every verdict lists those it rests on (as Lean's `#print axioms`
does), and a proof from a jointly contradictory set is never reported as proved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rcproof.cli import main

CONTRADICTIONS = [
    ("ax > 1", "ax < 1"),
    ("ax >= 2", "ax <= 1"),
    ("ax == 1", "ax == 2"),
    ("ax > 0", "ax < 0"),
]
GOALS = ["n = O(1)", "n^2 = o(n)", "ax > 5"]


def _file(tmp: Path, first: str, second: str, goal: str, route: str) -> Path:
    steps = {
        "using": f"  show {goal} by auto using a1, a2\n",
        "have": f"  have h: {first} by a1\n  show {goal} by auto using h, a2\n",
        "chain": f"  show {goal} by auto using mid, a2\n",
    }[route]
    text = (f"param ax : real\naxiom a1: {first}\naxiom a2: {second}\n"
            f"lemma mid: {first}\nproof\n  show {first} by a1\nqed\n"
            f"theorem goal: {goal}\nproof\n{steps}qed\n")
    path = tmp / "ax.rc"
    path.write_text(text, encoding="utf-8")
    return path


def _theorems(path: Path) -> dict[str, dict[str, object]]:
    out = CliRunner().invoke(main, ["verify", "--json", "--no-cache", str(path)])
    doc = json.loads(out.output)
    return {t["name"]: t for f in doc["files"] for t in f["theorems"]}


@pytest.mark.parametrize("route", ["using", "have", "chain"])
@pytest.mark.parametrize("goal", GOALS)
@pytest.mark.parametrize(("first", "second"), CONTRADICTIONS)
def test_contradictory_axioms_prove_nothing(tmp_path: Path, first: str, second: str,
                                            goal: str, route: str) -> None:
    theorems = _theorems(_file(tmp_path, first, second, goal, route))
    assert theorems["goal"]["status"] == "unknown", theorems["goal"]
    assert "contradict" in str(theorems["goal"]["reason"])
    assert theorems["mid"]["status"] == "proved"
    assert theorems["mid"]["axioms"] == ["a1"]


def test_verdicts_list_axioms_and_oracles(tmp_path: Path) -> None:
    path = tmp_path / "ok.rc"
    path.write_text("param ax : real\naxiom big: ax > 1\n"
                    "lemma l1: ax > 0\nproof\n  show ax > 0 by auto using big\nqed\n"
                    "theorem t2: ax > -1\nproof\n  show ax > -1 by auto using l1\nqed\n"
                    "theorem t3: n = O(n^2)\n"
                    "theorem t4: forall k : real where k > 0. n = o(n^(1 + k))\n",
                    encoding="utf-8")
    theorems = _theorems(path)
    assert theorems["l1"]["axioms"] == ["big"]
    assert theorems["t2"]["axioms"] == ["big"]  # through the lemma it uses
    assert theorems["t3"]["axioms"] == [] and theorems["t3"]["oracles"] == []
    assert theorems["t4"]["oracles"] == ["z3"]
    text = CliRunner().invoke(main, ["verify", "--no-cache", "--lemmas", str(path)]).output
    assert "assumes: big" in text
