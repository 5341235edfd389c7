"""Answers "may this user do X, and where?" from memberships and ``roles.ROLE_PERMISSIONS``.

Results are cached on the user object for the request, so a page that checks many permissions
costs one query. An API token narrows the scope to its own organisation
(``user.scope_organisation_id``), so a token never carries rights from the user's other jobs.
"""

from __future__ import annotations

from .roles import ROLE_PERMISSIONS, Perm, Role, roles_granting


def _memberships(user):
    cached = getattr(user, "_saumaton_memberships", None)
    if cached is None:
        qs = user.memberships.filter(active=True).select_related("organisation")
        scope = getattr(user, "scope_organisation_id", None)
        if scope is not None:
            qs = qs.filter(organisation_id=scope)
        cached = list(qs)
        user._saumaton_memberships = cached
    return cached


def roles_of(user) -> frozenset[Role]:
    """Every role the user holds now; the jobseeker role comes from a linked person record."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    roles = {Role(m.role) for m in _memberships(user)}
    if getattr(user, "scope_organisation_id", None) is None and _has_person(user):
        roles.add(Role.JOBSEEKER)
    return frozenset(roles)


def _has_person(user) -> bool:
    from saumaton.jobseekers.models import Person

    cached = getattr(user, "_saumaton_has_person", None)
    if cached is None:
        try:  # joined by the login backend, so usually no query
            cached = user.person is not None
        except Person.DoesNotExist:
            cached = False
        user._saumaton_has_person = cached
    return cached


def can(user, perm: Perm) -> bool:
    return any(perm in ROLE_PERMISSIONS[role] for role in roles_of(user))


def organisation_ids_with(user, perm: Perm) -> set[int]:
    """Organisations in which the user holds ``perm`` through a membership."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    granting = roles_granting(perm)
    return {m.organisation_id for m in _memberships(user) if Role(m.role) in granting}


def area_ids_with(user, perm: Perm) -> set[int]:
    """Employment areas in which the user holds ``perm`` (through an organisation of the area)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    granting = roles_granting(perm)
    return {
        m.organisation.area_id
        for m in _memberships(user)
        if Role(m.role) in granting and m.organisation.area_id
    }


def area_ids_of(user) -> set[int]:
    """Every employment area the user works in, whatever the role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return {m.organisation.area_id for m in _memberships(user) if m.organisation.area_id}


def forget(user) -> None:
    """Drop the per-request cache, e.g. after memberships change in a test or a command."""
    for attr in ("_saumaton_memberships", "_saumaton_has_person"):
        if hasattr(user, attr):
            delattr(user, attr)
