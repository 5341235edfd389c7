"""The open catalogue feed: every active service as plain JSON, no personal data.

Why a hand-written shape and not the API serializer: the feed is a published interface read by
other municipal systems without a token; it must stay stable when the API evolves.
"""

from __future__ import annotations

from datetime import date

from .models import Service

FEED_VERSION = 1


def service_record(s: Service) -> dict:
    return {
        "id": s.pk,
        "provider": {"id": s.provider_id, "name": s.provider.name, "kind": s.provider.kind},
        "name": {"fi": s.name_fi, "sv": s.name_sv, "en": s.name_en},
        "description": {"fi": s.description_fi, "sv": s.description_sv, "en": s.description_en},
        "type": s.type,
        "target_groups": s.target_groups,
        "eligibility": s.eligibility,
        "languages": s.languages,
        "municipality": s.municipality_id,
        "address": s.address,
        "remote": s.remote,
        "capacity": s.capacity,
        "start_dates": s.start_dates,
        "duration_days": s.duration_days,
        "unit_cost": str(s.unit_cost) if s.unit_cost is not None else None,
        "counts_as_activating": s.counts_as_activating,
        "pauses_job_search_duty": s.pauses_duty,
        "pauses_job_search_duty_basis": s.pauses_duty_basis if s.pauses_duty else "",
        "response_working_days": s.response_days,
        "reviewed_at": s.reviewed_at.isoformat(),
        "ends_on": s.ends_on.isoformat() if s.ends_on else None,
    }


def catalogue_feed(today: date) -> dict:
    services = (
        Service.objects.filter(active=True)
        .exclude(ends_on__lt=today)
        .select_related("provider")
        .order_by("id")
    )
    return {
        "version": FEED_VERSION,
        "generated": today.isoformat(),
        "services": [service_record(s) for s in services],
    }
