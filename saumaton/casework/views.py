"""Casework pages: work queues, meetings, the plan, failures and statements.

Every page finds people through ``visible_to`` (a person outside the user's scope is a 404, the
same as a person who does not exist), logs the reads, and calls the services for every change;
a refused change comes back as a form error naming the field, with nothing written.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from saumaton.audit.access import log_reads
from saumaton.core.access import requires
from saumaton.jobseekers.models import Person
from saumaton.organisations.roles import Perm

from . import assessment, duty, failures, meetings, plans, queues
from .documents import plan_pdf, statement_pdf
from .errors import CaseworkError
from .forms import (
    AcceptPlanForm,
    AssessmentForm,
    BookMeetingForm,
    OutcomeForm,
    PlanForm,
    ReassignForm,
    ValidReasonForm,
)
from .models import DutyPeriod, EmploymentPlan, Failure, Meeting, Statement


def _person(request, person_id):
    return get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)


def _attempt(form, action):
    """Run a service call; a refusal becomes a form error on the field it names."""
    try:
        return action()
    except CaseworkError as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, exc.message)
        return None


def _act_and_return(request, person_id, action, done: str):
    """A one-button action on the person page: run it, say how it went, go back to the page."""
    try:
        action()
        messages.success(request, done)
    except CaseworkError as exc:
        messages.error(request, exc.message)
    return redirect("jobseekers:detail", person_id=person_id)


@requires(Perm.VIEW_WORK_QUEUE)
def work_queue(request):
    today = timezone.localdate()
    queue = queues.coach_queue(request.user, today)
    log_reads(request.user, queue.people, "casework:queue")
    return render(request, "casework/queue.html", {"queue": queue, "today": today})


@requires(Perm.VIEW_WORK_QUEUE)
def calendar(request):
    """The coach's week of meetings; ``?week=2026-W49`` (ISO week) moves between weeks."""
    today = timezone.localdate()
    try:
        monday = datetime.strptime(request.GET.get("week", "") + "-1", "%G-W%V-%u").date()
    except ValueError:
        monday = today - timedelta(days=today.weekday())
    days = queues.coach_week(request.user, monday)
    log_reads(request.user, {m.person for d in days for m in d.meetings}, "casework:calendar")
    context = {
        "days": days,
        "monday": monday,
        "previous": (monday - timedelta(days=7)).strftime("%G-W%V"),
        "next": (monday + timedelta(days=7)).strftime("%G-W%V"),
        "week": monday.strftime("%G-W%V"),
    }
    return render(request, "casework/calendar.html", context)


@requires(Perm.VIEW_UNIT_QUEUE)
def unit_queue(request):
    today = timezone.localdate()
    loads, escalated = queues.unit_load(request.user, today)
    log_reads(request.user, {item.person for item in escalated}, "casework:unit")
    coaches = [load.coach for load in loads]
    return render(
        request,
        "casework/unit.html",
        {"loads": loads, "escalated": escalated, "coaches": coaches, "today": today},
    )


@require_POST
@requires(Perm.REASSIGN_COACH)
def reassign(request):
    form = ReassignForm(request.POST)
    if form.is_valid():
        person = _person(request, form.cleaned_data["person"])
        coach = get_object_or_404(get_user_model(), pk=form.cleaned_data["coach"])
        try:
            queues.reassign(request.user, person, coach)
            messages.success(request, _("Coach changed."))
        except CaseworkError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Choose a person and a coach."))
    return redirect("casework:unit")


@requires(Perm.MANAGE_CASEWORK)
def book_meeting(request, person_id):
    person = _person(request, person_id)
    form = BookMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        starts_at = timezone.make_aware(datetime.combine(data["day"], data["time"]))
        done = _attempt(
            form,
            lambda: meetings.book_meeting(
                request.user,
                person,
                kind=data["kind"],
                starts_at=starts_at,
                channel=data["channel"],
                place=data["place"],
                late_reason=data["late_reason"],
            ),
        )
        if done:
            messages.success(request, _("Meeting booked; the invitation is on its way."))
            return redirect("jobseekers:detail", person_id=person.pk)
    log_reads(request.user, [person], "casework:book_meeting")
    return render(request, "casework/book_meeting.html", {"person": person, "form": form})


@requires(Perm.MANAGE_CASEWORK)
def meeting_outcome(request, meeting_id):
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("person"), pk=meeting_id
    )
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _attempt(
            form,
            lambda: meetings.record_outcome(request.user, meeting, data["outcome"], data["note"]),
        ):
            messages.success(request, _("Outcome recorded."))
            return redirect("jobseekers:detail", person_id=meeting.person_id)
    log_reads(request.user, [meeting.person], "casework:meeting_outcome")
    return render(request, "casework/outcome.html", {"meeting": meeting, "form": form})


def _plan_initial(plan: EmploymentPlan | None) -> dict:
    if plan is None:
        return {"version": 0}
    content = plan.content
    return {
        "version": plan.version,
        "survey": content.get("survey", ""),
        "goals": "\n".join(content.get("goals", [])),
        "actions": "\n".join(
            " | ".join(filter(None, [a.get("text", ""), a.get("start") or "", a.get("end") or ""]))
            for a in content.get("actions", [])
        ),
        "follow_up_method": plan.follow_up_method,
        "follow_up_deadline": plan.follow_up_deadline,
    }


@requires(Perm.MANAGE_CASEWORK)
def edit_plan(request, person_id):
    person = _person(request, person_id)
    plan = EmploymentPlan.objects.filter(person=person).first()
    form = PlanForm(request.POST or None, initial=_plan_initial(plan))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = _attempt(
            form,
            lambda: plans.save_plan(
                request.user,
                person,
                expected_version=data["version"],
                content=form.content(),
                follow_up_method=data["follow_up_method"],
                follow_up_deadline=data["follow_up_deadline"],
                duty_start=data["duty_start"],
            ),
        )
        if saved:
            messages.success(request, _("Plan saved as version %(v)s.") % {"v": saved.version})
            return redirect("jobseekers:detail", person_id=person.pk)
    log_reads(request.user, [person], "casework:plan")
    accept = AcceptPlanForm(initial={"version": plan.version}) if plan else None
    return render(
        request,
        "casework/plan.html",
        {"person": person, "plan": plan, "form": form, "accept": accept},
    )


@require_POST
@requires(Perm.MANAGE_CASEWORK)
def accept_plan(request, person_id):
    person = _person(request, person_id)
    plan = get_object_or_404(EmploymentPlan, person=person)
    form = AcceptPlanForm(request.POST)
    if form.is_valid():
        try:
            plans.accept_plan(
                request.user,
                plan,
                method=form.cleaned_data["method"],
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("Acceptance recorded."))
        except CaseworkError as exc:
            messages.error(request, exc.message)
    return redirect("casework:plan", person_id=person.pk)


@requires(Perm.MANAGE_CASEWORK)
def plan_document(request, person_id):
    person = _person(request, person_id)
    plan = get_object_or_404(EmploymentPlan, person=person)
    log_reads(request.user, [person], "casework:plan_pdf")
    response = HttpResponse(plan_pdf(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="plan-v{plan.version}.pdf"'
    return response


@require_POST
@requires(Perm.MANAGE_CASEWORK)
def evaluate_period(request, period_id):
    period = get_object_or_404(DutyPeriod.objects.visible_to(request.user), pk=period_id)
    return _act_and_return(
        request,
        period.person_id,
        lambda: duty.evaluate(request.user, period, timezone.localdate()),
        _("Review period evaluated."),
    )


@requires(Perm.MANAGE_CASEWORK)
def valid_reason(request, failure_id):
    failure = get_object_or_404(
        Failure.objects.visible_to(request.user).select_related("person"), pk=failure_id
    )
    proposed = {"reason": failure.valid_reason, "account": failure.valid_reason_text}
    form = ValidReasonForm(request.POST or None, initial=proposed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _attempt(
            form,
            lambda: failures.record_valid_reason(
                request.user, failure, data["reason"], data["account"]
            ),
        ):
            messages.success(request, _("Valid reason recorded; the consequence was recalculated."))
            return redirect("jobseekers:detail", person_id=failure.person_id)
    log_reads(request.user, [failure.person], "casework:valid_reason")
    return render(request, "casework/valid_reason.html", {"failure": failure, "form": form})


@require_POST
@requires(Perm.ISSUE_STATEMENT)
def issue_statement(request, statement_id):
    statement = get_object_or_404(Statement.objects.visible_to(request.user), pk=statement_id)
    return _act_and_return(
        request,
        statement.person_id,
        lambda: failures.issue_statement(request.user, statement),
        _("Issued."),
    )


@require_POST
@requires(Perm.ISSUE_STATEMENT)
def forward_statement(request, statement_id):
    statement = get_object_or_404(Statement.objects.visible_to(request.user), pk=statement_id)
    return _act_and_return(
        request,
        statement.person_id,
        lambda: failures.forward_to_keha(request.user, statement),
        _("Forwarded to KEHA."),
    )


@requires(Perm.MANAGE_CASEWORK)
def statement_document(request, statement_id):
    statement = get_object_or_404(
        Statement.objects.visible_to(request.user).select_related("person", "failure"),
        pk=statement_id,
    )
    log_reads(request.user, [statement.person], "casework:statement_pdf")
    response = HttpResponse(statement_pdf(statement), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="statement-{statement.pk}.pdf"'
    return response


@requires(Perm.MANAGE_CASEWORK)
def record_assessment(request, person_id):
    person = _person(request, person_id)
    form = AssessmentForm(request.POST or None, initial={"assessed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = _attempt(
            form, lambda: assessment.record_assessment(request.user, person, **form.cleaned_data)
        )
        if done:
            messages.success(request, _("Assessment recorded."))
            return redirect("jobseekers:detail", person_id=person.pk)
    log_reads(request.user, [person], "casework:assessment")
    previous = person.assessments.first()
    return render(
        request, "casework/assessment.html", {"person": person, "form": form, "previous": previous}
    )
