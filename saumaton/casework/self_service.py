"""The jobseeker's own side: report applications, and give a valid reason for a missed meeting."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from saumaton.core.access import requires
from saumaton.jobseekers.models import Person
from saumaton.organisations.roles import Perm

from . import duty, failures
from .forms import ApplicationForm, ValidReasonForm
from .models import Failure
from .views import _attempt


def _me(request) -> Person:
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404
    return person


@requires(Perm.RUN_OWN_PATHWAY)
def report_application(request):
    person = _me(request)
    form = ApplicationForm(request.POST or None)
    reported = (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form, lambda: duty.report_application(request.user, person, **form.cleaned_data)
        )
    )
    if reported:
        messages.success(request, _("Application reported."))
        return redirect("jobseekers:me")
    return render(request, "casework/my_application.html", {"form": form, "person": person})


@requires(Perm.RUN_OWN_PATHWAY)
def my_valid_reason(request, failure_id):
    person = _me(request)
    failure = get_object_or_404(Failure, pk=failure_id, person=person)
    form = ValidReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _attempt(
            form,
            lambda: failures.record_account(request.user, failure, data["reason"], data["account"]),
        ):
            messages.success(request, _("Thank you. Your coach will assess your reason."))
            return redirect("jobseekers:me")
    return render(
        request,
        "casework/valid_reason.html",
        {"failure": failure, "form": form, "self_service": True},
    )
