"""The ecosystem API: referring, answering and consents through /api/v1/, same rules as pages."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.ecosystem.models import Consent, Referral


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_coach_refers_and_partner_answers_through_the_api(world, service, consent, login):
    coach = login(world.users["coach"])
    response = _post(
        coach,
        reverse("api:referral-list"),
        {
            "person": str(world.person.pk),
            "service": service.pk,
            "purpose": "Arvio",
            "categories": ["contact", "health"],
            "legal_basis": "consent",
            "consent": consent.pk,
        },
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    partner = login(world.users["partner"])
    url = reverse("api:referral-transition", args=[pk])
    assert _post(partner, url, {"action": "accept", "version": 0}).json()["state"] == "accepted"
    stale = _post(partner, url, {"action": "decline", "version": 0, "reason": "x"})
    assert stale.status_code == 409
    assert Referral.objects.get(pk=pk).state == "accepted"


def test_api_refusal_names_the_field_and_writes_nothing(world, service, login):
    before = (Referral.objects.count(), Event.objects.count())
    response = _post(
        login(world.users["coach"]),
        reverse("api:referral-list"),
        {
            "person": str(world.person.pk),
            "service": service.pk,
            "purpose": "Arvio",
            "categories": ["health"],
            "legal_basis": "380/2023 §116",
        },
    )
    assert response.status_code == 400
    assert response.json()["field"] == "categories"
    assert (Referral.objects.count(), Event.objects.count()) == before


def test_person_outside_scope_is_no_such_person(world, service, login):
    response = _post(
        login(world.users["coach"]),
        reverse("api:referral-list"),
        {
            "person": str(world.other_person.pk),
            "service": service.pk,
            "purpose": "x",
            "categories": ["contact"],
            "legal_basis": "380/2023 §116",
        },
    )
    assert response.status_code == 400 and response.json()["field"] == "person"


def test_partner_cannot_refer_or_read_consents(world, service, login):
    client = login(world.users["partner"])
    assert _post(client, reverse("api:referral-list"), {}).status_code == 403
    assert client.get(reverse("api:consent-list")).status_code == 403


def test_consent_recorded_and_withdrawn_through_the_api(world, provider, login):
    coach = login(world.users["coach"])
    response = _post(
        coach,
        reverse("api:consent-list"),
        {
            "person": str(world.own_person.pk),
            "purpose": "Jakaminen",
            "categories": ["contact"],
            "recipients": [provider.pk],
            "legal_basis": "consent",
            "valid_from": timezone.localdate().isoformat(),
            "evidence": "electronic",
        },
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    jobseeker = login(world.users["jobseeker"])
    assert _post(jobseeker, reverse("api:consent-withdraw", args=[pk]), {}).status_code == 200
    assert Consent.objects.get(pk=pk).withdrawn_at is not None
    again = _post(jobseeker, reverse("api:consent-withdraw", args=[pk]), {})
    assert again.status_code == 400


def test_jobseeker_cannot_withdraw_another_persons_consent(world, consent, login):
    response = _post(
        login(world.users["jobseeker"]), reverse("api:consent-withdraw", args=[consent.pk]), {}
    )
    assert response.status_code == 404
