"""Name and kind checking: every name resolves, every use fits what the name is."""

from __future__ import annotations

from dataclasses import dataclass

from rcproof.elaborate.instances import params_of_instance
from rcproof.elaborate.symbols import (
    BUILTINS,
    RESERVED,
    TSTAR,
    ClassSym,
    FactSym,
    FamilySym,
    FunSym,
    LetSym,
    ParamSym,
    Scope,
    kind_word,
)
from rcproof.errors import RcError, did_you_mean
from rcproof.syntax import ast as A
from rcproof.syntax.core import Span
from rcproof.syntax.decls import TACTIC_NAMES
from rcproof.syntax.terms import const_value
from rcproof.syntax.walk import names

# Kinds of locally bound names.
REAL, FUN, FAMILY, VALUE, RESOURCE = "real", "fun", "family", "value", "resource"
REQUIRED_RESOURCES = ("size", "depth")


def _bundled_module_declaring(name: str) -> str | None:
    """The bundled module that declares class `name` (for an `import` hint), or None."""
    import re

    from rcproof.resources import library_dir

    pattern = re.compile(rf"^class\s+{re.escape(name)}\b", re.M)
    for path in sorted(library_dir().glob("*.rc")):
        if pattern.search(path.read_text(encoding="utf-8")):
            return path.stem
    return None


def _outside_hint(e: A.Call) -> tuple[str, str] | None:
    """A call of a function the language lacks, with the fix: (message, hint), or None."""
    from rcproof.syntax.messages import landau_spelling
    from rcproof.syntax.notation import to_ascii

    arg = to_ascii(e.args[0]) if len(e.args) == 1 else "x"
    if e.func in ("floor", "ceil", "ceiling", "round", "trunc"):
        return (f"{e.func} is outside the language",
                f"Θ is unchanged without it when its argument grows: write {arg}")
    if e.func in ("ln", "lg", "log2", "log10"):
        return (f"{e.func} is outside the language",
                f"log is natural and a base only changes a constant factor: write log({arg})")
    landau = landau_spelling(e.func) or (e.func if e.func in ("O", "Omega", "Theta", "o",
                                                              "omega") else None)
    if landau is not None:
        return (f"{landau}(…) is a Landau relation, not a function",
                f"write it after `=`: f = {landau}({arg})"
                + (f" (did you mean `{landau}`?)" if landau != e.func else ""))
    return None


@dataclass(frozen=True)
class _AtName:
    """A bare span to point an error at (`Checker.error` reads `.span`)."""

    span: Span | None


class Checker:
    """Checks the declarations of one file against its scope."""

    def __init__(self, scope: Scope, source: str) -> None:
        self.scope = scope
        self.source = source

    def error(self, message: str, node: object, hint: str | None = None) -> RcError:
        return RcError(message, getattr(node, "span", None), hint, self.source)

    def _visible(self, local: dict[str, str]) -> set[str]:
        """Names that may stand for a function of n here (suggestions for an unknown
        name): parameters, lets, functions, bound variables other than families, n and
        the builtins; never a theorem, family or class (review 6 was offered a theorem)."""
        declared = {name for name, sym in self.scope.symbols.items()
                    if isinstance(sym, (ParamSym, LetSym, FunSym))}
        bound = {x for x, kind in local.items() if kind != FAMILY}
        return declared | bound | {"n"} | set(BUILTINS)

    # ---- expressions ----
    def expr(self, e: A.Expr, local: dict[str, str]) -> None:
        if isinstance(e, A.Num):
            return
        if isinstance(e, A.Neg):
            self.expr(e.operand, local)
            return
        if isinstance(e, A.BinOp):
            self.expr(e.left, local)
            self.expr(e.right, local)
            return
        if isinstance(e, A.Name):
            self._name(e, local)
            return
        assert isinstance(e, A.Call)
        self._call(e, local)

    def _name(self, e: A.Name, local: dict[str, str]) -> None:
        if e.id == "n":
            return
        if e.id == "oo":
            raise self.error("∞ is not a function of n", e, "state growth with O/o/omega instead")
        if e.id in local:
            if local[e.id] == FAMILY:
                raise self.error(f"family '{e.id}' used where a function of n is expected", e,
                                 f"use one of its resources, e.g. size({e.id})")
            return
        sym = self.scope.get(e.id)
        if sym is None:
            if e.id in BUILTINS:
                raise self.error(f"'{e.id}' is a function; call it as {e.id}(…)", e)
            if e.id == "e":
                raise self.error("unknown name 'e'", e, "Euler's number is written with "
                                 "exp: write exp(x) for e^x, and exp(1) for e")
            raise self.error(f"unknown name '{e.id}'", e,
                             did_you_mean(e.id, self._visible(local))
                             or "declare it with `param`, `let` or `fun`")
        if isinstance(sym, (ParamSym, LetSym, FunSym)):
            return
        if isinstance(sym, FamilySym):
            raise self.error(f"family '{e.id}' used where a function of n is expected", e,
                             f"use one of its resources, e.g. size({e.id})")
        raise self.error(f"{kind_word(sym)} '{e.id}' used where a function of n is expected", e)

    def _call(self, e: A.Call, local: dict[str, str]) -> None:
        if e.func in BUILTINS:
            low, high = BUILTINS[e.func]
            if e.kwargs:
                raise self.error(f"{e.func}() takes no named arguments", e)
            if not low <= len(e.args) <= high:
                want = str(low) if low == high else f"at least {low}"
                hint = None
                if e.func == "log" and len(e.args) == 2:
                    hint = ("log is natural and a base only changes a constant factor: "
                            "write log(n), or log(n)/log(2) for the base-2 logarithm")
                raise self.error(f"{e.func}() takes {want} argument(s), {len(e.args)} given",
                                 e, hint)
            for arg in e.args:
                self.expr(arg, local)
            return
        if e.func == TSTAR:
            self._tstar(e, local)
            return
        sym = self.scope.get(e.func)
        if isinstance(sym, FamilySym):
            raise self.error(f"family '{e.func}' used where a function of n is expected", e,
                             f"use one of its resources, e.g. size({e.func}(…))")
        if isinstance(sym, ClassSym):
            raise self.error(f"class '{e.func}' used where a function of n is expected", e,
                             "classes appear after `in`, `notin`, `subset`")
        if sym is not None or e.func in local:
            raise self.error(f"'{e.func}' is not a function", e,
                             "abstract functions are used without arguments: write f, not f(n)")
        outside = _outside_hint(e)
        if outside is not None:
            raise self.error(outside[0], e, outside[1])
        # A resource of a family: size(F).
        if len(e.args) == 1 and not e.kwargs and e.func in self._resource_names() and (
                _names_a_family(e.args[0])):
            self.family_ref(e.args[0], local)  # an undeclared family: say which name
        if len(e.args) != 1 or e.kwargs or not self._is_family_ref(e.args[0], local):
            raise self.error(f"unknown function '{e.func}'", e,
                             did_you_mean(e.func, set(BUILTINS))
                             or "resources are written as resource(Family), e.g. size(SMAT)")
        family = self.family_ref(e.args[0], local)
        if family is not None:
            resources = family.resources()
            if e.func not in resources:
                raise self.error(f"family '{family.name}' has no resource '{e.func}'", e,
                                 did_you_mean(e.func, set(resources))
                                 or f"it states: {', '.join(resources)}")

    def _tstar(self, e: A.Call, local: dict[str, str]) -> None:
        """`tstar(F)`, `tstar(F, d)`, `tstar(F, d, K)`: a family instance, a dimension,
        a class of the RC shape (rcproof.elaborate.shape)."""
        from rcproof.elaborate.shapecheck import rc_shaped

        usage = "write tstar(F), tstar(F, d) or tstar(F, d, K) with K a class such as RC"
        if e.kwargs or not 1 <= len(e.args) <= 3:
            raise self.error("tstar takes a family, a dimension and a class", e, usage)
        first = e.args[0]
        named = (isinstance(first, A.Name) and first.id != "n") or (
            isinstance(first, A.Call) and first.func not in BUILTINS)
        if not named:
            raise self.error("the first argument of tstar must be a family", first, usage)
        self.family_ref(e.args[0], local)
        if len(e.args) > 1:
            self.expr(e.args[1], local)
        cls = e.args[2] if len(e.args) > 2 else None
        if cls is not None and not isinstance(cls, A.Name):
            raise self.error("the third argument of tstar must be a class name", cls, usage)
        try:
            shape = rc_shaped(self.scope, cls.id if cls is not None else None)
        except RcError as err:
            raise self.error(err.message, cls or e, err.hint) from None
        if len(e.args) > 1:
            self._tstar_dim(e.args[1], shape.name, shape.dim is not None)

    def _tstar_dim(self, dim: A.Expr, cls: str, has_dim: bool) -> None:
        """The dimension argument of tstar: the class must take one (like `rcproof
        bound`, which refuses a class without a dimension parameter), and a number is at
        least 2 (THEORY.md §4: realizations live in d >= 2 dimensions; docs/language.md,
        "A dimension … is a number >= 2")."""
        if not has_dim:
            raise self.error(
                f"class {cls} has no dimension parameter, but tstar was given a "
                "dimension", dim,
                f"tstar(F, d, K) needs a class K(f, d) with the dimension as its second "
                f"parameter, e.g. class {cls}(f, d = 3) {{ … }}; tstar(F) alone takes the "
                "default class")
        value = const_value(dim)
        if value is not None and value < 2:
            raise self.error(
                f"the dimension {value} of tstar is below 2", dim,
                "a dimension is a number >= 2 such as 3 or 5/2, or a name bound to "
                "d >= 2 (THEORY.md §4: realizations live in d >= 2 dimensions)")

    def _resource_names(self) -> set[str]:
        """Every resource some family in scope states (size, depth, …)."""
        return {r for sym in self.scope.symbols.values() if isinstance(sym, FamilySym)
                for r in sym.resources()}

    def _is_family_ref(self, e: A.Expr, local: dict[str, str]) -> bool:
        if isinstance(e, A.Name):
            return local.get(e.id) == FAMILY or isinstance(self.scope.get(e.id), FamilySym)
        if isinstance(e, A.Call):
            return isinstance(self.scope.get(e.func), FamilySym)
        return False

    def family_ref(self, e: A.Expr, local: dict[str, str]) -> FamilySym | None:
        """Check a family reference; None for a bound (abstract) family variable."""
        if isinstance(e, A.Name) and local.get(e.id) == FAMILY:
            return None
        name = e.id if isinstance(e, A.Name) else e.func if isinstance(e, A.Call) else None
        if name is None:
            raise self.error("expected a family here", e, "write a family name such as SMAT")
        sym = self.scope.get(name)
        if name == "n" and name not in local:
            raise self.error("`n` is the input size, not a family", e,
                             "write a declared family, such as `SMAT in RC(n^(2/3))`")
        if not isinstance(sym, FamilySym):
            if sym is None and name not in local:
                families = {s for s, v in self.scope.symbols.items() if isinstance(v, FamilySym)}
                raise self.error(f"unknown family '{name}'", e,
                                 did_you_mean(name, families | {k for k, v in local.items()
                                                                if v == FAMILY})
                                 or f"declare it with `family {name} {{ … }}`, or import "
                                    "the file that declares it")
            what = kind_word(sym) if sym is not None else f"bound {local[name]}"
            raise self.error(f"expected a family, but '{name}' is a {what}", e)
        if isinstance(e, A.Call):
            args = params_of_instance(sym.decl.params, e, f"family {name}", self.source)
            for arg in args.values():
                if arg.span is not None and arg.span.path == (e.span.path if e.span else None):
                    self.expr(arg, local)
        return sym

    def class_ref(self, e: A.Expr, local: dict[str, str]) -> ClassSym:
        name = e.id if isinstance(e, A.Name) else e.func if isinstance(e, A.Call) else None
        if name is None:
            raise self.error("expected a class here", e, "write a class such as RC(sqrt(n))")
        sym = self.scope.get(name)
        if not isinstance(sym, ClassSym):
            if sym is None:
                classes = {s for s, v in self.scope.symbols.items() if isinstance(v, ClassSym)}
                hint = did_you_mean(name, classes)
                module = _bundled_module_declaring(name)
                if hint is None and module is not None:
                    hint = f"add `import {module}` to use the class {name}"
                if hint is None:
                    hint = (f"declare it with `class {name}(f) {{ exists t {{ … }} }}`, or "
                            "import the file that declares it")
                raise self.error(f"unknown class '{name}'", e, hint)
            raise self.error(f"expected a class, but '{name}' is a {kind_word(sym)}", e)
        call = e if isinstance(e, A.Call) else A.Call(name, span=e.span)
        args = params_of_instance(sym.decl.params, call, f"class {name}", self.source)
        for key, arg in call.kwargs:
            self.expr(arg, local)
            del key
        for arg in call.args:
            self.expr(arg, local)
        del args
        return sym

    # ---- propositions ----
    def prop(self, p: A.Prop, local: dict[str, str]) -> None:
        if isinstance(p, A.Relation):
            self.expr(p.left, local)
            self.expr(p.right, local)
        elif isinstance(p, A.Comparison):
            for term in p.terms:
                self.expr(term, local)
                if "n" in names(term):
                    raise self.error("comparisons relate parameters, not functions of n", term,
                                     "use a Landau relation such as `= O(…)` for functions of n")
        elif isinstance(p, A.Membership):
            member_name = p.member.id if isinstance(p.member, A.Name) else (
                p.member.func if isinstance(p.member, A.Call) else "")
            if not self._is_family_ref(p.member, local) and isinstance(
                    self.scope.get(member_name), ClassSym):
                    raise self.error("a class cannot be a member of a class", p.member,
                                     "use `subset` to relate two classes")
            self.family_ref(p.member, local)
            self.class_ref(p.cls, local)
        elif isinstance(p, A.Inclusion):
            self.class_ref(p.left, local)
            self.class_ref(p.right, local)
        elif isinstance(p, A.Not):
            self.prop(p.operand, local)
        elif isinstance(p, (A.And, A.Or, A.Implies)):
            self.prop(p.left, local)
            self.prop(p.right, local)
        elif isinstance(p, A.Forall):
            inner = dict(local)
            for name in p.names:
                if name in ("n", "oo") or name in BUILTINS:
                    raise self.error(f"'{name}' is reserved and cannot be bound", p)
                if name in local:
                    raise self.error(f"'{name}' is already bound here", p,
                                     "use another name for the inner variable")
                if p.names.count(name) > 1:
                    raise self.error(f"'{name}' is bound twice in one `forall`", p)
                inner[name] = {"real": REAL, "fun": FUN, "family": FAMILY}[p.kind]
            for hyp in p.where:
                self.prop(hyp, inner)
            self.prop(p.body, inner)

    # ---- declarations ----
    def check_param(self, decl: A.ParamDecl) -> None:
        for c in decl.constraints:
            self.prop(c, {})
            if not isinstance(c, A.Comparison):
                raise self.error("parameter constraints are comparisons such as `0 < e < 1`", c)

    def check_let(self, decl: A.LetDecl) -> None:
        self.expr(decl.expr, {})

    def check_family(self, decl: A.FamilyDecl) -> None:
        local: dict[str, str] = {}
        siblings = {p.name for p in decl.params}
        for param in decl.params:
            if param.name in local:
                raise self.error(f"parameter '{param.name}' is declared twice", param)
            if param.name in RESERVED:
                raise self.error(f"'{param.name}' is reserved and cannot be a parameter",
                                 param, "choose another name")
            if param.default is not None:
                self.expr(param.default, {})
                clash = sorted(names(param.default) & siblings)
                if clash:
                    raise self.error(
                        f"the default of '{param.name}' mentions '{clash[0]}', which is also "
                        f"a parameter of {decl.name}", param.default,
                        "defaults are read outside the family, so they cannot refer to its "
                        "parameters: write the expression in the family's body instead")
            local[param.name] = VALUE
        seen: set[str] = set()
        for item in decl.items:
            self.expr(item.expr, local)
            if isinstance(item, A.FamilyLet):
                local[item.name] = VALUE
                continue
            if item.name in seen:
                raise self.error(f"resource '{item.name}' of family {decl.name} is stated twice",
                                 item, "state each resource once (exactly, or by bounds)")
            seen.add(item.name)
        for needed in REQUIRED_RESOURCES:
            if needed not in seen:
                raise self.error(f"family {decl.name} does not state its {needed}", decl,
                                 f"add a line `{needed} = …` (or `{needed} = O(…)`)")

    def class_locals(self, decl: A.ClassDecl) -> dict[str, str]:
        local = {p.name: VALUE for p in decl.params}
        if decl.exists_var is not None:
            local[decl.exists_var] = VALUE
        for c in decl.exists_constraints + decl.constraints:
            for name in names(c):
                if name not in local and name != "n" and self.scope.get(name) is None:
                    local[name] = RESOURCE
        for default in decl.defaults:
            for name in {default.name} | names(default.expr):
                if name not in local and name != "n" and self.scope.get(name) is None:
                    local[name] = RESOURCE
        return local

    def check_defaults(self, decl: A.ClassDecl, local: dict[str, str]) -> None:
        """`default r = E`: r is a resource of the member, E uses resources, n and the
        class's parameters (not its `exists` variable, not r itself)."""
        seen: set[str] = set()
        for default in decl.defaults:
            if local.get(default.name) != RESOURCE:
                raise self.error(f"'{default.name}' is not a resource of the member", default,
                                 "`default` gives the value of a resource such as work")
            if default.name in seen:
                raise self.error(f"resource '{default.name}' has two defaults", default)
            seen.add(default.name)
            used = names(default.expr)
            if default.name in used or (decl.exists_var is not None
                                         and decl.exists_var in used):
                raise self.error(f"the default of '{default.name}' may not use "
                                 f"'{default.name}' or the `exists` variable", default,
                                 "write it from other resources, e.g. `default work = size`")
            self.expr(default.expr, local)

    def check_class(self, decl: A.ClassDecl) -> None:
        for param in decl.params:
            if param.default is not None:
                self.expr(param.default, {})
        local = self.class_locals(decl)
        self.check_defaults(decl, local)
        for c in decl.exists_constraints + decl.constraints:
            if not isinstance(c, (A.Relation, A.And)):
                raise self.error("class constraints are Landau relations such as `depth = O(t)`",
                                 c)
            self.prop(c, local)

    def check_fact(self, decl: A.Axiom | A.Cite | A.Theorem) -> None:
        self.prop(decl.prop, {})
        if isinstance(decl, A.Theorem) and decl.proof is not None:
            labels: set[str] = set()
            for step in decl.proof.steps:
                self.prop(step.prop, {})
                for used in step.using:
                    if used not in labels and not isinstance(self.scope.get(used), FactSym):
                        raise self.error(f"unknown fact '{used}' after `using`", step,
                                         did_you_mean(used, labels | self.scope.names())
                                         or "name a labelled `have` step or a declared fact")
                if step.label:
                    if step.label in labels:
                        raise self.error(f"the label '{step.label}' is used twice in this "
                                         "proof", step, "give each `have` its own label")
                    labels.add(step.label)
            if not decl.proof.steps:
                raise self.error("an empty proof", decl.proof,
                                 "write at least `show <statement> by auto`, or drop "
                                 "`proof … qed` to let `auto` check the theorem")
            if decl.proof.steps[-1].kind != "show":
                raise self.error("a proof ends with a `show` step", decl.proof.steps[-1],
                                 "write `show <statement> by …` as the last step")

    def check_tactics(self, decl: A.Theorem) -> None:
        """Every `by NAME` of the proof of `decl` names a tactic or a fact; called once the
        whole file is declared, since a proof may use a theorem declared after it."""
        if decl.proof is None:
            return
        labels: set[str] = set()
        for step in decl.proof.steps:
            self.check_tactic(step, labels)
            if step.label:
                labels.add(step.label)

    def check_tactic(self, step: A.Step, labels: set[str]) -> None:
        """`by NAME` names a built-in tactic or a declared fact; a misspelt name is an input
        error (review 7: it was an `unknown` verdict, exit status 1)."""
        name = step.tactic
        if name in TACTIC_NAMES or isinstance(self.scope.get(name), FactSym):
            return
        facts = {k for k, v in self.scope.symbols.items() if isinstance(v, FactSym)}
        where = _AtName(self._name_span(step, f"by {name}", len("by ")) or step.span)
        if name in labels:
            raise self.error(f"`by {name}` names a `have` step; a step is used with `using`",
                             where, f"write `by auto using {name}`")
        raise self.error(f"unknown tactic or fact '{name}' after `by`", where,
                         did_you_mean(name, set(TACTIC_NAMES) | facts)
                         or f"write a tactic ({', '.join(TACTIC_NAMES)}) or the name of a "
                            "declared axiom, lemma or theorem")

    def _name_span(self, step: A.Step, text: str, skip: int) -> Span | None:
        """The span of the name in `text` (found on the step's last line, `skip`
        characters in), for a caret under the name rather than the whole step."""
        span = step.span
        if span is None or self.source is None:
            return None
        lines = self.source.splitlines()
        if not 0 < span.end_line <= len(lines):
            return None
        line = lines[span.end_line - 1]
        at = line.rfind(text)
        if at < 0:
            return None
        start = at + skip + 1
        return Span(span.path, span.end_line, start, span.end_line,
                    start + len(text) - skip)

    def check_param_consistency(self, params: list[ParamSym]) -> None:
        from rcproof.smt.params import inconsistent_params

        # In declaration order (a set's order changed with the string hash seed, and
        # with it which constraint was named and the cache key of the query).
        decls = dict.fromkeys(p.decl for p in params)
        culprit = inconsistent_params([c for d in decls for c in d.constraints])
        if culprit is not None:
            raise RcError("the assumptions on parameters contradict each other", culprit.span,
                          "no real value satisfies all `where` conditions together; "
                          "check the bounds", self.source)


def _names_a_family(e: A.Expr) -> bool:
    """`X` or `X(p = …)` with X not n and not a builtin: written as a family reference."""
    if isinstance(e, A.Name):
        return e.id != "n"
    return isinstance(e, A.Call) and e.func not in BUILTINS
