"""People, their periods and profile: the overall picture's facts, work-ability data gated."""

from datetime import date

import pytest

from saumaton.casework.models import Failure
from saumaton.jobseekers.models import (
    EmploymentStatusPeriod,
    LanguageSkill,
    Preferences,
    WorkAbilityLimitation,
)
from saumaton.organisations.roles import ROLE_PERMISSIONS, Perm, Role


def test_detail_has_the_open_customership_coach_status_and_target_groups(world, login):
    person = world.person
    EmploymentStatusPeriod.objects.create(
        person=person, status="unemployed", start=date(2025, 1, 1)
    )
    body = login(world.users["coach"]).get(f"/api/v1/persons/{person.pk}/").json()
    customership = body["customership"]
    assert customership["organisation"] == world.authority.pk
    assert customership["coach"] == {
        "id": world.users["coach"].pk,
        "name": world.users["coach"].get_full_name(),
    }
    assert customership["status"] == "unemployed"
    assert body["unemployed_since"] == "2025-01-01"
    assert "long_term_unemployed" in [g["code"] for g in body["target_groups"]]
    assert "hetu" not in body


def test_periods_list_job_searches_and_status_periods(world, login):
    EmploymentStatusPeriod.objects.create(
        person=world.person, status="part_time", start=date(2026, 3, 2), end=date(2026, 4, 30)
    )
    body = login(world.users["coach"]).get(f"/api/v1/persons/{world.person.pk}/periods/").json()
    assert [p["start_date"] for p in body["job_search_periods"]] == ["2026-03-02"]
    assert [(p["status"], p["end"]) for p in body["status_periods"]] == [
        ("part_time", "2026-04-30")
    ]


@pytest.fixture
def profiled(world):
    person = world.person
    LanguageSkill.objects.create(person=person, language="fi", level="native")
    WorkAbilityLimitation.objects.create(person=person, code="no_heavy_lifting", source="doctor")
    Failure.objects.create(
        person=person, kind="missed_meeting", date=date(2026, 11, 2), valid_reason_text="flu"
    )
    Preferences.objects.create(person=person, max_commute_km=25, work_time=["part_time"])
    return person


def test_profile_shows_limitations_to_the_persons_caseworkers(world, login, profiled):
    client = login(world.users["coach"])
    body = client.get(f"/api/v1/persons/{profiled.pk}/profile/").json()
    assert body["languages"] == [{"language": "fi", "level": "native"}]
    assert body["limitations"] == [{"code": "no_heavy_lifting", "source": "doctor"}]
    assert body["preferences"]["max_commute_km"] == 25
    assert client.get("/api/v1/failures/").json()["results"][0]["valid_reason_text"] == "flu"


def test_health_data_is_withheld_from_readers_who_do_not_handle_the_case(
    world, login, profiled, monkeypatch
):
    """A role that may read records but not do casework (as partners will, through referrals)."""
    reader = ROLE_PERMISSIONS[Role.STATEMENT_OFFICER] - {Perm.MANAGE_CASEWORK}
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.STATEMENT_OFFICER, reader)
    client = login(world.users["statement_officer"])
    body = client.get(f"/api/v1/persons/{profiled.pk}/profile/").json()
    assert body["limitations"] is None
    assert body["languages"] == [{"language": "fi", "level": "native"}]
    assert client.get("/api/v1/failures/").json()["results"][0]["valid_reason_text"] is None


def test_a_profile_without_preferences_says_null(world, login):
    body = login(world.users["coach"]).get(f"/api/v1/persons/{world.person.pk}/profile/").json()
    assert body["preferences"] is None
    assert body["limitations"] == []
