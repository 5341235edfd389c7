"""Assigned vacancies (*työpaikan osoittaminen*) and the person's published job-search profile.

An assigned vacancy binds the jobseeker to apply by its deadline (TTL 2a:9(1)(6); 380/2023
§38 on offering vacancies); not applying is a failure whose consequence the rules engine gives
(``saumaton.rules.sanctions``). The application the person reports is a casework
``ApplicationReport`` and so counts toward the job-search duty (380/2023 §39).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import Person
from saumaton.jobseekers.models.person import PersonRecordQuerySet

from .vacancies import Vacancy


class AssignedVacancy(models.Model):
    class State(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned, not yet applied")
        APPLIED = "applied", _("Applied")
        NOT_APPLIED = "not_applied", _("Not applied by the deadline")
        HIRED = "hired", _("Hired")
        NOT_HIRED = "not_hired", _("Not hired")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assigned_vacancies")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    assigned_on = models.DateField(_("assigned on"))
    deadline = models.DateField(_("apply by"))
    state = models.CharField(max_length=16, choices=State.choices, default=State.ASSIGNED)
    application = models.OneToOneField(
        "casework.ApplicationReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_vacancy",
    )
    failure = models.OneToOneField(
        "casework.Failure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_vacancy",
    )
    decided_on = models.DateField(_("outcome date"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    is_synthetic = models.BooleanField(default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "vacancy"], name="assign_vacancy_once")
        ]

    def __str__(self) -> str:
        return f"{self.vacancy_id} {self.deadline}"


class ProfilePublication(models.Model):
    """Whether the person shows their job-search profile to employers, and on what terms.

    Employers see only people with a publication (380/2023 §118: disclosure to an employer of
    what the jobseeker has consented to), pseudonymously until ``shares_identity`` or until the
    person applies for the employer's vacancy.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="publication")
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    shares_identity = models.BooleanField(_("employers may see my name and contact"), default=False)
    pseudonym = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = PersonRecordQuerySet.as_manager()

    def __str__(self) -> str:
        return str(self.pseudonym)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
