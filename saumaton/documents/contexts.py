"""What the casework hands to the document templates: plain dataclasses, no models.

Why plain data: a PDF is a snapshot of a decision as it was made (a plan version, a statement
draft). Filling a dataclass at that moment fixes what the document says, keeps the templates free
of queries and lets the templates be tested without a database. Render with::

    render_pdf(PlanDocument.template_name, {"document": plan}, language)
    render_pdf(StatementDocument.template_name, {"document": statement}, language)

Schema (dates are ``datetime.date``, times ``datetime.datetime``; text fields are plain strings
or lazy translations, e.g. a ``TextChoices`` label, which render in the document's language):

``PlanDocument`` — the employment plan (*työllistymissuunnitelma*, 380/2023 §§35–38):
    person_name, identity_code ("" if the person has none), plan_date, version (1, 2, …),
    survey (the survey part, free text), goals (list of str), actions (list of ``PlanAction``:
    description, service, start, end or None), duty (``JobSearchDuty``: period_months,
    applications_required; None when the plan sets no job-search duty), follow_up_method,
    follow_up_deadline, acceptance (``Acceptance``: method, accepted_at; None while unaccepted),
    legal_basis (default "380/2023 §§35–38").

``StatementDocument`` — a written reminder (*muistutus*) or a labour-policy statement
(*työvoimapoliittinen lausunto*), as drafted for the issuer:
    kind ("reminder" or "statement"), draft (True until issued), person_name, identity_code,
    failure_kind (label), failure_date, consequence (label), days (benefit-loss days or None),
    work_requirement_weeks (or None), issuer (organisation), statement_deadline, basis (list of
    str: acts and sections), valid_reason_considered (the person's stated reason and how it was
    assessed; "" when none was given).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar, Literal


@dataclass(frozen=True)
class PlanAction:
    description: str
    service: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class JobSearchDuty:
    period_months: int
    applications_required: int


@dataclass(frozen=True)
class Acceptance:
    method: str  # e.g. "electronic" or "signed", as a label
    accepted_at: datetime


@dataclass(frozen=True)
class PlanDocument:
    template_name: ClassVar[str] = "documents/employment_plan.html"

    person_name: str
    identity_code: str
    plan_date: date
    version: int
    survey: str
    goals: list[str]
    actions: list[PlanAction]
    duty: JobSearchDuty | None
    follow_up_method: str
    follow_up_deadline: date
    acceptance: Acceptance | None = None
    legal_basis: str = "380/2023 §§35–38"


@dataclass(frozen=True)
class StatementDocument:
    template_name: ClassVar[str] = "documents/labour_policy_statement.html"

    kind: Literal["reminder", "statement"]
    person_name: str
    identity_code: str
    failure_kind: str
    failure_date: date
    consequence: str
    issuer: str
    statement_deadline: date
    basis: list[str] = field(default_factory=list)
    days: int | None = None
    work_requirement_weeks: int | None = None
    valid_reason_considered: str = ""
    draft: bool = True
