"""The statutory service process as records: meetings, assessment, plan, duty, failures.

Every model here belongs to a person and is scoped by the person's visibility
(``PersonRecordQuerySet``). Dates and consequences come from ``saumaton.rules``; these models
store what was decided, with the rule set and basis the engine cited at the time.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import JobseekerCustomership, Person, PersonRecordQuerySet
from saumaton.organisations.models import Organisation


class Meeting(models.Model):
    """An initial interview or a (supplementary) job-search conversation (380/2023 §§31–33)."""

    class Kind(models.TextChoices):
        INITIAL_INTERVIEW = "initial_interview", _("Initial interview")
        JOB_SEARCH_CONVERSATION = "job_search_conversation", _("Job-search conversation")
        SUPPLEMENTARY_CONVERSATION = "supplementary_conversation", _("Supplementary conversation")

    class Channel(models.TextChoices):
        IN_PERSON = "in_person", _("At the office")
        PHONE = "phone", _("Phone")
        VIDEO = "video", _("Video")

    class Outcome(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("Did not attend")
        CANCELLED_VALID = "cancelled_valid", _("Cancelled with a valid reason")
        CANCELLED_BY_AUTHORITY = "cancelled_by_authority", _("Cancelled by the authority")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="meetings")
    customership = models.ForeignKey(
        JobseekerCustomership, on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    starts_at = models.DateTimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (min)"), default=45)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meetings"
    )
    due_date = models.DateField(_("statutory due date"), null=True, blank=True)
    due_basis = models.TextField(blank=True)
    late_reason = models.CharField(
        _("reason for booking after the due date"), max_length=300, blank=True
    )
    outcome = models.CharField(
        _("outcome"), max_length=32, choices=Outcome.choices, default=Outcome.SCHEDULED
    )
    outcome_note = models.CharField(_("note"), max_length=500, blank=True)
    is_synthetic = models.BooleanField(default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["coach", "starts_at"]),
            models.Index(fields=["person", "starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"


class ServiceNeedAssessment(models.Model):
    """The assessment of 380/2023 §37, one factor per field so each can be reviewed."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    skills_and_goals = models.TextField(_("skills, competence and own goals"), blank=True)
    work_capacity = models.TextField(_("work and functional capacity"), blank=True)
    job_search_skills = models.TextField(_("job-search skills"), blank=True)
    prolonged_unemployment_risk = models.CharField(
        _("probability of prolonged unemployment"),
        max_length=16,
        choices=[("low", _("Low")), ("medium", _("Medium")), ("high", _("High"))],
        blank=True,
    )
    multisectoral_need = models.BooleanField(_("need for multisectoral support"), default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_on"]

    def __str__(self) -> str:
        return f"{self.assessed_on}"


class EmploymentPlan(models.Model):
    """The person's current employment plan (työllistymissuunnitelma, 380/2023 §38; VNA 385/2024).

    ``content`` holds the survey part and the action part; ``version`` is the optimistic lock:
    a save must name the version it edited, and every saved version is kept in PlanRevision.
    """

    class Acceptance(models.TextChoices):
        ELECTRONIC = "electronic", _("Accepted electronically")
        SIGNED = "signed", _("Signed")
        OTHER = "other", _("Accepted in another way")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="plan")
    version = models.PositiveIntegerField(default=1)
    content = models.JSONField(default=dict)
    duty_periods = models.PositiveSmallIntegerField(_("review periods"), default=3)
    duty_required = models.PositiveSmallIntegerField(_("applications per period"), default=4)
    follow_up_method = models.CharField(_("follow-up method"), max_length=200, blank=True)
    follow_up_deadline = models.DateField(_("follow-up deadline"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    acceptance = models.CharField(max_length=16, choices=Acceptance.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    objects = PersonRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return f"v{self.version}"


class PlanRevision(models.Model):
    plan = models.ForeignKey(EmploymentPlan, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    snapshot = models.JSONField()
    saved_at = models.DateTimeField(auto_now_add=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="unique_plan_version")
        ]

    def __str__(self) -> str:
        return f"v{self.version}"


class DutyPeriod(models.Model):
    """A review period of the job-search duty (tarkastelujakso, 380/2023 §44)."""

    class Evaluation(models.TextChoices):
        OPEN = "open", _("Open")
        FULFILLED = "fulfilled", _("Fulfilled")
        NOT_FULFILLED = "not_fulfilled", _("Not fulfilled")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="duty_periods")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    required = models.PositiveSmallIntegerField(_("required"))
    basis = models.TextField(blank=True)
    evaluation = models.CharField(
        max_length=16, choices=Evaluation.choices, default=Evaluation.OPEN
    )
    evaluated_at = models.DateTimeField(null=True, blank=True)
    counted = models.PositiveSmallIntegerField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["evaluation", "end"])]

    def __str__(self) -> str:
        return f"{self.start}–{self.end} ({self.required})"


class ApplicationReport(models.Model):
    """A job application reported toward the duty (VNA 385/2024 §4: when, what, which employer)."""

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online application")
        EMAIL = "email", _("E-mail")
        PHONE = "phone", _("Phone")
        IN_PERSON = "in_person", _("In person")
        OTHER = "other", _("Other")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="applications")
    period = models.ForeignKey(DutyPeriod, on_delete=models.PROTECT, related_name="applications")
    employer = models.CharField(_("employer"), max_length=200)
    job_title = models.CharField(_("job"), max_length=200)
    applied_on = models.DateField(_("applied on"))
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(auto_now_add=True)
    is_synthetic = models.BooleanField(default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["applied_on"]

    def __str__(self) -> str:
        return f"{self.applied_on} {self.job_title}"


class Failure(models.Model):
    """A failure in the service process or the duty, and what ``rules`` says it leads to."""

    class Kind(models.TextChoices):
        MISSED_MEETING = "missed_meeting", _("Missed a meeting")
        JOB_SEARCH_DUTY = "job_search_duty", _("Job-search duty not met")
        REFUSED_PLAN = "refused_plan", _("Refused to draw up a plan")
        REFUSED_SERVICE = "refused_service", _("Refused a service")
        INTERRUPTED_SERVICE = "interrupted_service", _("Interrupted a service")
        NOT_APPLIED_ASSIGNED_JOB = (
            "not_applied_assigned_job",
            _("Did not apply for an assigned job"),
        )
        RESIGNED = "resigned", _("Resigned")
        REFUSED_JOB = "refused_job", _("Refused a job")

    class State(models.TextChoices):
        OPEN = "open", _("Awaiting the person's account")
        DECIDED = "decided", _("Consequence decided")
        EXCUSED = "excused", _("Valid reason accepted")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="failures")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    date = models.DateField(_("date"))
    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="failure"
    )
    duty_period = models.OneToOneField(
        DutyPeriod, on_delete=models.PROTECT, null=True, blank=True, related_name="failure"
    )
    valid_reason = models.CharField(_("valid reason"), max_length=64, blank=True)
    valid_reason_text = models.TextField(_("the person's account"), blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    consequence = models.JSONField(default=dict, blank=True)  # the rules engine's answer
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    is_synthetic = models.BooleanField(default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


class Statement(models.Model):
    """A written reminder or a labour-policy statement drafted from a failure (380/2023 §41)."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Written reminder")
        STATEMENT = "statement", _("Labour-policy statement")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")
        FORWARDED = "forwarded", _("Forwarded to KEHA")
        DELIVERED = "delivered", _("Delivered")

    failure = models.OneToOneField(Failure, on_delete=models.CASCADE, related_name="statement")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    issuer = models.CharField(max_length=32)  # employment_authority | keha (from rules)
    issuer_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    deadline = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["state", "deadline"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_state_display()})"


class AttentionItem(models.Model):
    """A seam-guard finding: something that will lose a person unless someone acts."""

    class Kind(models.TextChoices):
        NO_COACH = "no_coach", _("No responsible coach")
        NO_NEXT_STEP = "no_next_step", _("No next scheduled step")
        OVERDUE_MEETING = "overdue_meeting", _("Statutory meeting overdue")
        MEETING_OUTCOME_MISSING = "meeting_outcome_missing", _("Meeting outcome not recorded")
        PLAN_REVIEW_DUE = "plan_review_due", _("Plan review due")
        NO_PLAN = "no_plan", _("No employment plan")
        DUTY_UNEVALUATED = "duty_unevaluated", _("Duty period ended unevaluated")
        STATEMENT_DEADLINE = "statement_deadline", _("Statement deadline near")
        MOVED_OUT = "moved_out", _("Home municipality outside the area")
        JOB_SEARCH_LAPSING = "job_search_lapsing", _("Job search about to lapse")
        INTEGRATION_ENDING = (
            "integration_ending",
            _("Integration plan ending without an employment plan"),
        )
        ASSIGNED_VACANCY_UNANSWERED = (
            "assigned_vacancy_unanswered",
            _("Assigned vacancy: deadline passed, nothing recorded"),
        )
        REFERRAL_UNANSWERED = "referral_unanswered", _("Referral not answered in time")
        REFERRAL_STALLED = "referral_stalled", _("Referral stalled")
        MULTISECTORAL_DEADLINE = "multisectoral_deadline", _("Multisectoral plan or review due")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attention_items")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    due = models.DateField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    first_seen = models.DateField()
    last_seen = models.DateField()
    escalated_on = models.DateField(null=True, blank=True)
    resolved_on = models.DateField(null=True, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["due", "first_seen"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"],
                condition=models.Q(resolved_on__isnull=True),
                name="one_open_attention_item_per_kind",
            )
        ]
        indexes = [
            models.Index(fields=["resolved_on", "kind"]),
            models.Index(fields=["person", "resolved_on"]),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()
