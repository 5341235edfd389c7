"""Keeping the employer register: area staff create employers and edit their profile; staff
and the employer's own users keep its locations and contact persons current.

Who may write which employer: staff with ``MANAGE_VACANCIES`` the employers of their area
(``scoping.employers_kept_by``); an employer user (``ACT_FOR_EMPLOYER``) only their own
organisation's locations and contact persons, never its profile (industry, account manager are
the area's business). Outside that scope a page is a 404. The rules are ``register``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from saumaton.casework.errors import ConcurrentEditError
from saumaton.core.access import requires
from saumaton.organisations.models import EmploymentArea, Organisation
from saumaton.organisations.resolver import area_ids_with, organisation_ids_with
from saumaton.organisations.roles import Perm

from . import register
from .forms import ContactForm, EmployerForm, LocationForm
from .models import EmployerContact, EmployerLocation
from .scoping import employers_kept_by

OUR_PAGE = "employers:our_organisation"


def _staff_employer(request, organisation_id):
    return get_object_or_404(
        employers_kept_by(request.user, Organisation.objects.select_related("area")),
        pk=organisation_id,
    )


def _own_employer(request, organisation_id):
    own = organisation_ids_with(request.user, Perm.ACT_FOR_EMPLOYER)
    return get_object_or_404(
        Organisation.objects.filter(pk__in=own, kind=Organisation.Kind.EMPLOYER), pk=organisation_id
    )


@requires(Perm.MANAGE_VACANCIES)
def employer_new(request):
    areas = EmploymentArea.objects.filter(pk__in=area_ids_with(request.user, Perm.MANAGE_VACANCIES))
    managers = register.area_staff(areas.values("pk"))  # each is checked against its area
    form = EmployerForm(request.POST or None, areas=areas, managers=managers)
    if request.method == "POST" and form.is_valid():
        try:
            employer = register.create_employer(request.user, form.values())
        except register.RegisterError as exc:
            form.add_problems(exc.problems)
        else:
            messages.success(request, _("Employer added."))
            return redirect("employers:employer", organisation_id=employer.pk)
    return render(request, "employers/employer_form.html", {"form": form, "employer": None})


@requires(Perm.MANAGE_VACANCIES)
def employer_edit(request, organisation_id):
    employer = _staff_employer(request, organisation_id)
    managers = register.area_staff([employer.area_id])
    if request.method == "POST":
        form = EmployerForm(request.POST, managers=managers)
        if form.is_valid():
            try:
                register.update_employer(
                    request.user,
                    employer,
                    form.values(),
                    expected_version=form.cleaned_data["version"] or 0,
                )
            except register.RegisterError as exc:
                form.add_problems(exc.problems)
            except ConcurrentEditError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Saved."))
                return redirect("employers:employer", organisation_id=employer.pk)
    else:
        initial = {**register.values_of(employer), "version": register.profile_of(employer).version}
        form = EmployerForm(initial=initial, managers=managers)
    return render(request, "employers/employer_form.html", {"form": form, "employer": employer})


@dataclass(frozen=True)
class _Part:
    """A location or a contact person: its form, its save and its current values."""

    form_class: type
    save: Callable
    values: Callable
    keyword: str
    title: str


LOCATION = _Part(
    LocationForm,
    register.save_location,
    register.location_values,
    "location",
    gettext_lazy("Location"),
)
CONTACT = _Part(
    ContactForm,
    register.save_contact,
    register.contact_values,
    "contact",
    gettext_lazy("Contact person"),
)


def _part_form(request, employer, kind: _Part, part, done_url: str):
    """Add (``part`` None) or edit a location or contact person with its version."""
    if request.method == "POST":
        form = kind.form_class(request.POST)
        if form.is_valid():
            try:
                kind.save(
                    employer,
                    form.values(),
                    **{kind.keyword: part},
                    expected_version=form.cleaned_data["version"],
                )
            except register.RegisterError as exc:
                form.add_problems(exc.problems)
            except ConcurrentEditError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Saved."))
                return redirect(done_url)
    elif part is None:
        form = kind.form_class()
    else:
        form = kind.form_class(initial={**kind.values(part), "version": part.version})
    return render(
        request,
        "employers/employer_part_form.html",
        {"form": form, "employer": employer, "heading": kind.title, "back": done_url},
    )


def _staff_page(employer) -> str:
    return reverse("employers:employer", args=[employer.pk])


def _location(employer, location_id):
    if location_id is None:
        return None
    return get_object_or_404(EmployerLocation, organisation=employer, pk=location_id)


def _contact(employer, contact_id):
    if contact_id is None:
        return None
    return get_object_or_404(EmployerContact, organisation=employer, pk=contact_id)


@requires(Perm.MANAGE_VACANCIES)
def location_edit(request, organisation_id, location_id=None):
    employer = _staff_employer(request, organisation_id)
    return _part_form(
        request, employer, LOCATION, _location(employer, location_id), _staff_page(employer)
    )


@requires(Perm.MANAGE_VACANCIES)
def contact_edit(request, organisation_id, contact_id=None):
    employer = _staff_employer(request, organisation_id)
    return _part_form(
        request, employer, CONTACT, _contact(employer, contact_id), _staff_page(employer)
    )


@requires(Perm.ACT_FOR_EMPLOYER)
def our_organisation(request):
    """Our organisation as the register keeps it: what we may change and what the area keeps."""
    own = organisation_ids_with(request.user, Perm.ACT_FOR_EMPLOYER)
    employers = Organisation.objects.filter(pk__in=own, kind=Organisation.Kind.EMPLOYER)
    entries = [
        {
            "employer": employer,
            "profile": getattr(employer, "employer_profile", None),
            "locations": employer.employer_locations.select_related("municipality"),
            "contacts": employer.employer_contacts.all(),
        }
        for employer in employers.select_related("employer_profile__account_manager")
    ]
    return render(request, "employers/our_organisation.html", {"entries": entries})


@requires(Perm.ACT_FOR_EMPLOYER)
def our_location_edit(request, organisation_id, location_id=None):
    employer = _own_employer(request, organisation_id)
    return _part_form(
        request, employer, LOCATION, _location(employer, location_id), reverse(OUR_PAGE)
    )


@requires(Perm.ACT_FOR_EMPLOYER)
def our_contact_edit(request, organisation_id, contact_id=None):
    employer = _own_employer(request, organisation_id)
    return _part_form(request, employer, CONTACT, _contact(employer, contact_id), reverse(OUR_PAGE))
