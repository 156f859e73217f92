"""Syntax errors in words: what was expected, never grammar terminal names."""

from __future__ import annotations

import lark

from rcproof.errors import RcError
from rcproof.syntax.ast import Span

_DECL_WORDS = {"import", "param", "let", "fun", "family", "class", "axiom", "cite",
               "theorem", "lemma"}
_LANDAU_WORDS = {"O", "Omega", "Theta", "o", "omega", "Ω", "Θ", "ω", "poly", "polylog"}
_EXPR_START = {"NAME", "NUMBER", "(", "-", "√", "∞"}
_RELATION_OPS = {"=", "~", "<", "<=", ">", ">=", "==", "in", "notin", "subset",
                 "subsetneq", "∈", "∉", "⊆", "⊊", "≤", "≥"}


def _literal(terminals: dict[str, str], name: str) -> str:
    """The text a terminal stands for (`=` for EQUAL), or the terminal's role."""
    return terminals.get(name, name)


def _describe(expected: set[str]) -> str:
    """Turn a set of expected token texts into one phrase."""
    parts: list[str] = []
    rest = set(expected)
    if rest & _EXPR_START and "NAME" in rest:
        parts.append("an expression (a number, a name, `n`, `(`)")
        rest -= _EXPR_START
    if rest & _LANDAU_WORDS:
        parts.append("a relation such as `O(…)`, `Theta(…)`, `o(…)` after `=`")
        rest -= _LANDAU_WORDS
    if rest & _DECL_WORDS:
        parts.append("a declaration (`import`, `param`, `let`, `fun`, `family`, `class`, "
                     "`axiom`, `cite`, `theorem`, `lemma`)")
        rest -= _DECL_WORDS
    if rest & _RELATION_OPS:
        parts.append("a relation such as `= O(…)`, `~`, `in`, `subset` or a comparison")
        rest -= _RELATION_OPS
    words = {"$END": "the end of the file", "STRING": 'a quoted reference such as "Author 2023"'}
    for token in sorted(rest):
        parts.append(words.get(token, f"`{token}`"))
    if not parts:
        return "something else"
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def _hint(expected: set[str], got: str) -> str | None:
    if got in _LANDAU_WORDS and "=" in expected:
        return f"write `= {got}(…)`: a Landau relation needs `=` before it"
    if got == "=" and "==" in expected:
        return "parameter constraints compare with `==`, `<`, `<=`, `>`, `>=`"
    if "." in expected and got not in {"."}:
        return "end the `forall … where …` part with a `.` before the statement"
    if ":" in expected and got not in {":"}:
        return "a declaration's name is followed by `:`"
    if "by" in expected:
        return "every proof step ends with `by` and a tactic (auto, unfold, growth, smt, limit)"
    if "qed" in expected and got == "$END":
        return "close the proof with `qed`"
    if "}" in expected and got == "$END":
        return "close the block with `}`"
    if ")" in expected and got in {"$END", "}", "NAME"}:
        return "a `(` is not closed"
    if got == "=" and "NAME" in expected:
        return None
    return None


def _token_text(token: lark.Token | None) -> str:
    if token is None:
        return "$END"
    if token.type == "$END":
        return "$END"
    return str(token)


def syntax_error(exc: lark.exceptions.UnexpectedInput, source: str, path: str,
                 terminals: dict[str, str]) -> RcError:
    """Convert a lark exception to an RcError with a located, worded message.

    `terminals` maps terminal names to the literal text they match (EQUAL -> `=`).
    """
    line = getattr(exc, "line", 0) or 0
    column = getattr(exc, "column", 0) or 0
    if isinstance(exc, lark.exceptions.UnexpectedCharacters):
        char = source[exc.pos_in_stream] if exc.pos_in_stream < len(source) else "?"
        span = Span(path, line, column, line, column + 1)
        expected = {_literal(terminals, name) for name in (exc.allowed or set())}
        message = f"unexpected character '{char}'"
        if expected:
            message += f"; expected {_describe(expected)}"
        hint = None
        if char == '"':
            hint = "quoted text is only allowed for imports by path and cite references"
        elif char in "[]{}" :
            hint = "use parentheses `(…)` to group expressions"
        elif char in "!&|":
            hint = "write `not`, `and`, `or` for connectives"
        return RcError(message, span, hint, source)
    token = getattr(exc, "token", None)
    got = _token_text(token)
    expected = {_literal(terminals, name) for name in (getattr(exc, "expected", None) or set())}
    if isinstance(exc, lark.exceptions.UnexpectedEOF) or got == "$END":
        lines = source.splitlines() or [""]
        line = len(lines)
        column = len(lines[-1]) + 1
        where = "the end of the file"
    else:
        where = f"'{got}'"
    width = len(got) if got != "$END" else 1
    span = Span(path, line, column, line, column + width)
    message = f"unexpected {where}; expected {_describe(expected)}"
    return RcError(message, span, _hint(expected, got), source)
