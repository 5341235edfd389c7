"""Wage subsidy: the employer applies for a named person, the area decides, the employer claims.

The percentage and the longest period are the rules engine's answer for the start date
(``rules.subsidies.wage_subsidy``; 380/2023 §§83–89), stored with its basis; the payment periods
and claim deadlines come from ``rules.subsidies.wage_subsidy_payment_schedule``. The person's age
is an input only because the law makes it one (§89: 60 years and over); it is never used in
matching.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.casework.errors import CaseworkError, ConcurrentEditError
from saumaton.jobseekers.models import EmploymentStatusPeriod
from saumaton.rules.calendar import add_months
from saumaton.rules.errors import RuleInputError
from saumaton.rules.subsidies import (
    EMPLOYER_KINDS,
    PAYMENT_BASIS,
    PAYMENT_PERIOD_MONTHS,
    wage_subsidy,
    wage_subsidy_payment_schedule,
)

from .models import WageSubsidy, WageSubsidyClaim

MAX_REQUEST_MONTHS = 48


@transaction.atomic
def apply(
    actor,
    *,
    employer,
    person,
    vacancy=None,
    employer_kind: str,
    start: date,
    months_requested: int,
    monthly_pay_cost: Decimal,
    payment_period_months: int,
    reduced_work_ability: bool = False,
) -> WageSubsidy:
    if employer_kind not in EMPLOYER_KINDS:
        raise CaseworkError(_("Unknown employer type."), "employer_kind")
    if not 1 <= months_requested <= MAX_REQUEST_MONTHS:
        raise CaseworkError(_("Apply for 1–48 months."), "months_requested")
    if monthly_pay_cost <= 0:
        raise CaseworkError(_("The pay cost must be positive."), "monthly_pay_cost")
    if payment_period_months not in PAYMENT_PERIOD_MONTHS:
        raise CaseworkError(_("The payment period is 1, 2 or 3 months."), "payment_period_months")
    subsidy = WageSubsidy.objects.create(
        employer=employer,
        person=person,
        vacancy=vacancy,
        employer_kind=employer_kind,
        start=start,
        months_requested=months_requested,
        monthly_pay_cost=monthly_pay_cost,
        payment_period_months=payment_period_months,
        reduced_work_ability=reduced_work_ability,
        applied_by=actor,
    )
    record_event(
        person,
        Event.Type.WAGE_SUBSIDY_APPLIED,
        actor=actor,
        organisation=employer,
        legal_basis="380/2023 §83",
        payload={"subsidy": str(subsidy.pk), "start": start.isoformat()},
    )
    return subsidy


def unemployed_months_before(person, start: date, window_months: int) -> int:
    """Whole months (30-day) unemployed within ``window_months`` before ``start``."""
    since = add_months(start, -window_months)
    days = 0
    for period in EmploymentStatusPeriod.objects.filter(
        person=person, status__in=EmploymentStatusPeriod.UNEMPLOYED_STATUSES, start__lt=start
    ):
        first = max(period.start, since)
        last = min(period.end or start - timedelta(days=1), start - timedelta(days=1))
        days += max((last - first).days + 1, 0)
    return min(days // 30, window_months)


def _age(person, on: date) -> int:
    born = person.birth_date
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@transaction.atomic
def decide(actor, subsidy: WageSubsidy, *, grant: bool, today: date, expected_version: int):
    """Grant (within the engine's percentage and maximum) or refuse; grant makes the claims."""
    subsidy = WageSubsidy.objects.select_for_update().get(pk=subsidy.pk)
    if subsidy.version != expected_version:
        raise ConcurrentEditError(_("Someone else decided meanwhile; reload the page."), "version")
    if subsidy.state != WageSubsidy.State.APPLIED:
        raise CaseworkError(_("This application is already decided."), "state")
    try:
        answer = wage_subsidy(
            subsidy.employer_kind,
            subsidy.start,
            _age(subsidy.person, subsidy.start),
            unemployed_months_before(subsidy.person, subsidy.start, 14),
            subsidy.reduced_work_ability,
            unemployed_months_in_last_28=unemployed_months_before(
                subsidy.person, subsidy.start, 28
            ),
        )
    except RuleInputError as exc:
        raise CaseworkError(exc.message, exc.field) from exc
    subsidy.answer = {
        k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(answer).items()
    }
    if grant and not answer.eligible:
        raise CaseworkError(
            _("The law does not allow a wage subsidy here: %(reason)s") % {"reason": answer.reason},
            "state",
        )
    subsidy.state = WageSubsidy.State.GRANTED if grant else WageSubsidy.State.REFUSED
    subsidy.decided_by, subsidy.decided_on = actor, today
    subsidy.version += 1
    if grant:
        months = min(subsidy.months_requested, answer.max_months)
        subsidy.percent = answer.percent
        subsidy.end = add_months(subsidy.start, months) - timedelta(days=1)
        WageSubsidyClaim.objects.bulk_create(
            WageSubsidyClaim(
                subsidy=subsidy, period_start=p.start, period_end=p.end, deadline=p.claim_deadline
            )
            for p in wage_subsidy_payment_schedule(
                subsidy.start, subsidy.end, subsidy.payment_period_months
            )
        )
    subsidy.save()
    record_event(
        subsidy.person,
        Event.Type.WAGE_SUBSIDY_DECIDED,
        actor=actor,
        organisation=subsidy.employer,
        legal_basis="; ".join(answer.basis),
        payload={"subsidy": str(subsidy.pk), "granted": grant, "percent": subsidy.percent},
    )
    return subsidy


@transaction.atomic
def claim(actor, claim: WageSubsidyClaim, *, amount: Decimal, today: date) -> WageSubsidyClaim:
    """A payment claim for one period: only after it ends and by its deadline."""
    claim = WageSubsidyClaim.objects.select_for_update().select_related("subsidy").get(pk=claim.pk)
    if claim.state != WageSubsidyClaim.State.DUE:
        raise CaseworkError(_("This period is already claimed."), "state")
    if today <= claim.period_end:
        raise CaseworkError(_("A period can be claimed only after it has ended."), "amount")
    if today > claim.deadline:
        raise CaseworkError(_("The claim deadline has passed; the period has lapsed."), "amount")
    subsidy = claim.subsidy
    months = Decimal((claim.period_end - claim.period_start).days + 1) / Decimal("30.4375")
    ceiling = subsidy.monthly_pay_cost * months * Decimal(subsidy.percent) / 100
    if amount <= 0 or amount > ceiling.quantize(Decimal("0.01")) + Decimal("0.01"):
        raise CaseworkError(
            _("The amount must be positive and at most %(max)s EUR.")
            % {"max": ceiling.quantize(Decimal("0.01"))},
            "amount",
        )
    claim.amount, claim.claimed_on, claim.state = amount, today, WageSubsidyClaim.State.CLAIMED
    claim.save()
    record_event(
        subsidy.person,
        Event.Type.WAGE_SUBSIDY_CLAIMED,
        actor=actor,
        organisation=subsidy.employer,
        legal_basis="; ".join(PAYMENT_BASIS),
        payload={"subsidy": str(subsidy.pk), "period_start": claim.period_start.isoformat()},
    )
    return claim
