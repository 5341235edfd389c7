"""A coach records a change of employment status, or ends the job search.

Why a service of its own: the employment-status periods are the facts from which unemployment
duration, long-term and structural unemployment are computed (``models.periods``,
``saumaton.analytics``, ``saumaton.insight``), so a change must leave them contiguous, without
overlap, and with exactly one open period while the job search is open. Registration opens the
first period and a hire opens ``employed``; everything else a coach learns (studies started, a
service begun, a lay-off) comes through ``change_status``.

Ending the job search (380/2023 §28: it ends when the person gets work or starts full-time
studies, cancels it, does not renew it, fails to transact or give requested data, or moves out
of the area) closes the job-search period with its reason and the status period on the same
day, and takes the person out of the process: their future meetings are cancelled by the
authority and their open attention items resolved, so neither the seam guard nor a work queue
keeps showing them. ``merged`` is not a reason a coach can give: only the merge ends a search
that way (``merge``).

Both functions check everything before they write, write in one transaction, and lock the
open job-search period (``select_for_update``) so that two coaches at once are serialised: the
second one's request is checked against what the first one wrote, and ``expected_period``
(the open status period the coach saw) turns a change made meanwhile into a clear refusal
instead of a silent overwrite.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.casework.models import AttentionItem, Meeting
from saumaton.core.display import day_text
from saumaton.ecosystem.models import Service
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm

from .errors import JobseekerError
from .models import EmploymentStatusPeriod, JobseekerCustomership

Status = EmploymentStatusPeriod.Status
EndReason = JobseekerCustomership.EndReason

BASIS_STATUS = "380/2023 §27 (status)"
BASIS_END = "380/2023 §28"
# A status period in a service names the service in the catalogue's vocabulary
# (``ecosystem.Service.Type``), the one referrals and the insight extract already use.
SERVICE_TYPES = Service.Type
# What the person does after the job search ends, when the coach knows it.
STATUSES_AFTER = (Status.EMPLOYED, Status.STUDYING, Status.OUTSIDE_LABOUR_FORCE)
# Reasons that say what the person does next: a different status after them contradicts them.
REASON_STATUS = {EndReason.EMPLOYED: Status.EMPLOYED, EndReason.STUDIES: Status.STUDYING}


def _locked_search(actor, person) -> JobseekerCustomership:
    """The open job search, locked, if ``actor`` handles cases in its organisation."""
    search = (
        JobseekerCustomership.objects.select_for_update(of=("self",))
        .filter(person=person, end_date__isnull=True)
        .select_related("organisation")
        .first()
    )
    if search is None:
        raise JobseekerError(_("The person has no open job search."))
    if search.organisation_id not in organisation_ids_with(actor, Perm.MANAGE_CASEWORK):
        raise JobseekerError(
            _("The job search is with %(organisation)s: only its staff can change it.")
            % {"organisation": search.organisation.name}
        )
    return search


def _open_period(person) -> EmploymentStatusPeriod | None:
    return person.status_periods.filter(end__isnull=True).order_by("-start").first()


def _check_service(status: str, service_type: str) -> None:
    if status not in Status.values:
        raise JobseekerError(_("Choose an employment status."), "status")
    if status == Status.IN_SERVICE and service_type not in SERVICE_TYPES.values:
        raise JobseekerError(_("Choose the service the person takes part in."), "service_type")
    if status != Status.IN_SERVICE and service_type:
        raise JobseekerError(
            _("A service is recorded only with the status “In a service”."), "service_type"
        )


def change_status(
    actor,
    person,
    status: str,
    start: date,
    service_type: str = "",
    reason: str = "",
    *,
    expected_period: int | None = None,
    today: date | None = None,
) -> EmploymentStatusPeriod:
    """Close the open status period the day before ``start`` and open ``status`` from it.

    ``expected_period`` is the key of the open period the coach saw (None: none was open);
    when given and no longer the open one, someone else changed the status meanwhile.
    """
    today = today or timezone.localdate()
    _check_service(status, service_type)
    if start > today:
        raise JobseekerError(_("A change of status cannot be recorded ahead."), "start")
    with transaction.atomic():
        search = _locked_search(actor, person)
        current = _open_period(person)
        if expected_period is not None and (current is None or current.pk != expected_period):
            raise JobseekerError(
                _("Someone else changed the status meanwhile: reload the page and check it.")
            )
        floor = current.start if current else search.start_date
        if start <= floor:
            raise JobseekerError(
                _("The new status must start after %(date)s, when the current one started.")
                % {"date": day_text(floor)},
                "start",
            )
        if current and (current.status, current.service_type) == (status, service_type):
            raise JobseekerError(_("The person already has this status."), "status")
        if current:
            current.end = start - timedelta(days=1)
            current.save(update_fields=["end"])
        period = EmploymentStatusPeriod.objects.create(
            person=person, status=status, service_type=service_type, start=start
        )
        if status in JobseekerCustomership.Status.values and search.status != status:
            search.status = status  # the job search's own status drives the meeting rhythm
            search.save(update_fields=["status"])
        record_event(
            person,
            Event.Type.STATUS_CHANGED,
            actor=actor,
            organisation=search.organisation,
            legal_basis=BASIS_STATUS,
            payload={
                "from": current.status if current else None,
                "to": status,
                "service_type": service_type,
                "start": start.isoformat(),
                "reason": reason,
            },
        )
    return period


def end_job_search(
    actor,
    person,
    end_date: date,
    reason: str,
    status_after: str | None = None,
    *,
    today: date | None = None,
) -> JobseekerCustomership:
    """End the open job search on ``end_date`` (380/2023 §28) and take the person out of the
    process; ``status_after`` opens from the next day when the coach knows it."""
    today = today or timezone.localdate()
    if reason == EndReason.MERGED:
        raise JobseekerError(
            _("A job search ends as merged only when its record is merged."), "reason"
        )
    if reason not in EndReason.values:
        raise JobseekerError(_("Choose why the job search ends."), "reason")
    if status_after and status_after not in STATUSES_AFTER:
        raise JobseekerError(
            _(
                "After the job search the person can be employed, studying or outside the labour "
                "force."
            ),
            "status_after",
        )
    if status_after and REASON_STATUS.get(reason, status_after) != status_after:
        raise JobseekerError(
            _("The status after the job search contradicts its end reason."), "status_after"
        )
    if end_date > today:
        raise JobseekerError(_("A job search cannot be ended ahead."), "end_date")
    with transaction.atomic():
        search = _locked_search(actor, person)
        if end_date < search.start_date:
            raise JobseekerError(
                _("The job search started on %(date)s: it cannot end before that.")
                % {"date": day_text(search.start_date)},
                "end_date",
            )
        current = _open_period(person)
        if current and end_date < current.start:
            raise JobseekerError(
                _("The current status started on %(date)s: the job search cannot end before it.")
                % {"date": day_text(current.start)},
                "end_date",
            )
        search.end_date, search.end_reason = end_date, reason
        search.save(update_fields=["end_date", "end_reason"])
        if current:
            current.end = end_date
            current.save(update_fields=["end"])
        if status_after:
            EmploymentStatusPeriod.objects.create(
                person=person, status=status_after, start=end_date + timedelta(days=1)
            )
        cancelled = _cancel_meetings(actor, person, end_date)
        resolved = AttentionItem.objects.filter(person=person, resolved_on__isnull=True).update(
            resolved_on=today
        )
        record_event(
            person,
            Event.Type.JOB_SEARCH_ENDED,
            actor=actor,
            organisation=search.organisation,
            legal_basis=BASIS_END,
            payload={
                "end_date": end_date.isoformat(),
                "reason": reason,
                "status_after": status_after or None,
                "meetings_cancelled": cancelled,
                "attention_items_resolved": resolved,
            },
        )
    return search


def _cancel_meetings(actor, person, end_date: date) -> int:
    """Cancel the scheduled meetings that lie ahead, or after the end date, through the one
    place that records a meeting's outcome (``casework.meetings.record_outcome``).

    A meeting between the end date and now that is still "scheduled" should not have been
    held; one before the end date keeps waiting for its outcome (it may have been held).
    """
    from saumaton.casework.meetings import record_outcome

    after_end = timezone.make_aware(
        datetime.combine(end_date + timedelta(days=1), datetime.min.time())
    )
    ahead = Meeting.objects.filter(
        person=person,
        outcome=Meeting.Outcome.SCHEDULED,
        starts_at__gte=min(timezone.now(), after_end),
    ).select_related("customership__organisation")
    note = _("The job search ended.")
    for meeting in ahead:
        record_outcome(actor, meeting, Meeting.Outcome.CANCELLED_BY_AUTHORITY, note)
    return len(ahead)
