"""The outbox row: one message to one recipient, with its delivery state.

The attachment (a PDF of a plan or a statement, tens of kilobytes) is stored in the row as bytes
rather than as a file under ``var/``: it is then written and rolled back in the same transaction
as the message, deleted with the person (``on_delete=CASCADE``) and covered by the database
backup, and no orphan file can outlive its row.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import PersonRecordQuerySet


class OutboxMessage(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("SMS")
        KELA_STATEMENT = "kela_statement", _("Statement to Kela")
        FUND_STATEMENT = "fund_statement", _("Statement to an unemployment fund")
        KEHA_STATEMENT = "keha_statement", _("Statement case to KEHA")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    person = models.ForeignKey(
        "jobseekers.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_messages",
    )
    # An e-mail address, a phone number (E.164) or the receiving institution's code.
    recipient = models.CharField(max_length=254)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    attachment = models.BinaryField(null=True, blank=True)
    attachment_filename = models.CharField(max_length=200, blank=True)
    attachment_content_type = models.CharField(max_length=100, blank=True)
    payload = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)  # scrubbed of personal data
    sent_at = models.DateTimeField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=200, unique=True)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.channel} {self.id} ({self.status})"
