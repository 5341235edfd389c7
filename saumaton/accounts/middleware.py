"""Staff sessions end after an absolute maximum, on top of the sliding idle timeout.

Idle expiry comes from ``SESSION_COOKIE_AGE`` with ``SESSION_SAVE_EVERY_REQUEST``; this adds the
cap, so a staff session kept alive all day still has to log in again (380/2023 §124: access rights
limited in duration).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.utils import timezone

SESSION_STARTED = "saumaton_session_started"


class StaffSessionExpiryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED)
            now = timezone.now().timestamp()
            if started is None:
                request.session[SESSION_STARTED] = now
            elif user.is_staff_member and (
                now - started > settings.SAUMATON_STAFF_SESSION_MAX.total_seconds()
            ):
                logout(request)
        return self.get_response(request)
