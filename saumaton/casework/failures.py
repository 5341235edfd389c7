"""Failures, valid reasons and the reminders and statements they lead to.

The consequence is always the rules engine's answer for the failure date, given the person's
earlier counted failures (380/2023 §41; TTL ch. 2a); this module stores it with its basis, drafts
the reminder or statement for the issuer the engine names, and re-asks the engine when the person
gives a valid reason.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.organisations.models import Organisation
from saumaton.rules.errors import RuleInputError
from saumaton.rules.sanctions import VALID_REASONS, EarlierFailure, failure_consequence

from .errors import CaseworkError
from .models import Failure, Meeting, Statement


def _earlier(person, before: Failure | None, on: date) -> list[EarlierFailure]:
    """Counted earlier failures: those with a consequence that was not excused."""
    rows = (
        Failure.objects.filter(person=person, date__lte=on)
        .exclude(state=Failure.State.EXCUSED)
        .exclude(pk=before.pk if before else None)
        .order_by("date")
    )
    return [
        EarlierFailure(f.kind, f.date, f.consequence.get("consequence", "reminder"))
        for f in rows
        if f.consequence.get("consequence") not in (None, "none")
    ]


def _last_initial_interview(person) -> date | None:
    meeting = (
        Meeting.objects.filter(person=person, kind="initial_interview", outcome="held")
        .order_by("-starts_at")
        .first()
    )
    return timezone.localtime(meeting.starts_at).date() if meeting else None


def _ask_rules(failure: Failure, valid_reason: str | None = None) -> dict:
    try:
        answer = failure_consequence(
            failure.kind,
            failure.date,
            _earlier(failure.person, failure, failure.date),
            valid_reason=valid_reason,
            last_initial_interview=_last_initial_interview(failure.person),
        )
    except RuleInputError as exc:
        raise CaseworkError(exc.message, exc.field) from exc
    data = asdict(answer)
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


def _authority_of(person) -> Organisation | None:
    customership = person.customerships.order_by("-start_date").first()
    return customership.organisation if customership else None


@transaction.atomic
def record_failure(
    actor, person, *, kind: str, date: date, meeting=None, duty_period=None
) -> Failure:
    if kind not in Failure.Kind.values:
        raise CaseworkError(_("Unknown failure kind."), "kind")
    failure = Failure(
        person=person,
        kind=kind,
        date=date,
        meeting=meeting,
        duty_period=duty_period,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    failure.consequence = _ask_rules(failure)
    failure.save()
    _draft_statement(failure)
    record_event(
        person,
        Event.Type.FAILURE_RECORDED,
        actor=actor,
        organisation=_authority_of(person),
        legal_basis="; ".join(failure.consequence["basis"]),
        payload={
            "failure": failure.pk,
            "kind": kind,
            "consequence": failure.consequence["consequence"],
        },
    )
    return failure


def _draft_statement(failure: Failure) -> Statement | None:
    consequence = failure.consequence["consequence"]
    if consequence == "none":
        Statement.objects.filter(failure=failure, state=Statement.State.DRAFT).delete()
        return None
    issuer = failure.consequence["issuer"]
    authority = _authority_of(failure.person)
    statement, _created = Statement.objects.update_or_create(
        failure=failure,
        defaults={
            "person": failure.person,
            "kind": Statement.Kind.REMINDER
            if consequence == "reminder"
            else Statement.Kind.STATEMENT,
            "issuer": issuer,
            "issuer_organisation": authority if issuer == "employment_authority" else None,
            "deadline": failure.consequence.get("statement_deadline"),
        },
    )
    return statement


@transaction.atomic
def record_valid_reason(actor, failure: Failure, reason: str, account: str = "") -> Failure:
    """The person's account of a failure; an accepted valid reason removes the consequence."""
    failure = Failure.objects.select_for_update().get(pk=failure.pk)
    if failure.state != Failure.State.OPEN:
        raise CaseworkError(_("This failure is already decided."), "reason")
    if reason not in VALID_REASONS:
        raise CaseworkError(_("Unknown valid reason."), "reason")
    failure.consequence = _ask_rules(failure, valid_reason=reason)
    failure.valid_reason = reason
    failure.valid_reason_text = account
    failure.state = Failure.State.EXCUSED
    failure.save()
    _draft_statement(failure)
    record_event(
        failure.person,
        Event.Type.VALID_REASON_RECORDED,
        actor=actor,
        organisation=_authority_of(failure.person),
        legal_basis="; ".join(failure.consequence["basis"]),
        payload={"failure": failure.pk, "reason": reason},
    )
    return failure


@transaction.atomic
def record_account(actor, failure: Failure, reason: str, account: str) -> Failure:
    """The person's own account (self-service): stored for the coach to assess, not decided."""
    failure = Failure.objects.select_for_update().get(pk=failure.pk)
    if failure.state != Failure.State.OPEN:
        raise CaseworkError(_("This failure is already decided."), "reason")
    if reason not in VALID_REASONS:
        raise CaseworkError(_("Unknown valid reason."), "reason")
    failure.valid_reason = reason
    failure.valid_reason_text = account
    failure.save(update_fields=["valid_reason", "valid_reason_text"])
    record_event(
        failure.person,
        Event.Type.VALID_REASON_RECORDED,
        actor=actor,
        payload={"failure": failure.pk, "reason": reason, "proposed_by_person": True},
    )
    return failure


@transaction.atomic
def issue_statement(actor, statement: Statement) -> Statement:
    """Issue a drafted reminder or statement; statements go to Kela through the outbox."""
    statement = Statement.objects.select_for_update().select_related("failure").get(pk=statement.pk)
    if statement.state != Statement.State.DRAFT:
        raise CaseworkError(_("Only a draft can be issued."), "state")
    if statement.issuer != "employment_authority":
        raise CaseworkError(
            _("This statement is issued by KEHA, not by the employment authority."), "issuer"
        )
    statement.state = Statement.State.ISSUED
    statement.issued_at = timezone.now()
    statement.issued_by = actor
    statement.save()
    failure = statement.failure
    failure.state = Failure.State.DECIDED
    failure.save(update_fields=["state"])
    record_event(
        statement.person,
        Event.Type.STATEMENT_ISSUED,
        actor=actor,
        organisation=statement.issuer_organisation,
        legal_basis="; ".join(failure.consequence["basis"]),
        payload={"statement": statement.pk, "kind": statement.kind},
    )
    if statement.kind == Statement.Kind.STATEMENT:
        from .notifications import deliver_statement

        transaction.on_commit(lambda: deliver_statement(statement))
    return statement


@transaction.atomic
def forward_to_keha(actor, statement: Statement) -> Statement:
    """Send a case whose statement KEHA issues (TTL 11:4a) to KEHA, with the drafted facts."""
    statement = Statement.objects.select_for_update().select_related("failure").get(pk=statement.pk)
    if statement.state != Statement.State.DRAFT:
        raise CaseworkError(_("Only a draft can be forwarded."), "state")
    if statement.issuer != "keha":
        raise CaseworkError(_("The employment authority issues this statement itself."), "issuer")
    statement.state = Statement.State.FORWARDED
    statement.issued_at = timezone.now()
    statement.issued_by = actor
    statement.save()
    record_event(
        statement.person,
        Event.Type.STATEMENT_DELIVERED,
        actor=actor,
        organisation=_authority_of(statement.person),
        legal_basis="TTL 11:4a; " + "; ".join(statement.failure.consequence.get("basis", [])),
        payload={"statement": statement.pk, "to": "keha"},
    )
    from .notifications import deliver_statement

    transaction.on_commit(lambda: deliver_statement(statement, channel="keha_statement"))
    return statement
