"""The class of the RC shape a command or `tstar` names, or an error for the user.

`rcproof.elaborate.shape.chosen_shape` makes the choice; this module words a missing,
unknown or ambiguous class (exit status 2), for the checker and the commands.
"""

from __future__ import annotations

from rcproof.elaborate.shape import Shape, chosen_shape, shaped_classes
from rcproof.elaborate.symbols import ClassSym, Scope
from rcproof.errors import RcError, did_you_mean


def rc_shaped(scope: Scope, name: str | None = None) -> Shape:
    """The class named `name` (default: `RC` when it is in scope, else the only class of
    the RC shape in scope), checked to have the RC shape.

    Raises RcError (exit 2) when there is no such class or the choice is ambiguous."""
    shaped = shaped_classes(scope.definitions)
    chosen = chosen_shape(scope.definitions, name)
    if chosen is not None:
        return chosen
    if name is None:
        if not shaped:
            raise RcError("no class of the RC shape (`class K(f, d) { exists t { t = O(f) "
                          "… } }`) is in scope", None, "add `import physics` to the file")
        raise RcError(f"several classes of the RC shape are in scope: "
                      f"{', '.join(sorted(shaped))}", None, "choose one with --class NAME")
    sym = scope.get(name)
    if not isinstance(sym, ClassSym):
        known = {n for n, s in scope.symbols.items() if isinstance(s, ClassSym)}
        raise RcError(f"unknown class '{name}'", None, did_you_mean(name, known)
                      or f"classes here: {', '.join(sorted(known)) or 'none'}")
    raise RcError(f"class {name} does not have the RC shape", None,
                  "its body must be `exists t { t = O(f) … }` with f its first "
                  "parameter, the time budget")
