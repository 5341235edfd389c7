"""A partner refers a person onward: only with a consent naming the receiver or within an open
multisectoral case where both organisations are parties (381/2023 §15); otherwise refused with
nothing written. The receiver then sees the person; the sender's access does not change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.ecosystem import referrals
from saumaton.ecosystem.access import covered_categories, referrals_visible_to
from saumaton.ecosystem.consents import record_consent
from saumaton.ecosystem.errors import EcosystemError
from saumaton.ecosystem.models import Consent, MultisectoralCase, Referral
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import Organisation
from saumaton.organisations.resolver import forget
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture
def kela(world):
    return OrganisationFactory(area=world.area, kind=Organisation.Kind.KELA, name="Kela Demo")


@pytest.fixture
def kela_partner(kela):
    user = UserFactory(username="kela_partner")
    MembershipFactory(user=user, organisation=kela, role="partner")
    return user


def _consent_naming(world, *recipients, categories=("contact", "health")):
    return record_consent(
        world.users["coach"],
        world.person,
        purpose="Rehabilitation",
        categories=list(categories),
        recipients=list(recipients),
        legal_basis="consent",
        valid_from=timezone.localdate() - timedelta(days=1),
        valid_to=None,
        evidence=Consent.Evidence.SIGNED,
    )


def _open_case(world, county, kela):
    return MultisectoralCase.objects.create(
        person=world.person,
        employment_authority=world.authority,
        wellbeing_county=county,
        kela=kela,
        assessment_started=timezone.localdate(),
    )


def _visible(user):
    forget(user)
    return set(Person.objects.visible_to(user).values_list("pk", flat=True))


def _onward(world, referral, **fields):
    defaults = {"purpose": "Vocational rehabilitation", "categories": ["contact"]}
    return referrals.refer_onward(world.users["partner"], referral, **{**defaults, **fields})


def _written():
    return Referral.objects.count(), Event.objects.count()


@pytest.mark.parametrize("basis", ["consent", "381/2023 §15", "380/2023 §116", ""])
def test_refused_without_consent_or_basis_and_nothing_written(world, referral, kela, basis):
    before = _written()
    with pytest.raises(EcosystemError):
        _onward(world, referral, organisation=kela, legal_basis=basis)
    assert _written() == before


def test_refused_with_a_consent_not_naming_the_receiver(world, referral, kela):
    consent = referral.consent  # names the county only
    before = _written()
    with pytest.raises(EcosystemError, match="does not name the receiving organisation"):
        _onward(world, referral, organisation=kela, legal_basis="consent", consent=consent)
    assert _written() == before


def test_refused_under_15_when_the_receiver_is_not_a_party(world, referral, kela, other_partner):
    _open_case(world, referral.organisation, kela)
    elsewhere = other_partner.memberships.get().organisation
    before = _written()
    with pytest.raises(EcosystemError, match="381/2023 §15"):
        _onward(world, referral, organisation=elsewhere, legal_basis="381/2023 §15")
    assert _written() == before


def test_allowed_with_consent_naming_the_receiver(world, referral, kela, kela_partner):
    partner = world.users["partner"]
    assert _visible(kela_partner) == set()
    consent = _consent_naming(world, referral.organisation, kela)
    seen_before, covered_before = _visible(partner), covered_categories(partner, world.person)

    onward = _onward(
        world,
        referral,
        organisation=kela,
        legal_basis="consent",
        consent=consent,
        categories=["contact", "health"],
    )

    assert (onward.organisation, onward.sender_organisation) == (kela, referral.organisation)
    assert onward.sender_owner == partner and onward.state == Referral.State.SENT
    event = Event.objects.get(person=world.person, type=Event.Type.REFERRAL_SENT, organisation=kela)
    assert event.payload["onward_from"] == referral.pk
    assert _visible(kela_partner) == {world.person.pk}
    assert list(referrals_visible_to(kela_partner)) == [onward]
    assert covered_categories(kela_partner, world.person) == {"contact", "health"}
    assert _visible(partner) == seen_before
    assert covered_categories(partner, world.person) == covered_before
    referral.refresh_from_db()
    assert referral.state == Referral.State.SENT and referral.version == 0


def test_allowed_under_15_within_an_open_case(world, referral, kela, kela_partner):
    _open_case(world, referral.organisation, kela)
    onward = _onward(
        world, referral, organisation=kela, legal_basis="381/2023 §15", categories=["health"]
    )
    assert onward.legal_basis == "381/2023 §15" and onward.consent is None
    event = Event.objects.get(person=world.person, type=Event.Type.REFERRAL_SENT, organisation=kela)
    assert event.legal_basis == "381/2023 §15"
    assert _visible(kela_partner) == {world.person.pk}
    assert list(referrals_visible_to(kela_partner)) == [onward]


def test_an_ended_case_no_longer_allows_15(world, referral, kela):
    case = _open_case(world, referral.organisation, kela)
    case.ended_on = timezone.localdate()
    case.save()
    with pytest.raises(EcosystemError):
        _onward(world, referral, organisation=kela, legal_basis="381/2023 §15")


def test_only_the_serving_organisation_refers_onward(world, referral, kela):
    consent = _consent_naming(world, referral.organisation, kela)
    with pytest.raises(EcosystemError, match="serving"):
        referrals.refer_onward(
            world.users["coach"],
            referral,
            organisation=kela,
            purpose="x",
            categories=["contact"],
            legal_basis="consent",
            consent=consent,
        )
    referrals.decline(world.users["partner"], referral, expected_version=0, reason="No place")
    with pytest.raises(EcosystemError, match="serving"):
        _onward(world, referral, organisation=kela, legal_basis="consent", consent=consent)


def test_partner_refers_onward_from_the_referral_page(world, referral, kela, login):
    consent = _consent_naming(world, referral.organisation, kela)
    client = login(world.users["partner"])
    page = client.get(reverse("ecosystem:referral", args=[referral.pk])).content.decode()
    url = reverse("ecosystem:refer_onward", args=[referral.pk])
    assert url in page
    response = client.post(
        url,
        {
            "organisation": kela.pk,
            "purpose": "Kela rehabilitation",
            "categories": ["contact"],
            "legal_basis": "consent",
            "consent": consent.pk,
        },
    )
    assert response.status_code == 302
    onward = Referral.objects.get(organisation=kela)
    assert onward.sender_organisation_id == referral.organisation_id
    coach = login(world.users["coach"])
    overview = coach.get(reverse("jobseekers:detail", args=[world.person.pk])).content.decode()
    assert reverse("ecosystem:referral", args=[onward.pk]) in overview


def test_page_refusal_shows_the_rule_and_writes_nothing(world, referral, kela, login):
    client = login(world.users["partner"])
    before = _written()
    response = client.post(
        reverse("ecosystem:refer_onward", args=[referral.pk]),
        {
            "organisation": kela.pk,
            "purpose": "Kela rehabilitation",
            "categories": ["contact"],
            "legal_basis": "381/2023 §15",
        },
    )
    assert response.status_code == 200
    assert "381/2023 §15" in response.content.decode()
    assert _written() == before


def test_api_refers_onward_and_refuses_with_the_field(world, referral, kela, login):
    client = login(world.users["partner"])
    url = reverse("api:referral-refer-onward", args=[referral.pk])
    body = {"organisation": kela.pk, "purpose": "Kela", "categories": ["contact"]}
    refused = client.post(url, {**body, "legal_basis": "381/2023 §15"}, "application/json")
    assert refused.status_code == 400 and refused.json()["field"] == "legal_basis"
    consent = _consent_naming(world, referral.organisation, kela)
    done = client.post(
        url, {**body, "legal_basis": "consent", "consent": consent.pk}, "application/json"
    )
    assert done.status_code == 201
    assert done.json()["sender_organisation"] == referral.organisation_id


def test_api_does_not_reveal_a_consent_the_partner_cannot_see(world, referral, kela, login):
    hidden = _consent_naming(world, kela)  # names Kela only: not the county partner's to know
    client = login(world.users["partner"])
    response = client.post(
        reverse("api:referral-refer-onward", args=[referral.pk]),
        {
            "organisation": kela.pk,
            "purpose": "Kela",
            "categories": ["contact"],
            "legal_basis": "consent",
            "consent": hidden.pk,
        },
        "application/json",
    )
    assert response.status_code == 400 and response.json()["error"] == "No such consent."
    assert not Referral.objects.filter(organisation=kela).exists()


def test_partner_of_another_organisation_cannot_refer_onward(
    world, referral, kela, other_partner, login
):
    client = login(other_partner)
    missing = Referral.objects.order_by("-pk").first().pk + 1000
    before = _written()
    for pk in (referral.pk, missing):
        page = client.post(
            reverse("ecosystem:refer_onward", args=[pk]),
            {"organisation": kela.pk, "purpose": "x", "categories": ["contact"]},
        )
        api = client.post(
            reverse("api:referral-refer-onward", args=[pk]),
            {"organisation": kela.pk, "purpose": "x", "categories": ["contact"]},
            "application/json",
        )
        assert (page.status_code, api.status_code) == (404, 404)
        assert world.person.last_name not in page.content.decode() + api.content.decode()
    assert _written() == before


def test_the_seam_guard_watches_an_onward_referral(world, referral, kela):
    from saumaton.ecosystem.seam import find_referral_seams

    _open_case(world, referral.organisation, kela)
    onward = _onward(world, referral, organisation=kela, legal_basis="381/2023 §15")
    referrals.accept(world.users["partner"], referral, expected_version=0)  # the source answered
    later = onward.response_due + timedelta(days=1)
    found = {
        (f.kind, f.detail) for f in find_referral_seams(later) if f.kind.endswith("unanswered")
    }
    assert found == {("referral_unanswered", f"referral {onward.pk}")}
