"""Benchmarks (not run as tests); each writes its figures under bench/results/."""
