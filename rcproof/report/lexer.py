"""Pygments lexer for `.rc` files (registered as the `rc` entry point in pyproject.toml).

The word lists mirror the keywords of `grammar/rc.lark`; tests/report/test_lexer.py reads
the grammar and fails when the two drift apart. Unicode aliases get the token type of
their ASCII spelling (`∈` like `in`, `Θ` like `Theta`, `√` like `sqrt`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pygments.lexer import RegexLexer
from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
    _TokenType,
)

# Words that start a declaration.
DECLARATIONS = frozenset({"import", "param", "let", "fun", "family", "class", "axiom", "cite",
                          "theorem", "lemma"})
# Other structural keywords: proofs, quantifiers, blocks, kinds.
KEYWORDS = frozenset({"proof", "qed", "have", "show", "by", "using", "where", "exists", "default",
                      "forall", "real"})
# Connectives, membership and inclusion: keywords that read as operators.
OPERATOR_WORDS = frozenset({"and", "or", "not", "in", "notin", "subset", "subsetneq"})
# The Landau relations (keywords of the grammar).
LANDAU = frozenset({"O", "Omega", "Theta", "o", "omega", "poly", "polylog"})
# Built-in functions of expressions (ordinary names for the grammar).
BUILTINS = frozenset({"log", "sqrt", "exp", "max", "min"})
# Constants: `n` is the asymptotic variable, `oo` infinity.
CONSTANTS = frozenset({"n", "oo"})

_NAME = r"[A-Za-z_][A-Za-z0-9_']*"
_AFTER = {"theorem": Name.Function, "lemma": Name.Function, "axiom": Name.Function,
          "cite": Name.Function, "family": Name.Class, "class": Name.Class,
          "let": Name.Variable}


def _word_type(word: str) -> _TokenType:
    if word in DECLARATIONS:
        return Keyword.Declaration
    if word == "real":
        return Keyword.Type
    if word in KEYWORDS:
        return Keyword
    if word in OPERATOR_WORDS:
        return Operator.Word
    if word in LANDAU or word in BUILTINS:
        return Name.Builtin
    if word in CONSTANTS:
        return Name.Constant
    return Name


def _word(lexer: RegexLexer, match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
    """A name or keyword, typed by which list it is in."""
    yield match.start(), _word_type(match.group()), match.group()


def _declaration(lexer: RegexLexer,
                 match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
    """`theorem name`, `family F`, `let x`: the declared name gets its own type."""
    word, space, target = match.group("word", "space", "target")
    yield match.start("word"), _word_type(word), word
    yield match.start("space"), Whitespace, space
    yield match.start("target"), _AFTER[word], target


_RESERVED = "|".join(sorted(DECLARATIONS | KEYWORDS | OPERATOR_WORDS | LANDAU, key=len,
                            reverse=True))


class RcLexer(RegexLexer):
    """Lexer for rcproof's `.rc` files (asymptotic and physical circuit complexity)."""

    name = "rcproof"
    aliases = ["rc", "rcproof"]  # noqa: RUF012 - Pygments' API is class attributes
    filenames = ["*.rc"]  # noqa: RUF012
    mimetypes = ["text/x-rcproof"]  # noqa: RUF012

    def analyse_text(text: str) -> float:  # type: ignore[misc]  # noqa: N805
        """Tell `.rc` proof files from Plan 9 `rc` shell scripts, which share the suffix."""
        if re.search(r"^\s*(theorem|lemma|axiom|cite|family|class)\s+\w+", text, re.M):
            return 0.6
        return 0.0

    tokens = {  # noqa: RUF012
        "root": [
            (r"[ \t\r\n\f]+", Whitespace),
            (r"--[^\n]*", Comment.Single),
            (r'"[^"\n]*"', String.Double),
            (r"[0-9]+\.[0-9]+", Number.Float),
            (r"[0-9]+", Number.Integer),
            (rf"(?P<word>theorem|lemma|axiom|cite|family|class|let)(?P<space>[ \t]+)"
             rf"(?P<target>(?!(?:{_RESERVED})(?![A-Za-z0-9_'])){_NAME})", _declaration),
            (_NAME, _word),
            (r"->|<=|>=|==|[<>=~+\-*/^]", Operator),
            (r"[→≤≥]", Operator),
            (r"[∈∉⊆⊊]", Operator.Word),
            (r"∀", Keyword),
            (r"[ΘΩω√]", Name.Builtin),
            (r"∞", Name.Constant),
            (r"[(){},;:.]", Punctuation),
        ],
    }
