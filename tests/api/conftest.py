"""Helpers for the pathway API tests: token clients, a bookable slot, duty periods."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from saumaton.api.models import ApiToken
from saumaton.casework.models import DutyPeriod
from saumaton.rules.calendar import is_working_day


def working_slot(days_ahead: int = 1, hour: int = 10) -> datetime:
    """A future working day at ``hour`` local time."""
    day = timezone.localdate() + timedelta(days=days_ahead)
    while not is_working_day(day):
        day += timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def saturday_slot() -> datetime:
    day = timezone.localdate() + timedelta(days=1)
    while day.weekday() != 5:
        day += timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(10)))


@pytest.fixture
def token(client):
    """``token(user, organisation)`` -> a client sending that user's organisation token."""

    def _token(user, organisation):
        _, key = ApiToken.issue(user=user, organisation=organisation, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return _token


@pytest.fixture
def open_period():
    """``open_period(person)``: a review period around today, open for reports."""

    def _open(person):
        today = timezone.localdate()
        return DutyPeriod.objects.create(
            person=person,
            start=today - timedelta(days=7),
            end=today + timedelta(days=7),
            required=4,
        )

    return _open
