"""Every URL x every role (and anonymous) -> the expected status.

The URL list is generated from the URL conf: a new URL that is missing from ``EXPECTED`` or whose
view declares no permission fails this suite, so nothing becomes reachable by accident.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from saumaton.audit.models import AccessLog
from saumaton.core.access import declared_requirement
from saumaton.organisations.roles import Role

ANON = "anonymous"
ROLES = [r.value for r in Role]
CASEWORK = {"coach", "unit_lead", "statement_officer"}
DIRECTORY = set(ROLES) - {"jobseeker"}


def only(allowed, ok=200, denied=403, anon=302):
    return {ANON: anon, **{role: ok if role in allowed else denied for role in ROLES}}


def everyone(status, anon=None):
    return {ANON: status if anon is None else anon, **dict.fromkeys(ROLES, status)}


EXPECTED = {
    "core:front": everyone(302, anon=200),
    "core:home": everyone(302),
    "core:set_language": everyone(405),
    "core:healthz": everyone(200),
    "core:readiness": everyone(200),
    "accounts:login": everyone(302, anon=200),
    "accounts:logout": everyone(405),
    "jobseekers:list": only(CASEWORK),
    "jobseekers:me": only({"jobseeker"}),
    "jobseekers:detail": only(CASEWORK),
    "organisations:directory": only(DIRECTORY),
    "organisations:detail": only(DIRECTORY),
    "organisations:area": only({"area_admin"}),
    "organisations:staff": only({"area_admin"}),
    "audit:index": only({"auditor"}),
    "audit:find": everyone(405),
    "audit:staff": only({"auditor"}),
    "audit:person": only({"auditor"}),
    "api:schema": everyone(200),
    "api:area-list": only({"area_admin"}, anon=401),
    "api:area-detail": only({"area_admin"}, anon=401),
    "api:municipality-list": only(DIRECTORY, anon=401),
    "api:municipality-detail": only(DIRECTORY, anon=401),
    "api:organisation-list": only(DIRECTORY, anon=401),
    "api:organisation-detail": only(DIRECTORY, anon=401),
    "api:rules-eval": only(CASEWORK | {"analyst"}, ok=405, anon=401),  # GET: POST only
    "casework:queue": only(CASEWORK),
    "casework:unit": only({"unit_lead"}),
    "casework:reassign": everyone(405),
    "casework:book_meeting": only(CASEWORK),
    "casework:plan": only(CASEWORK),
    "casework:accept_plan": everyone(405),
    "casework:plan_pdf": only(CASEWORK),
    "casework:outcome": only(CASEWORK),
    "casework:evaluate": everyone(405),
    "casework:valid_reason": only(CASEWORK),
    "casework:issue": everyone(405),
    "casework:statement_pdf": only(CASEWORK),
    "casework:my_application": only({"jobseeker"}),
    "casework:my_valid_reason": only({"jobseeker"}),
}


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


def _casework_objects(world) -> dict:
    """One of each casework record for the people of ``world``."""
    from datetime import timedelta

    from django.utils import timezone

    from saumaton.casework.failures import record_failure
    from saumaton.casework.models import DutyPeriod, Meeting
    from saumaton.casework.plans import save_plan

    coach = world.users["coach"]
    meeting = Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() - timedelta(days=1),
        channel="phone",
        coach=coach,
    )
    failure = record_failure(coach, world.person, kind="missed_meeting", date=timezone.localdate())
    own_failure = record_failure(
        coach, world.own_person, kind="missed_meeting", date=timezone.localdate()
    )
    save_plan(
        coach,
        world.person,
        expected_version=0,
        content={"survey": "x"},
        follow_up_method="x",
        follow_up_deadline=None,
    )
    period = DutyPeriod.objects.create(
        person=world.person, start=timezone.localdate(), end=timezone.localdate(), required=4
    )
    return {
        "meeting_id": meeting.pk,
        "failure_id": failure.pk,
        "own_failure_id": own_failure.pk,
        "statement_id": failure.statement.pk,
        "period_id": period.pk,
    }


def _kwargs(name: str, world, objects: dict) -> dict:
    pattern_keys = set(url_patterns()[name].pattern.regex.groupindex)
    values = {
        "person_id": world.person.pk,
        "organisation_id": world.authority.pk,
        "user_id": world.users["coach"].pk,
        **objects,
    }
    if name == "casework:my_valid_reason":
        values["failure_id"] = objects["own_failure_id"]
    detail_pk = {
        "api:area-detail": world.area.pk,
        "api:municipality-detail": world.area.lead_municipality_id,
        "api:organisation-detail": world.authority.pk,
    }
    kwargs = {k: v for k, v in values.items() if k in pattern_keys}
    if "pk" in pattern_keys:
        kwargs["pk"] = detail_pk[name]
    return kwargs


CASES = [(name, who) for name in EXPECTED for who in [ANON, *ROLES]]


@pytest.mark.parametrize(("name", "who"), CASES, ids=[f"{n}-{w}" for n, w in CASES])
def test_status(name, who, world, client):
    AccessLog.objects.create(
        actor=world.users["coach"], area=world.area, person=world.person, purpose="test"
    )
    objects = _casework_objects(world)
    if who != ANON:
        client.force_login(world.users[who])
    response = client.get(reverse(name, kwargs=_kwargs(name, world, objects)))
    assert response.status_code == EXPECTED[name][who]
