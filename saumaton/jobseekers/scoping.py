"""Who may see which person: the one scoping function for ``Person`` (principle 3).

- casework roles (coach, unit lead, statement officer) see people with a customership in one of
  their organisations, open or closed: the record stays theirs to handle until retention ends
  (380/2023 §122);
- a jobseeker sees themself;
- partners see people with an active referral to their organisation, or a consent or legal
  basis in force that names it (``ecosystem.access``); a withdrawn consent or a closed referral
  takes the person out of scope on the next query, with nothing cached;
- everyone else sees nobody.
"""

from __future__ import annotations

from django.db.models import Q

from saumaton.organisations.resolver import organisation_ids_with, roles_of
from saumaton.organisations.roles import Perm, Role


def persons_visible_to(user, queryset):
    from .models import JobseekerCustomership

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    condition = Q(pk__in=[])
    org_ids = organisation_ids_with(user, Perm.VIEW_PERSON)
    if org_ids:
        # An uncorrelated IN: SQLite plans a correlated EXISTS here as a nested scan (seconds on
        # the demo), while both databases run this as one index lookup.
        condition |= Q(
            pk__in=JobseekerCustomership.objects.filter(organisation_id__in=org_ids).values(
                "person_id"
            )
        )
    partner_org_ids = organisation_ids_with(user, Perm.VIEW_REFERRED_PERSONS)
    if partner_org_ids:
        from saumaton.ecosystem.access import partner_scope

        condition |= partner_scope(partner_org_ids)
    if Role.JOBSEEKER in roles_of(user):
        condition |= Q(user=user)
    return queryset.filter(condition)
