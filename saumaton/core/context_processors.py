"""Navigation shown in the page header: only the links the user's roles can open."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from saumaton.employers.navigation import LINKS as EMPLOYER_LINKS
from saumaton.organisations.roles import Perm

_LINKS = (
    (Perm.VIEW_WORK_QUEUE, "casework:queue", _("My work queue")),
    (Perm.VIEW_UNIT_QUEUE, "casework:unit", _("Unit overview")),
    (Perm.VIEW_PERSON, "jobseekers:list", _("Jobseekers")),
    (Perm.MERGE_PERSONS, "jobseekers:duplicates", _("Duplicate records")),
    (Perm.VIEW_OWN_RECORD, "jobseekers:me", _("My information")),
    (Perm.VIEW_OWN_RECORD, "ecosystem:my_consents", _("My consents")),
    (Perm.BROWSE_CATALOGUE, "ecosystem:catalogue", _("Service catalogue")),
    (Perm.VIEW_REFERRALS, "ecosystem:queue", _("Incoming referrals")),
    (Perm.MANAGE_CATALOGUE, "ecosystem:my_services", _("My services")),
    (Perm.VIEW_AREA_STRUCTURE, "organisations:area", _("Employment area")),
    (Perm.VIEW_ORGANISATION_DIRECTORY, "organisations:directory", _("Organisations")),
    (Perm.VIEW_ACCESS_LOG, "audit:index", _("Access log")),
    *EMPLOYER_LINKS,
    (Perm.VIEW_INSIGHT, "insight:overview", _("Insight")),
    (Perm.VIEW_FINANCING_WATCHLIST, "insight:watchlist", _("Financing watchlist")),
)


def navigation(request):
    user = getattr(request, "user", None)
    demo = {"settings_demo": settings.DEMO}
    if user is None or not user.is_authenticated:
        return {"nav_links": [], **demo}
    return {
        **demo,
        "nav_links": [
            {"url": reverse(name), "label": label} for perm, name, label in _LINKS if user.can(perm)
        ],
    }
