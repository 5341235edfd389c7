"""OpenID Connect login (mozilla-django-oidc), switched on by ``SAUMATON_OIDC_ENABLED``.

Staff accounts are provisioned by the area (380/2023 §126: the authority grants user rights), so
by default an unknown subject is refused rather than created; the match is on e-mail.
"""

from __future__ import annotations

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class SaumatonOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)
