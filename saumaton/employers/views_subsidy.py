"""Wage subsidy pages: the employer applies and claims, the area's staff decide.

The employer may apply only for a person named to it for the vacancy (one who applied for it or
shares their identity: 380/2023 §118); staff find applications through the person's scope.
"""

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
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm

from . import wage_subsidy
from .forms import ClaimForm, DecisionForm, SubsidyApplicationForm
from .models import AssignedVacancy, Vacancy, WageSubsidy, WageSubsidyClaim
from .suggestions import employer_candidates


def _own_ids(request) -> set[int]:
    return organisation_ids_with(request.user, Perm.ACT_FOR_EMPLOYER)


def named_people(vacancy: Vacancy) -> list[Person]:
    """People the employer knows by name for this vacancy: applicants and those sharing identity."""
    applicants = Person.objects.filter(
        assigned_vacancies__vacancy=vacancy,
        assigned_vacancies__state__in=[AssignedVacancy.State.APPLIED, AssignedVacancy.State.HIRED],
    )
    shared = [c.person for c in employer_candidates(vacancy, get_language()) if c.person]
    return list({p.pk: p for p in [*applicants, *shared]}.values())


@requires(Perm.ACT_FOR_EMPLOYER)
def our_subsidy_apply(request, vacancy_id):
    vacancy = get_object_or_404(
        Vacancy.objects.filter(employer_id__in=_own_ids(request)), pk=vacancy_id
    )
    people = named_people(vacancy)
    form = SubsidyApplicationForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person = next(p for p in people if str(p.pk) == data.pop("person"))
        if _attempt(
            form,
            lambda: wage_subsidy.apply(
                request.user, employer=vacancy.employer, person=person, vacancy=vacancy, **data
            ),
        ):
            messages.success(request, _("Wage subsidy application sent."))
            return redirect("employers:our_subsidies")
    return render(request, "employers/subsidy_apply.html", {"vacancy": vacancy, "form": form})


@requires(Perm.ACT_FOR_EMPLOYER)
def our_subsidies(request):
    subsidies = (
        WageSubsidy.objects.filter(employer_id__in=_own_ids(request))
        .select_related("person")
        .prefetch_related("claims")
    )
    return render(
        request,
        "employers/our_subsidies.html",
        {"subsidies": subsidies, "claim_form": ClaimForm(), "today": timezone.localdate()},
    )


@require_POST
@requires(Perm.ACT_FOR_EMPLOYER)
def our_claim(request, claim_id):
    claim = get_object_or_404(
        WageSubsidyClaim.objects.filter(subsidy__employer_id__in=_own_ids(request)), pk=claim_id
    )
    form = ClaimForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the amount in euros."))
    else:
        try:
            wage_subsidy.claim(
                request.user, claim, amount=form.cleaned_data["amount"], today=timezone.localdate()
            )
            messages.success(request, _("Payment claimed."))
        except CaseworkError as exc:
            messages.error(request, exc.message)
    return redirect("employers:our_subsidies")


@requires(Perm.MANAGE_VACANCIES)
def subsidies(request):
    rows = list(
        WageSubsidy.objects.visible_to(request.user).select_related("person", "employer")[:200]
    )
    log_reads(request.user, {s.person for s in rows}, "employers:subsidies")
    return render(request, "employers/subsidies.html", {"subsidies": rows})


@requires(Perm.MANAGE_VACANCIES)
def subsidy(request, subsidy_id):
    case = get_object_or_404(
        WageSubsidy.objects.visible_to(request.user).select_related("person", "employer"),
        pk=subsidy_id,
    )
    log_reads(request.user, [case.person], "employers:subsidy")
    form = DecisionForm(request.POST or None, initial={"version": case.version})
    if (
        request.method == "POST"
        and form.is_valid()
        and _attempt(
            form,
            lambda: wage_subsidy.decide(
                request.user,
                case,
                grant=form.cleaned_data["grant"],
                today=timezone.localdate(),
                expected_version=form.cleaned_data["version"],
            ),
        )
    ):
        messages.success(request, _("Decision saved."))
        return redirect("employers:subsidy", subsidy_id=case.pk)
    return render(
        request,
        "employers/subsidy.html",
        {"case": case, "claims": case.claims.all(), "form": form},
    )
