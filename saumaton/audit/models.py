"""The record of what happened (business events) and of who read whose data (access log).

Principle 5: the timeline is the record, written as explicit events with actor, organisation,
time, legal basis and payload; analytics read these facts. The access log answers the data
subject's and the auditor's question "who looked at me?" (380/2023 §§124–126; GDPR Art. 15).
Neither table holds names or identity codes: they refer to the person by key.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import PersonRecordQuerySet


class Event(models.Model):
    class Type(models.TextChoices):
        JOB_SEARCH_STARTED = "job_search_started", _("Job search started")
        JOB_SEARCH_ENDED = "job_search_ended", _("Job search ended")
        STATUS_CHANGED = "status_changed", _("Employment status changed")
        COACH_ASSIGNED = "coach_assigned", _("Coach assigned")
        PERSON_UPDATED = "person_updated", _("Personal details updated")
        MEETING_BOOKED = "meeting_booked", _("Meeting booked")
        MEETING_HELD = "meeting_held", _("Meeting held")
        MEETING_MISSED = "meeting_missed", _("Meeting missed")
        MEETING_CANCELLED = "meeting_cancelled", _("Meeting cancelled")
        ASSESSMENT_RECORDED = "assessment_recorded", _("Service need assessed")
        PLAN_SAVED = "plan_saved", _("Employment plan saved")
        PLAN_ACCEPTED = "plan_accepted", _("Employment plan accepted")
        APPLICATION_REPORTED = "application_reported", _("Job application reported")
        DUTY_EVALUATED = "duty_evaluated", _("Job-search duty period evaluated")
        FAILURE_RECORDED = "failure_recorded", _("Failure recorded")
        VALID_REASON_RECORDED = "valid_reason_recorded", _("Valid reason recorded")
        STATEMENT_ISSUED = "statement_issued", _("Statement issued")
        STATEMENT_DELIVERED = "statement_delivered", _("Statement delivered")
        VACANCY_ASSIGNED = "vacancy_assigned", _("Vacancy assigned")
        ASSIGNED_VACANCY_APPLIED = "assigned_vacancy_applied", _("Applied for an assigned vacancy")
        HIRED = "hired", _("Hired")
        WAGE_SUBSIDY_APPLIED = "wage_subsidy_applied", _("Wage subsidy applied for")
        WAGE_SUBSIDY_DECIDED = "wage_subsidy_decided", _("Wage subsidy decided")
        WAGE_SUBSIDY_CLAIMED = "wage_subsidy_claimed", _("Wage subsidy payment claimed")
        REFERRAL_SENT = "referral_sent", _("Referral sent")
        REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
        REFERRAL_DECLINED = "referral_declined", _("Referral declined")
        REFERRAL_STARTED = "referral_started", _("Referred service started")
        REFERRAL_COMPLETED = "referral_completed", _("Referred service completed")
        REFERRAL_INTERRUPTED = "referral_interrupted", _("Referred service interrupted")
        REFERRAL_CANCELLED = "referral_cancelled", _("Referral cancelled")
        CONSENT_RECORDED = "consent_recorded", _("Consent recorded")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
        MULTISECTORAL_STARTED = "multisectoral_started", _("Multisectoral assessment started")
        MULTISECTORAL_PLAN = "multisectoral_plan", _("Multisectoral plan made or reviewed")

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "jobseekers.Person", on_delete=models.CASCADE, related_name="events", null=True
    )
    type = models.CharField(max_length=64, choices=Type.choices)
    legal_basis = models.TextField(blank=True)  # several acts and sections may apply
    payload = models.JSONField(default=dict, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["person", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_type_display()}"


class AccessLog(models.Model):
    """One row per staff read of one person's data."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_log"
    )
    area = models.ForeignKey(
        "organisations.EmploymentArea",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "jobseekers.Person", on_delete=models.CASCADE, related_name="access_log"
    )
    purpose = models.CharField(max_length=64)  # the view or API endpoint that read the data

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["person", "-at"]),
            models.Index(fields=["actor", "-at"]),
            models.Index(fields=["area", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.purpose}"
