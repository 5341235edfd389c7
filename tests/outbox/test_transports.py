"""Each transport really delivers: files a reader can parse, mail a real SMTP server receives."""

from __future__ import annotations

import json
from email import message_from_bytes, policy

import pytest
from django.core.exceptions import ImproperlyConfigured

from saumaton.outbox.services import Attachment, deliver_pending, enqueue
from saumaton.outbox.transports import configured_transports

from ..factories import PersonFactory

PDF = b"%PDF-1.7\n% a tiny stand-in for a rendered plan\n%%EOF\n"


def _plan_email(person, key="plan:1"):
    return enqueue(
        "email",
        recipient=person.email,
        subject="Työllistymissuunnitelmasi",
        body="Hei, liitteenä suunnitelmasi.",
        language="fi",
        person=person,
        attachment=Attachment("suunnitelma.pdf", PDF),
        idempotency_key=key,
    )


@pytest.mark.django_db
def test_directory_transport_writes_a_parseable_eml_with_the_attachment(outbox_dir):
    person = PersonFactory()
    message = _plan_email(person)

    assert deliver_pending().sent == 1

    [path] = (outbox_dir / "email").iterdir()
    assert path.name.endswith(f"{message.id}.eml")
    assert path.stat().st_mode & 0o077 == 0  # personal data: readable by the owner only
    email = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert email["To"] == person.email
    assert email["Subject"] == "Työllistymissuunnitelmasi"
    assert email["Content-Language"] == "fi"
    assert email["Message-ID"] == f"<{message.id}@saumaton.outbox>"
    assert email.get_body(("plain",)).get_content().strip() == "Hei, liitteenä suunnitelmasi."
    [attachment] = email.iter_attachments()
    assert attachment.get_filename() == "suunnitelma.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == PDF


@pytest.mark.django_db
def test_directory_transport_writes_sms_as_json(outbox_dir):
    message = enqueue(
        "sms",
        recipient="+358 40 123 4567",
        subject="",
        body="Muistutus: tapaaminen huomenna klo 10.",
        language="fi",
        idempotency_key="meeting-reminder:7",
    )

    deliver_pending()

    [path] = (outbox_dir / "sms").iterdir()
    assert json.loads(path.read_text()) == {
        "id": str(message.id),
        "to": "+358401234567",
        "text": "Muistutus: tapaaminen huomenna klo 10.",
    }


@pytest.mark.django_db
def test_directory_transport_writes_a_statement_document_and_its_pdf(outbox_dir):
    enqueue(
        "kela_statement",
        recipient="KELA",
        subject="Työvoimapoliittinen lausunto",
        body="",
        language="sv",
        person=PersonFactory(),
        attachment=Attachment("utlatande.pdf", PDF),
        payload={"failure_kind": "missed_meeting", "days": 7},
        idempotency_key="statement:3:issued",
    )

    deliver_pending()

    folder = outbox_dir / "kela_statement"
    [document_path] = folder.glob("*.json")
    document = json.loads(document_path.read_text())
    assert document["recipient"] == "KELA"
    assert document["language"] == "sv"
    assert document["payload"] == {"failure_kind": "missed_meeting", "days": 7}
    assert document["attachment"]["filename"] == "utlatande.pdf"
    assert (folder / document["attachment"]["file"]).read_bytes() == PDF
    assert not list(folder.glob(".*")), "no temporary file is left behind"


@pytest.mark.django_db
def test_smtp_transport_delivers_to_a_real_smtp_server(settings, outbox_dir, smtp_server):
    settings.SAUMATON_OUTBOX_TRANSPORTS = {"email": "smtp"}
    settings.DEFAULT_FROM_EMAIL = "tyollisyys@example.invalid"
    person = PersonFactory()
    message = _plan_email(person)

    report = deliver_pending()

    assert report.sent == 1
    [received] = smtp_server.received
    assert received.recipients == [person.email]
    assert received.sender == "tyollisyys@example.invalid"
    email = message_from_bytes(received.data, policy=policy.default)
    assert email["Subject"] == "Työllistymissuunnitelmasi"
    assert email["Message-ID"] == f"<{message.id}@saumaton.outbox>"
    [attachment] = email.iter_attachments()
    assert attachment.get_content() == PDF
    assert not (outbox_dir / "email").exists(), "SMTP replaces the directory for e-mail"


@pytest.mark.parametrize(
    "transports",
    [{"sms": "smtp"}, {"email": "carrier-pigeon"}, {"fax": "directory"}],
)
def test_a_bad_transport_setting_is_refused(settings, transports):
    settings.SAUMATON_OUTBOX_TRANSPORTS = transports
    with pytest.raises(ImproperlyConfigured):
        configured_transports()
