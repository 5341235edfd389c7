"""The register's routes requested from outside the employer's scope (the rows are in
``tests/permissions/employers.py``, ``OUTSIDE_SCOPE``): same role, another organisation or area."""

import pytest
from django.urls import reverse

from tests.permissions import employers as rows

CASES = [(name, who) for name, statuses in rows.OUTSIDE_SCOPE.items() for who in statuses]


@pytest.mark.parametrize(("name", "who"), CASES, ids=[f"{n}-{w}" for n, w in CASES])
def test_outside_the_scope(name, who, world, client):
    objects = rows.make_objects(world)
    outsiders = rows.make_outsiders(world)
    client.force_login(outsiders[who])
    url = reverse(name, kwargs=rows.url_kwargs(name, world, objects) or {})
    assert client.get(url).status_code == rows.OUTSIDE_SCOPE[name][who]


def test_outsiders_lists_leave_the_employer_out(world, client):
    objects = rows.make_objects(world)
    outsiders = rows.make_outsiders(world)
    for who in outsiders.values():
        client.force_login(who)
        for name, key in (
            ("api:employer-list", "organisation_id_employer"),
            ("api:employer-location-list", "employer_location_id"),
            ("api:employer-contact-list", "employer_contact_id"),
        ):
            listed = client.get(reverse(name)).json()["results"]
            assert objects[key] not in [x["id"] for x in listed]
        page = client.get(reverse("employers:our_organisation")).content.decode()
        assert f"/organisation/{objects['organisation_id_employer']}/" not in page
