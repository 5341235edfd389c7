"""Write synthetic pathway histories (``saumaton.synth.histories``) for a batch of people.

Each record becomes its casework or profile row, flagged synthetic where the model can say so,
and the matching ``audit.Event`` rows with the legal basis the casework services would cite, so
the timeline, the work queues and the seam guard read the demo as they read real work. Rows go
in through ``RowWriter`` (a few hundred thousand per ``small`` area); failures and statements
use ``bulk_create`` because their events need the new primary keys.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache

from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.casework.models import (
    ApplicationReport,
    DutyPeriod,
    EmploymentPlan,
    Failure,
    Meeting,
    PlanRevision,
    ServiceNeedAssessment,
    Statement,
)
from saumaton.casework.plans import PLAN_BASIS
from saumaton.jobseekers.models import (
    Education,
    EmploymentStatusPeriod,
    LanguageSkill,
    Licence,
    PersonSkill,
    Preferences,
    WorkAbilityLimitation,
    WorkExperience,
)
from saumaton.synth.history_records import PersonHistory

from .rows import RowWriter

T = Event.Type
BOOKING_BASIS = "380/2023 §32(1)(4)"  # as casework.meetings cites when nothing is due
ASSESSMENT_BASIS = "380/2023 §37"
ACCEPTANCE_BASIS = "VNA 385/2024 §2"
APPLICATION_BASIS = "380/2023 §39; VNA 385/2024 §4"
OUTCOME_EVENTS = {
    "held": T.MEETING_HELD,
    "no_show": T.MEETING_MISSED,
    "cancelled_valid": T.MEETING_CANCELLED,
}
WORKDAY_EVENING = time(18, 0)


@dataclass(frozen=True)
class Owner:
    """Who a history belongs to and who acted on it."""

    person_id: uuid.UUID
    customership_id: uuid.UUID
    authority_id: int
    coach_id: int
    officer_id: int | None  # a statement officer of the area
    reporter_id: int  # who reported applications: the coach, or the person's own login


_local_zone = cache(timezone.get_default_timezone)


def _at(day: date, clock: time = time(10, 0)) -> datetime:
    """An aware local time (zoneinfo, so attaching the zone is exact and cheap)."""
    return datetime.combine(day, clock, tzinfo=_local_zone())


class PathwayWriter:
    def __init__(self):
        self.now = timezone.now()
        self.events = RowWriter(
            Event,
            [
                "occurred_at",
                "recorded_at",
                "actor",
                "organisation",
                "person",
                "type",
                "legal_basis",
                "payload",
            ],
        )
        self.meetings = RowWriter(
            Meeting,
            [
                "id", "person", "customership", "kind", "starts_at", "duration_minutes", "channel",
                "place", "coach", "due_date", "due_basis", "late_reason", "outcome",
                "outcome_note", "is_synthetic",
            ],
        )  # fmt: skip
        self.assessments = RowWriter(
            ServiceNeedAssessment,
            [
                "person", "assessed_on", "assessed_by", "skills_and_goals", "work_capacity",
                "job_search_skills", "prolonged_unemployment_risk", "multisectoral_need",
            ],
        )  # fmt: skip
        self.plans = RowWriter(
            EmploymentPlan,
            [
                "id", "person", "version", "content", "duty_periods", "duty_required",
                "follow_up_method", "follow_up_deadline", "accepted_at", "acceptance",
                "updated_at", "updated_by",
            ],
        )  # fmt: skip
        self.revisions = RowWriter(
            PlanRevision, ["plan", "version", "snapshot", "saved_at", "saved_by"]
        )
        self.periods = RowWriter(
            DutyPeriod,
            [
                "person", "start", "end", "required", "basis", "evaluation", "evaluated_at",
                "counted", "is_synthetic",
            ],
        )  # fmt: skip
        self.applications = RowWriter(
            ApplicationReport,
            [
                "person", "period", "employer", "job_title", "applied_on", "channel",
                "reported_by", "reported_at", "is_synthetic",
            ],
        )  # fmt: skip
        self.status = RowWriter(
            EmploymentStatusPeriod,
            ["person", "status", "service_type", "start", "end", "is_synthetic"],
        )
        self.educations = RowWriter(
            Education, ["person", "level", "field", "degree", "completed_year"]
        )
        self.work = RowWriter(
            WorkExperience, ["person", "occupation", "employer_name", "start", "end"]
        )
        self.skills = RowWriter(PersonSkill, ["person", "skill"])
        self.languages = RowWriter(LanguageSkill, ["person", "language", "level"])
        self.licences = RowWriter(Licence, ["person", "kind", "valid_until"])
        self.limitations = RowWriter(WorkAbilityLimitation, ["person", "code", "source"])
        self.preferences = RowWriter(
            Preferences, ["person", "max_commute_km", "accepts_remote", "work_time"]
        )
        self.preferred_occupations = RowWriter(
            Preferences.occupations.through, ["preferences", "iscogroup"]
        )
        self.preferred_municipalities = RowWriter(
            Preferences.municipalities.through, ["preferences", "municipality"]
        )

    def write(self, batch: Sequence[tuple[Owner, PersonHistory]]) -> None:
        events: list[tuple] = []
        meeting_ids: dict[tuple, uuid.UUID] = {}
        self._meetings(batch, events, meeting_ids)
        self._status_and_profile(batch)
        self._plans(batch, events)
        period_ids = self._periods(batch, events)
        self._failures(batch, events, meeting_ids, period_ids)
        self.events.insert(events)

    def _event(
        self, owner: Owner, when, type_, basis: str, payload: dict, actor: int | None = None
    ):
        """An event row; the actor is the coach unless another one is named."""
        actor_id = owner.coach_id if actor is None else actor
        payload["synthetic"] = True
        return (
            when,
            self.now,
            actor_id,
            owner.authority_id,
            owner.person_id,
            type_,
            basis,
            payload,
        )

    def _meetings(self, batch, events, meeting_ids) -> None:
        rows = []
        for owner, history in batch:
            for m in history.meetings:
                pk = uuid.uuid4()
                meeting_ids[(owner.person_id, m.key)] = pk
                starts_at = m.starts_at.replace(tzinfo=_local_zone())
                rows.append(
                    (
                        pk, owner.person_id, owner.customership_id, m.kind, starts_at,
                        m.duration_minutes, m.channel, m.place, owner.coach_id, m.due_date,
                        m.due_basis, m.late_reason, m.outcome, "", True,
                    )
                )  # fmt: skip
                basis = m.due_basis or BOOKING_BASIS
                due = m.due_date.isoformat() if m.due_date else None
                booked = {"meeting": str(pk), "kind": m.kind, "due": due}
                events.append(self._event(owner, _at(m.booked_on), T.MEETING_BOOKED, basis, booked))
                if m.outcome in OUTCOME_EVENTS:
                    outcome = {"meeting": str(pk), "kind": m.kind, "outcome": m.outcome}
                    ended = starts_at + timezone.timedelta(minutes=m.duration_minutes)
                    events.append(
                        self._event(owner, ended, OUTCOME_EVENTS[m.outcome], basis, outcome)
                    )
        self.meetings.insert(rows)

    def _status_and_profile(self, batch) -> None:
        status, educations, work, skills, languages, licences, limitations = ([] for _ in range(7))
        preferences = []
        for owner, h in batch:
            pid, p = owner.person_id, h.profile
            status += [
                (pid, s.status, s.service_type, s.start, s.end, True) for s in h.status_periods
            ]
            educations += [
                (pid, e.level, e.field, e.degree, e.completed_year) for e in p.educations
            ]
            work += [(pid, w.occupation_isco, w.employer, w.start, w.end) for w in p.work]
            skills += [(pid, skill) for skill in p.skills]
            languages += [(pid, language, level) for language, level in p.languages]
            licences += [(pid, kind, until) for kind, until in p.licences]
            limitations += [(pid, code, source) for code, source in p.limitations]
            preferences.append((pid, p.max_commute_km, p.accepts_remote, list(p.work_time)))
        for writer, rows in (
            (self.status, status),
            (self.educations, educations),
            (self.work, work),
            (self.skills, skills),
            (self.languages, languages),
            (self.licences, licences),
            (self.limitations, limitations),
            (self.preferences, preferences),
        ):
            writer.insert(rows)
        ids = dict(
            Preferences.objects.filter(person_id__in=[o.person_id for o, _ in batch]).values_list(
                "person_id", "pk"
            )
        )
        self.preferred_occupations.insert(
            (ids[o.person_id], code) for o, h in batch for code in h.profile.preferred_occupations
        )
        self.preferred_municipalities.insert(
            (ids[o.person_id], code)
            for o, h in batch
            for code in h.profile.preferred_municipalities
        )

    def _plans(self, batch, events) -> None:
        assessments, plans, revisions = [], [], []
        for owner, h in batch:
            if h.assessment is not None:
                a = h.assessment
                assessments.append(
                    (
                        owner.person_id, a.assessed_on, owner.coach_id, a.skills_and_goals,
                        a.work_capacity, a.job_search_skills, a.prolonged_unemployment_risk,
                        a.multisectoral_need,
                    )
                )  # fmt: skip
                events.append(
                    self._event(
                        owner, _at(a.assessed_on, WORKDAY_EVENING), T.ASSESSMENT_RECORDED,
                        ASSESSMENT_BASIS, {"multisectoral_need": a.multisectoral_need},
                    )
                )  # fmt: skip
            if h.plan is None:
                continue
            plan_id = uuid.uuid4()
            for r in h.plan.revisions:
                snapshot = {
                    "content": r.content,
                    "duty_periods": r.duty_periods,
                    "duty_required": r.duty_required,
                    "follow_up_method": r.follow_up_method,
                    "follow_up_deadline": r.follow_up_deadline.isoformat(),
                }
                saved_at = _at(r.saved_on, WORKDAY_EVENING)
                revisions.append((plan_id, r.version, snapshot, saved_at, owner.coach_id))
                events.append(
                    self._event(
                        owner, saved_at, T.PLAN_SAVED, PLAN_BASIS, {"plan_version": r.version}
                    )
                )
            current = h.plan.revisions[-1]
            accepted = h.plan.accepted_at
            accepted_at = _at(accepted.date(), accepted.time()) if accepted else None
            plans.append(
                (
                    plan_id, owner.person_id, current.version, current.content,
                    current.duty_periods, current.duty_required, current.follow_up_method,
                    current.follow_up_deadline, accepted_at, h.plan.acceptance,
                    _at(current.saved_on, WORKDAY_EVENING), owner.coach_id,
                )
            )  # fmt: skip
            if accepted_at is not None:
                payload = {"plan_version": current.version, "method": h.plan.acceptance}
                events.append(
                    self._event(owner, accepted_at, T.PLAN_ACCEPTED, ACCEPTANCE_BASIS, payload)
                )
        self.assessments.insert(assessments)
        self.plans.insert(plans)
        self.revisions.insert(revisions)

    def _periods(self, batch, events) -> dict[tuple, int]:
        self.periods.insert(
            (
                owner.person_id, p.start, p.end, p.required, p.basis, p.evaluation,
                _at(p.evaluated_on) if p.evaluated_on else None, p.counted, True,
            )
            for owner, h in batch
            for p in h.duty_periods
        )  # fmt: skip
        # Periods never overlap, so (person, start) finds each new row's primary key.
        ids = {
            (person_id, start): pk
            for pk, person_id, start in DutyPeriod.objects.filter(
                person_id__in=[o.person_id for o, _ in batch]
            ).values_list("pk", "person_id", "start")
        }
        by_key = {}
        applications = []
        for owner, h in batch:
            for p in h.duty_periods:
                pk = by_key[(owner.person_id, p.key)] = ids[(owner.person_id, p.start)]
                for a in p.applications:
                    reported_at = _at(a.applied_on, WORKDAY_EVENING)
                    applications.append(
                        (
                            owner.person_id, pk, a.employer, a.job_title, a.applied_on,
                            a.channel, owner.reporter_id, reported_at, True,
                        )
                    )  # fmt: skip
                    payload = {"period": pk, "applied_on": a.applied_on.isoformat()}
                    events.append(
                        self._event(
                            owner, reported_at, T.APPLICATION_REPORTED, APPLICATION_BASIS,
                            payload, actor=owner.reporter_id,
                        )
                    )  # fmt: skip
                if p.evaluated_on is not None:
                    payload = {"period": pk, "counted": p.counted, "required": p.required}
                    events.append(
                        self._event(
                            owner, _at(p.evaluated_on), T.DUTY_EVALUATED, p.evaluation_basis,
                            payload,
                        )
                    )  # fmt: skip
        self.applications.insert(applications)
        return by_key

    def _failures(self, batch, events, meeting_ids, period_ids) -> None:
        failures, owners = [], []
        for owner, h in batch:
            for f in h.failures:
                failures.append(
                    Failure(
                        person_id=owner.person_id,
                        kind=f.kind,
                        date=f.date,
                        meeting_id=meeting_ids.get((owner.person_id, f.meeting_key)),
                        duty_period_id=period_ids.get((owner.person_id, f.period_key)),
                        valid_reason=f.valid_reason,
                        valid_reason_text=f.valid_reason_text,
                        state=f.state,
                        consequence=f.consequence,
                        recorded_by_id=owner.coach_id,
                        is_synthetic=True,
                    )
                )
                owners.append((owner, f))
        Failure.objects.bulk_create(failures)
        statements = []
        for failure, (owner, f) in zip(failures, owners, strict=True):
            basis = "; ".join(f.consequence["basis"])
            payload = {
                "failure": failure.pk,
                "kind": f.kind,
                "consequence": f.consequence["consequence"],
            }
            events.append(
                self._event(
                    owner, _at(f.recorded_on, WORKDAY_EVENING), T.FAILURE_RECORDED, basis, payload
                )
            )
            if f.valid_reason:
                payload = {"failure": failure.pk, "reason": f.valid_reason}
                events.append(
                    self._event(
                        owner, _at(f.recorded_on, WORKDAY_EVENING), T.VALID_REASON_RECORDED,
                        basis, payload,
                    )
                )  # fmt: skip
            if f.statement is not None:
                s = f.statement
                by_authority = s.issuer == "employment_authority"
                statements.append(
                    Statement(
                        failure=failure,
                        person_id=owner.person_id,
                        kind=s.kind,
                        issuer=s.issuer,
                        issuer_organisation_id=owner.authority_id if by_authority else None,
                        deadline=s.deadline,
                        state=s.state,
                        issued_at=_at(s.issued_on) if s.issued_on else None,
                        issued_by_id=owner.officer_id if by_authority and s.issued_on else None,
                    )
                )
        Statement.objects.bulk_create(statements)
        owner_of = {owner.person_id: owner for owner, _ in batch}
        for statement in statements:
            if statement.issued_at is None:
                continue
            owner = owner_of[statement.person_id]
            basis = "; ".join(statement.failure.consequence["basis"])
            issued = [T.STATEMENT_ISSUED]
            if statement.state == Statement.State.DELIVERED:
                issued.append(T.STATEMENT_DELIVERED)
            for type_ in issued:
                # KEHA's statements have no actor in this area: the event names none.
                payload = {"statement": statement.pk, "kind": statement.kind}
                event = self._event(owner, statement.issued_at, type_, basis, payload)
                events.append((*event[:2], statement.issued_by_id, *event[3:]))
