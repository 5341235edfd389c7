"""Every view declares what it needs; the permission-matrix test reads these declarations.

``@requires(Perm.X)`` (function views) and ``required_permission = Perm.X`` (class-based and
API views) are the only ways a view becomes reachable: a URL whose view declares nothing fails
the test suite. Anonymous visitors are sent to the login page; logged-in users without the
permission get 403.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from saumaton.organisations.roles import Perm

PUBLIC = "public"
AUTHENTICATED = "authenticated"


def _declare(view, requirement):
    view.required_permission = requirement
    return view


def public(view):
    """Reachable by anyone, logged in or not (front page, login, health checks)."""
    return _declare(view, PUBLIC)


def authenticated(view):
    """Any logged-in user; the view itself shows only what the user's roles allow."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return _declare(wrapper, AUTHENTICATED)


def requires(perm: Perm):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.can(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return _declare(wrapper, perm)

    return decorator


def declared_requirement(callback) -> str | dict | None:
    """The requirement a resolved URL callback declares (function view, CBV or DRF view).

    A DRF viewset may declare ``required_permissions`` per action instead; its route then
    declares a dict of the actions it serves, and counts as undeclared if any one is missing.
    """
    for candidate in (
        callback,
        getattr(callback, "view_class", None),
        getattr(callback, "cls", None),
    ):
        requirement = getattr(candidate, "required_permission", None)
        if requirement is not None:
            return requirement
        per_action = getattr(candidate, "required_permissions", None)
        if per_action is not None:
            served = {a: per_action.get(a) for a in getattr(callback, "actions", {}).values()}
            return served if served and None not in served.values() else None
    return None
