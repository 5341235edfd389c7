"""Plain records of one jobseeker's pathway: the contract between ``histories`` and the loader.

``saumaton.synth.histories`` produces a ``PersonHistory`` per ``PersonRecord`` without touching a
database; the demo loader turns each record into rows (and timeline events) flagged synthetic.
Times are naive local (Europe/Helsinki) wall-clock times, as a coach would book them; the loader
makes them aware. Keys (``MeetingRecord.key``, ``DutyPeriodRecord.key``) are indexes within the
person's history, so failures can point at the meeting or period they come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class StatusPeriodRecord:
    """An employment-status period (jobseekers.EmploymentStatusPeriod.Status values)."""

    status: str
    start: date
    end: date | None
    service_type: str = ""


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    key: int
    kind: str  # initial_interview | job_search_conversation | supplementary_conversation
    starts_at: datetime  # naive local time
    duration_minutes: int
    channel: str  # in_person | phone | video
    place: str
    due_date: date | None
    due_basis: str
    late_reason: str
    outcome: str  # scheduled | held | no_show | cancelled_valid
    booked_on: date


@dataclass(frozen=True, slots=True)
class AssessmentRecord:
    """The service-need assessment of 380/2023 §37, made at the initial interview."""

    assessed_on: date
    skills_and_goals: str
    work_capacity: str
    job_search_skills: str
    prolonged_unemployment_risk: str  # low | medium | high
    multisectoral_need: bool


@dataclass(frozen=True, slots=True)
class PlanRevisionRecord:
    version: int
    saved_on: date
    content: dict  # {"survey": str, "goals": [str], "actions": [{"title", "start", "end"}]}
    follow_up_method: str
    follow_up_deadline: date
    duty_periods: int
    duty_required: int


@dataclass(frozen=True, slots=True)
class PlanRecord:
    revisions: tuple[PlanRevisionRecord, ...]  # version 1 first; the last one is current
    accepted_at: datetime | None  # of the current version
    acceptance: str  # electronic | signed | "" (not yet accepted)


@dataclass(frozen=True, slots=True)
class ApplicationRecord:
    employer: str
    job_title: str
    applied_on: date
    channel: str  # online | email | phone | in_person | other


@dataclass(frozen=True, slots=True)
class DutyPeriodRecord:
    key: int
    start: date
    end: date
    required: int
    basis: str
    evaluation: str  # open | fulfilled | not_fulfilled
    evaluated_on: date | None
    evaluation_basis: str
    counted: int | None
    applications: tuple[ApplicationRecord, ...]


@dataclass(frozen=True, slots=True)
class StatementRecord:
    kind: str  # reminder | statement
    issuer: str  # employment_authority | keha
    deadline: date | None
    state: str  # draft | issued | delivered
    issued_on: date | None


@dataclass(frozen=True, slots=True)
class FailureRecord:
    kind: str  # missed_meeting | job_search_duty
    date: date
    recorded_on: date  # the meeting day, or the day the period was evaluated
    meeting_key: int | None
    period_key: int | None
    valid_reason: str
    valid_reason_text: str
    state: str  # open | decided | excused
    consequence: dict  # the rules engine's answer, JSON-ready (as casework.failures stores it)
    statement: StatementRecord | None


@dataclass(frozen=True, slots=True)
class EducationRecord:
    level: str  # jobseekers.Education.Level values
    field: str
    degree: str
    completed_year: int


@dataclass(frozen=True, slots=True)
class WorkRecord:
    occupation_isco: str
    employer: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ProfileRecord:
    educations: tuple[EducationRecord, ...]
    work: tuple[WorkRecord, ...]
    skills: tuple[str, ...]  # ESCO skill ids
    languages: tuple[tuple[str, str], ...]  # (ISO 639-1, CEFR level or "native")
    licences: tuple[tuple[str, date | None], ...]  # (kind, valid until)
    limitations: tuple[tuple[str, str], ...]  # (code, source)
    preferred_occupations: tuple[str, ...]  # ISCO-08 unit groups
    preferred_municipalities: tuple[str, ...]
    max_commute_km: int
    accepts_remote: bool
    work_time: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonHistory:
    person_key: int
    status_periods: tuple[StatusPeriodRecord, ...]
    meetings: tuple[MeetingRecord, ...]  # in time order; exactly one is scheduled (the last)
    assessment: AssessmentRecord | None
    plan: PlanRecord | None
    duty_periods: tuple[DutyPeriodRecord, ...]
    failures: tuple[FailureRecord, ...]  # in date order
    profile: ProfileRecord
