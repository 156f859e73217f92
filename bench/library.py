"""A generated `.rc` library for the scale benchmark: many true theorems over random families.

Every statement is true by construction (the generator decides it itself from exponent
vectors), so the whole library should verify as proved:

* Landau relations between sums of monomials `c * n^a * log(n)^b`: the dominant term is
  the lexicographically largest (a, b), and the relation follows from comparing them.
* Memberships `F in RC(B)` / `F notin RC(B)` for d = 3, against the minimal realization
  time t* = max(depth, size^(1/3), n^(1/2)) computed from the family's exponents.
* Quantified statements `forall d : real where d >= 2. …` (d = 2 is the worst case).
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

Mono = tuple[Fraction, Fraction]  # (exponent of n, exponent of log(n))

_DENOMS = [1, 1, 1, 2, 3, 4]


def _frac(rng: random.Random, lo: int, hi: int) -> Fraction:
    """A random rational in [lo, hi] with a small denominator."""
    q = rng.choice(_DENOMS)
    return Fraction(rng.randint(lo * q, hi * q), q)


def _num(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else f"({x.numerator}/{x.denominator})"


def _mono_text(m: Mono, coef: int = 1) -> str:
    """`coef * n^a * log(n)^b`, leaving out trivial factors."""
    a, b = m
    parts = [str(coef)] if coef != 1 else []
    if a == 1:
        parts.append("n")
    elif a != 0:
        parts.append(f"n^{_num(a)}")
    if b == 1:
        parts.append("log(n)")
    elif b != 0:
        parts.append(f"log(n)^{_num(b)}")
    return " * ".join(parts) or "1"


def _random_mono(rng: random.Random, max_n: int = 3, max_log: int = 3) -> Mono:
    return _frac(rng, 0, max_n), Fraction(rng.randint(0, max_log))


def _landau(rng: random.Random) -> str:
    """A true Landau relation between two random monomial sums."""
    left = [_random_mono(rng) for _ in range(rng.randint(1, 4))]
    right = [_random_mono(rng) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.3:  # force equal dominant terms now and then: Theta
        right.append(max(left))
    lhs = " + ".join(_mono_text(m, rng.randint(1, 9)) for m in left)
    rhs = " + ".join(_mono_text(m, rng.randint(1, 9)) for m in right)
    dl, dr = max(left), max(right)
    if dl < dr:
        rel = rng.choice(["o", "O"])
    elif dl > dr:
        rel = rng.choice(["omega", "Omega"])
    else:
        rel = rng.choice(["Theta", "O", "Omega"])
    return f"{lhs} = {rel}({rhs})"


class _Family:
    """A family `size = n^a * log(n)^b`, `depth = n^c * log(n)^e` with its t* exponents."""

    def __init__(self, name: str, size: Mono, depth: Mono) -> None:
        self.name, self.size, self.depth = name, size, depth

    def decl(self) -> str:
        return (f"family {self.name} {{ size = {_mono_text(self.size)}; "
                f"depth = {_mono_text(self.depth)} }}")

    def t_star(self, d: int) -> Mono:
        """Exponents of max(depth, size^(1/d), n^(1/(d-1)))."""
        root = (self.size[0] / d, self.size[1] / d)
        return max(self.depth, root, (Fraction(1, d - 1), Fraction(0)))


def _random_family(rng: random.Random, name: str) -> _Family:
    size = (_frac(rng, 1, 4), Fraction(rng.randint(0, 2)))
    if rng.random() < 0.5:
        depth: Mono = (Fraction(0), Fraction(rng.randint(1, 3)))  # polylog depth
    else:
        depth = (_frac(rng, 0, 1) * Fraction(rng.randint(1, 3), 4), Fraction(rng.randint(0, 2)))
        depth = (min(depth[0], size[0]), depth[1])
    return _Family(name, size, depth)


def _member(rng: random.Random, fam: _Family) -> str:
    """A true `F in RC(B)`: B's exponent vector is at or above t*_3."""
    a, b = fam.t_star(3)
    if rng.random() < 0.5:
        bound = (a, b + rng.randint(0, 1))
    else:
        bound = (a + Fraction(rng.randint(1, 6), 6), Fraction(0))
    return f"{fam.name} in RC({_mono_text(bound)})"


def _non_member(rng: random.Random, fam: _Family) -> str:
    """A true `F notin RC(B)`: B's exponent vector is strictly below t*_3."""
    a, b = fam.t_star(3)
    choice = rng.random()
    if choice < 0.4 and b > 0:
        bound = (a, b - 1)
    elif choice < 0.7 and a > 0:
        bound = (a * Fraction(rng.randint(1, 5), 6), Fraction(rng.randint(0, 3)))
    else:
        bound = (Fraction(rng.randint(0, 2), 6), Fraction(rng.randint(0, 2)))
    return f"{fam.name} notin RC({_mono_text(bound)})"


def _forall(rng: random.Random, fam: _Family) -> str:
    """A true statement for every dimension d >= 2 (checked at the worst case, d = 2)."""
    if rng.random() < 0.5:
        a, _ = fam.t_star(2)
        return (f"forall d : real where d >= 2. "
                f"{fam.name} in RC(n^{_num(a + Fraction(1, 2))}, d)")
    k = Fraction(rng.randint(1, 4))
    return f"forall d : real where d >= 2. n^{_num(k)} * log(n) = o(n^(d + {_num(k)}))"


def generate(folder: Path, count: int = 1000, files: int = 10, seed: int = 1) -> list[Path]:
    """Write `count` true theorems over `files` files in `folder`; return the paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    per_file = [count // files + (1 if i < count % files else 0) for i in range(files)]
    for i, quota in enumerate(per_file):
        families = [_random_family(rng, f"G{i}F{j}") for j in range(rng.randint(3, 6))]
        lines = [f"-- generated benchmark library, file {i} (seed {seed})", "import physics", ""]
        lines += [fam.decl() for fam in families]
        lines.append("")
        for k in range(quota):
            roll = rng.random()
            fam = rng.choice(families)
            if roll < 0.45:
                stmt = _landau(rng)
            elif roll < 0.75:
                stmt = _member(rng, fam)
            elif roll < 0.93:
                stmt = _non_member(rng, fam)
            else:
                stmt = _forall(rng, fam)
            lines.append(f"theorem g{i}_{k}: {stmt}")
        path = folder / f"gen{i:02d}.rc"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import sys
    import tempfile

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    for p in generate(out):
        print(p)
