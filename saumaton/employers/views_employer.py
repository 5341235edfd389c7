"""The employer user's pages: our vacancies and the candidates we may see.

Candidates are pseudonymous unless the person shares their identity or has applied
(``suggestions.employer_candidates``, 380/2023 §118). Every named candidate shown is a
disclosure to the employer and is written to the access log: ``log_reads`` logs staff only, so
this module writes the rows itself.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from saumaton.audit.models import AccessLog
from saumaton.core.access import requires
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm

from .models import Vacancy
from .suggestions import employer_candidates


def _ours(request):
    return Vacancy.objects.filter(
        employer_id__in=organisation_ids_with(request.user, Perm.ACT_FOR_EMPLOYER)
    ).select_related("employer", "municipality", "location")


@requires(Perm.ACT_FOR_EMPLOYER)
def our_vacancies(request):
    return render(request, "employers/our_vacancies.html", {"vacancies": _ours(request)[:500]})


@requires(Perm.ACT_FOR_EMPLOYER)
def our_vacancy(request, vacancy_id):
    vacancy = get_object_or_404(_ours(request), pk=vacancy_id)
    candidates = (
        employer_candidates(vacancy, get_language())
        if vacancy.status == Vacancy.Status.PUBLISHED
        else []
    )
    AccessLog.objects.bulk_create(
        AccessLog(
            actor=request.user,
            area_id=vacancy.employer.area_id,
            person=c.person,
            purpose="employers:candidates",
        )
        for c in candidates
        if c.person
    )
    return render(
        request, "employers/our_vacancy.html", {"vacancy": vacancy, "candidates": candidates}
    )
