"""Putting a synthetic employment area into the database for the demo and benchmarks."""
