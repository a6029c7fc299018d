"""Benchmarks (`make bench`): measurements that print figures, never tests."""
