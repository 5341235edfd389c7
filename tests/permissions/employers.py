"""Employers URLs: vacancies and employers (area staff), assigned vacancies (casework),
jobs for me (jobseeker), our vacancies and candidates (employer users)."""

from datetime import timedelta

from django.utils import timezone

from . import CASEWORK, everyone, only

EXPECTED = {
    "employers:vacancies": only(CASEWORK),
    "employers:import": only(CASEWORK),
    "employers:vacancy": only(CASEWORK),
    "employers:vacancy_status": everyone(405),
    "employers:vacancy_edit": only(CASEWORK),
    "employers:vacancy_new": only(CASEWORK),
    "employers:location_new": only(CASEWORK),
    "employers:location_edit": only(CASEWORK),
    "employers:contact_new": only(CASEWORK),
    "employers:contact_edit": only(CASEWORK),
    "employers:employer_new": only(CASEWORK),
    "employers:employer_edit": only(CASEWORK),
    "employers:our_organisation": only({"employer_user"}),
    "employers:our_location_new": only({"employer_user"}),
    "employers:our_location_edit": only({"employer_user"}),
    "employers:our_contact_new": only({"employer_user"}),
    "employers:our_contact_edit": only({"employer_user"}),
    "employers:our_vacancy_new": only({"employer_user"}),
    "employers:our_vacancy_edit": only({"employer_user"}),
    "employers:contact_log": everyone(405),
    "employers:employers": only(CASEWORK),
    "employers:employer": only(CASEWORK),
    "employers:assign": only(CASEWORK),
    "employers:not_applied": everyone(405),
    "employers:outcome": only(CASEWORK),
    "employers:my_jobs": only({"jobseeker"}),
    "employers:my_applied": only({"jobseeker"}),
    "employers:my_publication": only({"jobseeker"}),
    "employers:our_vacancies": only({"employer_user"}),
    "employers:our_vacancy": only({"employer_user"}),
    "employers:our_subsidy_apply": only({"employer_user"}),
    "employers:our_subsidies": only({"employer_user"}),
    "employers:our_claim": everyone(405),
    "employers:subsidies": only(CASEWORK),
    "employers:subsidy": only(CASEWORK),
    "api:employer-list": only(CASEWORK | {"employer_user"}, anon=401),
    "api:employer-detail": only(CASEWORK | {"employer_user"}, anon=401),
    "api:employer-location-list": only(CASEWORK | {"employer_user"}, anon=401),
    "api:employer-location-detail": only(CASEWORK | {"employer_user"}, anon=401),
    "api:employer-contact-list": only(CASEWORK | {"employer_user"}, anon=401),
    "api:employer-contact-detail": only(CASEWORK | {"employer_user"}, anon=401),
    "api:vacancy-list": only(CASEWORK | {"employer_user"}, anon=401),
    "api:vacancy-detail": only(CASEWORK | {"employer_user"}, anon=401),
    "api:vacancy-candidates": only(CASEWORK, anon=401),
    "api:matching-profile-list": only(CASEWORK, anon=401),
    "api:assigned-vacancy-list": only(CASEWORK, anon=401),
    "api:assigned-vacancy-detail": only(CASEWORK, anon=401),
    # without ?person= the request is refused as bad input (400) for those who may ask
    "api:assigned-vacancy-suggestions": only(CASEWORK, ok=400, anon=401),
    "api:assigned-vacancy-applied": only(CASEWORK, ok=405, anon=401),
    "api:assigned-vacancy-outcome": only(CASEWORK, ok=405, anon=401),
}


def make_objects(world) -> dict:
    """An open vacancy of the area's employer, assigned to the coach's and the own person."""
    from saumaton.employers.models import (
        AssignedVacancy,
        EmployerContact,
        EmployerLocation,
        WageSubsidy,
        WageSubsidyClaim,
    )
    from tests.employers.factories import setup_jobs

    jobs = setup_jobs(world)
    today = timezone.localdate()
    assigned, own = (
        AssignedVacancy.objects.create(
            person=person,
            vacancy=jobs.vacancy,
            assigned_on=today,
            deadline=today + timedelta(days=7),
        )
        for person in (world.person, world.own_person)
    )
    subsidy = WageSubsidy.objects.create(
        employer=jobs.employer,
        person=world.person,
        employer_kind="company",
        start=today,
        months_requested=6,
        monthly_pay_cost=3000,
        payment_period_months=1,
    )
    claim = WageSubsidyClaim.objects.create(
        subsidy=subsidy, period_start=today, period_end=today, deadline=today
    )
    location = EmployerLocation.objects.create(
        organisation=jobs.employer, name="Keittiö", municipality=jobs.municipality
    )
    contact = EmployerContact.objects.create(organisation=jobs.employer, name="Rekrytoija")
    return {
        "employer_location_id": location.pk,
        "employer_contact_id": contact.pk,
        "subsidy_id": subsidy.pk,
        "claim_id": claim.pk,
        "vacancy_id": jobs.vacancy.pk,
        "organisation_id_employer": jobs.employer.pk,
        "assignment_id": assigned.pk,
        "own_assignment_id": own.pk,
    }


API_KEYS = {
    "api:employer-detail": "organisation_id_employer",
    "api:employer-location-detail": "employer_location_id",
    "api:employer-contact-detail": "employer_contact_id",
    "api:vacancy-detail": "vacancy_id",
    "api:vacancy-candidates": "vacancy_id",
    "api:assigned-vacancy-detail": "assignment_id",
    "api:assigned-vacancy-applied": "assignment_id",
    "api:assigned-vacancy-outcome": "assignment_id",
}


def url_kwargs(name, world, objects):
    if name in API_KEYS:
        return {"pk": objects[API_KEYS[name]]}
    organisation = {"organisation_id": objects["organisation_id_employer"]}
    if name in (
        "employers:employer",
        "employers:employer_edit",
        "employers:contact_log",
        "employers:vacancy_new",
        "employers:location_new",
        "employers:contact_new",
        "employers:our_location_new",
        "employers:our_contact_new",
    ):
        return organisation
    if name in ("employers:location_edit", "employers:our_location_edit"):
        return {**organisation, "location_id": objects["employer_location_id"]}
    if name in ("employers:contact_edit", "employers:our_contact_edit"):
        return {**organisation, "contact_id": objects["employer_contact_id"]}
    if name == "employers:my_applied":
        return {"assignment_id": objects["own_assignment_id"]}
    return None


# The register's routes as seen from outside the employer's scope: an employer user of another
# organisation of the same area, and a coach of another area (``OUTSIDERS`` makes them). The
# in-scope roles, the jobseeker and anonymous are in ``EXPECTED``; tests/employers/
# test_register_scope.py requests each of these.
OUTSIDE_SCOPE = {
    "employers:employer_new": {"employer_user_elsewhere": 403, "coach_elsewhere": 200},
    "employers:employer_edit": {"employer_user_elsewhere": 403, "coach_elsewhere": 404},
    "employers:employer": {"employer_user_elsewhere": 403, "coach_elsewhere": 404},
    "employers:location_new": {"employer_user_elsewhere": 403, "coach_elsewhere": 404},
    "employers:location_edit": {"employer_user_elsewhere": 403, "coach_elsewhere": 404},
    "employers:contact_new": {"employer_user_elsewhere": 403, "coach_elsewhere": 404},
    "employers:contact_edit": {"employer_user_elsewhere": 403, "coach_elsewhere": 404},
    "employers:our_organisation": {"employer_user_elsewhere": 200, "coach_elsewhere": 403},
    "employers:our_location_new": {"employer_user_elsewhere": 404, "coach_elsewhere": 403},
    "employers:our_location_edit": {"employer_user_elsewhere": 404, "coach_elsewhere": 403},
    "employers:our_contact_new": {"employer_user_elsewhere": 404, "coach_elsewhere": 403},
    "employers:our_contact_edit": {"employer_user_elsewhere": 404, "coach_elsewhere": 403},
    "api:employer-detail": {"employer_user_elsewhere": 404, "coach_elsewhere": 404},
    "api:employer-location-detail": {"employer_user_elsewhere": 404, "coach_elsewhere": 404},
    "api:employer-contact-detail": {"employer_user_elsewhere": 404, "coach_elsewhere": 404},
}


def make_outsiders(world) -> dict:
    """An employer user of a neighbouring employer and a coach of the other area."""
    from saumaton.organisations.models import Organisation
    from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

    neighbour = OrganisationFactory(area=world.area, kind=Organisation.Kind.EMPLOYER)
    users = {
        "employer_user_elsewhere": UserFactory(username="employer_user_elsewhere"),
        "coach_elsewhere": UserFactory(username="coach_elsewhere"),
    }
    MembershipFactory(
        user=users["employer_user_elsewhere"], organisation=neighbour, role="employer_user"
    )
    MembershipFactory(
        user=users["coach_elsewhere"], organisation=world.other_authority, role="coach"
    )
    return users
