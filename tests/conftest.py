"""Shared fixtures: a small world with two areas, every role, and people in each area."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from saumaton.organisations.models import Organisation
from saumaton.organisations.roles import Role

from .factories import (
    AreaFactory,
    CustomershipFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
)

PASSWORD = "pw"


@dataclass
class World:
    area: object
    other_area: object
    authority: object
    other_authority: object
    users: dict  # role value -> user in ``area``
    person: object  # a jobseeker of ``authority``, coached by users["coach"]
    other_person: object  # a jobseeker of the other area
    own_person: object  # the person linked to users["jobseeker"]


@pytest.fixture
def world(db) -> World:
    area, other_area = AreaFactory(), AreaFactory()
    authority = OrganisationFactory(area=area, name="Demo työvoimaviranomainen")
    other_authority = OrganisationFactory(area=other_area)
    partner_org = OrganisationFactory(area=area, kind=Organisation.Kind.WELLBEING_COUNTY)
    employer_org = OrganisationFactory(area=area, kind=Organisation.Kind.EMPLOYER)
    unit = UnitFactory(organisation=authority, name="Palveluohjaus")
    org_for_role = {Role.PARTNER: partner_org, Role.EMPLOYER_USER: employer_org}
    users = {}
    for role in Role:
        user = UserFactory(username=role.value)
        users[role.value] = user
        if role != Role.JOBSEEKER:
            MembershipFactory(
                user=user,
                organisation=org_for_role.get(role, authority),
                unit=unit if role == Role.COACH else None,
                role=role.value,
            )
    person = CustomershipFactory(organisation=authority, coach=users["coach"], unit=unit).person
    other_person = CustomershipFactory(organisation=other_authority).person
    own_person = CustomershipFactory(
        organisation=authority, person=PersonFactory(user=users["jobseeker"])
    ).person
    return World(
        area, other_area, authority, other_authority, users, person, other_person, own_person
    )


@pytest.fixture(autouse=True)
def fresh_matching_indexes():
    """The process-level matching indexes must not outlive a test's database (employers app)."""
    from saumaton.employers.index import forget_all

    forget_all()
    yield
    forget_all()


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Service calls made directly by a test speak English, so assertions read naturally;
    requests still pick their language as users' do (cookie, then the default, Finnish)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def client():
    """The test client asks for English pages, as a browser set to English would; the product's
    default (Finnish) is tested where it matters, by requests without the header."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")
