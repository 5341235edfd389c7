"""Staff pages for jobseekers, and the jobseeker's own page.

Each staff page that shows a person's data writes the access log in the same request.
People are addressed by UUID: nothing personal goes into a URL.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from saumaton.audit.access import log_reads
from saumaton.casework.overview import overview_for, with_overview_facts
from saumaton.core.access import requires
from saumaton.organisations.roles import Perm

from .models import JobseekerCustomership, Person, WorkAbilityLimitation

PAGE_SIZE = 50


def _with_customerships(queryset):
    # ``has_limitations`` rides on the person's own read: the overall picture needs only
    # whether any work-ability limitation is recorded (a target group), not the rows.
    return (
        queryset.select_related("home_municipality", "last_occupation")
        .annotate(
            has_limitations=Exists(WorkAbilityLimitation.objects.filter(person=OuterRef("pk")))
        )
        .prefetch_related(
            Prefetch(
                "customerships",
                queryset=JobseekerCustomership.objects.select_related(
                    "coach", "organisation", "unit"
                ),
            )
        )
    )


@requires(Perm.VIEW_PERSON)
def person_list(request):
    """The people of the user's organisations with an open job search; ``?mine=1`` for own."""
    people = Person.objects.visible_to(request.user).filter(customerships__end_date__isnull=True)
    mine = request.GET.get("mine") == "1"
    if mine:
        people = people.filter(
            customerships__coach=request.user, customerships__end_date__isnull=True
        )
    page = Paginator(
        _with_customerships(people).order_by("last_name", "first_name", "id"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    log_reads(request.user, page.object_list, purpose="jobseekers:list")
    return render(request, "jobseekers/list.html", {"page": page, "mine": mine})


@requires(Perm.VIEW_PERSON)
def person_detail(request, person_id):
    person = get_object_or_404(
        with_overview_facts(_with_customerships(Person.objects.visible_to(request.user))),
        pk=person_id,
    )
    log_reads(request.user, [person], purpose="jobseekers:detail")
    return _render_person(request, person, staff_view=True)


@requires(Perm.VIEW_OWN_RECORD)
def me(request):
    """The jobseeker's own information (reading oneself is not logged as a staff read)."""
    person = with_overview_facts(
        _with_customerships(Person.objects.filter(user=request.user))
    ).first()
    if person is None:
        raise Http404
    return _render_person(request, person, staff_view=False)


def _render_person(request, person, *, staff_view: bool):
    overview = overview_for(
        person,
        timezone.localdate(),
        event_type=request.GET.get("type", ""),
        organisation=request.GET.get("organisation", ""),
    )
    context = {
        "person": person,
        "o": overview,
        "staff_view": staff_view,
        "today": timezone.localdate(),
    }
    return render(request, "jobseekers/detail.html", context)
