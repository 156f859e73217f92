"""Split a file's text into pieces that parse independently (for parsing in parallel).

In the grammar (`grammar/rc.lark`) the keywords `theorem` and `lemma` occur only at the
start of a declaration, strings and comments never span lines, and a file is `decl*`.
So a line that begins (column 0) with one of them begins a declaration, the text before
it is a complete sequence of declarations, and parsing the pieces one by one gives the
declarations of the whole file in order. Each piece is padded with the newlines before
it, so every span keeps its line (and column) in the file.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rcproof.syntax import ast as A

_STARTS = re.compile(r"^(?:theorem|lemma)[ \t]", re.MULTILINE)


def pieces(source: str, count: int) -> list[str]:
    """At most `count` (≥ 1) pieces of about equal length, each padded with newlines to
    its starting line; joined without the padding they are `source` again."""
    if count <= 1:
        return [source]
    cuts: list[int] = []
    target = len(source) / count
    for match in _STARTS.finditer(source):
        if match.start() >= target * (len(cuts) + 1) and match.start() > 0:
            cuts.append(match.start())
            if len(cuts) == count - 1:
                break
    bounds = [0, *cuts, len(source)]
    out = []
    for start, end in pairwise(bounds):
        out.append("\n" * source.count("\n", 0, start) + source[start:end])
    return out


def parse_piece(text: str, path: str) -> list[A.Decl]:
    """The declarations of one piece, without doc comments (attached for the whole file
    by `module`); raises RcError on bad syntax like `parse`."""
    from rcproof.syntax.parser import _parse_tree

    return list(_parse_tree(text, path, "start").children)


def module(source: str, path: str, decls: list[A.Decl]) -> A.Module:
    """The module of a whole file from the declarations of its pieces, in order."""
    from rcproof.syntax.parser import _attach_docs

    return A.Module(path, source, _attach_docs(decls, source))
