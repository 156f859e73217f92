"""Input errors: located, worded for people, with a caret and a fix."""

from __future__ import annotations

from rcproof.syntax.ast import Span


class RcError(Exception):
    """An error in the user's input (syntax, names, kinds, imports): exit status 2."""

    def __init__(self, message: str, span: Span | None = None, hint: str | None = None,
                 source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.hint = hint
        self.source = source

    def format(self) -> str:
        """`path:line:col: error: message`, the source line, a caret, the fix."""
        if self.span is None:
            head = f"error: {self.message}"
            return head + (f"\n  hint: {self.hint}" if self.hint else "")
        lines = [f"{self.span}: error: {self.message}"]
        text = self.source.splitlines() if self.source is not None else []
        if 0 < self.span.line <= len(text):
            line = text[self.span.line - 1].expandtabs(1)
            width = 1
            if self.span.end_line == self.span.line:
                width = max(1, self.span.end_column - self.span.column)
            lines.append(f"  {line}")
            lines.append("  " + " " * (self.span.column - 1) + "^" + "~" * (width - 1))
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


def did_you_mean(name: str, candidates: list[str] | set[str]) -> str | None:
    """A 'did you mean' hint for a misspelt name, or None."""
    import difflib

    close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
