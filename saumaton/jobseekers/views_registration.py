"""Registration pages: a coach registers a person, or a person starts their own job search.

Self-service takes the identity code from strong identification (``accounts.identity``), never
from a form field or a URL; the demo offers a clearly labelled test identification instead.
A work account (any membership) cannot register itself: staff use their personal
identification for their own affairs (380/2023 §124, user rights follow the task).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.accounts import identity
from saumaton.audit.access import log_reads
from saumaton.audit.personal_data import Category, mask
from saumaton.core.access import authenticated, requires
from saumaton.organisations.models import Organisation
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm

from . import duplicates, registration
from .errors import JobseekerError
from .forms import DemoIdentificationForm, SelfRegistrationForm, StaffRegistrationForm
from .models import Person

DUPLICATE_FIELDS = ("confirm_new", "existing")


def attempt(form, action):
    """Run a service call; a refusal becomes a form error on the field it names."""
    try:
        return action()
    except JobseekerError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return None


def _registration(data, **overrides) -> registration.Registration:
    fields = registration.Registration.__dataclass_fields__
    return registration.Registration(**{k: data.get(k) for k in fields if k in data}, **overrides)


@requires(Perm.MANAGE_CASEWORK)
def register(request):
    organisation = (
        Organisation.objects.filter(
            pk__in=organisation_ids_with(request.user, Perm.MANAGE_CASEWORK),
            kind=Organisation.Kind.EMPLOYMENT_AUTHORITY,
        )
        .order_by("pk")
        .first()
    )
    if organisation is None:
        raise PermissionDenied
    form = StaffRegistrationForm(
        request.POST or None,
        coaches=registration.coaches_of(organisation),
        initial={"coach": request.user.pk, "start_date": timezone.localdate()},
    )
    candidates = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = Person.objects.filter(pk=data["existing"]).first() if data["existing"] else None
        done = attempt(
            form,
            lambda: registration.register_by_staff(
                request.user,
                organisation,
                _registration(data),
                coach=data["coach"],
                existing=existing,
                confirmed_new=data["confirm_new"],
            ),
        )
        if done:
            messages.success(request, _("Job search started."))
            return redirect("jobseekers:detail", person_id=done.person_id)
        if any(f in form.errors for f in DUPLICATE_FIELDS):
            candidates = _candidates(data)
            log_reads(request.user, candidates, "jobseekers:register")
    context = {"form": form, "organisation": organisation, "candidates": candidates}
    return render(request, "jobseekers/register.html", context)


def _candidates(data) -> list[Person]:
    birth = data["birth_date"]
    if data["hetu"]:
        birth = registration.birth_date_of(_registration(data))
    return duplicates.candidates_for(
        hetu=data["hetu"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        birth_date=birth,
        email=data["email"],
        phone=data["phone"],
    )


def _self_service_gate(request):
    """Only a login without a person record and without any work membership may start."""
    if Person.objects.filter(user=request.user).exists():
        return redirect("jobseekers:me")
    if request.user.memberships.filter(active=True).exists():
        raise PermissionDenied
    return None


@authenticated
def start(request):
    if response := _self_service_gate(request):
        return response
    hetu = identity.verified_hetu(request)
    if hetu is None:
        return render(request, "jobseekers/identify_first.html", {"demo": settings.DEMO})
    user = request.user
    form = SelfRegistrationForm(
        request.POST or None,
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "start_date": timezone.localdate(),
            "language": request.LANGUAGE_CODE,
        },
    )
    if request.method == "POST" and form.is_valid():
        reg = _registration(form.cleaned_data, birth_date=None)
        if attempt(form, lambda: registration.start_own_job_search(user, hetu, reg)):
            identity.forget(request)
            messages.success(request, _("Your job search has started."))
            return redirect("jobseekers:me")
    context = {
        "form": form,
        "masked_hetu": mask(hetu, Category.IDENTITY_CODE),
        "demo_identified": identity.identified_by_demo(request),
    }
    return render(request, "jobseekers/start.html", context)


@authenticated
def demo_identify(request):
    """Demo only: pick a synthetic test-range code in place of strong identification."""
    if response := _self_service_gate(request):
        return response
    if not settings.DEMO:
        raise Http404
    form = DemoIdentificationForm(
        request.POST or None, suggestions=identity.test_hetu_suggestions(request.user.pk)
    )
    if request.method == "POST" and form.is_valid():
        identity.remember(request, form.cleaned_data["hetu"], source=identity.DEMO_SOURCE)
        return redirect("jobseekers:start")
    return render(request, "jobseekers/demo_identify.html", {"form": form})
