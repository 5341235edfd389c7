"""Job-search duty: review periods from the rules engine, reports, and evaluation at the end."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.rules.duty import Period, evaluate_period, job_search_duty
from saumaton.rules.errors import RuleInputError

from .errors import CaseworkError
from .models import ApplicationReport, DutyPeriod

SITUATION_BY_STATUS = {"unemployed": "unemployed", "laid_off": "laid_off", "part_time": "part_time"}


def schedule_duty_periods(person, customership, start: date) -> list[DutyPeriod]:
    """Replace the person's future open periods with the ones the law gives from ``start``."""
    situation = SITUATION_BY_STATUS.get(customership.status, "unemployed")
    try:
        plan = job_search_duty(
            start,
            situation,
            lay_off_start=customership.start_date if situation == "laid_off" else None,
        )
    except RuleInputError as exc:
        raise CaseworkError(exc.message, exc.field) from exc
    DutyPeriod.objects.filter(
        person=person,
        evaluation=DutyPeriod.Evaluation.OPEN,
        start__gte=start,
        applications__isnull=True,
    ).delete()
    basis = "; ".join(plan.basis)
    return DutyPeriod.objects.bulk_create(
        DutyPeriod(person=person, start=p.start, end=p.end, required=p.required, basis=basis)
        for p in plan.periods
    )


@transaction.atomic
def report_application(
    actor, person, *, employer: str, job_title: str, applied_on: date, channel: str
) -> ApplicationReport:
    if applied_on > timezone.localdate():
        raise CaseworkError(_("An application cannot be reported for a future date."), "applied_on")
    if channel not in ApplicationReport.Channel.values:
        raise CaseworkError(_("Unknown channel."), "channel")
    if not employer.strip() or not job_title.strip():
        raise CaseworkError(
            _("Give the employer and the job."), "employer" if not employer.strip() else "job_title"
        )
    period = (
        DutyPeriod.objects.select_for_update()
        .filter(person=person, start__lte=applied_on, end__gte=applied_on)
        .first()
    )
    if period is None:
        raise CaseworkError(_("No job-search review period covers that date."), "applied_on")
    if period.evaluation != DutyPeriod.Evaluation.OPEN:
        raise CaseworkError(_("That review period is already evaluated and closed."), "applied_on")
    report = ApplicationReport.objects.create(
        person=person,
        period=period,
        employer=employer.strip(),
        job_title=job_title.strip(),
        applied_on=applied_on,
        channel=channel,
        reported_by=actor,
    )
    record_event(
        person,
        Event.Type.APPLICATION_REPORTED,
        actor=actor,
        legal_basis="380/2023 §39; VNA 385/2024 §4",
        payload={"period": period.pk, "applied_on": applied_on.isoformat()},
    )
    return report


@transaction.atomic
def evaluate(actor, period: DutyPeriod, today: date) -> DutyPeriod:
    """Evaluate an ended period as a whole (TTL 2a:9(2)); an unmet one becomes a failure."""
    from .failures import record_failure

    period = DutyPeriod.objects.select_for_update().get(pk=period.pk)
    if period.evaluation != DutyPeriod.Evaluation.OPEN:
        raise CaseworkError(_("This period is already evaluated."), "evaluation")
    if period.end >= today:
        raise CaseworkError(_("The period has not ended yet."), "evaluation")
    dates = list(period.applications.values_list("applied_on", flat=True))
    result = evaluate_period(Period(period.start, period.end, period.required), dates)
    period.counted = result.counted
    period.evaluation = (
        DutyPeriod.Evaluation.FULFILLED if result.fulfilled else DutyPeriod.Evaluation.NOT_FULFILLED
    )
    period.evaluated_at = timezone.now()
    period.save()
    record_event(
        period.person,
        Event.Type.DUTY_EVALUATED,
        actor=actor,
        legal_basis="; ".join(result.basis),
        payload={"period": period.pk, "counted": result.counted, "required": result.required},
    )
    if not result.fulfilled:
        record_failure(
            actor, period.person, kind="job_search_duty", date=period.end, duty_period=period
        )
    return period
