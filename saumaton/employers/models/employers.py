"""An employer is an ``organisations.Organisation`` of kind employer (its Y-tunnus is validated
there); this module adds what the area's business services keep about it.

Employer users act for the company through a ``Membership`` with ``Role.EMPLOYER_USER`` in the
employer organisation (in production the identity provider grants the right to act for it).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.organisations.models import Organisation
from saumaton.reference.models import Municipality


class EmployerProfile(models.Model):
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="employer_profile",
        limit_choices_to={"kind": Organisation.Kind.EMPLOYER},
    )
    industry = models.CharField(_("industry"), max_length=200, blank=True)  # TOL 2008 label
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account manager"),
    )
    version = models.PositiveIntegerField(default=1)  # optimistic lock of the profile edit

    def __str__(self) -> str:
        return str(self.organisation)


class EmployerLocation(models.Model):
    """A workplace. Rows are deactivated, never deleted: vacancies point at them.

    The municipality and the coordinates follow from the postcode (or the municipality code)
    through reference data, as for vacancies; the coordinates are the municipality's.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="employer_locations"
    )
    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    active = models.BooleanField(_("in use"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-active", "name"]

    def __str__(self) -> str:
        return self.name


class EmployerContact(models.Model):
    """A contact person at the employer (a business contact, not a jobseeker's data).

    Deactivated rather than deleted, so the history of contacts keeps who was the contact."""

    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        SV = "sv", _("Swedish")
        EN = "en", _("English")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="employer_contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.FI
    )
    active = models.BooleanField(_("in use"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-active", "name"]

    def __str__(self) -> str:
        return self.name


class EmployerContactLog(models.Model):
    """One contact or service of the business services with the employer: the history."""

    class Service(models.TextChoices):
        CONTACT = "contact", _("Contact")
        RECRUITMENT_HELP = "recruitment_help", _("Recruitment help")
        WAGE_SUBSIDY = "wage_subsidy", _("Wage subsidy")
        TRAINING = "training", _("Training")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="employer_contact_log"
    )
    on = models.DateField(_("date"))
    service = models.CharField(_("service"), max_length=32, choices=Service.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.on} {self.get_service_display()}"
