"""Ecosystem URLs: catalogue, provider pages, referring, the partner queue and referral page,
consents, the data-subject view, and their API. The world's partner works for the wellbeing
county that receives the referral; partners of another organisation are tested in
``tests/ecosystem/test_partner_access.py`` (the matrix has one user per role)."""

from datetime import timedelta

from django.utils import timezone

from . import CASEWORK, everyone, only

CATALOGUE = CASEWORK | {"jobseeker", "partner"}
REFERRALS = CASEWORK | {"partner"}

EXPECTED = {
    "ecosystem:catalogue": only(CATALOGUE),
    "ecosystem:service": only(CATALOGUE),
    "ecosystem:my_services": only({"partner", "unit_lead"}),
    "ecosystem:service_new": only({"partner", "unit_lead"}),
    # Another provider's entry is not found (404), the same as one that does not exist.
    "ecosystem:service_edit": {**only({"partner", "unit_lead"}), "unit_lead": 404},
    "ecosystem:refer": only(CASEWORK),
    "ecosystem:record_consent": only(CASEWORK),
    "ecosystem:multisectoral": only(CASEWORK),
    "ecosystem:queue": only(REFERRALS),
    "ecosystem:referral": only(REFERRALS),
    # Only the organisation serving the person refers onward; a coach who can open the
    # referral does not serve it, and gets the same 404 as for one that does not exist.
    "ecosystem:refer_onward": {**only(REFERRALS), **dict.fromkeys(CASEWORK, 404)},
    "ecosystem:transition": everyone(405),
    "ecosystem:my_consents": only({"jobseeker"}),
    "ecosystem:give_consent": only({"jobseeker"}),
    "ecosystem:withdraw_consent": everyone(405),
    "ecosystem:my_reads": only({"jobseeker"}),
    "api:service-list": only(CATALOGUE, anon=401),
    "api:service-detail": only(CATALOGUE, anon=401),
    "api:referral-list": only(REFERRALS, anon=401),
    "api:referral-detail": only(REFERRALS, anon=401),
    "api:referral-transition": only(REFERRALS, ok=405, anon=401),
    "api:referral-refer-onward": only(REFERRALS, ok=405, anon=401),
    "api:consent-list": only(CASEWORK, anon=401),
    "api:consent-detail": only(CASEWORK, anon=401),
    "api:consent-withdraw": only(CASEWORK | {"jobseeker"}, ok=405, anon=401),
    "api:catalogue-feed": everyone(200),
}


def make_objects(world) -> dict:
    from saumaton.ecosystem.consents import record_consent
    from saumaton.ecosystem.models import Service
    from saumaton.ecosystem.referrals import refer

    provider = world.users["partner"].memberships.get().organisation
    today = timezone.localdate()
    service = Service.objects.create(
        provider=provider,
        name_fi="Työkykyarvio",
        type="work_ability_assessment",
        remote=True,
        reviewed_at=today,
    )
    consent = record_consent(
        world.users["coach"],
        world.person,
        purpose="Työkyvyn arviointi",
        categories=["contact", "health"],
        recipients=[provider],
        legal_basis="consent",
        valid_from=today - timedelta(days=1),
        valid_to=None,
        evidence="signed",
    )
    referral = refer(
        world.users["coach"],
        world.person,
        service=service,
        purpose="Työkyvyn arviointi",
        categories=["contact", "health"],
        legal_basis="consent",
        consent=consent,
    )
    return {"service_id": service.pk, "referral_id": referral.pk, "consent_id": consent.pk}


DETAIL_OF = {
    "api:service-detail": "service_id",
    "api:referral-detail": "referral_id",
    "api:referral-transition": "referral_id",
    "api:referral-refer-onward": "referral_id",
    "api:consent-detail": "consent_id",
    "api:consent-withdraw": "consent_id",
}


def url_kwargs(name, world, objects):
    key = DETAIL_OF.get(name)
    return None if key is None else {"pk": objects[key]}
