"""Ecosystem fixtures: a provider (the partner's wellbeing county), its services, a consent."""

from __future__ import annotations

from datetime import timedelta

import factory
import pytest
from django.utils import timezone

from saumaton.ecosystem.models import Consent, Service
from saumaton.organisations.models import Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    provider = factory.SubFactory(OrganisationFactory)
    name_fi = factory.Sequence(lambda n: f"Palvelu {n}")
    name_sv = factory.Sequence(lambda n: f"Tjänst {n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")
    type = Service.Type.WORK_ABILITY_ASSESSMENT
    languages = ["fi"]
    reviewed_at = factory.LazyFunction(timezone.localdate)
    is_synthetic = True


def partner_org(world):
    return world.users["partner"].memberships.get().organisation


@pytest.fixture
def provider(world):
    return partner_org(world)


@pytest.fixture
def service(provider):
    return ServiceFactory(provider=provider, capacity=2, duration_days=60)


@pytest.fixture
def other_partner(world):
    """A partner professional of another organisation of the same area."""
    org = OrganisationFactory(area=world.area, kind=Organisation.Kind.THIRD_SECTOR)
    user = UserFactory(username="partner_elsewhere")
    MembershipFactory(user=user, organisation=org, role="partner")
    return user


@pytest.fixture
def consent(world, provider):
    from saumaton.ecosystem.consents import record_consent

    return record_consent(
        world.users["coach"],
        world.person,
        purpose="Work-ability assessment",
        categories=["contact", "background", "health"],
        recipients=[provider],
        legal_basis="consent",
        valid_from=timezone.localdate() - timedelta(days=1),
        valid_to=None,
        evidence=Consent.Evidence.SIGNED,
    )


@pytest.fixture
def referral(world, service, consent):
    from saumaton.ecosystem.referrals import refer

    return refer(
        world.users["coach"],
        world.person,
        service=service,
        purpose="Assess work ability",
        categories=["contact", "health"],
        legal_basis="consent",
        consent=consent,
    )
