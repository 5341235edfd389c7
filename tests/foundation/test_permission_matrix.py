"""Every URL x every role (and anonymous) -> the expected status.

The URL list is generated from the URL conf: a new URL that is missing from the matrix (the
modules of ``tests/permissions``) or whose view declares no permission fails this suite, so
nothing becomes reachable by accident.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from saumaton.audit.models import AccessLog
from saumaton.core.access import declared_requirement
from tests import permissions

EXPECTED = permissions.expected()
WHO = [permissions.ANON, *permissions.ROLES]


def _walk(patterns, namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            yield from _walk(p.url_patterns, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", p


def url_patterns() -> dict[str, URLPattern]:
    return dict(_walk(get_resolver().url_patterns))


def test_every_url_declares_a_permission():
    undeclared = [
        name for name, p in url_patterns().items() if declared_requirement(p.callback) is None
    ]
    assert undeclared == []


def test_every_url_is_in_the_matrix():
    assert set(url_patterns()) == set(EXPECTED)


def _kwargs(name: str, world, objects: dict) -> dict:
    pattern_keys = set(url_patterns()[name].pattern.regex.groupindex)
    values = {
        "person_id": world.person.pk,
        "organisation_id": world.authority.pk,
        "user_id": world.users["coach"].pk,
        **objects,
        **(permissions.url_kwargs(name, world, objects) or {}),
    }
    return {k: v for k, v in values.items() if k in pattern_keys}


CASES = [(name, who) for name in EXPECTED for who in WHO]


@pytest.mark.parametrize(("name", "who"), CASES, ids=[f"{n}-{w}" for n, w in CASES])
def test_status(name, who, world, client):
    AccessLog.objects.create(
        actor=world.users["coach"], area=world.area, person=world.person, purpose="test"
    )
    objects = permissions.make_objects(world)
    if who != permissions.ANON:
        client.force_login(world.users[who])
    response = client.get(reverse(name, kwargs=_kwargs(name, world, objects)))
    assert response.status_code == EXPECTED[name][who]
