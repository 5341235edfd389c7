"""The batch refresh of the summary tables: timeline in, catalogued monthly figures out.

``refresh(today)`` reads the whole timeline once (:mod:`saumaton.insight.extract`), asks the
pure metrics (``saumaton.analytics.metrics``, definitions in ``analytics.catalogue``) for every
complete month of the last year and every cut of each area (whole area, member municipality,
unit, target group), suppresses small cells (:mod:`saumaton.insight.disclosure`) and replaces
the stored figures of those months in one transaction, so a dashboard never shows a half-done
refresh. Idempotent: a second run on the same data writes the same figures.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
from django.db import transaction
from django.utils import timezone

from saumaton.analytics.catalogue import METRICS
from saumaton.analytics.metrics import monthly_metrics
from saumaton.rules.calendar import add_months

from . import extract
from .disclosure import suppress
from .models import MetricValue

DEFAULT_MONTHS = 12
Progress = Callable[[int, int], None]


def definition_version(metric_id: str) -> str:
    """A short digest of a metric's catalogued definition and source: a stored figure names the
    definition it was computed under, so a changed definition shows in the drill-down."""
    metric = METRICS[metric_id]
    return hashlib.sha256(f"{metric.definition}|{metric.source}".encode()).hexdigest()[:8]


def complete_months(today: date, count: int = DEFAULT_MONTHS) -> list[date]:
    """The first days of the ``count`` complete months before ``today``'s month, oldest first."""
    this_month = date(today.year, today.month, 1)
    return [add_months(this_month, -k) for k in range(count, 0, -1)]


@dataclass
class RefreshReport:
    months: list[date]
    rows: int = 0
    suppressed: int = 0
    people: int = 0


def compute(today: date, months: int = DEFAULT_MONTHS, progress: Progress | None = None):
    """The figures as a DataFrame (columns of ``MetricValue``), without writing them."""
    progress = progress or (lambda done, total: None)
    month_list = complete_months(today, months)
    index = extract.PersonIndex()
    timeline = extract.timeline(index, since=month_list[0])
    people = extract.people(index, month_list[-1])
    cells = people.cells()
    keys = ["area", "dimension", "cell"]
    parts = []
    for done, month in enumerate(month_list, start=1):
        figures = monthly_metrics(timeline, month, cells, by=keys)
        figures = suppress(figures, [*keys, "service_type"])
        figures["month"] = month
        parts.append(figures.rename(columns={"cell": "dimension_value"}))
        progress(done, len(month_list))
    return pd.concat(parts, ignore_index=True), len(people.base), month_list


def refresh(
    today: date | None = None, months: int = DEFAULT_MONTHS, progress: Progress | None = None
) -> RefreshReport:
    """Recompute and store every figure of the last ``months`` complete months."""
    today = today or timezone.localdate()
    figures, population, month_list = compute(today, months, progress)
    now = timezone.now()
    versions = {metric: definition_version(metric) for metric in METRICS}

    def number(value):
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else value

    objects = [
        MetricValue(
            area_id=int(row.area),
            month=row.month,
            metric=row.metric,
            dimension=row.dimension,
            dimension_value=str(row.dimension_value) or "-",
            service_type=row.service_type,
            value=number(row.value),
            numerator=number(row.numerator),
            denominator=number(row.denominator),
            suppressed=bool(row.suppressed),
            definition_version=versions[row.metric],
            computed_at=now,
        )
        for row in figures.itertuples(index=False)
    ]
    with transaction.atomic():
        MetricValue.objects.filter(month__in=month_list).delete()
        MetricValue.objects.bulk_create(objects, batch_size=5000)
    return RefreshReport(month_list, len(objects), int(figures["suppressed"].sum()), population)
