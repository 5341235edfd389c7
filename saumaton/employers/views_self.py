"""The jobseeker's side: jobs suggested for me, my assigned vacancies, my published profile.

Reading oneself is not a staff read and is not logged (as ``jobseekers.views.me``).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from saumaton.casework.views import _attempt
from saumaton.core.access import requires
from saumaton.jobseekers.models import Person
from saumaton.organisations.roles import Perm

from . import assignments
from .forms import AppliedForm, PublicationForm
from .models import AssignedVacancy, ProfilePublication
from .suggestions import vacancies_for_person

SUGGESTIONS_FOR_ME = 10


def _me(request) -> Person:
    person = Person.objects.filter(user=request.user).prefetch_related("customerships").first()
    if person is None:
        raise Http404
    return person


@requires(Perm.RUN_OWN_PATHWAY)
def my_jobs(request):
    person = _me(request)
    context = {
        "person": person,
        "suggestions": vacancies_for_person(person, get_language(), SUGGESTIONS_FOR_ME),
        "assigned": AssignedVacancy.objects.filter(person=person).select_related(
            "vacancy__employer"
        ),
        "publication": ProfilePublication.objects.filter(person=person).first(),
    }
    return render(request, "employers/my_jobs.html", context)


@requires(Perm.RUN_OWN_PATHWAY)
def my_applied(request, assignment_id):
    """I applied for an assigned vacancy: the report counts toward my job-search duty."""
    person = _me(request)
    assignment = get_object_or_404(
        AssignedVacancy.objects.select_related("vacancy__employer"),
        pk=assignment_id,
        person=person,
    )
    form = AppliedForm(request.POST or None, initial={"applied_on": timezone.localdate()})
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: assignments.report_applied(request.user, assignment, **form.cleaned_data),
        )
    ):
        messages.success(request, _("Application reported."))
        return redirect("employers:my_jobs")
    return render(request, "employers/my_applied.html", {"assignment": assignment, "form": form})


@requires(Perm.RUN_OWN_PATHWAY)
def my_publication(request):
    """Publish or withdraw my profile for employers (380/2023 §118: disclosure by consent)."""
    person = _me(request)
    publication = ProfilePublication.objects.filter(person=person).first()
    form = PublicationForm(
        request.POST or None,
        initial={
            "published": bool(publication and publication.is_published),
            "shares_identity": bool(publication and publication.shares_identity),
        },
    )
    if request.method == "POST" and form.is_valid():
        published = form.cleaned_data["published"]
        publication = publication or ProfilePublication(person=person)
        if published and not publication.is_published:
            publication.published_at = timezone.now()
        elif not published:
            publication.published_at = None
        publication.shares_identity = published and form.cleaned_data["shares_identity"]
        publication.save()
        messages.success(request, _("Your choice is saved."))
        return redirect("employers:my_jobs")
    return render(request, "employers/my_publication.html", {"form": form})
