"""The coach's side of assigned vacancies: assign from the suggestions, settle the outcome."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from saumaton.audit.access import log_reads
from saumaton.casework.errors import CaseworkError
from saumaton.casework.views import _attempt
from saumaton.core.access import requires
from saumaton.jobseekers.models import Person
from saumaton.organisations.roles import Perm

from . import assignments
from .forms import AssignForm, OutcomeForm
from .models import AssignedVacancy, Vacancy
from .suggestions import vacancies_for_person

SUGGESTIONS_ON_ASSIGN_PAGE = 15


@requires(Perm.MANAGE_CASEWORK)
def assign(request, person_id):
    """Suggested vacancies for the person, each with a deadline to assign it with."""
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)
    log_reads(request.user, [person], "employers:assign")
    form = AssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vacancy = get_object_or_404(
            Vacancy.objects.visible_to(request.user), pk=form.cleaned_data["vacancy"]
        )
        done = _attempt(
            form,
            lambda: assignments.assign(
                request.user,
                person,
                vacancy,
                deadline=form.cleaned_data["deadline"],
                today=timezone.localdate(),
            ),
        )
        if done:
            messages.success(request, _("Vacancy assigned."))
            return redirect("jobseekers:detail", person_id=person.pk)
    suggestions = vacancies_for_person(person, get_language(), SUGGESTIONS_ON_ASSIGN_PAGE)
    return render(
        request,
        "employers/assign.html",
        {"person": person, "suggestions": suggestions, "form": form},
    )


def _assignment(request, assignment_id):
    return get_object_or_404(
        AssignedVacancy.objects.visible_to(request.user).select_related("vacancy", "person"),
        pk=assignment_id,
    )


@require_POST
@requires(Perm.MANAGE_CASEWORK)
def not_applied(request, assignment_id):
    assignment = _assignment(request, assignment_id)
    try:
        assignments.record_not_applied(request.user, assignment, timezone.localdate())
        messages.success(request, _("Failure recorded."))
    except CaseworkError as exc:
        messages.error(request, exc.message)
    return redirect("jobseekers:detail", person_id=assignment.person_id)


@requires(Perm.MANAGE_CASEWORK)
def outcome(request, assignment_id):
    assignment = _assignment(request, assignment_id)
    log_reads(request.user, [assignment.person], "employers:outcome")
    form = OutcomeForm(
        request.POST or None,
        initial={"version": assignment.version, "on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _attempt(
            form,
            lambda: assignments.record_outcome(
                request.user,
                assignment,
                hired=data["hired"],
                on=data["on"],
                expected_version=data["version"],
            ),
        ):
            messages.success(request, _("Outcome recorded."))
            return redirect("jobseekers:detail", person_id=assignment.person_id)
    return render(request, "employers/outcome.html", {"assignment": assignment, "form": form})
