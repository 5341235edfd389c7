"""Demo data of the employers app: the area's employers, open vacancies, assigned vacancies with
their outcomes, published profiles and a few wage-subsidy cases.

Vacancies come from the pure generator (``synth.matching_data``: the occupation mix of where
unemployed people find work, STATISTICS.md §7), so the demo and the matching benchmark share one
model of the labour market. Everything is bulk-inserted; only the handful of rows that go through
a service (failures for unanswered assignments, subsidy decisions) are written one by one, so
the consequences and timelines are the real ones. Deterministic for the population's seed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from saumaton.casework.failures import record_failure
from saumaton.casework.models import Failure
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import AreaMunicipality, Membership, Organisation
from saumaton.organisations.roles import Role
from saumaton.reference.models import IscoGroup, Municipality
from saumaton.rules.identifiers import make_business_id
from saumaton.synth.matching_data import build_matching_data
from saumaton.synth.records import SyntheticPopulation

from . import wage_subsidy
from .models import (
    AssignedVacancy,
    EmployerContact,
    EmployerContactLog,
    EmployerLocation,
    EmployerProfile,
    ProfilePublication,
    Vacancy,
    WageSubsidy,
)

# Industry (TOL 2008 section, in Finnish) by ISCO-08 major group of the jobs an employer offers.
INDUSTRY_BY_MAJOR = {
    "0": "Julkinen hallinto ja maanpuolustus",
    "1": "Liike-elämän palvelut",
    "2": "Informaatio ja viestintä",
    "3": "Terveys- ja sosiaalipalvelut",
    "4": "Liike-elämän palvelut",
    "5": "Kauppa sekä majoitus- ja ravitsemustoiminta",
    "6": "Maa-, metsä- ja kalatalous",
    "7": "Rakentaminen",
    "8": "Kuljetus ja varastointi",
    "9": "Kiinteistöpalvelut ja siivous",
}
NAME_STEMS = (
    "Aalto", "Harju", "Kallio", "Koivu", "Laakso", "Lehto", "Mänty", "Niemi", "Pelto", "Rinne",
    "Salo", "Saari", "Tammi", "Vaara", "Virta", "Kivi", "Ranta", "Kuusi", "Lahti", "Mäki",
)  # fmt: skip
NAME_SUFFIXES = {  # one per ISCO-08 major group: the city and national mixes reach group 0
    "0": "Turvapalvelut", "1": "Konsultointi", "2": "Digital", "3": "Hoiva", "4": "Palvelut",
    "5": "Kauppa", "6": "Tila", "7": "Rakennus", "8": "Logistiikka", "9": "Kiinteistöpalvelu",
}  # fmt: skip
VACANCIES_PER_EMPLOYER = 12
SHOWN_VACANCIES = 20  # the employer demo login's own organisation gets this many
ASSIGNED_SHARE = 0.04  # of active jobseekers with a matching vacancy
PUBLISHED_SHARE, SHARES_IDENTITY_SHARE = 0.3, 0.3
SUBSIDY_CASES = 12


def load_employers(population: SyntheticPopulation) -> dict[str, int]:
    """Write the employers demo for every area of the population; returns row counts."""
    rng = random.Random(f"saumaton.employers.demo:{population.seed}")
    today = population.today
    data = build_matching_data(population)
    area_of = dict(AreaMunicipality.objects.values_list("municipality_id", "area_id"))
    labels = {g.code: g for g in IscoGroup.objects.filter(level=4)}
    records = [
        v for v in data.vacancies if v.occupation in labels and v.location.municipality in area_of
    ]
    by_area: dict[int, list] = defaultdict(list)
    for record in records:
        by_area[area_of[record.location.municipality]].append(record)
    counts = defaultdict(int)
    for area_id, area_records in by_area.items():
        employers, workplaces = _employers(area_id, area_records, rng, today, counts)
        vacancies = _vacancies(area_records, employers, workplaces, labels, rng, today)
        counts["vacancies"] += len(vacancies)
        _people_side(area_id, vacancies, rng, today, counts)
    return dict(counts)


def _employers(
    area_id, records, rng, today, counts
) -> tuple[dict[str, list[Organisation]], dict[int, EmployerLocation]]:
    """Employers per ISCO major group: the area's existing ones first, then new companies;
    and each one's (single) location by organisation id."""
    existing = list(Organisation.objects.filter(area_id=area_id, kind=Organisation.Kind.EMPLOYER))
    taken = set(Organisation.objects.filter(area_id=area_id).values_list("business_id", flat=True))
    majors = defaultdict(int)
    for record in records:
        majors[record.occupation[0]] += 1
    body = 2_900_000 + area_id * 10_000
    new = []
    for major, n in sorted(majors.items()):
        for index in range(max(1, round(n / VACANCIES_PER_EMPLOYER))):
            while (business_id := make_business_id(body)) is None or business_id in taken:
                body += 1
            body += 1
            taken.add(business_id)
            stem = NAME_STEMS[(index + ord(major)) % len(NAME_STEMS)]
            new.append(
                Organisation(
                    area_id=area_id,
                    name=f"{stem}n {NAME_SUFFIXES[major]} {index + 1} Oy",
                    kind=Organisation.Kind.EMPLOYER,
                    business_id=business_id,
                    is_synthetic=True,
                )
            )
    Organisation.objects.bulk_create(new)
    counts["employers"] += len(existing) + len(new)
    managers = list(
        Membership.objects.filter(organisation__area_id=area_id, role=Role.COACH).values_list(
            "user_id", flat=True
        )
    )
    pool: dict[str, list[Organisation]] = defaultdict(list)
    for org in new:
        pool[_major_of(org.name)].append(org)
    municipalities = sorted({r.location.municipality for r in records})
    coordinates = {
        m.code: (m.lat, m.lon) for m in Municipality.objects.filter(code__in=municipalities)
    }
    profiles, locations, contacts, log = [], [], [], []
    for org in existing + new:
        major = _major_of(org.name) or rng.choice("579")
        profiles.append(
            EmployerProfile(
                organisation=org,
                industry=INDUSTRY_BY_MAJOR[major],
                account_manager_id=rng.choice(managers) if managers else None,
            )
        )
        place = rng.choice(municipalities)
        lat, lon = coordinates.get(place, (None, None))
        locations.append(
            EmployerLocation(
                organisation=org, name=org.name, municipality_id=place, lat=lat, lon=lon
            )
        )
        contacts.append(
            EmployerContact(
                organisation=org,
                name=f"{rng.choice(('Anna', 'Mikko', 'Laura', 'Jussi', 'Sari'))} "
                f"{rng.choice(NAME_STEMS)}nen",
                title="Rekrytointivastaava",
                email=f"rekry{org.pk}@example.invalid",
            )
        )
        for _ in range(rng.randint(1, 4)):
            log.append(
                EmployerContactLog(
                    organisation=org,
                    on=today - timedelta(days=rng.randint(1, 400)),
                    service=rng.choice(EmployerContactLog.Service.values),
                )
            )
    EmployerProfile.objects.bulk_create(profiles)
    EmployerLocation.objects.bulk_create(locations)
    EmployerContact.objects.bulk_create(contacts)
    EmployerContactLog.objects.bulk_create(log)
    for org in existing:  # the demo logins' organisations: a good share of the work
        pool["*"].append(org)
    return pool, {location.organisation_id: location for location in locations}


def _major_of(name: str) -> str:
    return next((m for m, suffix in NAME_SUFFIXES.items() if f" {suffix} " in name), "")


def _vacancies(records, employers, workplaces, labels, rng, today) -> list[Vacancy]:
    """One vacancy per record. A vacancy in the municipality of its employer's location is at
    that location and takes its place, as the vacancy form does (the municipality's point
    instead of the record's scatter around it); the others are at "another place"."""
    rows = []
    shown = list(employers.get("*", ()))
    for n, record in enumerate(records):
        if shown and n < SHOWN_VACANCIES * len(shown):
            employer = shown[n % len(shown)]
        else:
            employer = rng.choice(employers.get(record.occupation[0]) or shown)
        group = labels[record.occupation]
        title_fi = group.label_fi or group.label_en
        deadline = today + timedelta(days=rng.randint(5, 45))
        workplace = workplaces.get(employer.pk)
        if not (
            workplace
            and workplace.municipality_id == record.location.municipality
            and workplace.lat is not None
        ):
            workplace = None
        place = workplace or record.location
        rows.append(
            Vacancy(
                employer=employer,
                title_fi=title_fi,
                title_en=group.label_en,
                description_fi=f"{employer.name} hakee: {title_fi.lower()}.",
                description_en=f"{employer.name} is hiring: {group.label_en.lower()}.",
                occupation_id=record.occupation,
                required_skills=list(record.required_skills),
                preferred_skills=list(record.preferred_skills),
                languages=[{"code": s.code, "level": s.level} for s in record.languages],
                licences=list(record.licences),
                education_level_min=record.education_level_min,
                location=workplace,
                municipality_id=record.location.municipality,
                lat=place.lat,
                lon=place.lon,
                remote=record.remote,
                work_time=record.work_time,
                demands=list(record.demands),
                duration_months=rng.choice((None, None, 6, 12)),
                start_date=deadline + timedelta(days=rng.randint(7, 30)),
                deadline=deadline,
                wage_subsidy_eligible=rng.random() < 0.25,
                status=Vacancy.Status.PUBLISHED,
                is_synthetic=True,
            )
        )
    return Vacancy.objects.bulk_create(rows, batch_size=1000)


def _people_side(area_id, vacancies, rng, today, counts) -> None:
    """Published profiles, assigned vacancies with outcomes, and wage-subsidy cases."""
    by_occupation = defaultdict(list)
    for v in vacancies:
        by_occupation[v.occupation_id].append(v)
    active = list(
        Person.objects.filter(
            customerships__organisation__area_id=area_id, customerships__end_date__isnull=True
        )
        .filter(Q(last_occupation__isnull=False) | Q(user__isnull=False))
        .values_list("pk", "last_occupation_id", "user_id")
        .order_by("pk")
    )
    now = timezone.now()
    publications = []
    for pk, _occupation, user_id in active:
        if user_id or rng.random() < PUBLISHED_SHARE:
            publications.append(
                ProfilePublication(
                    person_id=pk,
                    published_at=now,
                    shares_identity=rng.random() < SHARES_IDENTITY_SHARE,
                )
            )
    ProfilePublication.objects.bulk_create(publications)
    counts["published_profiles"] += len(publications)
    assigned, failures, hires = [], [], []
    for pk, occupation, user_id in active:
        choices = by_occupation.get(occupation)
        if not choices or not (user_id or rng.random() < ASSIGNED_SHARE):
            continue
        vacancy = rng.choice(choices)
        assigned_on = today - timedelta(days=2 if user_id else rng.randint(3, 40))
        deadline = assigned_on + timedelta(days=14)
        state, roll = AssignedVacancy.State.ASSIGNED, rng.random()
        if deadline < today and not user_id:
            state = (
                AssignedVacancy.State.NOT_APPLIED
                if roll < 0.15
                else AssignedVacancy.State.HIRED
                if roll < 0.27
                else AssignedVacancy.State.NOT_HIRED
                if roll < 0.75
                else AssignedVacancy.State.APPLIED
            )
        row = AssignedVacancy(
            person_id=pk,
            vacancy=vacancy,
            assigned_on=assigned_on,
            deadline=deadline,
            state=state,
            decided_on=deadline if state != AssignedVacancy.State.ASSIGNED else None,
            is_synthetic=True,
        )
        assigned.append(row)
        if state == AssignedVacancy.State.NOT_APPLIED:
            failures.append(row)
        elif state == AssignedVacancy.State.HIRED:
            hires.append(row)
    AssignedVacancy.objects.bulk_create(assigned)
    counts["assigned_vacancies"] += len(assigned)
    for row in failures:  # through the service: the rules engine's consequence and timeline
        row.failure = record_failure(
            None, row.person, kind="not_applied_assigned_job", date=row.deadline
        )
        row.save(update_fields=["failure"])
    Failure.objects.filter(assigned_vacancy__in=failures).update(is_synthetic=True)
    counts["failures"] += len(failures)
    _subsidies(hires[:SUBSIDY_CASES], today, counts)


def _subsidies(hires, today, counts) -> None:
    for n, row in enumerate(hires):
        case = wage_subsidy.apply(
            None,
            employer=row.vacancy.employer,
            person=row.person,
            vacancy=row.vacancy,
            employer_kind="association" if n % 4 == 0 else "company",
            start=row.deadline + timedelta(days=14),
            months_requested=6 + 2 * (n % 4),
            monthly_pay_cost=Decimal(2600 + 100 * (n % 7)),
            payment_period_months=1 + n % 3,
        )
        WageSubsidy.objects.filter(pk=case.pk).update(is_synthetic=True)
        if n % 3 != 2:  # two in three are decided, the rest await a decision
            wage_subsidy.decide(None, case, grant=n % 6 != 1, today=today, expected_version=1)
        counts["wage_subsidies"] += 1
