"""A person starts their own job search after (demo) strong identification."""

from datetime import date

from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from saumaton.accounts import identity
from saumaton.jobseekers.models import Person
from saumaton.rules.identifiers import make_hetu, validate_hetu
from tests.factories import PersonFactory, UserFactory


def start_form(world, **overrides):
    return {
        "first_name": "Eero",
        "last_name": "Järvinen",
        "home_municipality": world.area.lead_municipality_id,
        "language": "fi",
        "email": "",
        "phone": "",
        "postcode": "",
        "start_date": timezone.localdate().isoformat(),
        "status": "laid_off",
        **overrides,
    }


@override_settings(DEMO=True)
def test_self_service_start_with_the_demo_identification(world, login):
    user = UserFactory(username="newcomer")
    client = login(user)
    assert client.get(reverse("jobseekers:start")).status_code == 200  # identify first
    page = client.get(reverse("jobseekers:demo_identify"))
    choice = page.context["form"].fields["hetu"].choices[0][0]
    assert identity.is_test_hetu(choice)
    response = client.post(reverse("jobseekers:demo_identify"), {"hetu": choice})
    assert response["Location"] == reverse("jobseekers:start")
    assert choice not in response["Location"]
    response = client.post(reverse("jobseekers:start"), start_form(world))
    assert response["Location"] == reverse("jobseekers:me")
    person = Person.objects.get(user=user)
    assert person.hetu == choice
    assert person.birth_date == validate_hetu(choice).birth_date
    search = person.customerships.get()
    assert search.organisation == world.authority
    assert search.coach is None
    assert person.events.get().payload["channel"] == "self_service"
    assert identity.SESSION_KEY not in client.session  # dropped once used
    assert client.get(reverse("jobseekers:me")).status_code == 200


@override_settings(DEMO=True)
def test_demo_identification_accepts_only_the_offered_test_codes(world, login):
    client = login(UserFactory(username="newcomer"))
    real_range = make_hetu(date(1980, 1, 1), 123)
    response = client.post(reverse("jobseekers:demo_identify"), {"hetu": real_range})
    assert "hetu" in response.context["form"].errors
    assert identity.SESSION_KEY not in client.session


@override_settings(DEMO=False)
def test_no_demo_identification_outside_the_demo(world, login):
    client = login(UserFactory(username="newcomer"))
    assert client.get(reverse("jobseekers:demo_identify")).status_code == 404


def test_identity_from_the_providers_claim(rf: RequestFactory, settings):
    settings.OIDC_HETU_CLAIM = "hetu"
    request = rf.get("/")
    request.session = {}
    code = make_hetu(date(1975, 4, 4), 950)
    assert identity.remember_from_claims(request, {"hetu": code})
    assert identity.verified_hetu(request) == code
    assert not identity.identified_by_demo(request)
    request.session = {}
    assert not identity.remember_from_claims(request, {"national_id": code})
    assert not identity.remember_from_claims(request, {"hetu": "010101-0000"})
    assert identity.verified_hetu(request) is None


@override_settings(DEMO=True)
def test_a_record_registered_by_a_coach_is_linked_to_the_login(world, login):
    code = make_hetu(date(1988, 8, 8), 960)
    earlier = PersonFactory(hetu=code, birth_date=date(1988, 8, 8))
    user = UserFactory(username="newcomer")
    client = login(user)
    session = client.session
    session[identity.SESSION_KEY] = {"hetu": code, "source": identity.DEMO_SOURCE}
    session.save()
    assert client.post(reverse("jobseekers:start"), start_form(world)).status_code == 302
    earlier.refresh_from_db()
    assert earlier.user == user
    assert earlier.first_name != "Eero"  # the record keeps its identity


@override_settings(DEMO=True)
def test_self_service_outside_the_service_area_is_a_field_error(world, login):
    from tests.factories import MunicipalityFactory

    user = UserFactory(username="newcomer")
    client = login(user)
    session = client.session
    session[identity.SESSION_KEY] = {
        "hetu": make_hetu(date(1990, 1, 1), 970),
        "source": identity.DEMO_SOURCE,
    }
    session.save()
    # 999 is outside the factory's code cycle (900–998), so never one of the world's own.
    nowhere = MunicipalityFactory(code="999")
    response = client.post(reverse("jobseekers:start"), start_form(world, home_municipality="999"))
    assert "home_municipality" in response.context["form"].errors
    assert not Person.objects.filter(user=user).exists()
    assert nowhere.pk == "999"


def test_a_work_account_cannot_start_a_job_search(world, login):
    assert login(world.users["coach"]).get(reverse("jobseekers:start")).status_code == 403
