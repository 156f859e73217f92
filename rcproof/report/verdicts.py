"""Verify reports: terminal lines and the JSON document, from the same results."""

from __future__ import annotations

import json
from collections import Counter

from rcproof.errors import RcError
from rcproof.kernel import STATUSES, Counterexample, Step
from rcproof.prover.run import Result
from rcproof.report.simplify import tidy_claim
from rcproof.report.text import show
from rcproof.syntax.notation import assignments_text
from rcproof.syntax.reason import as_text

ASSUMPTION = ("All functions are taken to be eventually positive and pairwise comparable "
              "(one Hardy field), as n → ∞.")
_COLOURS = {"proved": "green", "refuted": "red", "unknown": "yellow", "vacuous": "magenta",
            "axiom": "cyan", "cited": "cyan", "error": "red"}


def summary(results: list[Result]) -> dict[str, int]:
    counts = Counter(r.verdict.status for r in results)
    return {status: counts.get(status, 0) for status in STATUSES}


def exit_code(results: list[Result]) -> int:
    bad = {"refuted", "unknown", "vacuous", "error"}
    return 1 if any(r.verdict.status in bad for r in results) else 0


def step_json(step: Step) -> dict[str, object]:
    claim = (show(tidy_claim(step.claim, step.detail is not None))
             if step.claim is not None else None)
    return {"claim": claim, "rule": step.rule,
            "tier": step.tier, "detail": as_text(step.detail), "note": note_text(step)}


def note_text(step: Step) -> str | None:
    """A step's notes as one line of text (`; ` between them), None when there are none."""
    return "; ".join(str(n) for n in step.note) or None


def counterexample_json(pairs: Counterexample | None) -> dict[str, str] | None:
    """A counter-example as a JSON object: what is assigned -> its value, as text."""
    if not pairs:
        return None
    return {show(name): value if isinstance(value, str) else show(value)
            for name, value in pairs}


def result_json(r: Result) -> dict[str, object]:
    v = r.verdict
    return {"name": r.name, "line": r.line, "kind": r.fact.kind, "status": v.status,
            "statement": show(r.fact.prop), "reason": as_text(v.reason),
            "counterexample": counterexample_json(v.counterexample),
            "oracles": list(v.oracles),
            "axioms": list(v.axioms), "ms": round(r.ms, 1),
            "tiers": list(v.tiers), "derivation": [step_json(s) for s in v.steps]}


def to_json(files: list[tuple[str, list[Result]]]) -> str:
    everything = [r for _, rs in files for r in rs]
    doc = {"files": [{"path": path, "theorems": [result_json(r) for r in rs]}
                     for path, rs in files],
           "summary": summary(everything)}
    return json.dumps(doc, indent=2, ensure_ascii=False)


def step_line(step: Step) -> str:
    """A derivation step as one indented line: claim, then rule, tier and evidence."""
    claim = (show(tidy_claim(step.claim, step.detail is not None))
             if step.claim is not None else "the remaining formula")
    how = step.rule + (f", {note_text(step)}" if step.note else "")
    extra = f"; {step.detail}" if step.detail else ""
    return f"{claim}   [{how}{extra}]"


def error_json(err: RcError) -> str:
    """An input error as a JSON document (the located message is also on stderr)."""
    span = err.span
    doc = {"error": {"path": span.path if span else None, "line": span.line if span else None,
                     "column": span.column if span else None, "message": err.message,
                     "hint": err.hint}}
    return json.dumps(doc, indent=2, ensure_ascii=False)


def text_lines(files: list[tuple[str, list[Result]]], show_lemmas: bool,
               steps: bool = False) -> list[str]:
    """One line per theorem: status, name, statement, time; reasons indented below, and
    with `steps` the derivation."""
    import click

    out: list[str] = []
    everything = [r for _, rs in files for r in rs]
    width = max((len(r.name) for r in everything), default=4)
    for path, results in files:
        out.append(click.style(path, bold=True))
        for r in results:
            v = r.verdict
            if r.fact.kind == "lemma" and v.status == "proved" and not show_lemmas:
                continue
            status = click.style(f"{v.status:<8}", fg=_COLOURS.get(v.status))
            out.append(f"  {status} {r.name:<{width}}  {show(r.fact.prop)}  "
                       f"({r.ms:.1f} ms)")
            if v.axioms:
                out.append(f"           {'':<{width}}  ↳ assumes: {', '.join(v.axioms)}")
            if v.status in ("cited", "axiom") and v.reason:
                out.append(f"           {'':<{width}}  ↳ {v.reason}")
            elif v.status not in ("proved", "axiom", "cited"):
                if v.reason:
                    out.append(f"           {'':<{width}}  ↳ {v.reason}")
                shown = v.reason is not None and v.reason.shows(v.counterexample)
                counter = assignments_text(v.counterexample) if v.counterexample else ""
                if counter and not shown:
                    out.append(f"           {'':<{width}}  ↳ counter-example: "
                               f"{counter}")
            if steps:
                out.extend(f"           {'':<{width}}  · {step_line(s)}" for s in v.steps)
    counts = summary(everything)
    out.append(ASSUMPTION)
    out.append(", ".join(f"{counts[s]} {s}" for s in STATUSES))
    return out
