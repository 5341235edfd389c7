"""Outcome metrics, municipal financing, service impact and profiling as plain Python.

Why a pure package: the same figures feed the batch refresh, the dashboards, the CLI and the
tests, so they must not depend on Django (architecture principle 1). Everything here takes plain
records or pandas DataFrames with documented columns and returns plain data; the Django side
(``saumaton/insights``) only loads rows, stores summaries and renders them.

Modules: ``catalogue`` (metric names and definitions), ``timeline`` (status, service and meeting
records), ``metrics`` (the monthly figures), ``csvio`` (line-level CSV errors), ``kela``
(Kela's municipal-share CSV), ``financing`` (liability, forecast, watchlist), ``synthetic``
(a registration cohort with planted effects), ``impact`` (IPW and matching), ``profiling``
(long-term-unemployment risk model), ``fairness`` (audit and publish gate), ``cli``.
"""
