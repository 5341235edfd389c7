"""The service ecosystem: a shared catalogue, referrals between organisations, consents and the
multisectoral support model (TYP).

Why these records: a person needing several actors' services drops between them when hand-offs
happen by phone and e-mail. A referral has a state, a response date and an owner on both sides,
so the seam guard can see one that stalls; a consent is a record with recipients, data categories
and a withdrawal time, so partner access follows it at once (scoping in
``jobseekers.scoping``; the rules in ``saumaton.rules.ecosystem``).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import Person, PersonRecordQuerySet
from saumaton.organisations.models import Organisation
from saumaton.reference.models import Municipality
from saumaton.rules import ecosystem as rules


class DataCategory(models.TextChoices):
    CONTACT = "contact", _("Contact details")
    BACKGROUND = "background", _("Background (education, work history, languages)")
    CASE = "case", _("Case (plan, service need, meetings)")
    HEALTH = "health", _("Health and work ability")


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("Consent of the person")
    PROVIDER = "380/2023 §116", _("Data a service provider needs (380/2023 §116)")
    MULTISECTORAL = "381/2023 §15", _("Multisectoral model (381/2023 §15)")


class Service(models.Model):
    """One entry of the catalogue, kept current by its provider (any kind of organisation)."""

    class Type(models.TextChoices):
        LABOUR_MARKET_TRAINING = "labour_market_training", _("Labour market training")
        COACHING = "coaching", _("Job-search and career coaching")
        WORK_TRIAL = "work_trial", _("Work trial")
        EDUCATION_TRIAL = "education_trial", _("Education trial")
        PAY_SUBSIDISED_WORK = "pay_subsidised_work", _("Pay-subsidised work")
        REHABILITATIVE_WORK = "rehabilitative_work_activity", _("Rehabilitative work activity")
        HEALTH_CHECK = "health_check", _("Health check")
        WORK_ABILITY_ASSESSMENT = "work_ability_assessment", _("Work-ability assessment")
        SOCIAL_REHABILITATION = "social_rehabilitation", _("Social rehabilitation")
        INTEGRATION_TRAINING = "integration_training", _("Integration training")
        YOUTH_GUIDANCE = "youth_guidance", _("Youth guidance (Ohjaamo)")
        EDUCATION = "education", _("Education")
        THIRD_SECTOR = "third_sector", _("Third-sector activity")
        OTHER = "other", _("Other")

    class TargetGroup(models.TextChoices):
        YOUNG = "young", _("Young people under 30")
        LONG_TERM = "long_term_unemployed", _("Long-term unemployed")
        IMMIGRANTS = "immigrants", _("Immigrants")
        PARTIAL_WORK_ABILITY = "partial_work_ability", _("Partial work ability")
        OLDER = "older", _("Over 55")
        ALL = "all", _("All jobseekers")

    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="services", verbose_name=_("provider")
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    type = models.CharField(_("type"), max_length=40, choices=Type.choices)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    eligibility = models.TextField(_("eligibility"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    remote = models.BooleanField(_("remote"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Places at a time; empty = no limit.")
    )
    start_dates = models.JSONField(_("start dates"), default=list, blank=True)
    duration_days = models.PositiveIntegerField(_("duration (days)"), null=True, blank=True)
    unit_cost = models.DecimalField(
        _("unit cost (EUR)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    counts_as_activating = models.BooleanField(_("counts as an activating service"), default=False)
    response_days = models.PositiveSmallIntegerField(
        _("response time (working days)"), default=rules.DEFAULT_RESPONSE_WORKING_DAYS
    )
    reviewed_at = models.DateField(_("reviewed on"))
    active = models.BooleanField(_("active"), default=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["name_fi", "id"]
        indexes = [
            models.Index(fields=["active", "type"]),
            models.Index(fields=["provider", "active"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the current UI language, falling back to Finnish."""
        return getattr(self, f"name_{(get_language() or 'fi')[:2]}", "") or self.name_fi

    @property
    def description(self) -> str:
        lang = (get_language() or "fi")[:2]
        return getattr(self, f"description_{lang}", "") or self.description_fi

    @property
    def pauses_duty(self) -> bool:
        """Statutory effect (380/2023 §33, §46): see ``rules.ecosystem.pauses_job_search_duty``."""
        return rules.pauses_job_search_duty(self.type, self.duration_days)

    pauses_duty_basis = rules.BASIS_LONG_SERVICE

    def is_open_on(self, day: date) -> bool:
        return self.active and (self.ends_on is None or self.ends_on >= day)


class ConsentQuerySet(PersonRecordQuerySet):
    def visible_to(self, user):
        """As the person, except that a partner sees only consents naming their organisation,
        not what the person agreed to share with others."""
        from .access import narrow_for_partner

        return narrow_for_partner(user, super().visible_to(user), "recipients__in")

    def in_force(self, day: date):
        """Consents valid on ``day`` and not withdrawn: withdrawal counts from its moment."""
        return self.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
            withdrawn_at__isnull=True,
            valid_from__lte=day,
        )


class Consent(models.Model):
    """The person's consent (or a named legal basis) for sharing data with named organisations."""

    class Evidence(models.TextChoices):
        ELECTRONIC = "electronic", _("Accepted electronically in self-service")
        SIGNED = "signed", _("Signed on paper")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=300)
    categories = models.JSONField(_("data categories"), default=list)
    recipients = models.ManyToManyField(
        Organisation, related_name="consents_received", verbose_name=_("recipients")
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=32, choices=LegalBasis.choices, default=LegalBasis.CONSENT
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    evidence = models.CharField(_("evidence"), max_length=16, choices=Evidence.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "-id"]
        indexes = [models.Index(fields=["person", "withdrawn_at"])]

    def __str__(self) -> str:
        return self.purpose

    def in_force_on(self, day: date) -> bool:
        return (
            self.withdrawn_at is None
            and self.valid_from <= day
            and (self.valid_to is None or self.valid_to >= day)
        )


class ReferralQuerySet(PersonRecordQuerySet):
    def visible_to(self, user):
        """A partner sees only the active referrals to their organisation
        (``access.referrals_visible_to``), never a person's referrals elsewhere."""
        from .access import referrals_visible_to

        return self.filter(pk__in=referrals_visible_to(user).values("pk"))


class Referral(models.Model):
    """A hand-off of a person to a service or an organisation, with a response due date and an
    owner on both sides; every transition is a timeline event (``ecosystem.referrals``)."""

    class State(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        STARTED = "started", _("Started")
        COMPLETED = "completed", _("Completed")
        INTERRUPTED = "interrupted", _("Interrupted")
        CANCELLED = "cancelled", _("Cancelled")

    class Outcome(models.TextChoices):
        WORK = "work", _("Work")
        STUDIES = "studies", _("Studies")
        NEXT_SERVICE = "next_service", _("Next service")
        UNEMPLOYMENT_CONTINUES = "unemployment_continues", _("Unemployment continues")

    ACTIVE = (State.SENT, State.ACCEPTED, State.STARTED)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals_received"
    )
    sender_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals_sent"
    )
    purpose = models.TextField(_("purpose"))
    categories = models.JSONField(_("shared data categories"), default=list)
    legal_basis = models.CharField(_("legal basis"), max_length=32, choices=LegalBasis.choices)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    sent_on = models.DateField()
    response_due = models.DateField()
    sender_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    receiver_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.SENT)
    decline_reason = models.TextField(blank=True)
    start_date = models.DateField(null=True, blank=True)  # planned start, set on acceptance
    started_on = models.DateField(null=True, blank=True)
    expected_end = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=32, choices=Outcome.choices, blank=True)
    interruption_reason = models.TextField(blank=True)
    own_fault = models.BooleanField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    is_synthetic = models.BooleanField(default=False)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["response_due", "id"]
        indexes = [
            models.Index(fields=["organisation", "state"]),
            models.Index(fields=["state", "response_due"]),
            models.Index(fields=["person", "state"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_state_display()} {self.sent_on}"

    @property
    def is_active(self) -> bool:
        return self.state in self.ACTIVE


class MultisectoralCase(models.Model):
    """A person's customership in the multisectoral support model (TYP, 381/2023).

    The joint team is the three statutory parties (381/2023 §2): the employment authority, the
    wellbeing services county and Kela; data flow between them under 381/2023 §15, which is why
    the county's and Kela's partners see the person while the case is open.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="multisectoral_cases")
    employment_authority = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+"
    )
    wellbeing_county = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    kela = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessment_started = models.DateField(_("joint assessment started"))
    plan_made_on = models.DateField(_("multisectoral plan made on"), null=True, blank=True)
    last_reviewed_on = models.DateField(_("plan last reviewed on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-assessment_started", "-id"]

    def __str__(self) -> str:
        return f"TYP {self.assessment_started}"

    @property
    def plan_deadline(self) -> date:
        """381/2023 §4(2)–(3): the plan within three months of the assessment's start."""
        return rules.typ_plan_deadline(self.assessment_started)

    @property
    def review_due(self) -> date | None:
        """381/2023 §6: reviewed at least every three months."""
        last = self.last_reviewed_on or self.plan_made_on
        return rules.typ_next_review(last) if last else None

    @property
    def next_deadline(self) -> date:
        return self.review_due or self.plan_deadline

    @property
    def party_ids(self) -> frozenset[int]:
        """The statutory parties (381/2023 §2) of this case: only they share under §15, and only
        their professionals sit on the joint team."""
        return frozenset(
            pk
            for pk in (self.employment_authority_id, self.wellbeing_county_id, self.kela_id)
            if pk is not None
        )


class TeamMember(models.Model):
    """A named professional of the joint team (381/2023 §§2–3: the employment authority, the
    wellbeing services county and Kela assess and plan together). A member works for one of the
    case's parties; the team is who the person and the other parties deal with."""

    class Role(models.TextChoices):
        EMPLOYMENT_COACH = "employment_coach", _("Employment coach")
        SOCIAL_WORKER = "social_worker", _("Social worker")
        HEALTH_PROFESSIONAL = "health_professional", _("Health professional")
        KELA_OFFICER = "kela_officer", _("Kela rehabilitation officer")
        OTHER = "other", _("Other professional")

    case = models.ForeignKey(MultisectoralCase, on_delete=models.CASCADE, related_name="team")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role in the team"), max_length=32, choices=Role.choices)
    added_on = models.DateField()

    class Meta:
        ordering = ["organisation_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "member"], name="one_seat_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} @ {self.organisation_id}"
