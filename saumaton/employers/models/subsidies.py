"""Wage subsidy (*palkkatuki*) cases: the employer's application for a named person, the
decision with the rules engine's percentage and maximum (``rules.subsidies``; 380/2023 §§83–89),
and the payment claims with their deadlines."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import Person
from saumaton.jobseekers.models.person import PersonRecordQuerySet
from saumaton.organisations.models import Organisation
from saumaton.rules.subsidies import EMPLOYER_KINDS, PAYMENT_PERIOD_MONTHS

from .vacancies import Vacancy


class WageSubsidy(models.Model):
    class State(models.TextChoices):
        APPLIED = "applied", _("Applied")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    employer = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="wage_subsidies"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="wage_subsidies")
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    employer_kind = models.CharField(
        _("employer type"),
        max_length=32,
        choices=[(k, k.replace("_", " ")) for k in EMPLOYER_KINDS],
    )
    start = models.DateField(_("employment starts"))
    months_requested = models.PositiveSmallIntegerField(_("months applied for"))
    monthly_pay_cost = models.DecimalField(
        _("monthly pay cost (EUR)"), max_digits=9, decimal_places=2
    )
    payment_period_months = models.PositiveSmallIntegerField(
        _("payment period (months)"), choices=[(m, str(m)) for m in PAYMENT_PERIOD_MONTHS]
    )
    reduced_work_ability = models.BooleanField(_("reduced work ability (§87)"), default=False)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    applied_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.APPLIED)
    answer = models.JSONField(default=dict, blank=True)  # the rules engine's answer with basis
    percent = models.PositiveSmallIntegerField(null=True, blank=True)
    end = models.DateField(_("subsidy ends"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    is_synthetic = models.BooleanField(default=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "id"]

    def __str__(self) -> str:
        return f"{self.employer_id} {self.start}"


class WageSubsidyClaim(models.Model):
    """One payment period; a period still due after its deadline has lapsed (``lapsed_on``)."""

    class State(models.TextChoices):
        DUE = "due", _("To be claimed")
        CLAIMED = "claimed", _("Claimed")

    subsidy = models.ForeignKey(WageSubsidy, on_delete=models.CASCADE, related_name="claims")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    deadline = models.DateField(_("claim by"))
    state = models.CharField(max_length=16, choices=State.choices, default=State.DUE)
    amount = models.DecimalField(
        _("amount claimed (EUR)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    claimed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["period_start"]

    def __str__(self) -> str:
        return f"{self.period_start}–{self.period_end}"

    def lapsed_on(self, today) -> bool:
        return self.state == self.State.DUE and today > self.deadline
