"""The kernel's own Tier 1 check: exact sums of growth monomials (sums.py) over exponents
in Q and Q·log X/log c (exponents.py). Small and independent of the engine's growth
algebra (rcproof.growth), which it cross-checks; it imports only syntax and the budget.
"""
