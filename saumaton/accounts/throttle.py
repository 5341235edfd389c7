"""Login throttling: too many failures for one username or one address within a window.

Counted in the database rather than a process-local cache so that every server process of a
deployment sees the same count.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from .models import LoginAttempt


def _digest(username: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, username.strip().lower().encode(), hashlib.sha256).hexdigest()


def is_locked(username: str, address: str | None) -> bool:
    since = timezone.now() - settings.SAUMATON_LOGIN_WINDOW
    failures = LoginAttempt.objects.filter(at__gte=since, succeeded=False)
    limit = settings.SAUMATON_LOGIN_MAX_FAILURES
    if failures.filter(username_digest=_digest(username)).count() >= limit:
        return True
    # An address gets more room than a username: an office shares one public address.
    return bool(address) and failures.filter(address=address).count() >= limit * 4


def record(username: str, address: str | None, succeeded: bool) -> None:
    LoginAttempt.objects.create(
        username_digest=_digest(username), address=address or None, succeeded=succeeded
    )
    if succeeded:
        LoginAttempt.objects.filter(username_digest=_digest(username), succeeded=False).delete()
