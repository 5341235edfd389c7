"""Write a ``SyntheticPopulation`` into the database in a few bulk inserts.

The generator is pure (``saumaton.synth``); this is the Django side of it. Every row is flagged
synthetic. All demo users share one password, hashed once (hashing is deliberately slow, and
one hash per user would dominate the load time). Each batch of people is written with its
pathway histories (``saumaton.synth.histories``, streamed, never all in memory) by
``PathwayWriter``; the leavers (former jobseekers) follow them (``demo.leavers``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from saumaton.accounts.models import User
from saumaton.audit.models import Event
from saumaton.employers.demo import load_employers
from saumaton.jobseekers.models import JobseekerCustomership, Person
from saumaton.organisations.models import (
    AreaMunicipality,
    EmploymentArea,
    Membership,
    Organisation,
    Unit,
)
from saumaton.organisations.roles import Role
from saumaton.synth.histories import HistoryFactory
from saumaton.synth.records import PersonRecord, SyntheticPopulation

from .ecosystem import load_ecosystem
from .leavers import JOB_SEARCH_BASIS, write_leavers
from .pathways import Owner, PathwayWriter

DEMO_PASSWORD = "saumaton-demo"
JOBSEEKER_USERNAME = "jobseeker"
BATCH = 2000

Progress = Callable[[int, int], None]


def _batches(items: Sequence, size: int = BATCH) -> Iterable[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class DemoLoader:
    def __init__(self, population: SyntheticPopulation, progress: Progress | None = None):
        self.population = population
        self.progress = progress or (lambda done, total: None)
        self.password_hash = make_password(DEMO_PASSWORD)

    @transaction.atomic
    def load(self) -> None:
        areas = self._areas()
        organisations, units = self._organisations(areas)
        users = self._staff(organisations, units)
        self._people(organisations, units, users)
        load_employers(self.population)
        load_ecosystem(areas.values(), self.population.today, self.population.seed)

    def _areas(self) -> dict[str, EmploymentArea]:
        areas = {}
        for record in self.population.areas:
            area = EmploymentArea.objects.create(
                code=record.code.lower(),
                name=record.name,
                form=record.form,
                lead_municipality_id=record.lead_municipality_code,
                official_languages=list(record.official_languages),
                is_synthetic=True,
            )
            populations = record.municipality_populations or (None,) * len(
                record.municipality_codes
            )
            AreaMunicipality.objects.bulk_create(
                AreaMunicipality(area=area, municipality_id=code, population=population)
                for code, population in zip(record.municipality_codes, populations, strict=True)
            )
            areas[record.code] = area
        return areas

    def _organisations(self, areas):
        organisations, units = {}, {}
        for record in self.population.organisations:
            org = Organisation.objects.create(
                area=areas[record.area_code],
                name=record.name,
                kind=record.kind,
                business_id=record.business_id,
                is_synthetic=True,
            )
            organisations[record.key] = org
            for unit in Unit.objects.bulk_create(
                Unit(organisation=org, name=n) for n in record.units
            ):
                units[(record.key, unit.name)] = unit
        return organisations, units

    def _staff(self, organisations, units) -> dict[str, User]:
        users: dict[str, User] = {}
        for record in self.population.staff:
            if record.username not in users:
                users[record.username] = User(
                    username=record.username,
                    first_name=record.first_name,
                    last_name=record.last_name,
                    language=record.language,
                    password=self.password_hash,
                    is_synthetic=True,
                )
        User.objects.bulk_create(users.values())
        Membership.objects.bulk_create(
            Membership(
                user=users[r.username],
                organisation=organisations[r.organisation_key],
                unit=units.get((r.organisation_key, r.unit)) if r.unit else None,
                role=r.role,
            )
            for r in self.population.staff
        )
        return users

    def _people(self, organisations, units, users) -> None:
        authority = {
            o.area_code: organisations[o.key]
            for o in self.population.organisations
            if o.kind == Organisation.Kind.EMPLOYMENT_AUTHORITY
        }
        coach_unit = {
            r.username: units.get((r.organisation_key, r.unit))
            for r in self.population.staff
            if r.role == Role.COACH
        }
        officer = {}
        for r in self.population.staff:
            if r.role == Role.STATEMENT_OFFICER:
                officer.setdefault(organisations[r.organisation_key].area_id, users[r.username].pk)
        people = self.population.people
        factory = HistoryFactory(self.population)
        histories = factory.histories()
        showcase = factory.showcase_key
        # Without a showcase person (a tiny population) the first person gets the login.
        login_record = next((p for p in people if p.key == showcase), people[0] if people else None)
        login = self._jobseeker_user(login_record) if login_record else None
        writer = PathwayWriter()
        coach_ids = {name: user.pk for name, user in users.items()}
        now = timezone.now()
        done, total = 0, len(people) + len(self.population.leavers)
        for batch in _batches(people):
            persons = [self._person(r) for r in batch]
            Person.objects.bulk_create(persons)
            customerships = JobseekerCustomership.objects.bulk_create(
                JobseekerCustomership(
                    person=p,
                    organisation=authority[r.area_code],
                    unit=coach_unit.get(r.coach_username),
                    coach=users.get(r.coach_username),
                    start_date=r.job_search_start,
                    status=r.employment_status,
                    is_synthetic=True,
                )
                for p, r in zip(persons, batch, strict=True)
            )
            Event.objects.bulk_create(
                Event(
                    person=p,
                    organisation=authority[r.area_code],
                    type=Event.Type.JOB_SEARCH_STARTED,
                    occurred_at=timezone.make_aware(
                        timezone.datetime.combine(r.job_search_start, timezone.datetime.min.time())
                    ),
                    recorded_at=now,
                    legal_basis=JOB_SEARCH_BASIS,
                    payload={"status": r.employment_status, "synthetic": True},
                )
                for p, r in zip(persons, batch, strict=True)
            )
            writer.write(
                [
                    (
                        Owner(
                            person_id=p.pk,
                            customership_id=c.pk,
                            authority_id=c.organisation_id,
                            coach_id=c.coach_id,
                            officer_id=officer.get(c.organisation.area_id),
                            reporter_id=login.pk if r is login_record else c.coach_id,
                        ),
                        next(histories),
                    )
                    for p, c, r in zip(persons, customerships, batch, strict=True)
                ]
            )
            done += len(batch)
            self.progress(done, total)
        for batch in _batches(self.population.leavers):
            write_leavers(batch, authority, coach_ids, self._person, writer)
            done += len(batch)
            self.progress(done, total)
        if login is not None:
            Person.objects.filter(hetu=login_record.hetu).update(user=login)

    def _person(self, r: PersonRecord) -> Person:
        return Person(
            hetu=r.hetu,
            first_name=r.first_name,
            last_name=r.last_name,
            birth_date=r.birth_date,
            email=r.email,
            phone=r.phone,
            language=r.language,
            mother_tongue=r.mother_tongue,
            citizenship=r.citizenship,
            home_municipality_id=r.home_municipality_code,
            postcode=r.postcode,
            education_level=r.education_level,
            last_occupation_id=r.last_occupation_isco,
            is_synthetic=True,
        )

    def _jobseeker_user(self, record: PersonRecord) -> User:
        """The ``jobseeker`` login, so the demo shows the self-service side.

        Made before the people, because it reports its person's applications in self-service.
        """
        return User.objects.create(
            username=JOBSEEKER_USERNAME,
            first_name=record.first_name,
            last_name=record.last_name,
            language=record.language,
            password=self.password_hash,
            is_synthetic=True,
        )
