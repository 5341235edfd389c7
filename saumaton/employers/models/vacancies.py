"""A vacancy as the area's business services and the employer keep it.

The coded fields speak the matching engine's vocabulary (``saumaton.matching.vocabulary``):
languages with a minimum CEFR level, licences and cards, demands coded so that a work-ability
limitation ``no_X`` excludes a demand ``X``, ISCED education levels. Skills are ESCO ids kept as
lists (checked against reference data when written), so a vacancy is one row and bulk imports
stay one insert. ``version`` guards concurrent edits: a save names the version it started from.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from saumaton.organisations.models import Organisation
from saumaton.reference.models import IscoGroup, Municipality

from .employers import EmployerLocation


class VacancyQuerySet(models.QuerySet):
    def visible_to(self, user):
        from saumaton.employers.scoping import vacancies_visible_to

        return vacancies_visible_to(user, self)

    def open(self):
        return self.filter(status=Vacancy.Status.PUBLISHED)


class Vacancy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")

    class Remote(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        HYBRID = "hybrid", _("Hybrid")
        REMOTE = "remote", _("Remote")

    class WorkTime(models.TextChoices):
        FULL_TIME = "full_time", _("Full-time")
        PART_TIME = "part_time", _("Part-time")
        SEASONAL = "seasonal", _("Seasonal")
        ON_CALL = "on_call", _("On call")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    employer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="vacancies",
        limit_choices_to={"kind": Organisation.Kind.EMPLOYER},
    )
    location = models.ForeignKey(
        EmployerLocation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reference = models.CharField(_("employer's reference"), max_length=64, blank=True)
    title_fi = models.CharField(_("title (Finnish)"), max_length=200, blank=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_fi = models.TextField(_("description (Finnish)"), blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    occupation = models.ForeignKey(
        IscoGroup, on_delete=models.PROTECT, related_name="+", verbose_name=_("occupation")
    )
    required_skills = models.JSONField(_("required skills"), default=list, blank=True)
    preferred_skills = models.JSONField(_("preferred skills"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)  # [{code, level}]
    licences = models.JSONField(_("licences and cards"), default=list, blank=True)
    education_level_min = models.PositiveSmallIntegerField(
        _("minimum education (ISCED)"), null=True, blank=True
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    lat = models.FloatField()
    lon = models.FloatField()
    remote = models.CharField(
        _("remote work"), max_length=8, choices=Remote.choices, default=Remote.ON_SITE
    )
    work_time = models.CharField(
        _("working time"), max_length=16, choices=WorkTime.choices, default=WorkTime.FULL_TIME
    )
    demands = models.JSONField(_("physical and schedule demands"), default=list, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months, empty = permanent)"), null=True, blank=True
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    deadline = models.DateField(_("application deadline"), null=True, blank=True)
    wage_subsidy_eligible = models.BooleanField(_("wage subsidy possible"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_synthetic = models.BooleanField(default=False)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["status", "employer"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(education_level_min__isnull=True)
                | models.Q(education_level_min__lte=8),
                name="vacancy_isced_level",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """The title in the current language, else any title it has."""
        language = (get_language() or "fi")[:2]
        own = getattr(self, f"title_{language}", "") if language in ("fi", "sv", "en") else ""
        return own or self.title_fi or self.title_sv or self.title_en

    @property
    def description(self) -> str:
        language = (get_language() or "fi")[:2]
        own = getattr(self, f"description_{language}", "") if language in ("fi", "sv", "en") else ""
        return own or self.description_fi or self.description_sv or self.description_en
