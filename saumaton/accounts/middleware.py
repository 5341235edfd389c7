"""Session lifetimes: a sliding idle timeout for everyone, and an absolute cap for staff.

The idle timeout is ``SESSION_COOKIE_AGE``, renewed by activity at most once every
``SESSION_RENEW_AFTER_SECONDS`` (a database write per page would be wasted work). The cap makes a
staff session kept alive all day log in again (380/2023 §124: access rights limited in duration).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.utils import timezone

SESSION_STARTED = "saumaton_session_started"
SESSION_RENEWED = "saumaton_session_renewed"


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
            renewed = request.session.get(SESSION_RENEWED, 0)
            if now - renewed > settings.SESSION_RENEW_AFTER_SECONDS:
                request.session[SESSION_RENEWED] = now  # marks the session modified: saved, renewed
        return self.get_response(request)
