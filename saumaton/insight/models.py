"""What insight stores: monthly aggregates, Kela's financing rows, service effects, the model card.

Why separate tables: dashboards must answer in milliseconds while the figures take a batch run
over the whole timeline (``saumaton refresh_insight``). ``MetricValue`` and ``ServiceImpact`` hold
aggregates only, never a person; small cells are suppressed before they are written
(:mod:`saumaton.insight.disclosure`). ``KelaPayment`` and ``RiskScore`` are person-level and
registered in the personal-data registry; they are read only through scoped views.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import Person
from saumaton.organisations.models import EmploymentArea


class MetricValue(models.Model):
    """One catalogued figure (``saumaton.analytics.catalogue``) for one area, month and cell.

    ``dimension`` says how the area is cut; ``dimension_value`` is the cell (a municipality
    code, a unit id, a target group, or "*" for the whole area). ``service_type`` is "*" except
    for the after-service placement metrics, which are reported per service.
    """

    class Dimension(models.TextChoices):
        AREA = "area", _("Whole area")
        MUNICIPALITY = "municipality", _("Member municipality")
        UNIT = "unit", _("Unit")
        TARGET_GROUP = "target_group", _("Target group")

    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # first day of the month
    metric = models.CharField(max_length=64)
    dimension = models.CharField(max_length=16, choices=Dimension.choices)
    dimension_value = models.CharField(max_length=64)
    service_type = models.CharField(max_length=64, default="*")
    value = models.FloatField(null=True)
    numerator = models.FloatField(null=True)
    denominator = models.FloatField(null=True)
    suppressed = models.BooleanField(default=False)
    definition_version = models.CharField(max_length=16)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "month", "metric", "dimension", "dimension_value", "service_type"],
                name="metric_value_unique_cell",
            )
        ]
        indexes = [models.Index(fields=["area", "dimension", "month"])]

    def __str__(self) -> str:
        return f"{self.metric} {self.month:%Y-%m} {self.dimension}={self.dimension_value}"


class ServiceImpact(models.Model):
    """The estimated effect of one service type (for one target group, or "*") in one area.

    ``report`` is :meth:`saumaton.analytics.impact.ImpactReport.to_dict`: naive, IPW and
    matching estimates with intervals, overlap, balance and caveats. Aggregate only.
    """

    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="+")
    service_type = models.CharField(max_length=64)
    target_group = models.CharField(max_length=32, default="*")
    report = models.JSONField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "service_type", "target_group"], name="service_impact_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_type} / {self.target_group}"


class KelaImport(models.Model):
    """One accepted upload of Kela's monthly municipal-share file (all rows or none)."""

    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=200)
    rows = models.PositiveIntegerField()
    matched_persons = models.PositiveIntegerField()
    first_month = models.DateField()
    last_month = models.DateField()

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.first_month:%Y-%m}–{self.last_month:%Y-%m})"


class KelaPayment(models.Model):
    """One row of Kela's file (``saumaton.analytics.kela``): person, benefit, month, days, euros.

    ``person_key`` is Kela's pseudonym as written in the file; ``person`` is the platform's
    record when the key is a person's id in this platform (the key Kela receives from us,
    TTL 13:6), else empty (e.g. someone who never registered as a jobseeker).
    """

    upload = models.ForeignKey(KelaImport, on_delete=models.CASCADE, related_name="payments")
    person_key = models.CharField(max_length=64)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    municipality_code = models.CharField(max_length=3)
    benefit = models.CharField(max_length=32)
    payment_month = models.DateField()
    paid_days = models.PositiveSmallIntegerField()
    cumulative_paid_days = models.PositiveIntegerField()
    amount_eur = models.DecimalField(max_digits=10, decimal_places=2)
    municipal_share_eur = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        indexes = [models.Index(fields=["upload", "payment_month"])]

    def __str__(self) -> str:
        return f"{self.benefit} {self.payment_month:%Y-%m}"


class ProfilingRun(models.Model):
    """One training of the profiling model with its card and the publish gate's decision."""

    trained_at = models.DateTimeField(auto_now_add=True)
    version = models.CharField(max_length=64)
    data_source = models.CharField(max_length=200)
    card = models.JSONField()
    published = models.BooleanField(default=False)
    refusal_reasons = models.JSONField(default=list)

    class Meta:
        ordering = ["-trained_at"]

    def __str__(self) -> str:
        return self.version


class RiskScore(models.Model):
    """A published model's advisory estimate for one person at their registration.

    Advisory only (380/2023 §37(1)(4)): it is shown next to the financing watchlist so that
    early help goes to those who need it; the coach decides.
    """

    run = models.ForeignKey(ProfilingRun, on_delete=models.CASCADE, related_name="scores")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    p_long_term = models.FloatField()
    top_factors = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "person"], name="risk_score_unique_person")
        ]

    def __str__(self) -> str:
        return f"{self.run.version}: {self.p_long_term:.2f}"
