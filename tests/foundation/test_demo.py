"""``saumaton demo --no-serve`` prepares a synthetic area that each demo role can use."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from saumaton.accounts.models import User
from saumaton.jobseekers.models import JobseekerCustomership, Person
from saumaton.organisations.models import EmploymentArea, Membership
from saumaton.rules.identifiers import validate_hetu

DEMO_LOGINS = [
    "coach",
    "unitlead",
    "statementofficer",
    "partner",
    "analyst",
    "areaadmin",
    "auditor",
    "employer",
    "jobseeker",
]


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Generate the demo once for this module (it takes tens of seconds), flush it afterwards.

    Each test still runs in its own rolled-back transaction (``db``), so a test that changes
    the demo data does not leak into the next one.
    """
    with django_db_blocker.unblock():
        out = StringIO()
        call_command("demo", no_serve=True, stdout=out, stderr=StringIO())
        yield out.getvalue()
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo_db(demo_output, db):
    return demo_output


def test_demo_prints_one_login_per_role_and_every_login_works(demo_db, client):
    for username in DEMO_LOGINS:
        assert f" {username}\n" in demo_db
        assert client.login(username=username, password="saumaton-demo"), username
        client.logout()


def _active():
    return Person.objects.filter(customerships__end_date__isnull=True)


def test_demo_data_is_synthetic_with_test_range_identity_codes(demo_db):
    people = Person.objects.all()
    assert 7000 <= _active().count() <= 9000
    assert not people.filter(is_synthetic=False).exists()
    assert not User.objects.filter(is_synthetic=False).exists()
    for hetu in people.values_list("hetu", flat=True)[:500]:
        result = validate_hetu(hetu)
        assert result.valid and result.temporary


def test_every_demo_jobseeker_has_an_open_customership_with_a_coach(demo_db):
    open_ones = JobseekerCustomership.objects.filter(end_date__isnull=True)
    assert open_ones.count() == _active().count()
    assert not open_ones.filter(coach__isnull=True).exists()
    coaches = set(Membership.objects.filter(role="coach").values_list("user_id", flat=True))
    assert set(open_ones.values_list("coach_id", flat=True)) <= coaches


def test_former_jobseekers_left_with_a_reason_and_what_followed(demo_db):
    """The leavers (synth.leavers): one ended job search each, its spell closed on the end
    date, and the figures show spells ending in work in the last complete month."""
    from datetime import timedelta

    from django.db.models import Count

    from saumaton.insight.models import MetricValue

    ended = JobseekerCustomership.objects.filter(end_date__isnull=False)
    assert 1.2 <= ended.count() / _active().count() <= 1.6  # 16 months of outflow
    assert not ended.filter(end_reason="").exists()
    assert not ended.filter(coach__isnull=True).exists()  # the coach they had
    assert set(ended.values_list("end_reason", flat=True)) == {
        "employed", "studies", "cancelled", "not_renewed",
    }  # fmt: skip
    assert not Person.objects.annotate(n=Count("customerships")).filter(n__gt=1).exists()
    for c in ended.order_by("pk")[:200]:
        spell, *after = c.person.status_periods.order_by("start")
        assert (spell.start, spell.end) == (c.start_date, c.end_date)
        assert [a.start for a in after] in ([], [c.end_date + timedelta(days=1)])
        assert (c.end_reason == "employed") == bool(after and after[0].status == "employed")
    latest = MetricValue.objects.latest("month").month
    to_work = MetricValue.objects.get(
        month=latest, metric="outflow_employed", dimension="area", service_type="*"
    )
    assert to_work.value > 0


def test_demo_area_has_its_municipalities_with_populations(demo_db):
    from saumaton.organisations.models import AreaMunicipality

    area = EmploymentArea.objects.get()
    assert area.lead_municipality_id == "905"  # Vaasa
    assert AreaMunicipality.objects.filter(area=area).count() == 8
    assert not AreaMunicipality.objects.filter(population__isnull=True).exists()


def test_second_run_keeps_the_existing_area(demo_db):
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out)
    assert "keeping it" in out.getvalue()
    assert EmploymentArea.objects.count() == 1


def test_reset_refuses_when_real_people_exist(demo_db):
    Person.objects.filter(pk=Person.objects.first().pk).update(is_synthetic=False)
    with pytest.raises(CommandError, match="non-synthetic"):
        call_command("demo", no_serve=True, reset=True, stdout=StringIO())
    assert Person.objects.count() > 7000


def test_fresh_demo_has_pathways_and_the_sweep_finds_everyone_a_next_step(demo_db):
    from saumaton.casework.models import (
        ApplicationReport,
        DutyPeriod,
        EmploymentPlan,
        Failure,
        Meeting,
    )
    from saumaton.casework.sweep import sweep
    from saumaton.jobseekers.models import EmploymentStatusPeriod, PersonSkill

    assert "people without a next step: 0" in demo_db
    report = sweep()
    active = _active().count()
    assert report.active == active
    assert (report.without_next_step, report.without_coach) == (0, 0)
    assert not Meeting.objects.filter(is_synthetic=False).exists()
    assert Meeting.objects.filter(outcome="scheduled").count() == active
    for model in (EmploymentStatusPeriod, DutyPeriod, ApplicationReport, Failure):
        assert model.objects.exists() and not model.objects.filter(is_synthetic=False).exists()
    assert PersonSkill.objects.count() >= 3 * active
    me = Person.objects.get(user__username="jobseeker")
    assert EmploymentPlan.objects.filter(person=me).exists()
    assert ApplicationReport.objects.filter(person=me, reported_by=me.user).exists()
    assert Failure.objects.filter(person=me, state=Failure.State.OPEN).exists()
    assert me.events.filter(type="meeting_missed").exists()


def test_demo_has_open_vacancies_and_an_employer_who_sees_candidates(demo_db, client):
    from saumaton.employers.models import AssignedVacancy, Vacancy, WageSubsidy

    open_vacancies = Vacancy.objects.filter(status="published").count()
    assert 1200 <= open_vacancies <= 1600
    assert AssignedVacancy.objects.filter(state="hired").exists()
    assert AssignedVacancy.objects.filter(state="not_applied", failure__isnull=False).exists()
    assert WageSubsidy.objects.filter(state="granted", claims__isnull=False).exists()
    located = Vacancy.objects.filter(location__isnull=False).select_related("location")
    assert located.exists()  # vacancies in their employer's location's municipality are at it
    assert all((v.lat, v.lon) == (v.location.lat, v.location.lon) for v in located[:50])
    client.login(username="employer", password="saumaton-demo")
    mine = Vacancy.objects.filter(employer__memberships__user__username="employer").first()
    page = client.get(f"/jobs/ours/{mine.pk}/")
    assert page.status_code == 200 and page.context["candidates"]


def test_fresh_demo_has_insight_figures_and_a_linked_kela_file(demo_db):
    from saumaton.insight.models import KelaPayment, MetricValue

    assert "insight:" in demo_db
    assert (
        MetricValue.objects.filter(dimension="area", metric="unemployed_jobseekers").count() == 12
    )
    assert KelaPayment.objects.filter(person__isnull=False).exists()
    assert KelaPayment.objects.filter(person__isnull=True, person_key__startswith="F").exists()


def test_fresh_demo_model_card_shows_a_real_audit(demo_db, client):
    from saumaton.accounts.models import User
    from saumaton.insight.models import ProfilingRun

    run = ProfilingRun.objects.get()
    assert "profiling model" in demo_db
    client.force_login(User.objects.get(username="analyst"))
    body = client.get("/insight/model-card/").content.decode()
    assert run.version in body and "mother_tongue = other" in body
    assert ("Not published." in body) is (not run.published)
