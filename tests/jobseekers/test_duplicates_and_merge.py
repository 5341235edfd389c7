"""Duplicate candidates, and the merge that moves every related record or refuses."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import AccessLog
from saumaton.casework.models import DutyPeriod, Meeting
from saumaton.jobseekers import duplicates, merge
from saumaton.jobseekers.errors import JobseekerError
from saumaton.jobseekers.models import (
    EmploymentStatusPeriod,
    LanguageSkill,
    Licence,
    Person,
    Preferences,
)
from tests.factories import CustomershipFactory, PersonFactory


@pytest.fixture
def duplicate(world):
    """A record of ``world.person`` made without an identity code, with its own history."""
    p = world.person
    dup = PersonFactory(
        hetu=None,
        first_name=p.first_name.upper() + " Toinen",
        last_name=p.last_name,
        birth_date=p.birth_date,
        email=p.email.upper(),
        phone="+358 40 555 0101",
    )
    old = CustomershipFactory(
        person=dup,
        organisation=world.authority,
        start_date=date(2024, 1, 8),
        end_date=date(2024, 9, 30),
        end_reason="employed",
    )
    Meeting.objects.create(
        person=dup,
        customership=old,
        kind="initial_interview",
        starts_at=timezone.now() - timedelta(days=600),
        channel="phone",
        coach=world.users["coach"],
        outcome="held",
    )
    EmploymentStatusPeriod.objects.create(person=dup, status="unemployed", start=date(2024, 1, 8))
    DutyPeriod.objects.create(person=dup, start=date(2024, 2, 1), end=date(2024, 2, 29), required=3)
    LanguageSkill.objects.create(person=dup, language="fi", level="native")
    LanguageSkill.objects.create(person=dup, language="sv", level="B1")
    LanguageSkill.objects.create(person=p, language="fi", level="C2")
    Licence.objects.create(person=dup, kind="driving_b")
    Preferences.objects.create(person=dup, max_commute_km=10)
    Preferences.objects.create(person=p, max_commute_km=30)
    AccessLog.objects.create(actor=world.users["coach"], person=dup, purpose="test")
    return dup


def rows_per_model(person) -> dict[str, int]:
    return {
        rel.related_model._meta.label: rel.related_model._base_manager.filter(
            **{rel.field.name: person}
        ).count()
        for rel in merge.person_relations()
    }


def test_normalisation():
    assert duplicates.normalise_name("Aino  Maria", "Virtanen-Koski") == "aino virtanen koski"
    assert duplicates.normalise_phone("+358 40 123 4567") == "0401234567"
    assert duplicates.shares_contact("A@x.fi", "", "a@x.fi ", "")
    assert not duplicates.shares_contact("", "", "", "")


def test_candidates_by_code_and_by_name_birth_date_and_contact(world, duplicate):
    p = world.person
    assert duplicates.candidates_for(
        hetu=p.hetu, first_name="x", last_name="y", birth_date=None
    ) == [p]
    found = duplicates.candidates_for(
        first_name=p.first_name, last_name=p.last_name, birth_date=p.birth_date, phone="0405550101"
    )
    assert found == [duplicate]
    assert not duplicates.candidates_for(
        first_name=p.first_name, last_name=p.last_name, birth_date=p.birth_date, phone="0400000000"
    )


def test_unit_lead_sees_the_pair(world, duplicate, login):
    response = login(world.users["unit_lead"]).get(reverse("jobseekers:duplicates"))
    pairs = response.context["pairs"]
    assert [(x.survivor, x.duplicate) for x in pairs] == [(world.person, duplicate)]
    assert AccessLog.objects.filter(person=duplicate, purpose="jobseekers:duplicates").exists()


def test_merge_moves_every_related_record(world, duplicate, login):
    survivor = world.person
    before_s, before_d = rows_per_model(survivor), rows_per_model(duplicate)
    client = login(world.users["unit_lead"])
    assert (
        client.get(reverse("jobseekers:merge", args=[survivor.pk, duplicate.pk])).status_code == 200
    )
    response = client.post(reverse("jobseekers:merge", args=[survivor.pk, duplicate.pk]))
    assert response["Location"] == reverse("jobseekers:detail", args=[survivor.pk])
    after_s, after_d = rows_per_model(survivor), rows_per_model(duplicate)
    kept = {"jobseekers.LanguageSkill": 1, "jobseekers.Preferences": 1}
    marker_and_event = {"jobseekers.JobseekerCustomership": 1, "audit.Event": 1}
    for label in before_s:
        own_event = 1 if label == "audit.Event" else 0
        assert (
            after_s[label] == before_s[label] + before_d[label] - kept.get(label, 0) + own_event
        ), label
        assert after_d[label] == kept.get(label, 0) + marker_and_event.get(label, 0), label
    assert before_d["casework.Meeting"] == 1 and before_d["casework.DutyPeriod"] == 1
    assert AccessLog.objects.filter(person=duplicate, purpose="test").exists()  # not rewritten
    survivor.refresh_from_db()
    duplicate.refresh_from_db()
    assert survivor.phone == "+358 40 555 0101"  # a blank field filled
    assert survivor.first_name == world.person.first_name  # identity kept
    marker = duplicate.customerships.get()
    assert marker.end_reason == "merged" and marker.end_date is not None
    events = {
        e.payload["merge"]: e
        for e in survivor.events.all() | duplicate.events.all()
        if "merge" in e.payload
    }
    assert events["survivor"].payload["moved"]["casework.Meeting"] == 1
    assert events["merged"].payload["other"] == str(survivor.pk)
    assert events["merged"].payload["kept"] == kept
    assert survivor.customerships.first().history.exists()  # the change history is kept
    assert duplicate not in duplicates.candidates_for(
        first_name=survivor.first_name,
        last_name=survivor.last_name,
        birth_date=survivor.birth_date,
        email=survivor.email,
    )


def test_both_open_with_the_same_organisation_ends_the_duplicates_search(world, duplicate):
    dup_open = CustomershipFactory(person=duplicate, organisation=world.authority)
    meeting = Meeting.objects.create(
        person=duplicate,
        customership=dup_open,
        kind="job_search_conversation",
        starts_at=timezone.now() + timedelta(days=3),
        channel="phone",
        coach=world.users["coach"],
    )
    merge.merge(world.users["unit_lead"], world.person, duplicate)
    dup_open.refresh_from_db()
    meeting.refresh_from_db()
    assert dup_open.end_reason == "merged" and dup_open.person == duplicate
    assert meeting.person == world.person
    assert meeting.customership == world.person.customerships.get(end_date__isnull=True)


def test_refusals_change_nothing(world, duplicate):
    lead = world.users["unit_lead"]
    counts = rows_per_model(duplicate)
    other = PersonFactory()  # has an identity code of its own
    CustomershipFactory(person=other, organisation=world.authority, end_date=date(2026, 3, 9))
    with pytest.raises(JobseekerError, match="different identity codes"):
        merge.merge(lead, world.person, other)
    CustomershipFactory(person=duplicate, organisation=world.other_authority)
    with pytest.raises(JobseekerError, match="open job search"):
        merge.merge(lead, world.person, duplicate)
    with pytest.raises(JobseekerError, match="itself"):
        merge.merge(lead, world.person, world.person)
    with pytest.raises(JobseekerError, match="your organisation"):
        merge.merge(lead, world.person, world.other_person)
    counts["jobseekers.JobseekerCustomership"] += 1
    assert rows_per_model(duplicate) == counts


def test_merge_page_shows_the_refusal(world, duplicate, login):
    CustomershipFactory(person=duplicate, organisation=world.other_authority)
    client = login(world.users["unit_lead"])
    response = client.post(reverse("jobseekers:merge", args=[world.person.pk, duplicate.pk]))
    assert response.status_code == 200
    assert "open job search" in response.context["refusal"]
    assert (
        Person.objects.get(pk=duplicate.pk).customerships.filter(end_reason="merged").count() == 0
    )


def test_coach_of_another_area_gets_404(world, duplicate, login):
    from tests.factories import MembershipFactory, UserFactory

    stranger = UserFactory(username="other_lead")
    MembershipFactory(user=stranger, organisation=world.other_authority, role="unit_lead")
    client = login(stranger)
    for name, args in [
        ("jobseekers:merge", [world.person.pk, duplicate.pk]),
        ("jobseekers:profile", [world.person.pk]),
        ("jobseekers:preferences", [world.person.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert client.get(reverse("jobseekers:duplicates")).context["pairs"] == []
