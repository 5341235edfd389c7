"""Queueing is idempotent; delivery records failures, retries them, and logs nothing personal."""

from __future__ import annotations

import logging
import socket
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from saumaton.outbox.models import OutboxMessage
from saumaton.outbox.services import Attachment, deliver_pending, enqueue

from ..factories import PersonFactory

Status = OutboxMessage.Status


def _sms(key="invite:1", person=None, body="Tervetuloa alkuhaastatteluun."):
    return enqueue(
        "sms",
        recipient="+358401234567",
        subject="",
        body=body,
        language="fi",
        person=person,
        idempotency_key=key,
    )


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_enqueueing_the_same_fact_twice_sends_once(outbox_dir):
    first = _sms()
    second = _sms(body="a changed text does not make a second message")

    assert second.pk == first.pk
    assert OutboxMessage.objects.count() == 1
    assert deliver_pending().sent == 1
    _sms()  # after delivery, too
    assert deliver_pending().sent == 0
    assert len(list((outbox_dir / "sms").iterdir())) == 1


@pytest.mark.django_db
def test_a_failure_is_recorded_and_retried_until_the_limit(settings, outbox_dir):
    settings.SAUMATON_OUTBOX_MAX_ATTEMPTS = 2
    outbox_dir.parent.mkdir(exist_ok=True)
    outbox_dir.write_text("a file where the outbox directory should be")
    message = _sms()

    report = deliver_pending()
    message.refresh_from_db()
    assert (report.sent, report.failed, report.given_up) == (0, 1, 0)
    assert (message.status, message.attempts) == (Status.FAILED, 1)
    assert message.last_error.startswith(("FileExistsError", "NotADirectoryError"))

    report = deliver_pending()
    message.refresh_from_db()
    assert (report.failed, report.given_up, message.attempts) == (1, 1, 2)

    outbox_dir.unlink()
    assert deliver_pending().sent == 0, "given up: not retried"
    settings.SAUMATON_OUTBOX_MAX_ATTEMPTS = 3
    assert deliver_pending().sent == 1, "a higher limit lets it through"
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 3, "")
    assert message.sent_at is not None


@pytest.mark.django_db
def test_one_bad_message_does_not_stop_the_others(settings, outbox_dir):
    settings.SAUMATON_OUTBOX_TRANSPORTS = {"email": "smtp"}
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        _closed_port(),
        2,
    )
    enqueue(
        "email",
        recipient="person@example.invalid",
        subject="Kutsu",
        body="Kutsu tapaamiseen.",
        language="fi",
        idempotency_key="invite:mail",
    )
    _sms()

    report = deliver_pending()

    assert (report.sent, report.failed) == (1, 1)
    failed = OutboxMessage.objects.get(channel="email")
    assert failed.status == Status.FAILED
    assert failed.last_error.startswith("ConnectionRefusedError")


@pytest.mark.django_db
def test_nothing_personal_reaches_logs_or_stored_errors(outbox_dir, caplog, monkeypatch):
    person = PersonFactory(phone="+358 40 765 4321")
    caplog.set_level(logging.DEBUG)
    enqueue(
        "email",
        recipient=person.email,
        subject=f"Suunnitelma: {person.first_name} {person.last_name}",
        body=f"Henkilötunnus {person.hetu}, puhelin {person.phone}.",
        language="fi",
        person=person,
        attachment=Attachment("plan.pdf", b"%PDF-1.7"),
        idempotency_key="plan:log-test",
    )
    _sms(person=person, body=f"Hei {person.first_name}!")

    def refuse(self, message):
        raise OSError(f"relay refused {message.recipient} ({person.hetu})")

    monkeypatch.setattr("saumaton.outbox.transports.DirectoryTransport.send", refuse)
    deliver_pending()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "outbox: queued email message" in logged
    assert "failed (attempt 1 of 5): OSError" in logged
    for secret in (person.first_name, person.last_name, person.hetu, person.email, "765 4321"):
        assert secret not in logged
    for message in OutboxMessage.objects.all():
        assert person.email not in message.last_error
        assert person.hetu not in message.last_error


@pytest.mark.parametrize(
    ("channel", "recipient", "attachment", "error"),
    [
        ("email", "not-an-address", None, ValidationError),
        ("sms", "040 123", None, ValueError),
        ("sms", "+358401234567", Attachment("x.pdf", b"%PDF"), ValueError),
        ("kela_statement", "Kela / Helsinki office", None, ValueError),
        ("carrier_pigeon", "KELA", None, ValueError),
    ],
)
@pytest.mark.django_db
def test_enqueue_refuses_what_cannot_be_delivered(channel, recipient, attachment, error):
    with pytest.raises(error):
        enqueue(
            channel,
            recipient=recipient,
            subject="",
            body="x",
            language="fi",
            attachment=attachment,
            idempotency_key="bad",
        )
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_messages_go_with_the_person():
    person = PersonFactory()
    _sms(person=person)
    person.delete()
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_deliver_outbox_command_prints_counts(outbox_dir):
    _sms("a")
    _sms("b")
    out = StringIO()

    call_command("deliver_outbox", "--limit", "1", stdout=out)

    assert out.getvalue().strip() == "Outbox: 1 sent, 0 failed (0 given up after the last attempt)."
    assert OutboxMessage.objects.filter(status=Status.QUEUED).count() == 1
