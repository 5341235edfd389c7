"""The header links of the employers pages (read by ``core.context_processors``)."""

from django.utils.translation import gettext_lazy as _

from saumaton.organisations.roles import Perm

LINKS = (
    (Perm.VIEW_VACANCIES, "employers:vacancies", _("Vacancies")),
    (Perm.VIEW_VACANCIES, "employers:employers", _("Employers")),
    (Perm.MANAGE_VACANCIES, "employers:subsidies", _("Wage subsidies")),
    (Perm.ACT_FOR_EMPLOYER, "employers:our_vacancies", _("Our vacancies")),
    (Perm.ACT_FOR_EMPLOYER, "employers:our_subsidies", _("Our wage subsidies")),
    (Perm.ACT_FOR_EMPLOYER, "employers:our_organisation", _("Our organisation")),
    (Perm.RUN_OWN_PATHWAY, "employers:my_jobs", _("Jobs for me")),
)
