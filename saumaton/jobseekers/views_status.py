"""The status page: staff record a change of employment status or end the job search.

One page per person with two forms; the rules live in ``status_changes`` and a refusal comes
back as an error on the field it names, with nothing written. POST-redirect-GET; the read of
the person's periods is written to the access log like every staff read of a person page.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from saumaton.audit.access import log_reads
from saumaton.core.access import requires
from saumaton.core.display import label_of
from saumaton.organisations.roles import Perm

from . import status_changes
from .forms import ChangeStatusForm, EndJobSearchForm
from .models import Person
from .views_registration import attempt


@requires(Perm.MANAGE_CASEWORK)
def status_page(request, person_id):
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)
    periods = list(person.status_periods.order_by("start"))
    service_label = label_of(status_changes.SERVICE_TYPES)
    for period in periods:
        period.service_label = service_label(period.service_type)
    current = next((p for p in reversed(periods) if p.end is None), None)
    change = ChangeStatusForm(
        prefix="change", initial={"expected_period": current.pk if current else None}
    )
    end = EndJobSearchForm(prefix="end")
    action = request.POST.get("action")
    if action == "change":
        change = ChangeStatusForm(request.POST, prefix="change")
        if change.is_valid() and attempt(
            change,
            lambda: status_changes.change_status(request.user, person, **change.cleaned_data),
        ):
            messages.success(request, _("Employment status changed."))
            return redirect(request.path)
    elif action == "end":
        end = EndJobSearchForm(request.POST, prefix="end")
        if end.is_valid() and attempt(
            end, lambda: status_changes.end_job_search(request.user, person, **end.cleaned_data)
        ):
            messages.success(request, _("Job search ended; its meetings were cancelled."))
            return redirect("jobseekers:detail", person_id=person.pk)
    log_reads(request.user, [person], "jobseekers:status")
    context = {
        "person": person,
        "search": person.customerships.filter(end_date__isnull=True).first(),
        "periods": periods,
        "current": current,
        "change": change,
        "end": end,
    }
    return render(request, "jobseekers/status.html", context)
