"""Recording and withdrawing consents (and named legal bases) for sharing a person's data.

A consent is refused unless its categories are known and the sharing rule allows them: health
data only with a specific written consent (380/2023 §116(4), §118; ``rules.ecosystem``). Both
kinds of evidence this platform records (an electronic acceptance in self-service, a signature)
are written. Withdrawal takes effect at once: the partner scope reads ``withdrawn_at`` on every
query, and the referrals resting on the consent are cancelled with it.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.rules.ecosystem import DATA_CATEGORIES, sharing_allowed

from .errors import EcosystemError
from .models import Consent, LegalBasis, Referral


def check_categories(categories) -> list[str]:
    categories = [c for c in DATA_CATEGORIES if c in set(categories)]
    if not categories:
        raise EcosystemError(_("Choose at least one data category."), "categories")
    return categories


@transaction.atomic
def record_consent(
    actor,
    person,
    *,
    purpose: str,
    categories,
    recipients,
    legal_basis: str,
    valid_from: date,
    valid_to: date | None,
    evidence: str,
) -> Consent:
    recipients = list(recipients)
    if not purpose.strip():
        raise EcosystemError(_("Say what the data are shared for."), "purpose")
    chosen = check_categories(categories)
    if not recipients:
        raise EcosystemError(_("Name at least one recipient organisation."), "recipients")
    if legal_basis not in LegalBasis.values:
        raise EcosystemError(_("Unknown legal basis."), "legal_basis")
    if evidence not in Consent.Evidence.values:
        raise EcosystemError(_("Say how the consent was given."), "evidence")
    if valid_to is not None and valid_to < valid_from:
        raise EcosystemError(_("The end date is before the start date."), "valid_to")
    answer = sharing_allowed(chosen, legal_basis=legal_basis, written_consent=True)
    if not answer.allowed:
        raise EcosystemError(
            _(
                "Health data can be shared only with the person's specific written consent "
                "(380/2023 §116, §118)."
            ),
            "categories",
        )
    consent = Consent.objects.create(
        person=person,
        purpose=purpose.strip(),
        categories=chosen,
        legal_basis=legal_basis,
        valid_from=valid_from,
        valid_to=valid_to,
        evidence=evidence,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    consent.recipients.set(recipients)
    record_event(
        person,
        Event.Type.CONSENT_RECORDED,
        actor=actor,
        legal_basis=answer.basis,
        payload={
            "consent": consent.pk,
            "categories": chosen,
            "recipients": sorted(o.pk for o in recipients),
        },
    )
    return consent


@transaction.atomic
def withdraw_consent(actor, consent: Consent) -> Consent:
    """Withdraw now; the referrals that rest on this consent end with it (GDPR Art. 7(3))."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise EcosystemError(_("This consent is already withdrawn."))
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    resting = list(
        Referral.objects.select_for_update().filter(consent=consent, state__in=Referral.ACTIVE)
    )
    for referral in resting:
        Referral.objects.filter(pk=referral.pk).update(
            state=Referral.State.CANCELLED,
            ended_on=timezone.localdate(),
            version=referral.version + 1,
        )
        record_event(
            consent.person,
            Event.Type.REFERRAL_CANCELLED,
            actor=actor,
            organisation=referral.organisation,
            payload={"referral": referral.pk, "reason": "consent_withdrawn"},
        )
    record_event(
        consent.person,
        Event.Type.CONSENT_WITHDRAWN,
        actor=actor,
        payload={"consent": consent.pk, "referrals_cancelled": [r.pk for r in resting]},
    )
    return consent
