"""API tokens, each scoped to one organisation of its user.

Only a SHA-256 digest of the secret is stored; the token is shown once when created. A request
with a token acts with the rights the user holds in that organisation only.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX_LENGTH = 8


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    prefix = models.CharField(max_length=PREFIX_LENGTH, unique=True)
    secret_digest = models.CharField(max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, organisation, name: str, days: int = 90) -> tuple[ApiToken, str]:
        """Create a token; returns it with the plain key ``<prefix>.<secret>`` (shown once)."""
        if not user.memberships.filter(organisation=organisation, active=True).exists():
            raise ValueError("the user has no active membership in that organisation")
        prefix = secrets.token_hex(PREFIX_LENGTH // 2)
        secret = secrets.token_urlsafe(32)
        token = cls.objects.create(
            prefix=prefix,
            secret_digest=digest(secret),
            user=user,
            organisation=organisation,
            name=name,
            expires_at=timezone.now() + timezone.timedelta(days=days),
        )
        return token, f"{prefix}.{secret}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
