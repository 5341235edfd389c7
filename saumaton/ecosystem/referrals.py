"""Referrals: send, answer, start, complete, interrupt; each transition a timeline event.

Why the checks are here and not in the forms: the pages and the API must refuse the same things
with the same message, and write nothing when they refuse (every function is atomic and checks
before it writes). A referral is refused when the service has ended or is full, when there is
no legal basis or consent covering the recipient and the data, or when health data would go
without a specific written consent (380/2023 §116(4), §118; ``rules.ecosystem``).

Transitions are optimistic: the caller names the version it saw, and a concurrent change makes
the call fail (``ConcurrentEditError``) instead of silently overwriting the other answer. Only
the receiving organisation (a holder of ``MANAGE_REFERRALS`` there) moves a referral on.
Interruption through the person's own fault is recorded as a failure through the casework
failure service, so the sanction rules (380/2023 §41; TTL ch. 2a) apply to it like any other.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.casework.failures import record_failure
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm
from saumaton.rules.ecosystem import (
    DEFAULT_RESPONSE_WORKING_DAYS,
    LEGAL_BASES,
    onward_sharing_allowed,
    response_due,
    sharing_allowed,
)

from .consents import check_categories
from .errors import ConcurrentEditError, EcosystemError
from .models import Consent, LegalBasis, Referral, Service

State = Referral.State
TAKES_A_PLACE = (State.ACCEPTED, State.STARTED)


def places_taken(service: Service) -> int:
    return service.referrals.filter(state__in=TAKES_A_PLACE).count()


def _sender_organisation(actor, person):
    """The actor's organisation that holds the person's customership (else their first)."""
    own = organisation_ids_with(actor, Perm.MANAGE_CASEWORK)
    customer_of = set(person.customerships.values_list("organisation_id", flat=True))
    candidates = sorted(own & customer_of) or sorted(own)
    if not candidates:
        raise EcosystemError(_("You cannot refer on behalf of an organisation."))
    return candidates[0]


@transaction.atomic
def refer(
    actor,
    person,
    *,
    purpose: str,
    categories,
    legal_basis: str,
    service: Service | None = None,
    organisation=None,
    consent: Consent | None = None,
    today: date | None = None,
) -> Referral:
    today = today or timezone.localdate()
    service, organisation = _receiver(service, organisation, today)
    if not purpose.strip():
        raise EcosystemError(_("Say what the referral is for."), "purpose")
    chosen = check_categories(categories)
    if legal_basis not in LEGAL_BASES:
        raise EcosystemError(_("Choose the consent or the legal basis."), "legal_basis")
    if legal_basis == LegalBasis.CONSENT:
        consent = _check_consent(consent, person, organisation, chosen, today)
    else:
        consent = None
    answer = sharing_allowed(chosen, legal_basis=legal_basis, written_consent=consent is not None)
    if not answer.allowed:
        raise EcosystemError(
            _(
                "Health data can be shared only with the person's specific written consent "
                "(380/2023 §116, §118)."
            ),
            "categories",
        )
    days = service.response_days if service is not None else DEFAULT_RESPONSE_WORKING_DAYS
    referral = Referral.objects.create(
        person=person,
        service=service,
        organisation=organisation,
        sender_organisation_id=_sender_organisation(actor, person),
        purpose=purpose.strip(),
        categories=chosen,
        legal_basis=legal_basis,
        consent=consent,
        sent_on=today,
        response_due=response_due(today, days),
        sender_owner=actor,
    )
    _event(referral, Event.Type.REFERRAL_SENT, actor, answer.basis)
    return referral


def _receiver(service: Service | None, organisation, today: date):
    """The service (locked: capacity race) and the receiving organisation, or the refusal."""
    if service is not None:
        service = Service.objects.select_for_update().get(pk=service.pk)
        organisation = service.provider
        if not service.is_open_on(today):
            raise EcosystemError(_("This service has ended; choose another."), "service")
        if service.capacity is not None and places_taken(service) >= service.capacity:
            raise EcosystemError(_("This service is full; choose another."), "service")
    if organisation is None:
        raise EcosystemError(_("Choose a service or an organisation."), "service")
    return service, organisation


def may_refer_onward(actor, source: Referral) -> bool:
    """Whether ``actor`` answers for the organisation now serving the person on ``source``."""
    return source.is_active and source.organisation_id in organisation_ids_with(
        actor, Perm.MANAGE_REFERRALS
    )


@transaction.atomic
def refer_onward(
    actor,
    source: Referral,
    *,
    purpose: str,
    categories,
    legal_basis: str,
    service: Service | None = None,
    organisation=None,
    consent: Consent | None = None,
    today: date | None = None,
) -> Referral:
    """A partner refers the person of an active referral to their organisation onward.

    The partner is not the employment authority, so the data go on only with the person's
    consent naming the receiver and covering the data, or under 381/2023 §15 within an open
    multisectoral case where both organisations are parties (``rules.ecosystem.
    onward_sharing_allowed``). The new referral's sending side is the partner's organisation and
    the partner its owner; the coach follows it on the person's overall picture and timeline, the
    seam guard watches it like any other. The source referral is not changed.
    """
    today = today or timezone.localdate()
    source = Referral.objects.select_for_update().get(pk=source.pk)
    if not may_refer_onward(actor, source):
        raise EcosystemError(_("Only the organisation now serving the person can refer onward."))
    person = source.person
    service, organisation = _receiver(service, organisation, today)
    if organisation.pk == source.organisation_id:
        raise EcosystemError(_("The person is already with your organisation."), "organisation")
    if not purpose.strip():
        raise EcosystemError(_("Say what the referral is for."), "purpose")
    chosen = check_categories(categories)
    if legal_basis == LegalBasis.CONSENT:
        consent = _check_consent(consent, person, organisation, chosen, today)
    else:
        consent = None
    parties = {source.organisation_id, organisation.pk}
    answer = onward_sharing_allowed(
        chosen,
        legal_basis=legal_basis,
        consent_names_receiver_and_covers=consent is not None,
        both_parties_of_open_case=any(
            parties <= case.party_ids
            for case in person.multisectoral_cases.filter(ended_on__isnull=True)
        ),
        on=today,
    )
    if not answer.allowed:
        raise EcosystemError(
            _(
                "You may pass the person's data on only with their consent naming the receiving "
                "organisation, or within an open multisectoral case where both organisations "
                "are parties (381/2023 §15)."
            ),
            "legal_basis",
        )
    days = service.response_days if service is not None else DEFAULT_RESPONSE_WORKING_DAYS
    referral = Referral.objects.create(
        person=person,
        service=service,
        organisation=organisation,
        sender_organisation_id=source.organisation_id,
        purpose=purpose.strip(),
        categories=chosen,
        legal_basis=legal_basis,
        consent=consent,
        sent_on=today,
        response_due=response_due(today, days),
        sender_owner=actor,
    )
    _event(referral, Event.Type.REFERRAL_SENT, actor, answer.basis, onward_from=source.pk)
    return referral


def _check_consent(consent, person, organisation, categories, today) -> Consent:
    """The consent as stored now (locked, so a withdrawal cannot slip in between)."""
    if consent is None:
        raise EcosystemError(
            _("There is no consent for this referral: record the person's consent first."),
            "consent",
        )
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.person_id != person.pk or not consent.in_force_on(today):
        raise EcosystemError(_("This consent is not in force."), "consent")
    if not consent.recipients.filter(pk=organisation.pk).exists():
        raise EcosystemError(_("The consent does not name the receiving organisation."), "consent")
    missing = set(categories) - set(consent.categories)
    if missing:
        raise EcosystemError(
            _("The consent does not cover all the data you chose to share."), "categories"
        )
    return consent


def _event(referral: Referral, type: str, actor, basis: str = "", **extra) -> None:
    record_event(
        referral.person,
        type,
        actor=actor,
        organisation=referral.organisation,
        legal_basis=basis,
        payload={"referral": referral.pk, "service": referral.service_id, **extra},
    )


def _move(actor, referral: Referral, expected_version: int, allowed: tuple, **changes) -> Referral:
    """Apply one transition if the actor answers for the receiving organisation, the referral
    is in an allowed state and nobody changed it since ``expected_version``."""
    if referral.organisation_id not in organisation_ids_with(actor, Perm.MANAGE_REFERRALS):
        raise EcosystemError(_("Only the receiving organisation can answer this referral."))
    stale = ConcurrentEditError(
        _("Someone else changed this referral meanwhile. Reload and try again.")
    )
    if referral.version != expected_version:
        raise stale
    if referral.state not in allowed:
        raise EcosystemError(
            _("This referral is %(state)s; that step is not possible now.")
            % {"state": referral.get_state_display().lower()}
        )
    updated = Referral.objects.filter(
        pk=referral.pk, version=expected_version, state=referral.state
    ).update(version=expected_version + 1, **changes)
    if not updated:
        raise stale
    referral.refresh_from_db()
    return referral


@transaction.atomic
def accept(actor, referral, *, expected_version: int, start_date: date | None = None):
    service = referral.service
    if service is not None:
        Service.objects.select_for_update().filter(pk=service.pk).first()
        if service.capacity is not None and places_taken(service) >= service.capacity:
            raise EcosystemError(_("This service is full; decline or free a place first."))
    referral = _move(
        actor,
        referral,
        expected_version,
        (State.SENT,),
        state=State.ACCEPTED,
        receiver_owner=actor,
        start_date=start_date,
    )
    _event(referral, Event.Type.REFERRAL_ACCEPTED, actor)
    return referral


@transaction.atomic
def decline(actor, referral, *, expected_version: int, reason: str):
    if not reason.strip():
        raise EcosystemError(_("Give the reason for declining."), "reason")
    referral = _move(
        actor,
        referral,
        expected_version,
        (State.SENT,),
        state=State.DECLINED,
        receiver_owner=actor,
        decline_reason=reason.strip(),
        ended_on=timezone.localdate(),
    )
    _event(referral, Event.Type.REFERRAL_DECLINED, actor)
    return referral


@transaction.atomic
def start(actor, referral, *, expected_version: int, on: date, expected_end: date | None = None):
    if expected_end is None and referral.service and referral.service.duration_days:
        expected_end = on + timedelta(days=referral.service.duration_days)
    if expected_end is not None and expected_end < on:
        raise EcosystemError(_("The expected end is before the start."), "expected_end")
    referral = _move(
        actor,
        referral,
        expected_version,
        (State.ACCEPTED,),
        state=State.STARTED,
        started_on=on,
        expected_end=expected_end,
    )
    _event(referral, Event.Type.REFERRAL_STARTED, actor)
    return referral


@transaction.atomic
def complete(actor, referral, *, expected_version: int, outcome: str, on: date):
    if outcome not in Referral.Outcome.values:
        raise EcosystemError(_("Choose the outcome."), "outcome")
    referral = _move(
        actor,
        referral,
        expected_version,
        (State.STARTED,),
        state=State.COMPLETED,
        outcome=outcome,
        ended_on=on,
    )
    _event(referral, Event.Type.REFERRAL_COMPLETED, actor, outcome=outcome)
    return referral


@transaction.atomic
def interrupt(actor, referral, *, expected_version: int, reason: str, own_fault: bool, on: date):
    """End a started service early; the person's own fault opens a failure (``interrupted_service``,
    380/2023 §41; TTL 2a:4) for the coach to decide after hearing the person."""
    if not reason.strip():
        raise EcosystemError(_("Give the reason for the interruption."), "reason")
    referral = _move(
        actor,
        referral,
        expected_version,
        (State.STARTED,),
        state=State.INTERRUPTED,
        interruption_reason=reason.strip(),
        own_fault=own_fault,
        ended_on=on,
    )
    _event(referral, Event.Type.REFERRAL_INTERRUPTED, actor, own_fault=own_fault)
    if own_fault:
        record_failure(actor, referral.person, kind="interrupted_service", date=on)
    return referral


TRANSITIONS = ("accept", "decline", "start", "complete", "interrupt")


def transition(actor, referral, action: str, *, version: int, **fields) -> Referral:
    """One named step, as the referral page and the API ask for it; ``fields`` are the step's
    own inputs (a reason, dates, an outcome), the rest ignored."""
    on = fields.get("on") or timezone.localdate()
    if action == "accept":
        return accept(
            actor, referral, expected_version=version, start_date=fields.get("start_date")
        )
    if action == "decline":
        return decline(actor, referral, expected_version=version, reason=fields.get("reason", ""))
    if action == "start":
        return start(
            actor,
            referral,
            expected_version=version,
            on=on,
            expected_end=fields.get("expected_end"),
        )
    if action == "complete":
        return complete(
            actor, referral, expected_version=version, outcome=fields.get("outcome", ""), on=on
        )
    if action == "interrupt":
        return interrupt(
            actor,
            referral,
            expected_version=version,
            reason=fields.get("reason", ""),
            own_fault=bool(fields.get("own_fault")),
            on=on,
        )
    raise EcosystemError(_("Unknown step."), "action")
