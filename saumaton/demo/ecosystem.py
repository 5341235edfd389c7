"""The demo's local service ecosystem: providers, a catalogue and referral histories.

Each synthetic area already has its wellbeing services county, Kela office, one education
provider, one third-sector association and employers (``synth.organisations``); this adds a
second education provider and three more associations, 60–120 catalogue entries across them all,
and referral histories for about one jobseeker in twelve with rates a coordinator would
recognise: most referrals are accepted, some declined or unanswered, most started services
completed, some interrupted (a share through the person's own fault). Health referrals rest on a
signed consent; the others on 380/2023 §116. Everything is written in bulk inserts and is
deterministic for the population's seed.

The rates are the project's assumption for a plausible demo, not calibrated statistics.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.ecosystem.models import Consent, Referral, Service
from saumaton.jobseekers.models import JobseekerCustomership
from saumaton.organisations.models import Membership, Organisation
from saumaton.rules.calendar import add_working_days

REFERRED_SHARE = 1 / 12
ACCEPT, DECLINE = 0.72, 0.16  # the rest stays unanswered (a few overdue: the seam guard's work)
START_GIVEN_ACCEPTED = 0.85
COMPLETE, INTERRUPT = 0.70, 0.15  # of started ones that have ended; the rest is still running
OWN_FAULT_SHARE = 0.4
OUTCOMES = (("unemployment_continues", 45), ("next_service", 25), ("work", 15), ("studies", 15))

# (kind of provider, service type, Finnish, Swedish, English name, duration days, capacity)
_TEMPLATES = {
    "employment_authority": [
        ("coaching", "Työnhakuvalmennus", "Jobbsökarträning", "Job-search coaching", 20, 15),
        ("coaching", "Uravalmennus", "Karriärträning", "Career coaching", 40, 12),
        ("youth_guidance", "Ohjaamo", "Navigatorn", "Ohjaamo youth guidance", None, None),
        (
            "integration_training",
            "Kotoutumiskoulutus",
            "Integrationsutbildning",
            "Integration training",
            180,
            20,
        ),
        (
            "labour_market_training",
            "Logistiikan työvoimakoulutus",
            "Arbetskraftsutbildning i logistik",
            "Logistics labour market training",
            120,
            16,
        ),
    ],
    "wellbeing_county": [
        (
            "health_check",
            "Työttömien terveystarkastus",
            "Hälsoundersökning för arbetslösa",
            "Health check for the unemployed",
            1,
            None,
        ),
        (
            "work_ability_assessment",
            "Työkyvyn arviointi",
            "Bedömning av arbetsförmåga",
            "Work-ability assessment",
            30,
            10,
        ),
        (
            "rehabilitative_work_activity",
            "Kuntouttava työtoiminta",
            "Arbetsverksamhet i rehabiliteringssyfte",
            "Rehabilitative work activity",
            120,
            25,
        ),
        (
            "social_rehabilitation",
            "Sosiaalinen kuntoutus",
            "Social rehabilitering",
            "Social rehabilitation",
            90,
            12,
        ),
    ],
    "kela": [
        (
            "other",
            "Kelan ammatillinen kuntoutus",
            "FPA:s yrkesinriktade rehabilitering",
            "Kela vocational rehabilitation",
            180,
            None,
        ),
        (
            "coaching",
            "Kelan kuntoutusvalmennus",
            "FPA:s rehabiliteringsträning",
            "Kela rehabilitation coaching",
            60,
            10,
        ),
    ],
    "education": [
        ("education_trial", "Koulutuskokeilu", "Utbildningsprövning", "Education trial", 10, 6),
        (
            "education",
            "Ammatillinen perustutkinto aikuisille",
            "Yrkesinriktad grundexamen för vuxna",
            "Vocational qualification for adults",
            540,
            30,
        ),
        (
            "labour_market_training",
            "Hoiva-alan työvoimakoulutus",
            "Arbetskraftsutbildning inom vården",
            "Care-sector labour market training",
            150,
            18,
        ),
    ],
    "third_sector": [
        ("third_sector", "Työpaja", "Verkstad", "Workshop", 90, 15),
        ("third_sector", "Vertaisryhmä", "Kamratgrupp", "Peer group", 60, 12),
        (
            "rehabilitative_work_activity",
            "Kierrätyskeskuksen työtoiminta",
            "Arbetsverksamhet på återvinningscentralen",
            "Work activity at the recycling centre",
            120,
            10,
        ),
    ],
    "employer": [
        ("work_trial", "Työkokeilu", "Arbetsprövning", "Work trial", 90, 2),
        (
            "pay_subsidised_work",
            "Palkkatukityö",
            "Lönesubventionerat arbete",
            "Pay-subsidised work",
            180,
            2,
        ),
    ],
}
_EXTRA_PROVIDERS = [
    ("education", "{stem} kansanopisto"),
    ("third_sector", "{stem} nuorisoseura ry"),
    ("third_sector", "{stem} mielenterveysyhdistys ry"),
    ("third_sector", "{stem} SPR:n työpaja"),
]
SERVICE_EMPLOYERS = 4
_TARGET_GROUPS = ["all", "young", "long_term_unemployed", "immigrants", "partial_work_ability"]
_HEALTH_TYPES = {"health_check", "work_ability_assessment"}


def load_ecosystem(areas, today: date, seed: int) -> dict:
    """Write providers, services and referral histories for every area; returns counts."""
    rng = random.Random(f"ecosystem:{seed}")
    counts: dict = defaultdict(int)
    for area in sorted(areas, key=lambda a: a.code):
        providers = _providers(area)
        services = _services(area, providers, rng, today)
        counts["services"] += len(services)
        for key, value in _referrals(area, services, rng, today).items():
            counts[key] += value
    return dict(counts)


def _providers(area) -> list[Organisation]:
    """The area's organisations that publish services. Of its employers (the employers demo
    adds about a hundred) only the first few offer work trials and pay-subsidised work here."""
    existing = list(Organisation.objects.filter(area=area).exclude(kind="employer").order_by("id"))
    existing += Organisation.objects.filter(area=area, kind="employer").order_by("id")[
        :SERVICE_EMPLOYERS
    ]
    county = next((o for o in existing if o.kind == "wellbeing_county"), None)
    stem = county.name.split()[0] if county else area.name
    extra = Organisation.objects.bulk_create(
        Organisation(area=area, name=name.format(stem=stem), kind=kind, is_synthetic=True)
        for kind, name in _EXTRA_PROVIDERS
    )
    return existing + extra


def _services(area, providers, rng: random.Random, today: date) -> list[Service]:
    municipalities = list(area.municipalities.values_list("code", flat=True)) or [None]
    rows = []
    for org in providers:
        templates = _TEMPLATES.get(org.kind, [])
        for service_type, fi, sv, en, days, capacity in templates:
            copies = 3 if org.kind in ("employment_authority", "wellbeing_county") else 2
            for _ in range(copies):
                remote = rng.random() < 0.15
                municipality = rng.choice(municipalities)
                rows.append(
                    Service(
                        provider=org,
                        name_fi=f"{fi} ({org.name})",
                        name_sv=f"{sv} ({org.name})",
                        name_en=f"{en} ({org.name})",
                        description_fi=f"{fi}: {org.name}.",
                        description_en=f"{en} by {org.name}.",
                        type=service_type,
                        target_groups=rng.sample(_TARGET_GROUPS, rng.choice((1, 2))),
                        languages=["fi", "sv"] if rng.random() < 0.3 else ["fi"],
                        municipality_id=municipality,
                        remote=remote or municipality is None,
                        capacity=capacity,
                        start_dates=[(today + timedelta(days=rng.randint(7, 90))).isoformat()],
                        duration_days=days,
                        unit_cost=rng.choice((None, 250, 900, 1800, 3200)),
                        counts_as_activating=service_type
                        not in ("health_check", "youth_guidance", "other"),
                        reviewed_at=today - timedelta(days=rng.randint(0, 260)),
                        is_synthetic=True,
                    )
                )
    return Service.objects.bulk_create(rows)


def _referrals(area, services, rng: random.Random, today: date) -> dict:
    customerships = list(
        JobseekerCustomership.objects.filter(
            organisation__area=area, end_date__isnull=True, coach__isnull=False
        )
        .order_by("id")
        .values_list("person_id", "organisation_id", "coach_id")
    )
    partner_of = dict(
        Membership.objects.filter(organisation__area=area, role="partner")
        .order_by("id")
        .values_list("organisation_id", "user_id")
    )
    chosen = [c for c in customerships if rng.random() < REFERRED_SHARE]
    referrals, consents, events = [], [], []
    for person_id, authority_id, coach_id in chosen:
        service = rng.choice(services)
        sent = today - timedelta(days=rng.randint(1, 300))
        health = service.type in _HEALTH_TYPES
        consent = None
        if health:
            consent = Consent(
                person_id=person_id,
                purpose=service.name_fi,
                categories=["contact", "health"],
                legal_basis="consent",
                valid_from=sent,
                valid_to=sent + timedelta(days=365),
                recorded_by_id=coach_id,
                evidence="signed",
            )
            consents.append((consent, service.provider_id))
        r = Referral(
            person_id=person_id,
            service=service,
            organisation_id=service.provider_id,
            sender_organisation_id=authority_id,
            purpose=service.name_fi,
            categories=["contact", "health"] if health else ["contact", "background"],
            legal_basis="consent" if health else "380/2023 §116",
            sent_on=sent,
            response_due=add_working_days(sent, service.response_days),
            sender_owner_id=coach_id,
            is_synthetic=True,
        )
        r.consent = consent  # its key is filled in when the consents are inserted first
        steps = _history(r, service, partner_of.get(service.provider_id), rng, today)
        events.extend((r, kind, day) for kind, day in steps)
        referrals.append(r)
    Consent.objects.bulk_create([c for c, _ in consents])
    Consent.recipients.through.objects.bulk_create(
        Consent.recipients.through(consent_id=c.pk, organisation_id=org_id)
        for c, org_id in consents
    )
    Referral.objects.bulk_create(referrals, batch_size=2000)
    Event.objects.bulk_create(
        (
            Event(
                person_id=r.person_id,
                organisation_id=r.organisation_id,
                type=kind,
                occurred_at=_noon(day),
                payload={"referral": r.pk, "service": r.service_id, "synthetic": True},
            )
            for r, kind, day in events
        ),
        batch_size=5000,
    )
    return {"referrals": len(referrals), "consents": len(consents)}


def _history(r: Referral, service, partner_id, rng: random.Random, today: date) -> list:
    """Move ``r`` along its life; returns the (event type, day) steps."""
    steps = [(Event.Type.REFERRAL_SENT, r.sent_on)]
    answered = min(r.response_due, today)
    roll = rng.random()
    if roll >= ACCEPT + DECLINE or answered <= r.sent_on:
        return steps  # still waiting for an answer
    r.receiver_owner_id = partner_id
    if roll >= ACCEPT:
        r.state, r.decline_reason, r.ended_on = "declined", "Ei sopiva palvelu nyt", answered
        return [*steps, (Event.Type.REFERRAL_DECLINED, answered)]
    r.state, r.start_date = "accepted", answered + timedelta(days=rng.randint(3, 20))
    steps.append((Event.Type.REFERRAL_ACCEPTED, answered))
    if r.start_date > today or rng.random() >= START_GIVEN_ACCEPTED:
        return steps
    r.state, r.started_on = "started", r.start_date
    r.expected_end = r.started_on + timedelta(days=service.duration_days or 30)
    steps.append((Event.Type.REFERRAL_STARTED, r.started_on))
    if r.expected_end > today:
        return steps
    roll = rng.random()
    if roll < COMPLETE:
        r.state, r.ended_on = "completed", r.expected_end
        r.outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
        steps.append((Event.Type.REFERRAL_COMPLETED, r.ended_on))
    elif roll < COMPLETE + INTERRUPT:
        span = max((r.expected_end - r.started_on).days, 1)
        r.state, r.ended_on = "interrupted", r.started_on + timedelta(days=rng.randint(0, span))
        r.own_fault = rng.random() < OWN_FAULT_SHARE
        r.interruption_reason = "Poissaoloja" if r.own_fault else "Muutto toiselle paikkakunnalle"
        steps.append((Event.Type.REFERRAL_INTERRUPTED, r.ended_on))
    return steps  # the rest is past its expected end without an outcome: stalled


def _noon(day: date):
    return timezone.make_aware(datetime.combine(day, time(12)))
