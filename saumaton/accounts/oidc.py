"""OpenID Connect login (mozilla-django-oidc), switched on by ``SAUMATON_OIDC_ENABLED``.

Staff accounts are provisioned by the area (380/2023 §126: the authority grants user rights), so
by default an unknown subject is refused rather than created; the match is on e-mail.
A jobseeker's strongly identified henkilötunnus (claim ``settings.OIDC_HETU_CLAIM``) is kept in
the session for self-service registration (``accounts.identity``).
"""

from __future__ import annotations

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import identity


class SaumatonOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def get_userinfo(self, access_token, id_token, payload):
        claims = super().get_userinfo(access_token, id_token, payload)
        identity.remember_from_claims(self.request, claims)
        return claims
