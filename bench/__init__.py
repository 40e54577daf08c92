"""Benchmark tools run by hand: synthetic guides and build/page-weight measurements."""
