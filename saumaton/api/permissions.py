"""The API's one permission class: the view's declared ``required_permission``, via ``user.can``.

The same declaration the HTML views use, so the permission matrix covers both doors.
"""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from saumaton.core.access import AUTHENTICATED, PUBLIC


class DeclaredPermission(BasePermission):
    def has_permission(self, request, view) -> bool:
        requirement = getattr(view, "required_permission", None)
        if requirement is None:
            return False  # undeclared endpoints are closed
        if requirement == PUBLIC:
            return True
        if not request.user or not request.user.is_authenticated:
            return False
        if requirement == AUTHENTICATED:
            return True
        return request.user.can(requirement)
