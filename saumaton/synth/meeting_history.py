"""A person's meetings since the start of job search, following what the rules engine says is due.

Why a simulation and not a table: the demo's pages and the seam guard ask
``rules.process.meetings_due`` what is due given the held meetings, so a history only looks
right if each meeting was booked from that same answer. The loop asks the engine for the earliest
due meeting, books it on time or late, draws the outcome (held, no-show, cancelled with a valid
reason; a missed meeting is rebooked), and repeats until the next booking falls on or after
``today``: that one is the person's single scheduled meeting, 1–20 working days ahead.

Before 2022-05-02 the engine has no rule set; those years get the initial interview and a
conversation about every three months (the rhythm of the TE offices' follow-up interviews),
all held.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from saumaton.rules.calendar import (
    add_months,
    add_working_days,
    next_working_day,
    working_days_between,
)
from saumaton.rules.process import History, meetings_due
from saumaton.rules.rulesets import RULE_SETS
from saumaton.synth import history_text as text
from saumaton.synth.history_records import MeetingRecord
from saumaton.synth.records import PersonRecord
from saumaton.synth.sampling import Categorical

FIRST_RULE_SET = RULE_SETS[0].effective  # 2022-05-02, the Nordic job-search model
# Initial interviews on time: the brief's 60–80 % band (reviews found weeks of delay, S§8); the
# late ones wait up to LATE_INITIAL_MAX_WORKING_DAYS (S§8: 35–46 days on average in some areas).
INITIAL_ON_TIME = 0.70
LATE_INITIAL_MAX_WORKING_DAYS = 35
OTHER_ON_TIME = 0.85  # UNCONFIRMED
LATE_MAX_WORKING_DAYS = 15  # UNCONFIRMED
NO_SHOW = 0.065  # UNCONFIRMED placeholder (5–8 %)
CANCELLED_VALID = 0.03  # UNCONFIRMED placeholder
REBOOK_WORKING_DAYS = (3, 10)
FUTURE_WORKING_DAYS = (1, 20)
EARLY_WINDOW_WORKING_DAYS = 15  # a conversation is booked at most this long before it is due
BOOKED_AHEAD_DAYS = (3, 21)
LEGACY_INTERVAL_MONTHS = 3
OFFICE_OPENS, OFFICE_CLOSES = 8 * 60, 16 * 60  # minutes; casework.meetings checks the same
SLOT_MINUTES = 15
DURATION = {"initial_interview": 60}
DEFAULT_DURATION = 45
CHANNELS = {
    "initial_interview": Categorical({"in_person": 0.6, "phone": 0.25, "video": 0.15}),
    "other": Categorical({"in_person": 0.4, "phone": 0.4, "video": 0.2}),
}  # UNCONFIRMED


@dataclass
class _Booking:
    kind: str
    day: date
    due: date | None
    basis: str


class MeetingSimulator:
    """Simulates one person's meetings; ``missed_before_today`` forces a recent no-show."""

    def __init__(self, person: PersonRecord, today: date, rng: random.Random, place: str):
        self.person, self.today, self.rng, self.place = person, today, rng, place
        self.language = person.language
        self.held: list[tuple[str, date]] = []
        self.meetings: list[MeetingRecord] = []

    def run(self, *, missed_before_today: bool = False) -> tuple[MeetingRecord, ...]:
        start = self.person.job_search_start
        last = start
        if start < FIRST_RULE_SET:
            last = self._legacy(start)
        while True:
            booking = self._next(last)
            if booking.day >= self.today:
                break
            outcome = self._outcome()
            self._add(booking, outcome, booked_from=last)
            if outcome == "held":
                self.held.append((booking.kind, booking.day))
            last = booking.day
        if missed_before_today:
            missed = add_working_days(self.today, -self.rng.randint(2, 5))
            if missed > last:
                self._add(
                    _Booking(booking.kind, missed, booking.due, booking.basis), "no_show", last
                )
                last = missed
        self._add(self._future(booking), "scheduled", booked_from=last)
        return tuple(self.meetings)

    # ---- what is due and when it is booked ---------------------------------------------------

    def _history(self) -> History:
        held = self.held
        return History(
            job_search_start=self.person.job_search_start,
            status=self.person.employment_status,
            initial_interview=next((d for k, d in held if k == "initial_interview"), None),
            job_search_conversations=tuple(d for k, d in held if k == "job_search_conversation"),
            supplementary_conversations=tuple(
                d for k, d in held if k == "supplementary_conversation"
            ),
        )

    def _next(self, last: date) -> _Booking:
        due = meetings_due(self._history(), max(last, FIRST_RULE_SET))
        item = min(due.meetings, key=lambda m: m.due)
        basis = "; ".join(item.basis)
        earliest = add_working_days(last, 1)
        rng = self.rng
        if self.meetings and self.meetings[-1].outcome != "held":
            day = add_working_days(last, rng.randint(*REBOOK_WORKING_DAYS))
        elif item.kind == "initial_interview":
            allowed = working_days_between(self.person.job_search_start, item.due)
            if rng.random() < INITIAL_ON_TIME:
                wait = rng.randint(1, allowed)
            else:
                wait = rng.randint(allowed + 1, max(allowed + 1, LATE_INITIAL_MAX_WORKING_DAYS))
            day = add_working_days(self.person.job_search_start, wait)
        else:
            window = item.window_start or add_working_days(item.due, -EARLY_WINDOW_WORKING_DAYS)
            low = next_working_day(max(earliest, window))
            if low <= item.due and rng.random() < OTHER_ON_TIME:
                day = add_working_days(low, rng.randint(0, working_days_between(low, item.due)))
            else:
                day = add_working_days(item.due, rng.randint(1, LATE_MAX_WORKING_DAYS))
        return _Booking(item.kind, max(day, earliest), item.due, basis)

    def _legacy(self, start: date) -> date:
        """Held meetings before the first rule set: interview, then one every ~3 months.

        The interview is held even if it falls after 2022-05-02: the engine cannot give its
        deadline for a job search that started before its first rule set.
        """
        day = add_working_days(start, self.rng.randint(1, 10))
        kind, last = "initial_interview", start
        while kind == "initial_interview" or (day < FIRST_RULE_SET and day < self.today):
            self._add(_Booking(kind, day, None, ""), "held", booked_from=last)
            self.held.append((kind, day))
            last, kind = day, "job_search_conversation"
            shift = self.rng.randint(-10, 10)
            day = next_working_day(add_working_days(add_months(day, LEGACY_INTERVAL_MONTHS), shift))
        return last

    def _future(self, booking: _Booking) -> _Booking:
        first, last = (add_working_days(self.today, n) for n in FUTURE_WORKING_DAYS)
        day = booking.day
        if not first <= day <= last:
            day = add_working_days(self.today, self.rng.randint(*FUTURE_WORKING_DAYS))
        return _Booking(booking.kind, day, booking.due, booking.basis)

    def _outcome(self) -> str:
        draw = self.rng.random()
        if draw < NO_SHOW:
            return "no_show"
        if draw < NO_SHOW + CANCELLED_VALID:
            return "cancelled_valid"
        return "held"

    # ---- the record ------------------------------------------------------------------------

    def _add(self, booking: _Booking, outcome: str, booked_from: date) -> None:
        rng = self.rng
        duration = DURATION.get(booking.kind, DEFAULT_DURATION)
        slots = (OFFICE_CLOSES - OFFICE_OPENS - duration) // SLOT_MINUTES
        minutes = OFFICE_OPENS + SLOT_MINUTES * rng.randint(0, slots)
        starts_at = datetime.combine(booking.day, time(minutes // 60, minutes % 60))
        channel = CHANNELS.get(booking.kind, CHANNELS["other"]).draw(rng)
        late = booking.due is not None and booking.day > booking.due
        booked_on = max(booked_from, booking.day - timedelta(days=rng.randint(*BOOKED_AHEAD_DAYS)))
        self.meetings.append(
            MeetingRecord(
                key=len(self.meetings),
                kind=booking.kind,
                starts_at=starts_at,
                duration_minutes=duration,
                channel=channel,
                place=self.place if channel == "in_person" else "",
                due_date=booking.due,
                due_basis=booking.basis,
                late_reason=text.pick(rng.choice(text.LATE_REASONS), self.language) if late else "",
                outcome=outcome,
                booked_on=min(booked_on, self.today, booking.day),
            )
        )
