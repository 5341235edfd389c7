"""The API is scoped exactly as the UI: other areas' people do not exist, tokens are narrowed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saumaton.casework.models import Meeting
from tests.factories import MembershipFactory, UserFactory
from tests.permissions.api_pathway import make_objects

LISTS = [
    "persons",
    "plans",
    "meetings",
    "duty-periods",
    "applications",
    "failures",
    "statements",
]


@pytest.fixture
def records(world):
    """One record of each kind, all of ``world.own_person`` (a person of ``world.area``)."""
    return make_objects(world)


def _details(world, records):
    person = world.own_person.pk
    return [
        f"/api/v1/persons/{person}/",
        f"/api/v1/persons/{person}/periods/",
        f"/api/v1/persons/{person}/profile/",
        f"/api/v1/plans/{records['api:plan']}/",
        f"/api/v1/meetings/{records['api:meeting']}/",
        f"/api/v1/duty-periods/{records['api:duty-period']}/",
        f"/api/v1/applications/{records['api:application']}/",
        f"/api/v1/failures/{records['api:failure']}/",
        f"/api/v1/statements/{records['api:statement']}/",
    ]


def test_a_coach_of_another_area_sees_none_of_these_people(world, records, login):
    stranger = UserFactory()
    MembershipFactory(user=stranger, organisation=world.other_authority, role="coach")
    client = login(stranger)
    people = client.get("/api/v1/persons/").json()["results"]
    assert [p["id"] for p in people] == [str(world.other_person.pk)]
    for name in LISTS[1:]:
        response = client.get(f"/api/v1/{name}/")
        assert response.status_code == 200, name
        assert response.json()["results"] == [], name
    for url in _details(world, records):
        assert client.get(url).status_code == 404, url


def test_the_same_coach_sees_them_all(world, records, login):
    client = login(world.users["coach"])
    for name in LISTS:
        assert client.get(f"/api/v1/{name}/").json()["count"] >= 1, name
    for url in _details(world, records):
        assert client.get(url).status_code == 200, url


def test_a_token_carries_only_its_organisations_rights(world, token):
    coach = world.users["coach"]
    MembershipFactory(user=coach, organisation=world.other_authority, role="coach")
    client = token(coach, world.other_authority)
    people = {p["id"] for p in client.get("/api/v1/persons/").json()["results"]}
    assert people == {str(world.other_person.pk)}
    assert client.get(f"/api/v1/persons/{world.person.pk}/").status_code == 404


def test_a_token_for_an_organisation_without_the_permission_is_refused(world, token):
    client = token(world.users["area_admin"], world.authority)
    assert client.get("/api/v1/persons/").status_code == 403


def test_anonymous_requests_get_401(world, client):
    assert client.get("/api/v1/persons/").status_code == 401


def test_the_identity_code_is_neither_shown_nor_a_key(world, login):
    client = login(world.users["coach"])
    hetu = world.person.hetu
    assert hetu not in client.get("/api/v1/persons/").content.decode()
    assert hetu not in client.get(f"/api/v1/persons/{world.person.pk}/").content.decode()
    assert client.get(f"/api/v1/persons/{hetu}/").status_code == 404
    everyone = client.get("/api/v1/persons/").json()["count"]
    assert client.get(f"/api/v1/persons/?hetu={hetu}").json()["count"] == everyone


def test_records_can_be_listed_for_one_person(world, login):
    coach = world.users["coach"]
    for person in (world.person, world.own_person):
        Meeting.objects.create(
            person=person,
            customership=person.customerships.get(),
            kind="initial_interview",
            starts_at=timezone.now() - timedelta(days=1),
            channel="phone",
            coach=coach,
        )
    client = login(coach)
    rows = client.get(f"/api/v1/meetings/?person={world.person.pk}").json()["results"]
    assert [m["person"] for m in rows] == [str(world.person.pk)]
    response = client.get("/api/v1/meetings/?person=not-a-uuid")
    assert response.status_code == 400
    assert response.json()["field"] == "person"
