"""The auditor's pages: who read whose data, by person and by staff member.

Showing a person's name here is itself a read of personal data, so these pages log too.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from saumaton.core.access import requires
from saumaton.jobseekers.models import Person
from saumaton.organisations.roles import Perm

from .access import access_log_visible_to, log_reads

PAGE_SIZE = 50


def _evaluated_page(rows, request):
    """Fetch the page before this view logs its own read, so the log shows what was there."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    return page


@requires(Perm.VIEW_ACCESS_LOG)
def index(request):
    log = access_log_visible_to(request.user)
    by_staff = list(
        log.values("actor_id", "actor__first_name", "actor__last_name", "actor__username")
        .annotate(reads=Count("id"), people=Count("person_id", distinct=True), last=Max("at"))
        .order_by("-last")[:PAGE_SIZE]
    )
    by_person = list(
        log.values("person_id", "person__first_name", "person__last_name")
        .annotate(reads=Count("id"), staff=Count("actor_id", distinct=True), last=Max("at"))
        .order_by("-last")[:PAGE_SIZE]
    )
    log_reads(
        request.user,
        Person.objects.filter(pk__in=[r["person_id"] for r in by_person]),
        "audit:index",
    )
    return render(request, "audit/index.html", {"by_staff": by_staff, "by_person": by_person})


@requires(Perm.VIEW_ACCESS_LOG)
def by_staff(request, user_id):
    log = access_log_visible_to(request.user)
    actor = get_object_or_404(
        get_user_model().objects.filter(pk__in=log.values("actor_id")), pk=user_id
    )
    rows = log.filter(actor=actor).select_related("person")
    page = _evaluated_page(rows, request)
    log_reads(request.user, {row.person for row in page.object_list}, "audit:staff")
    return render(request, "audit/by_staff.html", {"actor": actor, "page": page})


@requires(Perm.VIEW_ACCESS_LOG)
def by_person(request, person_id):
    log = access_log_visible_to(request.user)
    person = get_object_or_404(Person.objects.filter(pk__in=log.values("person_id")), pk=person_id)
    rows = log.filter(person=person).select_related("actor")
    page = _evaluated_page(rows, request)
    log_reads(request.user, [person], "audit:person")
    return render(request, "audit/by_person.html", {"person": person, "page": page})


@require_POST
@requires(Perm.VIEW_ACCESS_LOG)
def find_person(request):
    """Look a person up by identity code without putting the code into a URL."""
    hetu = request.POST.get("hetu", "").strip().upper()
    person_ids = access_log_visible_to(request.user).filter(person__hetu=hetu).values("person_id")
    person = Person.objects.filter(pk__in=person_ids).first()
    if person is None:
        messages.warning(request, _("No reads of that identity code in your area's log."))
        return redirect("audit:index")
    return redirect("audit:person", person_id=person.pk)
