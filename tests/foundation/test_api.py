"""API tokens are scoped to one organisation and go through the same permission checks."""

import pytest
from django.utils import timezone

from saumaton.api.models import ApiToken
from tests.factories import MembershipFactory, OrganisationFactory


def _get(client, path, key):
    return client.get(path, HTTP_AUTHORIZATION=f"Token {key}")


def test_token_gives_the_users_rights_in_its_organisation(world, client):
    _, key = ApiToken.issue(user=world.users["area_admin"], organisation=world.authority, name="t")
    response = _get(client, "/api/v1/areas/", key)
    assert response.status_code == 200
    assert [a["code"] for a in response.json()["results"]] == [world.area.code]


def test_token_does_not_carry_rights_from_the_users_other_organisations(world, client):
    admin = world.users["area_admin"]
    elsewhere = OrganisationFactory(area=world.other_area)
    MembershipFactory(user=admin, organisation=elsewhere, role="coach")
    _, key = ApiToken.issue(user=admin, organisation=elsewhere, name="t")
    assert _get(client, "/api/v1/areas/", key).status_code == 403


def test_revoked_or_expired_or_wrong_tokens_are_refused(world, client):
    token, key = ApiToken.issue(
        user=world.users["area_admin"], organisation=world.authority, name="t"
    )
    assert _get(client, "/api/v1/areas/", key + "x").status_code == 401
    token.expires_at = timezone.now()
    token.save()
    assert _get(client, "/api/v1/areas/", key).status_code == 401


def test_token_only_for_an_organisation_of_the_user(world):
    with pytest.raises(ValueError, match="no active membership"):
        ApiToken.issue(user=world.users["coach"], organisation=world.other_authority, name="t")


def test_only_the_secret_digest_is_stored(world):
    token, key = ApiToken.issue(user=world.users["coach"], organisation=world.authority, name="t")
    assert key.split(".")[1] not in token.secret_digest


def test_openapi_schema_lists_the_v1_endpoints(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/areas/", "/api/v1/municipalities/", "/api/v1/organisations/"} <= set(paths)


def test_rules_eval_answers_like_the_cli(world, client):
    client.force_login(world.users["coach"])
    question = {"question": "initial_interview_deadline", "job_search_start": "2026-11-27"}
    response = client.post("/api/v1/rules/eval", question, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["deadline"] == "2026-12-11"  # 10 working days (380/2023 §31, 2026)
    batch = [question, {"question": "add_working_days", "start": "2026-01-01", "days": "x"}]
    response = client.post("/api/v1/rules/eval", batch, content_type="application/json")
    assert response.status_code == 400
    assert response.json()[1] == {"error": "must be an integer", "field": "days"}
    assert response.json()[0]["deadline"] == "2026-12-11"


def test_rules_eval_is_closed_to_roles_without_the_permission(world, client):
    client.force_login(world.users["area_admin"])
    response = client.post("/api/v1/rules/eval", {}, content_type="application/json")
    assert response.status_code == 403
