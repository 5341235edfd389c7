"""Profile pages: staff edit a visible person's profile, a jobseeker edits their own.

Each section is a list with a small add form and a remove button per entry (plain forms, no
JavaScript); skills are found with a server-side search over ESCO labels. Staff reads are
written to the access log; the services write the ``person_updated`` events.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from saumaton.audit.access import log_reads
from saumaton.core.access import requires
from saumaton.organisations.roles import Perm
from saumaton.reference.models import EscoSkill

from . import profile
from .errors import JobseekerError
from .forms import ADD_FORMS, PreferencesForm, SkillSearchForm
from .models import Person, Preferences
from .views_registration import attempt

SKILL_RESULTS = 20


def _visible(request, person_id):
    return get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)


def _own(request):
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404
    return person


@requires(Perm.MANAGE_CASEWORK)
def profile_edit(request, person_id):
    return _profile_page(request, _visible(request, person_id), staff=True)


@requires(Perm.RUN_OWN_PATHWAY)
def my_profile(request):
    return _profile_page(request, _own(request), staff=False)


@requires(Perm.MANAGE_CASEWORK)
def preferences_edit(request, person_id):
    return _preferences_page(request, _visible(request, person_id), staff=True)


@requires(Perm.RUN_OWN_PATHWAY)
def my_preferences(request):
    return _preferences_page(request, _own(request), staff=False)


def _profile_page(request, person, *, staff: bool):
    bound = None
    if request.method == "POST":
        key = request.POST.get("section", "")
        if request.POST.get("action") == "remove":
            try:
                entry = int(request.POST.get("entry", ""))
                profile.remove_entry(request.user, person, key, entry, staff=staff)
                messages.success(request, _("Removed."))
            except (ValueError, JobseekerError) as exc:
                messages.error(request, getattr(exc, "message", _("Choose an entry to remove.")))
            return redirect(request.path)
        if key not in {s.key for s in profile.sections_for(staff=staff)}:
            raise Http404
        bound = ADD_FORMS[key](request.POST, prefix=key)
        if bound.is_valid() and attempt(
            bound,
            lambda: profile.add_entry(request.user, person, key, bound.cleaned_data, staff=staff),
        ):
            messages.success(request, _("Added."))
            return redirect(request.path)
    search = SkillSearchForm(request.GET or None)
    sections = [
        {
            "section": s,
            "entries": [
                (row.pk, profile.describe(s.key, row)) for row in profile.entries(person, s)
            ],
            "form": bound
            if bound is not None and bound.prefix == s.key
            else ADD_FORMS[s.key](prefix=s.key),
        }
        for s in profile.sections_for(staff=staff)
    ]
    if staff:
        log_reads(request.user, [person], "jobseekers:profile")
    context = {
        "person": person,
        "staff": staff,
        "sections": sections,
        "search": search,
        "skills": _skills(search),
    }
    return render(request, "jobseekers/profile_edit.html", context)


def _skills(search: SkillSearchForm) -> list:
    if not search.is_valid():
        return []
    q = search.cleaned_data["q"]
    found = EscoSkill.objects.filter(
        Q(preferred_label_en__icontains=q) | Q(alt_labels_en__icontains=q)
    )
    return list(found.order_by("preferred_label_en")[:SKILL_RESULTS])


def _preferences_page(request, person, *, staff: bool):
    instance = Preferences.objects.filter(person=person).first() or Preferences(person=person)
    form = PreferencesForm(request.POST or None, instance=instance)
    back = "jobseekers:profile" if staff else "jobseekers:my_profile"
    back_kwargs = {"person_id": person.pk} if staff else {}
    if request.method == "POST" and form.is_valid():
        profile.save_preferences(request.user, person, form)
        messages.success(request, _("Preferences saved."))
        return redirect(back, **back_kwargs)
    if staff:
        log_reads(request.user, [person], "jobseekers:preferences")
    context = {"person": person, "form": form, "staff": staff}
    return render(request, "jobseekers/preferences.html", context)
