"""Synthetic employment areas for demos, benchmarks and tests: plain Python, no Django.

Every person, employer and organisation it makes is fictional; identity codes use the temporary
individual numbers 900–999. Entry point: ``saumaton.synth.generator.generate``.
"""
