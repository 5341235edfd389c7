"""Transports: how a queued message leaves the system, chosen per channel by settings.

``SAUMATON_OUTBOX_TRANSPORTS`` maps a channel to ``"directory"`` or ``"smtp"``; a channel it
does not name uses ``"directory"``, so the demo delivers everything to files a person can open.

- ``DirectoryTransport`` writes under ``SAUMATON_OUTBOX_DIR/<channel>/``: e-mail as an RFC 5322
  ``.eml`` file, SMS as ``{"id", "to", "text"}`` JSON, statements as a JSON document plus the
  attached PDF. Each file is written to a temporary name and renamed, so a reader polling the
  directory (a mail relay, an SMS gateway, a Kela interface job) never sees half a file; the PDF
  is renamed into place before the JSON that names it. Files are created mode 0600: they hold
  personal data. A retried message overwrites its own files (names carry the message id).
- ``SMTPTransport`` sends e-mail through Django's SMTP backend (``EMAIL_HOST`` and friends).

A transport raises on failure; the caller records the error and retries later.
"""

from __future__ import annotations

import json
import mimetypes
import os
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from .models import OutboxMessage

Channel = OutboxMessage.Channel
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


class Transport(Protocol):
    def send(self, message: OutboxMessage) -> None: ...


def message_id(message: OutboxMessage) -> str:
    """A stable Message-ID, so that a receiver can drop the duplicate of a retried e-mail."""
    return f"<{message.id}@saumaton.outbox>"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode()


def build_eml(message: OutboxMessage) -> bytes:
    """The message as an RFC 5322 e-mail, with its attachment."""
    email = EmailMessage()
    email["Message-ID"] = message_id(message)
    email["Date"] = format_datetime(message.created_at)
    email["From"] = settings.DEFAULT_FROM_EMAIL
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email.set_content(message.body)
    if message.attachment is not None:
        maintype, _, subtype = message.attachment_content_type.partition("/")
        email.add_attachment(
            bytes(message.attachment),
            maintype=maintype,
            subtype=subtype,
            filename=message.attachment_filename,
        )
    email["Content-Language"] = message.language  # after the content: set_content clears it
    return email.as_bytes()


class DirectoryTransport:
    def __init__(self, root: Path | str | None = None):
        self.root = Path(root if root is not None else settings.SAUMATON_OUTBOX_DIR)

    def send(self, message: OutboxMessage) -> None:
        folder = self.root / message.channel
        stem = f"{message.created_at:%Y%m%dT%H%M%S}-{message.id}"
        if message.channel == Channel.EMAIL:
            _write_atomic(folder / f"{stem}.eml", build_eml(message))
        elif message.channel == Channel.SMS:
            document = {"id": str(message.id), "to": message.recipient, "text": message.body}
            _write_atomic(folder / f"{stem}.json", _json(document))
        else:
            self._send_statement(message, folder, stem)

    @staticmethod
    def _send_statement(message: OutboxMessage, folder: Path, stem: str) -> None:
        attachment = None
        if message.attachment is not None:
            suffix = mimetypes.guess_extension(message.attachment_content_type) or ".bin"
            attachment = {
                "file": f"{stem}{suffix}",
                "filename": message.attachment_filename,
                "content_type": message.attachment_content_type,
            }
            _write_atomic(folder / attachment["file"], bytes(message.attachment))
        document = {
            "id": str(message.id),
            "channel": message.channel,
            "recipient": message.recipient,
            "language": message.language,
            "created_at": message.created_at.isoformat(),
            "subject": message.subject,
            "body": message.body,
            "payload": message.payload,
            "attachment": attachment,
        }
        _write_atomic(folder / f"{stem}.json", _json(document))


class SMTPTransport:
    """E-mail only; the server, port, credentials and TLS come from the ``EMAIL_*`` settings."""

    def send(self, message: OutboxMessage) -> None:
        email = mail.EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            headers={"Message-ID": message_id(message), "Content-Language": message.language},
            connection=mail.get_connection(SMTP_BACKEND, fail_silently=False),
        )
        if message.attachment is not None:
            email.attach(
                message.attachment_filename,
                bytes(message.attachment),
                message.attachment_content_type,
            )
        if email.send() != 1:
            raise RuntimeError("the SMTP backend accepted no message")


TRANSPORTS: dict[str, type] = {"directory": DirectoryTransport, "smtp": SMTPTransport}


def configured_transports() -> dict[str, Transport]:
    """One transport per channel, from ``SAUMATON_OUTBOX_TRANSPORTS``; refuses a bad setting."""
    configured = settings.SAUMATON_OUTBOX_TRANSPORTS
    unknown = set(configured) - set(Channel.values)
    if unknown:
        raise ImproperlyConfigured(f"SAUMATON_OUTBOX_TRANSPORTS names unknown channels {unknown}")
    transports = {}
    for channel in Channel.values:
        name = configured.get(channel, "directory")
        if name not in TRANSPORTS:
            raise ImproperlyConfigured(f"Unknown outbox transport {name!r} for {channel}")
        if name == "smtp" and channel != Channel.EMAIL:
            raise ImproperlyConfigured(f"The smtp transport carries e-mail only, not {channel}")
        transports[channel] = TRANSPORTS[name]()
    return transports
