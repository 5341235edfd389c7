from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from saumaton.casework.models import Meeting
from saumaton.rules.calendar import is_working_day


def working_slot(days_ahead: int = 1, hour: int = 10) -> datetime:
    """A future working day at ``hour`` local time."""
    day = timezone.localdate() + timedelta(days=days_ahead)
    while not is_working_day(day):
        day += timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@pytest.fixture
def past_meeting(world):
    """A meeting held yesterday-ish, booked directly (booking in the past is refused)."""

    def make(kind="initial_interview", days_ago=1, outcome=Meeting.Outcome.SCHEDULED):
        customership = world.person.customerships.get(end_date__isnull=True)
        return Meeting.objects.create(
            person=world.person,
            customership=customership,
            kind=kind,
            starts_at=timezone.now() - timedelta(days=days_ago),
            channel=Meeting.Channel.IN_PERSON,
            coach=world.users["coach"],
            outcome=outcome,
        )

    return make
