"""A reader for one expression without lark, for start-up-bound commands (issue 13).

`read_expr(text, path)` returns the syntax tree that `parser.parse_expr(text, path)`
returns, spans included, for the expression rules of grammar/rc.lark:

    sum:     product (("+" | "-") product)*          (left-associative)
    product: unary (("*" | "/") unary)*              (left-associative)
    unary:   "-" unary | power
    power:   atom ("^" unary)?
    atom:    NUMBER | NAME | "∞" | NAME "(" [arg ("," arg)*] ")" | "(" sum ")" | "√" atom
    arg:     NAME "=" sum | sum

It returns None for anything else — a syntax error, a keyword, a comment, a line break,
a character it does not know — and the caller then uses the lark parser, which gives the
located error or the tree. So it never decides what is valid input, only reads early what
is plainly valid; `tests/syntax/test_exprread.py` checks the two agree on generated
expressions. The method is ordinary recursive descent with one token of lookahead (Aho,
Lam, Sethi and Ullman, *Compilers*, 2nd ed., §4.4), one function per grammar level.
"""

from __future__ import annotations

import re
from fractions import Fraction

from rcproof.syntax import ast as A

_TOKEN = re.compile(r"\s*(?:(?P<num>[0-9]+(?:\.[0-9]+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_']*)"
                    r"|(?P<op>==|[-+*/^(),=√∞]))")
_SPACE = re.compile(r"[ \t\f\r]*")
_DEPTH = 200  # deeper input goes to the lark parser (its own limits and messages)


# The grammar's reserved words that look like names: lark's basic lexer reads them as
# keywords everywhere, so they are never names (written out, not read from rc.lark, to
# keep importlib.resources off this path; test_exprread checks the list is the grammar's).
KEYWORDS = frozenset((
    "O", "Omega", "Theta", "and", "axiom", "by", "cite", "class", "default", "exists",
    "family", "forall", "fun", "have", "import", "in", "lemma", "let", "not", "notin", "o",
    "omega", "or", "param", "poly", "polylog", "proof", "qed", "real", "show", "subset",
    "subsetneq", "theorem", "using", "where"))


class _Outside(Exception):
    """The text is not a plainly valid expression: leave it to the lark parser."""


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.tokens: list[tuple[str, str, int, int]] = []  # (kind, text, start, end)
        pos = 0
        while True:
            pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
            if pos == len(text):
                break
            m = _TOKEN.match(text, pos)
            if m is None or m.start(m.lastgroup or 0) != pos:  # type: ignore[arg-type]
                raise _Outside
            kind = m.lastgroup or ""
            word = m.group(kind)
            if kind == "name" and word in KEYWORDS:
                raise _Outside
            if kind == "op" and word == "-" and text.startswith("--", pos):
                raise _Outside  # a comment
            self.tokens.append((kind, word, pos, m.end()))
            pos = m.end()
        self.i = 0
        self.depth = 0

    def _peek(self, offset: int = 0) -> str | None:
        j = self.i + offset
        return self.tokens[j][1] if j < len(self.tokens) else None

    def _take(self, word: str | None = None) -> tuple[str, str, int, int]:
        if self.i >= len(self.tokens):
            raise _Outside
        tok = self.tokens[self.i]
        if word is not None and tok[1] != word:
            raise _Outside
        self.i += 1
        return tok

    def _span(self, start: int, end: int) -> A.Span:
        # one line (line breaks go to lark): columns are 1-based, the end exclusive
        return A.Span(self.path, 1, start + 1, 1, end + 1)

    def _end(self) -> int:
        return self.tokens[self.i - 1][3]

    def whole(self) -> A.Expr:
        e, _ = self.sum()
        if self.i != len(self.tokens):
            raise _Outside
        return e

    def _nest(self) -> None:
        self.depth += 1
        if self.depth > _DEPTH:
            raise _Outside

    def sum(self) -> tuple[A.Expr, int]:
        self._nest()
        left, start = self.product()
        while self._peek() in ("+", "-"):
            op = self._take()[1]
            right, _ = self.product()
            left = A.BinOp(op, left, right, span=self._span(start, self._end()))
        self.depth -= 1
        return left, start

    def product(self) -> tuple[A.Expr, int]:
        left, start = self.unary()
        while self._peek() in ("*", "/"):
            op = self._take()[1]
            right, _ = self.unary()
            left = A.BinOp(op, left, right, span=self._span(start, self._end()))
        return left, start

    def unary(self) -> tuple[A.Expr, int]:
        if self._peek() == "-":
            self._nest()
            start = self._take()[2]
            operand, _ = self.unary()
            self.depth -= 1
            return A.Neg(operand, span=self._span(start, self._end())), start
        return self.power()

    def power(self) -> tuple[A.Expr, int]:
        base, start = self.atom()
        if self._peek() != "^":
            return base, start
        self._take()
        self._nest()
        exponent, _ = self.unary()
        self.depth -= 1
        return A.BinOp("^", base, exponent, span=self._span(start, self._end())), start

    def atom(self) -> tuple[A.Expr, int]:
        kind, word, start, end = self._take()
        if kind == "num":
            return A.Num(Fraction(word), span=self._span(start, end)), start
        if word == "∞":
            return A.Name("oo", span=self._span(start, end)), start
        if kind == "name" and self._peek() == "(":
            return self.call(word, start), start
        if kind == "name":
            return A.Name(word, span=self._span(start, end)), start
        if word == "(":
            inner, _ = self.sum()
            self._take(")")
            return inner, start  # an enclosing rule's span starts at the parenthesis
        if word == "√":
            self._nest()
            operand, _ = self.atom()
            self.depth -= 1
            return A.Call("sqrt", (operand,), span=self._span(start, self._end())), start
        raise _Outside

    def call(self, func: str, start: int) -> A.Call:
        self._take("(")
        args: list[A.Expr] = []
        kwargs: list[tuple[str, A.Expr]] = []
        if self._peek() != ")":
            while True:
                if (self.i < len(self.tokens) and self.tokens[self.i][0] == "name"
                        and self._peek(1) == "="):
                    key = self._take()[1]
                    self._take("=")
                    kwargs.append((key, self.sum()[0]))
                else:
                    args.append(self.sum()[0])
                if self._peek() != ",":
                    break
                self._take(",")
        self._take(")")
        return A.Call(func, tuple(args), tuple(kwargs), span=self._span(start, self._end()))


def read_expr(text: str, path: str = "<expr>") -> A.Expr | None:
    """The tree of `text` when it is one plainly valid expression on one line, with the
    spans lark's parser gives (line 1, 1-based columns); None otherwise (the caller then
    parses with `rcproof.syntax.parser.parse_expr`, which reports any error)."""
    if "\n" in text or "\ufeff" in text:
        return None
    try:
        return _Reader(text, path).whole()
    except _Outside:
        return None
