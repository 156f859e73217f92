"""`python -m rcproof`."""

from rcproof.cli import run

run()
