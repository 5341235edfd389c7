"""The TYP joint team: named professionals of the case's parties (the employment authority,
the wellbeing services county, Kela), kept by the employment authority, shown on the case page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from saumaton.ecosystem.errors import EcosystemError
from saumaton.ecosystem.models import MultisectoralCase, TeamMember
from saumaton.ecosystem.typ import add_member
from saumaton.organisations.models import Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture
def kela(world):
    return OrganisationFactory(area=world.area, kind=Organisation.Kind.KELA, name="Kela Demo")


@pytest.fixture
def case(world, provider, kela):
    return MultisectoralCase.objects.create(
        person=world.person,
        employment_authority=world.authority,
        wellbeing_county=provider,
        kela=kela,
        assessment_started=timezone.localdate(),
    )


def _membership(user):
    return user.memberships.get()


def test_the_coach_names_a_team_of_the_three_parties(world, case, kela):
    kela_officer = UserFactory(username="kela_officer", first_name="Kaisa", last_name="Kela")
    MembershipFactory(user=kela_officer, organisation=kela, role="partner")
    coach = world.users["coach"]
    add_member(coach, case, membership=_membership(coach), role="employment_coach")
    add_member(coach, case, membership=_membership(world.users["partner"]), role="social_worker")
    add_member(coach, case, membership=_membership(kela_officer), role="kela_officer")
    assert {m.organisation_id for m in case.team.all()} == case.party_ids


def test_a_professional_of_another_organisation_is_refused(world, case, other_partner):
    with pytest.raises(EcosystemError, match="parties"):
        add_member(world.users["coach"], case, membership=_membership(other_partner), role="other")
    assert not TeamMember.objects.exists()


def test_one_seat_per_professional_and_only_while_open(world, case):
    coach = world.users["coach"]
    add_member(coach, case, membership=_membership(coach), role="employment_coach")
    with pytest.raises(EcosystemError, match="already"):
        add_member(coach, case, membership=_membership(coach), role="other")
    case.ended_on = timezone.localdate()
    case.save()
    with pytest.raises(EcosystemError, match="ended"):
        add_member(coach, case, membership=_membership(world.users["partner"]), role="other")
    assert case.team.count() == 1


def test_only_the_employment_authority_keeps_the_team(world, case):
    with pytest.raises(EcosystemError, match="employment authority"):
        add_member(
            world.users["partner"],
            case,
            membership=_membership(world.users["partner"]),
            role="other",
        )
    assert not TeamMember.objects.exists()


def test_unknown_role_is_refused(world, case):
    coach = world.users["coach"]
    with pytest.raises(EcosystemError, match="role"):
        add_member(coach, case, membership=_membership(coach), role="boss")


def test_case_page_adds_and_shows_the_team(world, case, login):
    partner = world.users["partner"]
    partner.first_name, partner.last_name = "Sanna", "Sosiaalityö"
    partner.save()
    client = login(world.users["coach"])
    url = reverse("ecosystem:multisectoral", args=[world.person.pk])
    response = client.post(
        url, {"step": "member", "membership": _membership(partner).pk, "role": "social_worker"}
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Sanna Sosiaalityö" in page and "Social worker" in page


def test_case_page_offers_only_the_parties_professionals(world, case, other_partner, login):
    client = login(world.users["coach"])
    page = client.get(reverse("ecosystem:multisectoral", args=[world.person.pk]))
    choices = page.context["member_form"].fields["membership"].queryset
    assert {m.organisation_id for m in choices} <= case.party_ids
    assert _membership(other_partner) not in choices
    refused = client.post(
        reverse("ecosystem:multisectoral", args=[world.person.pk]),
        {"step": "member", "membership": _membership(other_partner).pk, "role": "other"},
    )
    assert refused.status_code == 200 and not TeamMember.objects.exists()
