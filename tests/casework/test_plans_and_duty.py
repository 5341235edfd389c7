"""The plan (optimistic locking, revisions) and the job-search duty.

380/2023 §§38, 44; TTL 2a:9.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from saumaton.casework.duty import evaluate, report_application
from saumaton.casework.errors import CaseworkError, ConcurrentEditError
from saumaton.casework.failures import record_valid_reason
from saumaton.casework.models import DutyPeriod, EmploymentPlan, Failure, PlanRevision, Statement
from saumaton.casework.plans import accept_plan, save_plan

CONTENT = {
    "survey": "Kokenut myyjä.",
    "goals": ["Myyntityö"],
    "actions": [{"text": "Hae 4 työpaikkaa/kk"}],
}


def _save(world, version, content=CONTENT, **kw):
    return save_plan(
        world.users["coach"],
        world.person,
        expected_version=version,
        content=content,
        follow_up_method="Työmarkkinatori",
        follow_up_deadline=timezone.localdate() + timedelta(days=30),
        **kw,
    )


def test_second_concurrent_save_is_refused_and_nothing_is_lost(world):
    first = _save(world, 0)
    assert first.version == 1
    with pytest.raises(ConcurrentEditError) as exc:
        _save(world, 0, content={**CONTENT, "survey": "Toisen valmentajan versio"})
    assert exc.value.field == "version"
    plan = EmploymentPlan.objects.get(person=world.person)
    assert (plan.version, plan.content["survey"]) == (1, "Kokenut myyjä.")
    assert PlanRevision.objects.filter(plan=plan).count() == 1


def test_every_version_is_kept_and_acceptance_is_recorded(world):
    _save(world, 0)
    plan = _save(world, 1, content={**CONTENT, "survey": "Päivitetty"})
    assert list(PlanRevision.objects.filter(plan=plan).values_list("version", flat=True)) == [2, 1]
    accepted = accept_plan(world.users["coach"], plan, method="signed", expected_version=2)
    assert accepted.acceptance == "signed" and accepted.accepted_at is not None
    with pytest.raises(ConcurrentEditError):
        accept_plan(world.users["coach"], plan, method="signed", expected_version=1)


def test_plan_with_actions_out_of_order_is_refused(world):
    bad = {**CONTENT, "actions": [{"text": "x", "start": "2026-12-10", "end": "2026-12-01"}]}
    with pytest.raises(CaseworkError) as exc:
        _save(world, 0, content=bad)
    assert exc.value.field == "actions[0].end"
    assert not EmploymentPlan.objects.exists()


def test_duty_periods_come_from_the_rules_engine(world):
    start = timezone.localdate()
    _save(world, 0, duty_start=start)
    periods = list(DutyPeriod.objects.filter(person=world.person))
    assert len(periods) == 3  # 380/2023 §44(1): three 1-month review periods
    assert all(p.required == 4 for p in periods)
    assert periods[0].start == start


def _ended_period(world, required=4):
    today = timezone.localdate()
    return DutyPeriod.objects.create(
        person=world.person,
        start=today - timedelta(days=40),
        end=today - timedelta(days=10),
        required=required,
    )


def test_reports_count_and_an_unmet_period_becomes_a_failure(world):
    period = _ended_period(world)
    for i in range(2):
        report_application(
            world.users["jobseeker"],
            world.person,
            employer="Oy Ab",
            job_title=f"Myyjä {i}",
            applied_on=period.start + timedelta(days=i),
            channel="online",
        )
    evaluate(world.users["coach"], period, timezone.localdate())
    period.refresh_from_db()
    assert (period.evaluation, period.counted) == ("not_fulfilled", 2)
    failure = Failure.objects.get(person=world.person, kind="job_search_duty")
    assert failure.duty_period == period


def test_report_for_a_closed_period_is_refused(world):
    period = _ended_period(world, required=0)
    evaluate(world.users["coach"], period, timezone.localdate())
    with pytest.raises(CaseworkError, match="closed"):
        report_application(
            world.users["jobseeker"],
            world.person,
            employer="Oy",
            job_title="Työ",
            applied_on=period.start,
            channel="online",
        )
    assert not period.applications.exists()


def test_report_for_a_future_date_is_refused(world):
    with pytest.raises(CaseworkError) as exc:
        report_application(
            world.users["jobseeker"],
            world.person,
            employer="Oy",
            job_title="Työ",
            applied_on=timezone.localdate() + timedelta(days=1),
            channel="online",
        )
    assert exc.value.field == "applied_on"


def test_valid_reason_removes_the_consequence_and_the_draft(world, past_meeting):
    from saumaton.casework.meetings import record_outcome

    record_outcome(world.users["coach"], past_meeting(), "no_show")
    failure = Failure.objects.get()
    assert Statement.objects.filter(failure=failure).exists()
    record_valid_reason(world.users["jobseeker"], failure, "illness_or_accident", "Kuumetta")
    failure.refresh_from_db()
    assert failure.state == "excused"
    assert failure.consequence["consequence"] == "none"
    assert "TTL 2a:11" in failure.consequence["basis"]
    assert not Statement.objects.filter(failure=failure).exists()


def test_the_ladder_counts_earlier_failures(world):
    from saumaton.casework.failures import record_failure

    first = record_failure(
        world.users["coach"], world.person, kind="missed_meeting", date=date(2026, 4, 1)
    )
    second = record_failure(
        world.users["coach"], world.person, kind="missed_meeting", date=date(2026, 5, 4)
    )
    # From 2026-03-01: 1st failure 7 days without benefit, 2nd a 6-week work requirement.
    assert (first.consequence["consequence"], first.consequence["days"]) == ("benefit_loss", 7)
    assert second.consequence["consequence"] == "work_requirement"
    assert second.consequence["work_requirement_weeks"] == 6


def test_assessment_records_the_section_37_factors(world):
    from saumaton.audit.models import Event
    from saumaton.casework.assessment import record_assessment

    with pytest.raises(CaseworkError):
        record_assessment(world.users["coach"], world.person, assessed_on=timezone.localdate())
    record_assessment(
        world.users["coach"],
        world.person,
        assessed_on=timezone.localdate(),
        skills_and_goals="Myynti",
        prolonged_unemployment_risk="high",
        multisectoral_need=True,
    )
    assert world.person.assessments.get().prolonged_unemployment_risk == "high"
    assert Event.objects.filter(person=world.person, type="assessment_recorded").exists()


def test_a_statement_keha_issues_is_forwarded_to_keha_with_its_pdf(
    world, django_capture_on_commit_callbacks
):
    from saumaton.casework.failures import forward_to_keha, issue_statement, record_failure
    from saumaton.outbox.models import OutboxMessage

    failure = record_failure(
        world.users["coach"], world.person, kind="missed_meeting", date=date(2026, 4, 1)
    )
    statement = failure.statement
    assert statement.issuer == "keha"  # benefit loss from 2026-03-01: KEHA states (TTL 11:4a)
    with pytest.raises(CaseworkError):
        issue_statement(world.users["statement_officer"], statement)
    with django_capture_on_commit_callbacks(execute=True):
        forward_to_keha(world.users["statement_officer"], statement)
    statement.refresh_from_db()
    assert statement.state == "forwarded"
    message = OutboxMessage.objects.get(channel="keha_statement")
    assert message.recipient == "keha"
    assert bytes(message.attachment).startswith(b"%PDF")
    with pytest.raises(CaseworkError):
        forward_to_keha(world.users["statement_officer"], statement)


def test_forwarding_through_the_page_needs_the_statement_permission(world, login):
    from saumaton.casework.failures import record_failure

    failure = record_failure(
        world.users["coach"], world.person, kind="missed_meeting", date=date(2026, 4, 1)
    )
    url = f"/casework/statements/{failure.statement.pk}/forward/"
    assert login(world.users["coach"]).post(url).status_code == 403
    response = login(world.users["statement_officer"]).post(url)
    assert response.status_code == 302
    failure.statement.refresh_from_db()
    assert failure.statement.state == "forwarded"
    again = login(world.users["statement_officer"]).post(url, follow=True)
    assert "Only a draft can be forwarded." in again.content.decode()
