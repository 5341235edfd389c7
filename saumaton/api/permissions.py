"""The API's one permission class: the view's declared requirement, via ``user.can``.

The same declaration the HTML views use, so the permission matrix covers both doors. A view
declares either ``required_permission`` (one requirement for every request) or, when its actions
need different rights (reading vs. writing a record), ``required_permissions``: a dict from the
viewset action to a ``Perm`` or a tuple of ``Perm`` of which any one suffices. An action missing
from the dict is closed, exactly like an undeclared view.
"""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from saumaton.core.access import AUTHENTICATED, PUBLIC


def requirements_of(view) -> list:
    """What this request must satisfy, all of it; an empty list closes the request.

    A method the route does not serve (``view.action`` is None, e.g. GET on a POST-only
    action) needs every requirement of the route: whoever may use the route learns the method
    is not allowed (405), everyone else is refused as for any other method.
    """
    per_action = getattr(view, "required_permissions", None)
    if per_action is None:
        requirement = getattr(view, "required_permission", None)
        return [] if requirement is None else [requirement]
    action = getattr(view, "action", None)
    actions = [action] if action is not None else list(getattr(view, "action_map", {}).values())
    found = [per_action.get(a) for a in actions]
    return [] if not found or None in found else found


class DeclaredPermission(BasePermission):
    def has_permission(self, request, view) -> bool:
        requirements = requirements_of(view)
        return bool(requirements) and all(self._meets(request, r) for r in requirements)

    @staticmethod
    def _meets(request, requirement) -> bool:
        if requirement == PUBLIC:
            return True
        if not request.user or not request.user.is_authenticated:
            return False
        if requirement == AUTHENTICATED:
            return True
        if isinstance(requirement, tuple):
            return any(request.user.can(perm) for perm in requirement)
        return request.user.can(requirement)
