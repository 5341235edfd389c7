"""The area staff's pages: employers, vacancies with suggested candidates, the import.

Vacancies are found through ``visible_to`` (outside the scope is a 404); every candidate shown is
a staff read of that person and is written to the access log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from saumaton.audit.access import log_reads
from saumaton.casework.errors import CaseworkError
from saumaton.core.access import requires
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import EmploymentArea, Organisation
from saumaton.organisations.resolver import area_ids_with
from saumaton.organisations.roles import Perm

from . import vacancies as vacancy_service
from .forms import ContactLogForm, ImportForm, VacancyStatusForm
from .importing import VacancyImportError, import_vacancies
from .models import AssignedVacancy, EmployerProfile, Vacancy
from .scoping import employers_visible_to
from .suggestions import candidates_for_vacancy

PAGE = 50


@requires(Perm.VIEW_VACANCIES)
def vacancy_list(request):
    status = request.GET.get("status", Vacancy.Status.PUBLISHED)
    vacancies = (
        Vacancy.objects.visible_to(request.user)
        .filter(status=status)
        .select_related("employer", "municipality")
        .order_by("deadline", "id")
    )
    page = Paginator(vacancies, PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/vacancy_list.html",
        {"page": page, "status": status, "statuses": Vacancy.Status.choices},
    )


@requires(Perm.VIEW_VACANCIES)
def vacancy_detail(request, vacancy_id):
    vacancy = get_object_or_404(
        Vacancy.objects.visible_to(request.user).select_related(
            "employer", "municipality", "occupation", "location"
        ),
        pk=vacancy_id,
    )
    visible = Person.objects.visible_to(request.user)
    candidates = (
        candidates_for_vacancy(vacancy, visible, get_language())
        if request.user.can(Perm.VIEW_PERSON)
        else []
    )
    assigned = list(
        AssignedVacancy.objects.visible_to(request.user)
        .filter(vacancy=vacancy)
        .select_related("person")
    )
    log_reads(
        request.user,
        {c.person for c in candidates} | {a.person for a in assigned},
        "employers:vacancy",
    )
    return render(
        request,
        "employers/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "candidates": candidates,
            "assigned": assigned,
            "can_edit": request.user.can(Perm.MANAGE_VACANCIES),
            "next_statuses": [
                (value, label)
                for value, label in Vacancy.Status.choices
                if value in vacancy_service.ALLOWED[vacancy.status]
            ],
        },
    )


@require_POST
@requires(Perm.MANAGE_VACANCIES)
def vacancy_status(request, vacancy_id):
    vacancy = get_object_or_404(Vacancy.objects.visible_to(request.user), pk=vacancy_id)
    form = VacancyStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        try:
            vacancy_service.change_status(
                vacancy, form.cleaned_data["status"], expected_version=form.cleaned_data["version"]
            )
            messages.success(request, _("Status changed."))
        except CaseworkError as exc:
            messages.error(request, exc.message)
    return redirect("employers:vacancy", vacancy_id=vacancy.pk)


@requires(Perm.VIEW_VACANCIES)
def employer_list(request):
    employers = employers_visible_to(request.user, Organisation.objects.all()).select_related(
        "employer_profile"
    )
    page = Paginator(employers, PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/employer_list.html",
        {"page": page, "can_edit": request.user.can(Perm.MANAGE_VACANCIES)},
    )


@requires(Perm.VIEW_VACANCIES)
def employer_detail(request, organisation_id):
    employer = get_object_or_404(
        employers_visible_to(request.user, Organisation.objects.all()), pk=organisation_id
    )
    context = {
        "employer": employer,
        "profile": EmployerProfile.objects.filter(organisation=employer)
        .select_related("account_manager")
        .first(),
        "locations": employer.employer_locations.select_related("municipality"),
        "contacts": employer.employer_contacts.all(),
        "log": employer.employer_contact_log.select_related("by")[:50],
        "vacancies": employer.vacancies.exclude(status=Vacancy.Status.CLOSED)[:100],
        "form": ContactLogForm(initial={"on": timezone.localdate()}),
        "can_edit": request.user.can(Perm.MANAGE_VACANCIES),
    }
    return render(request, "employers/employer_detail.html", context)


@require_POST
@requires(Perm.MANAGE_VACANCIES)
def contact_log(request, organisation_id):
    employer = get_object_or_404(
        employers_visible_to(request.user, Organisation.objects.all()), pk=organisation_id
    )
    form = ContactLogForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date and the service."))
    else:
        vacancy_service.log_contact(request.user, employer, **form.cleaned_data)
        messages.success(request, _("Contact recorded."))
    return redirect("employers:employer", organisation_id=employer.pk)


@requires(Perm.MANAGE_VACANCIES)
def import_page(request):
    """Upload a file; on any problem the page lists every line at fault and nothing is saved."""
    areas = EmploymentArea.objects.filter(pk__in=area_ids_with(request.user, Perm.MANAGE_VACANCIES))
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read().decode("utf-8-sig")
            created = import_vacancies(areas.get(), text, upload.name)
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not UTF-8 text."))
        except EmploymentArea.MultipleObjectsReturned:
            form.add_error(None, _("You work in several areas; use the command line import."))
        except VacancyImportError as exc:
            errors = exc.errors
        else:
            messages.success(request, _("Imported %(n)d vacancies.") % {"n": len(created)})
            return redirect("employers:vacancies")
    return render(request, "employers/import.html", {"form": form, "errors": errors})
