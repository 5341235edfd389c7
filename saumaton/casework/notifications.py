"""Messages to the person and to Kela, in the person's language, through the outbox.

Nothing is sent from a request: the outbox stores the message and ``saumaton deliver_outbox``
hands it to the configured transport (a local directory in the demo, SMTP by settings).
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from saumaton.outbox.services import Attachment, enqueue


def notify_meeting(meeting, purpose: str) -> None:
    """An invitation (or reminder) by e-mail, and by SMS where there is a phone number."""
    person = meeting.person
    with translation.override(person.language):
        when = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M")
        title = _("Reminder") if purpose == "reminder" else _("Invitation")
        subject = f"{title}: {meeting.get_kind_display()} {when}"
        body = _(
            "You have a %(kind)s on %(when)s (%(channel)s%(place)s). "
            "If you cannot attend, tell us before the meeting."
        ) % {
            "kind": meeting.get_kind_display().lower(),
            "when": when,
            "channel": meeting.get_channel_display().lower(),
            "place": f", {meeting.place}" if meeting.place else "",
        }
    key = f"meeting:{meeting.pk}:{purpose}"
    if person.email:
        enqueue(
            "email",
            recipient=person.email,
            subject=subject,
            body=body,
            language=person.language,
            person=person,
            idempotency_key=f"{key}:email",
        )
    if person.phone:
        enqueue(
            "sms",
            recipient=person.phone,
            subject="",
            body=body,
            language=person.language,
            person=person,
            idempotency_key=f"{key}:sms",
        )


def remind_upcoming_meetings(now, hours: int = 24) -> int:
    """Queue a reminder for every scheduled meeting starting within ``hours`` (idempotent: the
    outbox's key makes a second run a no-op). KEHA's national SMS reminders go 24 h before an
    obligatory meeting from 2026-03-01; an area sending its own keeps to the same rhythm."""
    from datetime import timedelta

    from .models import Meeting

    upcoming = Meeting.objects.filter(
        outcome=Meeting.Outcome.SCHEDULED,
        starts_at__gte=now,
        starts_at__lt=now + timedelta(hours=hours),
    ).select_related("person")
    count = 0
    for meeting in upcoming:
        notify_meeting(meeting, "reminder")
        count += 1
    return count


def deliver_statement(statement, channel: str = "kela_statement") -> None:
    """An issued labour-policy statement goes to Kela as data + PDF; a case whose statement KEHA
    issues goes to KEHA the same way (``channel="keha_statement"``)."""
    from .documents import statement_pdf

    failure = statement.failure
    person = statement.person
    enqueue(
        channel,
        recipient="keha" if channel == "keha_statement" else "kela",
        subject=f"{statement.get_kind_display()} {failure.date:%Y-%m-%d}",
        body="",
        language=person.language,
        person=person,
        attachment=Attachment("statement.pdf", statement_pdf(statement), "application/pdf"),
        payload={
            "statement": statement.pk,
            "kind": statement.kind,
            "failure_kind": failure.kind,
            "failure_date": failure.date.isoformat(),
            "consequence": failure.consequence,
            "issued_at": statement.issued_at.isoformat(),
        },
        idempotency_key=f"statement:{statement.pk}:{channel}",
    )
