"""The user model (custom from the start) and login attempts for throttling."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.organisations import resolver
from saumaton.organisations.roles import Perm, Role


class User(AbstractUser):
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fi"
    )
    is_synthetic = models.BooleanField(default=False)

    def can(self, perm: Perm) -> bool:
        """Whether any of the user's roles grants ``perm`` (see organisations.roles)."""
        return resolver.can(self, perm)

    @property
    def roles(self) -> frozenset[Role]:
        return resolver.roles_of(self)

    @property
    def is_staff_member(self) -> bool:
        """Staff of an area's organisations, whose sessions expire and whose reads are logged."""
        from saumaton.organisations.roles import STAFF_ROLES

        return bool(self.roles & STAFF_ROLES)


class LoginAttempt(models.Model):
    """One login attempt; failures within a window throttle the username and the address.

    The username is stored as a keyed hash: the table is for counting, not for reading who tried.
    """

    username_digest = models.CharField(max_length=64, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    succeeded = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {'ok' if self.succeeded else 'failed'}"
