"""Syntax errors in words: what was expected, never grammar terminal names.

lark reports an unexpected token together with the set of terminals the LALR table would
have accepted. That set is exact but unhelpful (after a complete expression it holds two
dozen operators), so this module first looks at the tokens before the error (which
declaration we are in, what is still open, what the previous token was) and names the
most likely mistake; only when no rule fits does it fall back to describing the set.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rcproof.errors import RcError, did_you_mean
from rcproof.syntax.ast import Span

if TYPE_CHECKING:  # lark itself is imported only when a message is built (start-up)
    import lark
    from lark import Token

Lexer = Callable[[str], Iterable["Token"]]

_DECL_WORDS = ("theorem", "lemma", "let", "fun", "family", "class", "param", "import",
               "axiom", "cite")
_NAMED_DECLS = {"theorem": "theorem", "lemma": "lemma", "axiom": "axiom", "cite": "citation",
                "let": "abbreviation", "family": "family", "class": "class"}
_LANDAU_WORDS = {"O", "Omega", "Theta", "o", "omega", "Ω", "Θ", "ω", "poly", "polylog"}
_BUILTINS = {"log", "sqrt", "exp", "max", "min"}
_CMP_OPS = {"<", "<=", ">", ">=", "==", "≤", "≥"}
_MEMBER_OPS = {"in", "notin", "∈", "∉"}
_INCLUDE_OPS = {"subset", "subsetneq", "⊆", "⊊"}
_RELATION_OPS = {"=", "~"} | _CMP_OPS | _MEMBER_OPS | _INCLUDE_OPS
_CONNECTIVES = {"and", "or", "->", "→", "not"}
_ARITH_OPS = {"+", "-", "*", "/", "^"}
_OPENERS = {"(": ")", "{": "}"}
_CLOSERS = {")": "(", "}": "{"}
_IGNORED = {"WS", "COMMENT"}
_TACTICS = "auto, unfold, growth, smt, limit, or the name of a fact"
_UNICODE_DUPLICATES = {"→", "∀", "∈", "∉", "⊆", "⊊", "≤", "≥", "Ω", "Θ", "ω", "√", "∞"}

# Characters people type from other languages, with the fix in words.
_CHAR_HINTS = {
    "#": ("`#` does not start a comment", "comments start with `--`"),
    "\\": ("`\\` is not used: the language has no LaTeX commands",
           "write the word: subset, subsetneq, in, notin, and, or, ->, not, forall"),
    "[": ("square brackets are not used", "group with parentheses `(…)`"),
    "]": ("square brackets are not used", "group with parentheses `(…)`"),
    "·": ("`·` is not an operator", "write `*` for multiplication"),
    "⋅": ("`⋅` is not an operator", "write `*` for multiplication"),
    "×": ("`×` is not an operator", "write `*` for multiplication"),
    "−": ("`−` (a typographic minus) is not an operator", "write `-`"),
    "–": ("`–` (a dash) is not an operator", "write `-`"),
    "≠": ("`≠` is not an operator", "write `not (a == b)`"),
    "⇒": ("`⇒` is not an operator", "write `->` for implication"),
    "∧": ("`∧` is not an operator", "write `and`"),
    "∨": ("`∨` is not an operator", "write `or`"),
    "¬": ("`¬` is not an operator", "write `not`"),
    "∃": ("`∃` is not a quantifier here",
          "existential variables are only declared inside a class: `exists t { … }`"),
    "'": ("a name cannot start with `'`", 'quote text with double quotes: "…"'),
    "%": ("`%` is not an operator", "write `/` for division"),
}
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_']*")


def _code(text: str) -> str:
    return f"`{text}`"


def _found(token: Token | None) -> str:
    if token is None:
        return "the end of the file"
    if token.type == "STRING":
        return "quoted text"
    return _code(str(token))


def _is_name(token: Token | None) -> bool:
    return token is not None and token.type == "NAME"


def _ends_expr(token: Token | None) -> bool:
    """True when an expression could end with this token (so an operator may follow)."""
    return token is not None and (token.type in ("NAME", "NUMBER") or str(token) in (")", "∞"))


def _starts_expr(token: Token | None) -> bool:
    return token is not None and (token.type in ("NAME", "NUMBER")
                                  or str(token) in ("(", "√", "∞"))


@dataclass
class _Context:
    """What the tokens before the error say about where the user is."""

    source: str
    path: str
    got: Token | None  # None: the end of the input
    expected: set[str]
    tokens: list[Token] = field(default_factory=list)  # the tokens before `got`
    after: list[Token] = field(default_factory=list)  # `got` and a few tokens after it
    opens: list[Token] = field(default_factory=list)  # unclosed `(` and `{`
    decl: Token | None = None  # the keyword of the declaration being read
    decl_name: str | None = None
    in_proof: bool = False
    step: Token | None = None  # the `have`/`show` whose `by` is still missing
    forall_header: bool = False  # between `forall` and its `.`
    where_kind: str | None = None  # "real", "fun", "family" inside a `where`
    exists_block: bool = False

    @property
    def prev(self) -> Token | None:
        return self.tokens[-1] if self.tokens else None

    @property
    def prev2(self) -> Token | None:
        return self.tokens[-2] if len(self.tokens) > 1 else None

    @property
    def nxt(self) -> Token | None:
        return self.after[1] if len(self.after) > 1 else None

    def decl_word(self) -> str:
        return _NAMED_DECLS.get(str(self.decl), "declaration")

    def decl_phrase(self) -> str:
        if self.decl is None:
            return "the declaration"
        if self.decl_name:
            return f"{self.decl_word()} `{self.decl_name}`"
        return f"the {self.decl_word()}"

    def in_block(self) -> bool:
        return bool(self.opens) and str(self.opens[-1]) == "{"


def _scan(ctx: _Context) -> None:
    """Fill in the context by one pass over the tokens before the error."""
    forall_depth = 0
    exists_depth: int | None = None
    tokens = ctx.tokens
    for i, tok in enumerate(tokens):
        text = str(tok)
        previous = str(tokens[i - 1]) if i > 0 else ""
        if text in _OPENERS:
            ctx.opens.append(tok)
            if text == "{" and i > 1 and str(tokens[i - 2]) == "exists":
                exists_depth = len(ctx.opens)
        elif text in _CLOSERS:
            if ctx.opens and str(ctx.opens[-1]) == _CLOSERS[text]:
                if exists_depth == len(ctx.opens):
                    exists_depth = None
                ctx.opens.pop()
        elif tok.type != "NAME" and text in _DECL_WORDS and not ctx.opens and previous != ":":
            ctx.decl, ctx.decl_name = tok, None
            if i + 1 < len(tokens) and tokens[i + 1].type == "NAME":
                ctx.decl_name = str(tokens[i + 1])
            ctx.in_proof, ctx.step = False, None
            ctx.forall_header, ctx.where_kind = False, None
        elif text == "proof":
            ctx.in_proof = True
        elif text == "qed":
            ctx.in_proof, ctx.step = False, None
        elif text in ("have", "show"):
            ctx.step = tok
        elif text == "by":
            ctx.step = None
        elif text in ("forall", "∀"):
            ctx.forall_header, ctx.where_kind = True, None
            forall_depth = len(ctx.opens)
        elif text == "where":
            if ctx.forall_header:
                ctx.where_kind = previous if previous in ("real", "fun", "family") else None
            elif str(ctx.decl) == "param":
                ctx.where_kind = "real"
        elif text == "." and ctx.forall_header and len(ctx.opens) == forall_depth:
            ctx.forall_header, ctx.where_kind = False, None
    ctx.exists_block = exists_depth is not None and exists_depth == len(ctx.opens)


def _lex_prefix(lex: Lexer | None, source: str, stop: int, more: int) -> tuple[list[Token],
                                                                             list[Token]]:
    """Tokens that start before `stop`, and up to `more` tokens from `stop` on."""
    before: list[Token] = []
    after: list[Token] = []
    if lex is None:
        return before, after
    import lark

    try:
        for tok in lex(source):
            if (tok.start_pos or 0) < stop:
                before.append(tok)
            else:
                after.append(tok)
                if len(after) >= more:
                    break
    except lark.exceptions.LarkError:
        pass
    return before, after


# ---- describing expected sets -----------------------------------------------------------


def _describe(expected: set[str]) -> str:
    """Turn a set of expected token texts into one short phrase, most useful first.

    At most four alternatives are named: a long list helps nobody, and the rules above
    already handle the places where the set is large.
    """
    rest = set(expected) - _UNICODE_DUPLICATES - {"-"} - _IGNORED
    parts: list[str] = []
    if rest & {"forall", "not"}:
        parts.append("a statement")
        rest -= {"forall", "not", "NAME", "NUMBER", "("}
    if rest & _LANDAU_WORDS:
        parts.append("a Landau relation such as `O(…)`")
        rest -= _LANDAU_WORDS
    if rest & _RELATION_OPS:
        parts.append("a relation such as `= O(…)`, `in` or `<`")
        rest -= _RELATION_OPS
    if rest & {"NAME", "NUMBER"}:
        parts.append("an expression" if "NUMBER" in rest else "a name")
        rest -= {"NAME", "NUMBER", "("}
    if rest & _ARITH_OPS:
        parts.append("an operator")
        rest -= _ARITH_OPS
    if rest & _CONNECTIVES:
        parts.append("`and`, `or`, `->`")
        rest -= _CONNECTIVES
    declaration = bool(rest & set(_DECL_WORDS))
    rest -= set(_DECL_WORDS)
    end = "$END" in rest
    rest.discard("$END")
    words = {"STRING": "quoted text"}
    for token in sorted(rest, key=lambda t: (len(t) > 1, t)):
        if re.fullmatch(r"[A-Z_][A-Z0-9_]*", token) and token not in words:
            continue  # an unnamed terminal: never show it
        parts.append(words.get(token, _code(token)))
    if declaration:
        parts.append("a new declaration" if parts else "a declaration such as `theorem` or `let`")
    elif end:
        parts.append("the end of the input")
    parts = parts[:4]
    if not parts:
        return "something else"
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " or " + parts[-1]


# ---- building the error ---------------------------------------------------------------


def _span_at(ctx: _Context, tok: Token | None) -> Span:
    """The span of `tok`, or just after the last token at the end of the input."""
    if tok is not None:
        width = max(1, (tok.end_pos or 0) - (tok.start_pos or 0)) if tok.end_line == tok.line \
            else 1
        return Span(ctx.path, tok.line or 1, tok.column or 1, tok.line or 1,
                    (tok.column or 1) + width)
    return _after_prev(ctx)


def _after_prev(ctx: _Context) -> Span:
    prev = ctx.prev
    if prev is None:
        return Span(ctx.path, 1, 1, 1, 2)
    line, col = prev.end_line or 1, prev.end_column or 1
    return Span(ctx.path, line, col, line, col + 1)


def _missing_span(ctx: _Context) -> Span:
    """Where something is missing: at `got` on the same line, else right after `prev`."""
    got, prev = ctx.got, ctx.prev
    if got is not None and (prev is None or got.line == prev.end_line):
        return _span_at(ctx, got)
    return _after_prev(ctx)


def _error(ctx: _Context, message: str, span: Span, hint: str | None = None) -> RcError:
    return RcError(message, span, hint, ctx.source)


def _missing(ctx: _Context, what: str, hint: str | None = None) -> RcError:
    """`expected X after Y[, found Z]`, pointing where X should go."""
    message = what
    got = ctx.got
    if got is not None and ctx.prev is not None and got.line == ctx.prev.end_line:
        message += f", found {_found(got)}"
        if got.type != "NAME" and _NAME_RE.fullmatch(str(got)) \
                and "NAME" in ctx.expected:  # more specific than the caller's hint
            hint = f"`{got}` is a keyword and cannot be used as a name"
    return _error(ctx, message, _missing_span(ctx), hint)


# ---- rules, tried in order --------------------------------------------------------------

Rule = Callable[[_Context], "RcError | None"]


def _rule_unmatched_closer(ctx: _Context) -> RcError | None:
    got = ctx.got
    if got is None or str(got) not in _CLOSERS or str(got) in ctx.expected:
        return None
    want = _CLOSERS[str(got)]
    if not ctx.opens:
        return _error(ctx, f"unmatched `{got}`: there is no open `{want}` to close",
                      _span_at(ctx, got), f"remove this `{got}` or add the matching `{want}`")
    top = ctx.opens[-1]
    if str(top) != want:
        close = _OPENERS[str(top)]
        return _error(ctx, f"expected `{close}` to close the `{top}` at line {top.line}, "
                      f"column {top.column}, found `{got}`", _span_at(ctx, got),
                      f"add `{close}` before this `{got}`")
    return None


def _rule_reserved_name(ctx: _Context) -> RcError | None:
    """A keyword where the grammar wants a name (`let in = 3`): lark says 'expected NAME'."""
    got = ctx.got
    if got is None or "NAME" not in ctx.expected or got.type == "NAME":
        return None
    text = str(got)
    if not _NAME_RE.fullmatch(text):
        return None
    if ctx.expected & ({"NUMBER", "("} | _LANDAU_WORDS):
        return None  # an expression position: other rules say it better
    if text in _DECL_WORDS and (ctx.prev is None or got.line != ctx.prev.end_line
                                or ctx.opens or ctx.in_proof):
        return None  # a new declaration: something before it is unfinished
    if ctx.prev is not None and str(ctx.prev) in ("by", "using", "let") and \
            got.line != ctx.prev.end_line:
        return None  # the line ended too early: say what is missing there
    return _reserved(ctx, got)


def _reserved(ctx: _Context, got: Token) -> RcError:
    text = str(got)
    prev = str(ctx.prev) if ctx.prev is not None else ""
    span = _span_at(ctx, got)
    if prev == "by":
        return _error(ctx, f"expected a tactic after `by`, found the keyword `{text}`", span,
                      f"tactics are {_TACTICS}")
    if prev == "using":
        return _error(ctx, f"expected the name of a fact after `using`, found the keyword "
                      f"`{text}`", span, "write `using a, b` with the names of earlier facts")
    if text in _LANDAU_WORDS and ctx.nxt is not None and str(ctx.nxt) == "(":
        return _error(ctx, f"`{text}(…)` can only follow `=` in a relation", span,
                      f"write `f = {text}(g)`; a Landau class is not an expression")
    return _error(ctx, f"`{text}` is a keyword and cannot be used as a name", span,
                  f"choose another name, such as `{text}_` or `{text}2`")


def _rule_bad_dot(ctx: _Context) -> RcError | None:
    """`1.` and `.5`: numbers need digits on both sides of the point."""
    got, prev = ctx.got, ctx.prev
    if got is None or str(got) != "." or "." in ctx.expected:
        return None
    start = got.start_pos or 0
    if prev is not None and prev.type == "NUMBER" and prev.end_pos == start:
        return _error(ctx, f"a number cannot end with `.`: `{prev}.`",
                      _span_at(ctx, got), f"write `{prev}` or `{prev}.0`")
    digits = re.match(r"[0-9]+", ctx.source[start + 1:])
    if digits:
        return _error(ctx, f"a number cannot start with `.`: `.{digits.group()}`",
                      _span_at(ctx, got), f"write `0.{digits.group()}`")
    return None


def _rule_comment_slashes(ctx: _Context) -> RcError | None:
    got, prev = ctx.got, ctx.prev
    if (got is not None and prev is not None and str(got) == "/" and str(prev) == "/"
            and prev.end_pos == got.start_pos):
        return _error(ctx, "`//` does not start a comment", _span_at(ctx, prev),
                      "comments start with `--`")
    return None


def _rule_arrow_typos(ctx: _Context) -> RcError | None:
    got, prev = ctx.got, ctx.prev
    if got is None or prev is None or str(prev) != "=" or prev.end_pos != got.start_pos:
        return None
    if str(got) == ">":
        span = Span(ctx.path, prev.line or 1, prev.column or 1, prev.line or 1,
                    (prev.column or 1) + 2)
        return _error(ctx, "`=>` is not an operator", span,
                      "write `->` for implication or `>=` for a comparison")
    if str(got) == "<":
        span = Span(ctx.path, prev.line or 1, prev.column or 1, prev.line or 1,
                    (prev.column or 1) + 2)
        return _error(ctx, "`=<` is not an operator", span, "write `<=`")
    return None


def _rule_landau_without_eq(ctx: _Context) -> RcError | None:
    """`n O(n)` and `n = O(n) O(n)`: a Landau word where `=` must come first."""
    got = ctx.got
    if got is None or str(got) not in _LANDAU_WORDS or "=" not in ctx.expected:
        return None
    if str(ctx.prev) == "=":
        return None
    chained = any(str(a) == "=" and str(b) in _LANDAU_WORDS
                  for a, b in zip(_statement(ctx), _statement(ctx)[1:]))
    hint = (f"chain relations with `=` each time: `f = O(g) = {got}(h)`" if chained
            else f"a Landau relation is written `f = {got}(g)`")
    return _error(ctx, f"expected `=` before `{got}`", _span_at(ctx, got), hint)


def _statement(ctx: _Context) -> list[Token]:
    """The tokens of the current declaration after its first `:`."""
    out: list[Token] = []
    for tok in reversed(ctx.tokens):
        if tok is ctx.decl:
            break
        out.append(tok)
    out.reverse()
    for i, tok in enumerate(out):
        if str(tok) == ":":
            return out[i + 1:]
    return []


def _rule_landau_as_expression(ctx: _Context) -> RcError | None:
    """`O(n) = O(n)`, `RC(O(n))`: a Landau class used where an expression belongs."""
    got = ctx.got
    if (got is None or str(got) not in _LANDAU_WORDS or ctx.expected & _LANDAU_WORDS
            or "NUMBER" not in ctx.expected):
        return None
    return _error(ctx, f"`{got}(…)` can only follow `=` in a relation", _span_at(ctx, got),
                  f"write `f = {got}(g)`; a Landau class is not an expression")


def _rule_landau_arguments(ctx: _Context) -> RcError | None:
    """`O(n, m)`: a Landau relation has exactly one argument."""
    got, tokens = ctx.got, ctx.tokens
    if got is None or str(got) != "," or not ctx.opens or str(ctx.opens[-1]) != "(":
        return None
    index = next(i for i in range(len(tokens) - 1, -1, -1) if tokens[i] is ctx.opens[-1])
    if index == 0 or str(tokens[index - 1]) not in _LANDAU_WORDS:
        return None
    word = tokens[index - 1]
    return _error(ctx, f"`{word}(…)` takes one expression, found `,`", _span_at(ctx, got),
                  f"write one relation per bound: `f = {word}(g) and f = {word}(h)`, "
                  f"or `{word}(max(g, h))`")


def _rule_landau_without_paren(ctx: _Context) -> RcError | None:
    got, prev = ctx.got, ctx.prev
    if prev is None or str(prev) not in _LANDAU_WORDS or "(" not in ctx.expected:
        return None
    arg = str(got) if got is not None and got.type in ("NAME", "NUMBER") else "…"
    return _missing(ctx, f"expected `(` after `{prev}`",
                    f"the argument of a Landau relation goes in parentheses: `{prev}({arg})`")


def _rule_call_without_paren(ctx: _Context) -> RcError | None:
    got, prev = ctx.got, ctx.prev
    if (prev is None or str(prev) not in _BUILTINS or got is None
            or got.type not in ("NAME", "NUMBER") or got.line != prev.end_line):
        return None
    return _error(ctx, f"expected `(` after `{prev}`", _span_at(ctx, got),
                  f"function arguments go in parentheses: `{prev}({got})`")


def _rule_names_without_comma(ctx: _Context) -> RcError | None:
    """`fun f g`, `param a b : real`: a list of names needs commas."""
    got, prev = ctx.got, ctx.prev
    if not (_is_name(got) and _is_name(prev) and "," in ctx.expected):
        return None
    if str(ctx.decl) not in ("fun", "param") and not ctx.forall_header:
        return None
    if ctx.where_kind is not None:
        return None
    return _error(ctx, f"expected `,` between the names `{prev}` and `{got}`",
                  _span_at(ctx, got), f"separate names with commas: `{prev}, {got}`")


def _rule_step_label(ctx: _Context) -> RcError | None:
    got, prev = ctx.got, ctx.prev
    if (_is_name(prev) and ctx.prev2 is not None and str(ctx.prev2) in ("have", "show")
            and _starts_expr(got) and ":" in ctx.expected):
        return _error(ctx, f"expected `:` after the step label `{prev}`",
                      _span_at(ctx, got), f"write `{ctx.prev2} {prev}: <statement> by <tactic>`")
    return None


# Words from other notations (LaTeX, Isabelle, Lean, set theory) for an operator of ours.
_OPERATOR_SYNONYMS = {
    **dict.fromkeys(("strictsubset", "propersubset", "psubset", "ssubset", "subsetneqq",
                     "subsetnq", "ssubseteq", "lt_set"), "subsetneq"),
    **dict.fromkeys(("subseteq", "sube", "subseteqq", "le_set"), "subset"),
    **dict.fromkeys(("isin", "elem", "member", "memberof", "element", "mem", "belongs"),
                    "in"),
    **dict.fromkeys(("nin", "notelem", "notmember", "notmem", "not_in", "isnotin"), "notin"),
    **dict.fromkeys(("implies", "then", "imp"), "->"),
    **dict.fromkeys(("AND", "And", "land", "wedge"), "and"),
    **dict.fromkeys(("OR", "Or", "lor", "vee"), "or"),
}
_OPERATOR_WORDS = ("notin", "subset", "subsetneq")  # long enough to spot a typo of


def _operator_meant(word: str) -> str | None:
    """The operator a misspelt or foreign operator word stands for, if any."""
    import difflib

    if word in _OPERATOR_SYNONYMS:
        return _OPERATOR_SYNONYMS[word]
    if len(word) < 5:
        return None
    close = difflib.get_close_matches(word.lower(), _OPERATOR_WORDS, n=1, cutoff=0.75)
    return close[0] if close else None


def _rule_operator_word(ctx: _Context) -> RcError | None:
    """`RC(n) strictsubset RC(n^2)`, `F isin K`, `p implies q`: a word from another
    notation, or a misspelt operator, where an operator belongs."""
    got, prev = ctx.got, ctx.prev
    if not (_is_name(got) and _ends_expr(prev)) or got is None or prev is None:
        return None
    if got.line != prev.end_line:
        return None
    meant = _operator_meant(str(got))
    if meant is None:
        return None
    return _error(ctx, f"`{got}` is not an operator", _span_at(ctx, got),
                  f"did you mean `{meant}`? (operators: in, notin, subset, subsetneq, "
                  "and, or, ->, not)")


def _rule_juxtaposed(ctx: _Context) -> RcError | None:
    """`3 4`, `n log(n)`: two expressions with no operator between them."""
    got, prev = ctx.got, ctx.prev
    if not (_ends_expr(prev) and _starts_expr(got)) or prev is None or got is None:
        return None
    if got.line != prev.end_line:
        return None
    if prev.type == "NAME" and str(got) == "(":
        return None  # a call: not this mistake
    if _closes_landau(ctx):
        return None  # `f = O(g) h`: the statement is complete, the expression is not
    if str(ctx.decl) in ("fun", "import") or (ctx.forall_header and ctx.where_kind is None):
        return None
    right = f"{got}(…)" if ctx.nxt is not None and str(ctx.nxt) == "(" else str(got)
    left = "(…)" if str(prev) == ")" else str(prev)
    return _error(ctx, f"expected an operator between `{prev}` and `{got}`",
                  _span_at(ctx, got), f"write `{left} * {right}` for a product")


def _closes_landau(ctx: _Context) -> bool:
    """True when the previous token is the `)` of `O(…)`, `Theta(…)`, …"""
    tokens = ctx.tokens
    if not tokens or str(tokens[-1]) != ")":
        return False
    depth = 0
    for i in range(len(tokens) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(str(tokens[i]), 0)
        if depth == 0:
            return i > 0 and str(tokens[i - 1]) in _LANDAU_WORDS
    return False


def _rule_eq_in_constraint(ctx: _Context) -> RcError | None:
    """`param e : real where e = 1`: `=` is a Landau relation, comparisons use `==`."""
    got, prev = ctx.got, ctx.prev
    if prev is None or str(prev) != "=" or not (ctx.expected & _LANDAU_WORDS):
        return None
    if got is not None and not _starts_expr(got) and str(got) != "-":
        return None
    if ctx.where_kind == "real":
        return _error(ctx, "a constraint compares with `==`, not `=`", _span_at(ctx, prev),
                      "write `==` here; `=` is only used in Landau relations like `f = O(g)`")
    if got is None or got.line != prev.end_line:
        return None
    landau = _landau_spelling(str(got))
    hint = (f"did you mean `{landau}`? Landau symbols are case-sensitive" if landau else
            f"write `= Theta({got})` to state a growth rate, or `==` to compare numbers")
    return _error(ctx, f"expected a Landau relation such as `O(…)` or `Theta(…)` after `=`, "
                  f"found {_found(got)}", _span_at(ctx, got), hint)


def landau_spelling(word: str) -> str | None:
    """The Landau symbol a misspelt word means (`theta` → `Theta`), or None."""
    return _landau_spelling(word)


def _landau_spelling(word: str) -> str | None:
    spellings = {"theta": "Theta", "bigtheta": "Theta", "big_theta": "Theta",
                 "bigomega": "Omega", "big_omega": "Omega", "bigo": "O", "big_o": "O",
                 "littleo": "o", "little_o": "o", "littleomega": "omega",
                 "little_omega": "omega", "Big_O": "O", "BigO": "O", "Th": "Theta"}
    if word in _LANDAU_WORDS:
        return None
    return spellings.get(word) or spellings.get(word.lower())


def _rule_landau_after_eq(ctx: _Context) -> RcError | None:
    """`n = ` followed by something that cannot start a Landau relation."""
    prev, got = ctx.prev, ctx.got
    if prev is None or str(prev) != "=" or not (ctx.expected & _LANDAU_WORDS):
        return None
    if _starts_expr(got) or (got is not None and str(got) in _LANDAU_WORDS):
        return None
    if "NUMBER" in ctx.expected:  # a resource: `size = E` or `size = O(E)`
        return _missing(ctx, "expected an expression or a bound such as `O(…)` after `=`")
    return _missing(ctx, "expected a Landau relation such as `O(…)` or `Theta(…)` after `=`",
                    "a relation is written `f = O(g)`")


def _rule_constraint_and(ctx: _Context) -> RcError | None:
    got = ctx.got
    if got is not None and str(got) == "and" and ctx.where_kind is not None \
            and "," in ctx.expected:
        return _error(ctx, "`where` conditions are separated by `,`, not `and`",
                      _span_at(ctx, got), "replace `and` by `,`: `where A, B`")
    return None


def _rule_forall_dot(ctx: _Context) -> RcError | None:
    if not ctx.forall_header or "." not in ctx.expected:
        return None
    if ctx.got is not None and str(ctx.got) in (",",):
        return None
    if "where" in ctx.expected:
        return _missing(ctx, "expected `where` or `.` after the quantified variables",
                        "write `forall x : real where x > 0. <statement>`")
    return _missing(ctx, "expected `.` to end the `forall … where …` part",
                    "write `forall x : real where x > 0. <statement>`")


def _rule_forall_kind(ctx: _Context) -> RcError | None:
    if not ctx.forall_header or not ({"real", "fun", "family"} <= ctx.expected):
        return None
    return _missing(ctx, "expected a kind after `:`: `real`, `fun` or `family`",
                    "write `forall x : real. …`, `forall f : fun. …` or `forall C : family. …`")


def _rule_param_kind(ctx: _Context) -> RcError | None:
    if str(ctx.decl) != "param" or ctx.expected != {"real"}:
        return None
    return _missing(ctx, "expected `real` after `:`",
                    "parameters are real numbers: `param x : real`")


def _rule_colon(ctx: _Context) -> RcError | None:
    """`theorem t SMAT in RC(n)`, `param e real`, `forall x real`."""
    if ":" not in ctx.expected or not _is_name(ctx.prev):
        return None
    if ctx.forall_header:
        return _missing(ctx, "expected `:` and a kind after the quantified variables",
                        "write `forall x : real. …`")
    word = str(ctx.decl)
    if word == "param":
        return _missing(ctx, "expected `:` after the parameter name",
                        f"write `param {ctx.prev} : real`")
    if word in ("theorem", "lemma", "axiom", "cite") and ctx.prev2 is ctx.decl:
        return _missing(ctx, f"expected `:` after the {ctx.decl_word()} name `{ctx.prev}`",
                        f"write `{word} {ctx.prev}: <statement>`")
    return None


def _rule_missing_name(ctx: _Context) -> RcError | None:
    prev = ctx.prev
    if prev is None or "NAME" not in ctx.expected:
        return None
    if prev is not ctx.decl and str(prev) != "let":
        return None
    word = str(prev)
    if word == "import":
        return _missing(ctx, "expected a module name or a quoted file path after `import`",
                        'write `import physics` or `import "file.rc"`')
    examples = {
        "theorem": "theorem name: <statement>", "lemma": "lemma name: <statement>",
        "axiom": "axiom name: <statement>", "cite": 'cite name: <statement> "reference"',
        "let": "let x = <expression>", "fun": "fun f, g", "param": "param x : real",
        "family": "family F(a = 1) { size = …; depth = … }",
        "class": "class K(f) { depth = O(f) }",
    }
    return _missing(ctx, f"expected a name after `{word}`",
                    f"write `{examples.get(word, word + ' name')}`")


def _rule_empty_statement(ctx: _Context) -> RcError | None:
    prev = ctx.prev
    if ctx.got is not None and str(ctx.got) == "exists" and prev is not None:
        return _missing(ctx, "a statement cannot use `exists` (only a class body can)",
                        "write `not (forall x : real. not (…))` for `exists x : real. …`")
    if (prev is None or str(prev) != ":" or ctx.prev2 is None or ctx.decl is None
            or str(ctx.decl) not in ("theorem", "lemma", "axiom", "cite")
            or str(ctx.prev2) != ctx.decl_name or _starts_expr(ctx.got)):
        return None
    return _missing(ctx, f"the {ctx.decl_phrase()} has no statement",
                    f"write the statement after `:`, e.g. `{ctx.decl} {ctx.decl_name}: f = O(g)`")


def _rule_param_list(ctx: _Context) -> RcError | None:
    """`family F(`, `family F(a = )`, `family F(a, )`: the parameter list of a declaration."""
    prev, prev2 = ctx.prev, ctx.prev2
    if (prev is None or prev2 is None or str(ctx.decl) not in ("family", "class")
            or len(ctx.opens) != 1 or str(ctx.opens[0]) != "(" or _starts_expr(ctx.got)
            or "NAME" not in ctx.expected):
        return None
    if str(prev) == "(" and str(prev2) == ctx.decl_name:
        return _missing(ctx, "expected a parameter name or `)` after `(`",
                        f"write `{ctx.decl} {ctx.decl_name}(a = 1, b)` or leave out the "
                        "parentheses")
    if str(prev) == "=" and _is_name(prev2):
        return _missing(ctx, f"expected a default value after `{prev2} =`",
                        f"write `{prev2} = 1`, or just `{prev2}` for a parameter without a "
                        "default")
    if str(prev) == ",":
        return _missing(ctx, "expected a parameter name after `,`",
                        "remove the trailing `,` or add another parameter")
    return None


def _rule_missing_operand(ctx: _Context) -> RcError | None:
    """An operator (or `(`, `=`, `,` …) that is not followed by what it needs."""
    prev, got = ctx.prev, ctx.got
    if prev is None or _starts_expr(got) or not ({"NAME", "NUMBER"} & ctx.expected):
        return None
    if got is not None and str(got) in ("-", "not", "forall", "∀", "√"):
        return None
    text = str(prev)
    if text in ("have", "show") and got is not None and str(got) == ":":
        return _missing(ctx, f"expected a statement after `{text}`",
                        f"a step's label goes before the `:`: `{text} s: <statement> by …`")
    if text in ("forall", "∀"):
        return _missing(ctx, f"expected the quantified variables after `{text}`",
                        "write `forall x : real. …`")
    if text == "," and (str(ctx.decl) in ("fun", "param") or ctx.forall_header) \
            and ctx.where_kind is None and not ctx.opens:
        return _missing(ctx, "expected a name after `,`", "remove the trailing `,`")
    if text in ("have", "show") or (text == ":" and ctx.step is not None):
        what = f"expected a statement after `{text}`"
        hint = "write the claim, e.g. `have h: size(F) = O(n^2) by auto`"
    elif text == "(" and ctx.prev2 is not None and str(ctx.prev2) in _LANDAU_WORDS:
        what = f"expected an expression inside `{ctx.prev2}(…)`"
        hint = f"write the bounding function, e.g. `{ctx.prev2}(n^2)`"
    elif text == ".":
        what = "expected a statement after the `.` of `forall`"
        hint = "write what holds for the variables, e.g. `forall x : real. n^x = O(n^(x+1))`"
    elif text in _MEMBER_OPS:
        what = f"expected a class after `{text}`, such as `RC(…)`"
        hint = f"write a class instance, e.g. `F {text} RC(n)`"
    elif text in _INCLUDE_OPS:
        what = f"expected a class after `{text}`"
        hint = f"write a class instance, e.g. `RC(n) {text} RC(n^2)`"
    elif text in _CONNECTIVES:
        what = f"expected a statement after `{text}`"
        hint = f"complete the statement after `{text}`, or remove `{text}`"
    elif text == "^":
        what = "expected an exponent after `^`"
        hint = "write the exponent, e.g. `n^2` or `n^(1/3)`"
    elif text == "where":
        what = "expected a condition after `where`"
        hint = "write a comparison, e.g. `where d >= 2`, or remove `where`"
    elif text in _ARITH_OPS or text in _CMP_OPS or text in ("=", "~", "(", ",", "√"):
        what = f"expected an expression after `{text}`"
        hint = f"complete the expression after `{text}`, or remove `{text}`"
    else:
        return None
    return _missing(ctx, what, hint)


def _rule_unclosed_paren(ctx: _Context) -> RcError | None:
    if ")" not in ctx.expected or not ctx.opens or str(ctx.opens[-1]) != "(":
        return None
    got = ctx.got
    if got is not None and (_starts_expr(got) or str(got) in _LANDAU_WORDS):
        return None
    top = ctx.opens[-1]
    return _missing(ctx, f"expected `)` to close the `(` at line {top.line}, column {top.column}",
                    "add the missing `)`")


def _rule_missing_by(ctx: _Context) -> RcError | None:
    if not ctx.in_proof or ctx.step is None or "by" not in ctx.expected:
        return None
    return _missing(ctx, "expected `by` and a tactic at the end of the proof step",
                    "end the step with `by` and a tactic, e.g. `by auto`")


def _rule_missing_tactic(ctx: _Context) -> RcError | None:
    if ctx.prev is None or "NAME" not in ctx.expected:
        return None
    if str(ctx.prev) == "using":
        return _missing(ctx, "expected the name of a fact after `using`",
                        "write `using a, b` with the names of earlier facts")
    if str(ctx.prev) != "by":
        return None
    return _missing(ctx, "expected a tactic after `by`", f"tactics are {_TACTICS}")


def _rule_using(ctx: _Context) -> RcError | None:
    got = ctx.got
    if (ctx.in_proof and "using" in ctx.expected and _is_name(got) and ctx.prev is not None
            and ctx.prev.type == "NAME" and str(ctx.prev2) == "by"):
        return _error(ctx, f"expected `using` before the fact `{got}`", _span_at(ctx, got),
                      f"write `by {ctx.prev} using {got}`")
    return None


def _rule_missing_qed(ctx: _Context) -> RcError | None:
    if not ctx.in_proof or "qed" not in ctx.expected:
        return None
    return _missing(ctx, f"expected `qed` to end the proof of {ctx.decl_phrase()}",
                    "add `qed` after the last step (steps start with `have` or `show`)")


def _rule_resource_eq(ctx: _Context) -> RcError | None:
    """`family F { depth }`: a resource name without `= E`."""
    if (str(ctx.decl) != "family" or not ctx.in_block() or not _is_name(ctx.prev)
            or "=" not in ctx.expected or _starts_expr(ctx.got)):
        return None
    return _missing(ctx, f"expected `=` after the resource `{ctx.prev}`",
                    f"write `{ctx.prev} = E` (exact growth) or `{ctx.prev} = O(E)` (a bound)")


def _rule_missing_relation(ctx: _Context) -> RcError | None:
    """A statement that is a bare expression: `theorem t: n`."""
    if not (ctx.expected & {"=", "~", "in", "<"}) or not _ends_expr(ctx.prev):
        return None
    if ctx.expected & {"and", "or", "->", "$END", "by", "proof", ",", "."}:
        return None  # the statement is already complete
    got = ctx.got
    if got is not None and (_starts_expr(got) or str(got) in _RELATION_OPS):
        return None
    return _missing(ctx, f"expected a relation after `{_last_atom(ctx)}`, such as `= O(…)`, "
                    "`in` or `<`",
                    "a statement relates two things: `f = O(g)`, `F in RC(f)`, `0 < e`")


def _last_atom(ctx: _Context) -> str:
    """The source text of the call or atom that ends just before the error (`size(F)`)."""
    tokens = ctx.tokens
    end = len(tokens) - 1
    start = end
    if str(tokens[end]) == ")":
        depth = 0
        for i in range(end, -1, -1):
            depth += {")": 1, "(": -1}.get(str(tokens[i]), 0)
            if depth == 0:
                start = i
                break
        if start > 0 and tokens[start - 1].type == "NAME":
            start -= 1
    text = ctx.source[tokens[start].start_pos or 0:tokens[end].end_pos or 0]
    return text if len(text) <= 30 and "\n" not in text else str(tokens[end])


def _rule_unclosed_brace(ctx: _Context) -> RcError | None:
    if "}" not in ctx.expected or not ctx.in_block():
        return None
    top = ctx.opens[-1]
    if ctx.exists_block:
        owner = "the `exists` block"
    elif ctx.decl is not None and str(ctx.decl) in ("family", "class"):
        owner = ctx.decl_phrase()
    else:
        owner = "the block"
    return _missing(ctx, f"expected `}}` to close {owner} (opened at line {top.line})",
                    "add `}` after its last item")


def _rule_cite_reference(ctx: _Context) -> RcError | None:
    if "STRING" not in ctx.expected or str(ctx.decl) != "cite":
        return None
    return _missing(ctx, f"expected a quoted reference after the statement of "
                    f"{ctx.decl_phrase()}",
                    f'write `cite {ctx.decl_name or "name"}: <statement> "Author, Title, Year"`')


def _rule_stray_string(ctx: _Context) -> RcError | None:
    got = ctx.got
    if got is None or got.type != "STRING" or "STRING" in ctx.expected:
        return None
    return _error(ctx, "unexpected quoted text", _span_at(ctx, got),
                  "quoted text is only used after `import` and at the end of a `cite`")


def _rule_brace_in_expr(ctx: _Context) -> RcError | None:
    got = ctx.got
    if got is None or str(got) != "{" or "{" in ctx.expected:
        return None
    if "NUMBER" in ctx.expected:
        return _error(ctx, "braces do not group expressions", _span_at(ctx, got),
                      "group with parentheses `(…)`")
    return None


def _rule_top_level_junk(ctx: _Context) -> RcError | None:
    got = ctx.got
    if got is None or not (ctx.expected & set(_DECL_WORDS)) or ctx.opens:
        return None
    if (ctx.prev is None or got.line != ctx.prev.end_line) and (
            _starts_expr(got) or str(got) in ("forall", "∀", "not")) and not _is_name(got):
        return _error(ctx, "expected a declaration such as `theorem` or `let`, "
                      f"found {_found(got)}", _span_at(ctx, got),
                      "a statement needs a name: `theorem name: …`")
    if _is_name(got) or got.type == "NUMBER":
        text = str(got)
        close = did_you_mean(text, set(_DECL_WORDS))
        if close:
            hint = close
        elif ctx.nxt is not None and str(ctx.nxt) == ":":
            hint = f"start a theorem with the keyword: `theorem {text}: …`"
        else:
            hint = ("every declaration starts with a keyword: " + ", ".join(_DECL_WORDS))
        if ctx.prev is not None and got.line == ctx.prev.end_line and _ends_expr(ctx.prev) \
                and not (ctx.expected & {"=", "in", "<"}):
            return _error(ctx, f"expected {_describe(ctx.expected)}, found `{got}`",
                          _span_at(ctx, got), close)
        return _error(ctx, f"expected a declaration such as `theorem` or `let`, found `{got}`",
                      _span_at(ctx, got), hint)
    return None


def _rule_exists_name(ctx: _Context) -> RcError | None:
    if ctx.prev is None or str(ctx.prev) != "exists" or "NAME" not in ctx.expected:
        return None
    return _missing(ctx, "expected a name after `exists`",
                    "write `exists t { <constraints on t> }`")


def _rule_let_eq(ctx: _Context) -> RcError | None:
    """`let x 3`: the `=` of an abbreviation is missing."""
    prev, prev2 = ctx.prev, ctx.prev2
    if (prev is None or prev2 is None or str(prev2) != "let" or not _is_name(prev)
            or "=" not in ctx.expected or str(ctx.got) == "="):
        return None
    return _missing(ctx, f"expected `=` after `let {prev}`", f"write `let {prev} = <expression>`")


def _rule_block_brace(ctx: _Context) -> RcError | None:
    """`family F(a = 1) size = n`: the items of a family or class go in braces."""
    if "{" not in ctx.expected or ctx.opens or str(ctx.decl) not in ("family", "class"):
        return None
    word = str(ctx.decl)
    example = "{ size = …; depth = … }" if word == "family" else "{ depth = O(…) }"
    return _missing(ctx, f"expected `{{` to open the body of {ctx.decl_phrase()}",
                    f"write `{word} {ctx.decl_name or 'F'}(…) {example}`")


def _rule_comma_in_block(ctx: _Context) -> RcError | None:
    got = ctx.got
    if got is None or str(got) != "," or "," in ctx.expected or not ctx.in_block():
        return None
    return _error(ctx, "items of a block are separated by new lines or `;`, not `,`",
                  _span_at(ctx, got), "replace this `,` by `;` or start a new line")


def _rule_landau_in_call(ctx: _Context) -> RcError | None:
    """`size(SMAT = O(n)`: a relation inside an unclosed call."""
    got, prev = ctx.got, ctx.prev
    if (got is None or str(got) not in _LANDAU_WORDS or prev is None or str(prev) != "="
            or ctx.expected & _LANDAU_WORDS or not ctx.opens or str(ctx.opens[-1]) != "("):
        return None
    top = ctx.opens[-1]
    return _error(ctx, f"expected `)` to close the `(` at line {top.line}, column {top.column} "
                  "before the relation", _span_at(ctx, prev),
                  f"a Landau relation cannot stand inside parentheses: close them before "
                  f"`= {got}(…)`")


def _rule_chained_relation(ctx: _Context) -> RcError | None:
    """`a ~ b ~ c`, `f = O(g) in K`: relations that cannot follow each other."""
    got = ctx.got
    if got is None or str(got) not in _RELATION_OPS or str(got) in ctx.expected:
        return None
    if not (ctx.expected & {"and", "or", "->"}):
        return None
    if str(got) == "~":
        return _error(ctx, "`~` does not chain", _span_at(ctx, got),
                      "state each pair and join them: `a ~ b and b ~ c`")
    return _error(ctx, f"expected `and`, `or` or `->` before another relation, found `{got}`",
                  _span_at(ctx, got),
                  "only Landau relations chain (`f = O(g) = o(h)`); join other statements "
                  "with `and`")


def _rule_proof_words_outside(ctx: _Context) -> RcError | None:
    """`by auto` or `using s` after a statement that has no `proof … qed`."""
    got = ctx.got
    if got is None or str(got) not in ("by", "using", "have", "show", "qed") \
            or str(got) in ctx.expected or ctx.in_proof:
        return None
    if str(got) == "qed":
        return _error(ctx, "`qed` without an open `proof`", _span_at(ctx, got),
                      "remove it: every `proof` is closed by exactly one `qed`")
    if str(got) in ("have", "show"):
        return _error(ctx, f"`{got}` steps belong inside `proof … qed`", _span_at(ctx, got),
                      "write `proof` after the statement, then the steps, then `qed`")
    return _error(ctx, f"`{got}` is only used in the steps of a `proof … qed`",
                  _span_at(ctx, got),
                  "remove it: without a proof the checker searches for one (`by auto`)")


_RULES: tuple[Rule, ...] = (
    _rule_unmatched_closer,
    _rule_reserved_name,
    _rule_bad_dot,
    _rule_comment_slashes,
    _rule_arrow_typos,
    _rule_stray_string,
    _rule_brace_in_expr,
    _rule_landau_in_call,
    _rule_landau_as_expression,
    _rule_landau_arguments,
    _rule_landau_without_eq,
    _rule_landau_without_paren,
    _rule_call_without_paren,
    _rule_names_without_comma,
    _rule_step_label,
    _rule_exists_name,
    _rule_let_eq,
    _rule_comma_in_block,
    _rule_block_brace,
    _rule_chained_relation,
    _rule_proof_words_outside,
    _rule_colon,
    _rule_constraint_and,
    _rule_forall_dot,
    _rule_using,
    _rule_eq_in_constraint,
    _rule_landau_after_eq,
    _rule_missing_name,
    _rule_empty_statement,
    _rule_missing_tactic,
    _rule_param_list,
    _rule_missing_operand,
    _rule_operator_word,
    _rule_juxtaposed,
    _rule_forall_kind,
    _rule_param_kind,
    _rule_unclosed_paren,
    _rule_missing_by,
    _rule_resource_eq,
    _rule_missing_relation,
    _rule_missing_qed,
    _rule_unclosed_brace,
    _rule_cite_reference,
    _rule_top_level_junk,
)


def _fallback(ctx: _Context) -> RcError:
    message = f"expected {_describe(ctx.expected)}, found {_found(ctx.got)}"
    if ctx.got is None:
        return _error(ctx, message, _after_prev(ctx))
    return _error(ctx, message, _span_at(ctx, ctx.got))


def _character_error(exc: lark.exceptions.UnexpectedCharacters, source: str, path: str,
                     expected: set[str]) -> RcError:
    pos = exc.pos_in_stream
    char = source[pos] if pos < len(source) else "?"
    line, column = exc.line or 1, exc.column or 1
    two = source[pos:pos + 2]
    width = 1
    hint: str | None
    if two in ("&&", "||", "!="):
        width = 2
    span = Span(path, line, column, line, column + width)
    if two == "&&" or char == "&":
        message, hint = f"`{'&&' if two == '&&' else '&'}` is not an operator", "write `and`"
    elif two == "||" or char == "|":
        message, hint = f"`{'||' if two == '||' else '|'}` is not an operator", "write `or`"
    elif two == "!=":
        before = source[source.rfind("\n", 0, pos) + 1:pos]
        clause = before[before.rfind("where"):] if "where" in before else ""
        in_where = bool(clause) and not re.search(r"\.(?!\d)", clause)
        message = "`!=` is not an operator"
        binder = "forall" in before[:before.rfind("where")] if in_where else False
        hint = ("a `where` clause takes comparisons only (`<`, `<=`, `==`, …): move this "
                "condition after the `.`, as in `forall x : real where x > -1. "
                "not (x == 0) -> …`" if binder else
                "a `where` clause takes comparisons only (`<`, `<=`, `==`, …): split the "
                "range in two, `a < b` and `a > b`" if in_where else
                "write `not (a == b)`")
    elif char == "!" and pos > 0 and (source[pos - 1].isalnum() or source[pos - 1] in ")_'"):
        message, hint = ("`!` (factorial) is outside the language", "expressions are built "
                         "from n, numbers, + - * / ^, log, exp, sqrt, max and min; by "
                         "Stirling n! = Θ(sqrt(n) * exp(n*log(n) - n)), so write that")
    elif char == "!":
        message, hint = "`!` is not an operator", "write `not` for negation"
    elif char == '"':
        message, hint = "unclosed quoted text", 'end the text with `"` on the same line'
    elif char in _SUPERSCRIPTS:
        digit = str(_SUPERSCRIPTS.index(char))
        message, hint = f"`{char}` is not an operator", f"write `^{digit}` for a power"
    elif char in _CHAR_HINTS:
        message, hint = _CHAR_HINTS[char]
    elif char.isalpha():  # a letter outside ASCII: α, é, ℓ
        message = f"`{char}` cannot be used in a name"
        hint = "names are written with ASCII letters, digits and `_`" + _spelled(char)
    else:
        message, hint = f"unexpected character `{char}`", None
        if char.isprintable() and not char.isspace():
            words = _describe(expected) if expected else ""
            if words and words != "something else" and len(expected) <= 3:
                message += f"; expected {words}"
        else:
            message = f"unexpected character U+{ord(char):04X}"
    return RcError(message, span, hint, source)


def _spelled(char: str) -> str:
    """`: write alpha` for a Greek letter (its Unicode name's last word), else ''."""
    import unicodedata

    name = unicodedata.name(char, "")
    if name.startswith("GREEK") and " LETTER " in name:
        return f": write `{name.rsplit(' ', 1)[-1].lower()}`"
    return ""


def syntax_error(exc: lark.exceptions.UnexpectedInput, source: str, path: str,
                 terminals: dict[str, str], lex: Lexer | None = None) -> RcError:
    """Convert a lark exception into an RcError with a located, worded message.

    `terminals` maps terminal names to the literal text they match (EQUAL -> `=`);
    `lex` tokenizes the whole source, which lets the message look at the context.
    """
    import lark

    def texts(names: Iterable[str]) -> set[str]:
        return {terminals.get(name, name) for name in names if name not in _IGNORED}

    if isinstance(exc, lark.exceptions.UnexpectedCharacters):
        return _character_error(exc, source, path, texts(exc.allowed or ()))
    token = getattr(exc, "token", None)
    expected = texts(getattr(exc, "expected", None) or ())
    interactive = getattr(exc, "interactive_parser", None)
    if interactive is not None:
        # The table's lookahead set is merged across LALR states; `accepts()` replays each
        # candidate and keeps only the tokens that really continue this input.
        with contextlib.suppress(lark.exceptions.LarkError):
            expected = texts(interactive.accepts())
    at_end = (isinstance(exc, lark.exceptions.UnexpectedEOF) or token is None
              or token.type == "$END")
    got = None if at_end else token
    stop = len(source) if got is None else (got.start_pos or 0)
    before, after = _lex_prefix(lex, source, stop, 3)
    if got is not None and (not after or after[0].start_pos != got.start_pos):
        after = [got, *after]
    ctx = _Context(source, path, got, expected, before, after)
    _scan(ctx)
    for rule in _RULES:
        error = rule(ctx)
        if error is not None:
            return error
    return _fallback(ctx)
