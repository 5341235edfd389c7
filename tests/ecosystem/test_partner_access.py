"""Partner access: only referred or consented people, only covered data, ended at once."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import AccessLog
from saumaton.ecosystem import referrals
from saumaton.ecosystem.consents import withdraw_consent
from saumaton.ecosystem.models import MultisectoralCase
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import Organisation
from saumaton.organisations.resolver import forget
from tests.factories import OrganisationFactory, PersonFactory


def _visible(user):
    forget(user)
    return set(Person.objects.visible_to(user).values_list("pk", flat=True))


def test_partner_sees_nobody_without_a_referral_or_consent(world):
    assert _visible(world.users["partner"]) == set()


def test_partner_sees_exactly_the_referred_person(world, referral, other_partner):
    assert _visible(world.users["partner"]) == {world.person.pk}
    assert _visible(other_partner) == set()


def test_scope_is_one_query(world, referral, django_assert_num_queries):
    partner = world.users["partner"]
    forget(partner)
    list(Person.objects.visible_to(partner)[:0])  # memberships cached
    with django_assert_num_queries(1):
        list(Person.objects.visible_to(partner))


def test_withdrawing_the_consent_ends_access_at_once_ui_and_api(world, referral, login):
    partner = world.users["partner"]
    client = login(partner)
    page = reverse("ecosystem:referral", kwargs={"referral_id": referral.pk})
    api = reverse("api:referral-detail", kwargs={"pk": referral.pk})
    assert client.get(page).status_code == 200
    assert client.get(api).status_code == 200
    withdraw_consent(world.users["jobseeker"], referral.consent)
    assert client.get(page).status_code == 404
    assert client.get(api).status_code == 404
    assert client.get(reverse("api:referral-list")).json()["results"] == []
    assert _visible(partner) == set()


def test_closing_the_referral_ends_access_at_once(world, referral, login):
    partner = world.users["partner"]
    client = login(partner)
    page = reverse("ecosystem:referral", kwargs={"referral_id": referral.pk})
    referrals.decline(partner, referral, expected_version=0, reason="No place")
    assert client.get(page).status_code == 404
    assert client.get(reverse("api:referral-detail", kwargs={"pk": referral.pk})).status_code == 404
    assert world.person.first_name not in client.get(reverse("ecosystem:queue")).content.decode()


def test_partner_of_another_organisation_sees_nothing(world, referral, other_partner, login):
    client = login(other_partner)
    assert client.get(reverse("ecosystem:referral", args=[referral.pk])).status_code == 404
    assert client.get(reverse("api:referral-detail", args=[referral.pk])).status_code == 404
    assert world.person.last_name not in client.get(reverse("ecosystem:queue")).content.decode()
    response = client.post(
        reverse("ecosystem:transition", args=[referral.pk]), {"action": "accept", "version": 0}
    )
    assert response.status_code == 404


def test_partner_cannot_enumerate_persons(world, referral, login):
    client = login(world.users["partner"])
    for name in ("jobseekers:list", "api:person-list", "api:consent-list"):
        assert client.get(reverse(name)).status_code == 403
    # A person's page by key is closed too, whether the person was referred or not.
    for person in (world.person, world.other_person):
        url = reverse("jobseekers:detail", kwargs={"person_id": person.pk})
        assert client.get(url).status_code == 403


def test_health_hidden_without_specific_consent(world, service, login):
    partner = world.users["partner"]
    referral = referrals.refer(
        world.users["coach"],
        world.person,
        service=service,
        purpose="Coaching",
        categories=["contact"],
        legal_basis="380/2023 §116",
    )
    world.person.limitations.create(code="no_heavy_lifting")
    body = login(partner).get(reverse("ecosystem:referral", args=[referral.pk])).content.decode()
    assert world.person.email in body
    assert "No heavy lifting" not in body and "Health and work ability" not in body


def test_health_shown_with_specific_consent(world, referral, login):
    world.person.limitations.create(code="no_heavy_lifting")
    body = login(world.users["partner"]).get(reverse("ecosystem:referral", args=[referral.pk]))
    assert "No heavy lifting" in body.content.decode()


def test_background_shown_only_when_covered(world, service, consent, login):
    """The referral shares contact data only, but the consent also names background data for
    the same organisation: the partner sees what either covers, and no more."""
    world.person.mother_tongue = "xyz"
    world.person.save()
    referral = referrals.refer(
        world.users["coach"],
        world.person,
        service=service,
        purpose="Coaching",
        categories=["contact"],
        legal_basis="380/2023 §116",
    )
    client = login(world.users["partner"])
    assert "xyz" in client.get(reverse("ecosystem:referral", args=[referral.pk])).content.decode()
    withdraw_consent(world.users["jobseeker"], consent)
    body = client.get(reverse("ecosystem:referral", args=[referral.pk])).content.decode()
    assert "xyz" not in body and world.person.email in body


def test_every_partner_read_is_logged_and_shown_to_the_person(world, referral, login):
    partner = world.users["partner"]
    before = AccessLog.objects.filter(actor=partner, person=world.person).count()
    login(partner).get(reverse("ecosystem:referral", args=[referral.pk]))
    login(partner).get(reverse("ecosystem:queue"))
    login(partner).get(reverse("api:referral-list"))
    assert AccessLog.objects.filter(actor=partner, person=world.person).count() == before + 3
    # The person sees the reads in self-service (their own person is world.own_person).
    own = world.own_person
    AccessLog.objects.create(actor=partner, person=own, purpose="ecosystem:referral")
    body = login(world.users["jobseeker"]).get(reverse("ecosystem:my_reads")).content.decode()
    assert "ecosystem:referral" in body and partner.last_name in body
    assert partner.memberships.get().organisation.name in body


def test_consent_naming_the_organisation_opens_scope_until_it_expires(world, provider):
    from saumaton.ecosystem.consents import record_consent

    today = timezone.localdate()
    consent = record_consent(
        world.users["coach"],
        world.person,
        purpose="Follow-up",
        categories=["contact"],
        recipients=[provider],
        legal_basis="consent",
        valid_from=today - timedelta(days=10),
        valid_to=today,
        evidence="electronic",
    )
    assert _visible(world.users["partner"]) == {world.person.pk}
    consent.valid_to = today - timedelta(days=1)
    consent.save()
    assert _visible(world.users["partner"]) == set()


def test_multisectoral_case_opens_scope_for_the_team_only(world, provider, other_partner):
    kela = OrganisationFactory(area=world.area, kind=Organisation.Kind.KELA)
    case = MultisectoralCase.objects.create(
        person=world.person,
        employment_authority=world.authority,
        wellbeing_county=provider,
        kela=kela,
        assessment_started=timezone.localdate(),
    )
    assert _visible(world.users["partner"]) == {world.person.pk}
    assert _visible(other_partner) == set()
    case.ended_on = timezone.localdate()
    case.save()
    assert _visible(world.users["partner"]) == set()


def test_jobseeker_withdraws_own_consent_in_self_service(world, provider, login):
    from saumaton.ecosystem.consents import record_consent

    consent = record_consent(
        world.users["coach"],
        world.own_person,
        purpose="Sharing",
        categories=["contact"],
        recipients=[provider],
        legal_basis="consent",
        valid_from=timezone.localdate(),
        valid_to=None,
        evidence="electronic",
    )
    client = login(world.users["jobseeker"])
    assert "Sharing" in client.get(reverse("ecosystem:my_consents")).content.decode()
    client.post(reverse("ecosystem:withdraw_consent", args=[consent.pk]))
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_jobseeker_cannot_withdraw_someone_elses_consent(world, consent, login):
    response = login(world.users["jobseeker"]).post(
        reverse("ecosystem:withdraw_consent", args=[consent.pk])
    )
    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_unrelated_person_stays_invisible(world, referral):
    stranger = PersonFactory()
    assert stranger.pk not in _visible(world.users["partner"])


def test_partner_record_querysets_show_only_their_organisations_records(
    world, referral, other_partner
):
    from saumaton.ecosystem.consents import record_consent
    from saumaton.ecosystem.models import Consent, Referral

    other_org = other_partner.memberships.get().organisation
    elsewhere = record_consent(
        world.users["coach"],
        world.person,
        purpose="Elsewhere",
        categories=["contact"],
        recipients=[other_org],
        legal_basis="consent",
        valid_from=timezone.localdate(),
        valid_to=None,
        evidence="signed",
    )
    partner = world.users["partner"]
    forget(partner)
    assert set(Consent.objects.visible_to(partner)) == {referral.consent}
    assert elsewhere in Consent.objects.visible_to(world.users["coach"])
    assert list(Referral.objects.visible_to(partner)) == [referral]
    forget(other_partner)
    assert list(Referral.objects.visible_to(other_partner)) == []


def test_jobseeker_gives_a_consent_in_self_service(world, provider, login):
    response = login(world.users["jobseeker"]).post(
        reverse("ecosystem:give_consent"),
        {
            "purpose": "Työkykyarvio",
            "categories": ["contact", "health"],
            "recipients": [provider.pk],
            "valid_from": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    from saumaton.ecosystem.models import Consent

    consent = Consent.objects.get(person=world.own_person)
    assert (consent.evidence, consent.legal_basis) == ("electronic", "consent")
    assert world.own_person.pk in _visible(world.users["partner"])
