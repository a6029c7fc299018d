"""Measuring extraction against gold labels (score: pure scoring; run: the command line)."""
