"""Jobseeker pathway URLs: registration, self-service start, duplicates and merge, profile,
employment status and the end of the job search."""

from . import ANON, CASEWORK, ROLES, only

# Self-service start: a login with a work membership is refused (403); the jobseeker, who
# already has a record, is sent to their own page (302).
SELF_START = {ANON: 302, **dict.fromkeys(ROLES, 403), "jobseeker": 302}

EXPECTED = {
    "jobseekers:register": only(CASEWORK),
    "jobseekers:start": SELF_START,
    "jobseekers:demo_identify": SELF_START,
    "jobseekers:duplicates": only({"unit_lead"}),
    "jobseekers:merge": only({"unit_lead"}),
    "jobseekers:profile": only(CASEWORK),
    "jobseekers:preferences": only(CASEWORK),
    "jobseekers:status": only(CASEWORK),
    "jobseekers:my_profile": only({"jobseeker"}),
    "jobseekers:my_preferences": only({"jobseeker"}),
}


def make_objects(world) -> dict:
    """A second record in the same organisation, to merge into ``world.person``."""
    from tests.factories import CustomershipFactory, PersonFactory

    duplicate = CustomershipFactory(
        organisation=world.authority,
        person=PersonFactory(hetu=None, email=world.person.email),
        end_date="2026-03-10",
    ).person
    return {"duplicate_id": duplicate.pk}
