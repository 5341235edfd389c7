"""A coach logs in, switches to Swedish, opens a person and sees the Swedish UI with their data."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coach_switches_to_swedish_and_opens_a_person(world, live_server, page):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "coach")
    page.fill("#id_password", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/jobseekers/")

    page.select_option("#language-select", "sv")
    page.click("form.language button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Arbetssökande"

    page.click(f"text={world.person.last_name}, {world.person.first_name}")
    page.wait_for_url(f"{live_server.url}/jobseekers/{world.person.pk}/")
    body = page.locator("main").inner_text()
    assert world.person.hetu in body
    assert "Grunduppgifter" in body
    assert "Personbeteckning" in body
    page.screenshot(path="var/browser-coach-sv.png", full_page=True)

    # The choice sticks: a new page load is still in Swedish.
    page.goto(f"{live_server.url}/jobseekers/")
    assert page.locator("html").get_attribute("lang") == "sv"
