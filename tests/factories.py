"""factory_boy factories for the foundation's models; every object is marked synthetic."""

from __future__ import annotations

from datetime import date

import factory

from saumaton.accounts.models import User
from saumaton.jobseekers.models import JobseekerCustomership, Person
from saumaton.organisations.models import (
    AreaMunicipality,
    EmploymentArea,
    Membership,
    Organisation,
    Unit,
)
from saumaton.reference.models import Municipality
from saumaton.rules.identifiers import make_business_id, make_hetu


def next_business_id(body: int) -> str:
    """The first issuable Y-tunnus from ``body`` on (remainder 1 has no check digit)."""
    while (value := make_business_id(body)) is None:
        body += 1
    return value


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    # Codes cycle through 900–998; a test that needs a municipality outside every area uses 999.
    code = factory.Sequence(lambda n: f"{900 + n % 99:03d}")
    name_fi = factory.Sequence(lambda n: f"Testikunta {n}")
    name_sv = factory.Sequence(lambda n: f"Testkommun {n}")
    region_code = "FI195"
    region_fi = "Pohjanmaa"
    region_sv = "Österbotten"


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmploymentArea
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"area{n}")
    name = factory.Sequence(lambda n: f"Testialue {n}")
    form = EmploymentArea.Form.LEAD_MUNICIPALITY
    lead_municipality = factory.SubFactory(MunicipalityFactory)
    official_languages = ["fi", "sv"]
    is_synthetic = True

    @factory.post_generation
    def with_lead(obj, create, extracted, **kwargs):
        if create:
            AreaMunicipality.objects.create(area=obj, municipality=obj.lead_municipality)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    area = factory.SubFactory(AreaFactory)
    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    kind = Organisation.Kind.EMPLOYMENT_AUTHORITY
    business_id = factory.Sequence(lambda n: next_business_id(1000000 + 10 * n))
    is_synthetic = True


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Yksikkö {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Testi"
    last_name = factory.Sequence(lambda n: f"Käyttäjä{n}")
    password = factory.django.Password("pw")
    is_synthetic = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "coach"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    birth_date = factory.Sequence(lambda n: date(1970 + n % 30, 1 + n % 12, 1 + n % 28))
    hetu = factory.LazyAttributeSequence(lambda o, n: make_hetu(o.birth_date, 900 + n % 100))
    first_name = factory.Sequence(lambda n: f"Etunimi{n}")
    last_name = factory.Sequence(lambda n: f"Sukunimi{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.invalid")
    is_synthetic = True


class CustomershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobseekerCustomership

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    start_date = date(2026, 3, 2)
    is_synthetic = True
