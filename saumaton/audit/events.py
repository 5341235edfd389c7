"""Writing the business timeline: one call per fact, with actor, organisation and legal basis."""

from __future__ import annotations

from django.utils import timezone

from .models import Event


def record_event(
    person,
    type: str,
    *,
    actor=None,
    organisation=None,
    legal_basis: str = "",
    payload: dict | None = None,
    occurred_at=None,
) -> Event:
    return Event.objects.create(
        person=person,
        type=type,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        legal_basis=legal_basis,
        payload=payload or {},
        occurred_at=occurred_at or timezone.now(),
    )
