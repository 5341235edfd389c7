"""Roles and their permissions, declared in one place (architecture principle 3).

Every view, API endpoint and CLI action names one ``Perm``; a user holds a permission through a
role in one of their memberships (scope: organisation -> unit -> area). Jobseekers hold the
``jobseeker`` role through their own person record, not through a membership.
Least privilege (380/2023 §124: user rights limited to what the task needs): area administrators
manage structures and staff but do not read people's data; analysts get pseudonymised data only;
auditors read the access log, not the records themselves.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    JOBSEEKER = "jobseeker", _("Jobseeker")
    EMPLOYER_USER = "employer_user", _("Employer user")
    COACH = "coach", _("Coach")
    UNIT_LEAD = "unit_lead", _("Unit lead")
    STATEMENT_OFFICER = "statement_officer", _("Statement officer")
    PARTNER = "partner", _("Partner professional")
    ANALYST = "analyst", _("Analyst")
    AREA_ADMIN = "area_admin", _("Area administrator")
    AUDITOR = "auditor", _("Auditor")


class Perm(StrEnum):
    """What a role may do. Values are stable identifiers used in docs and tests."""

    VIEW_OWN_RECORD = "view_own_record"
    VIEW_PERSON = "view_person"
    VIEW_AREA_STRUCTURE = "view_area_structure"
    VIEW_STAFF = "view_staff"
    VIEW_ORGANISATION_DIRECTORY = "view_organisation_directory"
    VIEW_ACCESS_LOG = "view_access_log"
    USE_RULES = "use_rules"
    MANAGE_CASEWORK = "manage_casework"  # meetings, plans, duty, failures of visible people
    VIEW_WORK_QUEUE = "view_work_queue"
    VIEW_UNIT_QUEUE = "view_unit_queue"
    REASSIGN_COACH = "reassign_coach"
    MERGE_PERSONS = "merge_persons"  # duplicate records: GDPR Art. 5(1)(d) accuracy
    ISSUE_STATEMENT = "issue_statement"
    RUN_OWN_PATHWAY = "run_own_pathway"  # a jobseeker's reports and valid reasons
    VIEW_VACANCIES = "view_vacancies"  # the area's employers, vacancies and suggestions
    MANAGE_VACANCIES = "manage_vacancies"  # import and edit vacancies, log employer contacts
    ACT_FOR_EMPLOYER = "act_for_employer"  # an employer user's own vacancies and candidates
    BROWSE_CATALOGUE = "browse_catalogue"  # the shared service catalogue
    MANAGE_CATALOGUE = "manage_catalogue"  # a provider's own catalogue entries
    VIEW_REFERRALS = "view_referrals"  # referrals to or from the user's organisation
    MANAGE_REFERRALS = "manage_referrals"  # answer and follow referrals to the organisation
    # Partners' scope: people referred to their organisation or covered by a consent or a legal
    # basis naming it (ecosystem); never the person pages the casework roles use.
    VIEW_REFERRED_PERSONS = "view_referred_persons"
    VIEW_INSIGHT = "view_insight"  # aggregate dashboards: no person in them
    IMPORT_KELA_DATA = "import_kela_data"  # Kela's municipal-share file (pseudonymised rows)
    VIEW_FINANCING_WATCHLIST = "view_financing_watchlist"  # named people, scoped and logged


_CASEWORK = {
    Perm.VIEW_PERSON,
    Perm.VIEW_ORGANISATION_DIRECTORY,
    Perm.USE_RULES,
    Perm.MANAGE_CASEWORK,
    Perm.VIEW_WORK_QUEUE,
    Perm.VIEW_VACANCIES,
    Perm.MANAGE_VACANCIES,
    Perm.BROWSE_CATALOGUE,
    Perm.VIEW_REFERRALS,
    Perm.MANAGE_REFERRALS,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.JOBSEEKER: frozenset({Perm.VIEW_OWN_RECORD, Perm.RUN_OWN_PATHWAY, Perm.BROWSE_CATALOGUE}),
    Role.EMPLOYER_USER: frozenset({Perm.VIEW_ORGANISATION_DIRECTORY, Perm.ACT_FOR_EMPLOYER}),
    Role.COACH: frozenset(_CASEWORK | {Perm.VIEW_FINANCING_WATCHLIST}),
    Role.UNIT_LEAD: frozenset(
        _CASEWORK
        | {
            Perm.VIEW_UNIT_QUEUE,
            Perm.REASSIGN_COACH,
            Perm.MERGE_PERSONS,
            Perm.ISSUE_STATEMENT,
            Perm.MANAGE_CATALOGUE,
            Perm.VIEW_INSIGHT,
            Perm.VIEW_FINANCING_WATCHLIST,
        }
    ),
    Role.STATEMENT_OFFICER: frozenset(_CASEWORK | {Perm.ISSUE_STATEMENT}),
    # Partners see only people referred to their organisation or covered by a consent or a
    # legal basis naming it, and only the data categories covered (jobseekers.scoping).
    Role.PARTNER: frozenset(
        {
            Perm.VIEW_ORGANISATION_DIRECTORY,
            Perm.BROWSE_CATALOGUE,
            Perm.MANAGE_CATALOGUE,
            Perm.VIEW_REFERRALS,
            Perm.MANAGE_REFERRALS,
            Perm.VIEW_REFERRED_PERSONS,
        }
    ),
    # Insight (aggregates, suppressed below 5 people) is for those who steer: analysts and unit
    # leads. Area administrators manage structures, not services, and do not get it.
    Role.ANALYST: frozenset(
        {
            Perm.VIEW_ORGANISATION_DIRECTORY,
            Perm.USE_RULES,
            Perm.VIEW_INSIGHT,
            Perm.IMPORT_KELA_DATA,
        }
    ),
    Role.AREA_ADMIN: frozenset(
        {Perm.VIEW_AREA_STRUCTURE, Perm.VIEW_STAFF, Perm.VIEW_ORGANISATION_DIRECTORY}
    ),
    Role.AUDITOR: frozenset({Perm.VIEW_ACCESS_LOG, Perm.VIEW_ORGANISATION_DIRECTORY}),
}

STAFF_ROLES = frozenset(Role) - {Role.JOBSEEKER, Role.EMPLOYER_USER}


def roles_granting(perm: Perm) -> frozenset[Role]:
    """The roles that hold ``perm``; used to scope querysets by membership."""
    return frozenset(role for role, perms in ROLE_PERMISSIONS.items() if perm in perms)
