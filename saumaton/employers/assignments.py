"""Assigned vacancies: assign, the person's application, the deadline, and the outcome.

- A coach assigns a published vacancy with a deadline (TTL 2a:9(1)(6): not applying for a
  vacancy the employment authority has assigned is a failure; 380/2023 §38 offering vacancies).
- The person reports applying: the report is a casework ``ApplicationReport`` and counts toward
  the job-search duty (380/2023 §39; VNA 385/2024 §4).
- Not applying by the deadline is recorded through ``casework.failures.record_failure``, so the
  consequence is the rules engine's answer (``rules.sanctions``, kind
  ``not_applied_assigned_job``) with its basis.
- A hire closes the person's open unemployment status period and is an outcome event.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.casework import duty
from saumaton.casework.errors import CaseworkError, ConcurrentEditError
from saumaton.casework.failures import record_failure
from saumaton.jobseekers.models import EmploymentStatusPeriod

from .models import AssignedVacancy, Vacancy

BASIS_ASSIGN = "380/2023 §38; TTL 2a:9(1)(6)"
BASIS_HIRE = "380/2023 §27 (status); TTL 2:1"


def _authority(person):
    customership = person.active_customership
    return customership.organisation if customership else None


@transaction.atomic
def assign(actor, person, vacancy: Vacancy, *, deadline: date, today: date) -> AssignedVacancy:
    if vacancy.status != Vacancy.Status.PUBLISHED:
        raise CaseworkError(_("Only a published vacancy can be assigned."), "vacancy")
    if deadline < today:
        raise CaseworkError(_("The deadline cannot be in the past."), "deadline")
    if vacancy.deadline and deadline > vacancy.deadline:
        raise CaseworkError(
            _("The deadline cannot be after the vacancy's own application deadline."), "deadline"
        )
    if AssignedVacancy.objects.filter(person=person, vacancy=vacancy).exists():
        raise CaseworkError(_("This vacancy is already assigned to the person."), "vacancy")
    assignment = AssignedVacancy.objects.create(
        person=person, vacancy=vacancy, assigned_by=actor, assigned_on=today, deadline=deadline
    )
    record_event(
        person,
        Event.Type.VACANCY_ASSIGNED,
        actor=actor,
        organisation=_authority(person),
        legal_basis=BASIS_ASSIGN,
        payload={"assignment": str(assignment.pk), "deadline": deadline.isoformat()},
    )
    return assignment


def _locked(assignment: AssignedVacancy, expected_version: int | None) -> AssignedVacancy:
    locked = AssignedVacancy.objects.select_for_update().get(pk=assignment.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConcurrentEditError(
            _("Someone else changed this assignment meanwhile; reload the page."), "version"
        )
    return locked


@transaction.atomic
def report_applied(
    actor, assignment: AssignedVacancy, *, applied_on: date, channel: str
) -> AssignedVacancy:
    """The person applied: a duty report (counts toward the duty) linked to the assignment."""
    assignment = _locked(assignment, None)
    if assignment.state != AssignedVacancy.State.ASSIGNED:
        raise CaseworkError(_("This assignment is already settled."), "state")
    vacancy = assignment.vacancy
    report = duty.report_application(
        actor,
        assignment.person,
        employer=vacancy.employer.name,
        job_title=vacancy.title or vacancy.occupation_id,
        applied_on=applied_on,
        channel=channel,
    )
    assignment.application = report
    assignment.state = AssignedVacancy.State.APPLIED
    assignment.version += 1
    assignment.save()
    record_event(
        assignment.person,
        Event.Type.ASSIGNED_VACANCY_APPLIED,
        actor=actor,
        legal_basis=BASIS_ASSIGN,
        payload={"assignment": str(assignment.pk), "applied_on": applied_on.isoformat()},
    )
    return assignment


@transaction.atomic
def record_not_applied(actor, assignment: AssignedVacancy, today: date) -> AssignedVacancy:
    """After the deadline with no application: a failure, consequence from the rules engine."""
    assignment = _locked(assignment, None)
    if assignment.state != AssignedVacancy.State.ASSIGNED:
        raise CaseworkError(_("This assignment is already settled."), "state")
    if assignment.deadline >= today:
        raise CaseworkError(_("The deadline has not passed yet."), "deadline")
    failure = record_failure(
        actor, assignment.person, kind="not_applied_assigned_job", date=assignment.deadline
    )
    assignment.failure = failure
    assignment.state = AssignedVacancy.State.NOT_APPLIED
    assignment.decided_on = today
    assignment.version += 1
    assignment.save()
    return assignment


@transaction.atomic
def record_outcome(
    actor, assignment: AssignedVacancy, *, hired: bool, on: date, expected_version: int
) -> AssignedVacancy:
    """The employer's decision on an application; a hire ends the unemployment status."""
    assignment = _locked(assignment, expected_version)
    if assignment.state != AssignedVacancy.State.APPLIED:
        raise CaseworkError(_("Only an application can have an outcome."), "state")
    assignment.state = AssignedVacancy.State.HIRED if hired else AssignedVacancy.State.NOT_HIRED
    assignment.decided_on = on
    assignment.version += 1
    assignment.save()
    if hired:
        _close_unemployment(assignment.person, on)
        record_event(
            assignment.person,
            Event.Type.HIRED,
            actor=actor,
            organisation=_authority(assignment.person),
            legal_basis=BASIS_HIRE,
            payload={"assignment": str(assignment.pk), "start": on.isoformat()},
        )
    return assignment


def _close_unemployment(person, start: date) -> None:
    """End the open unemployed / laid-off period the day before work starts; open employed."""
    Status = EmploymentStatusPeriod.Status
    for period in EmploymentStatusPeriod.objects.filter(
        person=person, end__isnull=True, status__in=EmploymentStatusPeriod.UNEMPLOYED_STATUSES
    ):
        period.end = max(period.start, start - timedelta(days=1))
        period.save(update_fields=["end"])
    EmploymentStatusPeriod.objects.create(person=person, status=Status.EMPLOYED, start=start)


def overdue(today: date):
    """Assignments whose deadline passed without an application (the seam finder reads this)."""
    return AssignedVacancy.objects.filter(state=AssignedVacancy.State.ASSIGNED, deadline__lt=today)
