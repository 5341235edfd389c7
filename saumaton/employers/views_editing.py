"""Forms that create and edit vacancies (area staff and employer users); the employer register
itself (employers, locations, contact persons) is ``views_register``.

Who may write what is ``scoping.employers_writable_by``: staff with ``MANAGE_VACANCIES`` the
employers of their area, an employer user (``ACT_FOR_EMPLOYER``) their own organisation; outside
that scope a page is a 404. The rules of a valid vacancy are the import's (``editing``).
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from saumaton.casework.errors import ConcurrentEditError
from saumaton.core.access import requires
from saumaton.organisations.models import Organisation
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm

from . import editing
from .forms import VacancyForm
from .importing import IMPORT_STATUSES, VacancyImportError
from .models import Vacancy
from .scoping import employers_writable_by, vacancies_writable_by


def _writable_employer(request, organisation_id):
    return get_object_or_404(
        employers_writable_by(request.user, Organisation.objects.all()), pk=organisation_id
    )


def _workplaces(employer, vacancy):
    """The employer's locations in use, and the vacancy's own even if retired (it may keep it)."""
    kept = Q(pk=vacancy.location_id) if vacancy and vacancy.location_id else Q(pk__in=[])
    return employer.employer_locations.filter(Q(active=True) | kept)


def _vacancy_form(request, employer, vacancy, done):
    """Create (``vacancy`` None) or edit; on a refusal the form is shown again, nothing saved."""
    statuses = editing.statuses_from(vacancy.status) if vacancy else IMPORT_STATUSES
    choices = {"statuses": statuses, "locations": _workplaces(employer, vacancy)}
    if request.method == "POST":
        form = VacancyForm(request.POST, **choices)
        if form.is_valid():
            try:
                if vacancy is None:
                    vacancy = editing.create_vacancy(employer, form.row())
                else:
                    editing.update_vacancy(
                        vacancy, form.row(), expected_version=form.cleaned_data["version"] or 0
                    )
            except VacancyImportError as exc:
                form.add_import_errors(exc.errors)
            except ConcurrentEditError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Vacancy saved."))
                return redirect(done, vacancy_id=vacancy.pk)
    elif vacancy is None:
        form = VacancyForm(
            initial={"remote": "on_site", "work_time": "full_time", "status": "draft"},
            **choices,
        )
    else:
        initial = VacancyForm.initial_from(editing.row_of(vacancy))
        form = VacancyForm(initial={**initial, "version": vacancy.version}, **choices)
    return render(
        request,
        "employers/vacancy_form.html",
        {"form": form, "employer": employer, "vacancy": vacancy},
    )


@requires(Perm.MANAGE_VACANCIES)
def vacancy_new(request, organisation_id):
    return _vacancy_form(
        request, _writable_employer(request, organisation_id), None, "employers:vacancy"
    )


@requires(Perm.MANAGE_VACANCIES)
def vacancy_edit(request, vacancy_id):
    vacancy = get_object_or_404(
        vacancies_writable_by(request.user, Vacancy.objects.select_related("employer")),
        pk=vacancy_id,
    )
    return _vacancy_form(request, vacancy.employer, vacancy, "employers:vacancy")


@requires(Perm.ACT_FOR_EMPLOYER)
def our_vacancy_new(request):
    """A new vacancy of the user's organisation (``?employer=`` if they act for several)."""
    own = Organisation.objects.filter(
        pk__in=organisation_ids_with(request.user, Perm.ACT_FOR_EMPLOYER), kind="employer"
    )
    chosen = request.GET.get("employer", "")
    if chosen.isdigit():
        own = own.filter(pk=int(chosen))
    if own.count() != 1:
        raise Http404
    return _vacancy_form(request, own.get(), None, "employers:our_vacancy")


@requires(Perm.ACT_FOR_EMPLOYER)
def our_vacancy_edit(request, vacancy_id):
    own = organisation_ids_with(request.user, Perm.ACT_FOR_EMPLOYER)
    vacancy = get_object_or_404(
        Vacancy.objects.select_related("employer").filter(employer_id__in=own), pk=vacancy_id
    )
    return _vacancy_form(request, vacancy.employer, vacancy, "employers:our_vacancy")
