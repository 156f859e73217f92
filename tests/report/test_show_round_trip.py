"""`rcproof show` prints valid input: parsing its output gives the same declarations
(doc comments included), for every bundled module, and verifying it gives the same
verdicts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rcproof.cli import main
from rcproof.elaborate.loader import load_program
from rcproof.report.declarations import render_module
from rcproof.resources import library_dir
from rcproof.syntax.parser import parse

MODULES = sorted(p.stem for p in library_dir().glob("*.rc"))


@pytest.mark.parametrize("module", MODULES)
def test_show_output_parses_to_the_same_declarations(module: str) -> None:
    unit = load_program([library_dir() / f"{module}.rc"]).requested_files()[0]
    again = parse(render_module(unit), "shown.rc")
    assert again.decls == unit.module.decls


@pytest.mark.parametrize("module", ["transformers", "zoo", "scaling"])
def test_show_output_verifies_the_same(module: str) -> None:
    runner = CliRunner()
    shown = runner.invoke(main, ["show", module])
    assert shown.exit_code == 0
    original = json.loads(runner.invoke(main, ["verify", module, "--json"]).output)
    again = json.loads(runner.invoke(main, ["verify", "-", "--json"],
                                     input=shown.output).output)
    assert again["summary"] == original["summary"]
