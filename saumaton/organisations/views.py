"""The area administrator's view of the area, and the organisation directory for all staff."""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render

from saumaton.core.access import requires
from saumaton.organisations.roles import Perm

from .models import AreaMunicipality, Organisation, Unit
from .scoping import areas_visible_to, memberships_visible_to, organisations_visible_to


@requires(Perm.VIEW_AREA_STRUCTURE)
def area(request):
    areas = (
        areas_visible_to(request.user)
        .select_related("lead_municipality")
        .prefetch_related(
            Prefetch(
                "areamunicipality_set",
                queryset=AreaMunicipality.objects.select_related("municipality").order_by(
                    "municipality__name_fi"
                ),
            ),
            Prefetch(
                "organisations",
                queryset=Organisation.objects.annotate(
                    staff_count=Count("memberships")
                ).prefetch_related(Prefetch("units", queryset=Unit.objects.order_by("name"))),
            ),
        )
    )
    return render(request, "organisations/area.html", {"areas": areas})


@requires(Perm.VIEW_STAFF)
def staff(request):
    memberships = memberships_visible_to(request.user).order_by(
        "organisation__name", "unit__name", "user__last_name", "user__first_name"
    )
    return render(request, "organisations/staff.html", {"memberships": memberships})


@requires(Perm.VIEW_ORGANISATION_DIRECTORY)
def directory(request):
    organisations = organisations_visible_to(request.user).select_related("area")
    return render(request, "organisations/directory.html", {"organisations": organisations})


@requires(Perm.VIEW_ORGANISATION_DIRECTORY)
def organisation_detail(request, organisation_id):
    organisation = get_object_or_404(
        organisations_visible_to(request.user).select_related("area"), pk=organisation_id
    )
    units = organisation.units.all()
    return render(
        request, "organisations/organisation.html", {"organisation": organisation, "units": units}
    )
