"""Page query budgets (issue 4: at most 20 SQL queries per page, whatever the area's size)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from saumaton.casework.failures import record_failure
from saumaton.casework.models import DutyPeriod, Meeting
from saumaton.casework.plans import save_plan
from saumaton.casework.sweep import sweep
from tests.factories import CustomershipFactory

BUDGET = 20


def _busy_caseload(world, people=15):
    coach = world.users["coach"]
    persons = [world.person] + [
        CustomershipFactory(organisation=world.authority, coach=coach).person for _ in range(people)
    ]
    for p in persons:
        customership = p.customerships.get()
        for days in (-30, -2, 3):
            Meeting.objects.create(
                person=p,
                customership=customership,
                kind="supplementary_conversation",
                starts_at=timezone.now() + timedelta(days=days),
                channel="phone",
                coach=coach,
                outcome="held" if days == -30 else "scheduled",
            )
        record_failure(
            coach, p, kind="missed_meeting", date=timezone.localdate() - timedelta(days=5)
        )
        save_plan(
            coach,
            p,
            expected_version=0,
            content={"survey": "x", "goals": ["a"]},
            follow_up_method="x",
            follow_up_deadline=None,
        )
        DutyPeriod.objects.create(
            person=p,
            start=timezone.localdate() - timedelta(days=40),
            end=timezone.localdate() - timedelta(days=10),
            required=4,
        )
    sweep()
    return persons


def test_work_queue_stays_within_budget(world, login, django_assert_max_num_queries):
    _busy_caseload(world)
    client = login(world.users["coach"])
    client.get(reverse("casework:queue"))
    with django_assert_max_num_queries(BUDGET):
        response = client.get(reverse("casework:queue"))
    assert response.status_code == 200


def test_overall_picture_stays_within_budget(world, login, django_assert_max_num_queries):
    persons = _busy_caseload(world, people=3)
    client = login(world.users["coach"])
    url = reverse("jobseekers:detail", args=[persons[1].pk])
    client.get(url)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200


def test_unit_overview_stays_within_budget(world, login, django_assert_max_num_queries):
    _busy_caseload(world)
    client = login(world.users["unit_lead"])
    client.get(reverse("casework:unit"))
    with django_assert_max_num_queries(BUDGET):
        assert client.get(reverse("casework:unit")).status_code == 200


def test_person_url_filter_matches_the_url_conf():
    from uuid import uuid4

    from saumaton.jobseekers.templatetags.person_links import person_url

    person_id = uuid4()
    assert person_url(person_id) == reverse("jobseekers:detail", args=[person_id])


def test_a_full_overall_picture_stays_within_budget(world, login, django_assert_max_num_queries):
    """Everything the page can show at once: suggestions from a built index, an assigned
    vacancy, a referral and a consent with two recipients (once 22 queries: the consent's
    recipients were a second read and the latest assessment a read of its own)."""
    from saumaton.ecosystem.consents import record_consent
    from saumaton.ecosystem.models import Consent
    from saumaton.ecosystem.referrals import refer
    from saumaton.employers.assignments import assign
    from saumaton.employers.index import index_for
    from saumaton.organisations.models import Organisation
    from tests.ecosystem.conftest import ServiceFactory, partner_org
    from tests.employers.factories import setup_jobs
    from tests.factories import OrganisationFactory

    _busy_caseload(world, people=0)
    jobs = setup_jobs(world)
    coach, today = world.users["coach"], timezone.localdate()
    assign(coach, world.person, jobs.vacancy, deadline=today + timedelta(days=7), today=today)
    provider = partner_org(world)
    other = OrganisationFactory(area=world.area, kind=Organisation.Kind.THIRD_SECTOR, name="Aa")
    consent = record_consent(
        coach,
        world.person,
        purpose="Work-ability assessment",
        categories=["contact", "health"],
        recipients=[provider, other],
        legal_basis="consent",
        valid_from=today - timedelta(days=1),
        valid_to=None,
        evidence=Consent.Evidence.SIGNED,
    )
    service = ServiceFactory(provider=provider, capacity=2, duration_days=60)
    refer(
        coach,
        world.person,
        service=service,
        purpose="Assess work ability",
        categories=["contact", "health"],
        legal_basis="consent",
        consent=consent,
    )
    index_for(world.area.pk)  # built, as on a running server
    client = login(coach)
    url = reverse("jobseekers:detail", args=[world.person.pk])
    client.get(url)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    page = response.content.decode()
    assert 'data-suggestions="preparing"' not in page  # the suggestions were read
    assert jobs.vacancy.title in page
    assert f"Aa, {provider.name}" in page  # both recipients, in name order
    assert any(name in page for name in (service.name_fi, service.name_sv, service.name_en))
