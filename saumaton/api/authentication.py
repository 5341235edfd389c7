"""``Authorization: Token <prefix>.<secret>``: the user, narrowed to the token's organisation."""

from __future__ import annotations

import hmac

from django.utils import timezone
from rest_framework import authentication, exceptions

from .models import ApiToken, digest


class OrganisationTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Malformed token header.")
        prefix, _, secret = header[1].decode(errors="replace").partition(".")
        token = (
            ApiToken.objects.select_related("user", "organisation").filter(prefix=prefix).first()
        )
        if (
            token is None
            or not hmac.compare_digest(token.secret_digest, digest(secret))
            or not token.is_usable
            or not token.user.is_active
        ):
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked token.")
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        user = token.user
        user.scope_organisation_id = token.organisation_id
        return user, token

    def authenticate_header(self, request):
        return self.keyword
