"""Login throttling, staff session expiry and the language that sticks."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from saumaton.accounts.middleware import SESSION_STARTED


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_correct_password_logs_in(world, client):
    response = _login(client, "coach", "pw")
    assert response.status_code == 302


def test_too_many_failures_lock_the_username_even_with_the_right_password(world, client):
    for _ in range(settings.SAUMATON_LOGIN_MAX_FAILURES):
        assert _login(client, "coach", "wrong").status_code == 200
    response = _login(client, "coach", "pw")
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["throttled"]
    assert "_auth_user_id" not in client.session


def test_failures_of_one_user_do_not_lock_another(world, client):
    for _ in range(settings.SAUMATON_LOGIN_MAX_FAILURES):
        _login(client, "coach", "wrong")
    assert _login(client, "auditor", "pw").status_code == 302


def test_staff_session_ends_after_the_absolute_maximum(world, client):
    client.force_login(world.users["coach"])
    assert client.get(reverse("jobseekers:list")).status_code == 200
    session = client.session
    session[SESSION_STARTED] = (
        timezone.now() - settings.SAUMATON_STAFF_SESSION_MAX - timedelta(minutes=1)
    ).timestamp()
    session.save()
    assert client.get(reverse("jobseekers:list")).status_code == 302


def test_language_choice_sticks_on_the_user_and_comes_back_at_login(world, client):
    client.force_login(world.users["coach"])
    client.post(reverse("core:set_language"), {"language": "sv", "next": "/"})
    world.users["coach"].refresh_from_db()
    assert world.users["coach"].language == "sv"
    client.logout()
    client.cookies.clear()
    response = _login(client, "coach", "pw")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    page = client.get(reverse("jobseekers:list"))
    assert '<html lang="sv">' in page.content.decode()


def test_set_language_refuses_an_outside_redirect(world, client):
    response = client.post(
        reverse("core:set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_the_default_language_is_finnish(db):
    from django.test import Client

    page = Client().get(reverse("core:front")).content.decode()
    assert '<html lang="fi">' in page
    assert "Kirjaudu sisään" in page
