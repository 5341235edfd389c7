"""What a partner organisation may see: which people, and which of their data categories.

A partner professional sees a person only while (a) a referral to their organisation is active,
(b) a consent in force names their organisation as a recipient, or (c) an open multisectoral
case (TYP) has their organisation as a party (381/2023 §15). They see only the data categories
those records cover; health data only where a specific written consent or the multisectoral
basis covers them (380/2023 §116(4), §118). Both answers are computed from the records on every
request, so a withdrawal or a closed referral removes access at once.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm
from saumaton.rules.ecosystem import DATA_CATEGORIES

from .models import Consent, MultisectoralCase, Referral


def partner_scope(org_ids) -> Q:
    """A condition on ``Person``: uncorrelated IN subqueries, one SQL statement in all (the
    same shape as the casework scope, which both databases run as index lookups)."""
    today = timezone.localdate()
    return (
        Q(
            pk__in=Referral.objects.filter(
                organisation_id__in=org_ids, state__in=Referral.ACTIVE
            ).values("person_id")
        )
        | Q(
            pk__in=Consent.objects.in_force(today)
            .filter(recipients__in=org_ids)
            .values("person_id")
        )
        | Q(
            pk__in=MultisectoralCase.objects.filter(ended_on__isnull=True)
            .filter(Q(wellbeing_county_id__in=org_ids) | Q(kela_id__in=org_ids))
            .values("person_id")
        )
    )


def covered_categories(user, person) -> frozenset[str]:
    """The data categories of ``person`` that ``user`` may see as a partner (empty if none)."""
    org_ids = organisation_ids_with(user, Perm.VIEW_REFERRED_PERSONS)
    if not org_ids:
        return frozenset()
    if MultisectoralCase.objects.filter(
        Q(wellbeing_county_id__in=org_ids) | Q(kela_id__in=org_ids),
        person=person,
        ended_on__isnull=True,
    ).exists():
        return frozenset(DATA_CATEGORIES)
    covered: set[str] = set()
    for categories in Referral.objects.filter(
        person=person, organisation_id__in=org_ids, state__in=Referral.ACTIVE
    ).values_list("categories", flat=True):
        covered.update(categories)
    for categories in (
        Consent.objects.in_force(timezone.localdate())
        .filter(person=person, recipients__in=org_ids)
        .values_list("categories", flat=True)
    ):
        covered.update(categories)
    return frozenset(covered)


def narrow_for_partner(user, queryset, lookup: str):
    """Records of visible people, narrowed for a pure partner (no casework scope) to those
    naming their organisation through ``lookup``."""
    partner_orgs = organisation_ids_with(user, Perm.VIEW_REFERRED_PERSONS)
    if not partner_orgs or organisation_ids_with(user, Perm.VIEW_PERSON):
        return queryset
    return queryset.filter(**{lookup: partner_orgs}).distinct()


def referrals_visible_to(user):
    """Referrals a user may open: partners (and any receiving organisation) those to their
    organisation while active; casework roles those of the people in their scope."""
    from saumaton.jobseekers.models import Person

    receiving = organisation_ids_with(user, Perm.VIEW_REFERRALS)
    condition = Q(organisation_id__in=receiving, state__in=Referral.ACTIVE)
    if organisation_ids_with(user, Perm.VIEW_PERSON):
        condition |= Q(person__in=Person.objects.visible_to(user).values("pk"))
    return Referral.objects.filter(condition)


def onward_consents(user, person):
    """The consents a partner can rely on for an onward referral: those in force that the
    partner may see (naming their organisation); others are not theirs to know of."""
    return Consent.objects.visible_to(user).filter(person=person).in_force(timezone.localdate())
