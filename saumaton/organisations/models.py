"""The tenant (employment area) and the actors of its ecosystem.

An employment area (työllisyysalue, 380/2023 §§12–13) is one municipality or several under a lead
municipality or a joint municipal authority. Organisations are the actors that serve people in
the area: the employment authority itself and its partners (wellbeing services county, Kela,
education, third sector, employers).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.reference.models import Municipality
from saumaton.rules.identifiers import validate_business_id

from .roles import Role


def validate_business_id_field(value: str) -> None:
    result = validate_business_id(value)
    if not result.valid:
        raise ValidationError(
            _("Invalid business ID (Y-tunnus): %(reason)s"),
            code="invalid_business_id",
            params={"reason": result.reason},
        )


class EmploymentArea(models.Model):
    class Form(models.TextChoices):
        LEAD_MUNICIPALITY = "lead_municipality", _("Lead municipality with a joint body")
        SINGLE_MUNICIPALITY = "single_municipality", _("Single municipality")
        JOINT_AUTHORITY = "joint_authority", _("Joint municipal authority")

    code = models.SlugField(max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    form = models.CharField(_("form"), max_length=32, choices=Form.choices)
    lead_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lead municipality"),
    )
    municipalities = models.ManyToManyField(
        Municipality, through="AreaMunicipality", related_name="areas"
    )
    official_languages = models.JSONField(_("official languages"), default=list)
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AreaMunicipality(models.Model):
    """Membership of a municipality in an area; a municipality belongs to one area at a time."""

    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE)
    municipality = models.OneToOneField(Municipality, on_delete=models.PROTECT, related_name="+")
    population = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.area} / {self.municipality}"


class Organisation(models.Model):
    class Kind(models.TextChoices):
        EMPLOYMENT_AUTHORITY = "employment_authority", _("Employment authority")
        WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
        KELA = "kela", _("Kela")
        KEHA = "keha", _("KEHA Centre")
        EDUCATION = "education", _("Education provider")
        THIRD_SECTOR = "third_sector", _("Third sector")
        EMPLOYER = "employer", _("Employer")
        OTHER = "other", _("Other")

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="organisations", null=True
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    business_id = models.CharField(
        _("business ID"), max_length=9, validators=[validate_business_id_field], blank=True
    )
    is_synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "business_id"],
                condition=~models.Q(business_id=""),
                name="unique_business_id_per_area",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_unit_name")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's job in an organisation: the role decides what they may do, the org where."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} @ {self.organisation}"

    def clean(self) -> None:
        if self.unit_id and self.unit.organisation_id != self.organisation_id:
            raise ValidationError({"unit": _("The unit belongs to another organisation.")})
