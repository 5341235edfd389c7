"""PDFs of a plan version and of a statement draft, in the person's language."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from saumaton.documents.contexts import (
    Acceptance,
    JobSearchDuty,
    PlanAction,
    PlanDocument,
    StatementDocument,
)
from saumaton.documents.render import render_pdf

from .models import EmploymentPlan, Failure, Statement


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def plan_pdf(plan: EmploymentPlan) -> bytes:
    person = plan.person
    content = plan.content
    document = PlanDocument(
        person_name=str(person),
        identity_code=person.hetu or "",
        plan_date=timezone.localtime(plan.updated_at).date(),
        version=plan.version,
        survey=content.get("survey", ""),
        goals=list(content.get("goals", [])),
        actions=[
            PlanAction(
                a.get("text", ""), a.get("service", ""), _date(a.get("start")), _date(a.get("end"))
            )
            for a in content.get("actions", [])
        ],
        duty=JobSearchDuty(1, plan.duty_required) if plan.duty_periods else None,
        follow_up_method=plan.follow_up_method,
        follow_up_deadline=plan.follow_up_deadline,
        acceptance=Acceptance(plan.get_acceptance_display(), plan.accepted_at)
        if plan.accepted_at
        else None,
    )
    return render_pdf(PlanDocument.template_name, {"document": document}, person.language)


def statement_pdf(statement: Statement) -> bytes:
    failure = statement.failure
    person = statement.person
    consequence = failure.consequence
    document = StatementDocument(
        kind=statement.kind,
        person_name=str(person),
        identity_code=person.hetu or "",
        failure_kind=str(Failure.Kind(failure.kind).label),
        failure_date=failure.date,
        consequence=consequence.get("consequence", ""),
        issuer=str(statement.issuer_organisation or statement.issuer),
        statement_deadline=_date(consequence.get("statement_deadline")) or failure.date,
        basis=list(consequence.get("basis", [])),
        days=consequence.get("days"),
        work_requirement_weeks=consequence.get("work_requirement_weeks"),
        valid_reason_considered=failure.valid_reason_text,
        draft=statement.state == Statement.State.DRAFT,
    )
    return render_pdf(StatementDocument.template_name, {"document": document}, person.language)
