"""People and their jobseeker customerships (työnhakuasiakkuus), minimally.

A person is identified by a UUID in URLs and APIs; the henkilötunnus never appears in a URL or a
log line (its fields are declared in ``audit.personal_data``). Later issues add the profile,
periods and plans.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from saumaton.organisations.models import Organisation, Unit
from saumaton.reference.models import IscoGroup, Municipality
from saumaton.rules.identifiers import validate_hetu


def validate_hetu_field(value: str) -> None:
    result = validate_hetu(value)
    if not result.valid:
        raise ValidationError(
            _("Invalid personal identity code: %(reason)s"),
            code="invalid_hetu",
            params={"reason": result.reason},
        )


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..scoping import persons_visible_to

        return persons_visible_to(user, self)


class Person(models.Model):
    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        SV = "sv", _("Swedish")
        EN = "en", _("English")

    class EducationLevel(models.TextChoices):
        BASIC_OR_UNKNOWN = "basic_or_unknown", _("Basic or unknown")
        UPPER_SECONDARY = "upper_secondary", _("Upper secondary")
        HIGHER = "higher", _("Higher education")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    hetu = models.CharField(
        _("personal identity code"),
        max_length=11,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_hetu_field],
    )
    first_name = models.CharField(_("first names"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("birth date"))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    language = models.CharField(
        _("service language"), max_length=2, choices=Language.choices, default=Language.FI
    )
    mother_tongue = models.CharField(_("mother tongue"), max_length=3, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=2, blank=True)
    home_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("home municipality"),
    )
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    education_level = models.CharField(
        _("education level"),
        max_length=32,
        choices=EducationLevel.choices,
        default=EducationLevel.BASIC_OR_UNKNOWN,
    )
    last_occupation = models.ForeignKey(
        IscoGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last occupation"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    is_synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def clean(self) -> None:
        if self.hetu:
            result = validate_hetu(self.hetu)
            if result.valid and result.birth_date != self.birth_date:
                raise ValidationError(
                    {"birth_date": _("The birth date does not match the identity code.")}
                )

    @property
    def active_customership(self):
        return next((c for c in self.customerships.all() if c.end_date is None), None)


class PersonRecordQuerySet(models.QuerySet):
    """For models that belong to a person: visible exactly when the person is."""

    def visible_to(self, user):
        return self.filter(person__in=Person.objects.visible_to(user).values("pk"))


class JobseekerCustomership(models.Model):
    """A period of registered job search with one employment authority (380/2023 §§27–28)."""

    class Status(models.TextChoices):
        UNEMPLOYED = "unemployed", _("Unemployed")
        LAID_OFF = "laid_off", _("Fully laid off")
        PART_TIME = "part_time", _("Part-time work")

    class EndReason(models.TextChoices):
        """Why a job search ended (380/2023 §28)."""

        EMPLOYED = "employed", _("Employed")
        STUDIES = "studies", _("Started studies")
        CANCELLED = "cancelled", _("Cancelled by the person")
        NOT_RENEWED = "not_renewed", _("Not renewed")
        FAILED_TO_TRANSACT = "failed_to_transact", _("Failed to transact (380/2023 §28(1)(3))")
        DATA_NOT_GIVEN = "data_not_given", _("Requested data not given")
        MOVED_AWAY = "moved_away", _("Moved out of the area")
        MERGED = "merged", _("Merged into another record")
        OTHER = "other", _("Other")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="customerships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="customerships"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coached",
        verbose_name=_("responsible coach"),
    )
    start_date = models.DateField(_("job search started"))
    end_date = models.DateField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(
        _("end reason"), max_length=32, choices=EndReason.choices, blank=True
    )
    status = models.CharField(
        _("employment status"), max_length=32, choices=Status.choices, default=Status.UNEMPLOYED
    )
    is_synthetic = models.BooleanField(default=False)

    history = HistoricalRecords()
    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        indexes = [
            models.Index(fields=["organisation", "end_date"]),
            models.Index(fields=["coach", "end_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="customership_dates_in_order",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(end_date__isnull=True),
                name="one_open_customership_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_date} – {self.end_date or ''}"

    @property
    def is_active(self) -> bool:
        return self.end_date is None
