"""Who sees which vacancies: the one scoping function for ``Vacancy`` (architecture principle 3).

- area staff with ``VIEW_VACANCIES`` see every vacancy of an employer in their area;
- employer users see their own organisation's vacancies (``ACT_FOR_EMPLOYER``);
- a jobseeker sees the published vacancies of the areas they are a customer in;
- everyone else sees none.
"""

from __future__ import annotations

from django.db.models import Q

from saumaton.organisations.resolver import area_ids_with, organisation_ids_with, roles_of
from saumaton.organisations.roles import Perm, Role


def vacancies_visible_to(user, queryset):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    condition = Q(pk__in=[])
    staff_areas = area_ids_with(user, Perm.VIEW_VACANCIES)
    if staff_areas:
        condition |= Q(employer__area_id__in=staff_areas)
    own = organisation_ids_with(user, Perm.ACT_FOR_EMPLOYER)
    if own:
        condition |= Q(employer_id__in=own)
    if Role.JOBSEEKER in roles_of(user):
        condition |= Q(
            status="published",
            employer__area__organisations__customerships__person__user=user,
        )
    return queryset.filter(condition).distinct()


def employers_visible_to(user, queryset):
    """Employer organisations: the area's staff see their area's, employer users their own."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    condition = Q(pk__in=[])
    staff_areas = area_ids_with(user, Perm.VIEW_VACANCIES)
    if staff_areas:
        condition |= Q(area_id__in=staff_areas)
    own = organisation_ids_with(user, Perm.ACT_FOR_EMPLOYER)
    if own:
        condition |= Q(pk__in=own)
    return queryset.filter(condition, kind="employer")


def employers_writable_by(user, queryset):
    """Employers whose vacancies the user may create and edit: the area's with
    ``MANAGE_VACANCIES``, an employer user's own organisation with ``ACT_FOR_EMPLOYER``."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    condition = Q(area_id__in=area_ids_with(user, Perm.MANAGE_VACANCIES))
    condition |= Q(pk__in=organisation_ids_with(user, Perm.ACT_FOR_EMPLOYER))
    return queryset.filter(condition, kind="employer")


def employers_kept_by(user, queryset):
    """Employers whose register entry (name, business ID, industry, account manager) the user
    keeps: the area's staff with ``MANAGE_VACANCIES``; never an employer user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    return queryset.filter(area_id__in=area_ids_with(user, Perm.MANAGE_VACANCIES), kind="employer")


def vacancies_writable_by(user, queryset):
    """Vacancies the user may edit: those of an employer in ``employers_writable_by``."""
    from saumaton.organisations.models import Organisation

    employers = employers_writable_by(user, Organisation.objects.all())
    return queryset.filter(employer__in=employers.values("pk"))
