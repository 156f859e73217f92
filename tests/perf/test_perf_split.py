"""Parsing a file in pieces (rcproof.syntax.split) gives exactly the module of parsing it
whole: same declarations, spans, doc comments; and `--jobs 2` with pieces gives the same
verdicts as one job."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rcproof import verify
from rcproof.resources import library_dir
from rcproof.syntax import split
from rcproof.syntax.parser import parse

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from library import generate


def _sources(tmp: Path) -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(library_dir().glob("*.rc"))]
    for seed in (1, 2, 3):
        path = generate(tmp / f"s{seed}", count=150, files=1, seed=seed)[0]
        text = path.read_text(encoding="utf-8")
        # doc comments above theorems, a proof, and a CRLF copy
        text = text.replace("\ntheorem g0_7:", "\n-- the seventh\ntheorem g0_7:")
        text += ("lemma extra: n = O(n^2)\nproof\n  show n = O(n^2) by growth\nqed\n"
                 "theorem last: n = O(n)  -- trailing doc\n")
        out += [(f"gen{seed}", text), (f"gen{seed}-crlf", text.replace("\n", "\r\n"))]
    return out


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    return _sources(tmp_path_factory.mktemp("split"))


@pytest.mark.parametrize("count", [1, 2, 3, 7, 50])
def test_pieces_parse_to_the_whole_module(sources: list[tuple[str, str]], count: int) -> None:
    for name, text in sources:
        parts = split.pieces(text, count)
        assert 1 <= len(parts) <= count
        rebuilt = ""
        for part in parts:  # each piece: the newlines before it, then its own text
            pad = rebuilt.count("\n")
            assert part[:pad] == "\n" * pad
            rebuilt += part[pad:]
        assert rebuilt == text
        decls = [d for part in parts for d in split.parse_piece(part, name)]
        assert split.module(text, name, decls) == parse(text, name), (name, count)


def test_a_syntax_error_reads_as_in_a_serial_parse(tmp_path: Path) -> None:
    path = generate(tmp_path / "bad", count=400, files=1)[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[len(lines) * 3 // 4] = "theorem broken: n = O(n"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from rcproof.errors import RcError

    with pytest.raises(RcError) as serial:
        parse(path.read_text(encoding="utf-8"), "bad.rc")
    with pytest.raises(RcError) as pieces:
        verify._parser(2)(path.read_text(encoding="utf-8"), "bad.rc")
    assert pieces.value.format() == serial.value.format()


def test_jobs_two_with_pieces_matches_one_job(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(verify, "PARALLEL_PARSE_CHARS", 0)
    paths = generate(tmp_path / "lib", count=120, files=2, seed=5)
    one = verify.verify_paths(paths, jobs=1, use_cache=False, evidence=False)
    two = verify.verify_paths(paths, jobs=2, use_cache=False, evidence=False)
    assert [(p, r.name, r.verdict.status, r.line) for p, rs in one for r in rs] == \
        [(p, r.name, r.verdict.status, r.line) for p, rs in two for r in rs]
