"""One printer over the syntax tree, in three styles.

* `to_text`  – Unicode for terminal reports and JSON: `SMAT ∉ RC(√n)`, `n²·log(n) = Θ(n²)`.
* `to_latex` – math-mode LaTeX: `\\mathrm{SMAT} \\notin \\mathrm{RC}_{3}(n^{2/3})`.
* `to_ascii` – `.rc` syntax; for every tree the parser can produce,
  `parse_expr(to_ascii(e)) == e` and `parse_prop(to_ascii(p)) == p`.

The styles share one walk (like sympy's printers), so they agree on structure: terms stay
in the user's order and parentheses appear only where precedence (or, for `forall`, the
reach of the body) needs them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType

from rcproof.syntax import ast as A
from rcproof.syntax import display

Node = A.Expr | A.Prop

# Expression precedences: higher binds tighter.
_SUM, _PROD, _NEG, _PREFIX, _FRAC, _POW, _ATOM = 10, 20, 30, 32, 35, 40, 50
# Proposition precedences.
_FORALL, _IMPLIES, _OR, _AND, _NOT, _PATOM = 0, 1, 2, 3, 4, 5

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_LANDAU_TEXT = {"O": "O", "Omega": "Ω", "Theta": "Θ", "o": "o", "omega": "ω",
                "poly": "poly", "polylog": "polylog"}
_LANDAU_LATEX = {"O": "O", "Omega": "\\Omega", "Theta": "\\Theta", "o": "o",
                 "omega": "\\omega", "poly": "\\mathrm{poly}", "polylog": "\\mathrm{polylog}"}
_CMP_TEXT = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "="}
_CMP_LATEX = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge", "==": "="}
_KIND_TEXT = {"real": " ∈ ℝ", "fun": " : fun", "family": " : family"}
_KIND_LATEX = {"real": " \\in \\mathbb{R}", "fun": " : \\mathrm{fun}",
               "family": " : \\mathrm{family}"}
_LATEX_FUNCS = {"log": "\\log", "exp": "\\exp", "max": "\\max", "min": "\\min"}
_GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
    "Gamma", "Delta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi",
}
_GREEK_ALIASES = {"eps": "\\varepsilon", "epsilon": "\\varepsilon"}


@dataclass(frozen=True)
class _Out:
    """Printed text with the precedence of its outermost operator.

    `open_right` marks LaTeX like `\\log n` whose argument has no delimiter, so a factor
    written right after it would look like part of the argument.
    """

    text: str
    prec: int
    open_right: bool = False


_ROUND_ZEROS = 6  # an integer with at least this many trailing zeros prints as m·10^k
_ROUND_DIGITS = 13  # … when it has at least this many digits (10^6 stays 1000000)


def _power_of_ten_form(value: Fraction) -> A.Expr | None:
    """m·10^k (or 10^k) for a positive integer of at least _ROUND_DIGITS digits with at
    least _ROUND_ZEROS trailing zeros, exactly equal to it: certificate constants such
    as 66·10^9998 would otherwise fill pages (review 6). None for any other number."""
    if value.denominator != 1 or value <= 0:
        return None
    text = str(value.numerator)
    zeros = len(text) - len(text.rstrip("0"))
    if zeros < _ROUND_ZEROS or len(text) < _ROUND_DIGITS:
        return None
    power = A.BinOp("^", A.Num(Fraction(10)), A.Num(Fraction(zeros)))
    head = Fraction(int(text[:-zeros]))
    return power if head == 1 else A.BinOp("*", A.Num(head), power)


def _decimal(value: Fraction) -> str | None:
    """`0.5` for 1/2; None when the value has no finite decimal expansion."""
    den, twos, fives = value.denominator, 0, 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    places = max(twos, fives)
    digits = str(abs(value.numerator) * 10**places // value.denominator).rjust(places + 1, "0")
    text = digits if places == 0 else f"{digits[:-places]}.{digits[-places:]}"
    return ("-" if value < 0 else "") + text


class _Printer:
    """The shared walk; subclasses choose the symbols."""

    def __init__(self, inline: bool = False) -> None:
        self.inline = inline  # LaTeX exponents: division as `a/b`, not `\frac`

    # -- symbols, overridden per style --
    def name(self, ident: str) -> str:
        return ident

    def times(self, left: _Out, right: _Out) -> str:
        return f"{left.text} * {right.text}"

    def divide(self, left: _Out, right: _Out) -> _Out:
        return _Out(f"{left.text} / {right.text}", _PROD)

    def landau(self, rel: str) -> str:
        return rel

    def cmp(self, op: str) -> str:
        return op

    member_ops = ("in", "notin")
    include_ops = ("subset", "subsetneq")
    not_word, and_word, or_word, implies_word = "not ", " and ", " or ", " -> "
    not_parens = False
    paren_negative = False
    minus = "-"
    decimals = False  # 1/2 as `0.5` (only where the output must parse back as one number)

    # -- expressions --
    def expr(self, e: A.Expr) -> _Out:
        if isinstance(e, A.Num):
            return self.num(e.value)
        if isinstance(e, A.Name):
            return _Out(self.name(A.source_name(e.id)), _ATOM)
        if isinstance(e, A.Call):
            return self.call(e)
        if isinstance(e, A.Neg):
            return self.neg(e)
        if isinstance(e, A.BinOp):
            if e.op == "^":
                return self.power(e)
            return self.binop(e)
        raise TypeError(f"not an expression node: {type(e).__name__}")

    round_powers = False  # print an integer with many trailing zeros as m·10^k

    def num(self, value: Fraction) -> _Out:
        value = Fraction(value)
        if value < 0:
            inner = self.num(-value)
            return _Out(self.minus + self.paren(inner, _POW).text, _NEG)
        if self.round_powers:
            scaled = _power_of_ten_form(value)
            if scaled is not None:
                return self.expr(scaled)
        text = _decimal(value) if self.decimals or value.denominator == 1 else None
        if text is not None:
            return _Out(text, _ATOM)
        if self.round_powers:  # a denominator m·10^k is bracketed: x/(2·10¹⁷)
            return self.divide(self.num(Fraction(value.numerator)),
                               self.denominator(self.num(Fraction(value.denominator))))
        return self.divide(_Out(str(value.numerator), _ATOM),
                           _Out(str(value.denominator), _ATOM))

    def denominator(self, out: _Out) -> _Out:
        """A denominator after a slash: bracketed unless it binds like a power."""
        return self.paren(out, _POW)

    def paren(self, out: _Out, need: int) -> _Out:
        """`out` as an operand that must bind at least as tightly as `need`."""
        if out.prec >= need:
            return out
        return _Out(f"({out.text})", _ATOM)

    def neg(self, e: A.Neg) -> _Out:
        inner = self.paren(self.expr(e.operand), _NEG)
        if inner.text.startswith(("-", "−")):
            inner = _Out(f"({inner.text})", _ATOM)  # `--` would start a comment
        return _Out(self.minus + inner.text, _NEG, inner.open_right)

    def operand(self, e: A.Expr, need: int, right: bool) -> _Out:
        """An operand of `+ - * /`; `a·(-b)` reads better than `a·-b` outside `.rc`."""
        out = self.paren(self.expr(e), need)
        if right and self.paren_negative and isinstance(e, A.Neg):
            return _Out(f"({out.text})", _ATOM)
        return out

    def binop(self, e: A.BinOp) -> _Out:
        prec = _SUM if e.op in "+-" else _PROD
        left = self.operand(e.left, prec, right=False)
        right_need = prec + 1
        if self.associative(e) and isinstance(e.right, A.BinOp) and e.right.op == e.op:
            right_need = prec
        right = self.operand(e.right, right_need, right=True)
        if e.op == "*":
            return _Out(self.times(left, right), _PROD, right.open_right)
        if e.op == "/":
            return self.divide(left, right)
        return _Out(f"{left.text} {e.op} {right.text}", _SUM, right.open_right)

    def associative(self, e: A.BinOp) -> bool:
        """True when `a + (b + c)` may print as `a + b + c` (not in `.rc` syntax: the
        parser would build the other tree)."""
        return False

    def power(self, e: A.BinOp) -> _Out:
        # `.rc`: the base is an atom, the exponent a unary (`n^-1`, `a^b^c`).
        base = self.paren(self.expr(e.left), _ATOM)
        right = self.paren(self.expr(e.right), _NEG)
        return _Out(f"{base.text}^{right.text}", _POW)

    def call(self, e: A.Call) -> _Out:
        return _Out(f"{self.name(e.func)}({self.arguments(e)})", _ATOM)

    def arguments(self, e: A.Call) -> str:
        parts = [self.expr(a).text for a in e.args]
        parts += [f"{self.name(k)} = {self.expr(v).text}" for k, v in e.kwargs]
        return ", ".join(parts)

    # -- propositions --
    def prop(self, p: A.Prop, tail: bool = True) -> _Out:
        chain = _chain(p)
        if chain is not None:
            return _Out(self.relation_chain(chain), _PATOM)
        if isinstance(p, A.Relation):
            return _Out(self.relation_chain([p]), _PATOM)
        if isinstance(p, A.Comparison):
            text = self.expr(p.terms[0]).text
            for op, term in zip(p.ops, p.terms[1:]):
                text += f" {self.cmp(op)} {self.expr(term).text}"
            return _Out(text, _PATOM)
        if isinstance(p, A.Membership):
            op = self.member_ops[1 if p.negated else 0]
            return _Out(f"{self.expr(p.member).text} {op} {self.expr(p.cls).text}", _PATOM)
        if isinstance(p, A.Inclusion):
            op = self.include_ops[1 if p.strict else 0]
            return _Out(f"{self.expr(p.left).text} {op} {self.expr(p.right).text}", _PATOM)
        if isinstance(p, A.Truth):
            return _Out(self.truth(p.value), _PATOM)
        if isinstance(p, A.Not):
            out = self.prop(p.operand, tail)
            bare = out.prec >= _NOT or (out.prec == _FORALL and tail)
            if bare and self.not_parens and not isinstance(p.operand, (A.Not, A.Truth)):
                bare = False  # `¬F ∈ K` would read as `(¬F) ∈ K`
            inner = out.text if bare else f"({out.text})"
            return _Out(self.not_word + inner, _NOT)
        if isinstance(p, A.And):
            return self.connective(p, _AND, self.and_word, tail)
        if isinstance(p, A.Or):
            return self.connective(p, _OR, self.or_word, tail)
        if isinstance(p, A.Implies):
            left = self.sub(p.left, _IMPLIES + 1, False)
            right = self.sub(p.right, _IMPLIES, tail)
            return _Out(left + self.implies_word + right, _IMPLIES)
        if isinstance(p, A.Forall):
            return _Out(self.forall(p), _FORALL)
        raise TypeError(f"not a proposition node: {type(p).__name__}")

    def sub(self, p: A.Prop, need: int, tail: bool) -> str:
        """An operand of a connective; a `forall` stays bare only at the very end."""
        out = self.prop(p, tail)
        if out.prec == _FORALL and tail:
            return out.text
        return self.paren(out, need).text

    def connective(self, p: A.And | A.Or, prec: int, word: str, tail: bool) -> _Out:
        left = self.sub(p.left, prec, False)
        right = self.sub(p.right, prec + 1, tail)
        return _Out(left + word + right, prec)

    def relation_chain(self, links: list[A.Relation]) -> str:
        text = self.expr(links[0].left).text
        for link in links:
            right = self.expr(link.right).text
            if link.rel == "~":
                text += f" {self.landau('~')} {right}"
            else:
                text += f" = {self.landau(link.rel)}({right})"
        return text

    def condition(self, p: A.Prop) -> str:
        return self.paren(self.prop(p, False), _PATOM).text

    def forall(self, p: A.Forall) -> str:
        where = ", ".join(self.condition(c) for c in p.where)
        head = f"forall {', '.join(A.source_name(x) for x in p.names)} : {p.kind}"
        if where:
            head += f" where {where}"
        return f"{head}. {self.prop(p.body).text}"

    def truth(self, value: bool) -> str:
        return "true" if value else "false"


def _chain(p: A.Prop) -> list[A.Relation] | None:
    """The links of `a = O(b) = o(c)`, which the parser builds as And(And(…), link).
    A link `b = O(b)` (a conjunct the display simplifier made trivial) is not chained:
    `a = O(b) = O(b)` would hide that it is a separate conjunct."""
    if not isinstance(p, A.And) or not isinstance(p.right, A.Relation) or p.right.rel == "~" \
            or p.right.left == p.right.right:
        return None
    left = p.left
    links = [left] if isinstance(left, A.Relation) and left.rel != "~" else _chain(left)
    if links is None or links[-1].right != p.right.left:
        return None
    return [*links, p.right]


class _Ascii(_Printer):
    """`.rc` syntax: what the parser reads back to the same tree."""

    decimals = True


class _Text(_Printer):
    """Unicode for terminals: `SMAT ∉ RC(√n)`, `n²·log(n)`."""

    round_powers = True
    member_ops = ("∈", "∉")
    include_ops = ("⊆", "⊊")
    not_word, and_word, or_word, implies_word = "¬", " ∧ ", " ∨ ", " → "
    not_parens = True
    paren_negative = True

    def name(self, ident: str) -> str:
        return "∞" if ident == "oo" else ident

    def times(self, left: _Out, right: _Out) -> str:
        return f"{left.text}·{right.text}"

    def divide(self, left: _Out, right: _Out) -> _Out:
        return _Out(f"{left.text}/{right.text}", _PROD)

    def associative(self, e: A.BinOp) -> bool:
        return e.op in "+*"

    def power(self, e: A.BinOp) -> _Out:
        base = self.paren(self.expr(e.left), _ATOM)
        exp = e.right
        if isinstance(exp, A.Num) and exp.value.denominator == 1 and 0 <= exp.value < 1000:
            return _Out(base.text + str(exp.value.numerator).translate(_SUPERSCRIPT), _POW)
        right = self.paren(self.expr(exp), _ATOM)
        return _Out(f"{base.text}^{right.text}", _POW)

    def call(self, e: A.Call) -> _Out:
        if e.func == "sqrt" and len(e.args) == 1 and not e.kwargs:
            inner = self.paren(self.expr(e.args[0]), _ATOM)
            return _Out(f"√{inner.text}", _PREFIX)
        if e.func == "tstar" and 1 <= len(e.args) <= 3 and not e.kwargs:
            sub = ""
            if len(e.args) > 1:
                dim = self.expr(e.args[1]).text
                sub = f"_{dim}" if dim.isalnum() else f"_{{{dim}}}"
            cls = f" in {self.expr(e.args[2]).text}" if len(e.args) > 2 else ""
            return _Out(f"t*{sub}({self.expr(e.args[0]).text}{cls})", _ATOM)
        return super().call(e)

    def landau(self, rel: str) -> str:
        return _LANDAU_TEXT.get(rel, rel)

    def cmp(self, op: str) -> str:
        return _CMP_TEXT[op]

    def forall(self, p: A.Forall) -> str:
        head = f"∀{', '.join(self.name(A.source_name(x)) for x in p.names)}{_KIND_TEXT[p.kind]}"
        for c in p.where:
            head += f", {self.condition(c)}"
        return f"{head}. {self.prop(p.body).text}"

    def truth(self, value: bool) -> str:
        return "⊤" if value else "⊥"


class _Latex(_Printer):
    """Math-mode LaTeX for `rcproof latex`."""

    round_powers = True
    member_ops = ("\\in", "\\notin")
    include_ops = ("\\subseteq", "\\subsetneq")
    not_word, and_word, or_word, implies_word = "\\neg ", " \\land ", " \\lor ", " \\Rightarrow "
    not_parens = True
    paren_negative = True

    def name(self, ident: str) -> str:
        if ident == "oo":
            return "\\infty"
        if ident in _GREEK_ALIASES:
            return _GREEK_ALIASES[ident]
        if ident in _GREEK:
            return "\\" + ident
        escaped = ident.replace("_", "\\_")
        if len(ident) == 1:
            return escaped
        if ident[0].isupper():
            return f"\\mathrm{{{escaped}}}"
        return f"\\mathit{{{escaped}}}"

    def times(self, left: _Out, right: _Out) -> str:
        if left.open_right or right.text[:1] in "0123456789(-." or right.text.startswith(
                ("\\left", "\\frac")):
            return f"{left.text} \\cdot {right.text}"
        return f"{left.text} \\, {right.text}"

    def divide(self, left: _Out, right: _Out) -> _Out:
        if self.inline:
            return _Out(f"{left.text}/{right.text}", _PROD)
        return _Out(f"\\frac{{{left.text}}}{{{right.text}}}", _FRAC)

    def denominator(self, out: _Out) -> _Out:
        return super().denominator(out) if self.inline else out

    def binop(self, e: A.BinOp) -> _Out:
        if e.op == "/" and not self.inline:
            left, right = self.expr(e.left), self.expr(e.right)
            return _Out(f"\\frac{{{left.text}}}{{{right.text}}}", _FRAC)
        return super().binop(e)

    def associative(self, e: A.BinOp) -> bool:
        return e.op in "+*"

    def exponent(self, e: A.Expr) -> str:
        return _Latex(inline=True).expr(e).text

    def power(self, e: A.BinOp) -> _Out:
        exp = self.exponent(e.right)
        base = e.left
        if (isinstance(base, A.Call) and base.func == "log" and len(base.args) == 1
                and not base.kwargs):
            arg = base.args[0]
            if _is_atom(arg):
                return _Out(f"\\log^{{{exp}}} {self.expr(arg).text}", _POW, True)
            return _Out(f"\\log^{{{exp}}}({self.expr(arg).text})", _POW)
        out = self.paren(self.expr(base), _ATOM)
        if out.open_right:
            out = _Out(f"({out.text})", _ATOM)
        return _Out(f"{out.text}^{{{exp}}}", _POW)

    def call(self, e: A.Call) -> _Out:
        func, args, kwargs = e.func, e.args, e.kwargs
        if func == "sqrt" and len(args) == 1 and not kwargs:
            return _Out(f"\\sqrt{{{self.expr(args[0]).text}}}", _PREFIX)
        if func == "log" and len(args) == 1 and not kwargs and _is_atom(args[0]):
            return _Out(f"\\log {self.expr(args[0]).text}", _PREFIX, True)
        dim_param = _INDEXED.get().get(func)
        if dim_param is not None:  # a class of the RC shape: K_d(f)
            dims = [v for k, v in kwargs if k == dim_param]
            rest = [(k, v) for k, v in kwargs if k != dim_param]
            if len(args) == 2 and not dims:
                dims, args = [args[1]], args[:1]
            if len(args) == 1 and len(dims) <= 1:
                sub = f"_{{{self.expr(dims[0]).text}}}" if dims else ""
                inner = self.arguments(A.Call(func, args, tuple(rest)))
                head = func.replace("_", "\\_")
                return _Out(f"\\mathrm{{{head}}}{sub}({inner})", _ATOM)
        if func == "tstar" and 1 <= len(args) <= 3 and not kwargs:
            sub = f"_{{{self.expr(args[1]).text}}}" if len(args) > 1 else ""
            sup = f"^{{*,{self.expr(args[2]).text}}}" if len(args) > 2 else "^{*}"
            return _Out(f"t{sup}{sub}({self.expr(args[0]).text})", _ATOM)
        head = _LATEX_FUNCS.get(func)
        if head is None:
            # Resources and instances read as words: \mathrm{size}(\mathrm{SMAT}).
            escaped = func.replace("_", "\\_")
            head = self.name(func) if len(func) == 1 else f"\\mathrm{{{escaped}}}"
        return _Out(f"{head}({self.arguments(e)})", _ATOM)

    def landau(self, rel: str) -> str:
        return "\\sim" if rel == "~" else _LANDAU_LATEX[rel]

    def cmp(self, op: str) -> str:
        return _CMP_LATEX[op]

    def forall(self, p: A.Forall) -> str:
        bound = ", ".join(self.name(A.source_name(x)) for x in p.names)
        head = f"\\forall {bound}{_KIND_LATEX[p.kind]}"
        for c in p.where:
            head += f",\\ {self.condition(c)}"
        return f"{head} .\\; {self.prop(p.body).text}"

    def truth(self, value: bool) -> str:
        return "\\top" if value else "\\bot"


def _is_atom(e: A.Expr) -> bool:
    """A single name or non-negative number: `\\log n`, `\\log 2` need no parentheses."""
    return isinstance(e, A.Name) or (isinstance(e, A.Num) and e.value >= 0
                                     and _decimal(e.value) is not None)


def _render(printer: _Printer, node: Node) -> str:
    if isinstance(node, (A.Num, A.Name, A.Call, A.BinOp, A.Neg)):
        return printer.expr(node).text
    return printer.prop(node).text


def to_text(node: Node) -> str:
    """Unicode text for terminal reports and JSON `statement` fields."""
    return _render(_Text(), node)


def to_latex(node: Node) -> str:
    """Math-mode LaTeX (no surrounding `$`)."""
    return _render(_Latex(), node)


# Classes whose dimension is printed as a subscript, K_d(f): class name -> the name of
# its dimension parameter. Set by the LaTeX report from the classes of the RC shape in
# scope (rcproof.elaborate.shape), so no class name is special here.
_INDEXED: ContextVar[Mapping[str, str]] = ContextVar(
    "indexed_classes", default=MappingProxyType({}))


@contextmanager
def indexed_classes(dims: Mapping[str, str]) -> Iterator[None]:
    """Within the block, `to_latex` prints an instance of each class in `dims` as
    K_d(f), the dimension (the parameter `dims[K]`) as a subscript."""
    token = _INDEXED.set(dims)
    try:
        yield
    finally:
        _INDEXED.reset(token)


def to_ascii(node: Node) -> str:
    """`.rc` syntax that parses back to an equal tree (spans aside)."""
    return _render(_Ascii(), node)


def assignments_text(pairs: tuple[tuple[A.Expr, A.Expr | str], ...]) -> str:
    """`d = 3/2, size(C) = n²`: a counter-example's assignments as text."""
    return ", ".join(f"{to_text(name)} = {value if isinstance(value, str) else to_text(value)}"
                     for name, value in pairs)


display.register(to_text)  # the Tier 1 core and the kernel quote terms through display
