"""The verdicts whose reasons the report tests pin: the bundled library, the language
example, and the soundness corpus (the hand-written false statements, the review
findings, the wrong-verdict kinds and the axiom contradictions of tests/soundness/),
plus a few files for the rarer reasons (tactics that do not cover a step, facts that do
not apply, assumptions the semantics refutes).

`rendered(paths)` gives, per theorem, the outputs that print a reason: the text lines
(`verify --steps`, times removed), the JSON object (time removed) and the LaTeX
paragraph. Run as a script to write the snapshot the tests compare with (text and JSON;
`--latex` also keeps the LaTeX, to compare two versions by eye):

    python tests/report/reason_corpus.py tests/report/data/reasons_snapshot.json

Regenerate it when a verdict or the wording of a reason changes on purpose.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent

EXTRA = {
    "tactics": """param a : real where a > 1
fun f
axiom bad: n = o(n)
axiom big: a > 2
lemma grows: forall g : fun where g = O(n). g = O(n^2)
theorem by_growth: f = O(f * n)
proof
  show f = O(f * n) by growth
qed
theorem by_unproved: n = O(n^2)
proof
  show n = O(n^2) by auto using bad
qed
theorem by_fact_not_shown: f = O(n^2)
proof
  show f = O(n^2) by grows
qed
theorem by_fact_wrong: n^3 = O(n)
proof
  show n^3 = O(n) by grows
qed
theorem hinted: a > 2
theorem threshold: n^a = O(n^3)
theorem counter: forall d : real where d > 1. n^d = O(n^2)
theorem parts: n = O(n^2) and f = O(n)
theorem undecided: n^a = O(f)
""",
    "wrong_show": """theorem goal: n = O(n^2)
proof
  have h: n = O(n^3) by auto
  show n = O(n^3) by auto
qed
""",
}


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_corpus_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts() -> dict[str, str]:
    """File name -> .rc text, for everything but the bundled library."""
    out: dict[str, str] = {"language_example": (TESTS / "language_example.rc").read_text()}
    soundness = TESTS / "soundness"
    out["hand_written"] = _module(soundness / "test_false_statements.py").HAND_WRITTEN
    for stem in ("test_review_findings", "test_wrong_verdict_kinds"):
        cases = _module(soundness / f"{stem}.py").CASES
        for i, (_, prelude, statement, _) in enumerate(cases):
            out[f"{stem[5:]}_{i}"] = f"{prelude}\ntheorem goal: {statement}\n"
    axioms = _module(soundness / "test_axioms.py")
    for i, (first, second) in enumerate(axioms.CONTRADICTIONS):
        for goal in axioms.GOALS[:2]:
            text = (f"param ax : real\naxiom a1: {first}\naxiom a2: {second}\n"
                    f"theorem goal: {goal}\nproof\n  show {goal} by auto using a1, a2\nqed\n")
            out[f"axioms_{i}_{axioms.GOALS.index(goal)}"] = text
    out.update(EXTRA)
    return out


def corpus(tmp: Path) -> list[Path]:
    """The corpus as files: the bundled library's, then the others written into `tmp`."""
    from rcproof.resources import library_dir

    paths = sorted(library_dir().glob("*.rc"))
    for name, text in _texts().items():
        path = tmp / f"{name}.rc"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


_MS = re.compile(r"  \(\d+\.\d ms\)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def rendered(paths: list[Path]) -> dict[str, dict[str, object]]:
    """`file:theorem` -> {"text": lines, "json": object, "latex": paragraph}."""
    from rcproof.report.latex import render_result
    from rcproof.report.verdicts import result_json, text_lines
    from rcproof.verify import verify_paths

    out: dict[str, dict[str, object]] = {}
    files = verify_paths(paths, use_cache=False)
    for path, results in files:
        stem = Path(path).stem
        for r in results:
            lines = text_lines([(path, [r])], show_lemmas=True, steps=True)[1:-2]
            doc = result_json(r)
            doc.pop("ms")
            out[f"{stem}:{r.name}"] = {
                "text": [_MS.sub("", _ANSI.sub("", x)) for x in lines],
                "json": doc, "latex": render_result(r)}
    return out


def main(target: str, latex: bool = False) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        doc = rendered(corpus(Path(tmp)))
    if not latex:
        for item in doc.values():
            item.pop("latex")
    Path(target).write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True)
                            + "\n", encoding="utf-8")
    print(f"{len(doc)} theorems written to {target}")


if __name__ == "__main__":
    main(sys.argv[1], "--latex" in sys.argv[2:])
