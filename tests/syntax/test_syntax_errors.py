"""Golden syntax errors: each common mistake gets a short, located message in words.

Every expectation is the full `RcError.format()` text (position, message, source line,
caret, hint), so a change in wording or in the caret's column shows up here.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rcproof.errors import RcError
from rcproof.syntax.parser import parse, parse_expr, parse_prop

# (id, source, the full formatted error)
CATALOGUE: list[tuple[str, str, str]] = [
    (
        'missing_colon',
        'theorem t SMAT in RC(n)\n',
        'bad.rc:1:11: error: expected `:` after the theorem name `t`, found `SMAT`\n'
        '  theorem t SMAT in RC(n)\n'
        '            ^~~~\n'
        '  hint: write `theorem t: <statement>`'
    ),
    (
        'missing_eq_before_landau',
        'lemma l: n O(n)\n',
        'bad.rc:1:12: error: expected `=` before `O`\n'
        '  lemma l: n O(n)\n'
        '             ^\n'
        '  hint: a Landau relation is written `f = O(g)`'
    ),
    (
        'landau_without_parens',
        'lemma l: n = O n\n',
        'bad.rc:1:16: error: expected `(` after `O`, found `n`\n'
        '  lemma l: n = O n\n'
        '                 ^\n'
        '  hint: the argument of a Landau relation goes in parentheses: `O(n)`'
    ),
    (
        'unclosed_paren',
        'lemma l: n = Theta(n^(1/2)\n',
        'bad.rc:1:27: error: expected `)` to close the `(` at line 1, column 19\n'
        '  lemma l: n = Theta(n^(1/2)\n'
        '                            ^\n'
        '  hint: add the missing `)`'
    ),
    (
        'unclosed_paren_before_next_decl',
        'let x = (n + 1\ntheorem t: x = O(n)\n',
        'bad.rc:1:15: error: expected `)` to close the `(` at line 1, column 9\n'
        '  let x = (n + 1\n'
        '                ^\n'
        '  hint: add the missing `)`'
    ),
    (
        'stray_close_paren',
        'lemma l: n = O(n))\n',
        'bad.rc:1:18: error: unmatched `)`: there is no open `(` to close\n'
        '  lemma l: n = O(n))\n'
        '                   ^\n'
        '  hint: remove this `)` or add the matching `(`'
    ),
    (
        'stray_close_brace',
        'family F { size = n; depth = n }}\n',
        'bad.rc:1:33: error: unmatched `}`: there is no open `{` to close\n'
        '  family F { size = n; depth = n }}\n'
        '                                  ^\n'
        '  hint: remove this `}` or add the matching `{`'
    ),
    (
        'unclosed_family',
        'family F(w = 1) {\n  size  = n * w\n  depth = log(n)\n',
        'bad.rc:3:17: error: expected `}` to close family `F` (opened at line 1)\n'
        '    depth = log(n)\n'
        '                  ^\n'
        '  hint: add `}` after its last item'
    ),
    (
        'unclosed_family_before_theorem',
        'family F {\n  size = n\n\ntheorem t: F in RC(n)\n',
        'bad.rc:2:11: error: expected `}` to close family `F` (opened at line 1)\n'
        '    size = n\n'
        '            ^\n'
        '  hint: add `}` after its last item'
    ),
    (
        'unclosed_class',
        'class K(f) {\n  size = O(f)\n',
        'bad.rc:2:14: error: expected `}` to close class `K` (opened at line 1)\n'
        '    size = O(f)\n'
        '               ^\n'
        '  hint: add `}` after its last item'
    ),
    (
        'missing_qed',
        'theorem t: n = O(n)\nproof\n  have n = O(n) by auto\n',
        'bad.rc:3:24: error: expected `qed` to end the proof of theorem `t`\n'
        '    have n = O(n) by auto\n'
        '                         ^\n'
        '  hint: add `qed` after the last step (steps start with `have` or `show`)'
    ),
    (
        'missing_by',
        'theorem t: n = O(n)\nproof\n  have n = O(n)\nqed\n',
        'bad.rc:3:16: error: expected `by` and a tactic at the end of the proof step\n'
        '    have n = O(n)\n'
        '                 ^\n'
        '  hint: end the step with `by` and a tactic, e.g. `by auto`'
    ),
    (
        'missing_tactic',
        'theorem t: n = O(n)\nproof\n  show n = O(n) by\nqed\n',
        'bad.rc:3:19: error: expected a tactic after `by`\n'
        '    show n = O(n) by\n'
        '                    ^\n'
        '  hint: tactics are auto, unfold, growth, smt, limit, or the name of a fact'
    ),
    (
        'missing_using',
        'theorem t: n = O(n)\nproof\n  show n = O(n) by growth s\nqed\n',
        'bad.rc:3:27: error: expected `using` before the fact `s`\n'
        '    show n = O(n) by growth s\n'
        '                            ^\n'
        '  hint: write `by growth using s`'
    ),
    (
        'forall_without_dot',
        'theorem t: forall x : real where x > 0 n^x = omega(1)\n',
        'bad.rc:1:40: error: expected `.` to end the `forall … where …` part, found `n`\n'
        '  theorem t: forall x : real where x > 0 n^x = omega(1)\n'
        '                                         ^\n'
        '  hint: write `forall x : real where x > 0. <statement>`'
    ),
    (
        'forall_without_where',
        'theorem t: forall x : real x > 0. n^x = omega(1)\n',
        'bad.rc:1:28: error: expected `where` or `.` after the quantified variables,'
        ' found `x`\n'
        '  theorem t: forall x : real x > 0. n^x = omega(1)\n'
        '                             ^\n'
        '  hint: write `forall x : real where x > 0. <statement>`'
    ),
    (
        'forall_without_kind',
        'theorem t: forall x real. n^x = omega(1)\n',
        'bad.rc:1:21: error: expected `:` and a kind after the quantified variables,'
        ' found `real`\n'
        '  theorem t: forall x real. n^x = omega(1)\n'
        '                      ^~~~\n'
        '  hint: write `forall x : real. …`'
    ),
    (
        'eq_in_constraint',
        'param e : real where e = 1\n',
        'bad.rc:1:24: error: a constraint compares with `==`, not `=`\n'
        '  param e : real where e = 1\n'
        '                         ^\n'
        '  hint: write `==` here; `=` is only used in Landau relations like `f = O(g)`'
    ),
    (
        'and_in_constraint',
        'param e : real where 0 < e and e < 1\n',
        'bad.rc:1:28: error: `where` conditions are separated by `,`, not `and`\n'
        '  param e : real where 0 < e and e < 1\n'
        '                             ^~~\n'
        '  hint: replace `and` by `,`: `where A, B`'
    ),
    (
        'double_ampersand',
        'lemma l: n = O(n) && n = O(n^2)\n',
        'bad.rc:1:19: error: `&&` is not an operator\n'
        '  lemma l: n = O(n) && n = O(n^2)\n'
        '                    ^~\n'
        '  hint: write `and`'
    ),
    (
        'double_bar',
        'lemma l: n = O(n) || n = O(n^2)\n',
        'bad.rc:1:19: error: `||` is not an operator\n'
        '  lemma l: n = O(n) || n = O(n^2)\n'
        '                    ^~\n'
        '  hint: write `or`'
    ),
    (
        'bang',
        'lemma l: !(n = o(n))\n',
        'bad.rc:1:10: error: `!` is not an operator\n'
        '  lemma l: !(n = o(n))\n'
        '           ^\n'
        '  hint: write `not` for negation'
    ),
    (
        'not_equal',
        'param e : real where e != 1\n',
        'bad.rc:1:24: error: `!=` is not an operator\n'
        '  param e : real where e != 1\n'
        '                         ^~\n'
        '  hint: a `where` clause takes comparisons only (`<`, `<=`, `==`, …): split the '
        'range in two, `a < b` and `a > b`'
    ),
    (
        'unknown_character',
        'let x = n $ 2\n',
        'bad.rc:1:11: error: unexpected character `$`\n'
        '  let x = n $ 2\n'
        '            ^'
    ),
    (
        'hash_comment',
        'let x = n # the input\n',
        'bad.rc:1:11: error: `#` does not start a comment\n'
        '  let x = n # the input\n'
        '            ^\n'
        '  hint: comments start with `--`'
    ),
    (
        'superscript',
        'lemma l: n² = O(n^2)\n',
        'bad.rc:1:11: error: `²` is not an operator\n'
        '  lemma l: n² = O(n^2)\n'
        '            ^\n'
        '  hint: write `^2` for a power'
    ),
    (
        'keyword_as_let_name',
        'let in = 3\n',
        'bad.rc:1:5: error: `in` is a keyword and cannot be used as a name\n'
        '  let in = 3\n'
        '      ^~\n'
        '  hint: choose another name, such as `in_` or `in2`'
    ),
    (
        'keyword_as_fun_name',
        'fun f, O\n',
        'bad.rc:1:8: error: `O` is a keyword and cannot be used as a name\n'
        '  fun f, O\n'
        '         ^\n'
        '  hint: choose another name, such as `O_` or `O2`'
    ),
    (
        'keyword_in_expression',
        'let x = in + 1\n',
        'bad.rc:1:9: error: expected an expression after `=`, found `in`\n'
        '  let x = in + 1\n'
        '          ^~\n'
        '  hint: `in` is a keyword and cannot be used as a name'
    ),
    (
        'number_ending_in_dot',
        'let x = 1.\n',
        'bad.rc:1:10: error: a number cannot end with `.`: `1.`\n'
        '  let x = 1.\n'
        '           ^\n'
        '  hint: write `1` or `1.0`'
    ),
    (
        'number_starting_with_dot',
        'let x = .5 * n\n',
        'bad.rc:1:9: error: a number cannot start with `.`: `.5`\n'
        '  let x = .5 * n\n'
        '          ^\n'
        '  hint: write `0.5`'
    ),
    (
        'cite_without_reference',
        'cite c: n = O(n^2)\n',
        'bad.rc:1:19: error: expected a quoted reference after the statement of citation `c`\n'
        '  cite c: n = O(n^2)\n'
        '                    ^\n'
        '  hint: write `cite c: <statement> "Author, Title, Year"`'
    ),
    (
        'cite_without_reference_before_theorem',
        'cite c: n = O(n^2)\ntheorem t: n = O(n)\n',
        'bad.rc:1:19: error: expected a quoted reference after the statement of citation `c`\n'
        '  cite c: n = O(n^2)\n'
        '                    ^\n'
        '  hint: write `cite c: <statement> "Author, Title, Year"`'
    ),
    (
        'import_without_target',
        'import\n',
        'bad.rc:1:7: error: expected a module name or a quoted file path after `import`\n'
        '  import\n'
        '        ^\n'
        '  hint: write `import physics` or `import "file.rc"`'
    ),
    (
        'empty_statement',
        'theorem t:\n',
        'bad.rc:1:11: error: the theorem `t` has no statement\n'
        '  theorem t:\n'
        '            ^\n'
        '  hint: write the statement after `:`, e.g. `theorem t: f = O(g)`'
    ),
    (
        'empty_statement_before_lemma',
        'theorem t:\nlemma u: n = O(n)\n',
        'bad.rc:1:11: error: the theorem `t` has no statement\n'
        '  theorem t:\n'
        '            ^\n'
        '  hint: write the statement after `:`, e.g. `theorem t: f = O(g)`'
    ),
    (
        'theorem_without_name',
        'theorem : n = O(n)\n',
        'bad.rc:1:9: error: expected a name after `theorem`, found `:`\n'
        '  theorem : n = O(n)\n'
        '          ^\n'
        '  hint: write `theorem name: <statement>`'
    ),
    (
        'two_relations_without_chain',
        'lemma l: n = O(n) O(n^2)\n',
        'bad.rc:1:19: error: expected `=` before `O`\n'
        '  lemma l: n = O(n) O(n^2)\n'
        '                    ^\n'
        '  hint: chain relations with `=` each time: `f = O(g) = O(h)`'
    ),
    (
        'empty_param_default',
        'family F(a = ) { size = n; depth = n }\n',
        'bad.rc:1:14: error: expected a default value after `a =`, found `)`\n'
        '  family F(a = ) { size = n; depth = n }\n'
        '               ^\n'
        '  hint: write `a = 1`, or just `a` for a parameter without a default'
    ),
    (
        'trailing_comma_in_params',
        'family F(a, ) { size = n; depth = n }\n',
        'bad.rc:1:13: error: expected a parameter name after `,`, found `)`\n'
        '  family F(a, ) { size = n; depth = n }\n'
        '              ^\n'
        '  hint: remove the trailing `,` or add another parameter'
    ),
    (
        'unclosed_param_list',
        'family F(L = 1 {\n  size = n\n  depth = n\n}\n',
        'bad.rc:1:16: error: expected `)` to close the `(` at line 1, column 9, found `{`\n'
        '  family F(L = 1 {\n'
        '                 ^\n'
        '  hint: add the missing `)`'
    ),
    (
        'statement_without_relation',
        'theorem t: size(F)\n',
        'bad.rc:1:19: error: expected a relation after `size(F)`, such as `= O(…)`, `in`'
        ' or `<`\n'
        '  theorem t: size(F)\n'
        '                    ^\n'
        '  hint: a statement relates two things: `f = O(g)`, `F in RC(f)`, `0 < e`'
    ),
    (
        'statement_without_relation_before_decl',
        'theorem t: n\nlemma u: n = O(n)\n',
        'bad.rc:1:13: error: expected a relation after `n`, such as `= O(…)`, `in` or `<`\n'
        '  theorem t: n\n'
        '              ^\n'
        '  hint: a statement relates two things: `f = O(g)`, `F in RC(f)`, `0 < e`'
    ),
    (
        'resource_without_value',
        'family F { size = n; depth }\n',
        'bad.rc:1:28: error: expected `=` after the resource `depth`, found `}`\n'
        '  family F { size = n; depth }\n'
        '                             ^\n'
        '  hint: write `depth = E` (exact growth) or `depth = O(E)` (a bound)'
    ),
    (
        'comma_between_resources',
        'family F { size = n, depth = n }\n',
        'bad.rc:1:20: error: items of a block are separated by new lines or `;`, not `,`\n'
        '  family F { size = n, depth = n }\n'
        '                     ^\n'
        '  hint: replace this `,` by `;` or start a new line'
    ),
    (
        'log_without_parens',
        'let x = log n\n',
        'bad.rc:1:13: error: expected `(` after `log`\n'
        '  let x = log n\n'
        '              ^\n'
        '  hint: function arguments go in parentheses: `log(n)`'
    ),
    (
        'juxtaposed_product',
        'let x = n log(n)\n',
        'bad.rc:1:11: error: expected an operator between `n` and `log`\n'
        '  let x = n log(n)\n'
        '            ^~~\n'
        '  hint: write `n * log(…)` for a product'
    ),
    (
        'names_without_comma',
        'fun f g\n',
        'bad.rc:1:7: error: expected `,` between the names `f` and `g`\n'
        '  fun f g\n'
        '        ^\n'
        '  hint: separate names with commas: `f, g`'
    ),
    (
        'let_without_eq',
        'let x 3\n',
        'bad.rc:1:7: error: expected `=` after `let x`, found `3`\n'
        '  let x 3\n'
        '        ^\n'
        '  hint: write `let x = <expression>`'
    ),
    (
        'landau_after_eq_missing',
        'lemma l: n = o(n^2) =\n',
        'bad.rc:1:22: error: expected a Landau relation such as `O(…)` or `Theta(…)`'
        ' after `=`\n'
        '  lemma l: n = o(n^2) =\n'
        '                       ^\n'
        '  hint: a relation is written `f = O(g)`'
    ),
    (
        'empty_landau',
        'lemma l: n = O()\n',
        'bad.rc:1:16: error: expected an expression inside `O(…)`, found `)`\n'
        '  lemma l: n = O()\n'
        '                 ^\n'
        '  hint: write the bounding function, e.g. `O(n^2)`'
    ),
    (
        'missing_class_after_in',
        'theorem t: SMAT in\n',
        'bad.rc:1:19: error: expected a class after `in`, such as `RC(…)`\n'
        '  theorem t: SMAT in\n'
        '                    ^\n'
        '  hint: write a class instance, e.g. `F in RC(n)`'
    ),
    (
        'missing_exponent',
        'lemma l: n ^ = O(n)\n',
        'bad.rc:1:14: error: expected an exponent after `^`, found `=`\n'
        '  lemma l: n ^ = O(n)\n'
        '               ^\n'
        '  hint: write the exponent, e.g. `n^2` or `n^(1/3)`'
    ),
    (
        'arrow_typo',
        'lemma l: n = O(n) => n = O(n^2)\n',
        'bad.rc:1:19: error: `=>` is not an operator\n'
        '  lemma l: n = O(n) => n = O(n^2)\n'
        '                    ^~\n'
        '  hint: write `->` for implication or `>=` for a comparison'
    ),
    (
        'asymptotic_chain',
        'lemma l: n ~ n + 1 ~ n + 2\n',
        'bad.rc:1:20: error: `~` does not chain\n'
        '  lemma l: n ~ n + 1 ~ n + 2\n'
        '                     ^\n'
        '  hint: state each pair and join them: `a ~ b and b ~ c`'
    ),
    (
        'membership_after_relation',
        'lemma l: n = O(n) in RC(n)\n',
        'bad.rc:1:19: error: expected `and`, `or` or `->` before another relation, found `in`\n'
        '  lemma l: n = O(n) in RC(n)\n'
        '                    ^~\n'
        '  hint: only Landau relations chain (`f = O(g) = o(h)`); join other statements'
        ' with `and`'
    ),
    (
        'misspelt_keyword',
        'theroem t: n = O(n)\n',
        'bad.rc:1:1: error: expected a declaration such as `theorem` or `let`, found'
        ' `theroem`\n'
        '  theroem t: n = O(n)\n'
        '  ^~~~~~~\n'
        "  hint: did you mean 'theorem'?"
    ),
    (
        'missing_keyword',
        't: n = O(n)\n',
        'bad.rc:1:1: error: expected a declaration such as `theorem` or `let`, found `t`\n'
        '  t: n = O(n)\n'
        '  ^\n'
        '  hint: start a theorem with the keyword: `theorem t: …`'
    ),
    (
        'by_without_proof',
        'lemma l: n = O(n)\n  by auto\n',
        'bad.rc:2:3: error: `by` is only used in the steps of a `proof … qed`\n'
        '    by auto\n'
        '    ^~\n'
        '  hint: remove it: without a proof the checker searches for one (`by auto`)'
    ),
    (
        'extra_qed',
        'theorem t: n = O(n)\nproof\n  show n = O(n) by auto\nqed\nqed\n',
        'bad.rc:5:1: error: `qed` without an open `proof`\n'
        '  qed\n'
        '  ^~~\n'
        '  hint: remove it: every `proof` is closed by exactly one `qed`'
    ),
    (
        'exists_without_name',
        'class K(f) { exists { depth = O(f) } }\n',
        'bad.rc:1:21: error: expected a name after `exists`, found `{`\n'
        '  class K(f) { exists { depth = O(f) } }\n'
        '                      ^\n'
        '  hint: write `exists t { <constraints on t> }`'
    ),
    (
        'relation_inside_call',
        'lemma l: size(SMAT = O(n^2)\n',
        'bad.rc:1:20: error: expected `)` to close the `(` at line 1, column 14 before'
        ' the relation\n'
        '  lemma l: size(SMAT = O(n^2)\n'
        '                     ^\n'
        '  hint: a Landau relation cannot stand inside parentheses: close them before `= O(…)`'
    ),
    (
        'square_brackets',
        'let x = [n + 1]\n',
        'bad.rc:1:9: error: square brackets are not used\n'
        '  let x = [n + 1]\n'
        '          ^\n'
        '  hint: group with parentheses `(…)`'
    ),
    (
        'braces_in_expression',
        'let x = {n + 1}\n',
        'bad.rc:1:9: error: braces do not group expressions\n'
        '  let x = {n + 1}\n'
        '          ^\n'
        '  hint: group with parentheses `(…)`'
    ),
    (
        'quoted_text_in_expression',
        'let x = "n"\n',
        'bad.rc:1:9: error: unexpected quoted text\n'
        '  let x = "n"\n'
        '          ^~~\n'
        '  hint: quoted text is only used after `import` and at the end of a `cite`'
    ),
    (
        'unclosed_quote',
        'import "physics.rc\n',
        'bad.rc:1:8: error: unclosed quoted text\n'
        '  import "physics.rc\n'
        '         ^\n'
        '  hint: end the text with `"` on the same line'
    ),
    (
        'slash_comment',
        'let x = n // the input\n',
        'bad.rc:1:11: error: `//` does not start a comment\n'
        '  let x = n // the input\n'
        '            ^\n'
        '  hint: comments start with `--`'
    ),
    (
        'param_not_real',
        'param k : int\n',
        'bad.rc:1:11: error: expected `real` after `:`, found `int`\n'
        '  param k : int\n'
        '            ^~~\n'
        '  hint: parameters are real numbers: `param x : real`'
    ),
    (
        'param_without_colon',
        'param e real\n',
        'bad.rc:1:9: error: expected `:` after the parameter name, found `real`\n'
        '  param e real\n'
        '          ^~~~\n'
        '  hint: write `param e : real`'
    ),
    (
        'step_label_without_colon',
        'theorem t: n = O(n)\nproof\n  have s n = O(n) by auto\nqed\n',
        'bad.rc:3:10: error: expected `:` after the step label `s`\n'
        '    have s n = O(n) by auto\n'
        '           ^\n'
        '  hint: write `have s: <statement> by <tactic>`'
    ),
    (
        'trailing_comma_in_fun',
        'fun f, g,\nlet x = f\n',
        'bad.rc:1:10: error: expected a name after `,`\n'
        '  fun f, g,\n'
        '           ^\n'
        '  hint: remove the trailing `,`'
    ),
    (
        'unicode_and',
        'theorem t: SMAT ∈ RC(n) ∧ SMAT ∉ RC(√n)\n',
        'bad.rc:1:25: error: `∧` is not an operator\n'
        '  theorem t: SMAT ∈ RC(n) ∧ SMAT ∉ RC(√n)\n'
        '                          ^\n'
        '  hint: write `and`'
    ),
    (
        'dot_multiplication',
        'let x = n · log(n)\n',
        'bad.rc:1:11: error: `·` is not an operator\n'
        '  let x = n · log(n)\n'
        '            ^\n'
        '  hint: write `*` for multiplication'
    ),
    (
        'landau_as_expression',
        'lemma l: O(n) = O(n^2)\n',
        'bad.rc:1:10: error: `O(…)` can only follow `=` in a relation\n'
        '  lemma l: O(n) = O(n^2)\n'
        '           ^\n'
        '  hint: write `f = O(g)`; a Landau class is not an expression'
    ),
    (
        'landau_with_two_arguments',
        'lemma l: n = O(n, m)\n',
        'bad.rc:1:17: error: `O(…)` takes one expression, found `,`\n'
        '  lemma l: n = O(n, m)\n'
        '                  ^\n'
        '  hint: write one relation per bound: `f = O(g) and f = O(h)`, or `O(max(g, h))`'
    ),
    (
        'using_without_fact',
        'theorem t: n = O(n)\nproof\n  show n = O(n) by growth using\nqed\n',
        'bad.rc:3:32: error: expected the name of a fact after `using`\n'
        '    show n = O(n) by growth using\n'
        '                                 ^\n'
        '  hint: write `using a, b` with the names of earlier facts'
    ),
    (
        'label_after_colon',
        'theorem t: n = O(n)\nproof\n  have: n = O(n) by auto\nqed\n',
        'bad.rc:3:7: error: expected a statement after `have`, found `:`\n'
        '    have: n = O(n) by auto\n'
        '        ^\n'
        "  hint: a step's label goes before the `:`: `have s: <statement> by …`"
    ),
    (
        'keyword_after_by',
        'theorem t: n = O(n) proof show n = O(n) by qed',
        'bad.rc:1:44: error: expected a tactic after `by`, found the keyword `qed`\n'
        '  theorem t: n = O(n) proof show n = O(n) by qed\n'
        '                                             ^~~\n'
        '  hint: tactics are auto, unfold, growth, smt, limit, or the name of a fact'
    ),
]


@pytest.mark.parametrize(("source", "expected"), [(s, e) for _, s, e in CATALOGUE],
                         ids=[name for name, _, _ in CATALOGUE])
def test_golden_message(source: str, expected: str) -> None:
    with pytest.raises(RcError) as info:
        parse(source, "bad.rc")
    assert info.value.format() == expected


def test_catalogue_is_large_and_distinct() -> None:
    assert len(CATALOGUE) >= 25
    assert len({name for name, _, _ in CATALOGUE}) == len(CATALOGUE)
    assert len({source for _, source, _ in CATALOGUE}) == len(CATALOGUE)


_TERMINAL_LIKE = re.compile(r"__ANON|\$END|\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b")


def _terminal_names() -> set[str]:
    """Names lark gives the grammar's terminals (LPAR, EQUAL, ...) other than keywords."""
    from rcproof.syntax.parser import _parser

    return {t.name for t in _parser().terminals if t.name != str(t.pattern.value)}


_MORE_BAD = [
    "theorem", "lemma x", "axiom a:", "family", "family F", "family F(", "family F {",
    "class K(f) {", "class K(f) { exists t {", "theorem t: n = O(n) proof have", "let x = (",
    "let x = max(", "theorem t: forall", "theorem t: forall x", "theorem t: forall x :",
    "theorem t: forall x : real where", "param", "param e :", "fun", "cite c: n = O(n) 3",
    "import 3", "theorem t: not not", "theorem t: (n = O(n)", "theorem t: n = O(n) and (",
    "let x = n ^", "let x = -", "theorem t: SMAT(p = ) in RC(n)", "theorem t: n ~",
    "theorem t: n <", "theorem t: F subset", "let x = 1 2 3", "}", ")", "(", ";", ",", ".",
    "= O(n)", "theorem t: n = O(n)\nproof\n  show", "theorem t: n = O(n) proof show n by",
    "lemma l: n = O(n) = o(n) O", "let x = ∞ ∞", "theorem t: √", "let x = n @ m",
]


@pytest.mark.parametrize("source", [s for _, s, _ in CATALOGUE] + _MORE_BAD)
def test_no_terminal_names_in_messages(source: str) -> None:
    with pytest.raises(RcError) as info:
        parse(source, "bad.rc")
    error = info.value
    words = f"{error.message} {error.hint or ''}"
    assert not _TERMINAL_LIKE.search(words), words
    for name in _terminal_names():
        assert not re.search(rf"(?<![\w`]){re.escape(name)}(?!\w)", words), (name, words)
    text = error.format()
    assert text.startswith("bad.rc:")
    assert "error: " in text.splitlines()[0]


@pytest.mark.parametrize("source", [s for _, s, _ in CATALOGUE] + _MORE_BAD)
def test_caret_is_on_the_reported_column(source: str) -> None:
    with pytest.raises(RcError) as info:
        parse(source, "bad.rc")
    error = info.value
    assert error.span is not None
    lines = error.format().splitlines()
    if len(lines) >= 3 and lines[2].lstrip().startswith("^"):
        assert lines[2].index("^") - 2 == error.span.column - 1


def test_expression_and_proposition_entry_points() -> None:
    with pytest.raises(RcError) as info:
        parse_expr("log n")
    assert info.value.format() == (
        "<expr>:1:5: error: expected `(` after `log`\n"
        "  log n\n"
        "      ^\n"
        "  hint: function arguments go in parentheses: `log(n)`"
    )
    with pytest.raises(RcError) as info:
        parse_prop("n")
    assert info.value.message.startswith("expected a relation after `n`")
    with pytest.raises(RcError) as info:
        parse_prop("")
    assert info.value.format() == (
        "<prop>:1:1: error: expected a statement, found the end of the file")


def test_keywords_are_reserved_everywhere() -> None:
    for source in ("let in = 3", "fun O", "theorem qed: n = O(n)", "param real : real",
                   "family F(o = 1) { size = n; depth = n }", "let x = n\nlet poly = 2"):
        with pytest.raises(RcError) as info:
            parse(source)
        assert "keyword" in info.value.format()


# ---- robustness: any input gives a parse or a located RcError, never a crash -------------

_VOCABULARY = [
    "theorem", "lemma", "axiom", "cite", "let", "fun", "family", "class", "param", "import",
    "proof", "qed", "have", "show", "by", "using", "forall", "where", "exists", "real",
    "and", "or", "not", "in", "notin", "subset", "subsetneq", "O", "Omega", "Theta", "o",
    "omega", "poly", "polylog", "n", "f", "x", "SMAT", "RC", "log", "sqrt", "size", "1",
    "0.5", "2", '"ref"', "(", ")", "{", "}", ",", ";", ":", ".", "=", "==", "<", "<=", ">",
    ">=", "~", "+", "-", "*", "/", "^", "->", "∈", "∉", "⊆", "⊊", "∀", "→", "Θ", "Ω", "ω",
    "∞", "√", "-- note\n", "\n", "&&", "!", "#", "$", "1.", ".5", "[", "²",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=14), st.sampled_from([" ", "", "\n"]))
def test_random_token_soup_never_crashes(words: list[str], sep: str) -> None:
    _check_parse_or_error(sep.join(words))


_VALID = (
    "param eps : real where 0 < eps < 1\nlet lg = log(n)\nfun f, g\n"
    "family SMAT(L = 1, p = 1) {\n  size = L * n^2 * p^2\n  depth = O(L * log(n))\n}\n"
    "class K(f, d = 3) { exists t { depth = O(t) } size = poly(n) }\n"
    "theorem a: forall d : real where d > 2. SMAT(p = log(n)) notin RC(n^(1/(d-1)), d)\n"
    'cite c: n = o(n^2) = O(n^3) "ref"\n'
    "theorem b: SMAT notin RC(sqrt(n))\nproof\n  have s: size(SMAT) = Theta(n^2) by unfold\n"
    "  show SMAT notin RC(sqrt(n)) by growth using s\nqed\n"
)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, len(_VALID)), st.integers(0, 12), st.sampled_from([*_VOCABULARY, ""]))
def test_damaged_valid_files_never_crash(cut: int, drop: int, insert: str) -> None:
    _check_parse_or_error(_VALID[:cut] + insert + _VALID[cut + drop:])


def _check_parse_or_error(source: str) -> None:
    try:
        parse(source, "fuzz.rc")
    except RcError as error:
        text = error.format()
        assert text.startswith("fuzz.rc:")
        assert error.span is not None
        lines = source.splitlines()
        assert 1 <= error.span.line <= max(1, len(lines))
        words = f"{error.message} {error.hint or ''}"
        assert not _TERMINAL_LIKE.search(words), words


_FOREIGN_OPERATORS = [("strictsubset", "subsetneq"), ("propersubset", "subsetneq"),
                      ("subseteq", "subset"), ("subsetnq", "subsetneq"), ("isin", "in"),
                      ("elem", "in"), ("notelem", "notin"), ("nottin", "notin"),
                      ("implies", "->"), ("AND", "and"), ("vee", "or")]


@pytest.mark.parametrize(("word", "meant"), _FOREIGN_OPERATORS)
@pytest.mark.parametrize("left", ["F", "RC(n)", "n = O(n)"])
def test_operator_words_from_other_notations(word: str, meant: str, left: str) -> None:
    """`RC(n) strictsubset RC(n^2)` suggested a product (`(…) * strictsubset`); a word
    from LaTeX, Isabelle or Lean, or a misspelt operator, names the operator meant."""
    source = f"theorem t: {left} {word} RC(n)\n"
    with pytest.raises(RcError) as info:
        parse(source, "bad.rc")
    message = info.value.render() if hasattr(info.value, "render") else str(info.value)
    assert f"`{word}` is not an operator" in message, message
    assert f"did you mean `{meant}`?" in message, message
    assert f"1:{len('theorem t: ' + left) + 2}" in message, message


@pytest.mark.parametrize("word", ["size", "subs", "log", "n", "andy", "total"])
def test_ordinary_names_still_read_as_a_missing_product(word: str) -> None:
    with pytest.raises(RcError) as info:
        parse(f"let x = n {word}\n", "bad.rc")
    assert "is not an operator" not in str(info.value)


@pytest.mark.parametrize("command", ["\\subseteq", "\\in", "\\land", "\\Theta", "\\sqrt"])
def test_latex_commands_get_a_hint(command: str) -> None:
    """`RC(n) \\subseteq RC(n^2)` said only "unexpected character" (review 8)."""
    with pytest.raises(RcError) as info:
        parse(f"theorem t: RC(n) {command} RC(n^2)\n", "bad.rc")
    message = info.value.render() if hasattr(info.value, "render") else str(info.value)
    assert "no LaTeX commands" in message and "hint: write the word" in message, message
