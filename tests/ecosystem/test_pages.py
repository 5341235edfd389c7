"""The ecosystem pages and API: search, providers' entries, referring, consents, the feed."""

from __future__ import annotations

import json
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.ecosystem.models import Consent, Referral, Service

from .conftest import ServiceFactory


def test_search_filters_and_shows_names_in_the_ui_language(world, provider, login):
    ServiceFactory(
        provider=provider,
        name_fi="Kuntouttava työtoiminta",
        name_sv="Arbetsverksamhet i rehabiliteringssyfte",
        type="rehabilitative_work_activity",
        languages=["fi", "sv"],
        target_groups=["long_term_unemployed"],
        remote=True,
    )
    ServiceFactory(provider=provider, name_fi="Terveystarkastus", type="health_check")
    ServiceFactory(
        provider=provider, name_fi="Päättynyt", ends_on=timezone.localdate() - timedelta(1)
    )
    client = login(world.users["jobseeker"])
    url = reverse("ecosystem:catalogue")
    body = client.get(url, {"type": "rehabilitative_work_activity"}).content.decode()
    assert "Terveystarkastus" not in body
    client.cookies["saumaton_language"] = "sv"
    body = client.get(
        url, {"language": "sv", "target_group": "long_term_unemployed"}
    ).content.decode()
    assert "Arbetsverksamhet i rehabiliteringssyfte" in body
    body = client.get(url, {"q": "päätty"}).content.decode()
    assert "Päättynyt" not in body


def test_provider_is_reminded_of_entries_not_reviewed_for_six_months(world, provider, login):
    today = timezone.localdate()
    ServiceFactory(provider=provider, name_fi="Vanha", reviewed_at=today - timedelta(days=200))
    ServiceFactory(provider=provider, name_fi="Tuore", reviewed_at=today)
    response = login(world.users["partner"]).get(reverse("ecosystem:my_services"))
    assert [s.name_fi for s in response.context["stale"]] == ["Vanha"]


def _service_post(service, **extra):
    data = {
        "name_fi": "Uusi nimi",
        "type": service.type,
        "languages": ["fi"],
        "remote": "on",
        "response_days": 5,
        "active": "on",
        "start_dates": "2027-01-10, 2027-02-01",
        "version": service.version,
    }
    data.update(extra)
    return data


def test_saving_an_entry_marks_it_reviewed_and_a_stale_form_is_refused(world, provider, login):
    old = timezone.localdate() - timedelta(days=300)
    service = ServiceFactory(provider=provider, reviewed_at=old)
    client = login(world.users["partner"])
    url = reverse("ecosystem:service_edit", args=[service.pk])
    assert client.post(url, _service_post(service)).status_code == 302
    service.refresh_from_db()
    assert (service.name_fi, service.reviewed_at, service.version) == (
        "Uusi nimi",
        timezone.localdate(),
        1,
    )
    assert service.start_dates == ["2027-01-10", "2027-02-01"]
    stale = client.post(url, _service_post(service, version=0, name_fi="Toinen"))
    assert stale.status_code == 200 and "Someone else changed" in stale.content.decode()
    service.refresh_from_db()
    assert service.name_fi == "Uusi nimi"


def test_bad_start_date_is_named(world, provider, login):
    service = ServiceFactory(provider=provider)
    response = login(world.users["partner"]).post(
        reverse("ecosystem:service_edit", args=[service.pk]),
        _service_post(service, start_dates="2027-13-01"),
    )
    assert "2027-13-01 is not a date" in response.content.decode()


def test_refer_page_refuses_health_without_consent_and_writes_nothing(world, service, login):
    client = login(world.users["coach"])
    before = (Referral.objects.count(), Event.objects.count())
    response = client.post(
        reverse("ecosystem:refer", args=[world.person.pk]),
        {
            "service": service.pk,
            "purpose": "Arvio",
            "categories": ["contact", "health"],
            "legal_basis": "380/2023 §116",
        },
    )
    assert response.status_code == 200
    assert "specific written consent" in response.content.decode()
    assert (Referral.objects.count(), Event.objects.count()) == before


def test_coach_refers_and_partner_works_the_referral_to_its_outcome(world, service, consent, login):
    coach = login(world.users["coach"])
    response = coach.post(
        reverse("ecosystem:refer", args=[world.person.pk]),
        {
            "service": service.pk,
            "purpose": "Arvio",
            "categories": ["contact", "health"],
            "legal_basis": "consent",
            "consent": consent.pk,
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    partner = login(world.users["partner"])
    assert world.person.last_name in partner.get(reverse("ecosystem:queue")).content.decode()
    url = reverse("ecosystem:transition", args=[referral.pk])
    partner.post(url, {"action": "accept", "version": 0})
    partner.post(url, {"action": "start", "version": 1})
    partner.post(url, {"action": "complete", "version": 2, "outcome": "work"})
    referral.refresh_from_db()
    assert (referral.state, referral.outcome) == ("completed", "work")
    body = (
        login(world.users["coach"])
        .get(reverse("jobseekers:detail", args=[world.person.pk]))
        .content.decode()
    )
    assert "Referrals and consents" in body and "Work" in body


def test_coach_records_a_consent(world, provider, login):
    response = login(world.users["coach"]).post(
        reverse("ecosystem:record_consent", args=[world.person.pk]),
        {
            "purpose": "Työkykyarvio",
            "categories": ["health"],
            "recipients": [provider.pk],
            "legal_basis": "consent",
            "valid_from": timezone.localdate().isoformat(),
            "evidence": "signed",
        },
    )
    assert response.status_code == 302
    assert Consent.objects.get().recorded_by == world.users["coach"]


def test_open_feed_has_the_catalogue_and_no_personal_data(world, referral, client):
    body = client.get(reverse("api:catalogue-feed")).content.decode()
    feed = json.loads(body)
    assert [s["id"] for s in feed["services"]] == [referral.service_id]
    for secret in (world.person.last_name, world.person.email, str(world.person.pk)):
        assert secret not in body


def test_api_catalogue_filters(world, provider, login):
    ServiceFactory(provider=provider, type="health_check")
    ServiceFactory(provider=provider, type="work_trial")
    client = login(world.users["coach"])
    rows = client.get(reverse("api:service-list"), {"type": "work_trial"}).json()["results"]
    assert [r["type"] for r in rows] == ["work_trial"]


def test_multisectoral_page_starts_a_case_and_records_the_plan(world, provider, login):
    client = login(world.users["coach"])
    url = reverse("ecosystem:multisectoral", args=[world.person.pk])
    client.post(
        url,
        {"step": "start", "wellbeing_county": provider.pk, "started": "2026-01-15"},
    )
    case = world.person.multisectoral_cases.get()
    assert case.plan_deadline.isoformat() == "2026-04-15"
    client.post(url, {"step": "plan", "on": "2026-03-01"})
    client.post(url, {"step": "plan", "on": "2026-05-20"})
    case.refresh_from_db()
    assert (case.plan_made_on.isoformat(), case.review_due.isoformat()) == (
        "2026-03-01",
        "2026-08-20",
    )
    assert Event.objects.filter(person=world.person, type="multisectoral_plan").count() == 2


def test_service_entries_of_other_providers_cannot_be_edited(world, other_partner, service, login):
    response = login(other_partner).get(reverse("ecosystem:service_edit", args=[service.pk]))
    assert response.status_code == 404
    assert Service.objects.get(pk=service.pk).version == 0


def test_pages_speak_finnish_and_swedish(world, login):
    from django.test import Client

    client = Client()  # no Accept-Language: the product's default, Finnish
    client.force_login(world.users["coach"])
    body = client.get(reverse("ecosystem:catalogue")).content.decode()
    assert "Palvelutarjotin" in body
    client.cookies["saumaton_language"] = "sv"
    assert "Tjänstekatalog" in client.get(reverse("ecosystem:catalogue")).content.decode()


def test_search_form_keeps_the_chosen_filters(world, login):
    body = (
        login(world.users["coach"])
        .get(reverse("ecosystem:catalogue"), {"type": "work_trial", "q": "paja", "remote": "on"})
        .content.decode()
    )
    assert 'value="work_trial" selected' in body
    assert 'value="paja"' in body and 'id="id_remote" checked' in body
