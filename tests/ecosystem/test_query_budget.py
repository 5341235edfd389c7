"""Query counts of the ecosystem's busy pages do not grow with the number of rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from saumaton.ecosystem.referrals import refer
from tests.factories import CustomershipFactory

from .conftest import ServiceFactory


def _queries(client, url) -> int:
    client.get(url)  # warm caches (sessions, memberships)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _referrals(world, service, n):
    for _ in range(n):
        person = CustomershipFactory(organisation=world.authority).person
        refer(
            world.users["coach"],
            person,
            service=service,
            purpose="x",
            categories=["contact"],
            legal_basis="380/2023 §116",
        )


@pytest.mark.parametrize(
    ("who", "url_name"),
    [
        ("partner", "ecosystem:queue"),
        ("coach", "ecosystem:catalogue"),
        ("partner", "api:referral-list"),
    ],
)
def test_page_queries_are_bounded(world, provider, login, who, url_name):
    service = ServiceFactory(provider=provider)
    _referrals(world, service, 2)
    ServiceFactory.create_batch(2, provider=provider)
    client = login(world.users[who])
    small = _queries(client, reverse(url_name))
    _referrals(world, service, 8)
    ServiceFactory.create_batch(15, provider=provider)
    assert _queries(client, reverse(url_name)) == small
    assert small <= 12
