"""Synthetic reports written from drawn figures, with the exact observations they state.

For tests (a parser must return exactly those figures), benchmarks and load tests. Nothing here is
real data: organs and figures are drawn from a seeded random generator.
"""
