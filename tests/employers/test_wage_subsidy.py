"""Wage subsidy: the rules engine's percentage and maximum, claims with deadlines, the
employer applying only for a person named to it, and the timeline."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.casework.errors import CaseworkError, ConcurrentEditError
from saumaton.employers import wage_subsidy
from saumaton.employers.models import AssignedVacancy, WageSubsidy, WageSubsidyClaim
from saumaton.jobseekers.models import EmploymentStatusPeriod

START = date(2026, 6, 1)


def _apply(world, jobs, **change):
    values = {
        "employer": jobs.employer,
        "person": world.person,
        "employer_kind": "company",
        "start": START,
        "months_requested": 12,
        "monthly_pay_cost": Decimal("3000"),
        "payment_period_months": 3,
    }
    values.update(change)
    return wage_subsidy.apply(world.users["employer_user"], **values)


def test_bad_applications_are_refused_whole(world, jobs):
    for change in (
        {"employer_kind": "household"},
        {"months_requested": 0},
        {"monthly_pay_cost": Decimal("0")},
        {"payment_period_months": 4},
    ):
        with pytest.raises(CaseworkError):
            _apply(world, jobs, **change)
    assert not WageSubsidy.objects.exists()


def test_a_grant_takes_percent_and_maximum_from_the_rules(world, jobs):
    EmploymentStatusPeriod.objects.create(
        person=world.person, status="unemployed", start=date(2025, 1, 1)
    )
    case = _apply(world, jobs)
    assert Event.objects.filter(type=Event.Type.WAGE_SUBSIDY_APPLIED).count() == 1
    decided = wage_subsidy.decide(
        world.users["coach"], case, grant=True, today=START, expected_version=1
    )
    # 17 months unemployed: §86, 50 % for at most 10 months though 12 were asked for.
    assert decided.percent == 50
    assert decided.end == date(2027, 3, 31)
    assert "380/2023 §86" in decided.answer["basis"]
    claims = list(decided.claims.all())
    assert (claims[0].period_start, claims[0].period_end, claims[0].deadline) == (
        date(2026, 6, 1),
        date(2026, 8, 31),
        date(2026, 10, 31),
    )
    assert claims[-1].period_end == decided.end
    with pytest.raises(ConcurrentEditError):
        wage_subsidy.decide(world.users["coach"], case, grant=True, today=START, expected_version=1)


def test_the_law_can_forbid_a_grant_and_then_nothing_changes(world, jobs):
    case = _apply(world, jobs, employer_kind="state_agency")
    with pytest.raises(CaseworkError, match="state agencies"):
        wage_subsidy.decide(world.users["coach"], case, grant=True, today=START, expected_version=1)
    case.refresh_from_db()
    assert case.state == "applied" and not case.claims.exists()
    refused = wage_subsidy.decide(
        world.users["coach"], case, grant=False, today=START, expected_version=1
    )
    assert refused.state == "refused"


def test_a_claim_is_possible_between_the_period_end_and_its_deadline(world, jobs):
    case = wage_subsidy.decide(
        world.users["coach"], _apply(world, jobs), grant=True, today=START, expected_version=1
    )
    first = case.claims.first()
    employer = world.users["employer_user"]
    with pytest.raises(CaseworkError, match="after it has ended"):
        wage_subsidy.claim(employer, first, amount=Decimal("100"), today=first.period_end)
    with pytest.raises(CaseworkError, match="at most"):
        wage_subsidy.claim(
            employer, first, amount=Decimal("99999"), today=first.period_end + timedelta(days=1)
        )
    done = wage_subsidy.claim(
        employer, first, amount=Decimal("4500"), today=first.period_end + timedelta(days=1)
    )
    assert done.state == "claimed"
    late = case.claims.all()[1]
    with pytest.raises(CaseworkError, match="deadline"):
        wage_subsidy.claim(
            employer, late, amount=Decimal("100"), today=late.deadline + timedelta(days=1)
        )
    late = WageSubsidyClaim.objects.get(pk=late.pk)
    assert late.state == "due" and late.lapsed_on(late.deadline + timedelta(days=1))


def test_the_employer_applies_only_for_people_named_to_it(world, jobs, login):
    jobs.vacancy.wage_subsidy_eligible = True
    jobs.vacancy.save()
    client = login(world.users["employer_user"])
    url = reverse("employers:our_subsidy_apply", args=[jobs.vacancy.pk])
    assert str(world.person.pk) not in client.get(url).content.decode()
    AssignedVacancy.objects.create(
        person=world.person,
        vacancy=jobs.vacancy,
        assigned_on=timezone.localdate(),
        deadline=timezone.localdate(),
        state="applied",
    )
    assert str(world.person.pk) in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "person": str(world.person.pk),
            "employer_kind": "company",
            "start": "2026-12-01",
            "months_requested": "6",
            "monthly_pay_cost": "2800.00",
            "payment_period_months": "1",
        },
    )
    assert response.status_code == 302
    assert WageSubsidy.objects.get().person == world.person
