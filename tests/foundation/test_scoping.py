"""``visible_to`` per role: each demo role sees exactly its scope."""

import pytest

from saumaton.jobseekers.models import Person
from saumaton.organisations.scoping import areas_visible_to, organisations_visible_to


@pytest.mark.parametrize("role", ["coach", "unit_lead", "statement_officer"])
def test_casework_roles_see_their_organisations_people_only(world, role):
    visible = set(Person.objects.visible_to(world.users[role]))
    assert visible == {world.person, world.own_person}


@pytest.mark.parametrize("role", ["partner", "analyst", "area_admin", "auditor", "employer_user"])
def test_other_staff_roles_see_no_one(world, role):
    assert not Person.objects.visible_to(world.users[role]).exists()


def test_jobseeker_sees_only_themself(world):
    assert list(Person.objects.visible_to(world.users["jobseeker"])) == [world.own_person]


def test_anonymous_sees_no_one(world):
    from django.contrib.auth.models import AnonymousUser

    assert not Person.objects.visible_to(AnonymousUser()).exists()


def test_inactive_membership_grants_nothing(world):
    coach = world.users["coach"]
    coach.memberships.update(active=False)
    assert not Person.objects.visible_to(coach).exists()


def test_area_admin_sees_own_area_structures_only(world):
    admin = world.users["area_admin"]
    assert list(areas_visible_to(admin)) == [world.area]
    orgs = set(organisations_visible_to(admin))
    assert world.authority in orgs
    assert world.other_authority not in orgs


def test_records_of_a_person_follow_the_persons_visibility(world):
    from saumaton.audit.models import Event
    from saumaton.jobseekers.models import JobseekerCustomership

    Event.objects.create(person=world.person, type=Event.Type.JOB_SEARCH_STARTED)
    Event.objects.create(person=world.other_person, type=Event.Type.JOB_SEARCH_STARTED)
    coach = world.users["coach"]
    assert {e.person for e in Event.objects.visible_to(coach)} == {world.person}
    visible = {c.person for c in JobseekerCustomership.objects.visible_to(coach)}
    assert visible == {world.person, world.own_person}
    assert not Event.objects.visible_to(world.users["area_admin"]).exists()
