"""The unit lead's pages for duplicate records: the candidate list and the merge.

Both records must be within the unit lead's scope (else 404, as for a person who does not
exist); the merge page shows what would move before anything is done, and a refusal is shown
up front. Every page that shows people writes the access log.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from saumaton.audit.access import log_reads
from saumaton.core.access import requires
from saumaton.organisations.roles import Perm

from . import duplicates, merge
from .errors import JobseekerError
from .models import Person


@requires(Perm.MERGE_PERSONS)
def duplicate_list(request):
    pairs = duplicates.duplicate_pairs(Person.objects.visible_to(request.user))
    log_reads(
        request.user,
        {p for pair in pairs for p in (pair.survivor, pair.duplicate)},
        "jobseekers:duplicates",
    )
    return render(request, "jobseekers/duplicates.html", {"pairs": pairs})


def _label(model_label: str) -> str:
    return str(apps.get_model(model_label)._meta.verbose_name_plural)


@requires(Perm.MERGE_PERSONS)
def merge_records(request, person_id, duplicate_id):
    visible = Person.objects.visible_to(request.user).select_related("home_municipality")
    survivor = get_object_or_404(visible, pk=person_id)
    duplicate = get_object_or_404(visible, pk=duplicate_id)
    refusal = None
    try:
        if request.method == "POST":
            result = merge.merge(request.user, survivor, duplicate)
            moved = ", ".join(f"{_label(k)}: {n}" for k, n in sorted(result.moved.items()))
            messages.success(request, _("Records merged. Moved: %(moved)s.") % {"moved": moved})
            return redirect("jobseekers:detail", person_id=survivor.pk)
        merge.check(request.user, survivor, duplicate)
    except JobseekerError as exc:
        refusal = exc.message
    log_reads(request.user, [survivor, duplicate], "jobseekers:merge")
    counts = {p.pk: merge.related_counts(p) for p in (survivor, duplicate)}
    rows = [
        (_label(k), counts[survivor.pk].get(k, 0), counts[duplicate.pk].get(k, 0))
        for k in sorted(set(counts[survivor.pk]) | set(counts[duplicate.pk]))
    ]
    context = {"survivor": survivor, "duplicate": duplicate, "rows": rows, "refusal": refusal}
    return render(request, "jobseekers/merge.html", context)
