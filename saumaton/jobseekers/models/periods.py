"""Employment-status periods: the facts from which durations and target groups are computed.

Unemployment duration, long-term unemployment (≥ 12 months continuously) and the components of
structural unemployment are all read from these periods (Statistics Finland definitions, see
docs/glossary.md), never from the job-search period alone: a person can keep a job search open
while working part-time or taking part in a service.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .person import Person, PersonRecordQuerySet


class EmploymentStatusPeriod(models.Model):
    class Status(models.TextChoices):
        UNEMPLOYED = "unemployed", _("Unemployed")
        LAID_OFF = "laid_off", _("Fully laid off")
        SHORTENED_HOURS_LAYOFF = "shortened_hours_layoff", _("Shortened-hours lay-off")
        PART_TIME = "part_time", _("Part-time work")
        IN_SERVICE = "in_service", _("In a service")
        EMPLOYED = "employed", _("Employed")
        STUDYING = "studying", _("Studying")
        OUTSIDE_LABOUR_FORCE = "outside_labour_force", _("Outside the labour force")

    UNEMPLOYED_STATUSES = (Status.UNEMPLOYED, Status.LAID_OFF)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="status_periods")
    status = models.CharField(_("status"), max_length=32, choices=Status.choices)
    service_type = models.CharField(_("service"), max_length=64, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["person", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="status_period_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.start}–{self.end or ''}"
