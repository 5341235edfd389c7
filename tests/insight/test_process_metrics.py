"""Stalled referrals and plans up to date from the database, against a hand computation and the
ecosystem's seam guard; referrals that started a service are participations."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from saumaton.analytics.catalogue import METRICS
from saumaton.analytics.metrics import month_bounds, plans_up_to_date, stalled_referrals
from saumaton.audit.models import Event
from saumaton.casework.models import EmploymentPlan, PlanRevision
from saumaton.ecosystem.models import Referral, Service
from saumaton.ecosystem.seam import STALL_AFTER_DAYS, find_referral_seams
from saumaton.insight import extract
from saumaton.insight.models import MetricValue
from saumaton.insight.refresh import refresh
from saumaton.jobseekers.models import EmploymentStatusPeriod
from tests.ecosystem.conftest import ServiceFactory, partner_org
from tests.factories import CustomershipFactory

TODAY = date(2026, 3, 15)
JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)


def _noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def _referral(world, person, service, **fields):
    return Referral.objects.create(
        person=person,
        service=service,
        organisation=service.provider,
        sender_organisation=world.authority,
        purpose="x",
        categories=["contact"],
        legal_basis="380/2023 §116",
        sender_owner=world.users["coach"],
        **fields,
    )


def _plan(person, saved_on, follow_up_deadline):
    plan = EmploymentPlan.objects.create(person=person, follow_up_deadline=follow_up_deadline)
    revision = PlanRevision.objects.create(
        plan=plan, version=1, snapshot={"follow_up_deadline": follow_up_deadline.isoformat()}
    )
    PlanRevision.objects.filter(pk=revision.pk).update(saved_at=_noon(saved_on))


@pytest.fixture
def seams(world):
    """Three unemployed people: one referral waiting for an answer, one accepted on 3.2. and
    not started, one started (pay-subsidised work) and running; two plans."""
    people = [CustomershipFactory(organisation=world.authority).person for _ in range(3)]
    for person in people:
        EmploymentStatusPeriod.objects.create(
            person=person, status="unemployed", start=date(2024, 1, 1)
        )
    service = ServiceFactory(provider=partner_org(world), type=Service.Type.PAY_SUBSIDISED_WORK)
    _referral(world, people[0], service, sent_on=date(2026, 2, 2), response_due=date(2026, 2, 9))
    accepted = _referral(
        world,
        people[1],
        service,
        sent_on=date(2026, 1, 29),
        response_due=date(2026, 2, 5),
        state=Referral.State.ACCEPTED,
        start_date=date(2026, 2, 10),
    )
    Event.objects.create(
        person=people[1],
        type=Event.Type.REFERRAL_ACCEPTED,
        occurred_at=_noon(date(2026, 2, 3)),
        payload={"referral": accepted.pk},
    )
    _referral(
        world,
        people[2],
        service,
        sent_on=date(2026, 1, 2),
        response_due=date(2026, 1, 9),
        state=Referral.State.STARTED,
        start_date=date(2026, 1, 12),
        started_on=date(2026, 1, 12),
        expected_end=date(2026, 3, 31),
    )
    _plan(people[0], date(2026, 1, 15), date(2026, 3, 1))
    _plan(people[1], date(2026, 1, 15), date(2026, 2, 20))
    return world, people


def _figure(area, metric, month):
    return MetricValue.objects.get(
        area=area, month=month, metric=metric, dimension="area", dimension_value="*"
    )


def test_february_by_hand(seams):
    world, _ = seams
    refresh(TODAY, months=2)
    # 28.2.: the unanswered one (due 9.2.) and the accepted one (start 10.2. + 5 days) stall;
    # the started one runs until 31.3. Two referrals: fewer than 5, so suppressed.
    stalled = MetricValue.objects.get(
        area=world.area, month=FEB, metric="stalled_referrals", dimension="area"
    )
    assert stalled.suppressed
    figures = extract.timeline(extract.PersonIndex())
    assert len(stalled_referrals(figures, month_bounds(FEB)[1])) == 2
    # 31.1.: the first not yet sent, the second sent with its answer due 5.2.: none stalled
    assert _figure(world.area, "stalled_referrals", JAN).value == 0


def test_the_metric_and_the_seam_guard_agree_on_the_day(seams):
    _, people = seams
    day = date(2026, 2, 28)
    flagged = {f.person_id for f in find_referral_seams(day)}
    timeline = extract.timeline(index := extract.PersonIndex())
    counted = set(index.ids[stalled_referrals(timeline, day)["person_id"].to_numpy()])
    assert counted == {str(p) for p in flagged} == {str(people[0].pk), str(people[1].pk)}


def test_the_definition_states_the_seam_guards_limit():
    assert f"{STALL_AFTER_DAYS} days" in METRICS["stalled_referrals"].definition


def test_plans_up_to_date_by_hand(seams):
    world, _ = seams
    refresh(TODAY, months=2)
    # February: three unemployed; the first's follow-up is 1.3. (ahead), the second's 20.2.
    # (passed), the third has no plan. Base 3 < 5: suppressed; January (both ahead) likewise.
    feb = _figure(world.area, "plans_up_to_date", FEB)
    assert feb.suppressed
    timeline = extract.timeline(extract.PersonIndex())
    assert plans_up_to_date(timeline, month_bounds(FEB)[1])["up_to_date"].sum() == 1
    assert plans_up_to_date(timeline, month_bounds(JAN)[1])["up_to_date"].sum() == 2


def test_a_started_referral_is_a_participation_in_the_analytics_vocabulary(seams):
    _, people = seams
    index = extract.PersonIndex()
    participations = extract.timeline(index).participations
    mine = participations[participations["person_id"] == index.codes([people[2].pk])[0]]
    assert list(mine["service_type"]) == ["wage_subsidy"]
    assert str(mine["start"].iloc[0])[:10] == "2026-01-12"


def test_a_participation_recorded_twice_counts_once(seams):
    _, people = seams
    EmploymentStatusPeriod.objects.filter(person=people[2]).update(end=date(2026, 1, 11))
    EmploymentStatusPeriod.objects.create(
        person=people[2], status="in_service", service_type="wage_subsidy", start=date(2026, 1, 12)
    )
    index = extract.PersonIndex()
    participations = extract.timeline(index).participations
    assert (participations["person_id"] == index.codes([people[2].pk])[0]).sum() == 1
