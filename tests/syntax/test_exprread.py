"""The lark-free expression reader (syntax/exprread.py) against the lark parser: on
generated texts it either leaves the text to lark (None) or gives lark's tree, spans
included; plainly valid one-line expressions it must read itself."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rcproof.errors import RcError
from rcproof.syntax.exprread import KEYWORDS, read_expr
from rcproof.syntax.parser import _parser, parse_expr

_SPACES = st.sampled_from(["", "", " ", "  ", "\t"])
_ATOMS = st.sampled_from(["n", "2", "1.5", "10", "k", "x'", "∞", "log(n)", "f()"])


@st.composite
def _exprs(draw: st.DrawFn, depth: int = 3) -> str:
    """Expression texts of the grammar with random spacing and parentheses."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        return draw(_ATOMS)
    sp = draw(_SPACES)
    kind = draw(st.sampled_from(["bin", "bin", "neg", "paren", "call", "kwcall", "sqrt"]))
    a = draw(_exprs(depth - 1))
    if kind == "bin":
        op = draw(st.sampled_from(["+", "-", "*", "/", "^"]))
        b = draw(_exprs(depth - 1))
        b = f"({b})" if b.startswith("-") else b  # `--` would start a comment
        return f"{a}{sp}{op}{sp}{b}"
    if kind == "neg":
        return f"-{sp}({a})" if a.startswith("-") else f"-{sp}{a}"
    if kind == "paren":
        return f"({sp}{a}{sp})"
    if kind == "call":
        func = draw(st.sampled_from(["log", "max", "min", "exp", "sqrt", "g"]))
        return f"{func}({a},{sp}{draw(_exprs(depth - 1))})" if func in ("max", "min") \
            else f"{func}{sp}({a})"
    if kind == "kwcall":
        return f"F({a}, p{sp}={sp}{draw(_exprs(depth - 1))})"
    return f"√{a}" if a[0].isalnum() or a[0] == "(" else f"√({a})"


_NOISE = st.sampled_from(["", "", "", ")", "(", ",", "=", "==", "--c", "\n", "in", "not",
                          "2x", "1.", ".5", "^", "*", "·", "²", "n n", "#"])


def _spans(node: object) -> list[object]:
    """Every node's class and span, in order (equality ignores spans)."""
    out: list[object] = []
    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, tuple):
            stack.extend(reversed(x))
        elif dataclasses.is_dataclass(x):
            out.append((type(x).__name__, getattr(x, "span", None)))
            stack.extend(reversed([getattr(x, f.name) for f in dataclasses.fields(x)
                                   if f.name != "span"]))
    return out


def _agrees(text: str) -> bool:
    """Whether the reader agrees with lark on `text`; True also when it reads it."""
    mine = read_expr(text, "<t>")
    try:
        theirs = parse_expr(text, "<t>")
    except RcError:
        assert mine is None, text
        return False
    if mine is not None:
        assert mine == theirs and _spans(mine) == _spans(theirs), text
    return mine is not None


@settings(max_examples=300, deadline=None)
@given(_exprs(), _NOISE, _NOISE, st.integers(0, 40))
def test_reader_agrees_with_lark(text: str, before: str, after: str, cut: int) -> None:
    assert _agrees(text)  # the generator writes valid one-line expressions: read them
    _agrees(before + text + after)
    _agrees(text[:cut] + after + text[cut:])


def test_keywords_are_the_grammars() -> None:
    lark_words = {str(t.pattern.value) for t in _parser().terminals
                  if t.pattern.type == "str"
                  and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_']*", str(t.pattern.value))}
    assert frozenset(lark_words) == KEYWORDS
    for word in lark_words:
        assert read_expr(f"{word} + n") is None


def test_left_to_lark() -> None:
    for text in ("n -- a comment", "n\n+ 1", "\ufeffn", "n +", "", "log(n", "n in C"):
        assert read_expr(text) is None
