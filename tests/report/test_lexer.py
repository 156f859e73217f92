"""The Pygments lexer agrees with the grammar's keywords and lexes real files cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import lark
import pytest
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    is_token_subtype,
)

from rcproof.report import lexer as rc_lexer
from rcproof.report.lexer import RcLexer
from rcproof.resources import grammar_path

# The whole-file and proof examples of LANGUAGE.md, verbatim.
WHOLE_FILE = (Path(__file__).parent.parent / "language_example.rc").read_text(
    encoding="utf-8") + """
theorem smat_out: SMAT notin RC(sqrt(n))
proof
  have s: size(SMAT) = Theta(n^2)               by unfold
  have size(SMAT)^(1/3) = omega(sqrt(n))        by growth using s
  show SMAT notin RC(sqrt(n))                   by unfold
qed
"""


def grammar_keywords() -> set[str]:
    """Every alphabetic double-quoted literal of grammar/rc.lark."""
    text = grammar_path().read_text(encoding="utf-8")
    text = re.sub(r"//[^\n]*", "", text)  # comments may quote words too
    return set(re.findall(r'"([A-Za-z_][A-Za-z0-9_\']*)"', text))


def grammar_literals() -> set[str]:
    """Every literal terminal of the grammar as lark compiles it."""
    parser = lark.Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr")
    return {str(t.pattern.value) for t in parser.terminals if t.pattern.type == "str"}


def grammar_symbols() -> set[str]:
    """The literals that are not ASCII words: `->`, `∈`, `Θ`, `(`, …"""
    return {s for s in grammar_literals() if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_']*", s)}


def tokens(source: str) -> list[tuple[object, str]]:
    return [(t, v) for t, v in RcLexer().get_tokens(source) if v.strip()]


def only_token(word: str) -> object:
    (token,) = tokens(word)
    assert token[1] == word
    return token[0]


def test_grammar_has_keywords() -> None:
    words = grammar_keywords()
    assert {"theorem", "forall", "O", "Theta", "qed", "subsetneq"} <= words
    # The text scan and lark's own view of the grammar agree.
    assert words == grammar_literals() - grammar_symbols()


@pytest.mark.parametrize("word", sorted(grammar_keywords()))
def test_every_grammar_keyword_is_highlighted(word: str) -> None:
    kind = only_token(word)
    if word in rc_lexer.LANDAU:
        assert is_token_subtype(kind, Name.Builtin), (word, kind)
    elif word in rc_lexer.OPERATOR_WORDS:
        assert is_token_subtype(kind, Operator.Word), (word, kind)
    else:
        assert is_token_subtype(kind, Keyword), (word, kind)


def test_word_lists_match_the_grammar_exactly() -> None:
    lists = [rc_lexer.DECLARATIONS, rc_lexer.KEYWORDS, rc_lexer.OPERATOR_WORDS, rc_lexer.LANDAU]
    union: set[str] = set().union(*lists)
    assert sum(len(x) for x in lists) == len(union), "a word is in two lists"
    assert union == grammar_keywords()
    assert not (rc_lexer.BUILTINS & grammar_keywords())  # built-ins are names to the parser


@pytest.mark.parametrize("word", sorted(rc_lexer.BUILTINS))
def test_builtins(word: str) -> None:
    assert is_token_subtype(only_token(word), Name.Builtin)


@pytest.mark.parametrize("symbol", sorted(grammar_symbols()))
def test_every_grammar_symbol_is_lexed(symbol: str) -> None:
    kind = only_token(symbol)
    assert not is_token_subtype(kind, Error), symbol


@pytest.mark.parametrize(("alias", "ascii_"), [
    ("∈", "in"), ("∉", "notin"), ("⊆", "subset"), ("⊊", "subsetneq"), ("∀", "forall"),
    ("Θ", "Theta"), ("Ω", "Omega"), ("ω", "omega"), ("√", "sqrt"), ("∞", "oo"),
])
def test_unicode_aliases_share_the_ascii_token_type(alias: str, ascii_: str) -> None:
    assert only_token(alias) == only_token(ascii_)


def test_whole_file_example_has_no_errors_and_round_trips() -> None:
    stream = list(RcLexer().get_tokens(WHOLE_FILE))
    assert [v for t, v in stream if is_token_subtype(t, Error)] == []
    assert "".join(v for _, v in stream) == WHOLE_FILE


def test_library_files_have_no_errors() -> None:
    from rcproof.resources import library_dir

    files = sorted(Path(library_dir()).glob("*.rc")) if Path(library_dir()).is_dir() else []
    for path in files:
        source = path.read_text(encoding="utf-8")
        errors = [v for t, v in RcLexer().get_tokens(source) if is_token_subtype(t, Error)]
        assert errors == [], path


def test_token_types_in_context() -> None:
    stream = tokens('theorem smat_in: SMAT(p = 0.5) in RC(n^2) -- note\ncite c: n = O(1) "A 1"')
    assert stream == [
        (Keyword.Declaration, "theorem"), (Name.Function, "smat_in"), (Punctuation, ":"),
        (Name, "SMAT"), (Punctuation, "("), (Name, "p"), (Operator, "="),
        (Number.Float, "0.5"), (Punctuation, ")"), (Operator.Word, "in"), (Name, "RC"),
        (Punctuation, "("), (Name.Constant, "n"), (Operator, "^"), (Number.Integer, "2"),
        (Punctuation, ")"), (Comment.Single, "-- note"),
        (Keyword.Declaration, "cite"), (Name.Function, "c"), (Punctuation, ":"),
        (Name.Constant, "n"), (Operator, "="), (Name.Builtin, "O"), (Punctuation, "("),
        (Number.Integer, "1"), (Punctuation, ")"), (String.Double, '"A 1"'),
    ]


def test_declared_names_and_kinds() -> None:
    assert tokens("family F { }")[1] == (Name.Class, "F")
    assert tokens("class K(f) { }")[1] == (Name.Class, "K")
    assert tokens("let x = 1")[1] == (Name.Variable, "x")
    # `family` as the kind of a quantifier is followed by `where`, not a name.
    stream = tokens("forall C : family where size(C) = O(n). C in K")
    assert (Keyword, "where") in stream
    assert (Keyword.Declaration, "family") in stream


def test_names_containing_keywords_are_names() -> None:
    for word in ("into", "Omega2", "order", "poly_x", "O'", "theorem_1", "log2"):
        assert only_token(word) is Name, word


def test_unknown_characters_are_errors() -> None:
    assert any(is_token_subtype(t, Error) for t, _ in tokens("n $ 2"))


def test_lexer_metadata_and_entry_point() -> None:
    assert RcLexer.name == "rcproof"
    assert RcLexer.aliases == ["rc", "rcproof"]
    assert RcLexer.filenames == ["*.rc"]
    tomllib = pytest.importorskip("tomllib")
    pyproject = Path(grammar_path()).resolve().parent.parent / "pyproject.toml"
    if not pyproject.is_file():
        pytest.skip("not a source checkout")
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    target = data["project"]["entry-points"]["pygments.lexers"]["rc"]
    assert target == "rcproof.report.lexer:RcLexer"


def test_registered_with_pygments_when_installed() -> None:
    from importlib.metadata import entry_points

    from pygments.lexers import get_lexer_by_name, guess_lexer_for_filename

    if not any(e.name == "rc" for e in entry_points(group="pygments.lexers")):
        pytest.skip("rcproof is not installed, so its entry point is not visible")
    assert isinstance(get_lexer_by_name("rcproof"), RcLexer)
    assert isinstance(guess_lexer_for_filename("attention.rc", WHOLE_FILE), RcLexer)


def test_analyse_text() -> None:
    assert RcLexer.analyse_text(WHOLE_FILE) > 0.5
    assert RcLexer.analyse_text("fn foo { echo $1 }") == 0.0
