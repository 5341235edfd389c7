"""Every API response that shows people's data writes one access-log row per person shown."""

from datetime import timedelta

from django.utils import timezone

from saumaton.audit.models import AccessLog
from saumaton.casework.models import Meeting


def _meetings(world, person, count):
    for days in range(1, count + 1):
        Meeting.objects.create(
            person=person,
            customership=person.customerships.get(),
            kind="job_search_conversation",
            starts_at=timezone.now() - timedelta(days=days),
            channel="phone",
            coach=world.users["coach"],
        )


def test_a_list_logs_each_person_once_per_request(world, login):
    _meetings(world, world.person, 3)
    _meetings(world, world.own_person, 1)
    client = login(world.users["unit_lead"])
    assert client.get("/api/v1/meetings/").json()["count"] == 4
    rows = AccessLog.objects.values_list("actor", "person", "purpose", "area")
    unit_lead = world.users["unit_lead"].pk
    assert sorted(rows, key=str) == sorted(
        [
            (unit_lead, world.person.pk, "api:meeting-list", world.area.pk),
            (unit_lead, world.own_person.pk, "api:meeting-list", world.area.pk),
        ],
        key=str,
    )


def test_a_paged_list_logs_only_the_page(world, login):
    client = login(world.users["coach"])
    body = client.get("/api/v1/persons/?limit=1").json()
    assert body["count"] == 2
    logged = [str(p) for p in AccessLog.objects.values_list("person", flat=True)]
    assert logged == [body["results"][0]["id"]]


def test_a_detail_logs_one_row_and_a_miss_logs_nothing(world, login):
    client = login(world.users["coach"])
    client.get(f"/api/v1/persons/{world.other_person.pk}/profile/")
    assert not AccessLog.objects.exists()
    client.get(f"/api/v1/persons/{world.person.pk}/profile/")
    client.get(f"/api/v1/persons/{world.person.pk}/")
    assert list(AccessLog.objects.order_by("pk").values_list("person", "purpose")) == [
        (world.person.pk, "api:person-profile"),
        (world.person.pk, "api:person-retrieve"),
    ]


def test_an_empty_list_logs_nothing(world, login):
    login(world.users["coach"]).get("/api/v1/statements/")
    assert not AccessLog.objects.exists()
