"""Profile editing by staff and in self-service: every change is an event."""

import uuid

import pytest
from django.urls import reverse

from saumaton.audit.models import AccessLog, Event
from saumaton.reference.models import EscoSkill, IscoGroup
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def reference(db):
    IscoGroup.objects.create(code="2", level=1, label_en="Professionals")
    unit = IscoGroup.objects.create(code="2512", level=4, label_en="Software developers")
    skill = EscoSkill.objects.create(
        id=uuid.uuid4(), uri="http://data.europa.eu/esco/skill/x", preferred_label_en="use Python"
    )
    return unit, skill


def updates(person):
    return list(
        Event.objects.filter(person=person, type="person_updated").values_list(
            "payload__section", "payload__action"
        )
    )


def test_staff_edit_every_section_and_each_change_is_an_event(world, login, reference):
    occupation, skill = reference
    person = world.person
    client = login(world.users["coach"])
    url = reverse("jobseekers:profile", args=[person.pk])
    posts = [
        {"section": "education", "education-level": "bachelor", "education-degree": "BBA"},
        {
            "section": "work",
            "work-occupation": occupation.pk,
            "work-employer_name": "Oy Esimerkki Ab",
            "work-start": "2019-01-01",
            "work-end": "2023-12-31",
        },
        {"section": "skills", "skills-skill": skill.pk},
        {"section": "languages", "languages-language": "sv", "languages-level": "B2"},
        {"section": "licences", "licences-kind": "hygiene_passport"},
        {"section": "limitations", "limitations-code": "no_heavy_lifting"},
    ]
    for data in posts:
        assert client.post(url, data).status_code == 302, data
    assert person.educations.count() == person.work_history.count() == 1
    assert person.skills.get().skill == skill
    assert person.limitations.count() == 1
    assert len(updates(person)) == 6
    limitation_event = Event.objects.get(person=person, payload__section="limitations")
    assert "GDPR Art. 9" in limitation_event.legal_basis
    page = client.get(url)
    assert "special category" in page.content.decode()
    assert AccessLog.objects.filter(person=person, purpose="jobseekers:profile").exists()
    entry = person.licences.get()
    remove = {"section": "licences", "action": "remove", "entry": entry.pk}
    assert client.post(url, remove).status_code == 302
    assert not person.licences.exists()
    assert updates(person)[0] == ("licences", "removed")
    profile_page = client.get(url).content.decode()  # the profile lives on its own page
    assert "Software developers" in profile_page and "BBA" in profile_page


def test_skill_search(world, login, reference):
    _, skill = reference
    url = reverse("jobseekers:profile", args=[world.person.pk])
    response = login(world.users["coach"]).get(url, {"q": "pyth"})
    assert response.context["skills"] == [skill]


def test_bad_profile_input_is_a_field_error_and_writes_nothing(world, login, reference):
    occupation, _ = reference
    client = login(world.users["coach"])
    url = reverse("jobseekers:profile", args=[world.person.pk])
    data = {
        "section": "work",
        "work-occupation": occupation.pk,
        "work-start": "2020-01-01",
        "work-end": "2019-01-01",
    }
    response = client.post(url, data)
    work = next(s for s in response.context["sections"] if s["section"].key == "work")
    assert "end" in work["form"].errors
    client.post(url, {"section": "languages", "languages-language": "fi", "languages-level": "C1"})
    again = client.post(
        url, {"section": "languages", "languages-language": "fi", "languages-level": "B1"}
    )
    assert again.status_code == 200
    assert world.person.languages.count() == 1
    assert updates(world.person) == [("languages", "added")]


def test_jobseeker_edits_own_profile_but_not_work_ability(world, login):
    person = world.own_person
    client = login(world.users["jobseeker"])
    url = reverse("jobseekers:my_profile")
    page = client.get(url)
    assert "limitations" not in [s["section"].key for s in page.context["sections"]]
    client.post(url, {"section": "licences", "licences-kind": "driving_b"})
    assert person.licences.count() == 1
    refused = client.post(url, {"section": "limitations", "limitations-code": "no_driving"})
    assert refused.status_code == 404
    assert not person.limitations.exists()
    response = client.post(
        reverse("jobseekers:my_preferences"),
        {"max_commute_km": 25, "accepts_remote": "on", "work_time": ["part_time", "shift"]},
    )
    assert response["Location"] == reverse("jobseekers:my_profile")
    assert person.preferences.work_time == ["part_time", "shift"]
    assert updates(person) == [("preferences", "updated"), ("licences", "added")]
    assert not AccessLog.objects.filter(person=person).exists()  # reading oneself


def test_staff_preferences(world, login):
    client = login(world.users["coach"])
    url = reverse("jobseekers:preferences", args=[world.person.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"max_commute_km": 60, "municipalities": [world.area.lead_municipality_id]})
    assert world.person.preferences.max_commute_km == 60
    assert list(world.person.preferences.municipalities.all()) == [world.area.lead_municipality]


def test_a_coach_of_another_area_gets_404(world, login):
    stranger = UserFactory(username="other_coach")
    MembershipFactory(user=stranger, organisation=world.other_authority, role="coach")
    client = login(stranger)
    for name in ("jobseekers:profile", "jobseekers:preferences"):
        response = client.post(
            reverse(name, args=[world.person.pk]),
            {"section": "licences", "licences-kind": "driving_b"},
        )
        assert response.status_code == 404
    assert not world.person.licences.exists()
