"""Put messages in the outbox and deliver what is queued.

``enqueue`` is called by the casework inside the transaction that made the decision (a meeting
booked, a statement issued): if that transaction rolls back, nothing is sent. Its
``idempotency_key`` names the business fact (e.g. ``"meeting-invitation:<meeting id>"``), so
enqueueing the same fact twice returns the first message and sends once. The key is stored
and may be logged by others: build it from ids, never from names or identity codes.

``deliver_pending`` is run by ``saumaton deliver_outbox`` (cron). Each message is delivered in its
own transaction with its row locked (PostgreSQL skips rows another run holds), so one bad message
never stops the others and a crash mid-send leaves the message queued: delivery is at least
once, and receivers can drop duplicates by the message id. A failed message is retried on later
runs until it has had ``SAUMATON_OUTBOX_MAX_ATTEMPTS`` attempts.

Log lines name a message by channel and id only; errors are stored scrubbed of identity codes,
e-mail addresses and phone numbers, and logged by exception class alone.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from saumaton.audit.personal_data import scrub
from saumaton.jobseekers.models import Person

from .models import OutboxMessage
from .transports import Transport, configured_transports

logger = logging.getLogger(__name__)

Channel = OutboxMessage.Channel
Status = OutboxMessage.Status
_PHONE = re.compile(r"\+[1-9]\d{6,14}")  # E.164
_INSTITUTION_CODE = re.compile(r"[A-Za-z0-9_.-]{1,50}")


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    content_type: str = "application/pdf"


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0  # failed in this run, including those given up
    given_up: int = 0  # failed for the last allowed time: will not be retried


def _normalised_recipient(channel: str, recipient: str) -> str:
    recipient = recipient.strip()
    if channel == Channel.EMAIL:
        validate_email(recipient)
    elif channel == Channel.SMS:
        recipient = re.sub(r"[\s()-]", "", recipient)
        if not _PHONE.fullmatch(recipient):
            raise ValueError("an SMS recipient must be an international phone number (+358…)")
    elif not _INSTITUTION_CODE.fullmatch(recipient):
        raise ValueError("a statement recipient must be the receiving institution's code")
    return recipient


def enqueue(
    channel: str,
    *,
    recipient: str,
    subject: str,
    body: str,
    language: str,
    person: Person | None = None,
    attachment: Attachment | None = None,
    payload: dict | None = None,
    idempotency_key: str,
) -> OutboxMessage:
    """Queue one message; the same ``idempotency_key`` again returns the first message."""
    if channel not in Channel.values:
        raise ValueError(f"unknown outbox channel {channel!r}")
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    if attachment is not None and channel == Channel.SMS:
        raise ValueError("an SMS cannot carry an attachment")
    if not idempotency_key:
        raise ValueError("an idempotency key is required")
    message, created = OutboxMessage.objects.get_or_create(
        idempotency_key=idempotency_key,
        defaults={
            "channel": channel,
            "recipient": _normalised_recipient(channel, recipient),
            "subject": subject,
            "body": body,
            "language": language,
            "person": person,
            "attachment": attachment.content if attachment else None,
            "attachment_filename": attachment.filename if attachment else "",
            "attachment_content_type": attachment.content_type if attachment else "",
            "payload": payload or {},
        },
    )
    if created:
        logger.info("outbox: queued %s message %s", channel, message.id)
    return message


def _pending(max_attempts: int):
    return OutboxMessage.objects.filter(
        Q(status=Status.QUEUED) | Q(status=Status.FAILED, attempts__lt=max_attempts)
    )


def deliver_pending(limit: int | None = None) -> DeliveryReport:
    """Hand up to ``limit`` pending messages, oldest first, to their channel's transport."""
    transports = configured_transports()  # a bad setting fails the run, not each message
    max_attempts = settings.SAUMATON_OUTBOX_MAX_ATTEMPTS
    oldest_first = _pending(max_attempts).order_by("created_at", "id")
    report = DeliveryReport()
    for pk in list(oldest_first.values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            message = (
                _pending(max_attempts).select_for_update(skip_locked=True).filter(pk=pk).first()
            )
            if message is not None:
                _deliver(message, transports[message.channel], max_attempts, report)
    return report


def _deliver(
    message: OutboxMessage, transport: Transport, max_attempts: int, report: DeliveryReport
) -> None:
    message.attempts += 1
    try:
        transport.send(message)
    except Exception as exc:  # one bad message must not stop the run
        message.status = Status.FAILED
        message.last_error = scrub(f"{type(exc).__name__}: {exc}")[:500]
        report.failed += 1
        report.given_up += message.attempts >= max_attempts
        logger.warning(
            "outbox: %s message %s failed (attempt %d of %d): %s",
            message.channel,
            message.id,
            message.attempts,
            max_attempts,
            type(exc).__name__,
        )
    else:
        message.status = Status.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        report.sent += 1
        logger.info("outbox: sent %s message %s", message.channel, message.id)
    message.save(update_fields=["attempts", "status", "last_error", "sent_at"])
