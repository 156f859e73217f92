"""Parse `.rc` text into the frozen syntax tree (lark LALR, spans from positions)."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any

import lark
from lark import Token, Transformer, v_args

from rcproof.errors import RcError
from rcproof.resources import grammar_path
from rcproof.syntax import ast as A

_LANDAU_ALIASES = {
    "big_o": "O", "big_omega": "Omega", "theta": "Theta", "little_o": "o",
    "little_omega": "omega", "poly": "poly", "polylog": "polylog",
}
_CMP = {"le": "<=", "ge": ">=", "lt": "<", "gt": ">", "eq": "=="}


@lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    # The basic lexer keeps keywords reserved everywhere (LANGUAGE.md); lark's default
    # contextual lexer would read `in` as a name wherever `in` cannot follow (`let in = 3`).
    # cache=True stores the built LALR tables in the temp folder, keyed by a hash of the
    # grammar and options: building them costs ~0.3 s, loading them ~0.02 s.
    return lark.Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr",
                     lexer="basic", propagate_positions=True, maybe_placeholders=True,
                     start=["start", "expr_only", "prop_only"], cache=True)


class _Builder(Transformer):  # type: ignore[type-arg]
    """Turns lark's parse tree into `rcproof.syntax.ast` nodes with spans."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def _span(self, meta: Any) -> A.Span | None:
        if getattr(meta, "empty", True):
            return None
        return A.Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tok_span(self, tok: Token) -> A.Span:
        return A.Span(self.path, tok.line or 0, tok.column or 0, tok.end_line or 0,
                      tok.end_column or 0)

    # -- expressions --
    @v_args(meta=True)
    def number(self, meta: Any, children: list[Token]) -> A.Num:
        return A.Num(Fraction(str(children[0])), span=self._span(meta))

    @v_args(meta=True)
    def name(self, meta: Any, children: list[Token]) -> A.Name:
        return A.Name(str(children[0]), span=self._span(meta))

    @v_args(meta=True)
    def infinity(self, meta: Any, children: list[Any]) -> A.Name:
        return A.Name("oo", span=self._span(meta))

    @v_args(meta=True)
    def call(self, meta: Any, children: list[Any]) -> A.Call:
        func = str(children[0])
        args: list[A.Expr] = []
        kwargs: list[tuple[str, A.Expr]] = []
        for child in children[1:]:
            if child is None:
                continue
            if isinstance(child, tuple):
                kwargs.append(child)
            else:
                args.append(child)
        return A.Call(func, tuple(args), tuple(kwargs), span=self._span(meta))

    def kwarg(self, children: list[Any]) -> tuple[str, A.Expr]:
        return (str(children[0]), children[1])

    @v_args(meta=True)
    def sqrt(self, meta: Any, children: list[Any]) -> A.Call:
        return A.Call("sqrt", (children[-1],), span=self._span(meta))

    def _bin(op: str):  # type: ignore[no-untyped-def]  # noqa: N805
        @v_args(meta=True)
        def build(self: _Builder, meta: Any, children: list[Any]) -> A.BinOp:
            return A.BinOp(op, children[0], children[-1], span=self._span(meta))
        return build

    add = _bin("+")
    sub = _bin("-")
    mul = _bin("*")
    div = _bin("/")
    pow = _bin("^")

    @v_args(meta=True)
    def neg(self, meta: Any, children: list[Any]) -> A.Neg:
        return A.Neg(children[-1], span=self._span(meta))

    # -- propositions --
    @v_args(meta=True)
    def relation_chain(self, meta: Any, children: list[Any]) -> A.Prop:
        terms = [children[0], *children[2::2]]
        rels = children[1::2]
        span = self._span(meta)
        out: A.Prop | None = None
        for left, rel, right in zip(terms, rels, terms[1:]):
            link = A.Relation(left, rel, right, span=span)
            out = link if out is None else A.And(out, link, span=span)
        assert out is not None
        return out

    @v_args(meta=True)
    def asymp_chain(self, meta: Any, children: list[Any]) -> A.Relation:
        return A.Relation(children[0], "~", children[-1], span=self._span(meta))

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        if data in _LANDAU_ALIASES:
            return _LANDAU_ALIASES[data]
        if data in _CMP:
            return _CMP[data]
        if data in ("in_", "notin", "subset", "subsetneq", "real", "fun", "family",
                    "have", "show"):
            return str(data)
        if data == "class_item":
            return None
        return super().__default__(data, children, meta)

    @v_args(meta=True)
    def comparison(self, meta: Any, children: list[Any]) -> A.Comparison:
        return A.Comparison(tuple(children[0::2]), tuple(children[1::2]), span=self._span(meta))

    @v_args(meta=True)
    def membership(self, meta: Any, children: list[Any]) -> A.Membership:
        return A.Membership(children[0], children[2], children[1] == "notin",
                            span=self._span(meta))

    @v_args(meta=True)
    def inclusion(self, meta: Any, children: list[Any]) -> A.Inclusion:
        return A.Inclusion(children[0], children[2], children[1] == "subsetneq",
                           span=self._span(meta))

    @v_args(meta=True)
    def not_(self, meta: Any, children: list[Any]) -> A.Not:
        return A.Not(children[-1], span=self._span(meta))

    @v_args(meta=True)
    def and_(self, meta: Any, children: list[Any]) -> A.And:
        return A.And(children[0], children[-1], span=self._span(meta))

    @v_args(meta=True)
    def or_(self, meta: Any, children: list[Any]) -> A.Or:
        return A.Or(children[0], children[-1], span=self._span(meta))

    @v_args(meta=True)
    def implies(self, meta: Any, children: list[Any]) -> A.Implies:
        return A.Implies(children[0], children[-1], span=self._span(meta))

    @v_args(meta=True)
    def forall(self, meta: Any, children: list[Any]) -> A.Forall:
        kids = [c for c in children if not isinstance(c, Token)]
        names, kind = kids[0], kids[1]
        where: tuple[A.Prop, ...] = kids[2] if len(kids) == 4 else ()
        return A.Forall(names, kind, where, kids[-1], span=self._span(meta))

    def name_list(self, children: list[Token]) -> tuple[str, ...]:
        return tuple(str(c) for c in children)

    def constraints(self, children: list[Any]) -> tuple[A.Prop, ...]:
        return tuple(children)

    # -- declarations --
    @v_args(meta=True)
    def import_decl(self, meta: Any, children: list[Token]) -> A.Import:
        tok = children[0]
        is_path = tok.type == "STRING"
        target = str(tok)[1:-1] if is_path else str(tok)
        return A.Import(target, is_path, span=self._span(meta))

    @v_args(meta=True)
    def param_decl(self, meta: Any, children: list[Any]) -> A.ParamDecl:
        constraints = children[1] if len(children) > 1 and children[1] is not None else ()
        return A.ParamDecl(children[0], constraints, span=self._span(meta))

    @v_args(meta=True)
    def let_decl(self, meta: Any, children: list[Any]) -> A.LetDecl:
        return A.LetDecl(str(children[0]), children[1], span=self._span(meta))

    @v_args(meta=True)
    def fun_decl(self, meta: Any, children: list[Any]) -> A.FunDecl:
        return A.FunDecl(children[0], span=self._span(meta))

    @v_args(meta=True)
    def param(self, meta: Any, children: list[Any]) -> A.Param:
        default = children[1] if len(children) > 1 else None
        return A.Param(str(children[0]), default, span=self._tok_span(children[0]))

    def params(self, children: list[Any]) -> tuple[A.Param, ...]:
        return tuple(c for c in children if c is not None)

    @v_args(meta=True)
    def resource_exact(self, meta: Any, children: list[Any]) -> A.Resource:
        return A.Resource(str(children[0]), "Theta", children[1], span=self._span(meta))

    @v_args(meta=True)
    def resource_bound(self, meta: Any, children: list[Any]) -> A.Resource:
        return A.Resource(str(children[0]), children[1], children[2], span=self._span(meta))

    @v_args(meta=True)
    def family_let(self, meta: Any, children: list[Any]) -> A.FamilyLet:
        return A.FamilyLet(str(children[0]), children[1], span=self._span(meta))

    @v_args(meta=True)
    def family_decl(self, meta: Any, children: list[Any]) -> A.FamilyDecl:
        name = str(children[0])
        params: tuple[A.Param, ...] = ()
        rest = children[1:]
        if rest and (isinstance(rest[0], tuple) or rest[0] is None):
            params = rest[0] or ()
            rest = rest[1:]
        items = tuple(c for c in rest if isinstance(c, (A.Resource, A.FamilyLet)))
        return A.FamilyDecl(name, params, items, span=self._span(meta))

    def exists_block(self, children: list[Any]) -> tuple[str, tuple[A.Prop, ...]]:
        return (str(children[0]), tuple(c for c in children[1:] if c is not None))

    @v_args(meta=True)
    def class_default(self, meta: Any, children: list[Any]) -> A.ResourceDefault:
        return A.ResourceDefault(str(children[0]), children[1], span=self._span(meta))

    @v_args(meta=True)
    def class_decl(self, meta: Any, children: list[Any]) -> A.ClassDecl:
        name = str(children[0])
        params: tuple[A.Param, ...] = ()
        rest = children[1:]
        if rest and isinstance(rest[0], tuple) and (not rest[0] or isinstance(rest[0][0], A.Param)):
            params = rest[0]
            rest = rest[1:]
        elif rest and rest[0] is None:
            rest = rest[1:]
        exists_var: str | None = None
        exists_constraints: tuple[A.Prop, ...] = ()
        if (rest and isinstance(rest[0], tuple) and len(rest[0]) == 2
                and isinstance(rest[0][0], str)):
            exists_var, exists_constraints = rest[0]
            rest = rest[1:]
        items = [c for c in (*exists_constraints, *rest) if c is not None]
        defaults = tuple(c for c in items if isinstance(c, A.ResourceDefault))
        exists_constraints = tuple(c for c in exists_constraints
                                   if not isinstance(c, A.ResourceDefault))
        constraints = tuple(c for c in rest
                            if c is not None and not isinstance(c, A.ResourceDefault))
        return A.ClassDecl(name, params, exists_var, exists_constraints, constraints,
                           span=self._span(meta), defaults=defaults)

    @v_args(meta=True)
    def axiom_decl(self, meta: Any, children: list[Any]) -> A.Axiom:
        return A.Axiom(str(children[0]), children[1], span=self._span(meta))

    @v_args(meta=True)
    def cite_decl(self, meta: Any, children: list[Any]) -> A.Cite:
        return A.Cite(str(children[0]), children[1], str(children[2])[1:-1], span=self._span(meta))

    @v_args(meta=True)
    def theorem_decl(self, meta: Any, children: list[Any]) -> A.Theorem:
        return A.Theorem(str(children[0]), children[1], children[2] if len(children) > 2 else None,
                         span=self._span(meta))

    @v_args(meta=True)
    def lemma_decl(self, meta: Any, children: list[Any]) -> A.Theorem:
        return A.Theorem(str(children[0]), children[1], children[2] if len(children) > 2 else None,
                         is_lemma=True, span=self._span(meta))

    @v_args(meta=True)
    def proof(self, meta: Any, children: list[Any]) -> A.Proof:
        return A.Proof(tuple(children), span=self._span(meta))

    @v_args(meta=True)
    def step(self, meta: Any, children: list[Any]) -> A.Step:
        kind = children[0]
        rest = children[1:]
        label = None
        if isinstance(rest[0], Token):
            label = str(rest[0])
            rest = rest[1:]
        prop, tactic = rest[0], str(rest[1])
        using: tuple[str, ...] = rest[2] if len(rest) > 2 and rest[2] is not None else ()
        return A.Step(kind, label, prop, tactic, using, span=self._span(meta))


def _attach_docs(decls: list[Any], source: str) -> tuple[A.Decl, ...]:
    """A comment block directly above a declaration (or trailing its first line) is its doc."""
    import dataclasses

    lines = source.splitlines()
    out = []
    for decl in decls:
        if decl.span is None:
            out.append(decl)
            continue
        row = decl.span.line - 1
        above: list[str] = []
        i = row - 1
        while i >= 0 and lines[i].strip().startswith("--"):
            above.append(lines[i].strip()[2:].strip())
            i -= 1
        doc = " ".join(reversed(above)).strip()
        if not doc and row < len(lines) and "--" in lines[row]:
            doc = lines[row].split("--", 1)[1].strip()
        out.append(dataclasses.replace(decl, doc=doc or None))
    return tuple(out)


@lru_cache(maxsize=1)
def _terminal_texts() -> dict[str, str]:
    return {t.name: str(t.pattern.value) for t in _parser().terminals if t.pattern.type == "str"}


def _parse_tree(source: str, path: str, start: str) -> Any:
    try:
        tree = _parser().parse(source, start=start)
    except lark.exceptions.UnexpectedInput as exc:
        from rcproof.syntax.messages import syntax_error  # only on bad input (start-up)

        raise syntax_error(exc, source, path, _terminal_texts(), _parser().lex) from None
    try:
        return _Builder(path).transform(tree)
    except lark.exceptions.VisitError as exc:
        if isinstance(exc.orig_exc, RcError):
            raise exc.orig_exc from None
        if isinstance(exc.orig_exc, RecursionError):
            raise _too_deep(path) from None
        raise
    except RecursionError:
        raise _too_deep(path) from None


def _too_deep(path: str) -> RcError:
    return RcError(f"{path}: expression nested too deeply to read", None,
                   "split long sums or products with `let` abbreviations")


def parse(source: str, path: str = "<input>") -> A.Module:
    """Parse a whole `.rc` file; raises RcError (located, in words) on bad syntax. A
    UTF-8 byte-order mark at the start is ignored."""
    source = source.removeprefix("\ufeff")
    decls = _parse_tree(source, path, "start").children
    return A.Module(path, source, _attach_docs(list(decls), source))


def parse_expr(text: str, path: str = "<expr>") -> A.Expr:
    """Parse one expression (for `rcproof compare` and `--param`)."""
    return _parse_tree(text, path, "expr_only").children[0]  # type: ignore[no-any-return]


def parse_prop(text: str, path: str = "<prop>") -> A.Prop:
    """Parse one proposition (for `--assume`)."""
    return _parse_tree(text, path, "prop_only").children[0]  # type: ignore[no-any-return]
