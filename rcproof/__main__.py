"""`python -m rcproof`."""

from rcproof.cli import main

main()
