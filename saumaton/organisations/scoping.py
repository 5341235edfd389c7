"""``visible_to(user)`` for the organisation models: one scoping function per model.

Structures are not personal data, but the tenant boundary still holds: an area administrator
sees their own area; every staff member sees the organisation directory of their areas.
"""

from __future__ import annotations

from saumaton.organisations.models import EmploymentArea, Membership, Organisation
from saumaton.organisations.resolver import area_ids_with
from saumaton.organisations.roles import Perm


def areas_visible_to(user, perm: Perm = Perm.VIEW_AREA_STRUCTURE):
    return EmploymentArea.objects.filter(id__in=area_ids_with(user, perm))


def organisations_visible_to(user, perm: Perm = Perm.VIEW_ORGANISATION_DIRECTORY):
    return Organisation.objects.filter(area_id__in=area_ids_with(user, perm))


def memberships_visible_to(user):
    """Staff lists for area administrators (380/2023 §§124–126: the TVA grants user rights)."""
    return Membership.objects.filter(
        organisation__area_id__in=area_ids_with(user, Perm.VIEW_STAFF)
    ).select_related("user", "organisation", "unit")
