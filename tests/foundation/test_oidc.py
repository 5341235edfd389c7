"""OIDC login is switched on by settings and matches accounts by e-mail, never creating them."""

import os
import subprocess
import sys

from django.test import override_settings

OIDC_ENV = {
    "SAUMATON_OIDC_ENABLED": "1",
    "OIDC_RP_CLIENT_ID": "saumaton",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example.invalid/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example.invalid/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example.invalid/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example.invalid/jwks",
}

SCRIPT = """
import django
django.setup()
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory
from django.urls import resolve
request = RequestFactory().get("/oidc/authenticate/")
request.session = SessionStore()
response = resolve("/oidc/authenticate/").func(request)
print(response.status_code, response["Location"].split("?")[0])
"""


def test_enabling_oidc_adds_a_login_that_redirects_to_the_provider():
    env = {**os.environ, **OIDC_ENV, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["302", "https://idp.example.invalid/authorize"]


def test_without_the_switch_there_is_no_oidc_url(client, db):
    assert client.get("/oidc/authenticate/").status_code == 404


@override_settings(**{k: v for k, v in OIDC_ENV.items() if k.startswith("OIDC_")})
def test_backend_matches_active_users_by_email_only(world):
    from saumaton.accounts.oidc import SaumatonOIDCBackend

    coach = world.users["coach"]
    coach.email = "coach@example.invalid"
    coach.save()
    backend = SaumatonOIDCBackend()
    assert list(backend.filter_users_by_claims({"email": "COACH@example.invalid"})) == [coach]
    assert not backend.filter_users_by_claims({"email": "stranger@example.invalid"}).exists()
    assert not backend.filter_users_by_claims({}).exists()
