"""Matching jobseekers and vacancies (kohtaanto): pure Python + numpy/scipy, no Django.

Entry points: ``records`` (the input schema), ``MatchIndex`` (build, update, query top-k in
both directions), ``explain.explain`` (render a reason in fi/sv/en), ``batch`` (the nightly
top-k for everyone) and ``cli.main`` (JSONL in, JSONL out). See docs/matching.md.
"""

from saumaton.matching.index import Match, MatchIndex
from saumaton.matching.reasons import Reason
from saumaton.matching.records import JobseekerProfile, RecordError, Vacancy

__all__ = ["JobseekerProfile", "Match", "MatchIndex", "Reason", "RecordError", "Vacancy"]
