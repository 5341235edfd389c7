"""Assigned vacancies: the application counts toward the duty, a missed deadline is a failure
with the rules engine's consequence, a hire ends unemployment; nothing is written on refusal."""

from datetime import date, timedelta

import pytest

from saumaton.audit.models import Event
from saumaton.casework.errors import CaseworkError, ConcurrentEditError
from saumaton.casework.models import DutyPeriod, Failure
from saumaton.employers import assignments
from saumaton.employers.models import AssignedVacancy
from saumaton.jobseekers.models import EmploymentStatusPeriod

TODAY = date(2026, 11, 2)


@pytest.fixture
def assigned(world, jobs):
    return assignments.assign(
        world.users["coach"],
        world.person,
        jobs.vacancy,
        deadline=TODAY + timedelta(days=7),
        today=TODAY,
    )


def test_assigning_writes_the_timeline(world, assigned):
    event = Event.objects.get(person=world.person, type=Event.Type.VACANCY_ASSIGNED)
    assert "TTL 2a:9" in event.legal_basis
    assert event.payload["assignment"] == str(assigned.pk)


def test_a_vacancy_is_assigned_once_and_only_if_published(world, jobs, assigned):
    with pytest.raises(CaseworkError):
        assignments.assign(
            world.users["coach"], world.person, jobs.vacancy, deadline=TODAY, today=TODAY
        )
    jobs.vacancy.status = "draft"
    with pytest.raises(CaseworkError, match="published"):
        assignments.assign(
            world.users["coach"], world.own_person, jobs.vacancy, deadline=TODAY, today=TODAY
        )
    assert AssignedVacancy.objects.count() == 1


def test_the_application_counts_toward_the_duty(world, assigned):
    applied_on = date(2026, 10, 30)
    period = DutyPeriod.objects.create(
        person=world.person, start=date(2026, 10, 1), end=date(2026, 12, 31), required=4
    )
    done = assignments.report_applied(
        world.users["jobseeker"], assigned, applied_on=applied_on, channel="online"
    )
    assert done.state == AssignedVacancy.State.APPLIED
    assert done.application.period == period
    assert period.applications.count() == 1
    assert Event.objects.filter(type=Event.Type.ASSIGNED_VACANCY_APPLIED).count() == 1
    with pytest.raises(CaseworkError, match="settled"):
        assignments.report_applied(
            world.users["jobseeker"], done, applied_on=applied_on, channel="online"
        )


def test_not_applying_by_the_deadline_is_a_failure_from_the_rules(world, assigned):
    with pytest.raises(CaseworkError, match="not passed"):
        assignments.record_not_applied(world.users["coach"], assigned, assigned.deadline)
    assert not Failure.objects.exists()
    settled = assignments.record_not_applied(
        world.users["coach"], assigned, assigned.deadline + timedelta(days=1)
    )
    assert settled.state == AssignedVacancy.State.NOT_APPLIED
    failure = settled.failure
    assert failure.kind == "not_applied_assigned_job"
    assert failure.date == assigned.deadline
    assert failure.consequence["consequence"]  # the engine's answer with its basis
    assert any("2a" in b for b in failure.consequence["basis"])


def test_a_hire_closes_unemployment_and_is_an_outcome(world, assigned):
    EmploymentStatusPeriod.objects.create(
        person=world.person, status="unemployed", start=date(2026, 3, 2)
    )
    DutyPeriod.objects.create(
        person=world.person, start=date(2026, 10, 1), end=date(2026, 12, 31), required=4
    )
    applied = assignments.report_applied(
        world.users["jobseeker"], assigned, applied_on=date(2026, 10, 30), channel="email"
    )
    with pytest.raises(ConcurrentEditError):
        assignments.record_outcome(
            world.users["coach"], applied, hired=True, on=TODAY, expected_version=1
        )
    assignments.record_outcome(
        world.users["coach"], applied, hired=True, on=TODAY, expected_version=applied.version
    )
    periods = list(EmploymentStatusPeriod.objects.filter(person=world.person).order_by("start"))
    assert [(p.status, p.end) for p in periods] == [
        ("unemployed", TODAY - timedelta(days=1)),
        ("employed", None),
    ]
    assert Event.objects.filter(person=world.person, type=Event.Type.HIRED).exists()


def test_an_unanswered_assignment_is_a_seam_until_settled(world, assigned):
    from saumaton.casework.models import AttentionItem
    from saumaton.casework.sweep import sweep

    kind = AttentionItem.Kind.ASSIGNED_VACANCY_UNANSWERED
    sweep(assigned.deadline)
    assert not AttentionItem.objects.filter(kind=kind).exists()
    after = assigned.deadline + timedelta(days=1)
    sweep(after)
    item = AttentionItem.objects.get(kind=kind, person=world.person, resolved_on__isnull=True)
    assert item.due == assigned.deadline
    assignments.record_not_applied(world.users["coach"], assigned, after)
    sweep(after)
    item.refresh_from_db()
    assert item.resolved_on == after
